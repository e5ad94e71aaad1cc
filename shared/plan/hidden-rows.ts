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
export function hiddenRowsNote(grid: GridSnapshot, actions: readonly ActionRow[]): string | null {
  const rows = actions.filter((a) => a.hidden).map((a) => a.row);
  const sheet = `'${grid.sheet}'`;
  if (rows.length > 0) {
    const n = rows.length;
    return `${n} action${n === 1 ? ' is' : 's are'} in hidden or filtered-out rows of ${sheet} (row${n === 1 ? '' : 's'} ${rowRuns(rows)}): ${n === 1 ? 'it was' : 'they were'} still checked and counted.`;
  }
  if (grid.hiddenRows !== undefined) return null;
  // Each case is one host's limit: Google Sheets cannot list filtered rows in a constant number of calls, Excel before ExcelApi 1.9 cannot list hidden rows.
  if (grid.hiddenRowsUnknown === 'filter-on') return `${sheet} has a filter on. Every row was checked and counted, including any the filter hides (Google Sheets does not tell add-ons which rows those are).`;
  if (grid.hiddenRowsUnknown === 'some-hidden') return `Some rows of ${sheet} are hidden or filtered out. Every row was checked and counted, hidden or not (this version of Excel does not tell add-ins which rows are hidden).`;
  return null;
}
