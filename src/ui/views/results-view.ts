/// <reference lib="dom" />
/**
 * The results of a run: the whole quarter, in collapsible sections with their counts in the
 * headings. First what counts the whole plan (the status table beside the previous period, the
 * themes with their RAG, the lead officers), then a filter by theme and lead officer, then the
 * lists it narrows (findings, overdue, due soon, slipped, re-profiled, not started, what changed,
 * milestones, the chase). Every list row is a button that selects its cell.
 */
import { ragWords } from '../../../shared/report/svg-chart';
import type { Rag } from '../../../shared/status/schemes';
import { plural } from '../../../shared/text/plural';
import { h } from '../dom';
import type { ListedRow, PanelResult } from '../panel-result';
import { chaseSection } from './chase-view';
import { commentary, counted, disclosure, inFilter, listLimit, moreNote, none, rowButton, type ListFilter, type ResultsContext } from './sections';

export { listLimit, type ResultsContext } from './sections';

/** A status or RAG chip: the word, in the palette's colours (the word is always there; colour is never the only cue). */
function chip(r: PanelResult, text: string, rag: Rag | null): HTMLElement {
  const node = h('span', { class: 'pm-chip' }, text);
  if (rag !== null && r.palette[rag]) {
    node.style.backgroundColor = r.palette[rag].fill;
    node.style.color = r.palette[rag].text;
  } else node.classList.add('pm-chip-none');
  return node;
}

/** "+15", "−20" (a true minus sign, as the committee report writes it), "0". */
function change(n: number): string {
  return n > 0 ? `+${n}` : n < 0 ? `\u2212${-n}` : '0';
}

const num = (n: number | string) => h('td', { class: 'pm-num' }, n);
const colHead = (text: string, numeric = true) => h('th', { class: numeric ? 'pm-num' : undefined, attrs: { scope: 'col' } }, text);
const rowHead = (...content: (Node | string)[]) => h('th', { attrs: { scope: 'row' } }, ...content);

export function statusTable(r: PanelResult): HTMLElement {
  // With a recorded period, the committee's shape: the previous period's column beside this one, and the change.
  const prev = r.previous;
  const body = h('tbody');
  for (const s of r.statusCounts) {
    const before = prev?.counts[s.status] ?? 0;
    body.append(h('tr', null, rowHead(chip(r, s.status, s.rag as Rag | null)), prev ? num(before) : null, num(s.count), prev ? num(change(s.count - before)) : null));
  }
  return h(
    'table',
    { class: 'pm-table' },
    h('caption', { class: 'pm-visually-hidden' }, 'Actions by status'),
    h('thead', null, h('tr', null, colHead('Status', false), prev ? colHead(prev.label) : null, colHead(r.currentLabel), prev ? colHead('Change') : null)),
    body,
    h('tfoot', null, h('tr', null, rowHead('Grand Total'), prev ? num(prev.total) : null, num(r.total), prev ? num(change(r.total - prev.total)) : null)),
  );
}

function countsText(counts: { status: string; count: number }[]): string {
  return counts.map((c) => `${c.count} ${c.status}`).join(', ');
}

function themesTable(r: PanelResult): HTMLElement {
  return h(
    'table',
    { class: 'pm-table pm-table-themes' },
    h('caption', { class: 'pm-visually-hidden' }, 'Themes with their RAG'),
    h('thead', null, h('tr', null, colHead('Theme', false), colHead('RAG', false), colHead('Actions'))),
    h('tbody', null, ...r.themes.map((t) => h('tr', null, rowHead(t.theme, h('span', { class: 'pm-meta' }, countsText(t.counts))), h('td', null, chip(r, ragWords[t.rag], t.rag)), num(t.total)))),
  );
}

function leadTable(r: PanelResult): HTMLElement {
  return h(
    'table',
    { class: 'pm-table' },
    h('caption', { class: 'pm-visually-hidden' }, 'Actions by lead officer'),
    h('thead', null, h('tr', null, colHead('Lead officer', false), colHead('Actions'))),
    h('tbody', null, ...r.byLead.map((l) => h('tr', null, rowHead(l.label, h('span', { class: 'pm-meta' }, countsText(l.counts))), num(l.total)))),
  );
}

// ---- Lists -----------------------------------------------------------------------------------

function findingList(ctx: ResultsContext, key: string, title: string, all: PanelResult['errors'], kind: 'error' | 'warning'): HTMLElement {
  const items = all.filter((f) => inFilter(ctx.filter, f.scope));
  const content =
    items.length === 0
      ? [none()]
      : [
          h(
            'ul',
            { class: 'pm-list' },
            ...items.slice(0, listLimit).map((f) => {
              const button = h('button', { class: `pm-item pm-${kind}`, attrs: { type: 'button', 'data-cell': f.cell } }, h('span', { class: 'pm-cell' }, f.cell), ' ', h('span', { class: 'pm-msg' }, f.message));
              button.addEventListener('click', () => ctx.goTo(f.sheet, f.cell, kind));
              return h('li', null, button);
            }),
          ),
          moreNote(items.length),
        ];
  return disclosure(ctx, key, counted(title, items.length, all.length, ctx.filter), true, ...content);
}

/**
 * A list of actions, each a button to its cell. A milestone sits under its action when the action
 * is in the same list, and says whose milestone it is either way.
 */
function actionList<T extends ListedRow>(ctx: ResultsContext, sheet: string, items: readonly T[], lines: (a: T) => (Node | string | null)[]): HTMLElement[] {
  if (items.length === 0) return [none()];
  const shown = items.slice(0, listLimit);
  const list = h('ul', { class: 'pm-list' });
  const parents = new Map<string, HTMLElement>();
  const made = shown.map((a) => {
    const meta = [a.milestoneOf !== null ? `Milestone of ${a.milestoneOf}.` : null, ...lines(a)];
    const li = h('li', null, rowButton(ctx, sheet, a, `${a.milestoneOf !== null ? 'milestone' : 'action'} ${a.ref}`, a.milestoneOf !== null ? 'milestone' : null, ...meta));
    if (a.milestoneOf === null && !parents.has(a.ref.toLowerCase())) parents.set(a.ref.toLowerCase(), li);
    return li;
  });
  shown.forEach((a, i) => {
    const li = made[i] as HTMLElement;
    const parent = a.milestoneOf === null ? undefined : parents.get(a.milestoneOf.toLowerCase());
    if (!parent) {
      list.append(li);
      return;
    }
    let sub = parent.querySelector<HTMLElement>(':scope > ul');
    if (!sub) {
      sub = h('ul', { class: 'pm-list pm-sublist', attrs: { 'aria-label': `Milestones of ${a.milestoneOf ?? ''}` } });
      parent.append(sub);
    }
    sub.append(li);
  });
  return [list, moreNote(items.length)].filter((n): n is HTMLElement => n !== null);
}

function listSection<T extends ListedRow>(ctx: ResultsContext, r: PanelResult, key: string, title: string, all: readonly T[], open: boolean, lines: (a: T) => (Node | string | null)[]): HTMLElement {
  const items = all.filter((a) => inFilter(ctx.filter, a.scope));
  return disclosure(ctx, key, counted(title, items.length, all.length, ctx.filter), open, ...actionList(ctx, r.sheet, items, lines));
}

const statusLine = (a: ListedRow) => (a.status ? `Status: ${a.status}.` : null);

function changesSection(ctx: ResultsContext, r: PanelResult): HTMLElement {
  const c = r.changes;
  const keep = <T extends { scope: PanelResult['changes']['added'][number]['scope'] }>(xs: readonly T[]) => xs.filter((x) => inFilter(ctx.filter, x.scope));
  const title = c.since === null ? 'Changes since the last period' : `Changes since ${c.since}`;
  if (c.since === null) return disclosure(ctx, 'changes', `${title} (0)`, false, none('No earlier period is recorded. Record this one (Period name, above), and next quarter the panel shows what changed since.'));
  const status = keep(c.status);
  const added = keep(c.added);
  const removed = keep(c.removed);
  const shown = status.length + added.length + removed.length;
  const all = c.status.length + c.added.length + c.removed.length;
  const part = (heading: string, rows: { ref: string; action: string; cell: string | null }[], line: (i: number) => string | null) =>
    rows.length === 0
      ? null
      : h(
          'div',
          { class: 'pm-part' },
          h('h4', { class: 'pm-h4' }, `${heading} (${rows.length})`),
          h(
            'ul',
            { class: 'pm-list' },
            ...rows.slice(0, listLimit).map((x, i) => {
              const cell = x.cell;
              return h(
                'li',
                null,
                cell === null
                  ? h('p', { class: 'pm-item pm-static' }, h('span', { class: 'pm-cell pm-cell-plain' }, x.ref), ' ', h('span', { class: 'pm-msg' }, x.action || '(no description)'), line(i) ? h('span', { class: 'pm-meta' }, line(i)) : null)
                  : rowButton(ctx, r.sheet, { ref: x.ref, action: x.action, cell }, `action ${x.ref}`, null, line(i)),
              );
            }),
          ),
          moreNote(rows.length),
        );
  return disclosure(
    ctx,
    'changes',
    counted(title, shown, all, ctx.filter),
    false,
    ...(shown === 0
      ? [none(`No status changed, and no action was added or removed, since ${c.since}.`)]
      : [
          part('Status changed', status, (i) => `${status[i]?.from ?? ''} → ${status[i]?.to ?? ''}.`),
          part(`New since ${c.since}`, added, () => null),
          part(`No longer in the plan`, removed, () => null),
        ]),
  );
}

function reprofiledSection(ctx: ResultsContext, r: PanelResult): HTMLElement {
  const all = r.changes.reprofiled;
  const items = all.filter((x) => inFilter(ctx.filter, x.scope));
  const list =
    items.length === 0
      ? [none()]
      : [
          h(
            'ul',
            { class: 'pm-list' },
            ...items.slice(0, listLimit).map((x) => {
              const line = `${x.timeline ?? x.dates.join(' → ')} (${x.dates.length === 2 ? 'moved once' : `moved ${x.dates.length - 1} times`}).`;
              const cell = x.cell;
              return h('li', null, cell === null ? h('p', { class: 'pm-item pm-static' }, x.ref, ' ', x.action, h('span', { class: 'pm-meta' }, line)) : rowButton(ctx, r.sheet, { ref: x.ref, action: x.action, cell }, `action ${x.ref}`, null, line));
            }),
          ),
          moreNote(items.length),
        ];
  return disclosure(ctx, 'reprofiled', counted('Re-profiled timescales', items.length, all.length, ctx.filter), false, ...list);
}

function milestoneSection(ctx: ResultsContext, r: PanelResult): HTMLElement | null {
  const all = r.milestones;
  if (all.length === 0) return null;
  const items = all.filter((m) => inFilter(ctx.filter, m.scope));
  const line = (m: (typeof all)[number]) =>
    `${plural(m.milestones, 'milestone')}${m.overdue > 0 ? `, ${m.overdue} overdue` : ''}. Reported ${m.own === null ? 'with no status' : ragWords[m.own]}; its milestones put it at ${ragWords[m.derived]}.`;
  return disclosure(
    ctx,
    'milestones',
    counted('Actions with milestones', items.length, all.length, ctx.filter),
    false,
    ...(items.length === 0 ? [none()] : [h('ul', { class: 'pm-list' }, ...items.slice(0, listLimit).map((m) => h('li', null, rowButton(ctx, r.sheet, m, `action ${m.ref}`, null, line(m))))), moreNote(items.length)]),
  );
}

/** The lists the filter narrows, drawn again whenever it changes. */
function lists(ctx: ResultsContext, r: PanelResult): Node[] {
  return [
    findingList(ctx, 'errors', 'Errors', r.errors, 'error'),
    findingList(ctx, 'warnings', 'Warnings', r.warnings, 'warning'),
    listSection(ctx, r, 'overdue', 'Overdue', r.overdue, true, (a) => [`Due ${a.due}, ${plural(a.days, 'day')} overdue.`, statusLine(a)]),
    listSection(ctx, r, 'due-soon', `Due in the next ${plural(r.dueSoonDays, 'day')}`, r.dueSoon, true, (a) => [`Due ${a.due}, ${a.days === 0 ? 'today' : `in ${plural(a.days, 'day')}`}.`, statusLine(a)]),
    listSection(ctx, r, 'slipped', 'Slipped actions', r.slipped, false, (a) => [`Original ${a.original || 'not given'} → revised ${a.revised || 'not given'}.`, ...(a.timeline ? [`How the date moved: ${a.timeline}.`] : []), statusLine(a), commentary(a.commentary)]),
    reprofiledSection(ctx, r),
    listSection(ctx, r, 'not-started', 'Not started', r.notStarted, false, (a) => [a.due ? `Due ${a.due}.` : 'No date.', statusLine(a), commentary(a.commentary)]),
    changesSection(ctx, r),
    milestoneSection(ctx, r),
    chaseSection(ctx, r),
  ].filter((n): n is HTMLElement => n !== null);
}

function filterWords(r: PanelResult, f: ListFilter): string {
  const theme = r.filters.themes.find((t) => t.key === f.theme)?.label;
  const lead = r.filters.leads.find((l) => l.key === f.lead)?.label;
  if (!theme && !lead) return 'The lists show the whole plan.';
  return `The lists show only the actions ${[theme ? `of ${theme}` : '', lead ? `led by ${lead}` : ''].filter(Boolean).join(' ')}.`;
}

/** The two selects above the lists: by theme and by lead officer. Each change draws the lists again. */
function filterGroup(ctx: ResultsContext, r: PanelResult, redraw: () => void): HTMLElement {
  const select = (name: 'theme' | 'lead', label: string, all: string, options: PanelResult['filters']['themes']) => {
    const id = `${ctx.id}-filter-${name}`;
    const node = h('select', { class: 'pm-select', attrs: { id } }, h('option', { attrs: { value: '' } }, all), ...options.map((o) => h('option', { attrs: { value: `=${o.key}` } }, o.label)));
    const current = ctx.filter[name];
    node.value = current === null ? '' : `=${current}`;
    node.addEventListener('change', () => {
      ctx.filter[name] = node.value === '' ? null : node.value.slice(1);
      redraw();
      ctx.say(filterWords(r, ctx.filter));
    });
    return h('div', { class: 'pm-field' }, h('label', { class: 'pm-label', attrs: { for: id } }, label), node);
  };
  return h(
    'fieldset',
    { class: 'pm-fieldset pm-filter' },
    h('legend', { class: 'pm-legend' }, 'Narrow the lists'),
    select('theme', 'Theme', 'All themes', r.filters.themes),
    select('lead', 'Lead officer', 'All lead officers', r.filters.leads),
    h('p', { class: 'pm-hint' }, 'The tables above count the whole plan; the lists below show what you choose here.'),
  );
}

/** The nodes of the results section for one run. */
export function resultsView(ctx: ResultsContext, r: PanelResult): Node[] {
  // A filter left from an earlier run that this plan has no row for is dropped.
  if (ctx.filter.theme !== null && !r.filters.themes.some((t) => t.key === ctx.filter.theme)) ctx.filter.theme = null;
  if (ctx.filter.lead !== null && !r.filters.leads.some((l) => l.key === ctx.filter.lead)) ctx.filter.lead = null;
  const listed = h('div', { class: 'pm-lists' });
  const redraw = () => listed.replaceChildren(...lists(ctx, r));
  redraw();
  const notes = r.notes.length > 0 ? disclosure(ctx, 'notes', `Notes (${r.notes.length})`, true, h('ul', { class: 'pm-notes' }, ...r.notes.map((n) => h('li', null, n)))) : null;
  return [
    // Focusable from script (tabindex -1, out of the tab order): a run brings it into view and focuses it.
    h('h2', { class: 'pm-h2', attrs: { id: `${ctx.id}-results-h`, tabindex: '-1' } }, 'Results'),
    h('p', { class: 'pm-headline' }, r.headline),
    disclosure(ctx, 'status', `Actions by status (${r.total})`, true, statusTable(r)),
    disclosure(ctx, 'themes', `Themes (${r.themes.length})`, false, r.themes.length === 0 ? none() : themesTable(r)),
    disclosure(ctx, 'leads', `By lead officer (${r.byLead.length})`, false, r.byLead.length === 0 ? none() : leadTable(r)),
    filterGroup(ctx, r, redraw),
    listed,
    ...(notes ? [notes] : []),
  ];
}

