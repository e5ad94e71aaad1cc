// A1 notation for the fake Apps Script spreadsheet. Deliberately independent of the project's own
// A1 code (shared/grid/a1.ts): a test double that shared the parser under test would hide its bugs.
//
// Everything here is 1-based, as Apps Script is.

/** A rectangle of cells. `openRows` marks "A:B" / "A2:B" (to the sheet's last row), `openColumns` "1:3". */
export interface Area {
  row: number;
  column: number;
  numRows: number;
  numColumns: number;
  openRows?: boolean;
  openColumns?: boolean;
}

export function columnLetters(column: number): string {
  let n = column;
  let s = '';
  while (n > 0) {
    const rem = (n - 1) % 26;
    s = String.fromCharCode(65 + rem) + s;
    n = Math.floor((n - 1) / 26);
  }
  return s;
}

export function columnFromLetters(letters: string): number {
  let n = 0;
  for (const ch of letters.toUpperCase()) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n;
}

export function cellA1(row: number, column: number): string {
  return `${columnLetters(column)}${row}`;
}

export function lastRowOf(a: Area): number {
  return a.row + a.numRows - 1;
}

export function lastColumnOf(a: Area): number {
  return a.column + a.numColumns - 1;
}

/** A1 text as Range.getA1Notation gives it: "B2", "A1:C3", "A:A", "A2:B", "3:5". */
export function areaA1(a: Area): string {
  const r2 = lastRowOf(a);
  const c2 = lastColumnOf(a);
  if (a.openRows) return `${columnLetters(a.column)}${a.row === 1 ? '' : a.row}:${columnLetters(c2)}`;
  if (a.openColumns) return a.column === 1 ? `${a.row}:${r2}` : `${cellA1(a.row, a.column)}:${r2}`;
  if (a.numRows === 1 && a.numColumns === 1) return cellA1(a.row, a.column);
  return `${cellA1(a.row, a.column)}:${cellA1(r2, c2)}`;
}

export function intersects(a: Area, b: Area): boolean {
  return a.row <= lastRowOf(b) && b.row <= lastRowOf(a) && a.column <= lastColumnOf(b) && b.column <= lastColumnOf(a);
}

export function contains(outer: Area, inner: Area): boolean {
  return outer.row <= inner.row && lastRowOf(inner) <= lastRowOf(outer) && outer.column <= inner.column && lastColumnOf(inner) <= lastColumnOf(outer);
}

/** Splits "'My plan'!A1:B2" / "Plan!A1" into sheet name and range text; sheet is null when absent. */
export function splitSheetQualifier(text: string): { sheet: string | null; range: string } {
  const quoted = /^'((?:[^']|'')+)'!(.*)$/.exec(text);
  if (quoted) return { sheet: (quoted[1] as string).replace(/''/g, "'"), range: quoted[2] as string };
  const bare = /^([^'!]+)!(.*)$/.exec(text);
  if (bare) return { sheet: bare[1] as string, range: bare[2] as string };
  return { sheet: null, range: text };
}

interface Part {
  column: number | null;
  row: number | null;
}

function parsePart(text: string): Part | null {
  const m = /^\$?([A-Za-z]{1,3})?(?:\$?(\d{1,7}))?$/.exec(text.trim());
  if (!m || (m[1] === undefined && m[2] === undefined)) return null;
  return { column: m[1] === undefined ? null : columnFromLetters(m[1]), row: m[2] === undefined ? null : Number(m[2]) };
}

export function isR1C1(text: string): boolean {
  return /^R\[?-?\d*\]?C\[?-?\d*\]?(:R\[?-?\d*\]?C\[?-?\d*\]?)?$/i.test(text.trim()) && !/^[A-Za-z]{1,3}\d+$/.test(text.trim());
}

/**
 * Parses the range part of A1 notation against a sheet of the given size. Returns null when the
 * text is not A1 or falls outside the sheet (Apps Script: "Range not found").
 */
export function parseA1Range(text: string, maxRows: number, maxColumns: number): Area | null {
  const pieces = text.trim().split(':');
  if (pieces.length > 2 || pieces.some((p) => p === '')) return null;
  const a = parsePart(pieces[0] as string);
  if (!a) return null;
  let area: Area;
  if (pieces.length === 1) {
    if (a.column === null || a.row === null) return null;
    area = { row: a.row, column: a.column, numRows: 1, numColumns: 1 };
  } else {
    const b = parsePart(pieces[1] as string);
    if (!b) return null;
    if (a.column !== null && a.row !== null && b.column !== null && b.row !== null) {
      const r1 = Math.min(a.row, b.row);
      const c1 = Math.min(a.column, b.column);
      area = { row: r1, column: c1, numRows: Math.abs(a.row - b.row) + 1, numColumns: Math.abs(a.column - b.column) + 1 };
    } else if (a.column !== null && b.column !== null && b.row === null) {
      // "A:C" or "A2:C": from that row to the last row of the sheet.
      const r1 = a.row ?? 1;
      const c1 = Math.min(a.column, b.column);
      area = { row: r1, column: c1, numRows: maxRows - r1 + 1, numColumns: Math.abs(a.column - b.column) + 1, openRows: true };
    } else if (a.row !== null && b.row !== null && b.column === null) {
      // "3:5" or "B3:5": from that column to the last column of the sheet.
      const c1 = a.column ?? 1;
      const r1 = Math.min(a.row, b.row);
      area = { row: r1, column: c1, numRows: Math.abs(a.row - b.row) + 1, numColumns: maxColumns - c1 + 1, openColumns: true };
    } else return null;
  }
  if (area.row < 1 || area.column < 1 || area.numRows < 1 || area.numColumns < 1) return null;
  if (lastRowOf(area) > maxRows || lastColumnOf(area) > maxColumns) return null;
  return area;
}
