/** A1 addressing: column letters, cell and range addresses, sheet-name quoting. */

/** 1-based column number to letters: 1 → A, 27 → AA. */
export function columnLetters(col: number): string {
  let n = col;
  let s = '';
  while (n > 0) {
    const rem = (n - 1) % 26;
    s = String.fromCharCode(65 + rem) + s;
    n = Math.floor((n - 1) / 26);
  }
  return s;
}

/** Letters to 1-based column number: A → 1, AA → 27; null when not letters. */
export function columnNumber(letters: string): number | null {
  const up = letters.trim().toUpperCase();
  if (!/^[A-Z]{1,3}$/.test(up)) return null;
  let n = 0;
  for (const ch of up) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n;
}

/** 1-based row and column to "B7". */
export function cellAddress(row: number, col: number): string {
  return `${columnLetters(col)}${row}`;
}

/** "B7:B9", or "B7" when the range is one cell. */
export function rangeAddress(top: number, left: number, bottom: number, right: number): string {
  const a = cellAddress(top, left);
  const b = cellAddress(bottom, right);
  return a === b ? a : `${a}:${b}`;
}

export interface CellRef {
  row: number;
  col: number;
}

export interface RangeRef {
  top: number;
  left: number;
  bottom: number;
  right: number;
}

/** Parses "B7" or "$B$7". */
export function parseCellAddress(address: string): CellRef | null {
  const m = /^\$?([A-Za-z]{1,3})\$?(\d{1,7})$/.exec(address.trim());
  if (!m) return null;
  const col = columnNumber(m[1] as string);
  const row = Number(m[2]);
  if (col === null || row < 1) return null;
  return { row, col };
}

/** Parses "B7:D9" or "B7" (no sheet part). */
export function parseRangeAddress(address: string): RangeRef | null {
  const [a, b] = address.split(':');
  const start = parseCellAddress(a ?? '');
  const end = b === undefined ? start : parseCellAddress(b);
  if (!start || !end) return null;
  return {
    top: Math.min(start.row, end.row),
    left: Math.min(start.col, end.col),
    bottom: Math.max(start.row, end.row),
    right: Math.max(start.col, end.col),
  };
}

/**
 * Sheet name as it must stand before "!" in a formula or address: quoted when it has anything
 * but letters, digits and underscores, with apostrophes doubled ("Bob's plan" → 'Bob''s plan').
 */
export function quoteSheetName(name: string): string {
  if (/^[A-Za-z_][A-Za-z0-9_]*$/.test(name) && !/^[A-Za-z]{1,3}\d+$/.test(name)) return name;
  return `'${name.replace(/'/g, "''")}'`;
}

/** "'My plan'!B7" */
export function qualifiedAddress(sheet: string, address: string): string {
  return `${quoteSheetName(sheet)}!${address}`;
}
