// The in-memory spreadsheet behind the fake, open for tests to inspect (`fake.book`).
// Rows and columns are 1-based; cells are keyed by A1 ("B7").

import { type Area, cellA1 } from './a1';
import { isDate, type StoredValue } from './values';

export interface FakeCellState {
  readonly row: number;
  readonly column: number;
  /** As stored: a formula cell holds the value getValues gives for it ('#NAME?': the fake computes nothing). */
  value: StoredValue;
  /** "=…" as written, or null. */
  formula: string | null;
  /** Lower-case '#rrggbb', or null for no fill (getBackgrounds then gives '#ffffff'). */
  background: string | null;
  /** Lower-case '#rrggbb', or null for the default (getFontColors then gives '#000000'). */
  fontColor: string | null;
  fontWeight: 'bold' | 'normal' | null;
  fontStyle: 'italic' | 'normal' | null;
  fontSize: number | null;
  wrap: boolean | null;
  verticalAlignment: string | null;
  horizontalAlignment: string | null;
  /** Sheets pattern, or null for Automatic (getNumberFormats then gives '0.###############'). */
  numberFormat: string | null;
}

export interface FakeProtectionState {
  type: 'SHEET' | 'RANGE';
  /** A1 of the protected range (the whole sheet for a sheet protection). */
  range: string;
  description: string;
  /** Whether the user running the script may edit it. A `protected: true` sheet is protected against them. */
  canEdit: boolean;
  warningOnly: boolean;
}

export interface FakeChartState {
  readonly chartId: number;
  type: string;
  /** The data ranges, as A1 on the sheet. */
  ranges: string[];
  options: Record<string, unknown>;
  numHeaders: number;
  /** Anchor cell (1-based) and pixel offsets. */
  position: { row: number; column: number; offsetX: number; offsetY: number };
}

export interface FakeSheetState {
  name: string;
  readonly sheetId: number;
  hidden: boolean;
  maxRows: number;
  maxColumns: number;
  frozenRows: number;
  frozenColumns: number;
  cells: Map<string, FakeCellState>;
  /** Merged areas, as A1 ("A1:C1"). */
  merges: string[];
  hiddenRows: Set<number>;
  hiddenColumns: Set<number>;
  /** The sheet's filter: its range (A1) and the rows its criteria hide; null when there is none. */
  filter: { range: string; hiddenRows: Set<number> } | null;
  /** Pixel widths set by the script; unset columns are 100 px. */
  columnWidths: Map<number, number>;
  protections: FakeProtectionState[];
  /** The sheet's selection, as A1. */
  activeRange: string;
  /** Embedded charts, in insertion order. */
  charts: FakeChartState[];
  /** The cell record at A1 ("B7"), or undefined when the cell holds nothing and has no format. */
  cell(a1: string): FakeCellState | undefined;
}

export interface FakeSpreadsheetState {
  name: string;
  id: string;
  timeZone: string;
  locale: string;
  /** In tab order. */
  sheets: FakeSheetState[];
  activeSheetId: number;
  /** The sheet of that name (case-insensitive, as Sheets compares names); throws when there is none. */
  sheet(name: string): FakeSheetState;
}

export const EMPTY_CELL: Omit<FakeCellState, 'row' | 'column'> = Object.freeze({
  value: null,
  formula: null,
  background: null,
  fontColor: null,
  fontWeight: null,
  fontStyle: null,
  fontSize: null,
  wrap: null,
  verticalAlignment: null,
  horizontalAlignment: null,
  numberFormat: null,
});

export function isBlankCell(c: FakeCellState): boolean {
  return (Object.keys(EMPTY_CELL) as (keyof typeof EMPTY_CELL)[]).every((k) => c[k] === null);
}

export function newSheetState(name: string, sheetId: number, maxRows: number, maxColumns: number): FakeSheetState {
  const cells = new Map<string, FakeCellState>();
  return {
    name,
    sheetId,
    hidden: false,
    maxRows,
    maxColumns,
    frozenRows: 0,
    frozenColumns: 0,
    cells,
    merges: [],
    hiddenRows: new Set(),
    hiddenColumns: new Set(),
    filter: null,
    columnWidths: new Map(),
    protections: [],
    activeRange: 'A1',
    charts: [],
    cell: (a1: string) => cells.get(a1.replace(/\$/g, '').toUpperCase()),
  };
}

export function getCell(sheet: FakeSheetState, row: number, column: number): FakeCellState | undefined {
  return sheet.cells.get(cellA1(row, column));
}

/** The cell record, created when missing. Remove it again with `tidyCell` if the edit blanked it. */
export function cellForWrite(sheet: FakeSheetState, row: number, column: number): FakeCellState {
  const key = cellA1(row, column);
  let c = sheet.cells.get(key);
  if (!c) {
    c = { row, column, ...EMPTY_CELL };
    sheet.cells.set(key, c);
  }
  return c;
}

export function tidyCell(sheet: FakeSheetState, c: FakeCellState): void {
  if (isBlankCell(c)) sheet.cells.delete(cellA1(c.row, c.column));
}

export function hasContent(c: FakeCellState): boolean {
  return c.formula !== null || (c.value !== null && c.value !== '');
}

/** Last row / column with content (values or formulas, not formats), 0 when the sheet is empty. */
export function contentExtent(sheet: FakeSheetState): { lastRow: number; lastColumn: number } {
  let lastRow = 0;
  let lastColumn = 0;
  for (const c of sheet.cells.values()) {
    if (!hasContent(c)) continue;
    if (c.row > lastRow) lastRow = c.row;
    if (c.column > lastColumn) lastColumn = c.column;
  }
  return { lastRow, lastColumn };
}

export function wholeSheet(sheet: FakeSheetState): Area {
  return { row: 1, column: 1, numRows: sheet.maxRows, numColumns: sheet.maxColumns };
}

function jsonValue(v: StoredValue): unknown {
  return isDate(v) ? { $date: v.toISOString() } : v;
}

/**
 * A deep, JSON-comparable copy of the spreadsheet's content and structure (values, formulas,
 * formats, merges, hidden rows and sheets, widths, frozen rows, protections). Selection and the
 * active sheet are left out: moving the cursor is not an edit. Dates become { $date: ISO }.
 */
export function snapshotOf(book: FakeSpreadsheetState): unknown {
  return {
    name: book.name,
    timeZone: book.timeZone,
    locale: book.locale,
    sheets: book.sheets.map((s, i) => {
      const cells: Record<string, Record<string, unknown>> = {};
      const sorted = [...s.cells.values()].sort((a, b) => a.row - b.row || a.column - b.column);
      for (const c of sorted) {
        const out: Record<string, unknown> = {};
        for (const k of Object.keys(EMPTY_CELL) as (keyof typeof EMPTY_CELL)[]) if (c[k] !== null) out[k] = k === 'value' ? jsonValue(c.value) : c[k];
        cells[cellA1(c.row, c.column)] = out;
      }
      return {
        index: i + 1,
        name: s.name,
        sheetId: s.sheetId,
        hidden: s.hidden,
        maxRows: s.maxRows,
        maxColumns: s.maxColumns,
        frozenRows: s.frozenRows,
        frozenColumns: s.frozenColumns,
        merges: [...s.merges].sort(),
        hiddenRows: [...s.hiddenRows].sort((a, b) => a - b),
        charts: s.charts.map((c) => ({ ...c, ranges: [...c.ranges], options: { ...c.options }, position: { ...c.position } })),
        hiddenColumns: [...s.hiddenColumns].sort((a, b) => a - b),
        columnWidths: Object.fromEntries([...s.columnWidths.entries()].sort((a, b) => a[0] - b[0]).map(([k, v]) => [String(k), v])),
        protections: s.protections.map((p) => ({ ...p })),
        cells,
      };
    }),
  };
}

