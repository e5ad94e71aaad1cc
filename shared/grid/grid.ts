/**
 * A host-neutral snapshot of a sheet's used range. Hosts fill it in; the engine only reads it.
 */

/** A raw cell value as every host can give it. Dates arrive as serial numbers (see `dates`). */
export type CellValue = string | number | boolean | null;

export interface GridSnapshot {
  /** The sheet's name, exactly as the host shows it. */
  sheet: string;
  /** 1-based sheet row of `values[0]`. */
  top: number;
  /** 1-based sheet column of `values[r][0]`. */
  left: number;
  /** The used range, row-major. Rows may be ragged; a missing cell reads as null. */
  values: CellValue[][];
  /** Where the host knows a cell holds a date (number format or typed value), `true`. Sparse: same shape or shorter. */
  dates?: boolean[][];
  /** Date cells whose number format shows no day (see datePrecisionOf): 'month' or 'year'. Sparse; absent means every date shows its day. */
  datePrecision?: ('month' | 'year' | undefined)[][];
  /** Cells whose value is a formula error such as #REF!, as the error text, same shape as values or shorter. */
  errors?: (string | null)[][];
  /** Merged areas that intersect the used range, as A1 ranges on this sheet ("A4:H4"). */
  merges?: string[];
  /** Fill colours of blank cells as #RRGGBB (null for none or white), same shape or shorter: a status given only as a colour. Only blank cells matter, so hosts need give no others. */
  fills?: (string | null)[][];
  /** 1-based sheet rows hidden by the user or by a filter, ascending. Absent when the host cannot tell. */
  hiddenRows?: number[];
  /** When the host knows rows may be hidden but not which: a filter is on, or some rows are hidden. */
  hiddenRowsUnknown?: 'filter-on' | 'some-hidden';
}

/** Value at a 0-based position inside the snapshot (null when outside a ragged row). */
export function valueAt(grid: GridSnapshot, r: number, c: number): CellValue {
  const row = grid.values[r];
  if (!row) return null;
  const v = row[c];
  return v === undefined ? null : v;
}

export function isDateAt(grid: GridSnapshot, r: number, c: number): boolean {
  return grid.dates?.[r]?.[c] === true;
}

export function datePrecisionAt(grid: GridSnapshot, r: number, c: number): 'month' | 'year' | undefined {
  return grid.datePrecision?.[r]?.[c];
}

export function fillAt(grid: GridSnapshot, r: number, c: number): string | null {
  return grid.fills?.[r]?.[c] ?? null;
}

/** A host's fill colour as the grid keeps it: #RRGGBB upper case, or null for none (hosts report no fill as white). */
export function fillColour(colour: string | null | undefined): string | null {
  if (!colour) return null;
  const hex = (colour.startsWith('#') ? colour : `#${colour}`).toUpperCase();
  return hex === '#FFFFFF' ? null : hex;
}

export function errorAt(grid: GridSnapshot, r: number, c: number): string | null {
  return grid.errors?.[r]?.[c] ?? null;
}

export function isBlank(v: CellValue): boolean {
  if (v === null) return true;
  if (typeof v !== 'string') return false;
  // Fast path: a string that starts with a visible character is not blank.
  return v.length === 0 || (v.charCodeAt(0) <= 32 || v.charCodeAt(0) >= 0x80 ? !/\S/.test(v) : false);
}

const untidy = /^\s|\s$|\s\s|[\t\n\r\f\v\u00a0\u2028\u2029\ufeff\u1680\u2000-\u200a\u202f\u205f\u3000]/;

/** Text as a person reads the cell: trimmed, with runs of white space folded; numbers as written. */
export function cellText(v: CellValue): string {
  if (v === null) return '';
  if (typeof v === 'string') {
    // Most cells are already tidy: skip the allocation of a replace when there is nothing to fold.
    if (!untidy.test(v)) return v;
    return v.replace(/\s+/g, ' ').trim();
  }
  if (typeof v === 'boolean') return v ? 'TRUE' : 'FALSE';
  return String(v);
}

export function gridRowCount(grid: GridSnapshot): number {
  return grid.values.length;
}

export function gridColumnCount(grid: GridSnapshot): number {
  return widestRow(grid.values);
}

/** Length of the longest row: a loop, since Math.max(...rows) overflows the stack at about 100,000 rows. */
export function widestRow(rows: readonly (readonly unknown[])[]): number {
  let n = 0;
  for (const row of rows) if (row.length > n) n = row.length;
  return n;
}
