import type { CellWrite } from '../merge/cell-edits';

/** A cell of a new row: its 1-based column and what goes in it. Columns not named stay empty. */
export interface NewCell {
  col: number;
  value: CellWrite;
}

/**
 * New rows that go in together right after one row of the sheet, as a host inserts them: the rows
 * below move down, and the new rows take the formats of the row they follow (what inserting rows
 * in Excel or Sheets does), then their values (text as literal text, a date in the cell's date
 * format, else its column's).
 */
export interface RowInsertion {
  /** The 1-based sheet row, as last read, that the new rows follow. */
  afterRow: number;
  rows: NewCell[][];
}

/**
 * Where each block's first new row lands once every block is in: blocks are given in the sheet as
 * last read, ascending and at distinct rows, so each lands below by the rows of the blocks above it.
 */
export function landingRows(insertions: readonly RowInsertion[]): number[] {
  let above = 0;
  return insertions.map((b) => {
    const at = b.afterRow + 1 + above;
    above += b.rows.length;
    return at;
  });
}

/** A sheet row as last read, where it is once the blocks are in (rows at or above a block's afterRow stay). */
export function shiftedRow(row: number, insertions: readonly RowInsertion[]): number {
  let by = 0;
  for (const b of insertions) if (row > b.afterRow) by += b.rows.length;
  return row + by;
}
