/**
 * A one-sheet form as data: what a host needs to write a small workbook in which only some cells
 * can be typed into. The engine lays out the update request as one; the .xlsx layer
 * (src/xlsx/new-workbook) writes it, and nothing in it can become a formula.
 */

/** What a cell is for, which decides its look and whether it is locked. */
export type FormRole =
  | 'title'
  | 'note'
  | 'header'
  /** Read-only information (ref, action, target date). */
  | 'fixed'
  /** Typed into: text, kept as typed (Text format). */
  | 'input-text'
  /** Typed into: a date (date format), though it may hold text such as "Nov 2018" or "TBC". */
  | 'input-date'
  /** In a hidden column: what the tool needs back, never shown. */
  | 'hidden';

export type FormValue =
  | { kind: 'text'; text: string }
  /** A 1900-system serial; `shows` the format: the whole date, or month and year. */
  | { kind: 'date'; serial: number; shows: 'day' | 'month' }
  | null;

export interface FormCell {
  value: FormValue;
  role: FormRole;
}

export interface FormList {
  /** 1-based column and rows of the cells that offer the list. */
  col: number;
  top: number;
  bottom: number;
  options: readonly string[];
}

export interface FormSheet {
  /** The sheet's tab name (at most 31 characters, none of : \ / ? * [ ]). */
  name: string;
  /** Width in characters of each column from A; hidden columns are not shown. */
  columns: readonly { width: number; hidden?: boolean }[];
  /** Row 1 first; a missing cell is empty. */
  rows: readonly (readonly (FormCell | null | undefined)[])[];
  /** Rows kept in view when scrolling (and repeated on each printed page). */
  headerRows: number;
  /** Drop-down lists of allowed values. */
  lists: readonly FormList[];
}

export const text = (t: string, role: FormRole): FormCell => ({ value: t === '' ? null : { kind: 'text', text: t }, role });
