import type { RunNote } from '../run/run-notes';
import type { GridSnapshot } from '../grid/grid';
import type { ActionRow } from './read-plan';

/** "14–16, 20 and 33": ascending rows as runs, at most `limit` of them before "and N more rows". */
export function rowRuns(rows: readonly number[], limit = 8): string {
  const runs: string[] = [];
  let shown = 0;
  for (let i = 0; i < rows.length; ) {
    let j = i;
    while (j + 1 < rows.length && rows[j + 1] === (rows[j] ?? 0) + 1) j++;
    if (runs.length === limit) break;
    runs.push(i === j ? `${rows[i]}` : `${rows[i]}–${rows[j]}`);
    shown = j + 1;
    i = j + 1;
  }
  const rest = rows.length - shown;
  if (rest > 0) runs.push(`${rest} more row${rest === 1 ? '' : 's'}`);
  return runs.length === 1 ? (runs[0] ?? '') : `${runs.slice(0, -1).join(', ')} and ${runs[runs.length - 1]}`;
}

/**
 * What to tell the officer about rows they cannot see: hidden and filtered rows are checked and
 * counted like any other (the committee counts every action), and the panel says so, so a count that
 * differs from what is on screen is never a surprise.
 */
export function hiddenRowsNote(grid: GridSnapshot, actions: readonly ActionRow[]): RunNote | null {
  const rows = actions.filter((a) => a.hidden).map((a) => a.row);
  const sheet = grid.sheet;
  if (rows.length > 0) return { code: 'hidden-rows', data: { sheet, count: rows.length, rows: rowRuns(rows) } };
  if (grid.hiddenRows !== undefined) return null;
  if (grid.hiddenRowsUnknown === 'filter-on') return { code: 'filter-on', data: { sheet } };
  if (grid.hiddenRowsUnknown === 'some-hidden') return { code: 'some-hidden', data: { sheet } };
  return null;
}
