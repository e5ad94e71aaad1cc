/// <reference lib="dom" />
/**
 * The results' collapsible sections: a native <details> whose <summary> holds the section's heading
 * with its count, "Overdue (1)", so the whole quarter fits in a narrow pane and every section says
 * what it holds while closed. (HTML lets a summary hold one heading; a keyboard opens it with Enter
 * or Space, and the browser tells screen readers whether it is open.) Which sections are open is
 * remembered across runs, by key, for as long as the panel is mounted.
 */
import type { Controls } from '../controls';
import { h, uniquePrefix, type Child } from '../dom';
import type { RowScope } from '../panel-result';

/** Long lists are cut here: a task pane with 20,000 buttons helps nobody. */
export const listLimit = 300;

/** The theme and lead officer the lists are narrowed to (null: all). */
export interface ListFilter {
  theme: string | null;
  lead: string | null;
}

export interface ResultsContext {
  /** Id prefix of the panel, for the results heading. */
  id: string;
  controls: Controls;
  goTo(sheet: string, cell: string, what: string): void;
  /** Says something on the status line (read out politely). */
  say(text: string): void;
  /** Sections opened or closed by the user, by key: kept across runs. */
  open: Map<string, boolean>;
  /** The filter in force, kept across runs. */
  filter: ListFilter;
}

/** Whether a row passes the filter; a row on no action (null) passes only when nothing is narrowed. */
export function inFilter(filter: ListFilter, scope: RowScope | null): boolean {
  if (filter.theme === null && filter.lead === null) return true;
  if (scope === null) return false;
  return (filter.theme === null || scope.theme === filter.theme) && (filter.lead === null || scope.lead === filter.lead);
}

export function narrowed(filter: ListFilter): boolean {
  return filter.theme !== null || filter.lead !== null;
}

/** "Overdue (1)", or "Overdue (0 of 1)" while the lists are narrowed. */
export function counted(title: string, shown: number, total: number, filter: ListFilter): string {
  return narrowed(filter) && shown !== total ? `${title} (${shown} of ${total})` : `${title} (${total})`;
}

/** A collapsible section: `section > details > summary > h3`, open as the user left it, else as `openByDefault`. */
export function disclosure(ctx: ResultsContext, key: string, title: string, openByDefault: boolean, ...content: Child[]): HTMLElement {
  const hid = uniquePrefix(`${ctx.id}-h`);
  const details = h('details', { class: 'pm-details', attrs: { 'data-section': key } }, h('summary', { class: 'pm-summary' }, h('h3', { class: 'pm-h3', attrs: { id: hid } }, title)), h('div', { class: 'pm-section-body' }, ...content));
  details.open = ctx.open.get(key) ?? openByDefault;
  details.addEventListener('toggle', () => ctx.open.set(key, details.open));
  return h('section', { class: 'pm-section', attrs: { 'aria-labelledby': hid } }, details);
}

export function none(text = 'None.'): HTMLElement {
  return h('p', { class: 'pm-none' }, text);
}

export function moreNote(total: number): HTMLElement | null {
  return total > listLimit ? h('p', { class: 'pm-hint' }, `Showing the first ${listLimit} of ${total}. Fix these, then check again to see the rest.`) : null;
}

/** A list row: a button that selects the row's cell, showing its ref, its text and lines about it. */
export function rowButton(ctx: ResultsContext, sheet: string, row: { ref: string; action: string; cell: string }, what: string, kind: string | null, ...meta: Child[]): HTMLButtonElement {
  const button = h(
    'button',
    { class: kind ? `pm-item pm-${kind}` : 'pm-item', attrs: { type: 'button', 'data-cell': row.cell } },
    h('span', { class: 'pm-cell' }, row.ref),
    ' ',
    h('span', { class: 'pm-msg' }, row.action || '(no description)'),
  );
  // Each line its own block, with a space before it so the button's name reads as words.
  for (const m of meta) {
    if (m === null || m === undefined || m === false || m === '') continue;
    button.append(' ', typeof m === 'string' || typeof m === 'number' ? h('span', { class: 'pm-meta' }, m) : m);
  }
  button.addEventListener('click', () => ctx.goTo(sheet, row.cell, what));
  return button;
}

/** The officer's words, shown in full under a row. */
export function commentary(text: string): HTMLElement | null {
  return text.trim() === '' ? null : h('span', { class: 'pm-commentary' }, text);
}
