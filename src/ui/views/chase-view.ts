/// <reference lib="dom" />
/**
 * Chase lead officers (issue 14): one entry per officer with the counts by reason, "Draft e-mail"
 * (the plain-text draft as a mailto: link, opened with window.open) and "Copy" (subject and body to
 * the clipboard). Where the host will not open the link, or refuses the clipboard, the draft shows
 * in a read-only text box to copy by hand. The draft is text made by the engine (shared/chase); it
 * goes into the text box as its value, never as markup.
 */
import { h, uniquePrefix } from '../dom';
import { chaseCountsText, type ChaseEntry, type PanelResult } from '../panel-result';
import { counted, disclosure, none, type ResultsContext } from './sections';

/** What Copy puts on the clipboard: the address when known, the subject, then the body. */
export function draftText(entry: ChaseEntry): string {
  return [...(entry.draft.to ? [`To: ${entry.draft.to}`] : []), `Subject: ${entry.draft.subject}`, '', entry.draft.body].join('\n');
}

function chaseEntry(ctx: ResultsContext, entry: ChaseEntry): HTMLElement {
  const nameId = uniquePrefix(`${ctx.id}-chase`);
  const text = draftText(entry);
  const box = h('textarea', { class: 'pm-input pm-draft-text', attrs: { id: `${nameId}-draft`, readonly: true, rows: 10, spellcheck: 'false' } });
  box.value = text;
  const draftBox = h('div', { class: 'pm-draft', attrs: { hidden: true } }, h('label', { class: 'pm-label', attrs: { for: `${nameId}-draft` } }, `Text of the e-mail to ${entry.officer}`), box);

  const showDraft = (select: boolean) => {
    draftBox.hidden = false;
    box.focus();
    if (select) box.select();
  };

  const draftButton = ctx.controls.button('Draft e-mail', { attrs: { 'aria-label': `Draft e-mail to ${entry.officer}` } });
  draftButton.addEventListener('click', () => {
    let opened: Window | null;
    try {
      opened = window.open(entry.draft.mailto);
    } catch {
      opened = null;
    }
    if (opened === null) {
      showDraft(false);
      ctx.say(`Your e-mail program could not be opened from here, so the draft to ${entry.officer} is shown below: copy it into a new e-mail.`);
    } else {
      ctx.say(`Opened a draft e-mail to ${entry.officer} in your e-mail program. If none appears, use Copy and paste it into a new e-mail.`);
    }
  });

  const copyButton = ctx.controls.button('Copy', { attrs: { 'aria-label': `Copy the e-mail to ${entry.officer}` } });
  copyButton.addEventListener('click', () => {
    const refused = () => {
      showDraft(true);
      ctx.say(`Plan Monitor could not copy here, so the draft to ${entry.officer} is selected below: press Ctrl+C (⌘C on a Mac) to copy it.`);
    };
    try {
      void navigator.clipboard.writeText(text).then(() => ctx.say(`Copied the e-mail to ${entry.officer}: paste it into a new e-mail.`), refused);
    } catch {
      refused(); // no clipboard here at all (an insecure page, an old webview)
    }
  });

  return h(
    'li',
    { class: 'pm-chase' },
    h('h4', { class: 'pm-h4', attrs: { id: nameId } }, entry.officer),
    h('p', { class: 'pm-meta' }, entry.email ? `To: ${entry.email}` : 'No e-mail address in the plan: add one to the draft.'),
    h('p', { class: 'pm-chase-counts' }, `${chaseCountsText(entry)}.`),
    h('div', { class: 'pm-form-buttons' }, draftButton, copyButton),
    draftBox,
  );
}

export function chaseSection(ctx: ResultsContext, r: PanelResult): HTMLElement {
  const f = ctx.filter;
  const items = r.chase.filter((e) => (f.lead === null || e.lead === f.lead) && (f.theme === null || e.themes.includes(f.theme)));
  const actions = items.reduce((n, e) => n + e.actions, 0);
  return disclosure(
    ctx,
    'chase',
    counted('Chase lead officers', items.length, r.chase.length, f),
    false,
    ...(items.length === 0
      ? [none('No lead officer needs chasing: nothing is overdue, slipped without a revised date, late to start or due soon.')]
      : [
          h('p', { class: 'pm-hint' }, `${actions === 1 ? 'One action needs' : `${actions} actions need`} an update. Each draft is plain text: check it before you send it.`),
          h('ul', { class: 'pm-list pm-chase-list' }, ...items.map((e) => chaseEntry(ctx, e))),
        ]),
  );
}
