/**
 * Which actions an action waits on: refs in a "Depends on" column ("2.1, 2.3 and 4.1"), or named
 * in a date cell ("TBC – dependent on 2.1"), as plans whose timescales "are dependent on the
 * outcome of others" write them.
 */
import type { ColumnField } from '../settings/fields';

const refPattern = /\b\d+(?:\.\d+)+[a-z]?\b|\b\d+[a-z]\b/gi;

/** The refs in a Depends-on cell, in order, each once. */
export function refsIn(text: string | null): string[] {
  const found = (text ?? '').match(refPattern) ?? [];
  return [...new Set(found.map((r) => r.toLowerCase()))];
}

/** The refs a date cell's text says the date waits on ("dependent on 2.1", "depends on 3.2 and 3.4"), or none. */
export function refsInDateText(text: string | null): string[] {
  const m = /\bdepend(?:s|ent|ant|ing|ency)?\b(?:\s+(?:up)?on)?([\s\S]*)$/i.exec(text ?? '');
  return m ? refsIn(m[1] ?? '') : [];
}

export interface Dependencies {
  refs: string[];
  /** The column the refs were written in, for pointing a finding at that cell. */
  from: ColumnField | null;
}

/** Most actions wait on nothing: one shared, never-changed answer for them. */
const none: Dependencies = Object.freeze({ refs: Object.freeze([]) as unknown as string[], from: null });

export function dependenciesOf(cells: { dependsOn: string | null; target: string | null; revised: string | null }): Dependencies {
  if (cells.dependsOn === null && !/depend/i.test(cells.revised ?? '') && !/depend/i.test(cells.target ?? '')) return none;
  const column = refsIn(cells.dependsOn);
  if (column.length > 0) return { refs: column, from: 'dependsOn' };
  const revised = refsInDateText(cells.revised);
  if (revised.length > 0) return { refs: revised, from: 'revised' };
  const target = refsInDateText(cells.target);
  return target.length > 0 ? { refs: target, from: 'target' } : none;
}
