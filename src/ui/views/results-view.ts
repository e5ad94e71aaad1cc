/// <reference lib="dom" />
/**
 * The results of a check: headline, the status table (with the previous recorded period beside it),
 * findings and the overdue and due-soon lists. Every list row is a button that selects its cell.
 */
import type { Rag } from '../../../shared/status/schemes';
import { plural } from '../../../shared/text/plural';
import { h, uniquePrefix } from '../dom';
import type { PanelResult } from '../panel-controller';

/** Long lists are cut here: a task pane with 20,000 buttons helps nobody. */
export const listLimit = 300;

export interface ResultsContext {
  /** Id prefix of the panel, for the results heading. */
  id: string;
  goTo(sheet: string, cell: string, what: string): void;
}

function section(id: string, title: string, ...content: (Node | null)[]): HTMLElement {
  const hid = uniquePrefix(`${id}-h`);
  return h('section', { class: 'pm-section', attrs: { 'aria-labelledby': hid } }, h('h3', { class: 'pm-h3', attrs: { id: hid } }, title), ...content);
}

function moreNote(total: number): Node | null {
  return total > listLimit ? h('p', { class: 'pm-hint' }, `Showing the first ${listLimit} of ${total}. Fix these, then check again to see the rest.`) : null;
}

export function statusTable(r: PanelResult): HTMLElement {
  // With a recorded period, the committee's shape: the previous period's column beside this one.
  const prev = r.previous;
  const body = h('tbody');
  for (const s of r.statusCounts) {
    const chip = h('span', { class: 'pm-chip' }, s.status);
    if (s.rag !== null) {
      const swatch = r.palette[s.rag as Rag];
      chip.style.backgroundColor = swatch.fill;
      chip.style.color = swatch.text;
    } else chip.classList.add('pm-chip-none');
    body.append(h('tr', null, h('th', { attrs: { scope: 'row' } }, chip), prev ? h('td', { class: 'pm-num' }, prev.counts[s.status] ?? 0) : null, h('td', { class: 'pm-num' }, s.count)));
  }
  const col = (text: string) => h('th', { class: 'pm-num', attrs: { scope: 'col' } }, text);
  return h(
    'table',
    { class: 'pm-table' },
    h('caption', { class: 'pm-caption' }, 'Actions by status'),
    h('thead', null, h('tr', null, h('th', { attrs: { scope: 'col' } }, 'Status'), prev ? col(prev.label) : null, col(r.currentLabel))),
    body,
    h('tfoot', null, h('tr', null, h('th', { attrs: { scope: 'row' } }, 'Grand Total'), prev ? h('td', { class: 'pm-num' }, prev.total) : null, h('td', { class: 'pm-num' }, r.total))),
  );
}

function findingList(ctx: ResultsContext, title: string, items: PanelResult['errors'], kind: 'error' | 'warning'): HTMLElement {
  if (items.length === 0) return section(ctx.id, `${title} (0)`, h('p', { class: 'pm-none' }, 'None.'));
  const list = h('ul', { class: 'pm-list' });
  for (const f of items.slice(0, listLimit)) {
    const button = h('button', { class: `pm-item pm-${kind}`, attrs: { type: 'button', 'data-cell': f.cell } }, h('span', { class: 'pm-cell' }, f.cell), ' ', h('span', { class: 'pm-msg' }, f.message));
    button.addEventListener('click', () => ctx.goTo(f.sheet, f.cell, kind));
    list.append(h('li', null, button));
  }
  return section(ctx.id, `${title} (${items.length})`, list, moreNote(items.length));
}

function actionList(ctx: ResultsContext, title: string, items: PanelResult['overdue'], sheet: string, when: (days: number) => string): HTMLElement {
  if (items.length === 0) return section(ctx.id, `${title} (0)`, h('p', { class: 'pm-none' }, 'None.'));
  const list = h('ul', { class: 'pm-list' });
  for (const a of items.slice(0, listLimit)) {
    const button = h(
      'button',
      { class: 'pm-item', attrs: { type: 'button', 'data-cell': a.cell } },
      h('span', { class: 'pm-cell' }, a.ref),
      ' ',
      h('span', { class: 'pm-msg' }, a.action || '(no description)'),
      ' ',
      h('span', { class: 'pm-meta' }, `Due ${a.due}, ${when(a.days)}.`),
    );
    button.addEventListener('click', () => ctx.goTo(sheet, a.cell, `action ${a.ref}`));
    list.append(h('li', null, button));
  }
  return section(ctx.id, `${title} (${items.length})`, list, moreNote(items.length));
}

/** The nodes of the results section for one run. */
export function resultsView(ctx: ResultsContext, r: PanelResult): Node[] {
  return [
    // Focusable from script (tabindex -1, out of the tab order): the ribbon's commands bring it into view.
    h('h2', { class: 'pm-h2', attrs: { id: `${ctx.id}-results-h`, tabindex: '-1' } }, 'Results'),
    h('p', { class: 'pm-headline' }, r.headline),
    statusTable(r),
    findingList(ctx, 'Errors', r.errors, 'error'),
    findingList(ctx, 'Warnings', r.warnings, 'warning'),
    actionList(ctx, 'Overdue', r.overdue, r.sheet, (d) => `${plural(d, 'day')} overdue`),
    actionList(ctx, `Due in the next ${plural(r.dueSoonDays, 'day')}`, r.dueSoon, r.sheet, (d) => (d === 0 ? 'today' : `in ${plural(d, 'day')}`)),
    ...(r.notes.length > 0 ? [section(ctx.id, `Notes (${r.notes.length})`, h('ul', { class: 'pm-notes' }, ...r.notes.map((n) => h('li', null, n))))] : []),
  ];
}
