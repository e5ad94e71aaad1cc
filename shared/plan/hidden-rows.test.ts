import { describe, expect, it } from 'vitest';
import type { GridSnapshot } from '../grid/grid';
import { hiddenRowsNote as noteData, rowRuns } from './hidden-rows';
import { renderNote } from '../run/run-notes';

/** The note as the panel and the CLI show it. */
const hiddenRowsNote = (...args: Parameters<typeof noteData>) => {
  const n = noteData(...args);
  return n === null ? null : renderNote(n);
};
import type { ActionRow } from './read-plan';

describe('rowRuns', () => {
  it.each([
    [[5], '5'],
    [[5, 6], '5–6'],
    [[5, 7], '5 and 7'],
    [[14, 15, 16, 20, 33], '14–16, 20 and 33'],
    [[1, 3, 5, 7], '1, 3, 5 and 7'],
  ])('%j reads "%s"', (rows, text) => expect(rowRuns(rows)).toBe(text));

  it('lists at most the first runs, then how many rows are left', () => {
    expect(rowRuns([1, 3, 5, 7, 9], 2)).toBe('1, 3 and 3 more rows');
    expect(rowRuns([1, 3, 4], 1)).toBe('1 and 2 more rows');
    expect(rowRuns([1, 3], 1)).toBe('1 and 1 more row');
  });
});

describe('hiddenRowsNote', () => {
  const grid = (extra: Partial<GridSnapshot>): GridSnapshot => ({ sheet: 'Plan', top: 1, left: 1, values: [], ...extra });
  const action = (row: number, hidden: boolean) => ({ row, hidden }) as ActionRow;

  it('names the hidden action rows and says they were counted', () => {
    expect(hiddenRowsNote(grid({ hiddenRows: [3, 4, 9] }), [action(2, false), action(3, true), action(4, true), action(9, true)])).toBe(
      "3 actions are in hidden or filtered-out rows of 'Plan' (rows 3–4 and 9): they were still checked and counted.",
    );
    expect(hiddenRowsNote(grid({ hiddenRows: [7] }), [action(7, true)])).toBe("1 action is in hidden or filtered-out rows of 'Plan' (row 7): it was still checked and counted.");
    expect(noteData(grid({ hiddenRows: [3, 4, 9] }), [action(3, true), action(4, true), action(9, true)])).toEqual({ code: 'hidden-rows', data: { sheet: 'Plan', count: 3, rows: '3–4 and 9' } });
  });

  it('says nothing when only non-action rows are hidden, or nothing is', () => {
    expect(hiddenRowsNote(grid({ hiddenRows: [1, 2] }), [action(3, false)])).toBeNull();
    expect(hiddenRowsNote(grid({ hiddenRows: [] }), [action(3, false)])).toBeNull();
    expect(hiddenRowsNote(grid({}), [action(3, false)])).toBeNull();
  });

  it('says plainly when the host knows rows may be hidden but not which', () => {
    expect(hiddenRowsNote(grid({ hiddenRowsUnknown: 'filter-on' }), [action(3, false)])).toBe("'Plan' has a filter on. Every row was checked and counted, including any the filter hides (Google Sheets does not tell add-ons which rows those are).");
    expect(hiddenRowsNote(grid({ hiddenRowsUnknown: 'some-hidden' }), [])).toMatch(/^Some rows of 'Plan' are hidden or filtered out\. Every row was checked and counted, hidden or not/);
  });
});
