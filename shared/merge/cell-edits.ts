/** What a host writes into one cell of the plan sheet when a reply is merged. */
export type CellWrite =
  /** Text, written as a string cell (never a formula), exactly as given. */
  | { kind: 'text'; text: string }
  /** A date, as a 1900-system serial; the host keeps the cell's date format or gives it the column's. */
  | { kind: 'date'; serial: number }
  /** The cell emptied (its format kept). */
  | { kind: 'blank' };

export interface CellEdit {
  /** 1-based sheet row and column. */
  row: number;
  col: number;
  value: CellWrite;
}
