// The in-memory workbook behind the fake Excel host, with a small API for tests to seed and
// inspect it (setValues, setFill, protect, addChart, cellAt, snapshot…). Indexes are 0-based;
// addresses are A1 text. The sheet model is in model/sheet.ts, charts in model/charts.ts, colours
// in model/colors.ts; this entry file re-exports them, so importers need only this one.
//
// Real Excel behaviour modelled: a sheet name is fewer than 32 characters (Worksheet.name) and
// unique case-insensitively (a clash is ItemAlreadyExists); the last visible sheet cannot be
// hidden or deleted (InvalidOperation); cell values are the serials of the workbook's own date
// system (`date1904`). The fake's own rules (from Excel's UI, not from a document): a new sheet is "SheetN";
// a name has none of [ ] : * ? / \, does not start or end with an apostrophe and is not
// "History"; hiding or deleting the active sheet activates the next visible one.
//
// Kinder than real Excel: deleting a VeryHidden sheet is allowed (Excel's Worksheet.delete fails
// with InvalidOperation until its visibility is changed).

import { type Area, HostError, MAX_COL, MAX_ROW, MESSAGES, cellA1, colToIndex, formatArea, indexToCol, invalidArgument, invalidOperation, itemNotFound, parseArea } from './a1.js';
import type { CellValue } from './cell-values.js';
import { type ChartRecord, type ChartSeriesBy, type ChartSnapshot, chartSnapshot, copyChart, newChart } from './model/charts.js';
import { normaliseColor } from './model/colors.js';
import { type CellRecord, FakeSheet, type FormatPatch, type SheetVisibility } from './model/sheet.js';

export type { CellValue } from './cell-values.js';
export { type CellFormat, type CellRecord, DEFAULT_COLUMN_WIDTH, DEFAULT_FORMAT, DEFAULT_ROW_HEIGHT, FakeSheet, type FormatPatch, type SheetVisibility } from './model/sheet.js';
export {
  type ChartRecord,
  type ChartSeriesBy,
  type ChartSeriesRecord,
  type ChartSeriesSnapshot,
  type ChartSnapshot,
  DEFAULT_CHART_HEIGHT,
  DEFAULT_CHART_WIDTH,
  deriveSeries,
} from './model/charts.js';
export { normaliseColor } from './model/colors.js';

// ---------- snapshot ----------

export interface SheetSnapshot {
  id: string;
  name: string;
  position: number;
  visibility: SheetVisibility;
  protected: boolean;
  tabColor: string;
  /** Cell records by A1 address, in row-major order. */
  cells: Record<string, CellRecord>;
  merges: string[];
  hiddenRows: number[];
  hiddenColumns: string[];
  columnWidths: Record<string, number>;
  rowHeights: Record<string, number>;
  columnFormats: Record<string, FormatPatch>;
  rowFormats: Record<string, FormatPatch>;
  sheetFormat: FormatPatch;
  charts: ChartSnapshot[];
}

export interface WorkbookSnapshot {
  sheets: SheetSnapshot[];
  activeSheet: string | null;
  selection: string | null;
}

/** Internal, restorable copy of the whole workbook state (used for atomic failures). */
export interface WorkbookState {
  sheets: FakeSheet[];
  copies: Map<FakeSheet, SheetCopy>;
  active: FakeSheet | null;
  selection: Selection | null;
  calcSuspended: boolean;
  nextSheetNumber: number;
  nextChartId: number;
}
interface SheetCopy {
  name: string;
  visibility: SheetVisibility;
  protected: boolean;
  tabColor: string;
  rows: Map<number, Map<number, CellRecord>>;
  rowStyles: Map<number, FormatPatch>;
  colStyles: Map<number, FormatPatch>;
  sheetStyle: FormatPatch;
  merges: Area[];
  hiddenRows: Set<number>;
  hiddenColumns: Set<number>;
  columnWidths: Map<number, number>;
  rowHeights: Map<number, number>;
  charts: ChartRecord[];
  nextChartNumber: number;
}

export interface Selection {
  sheet: FakeSheet;
  areas: Area[];
}

const SHEET_NAME_FORBIDDEN = /[[\]:*?/\\]/;

export function validateSheetName(name: string): void {
  if (name.length === 0 || name.length > 31 || SHEET_NAME_FORBIDDEN.test(name) || name.startsWith("'") || name.endsWith("'") || name.toLowerCase() === 'history') {
    throw invalidArgument(`sheet name "${name}"`);
  }
}

export class FakeWorkbook {
  name = 'Book1.xlsx';
  sheets: FakeSheet[] = [];
  activeSheet: FakeSheet | null = null;
  selection: Selection | null = null;
  /** True while the request being processed called suspendApiCalculationUntilNextSync(). */
  calcSuspended = false;
  /** File › Options › Advanced › "Use 1904 date system": serials count from 1 Jan 1904. */
  date1904 = false;
  private nextSheetNumber = 1;
  private nextChartId = 1;

  constructor(sheetNames: string[] = ['Sheet1']) {
    for (const n of sheetNames) this.addSheet(n);
    this.activeSheet = this.sheets[0] ?? null;
  }

  // ---------- sheets ----------

  /** Adds a sheet at the end ("SheetN" when no name is given). Names are unique, case-insensitively. */
  addSheet(name?: string | null): FakeSheet {
    let n = name ?? '';
    if (n === '') {
      let i = this.sheets.length + 1;
      while (this.findSheet(`Sheet${i}`)) i++;
      n = `Sheet${i}`;
    }
    validateSheetName(n);
    if (this.findSheet(n)) throw new HostError('ItemAlreadyExists', MESSAGES.ItemAlreadyExists, 409);
    const id = `{00000000-0001-0000-${String(this.nextSheetNumber++).padStart(4, '0')}-000000000000}`;
    const s = new FakeSheet(this, id, n);
    this.sheets.push(s);
    this.activeSheet ??= s;
    return s;
  }

  /** By name (case-insensitive) or id; null when missing. */
  findSheet(nameOrId: string): FakeSheet | null {
    const key = String(nameOrId).toLowerCase();
    return this.sheets.find((s) => s.id.toLowerCase() === key || s.name.toLowerCase() === key) ?? null;
  }

  /** By name or id; throws ItemNotFound when missing. */
  sheet(nameOrId: string): FakeSheet {
    const s = this.findSheet(nameOrId);
    if (!s) throw itemNotFound(`worksheet "${nameOrId}"`);
    return s;
  }

  hasProtectedSheet(): boolean {
    return this.sheets.some((s) => s.protected);
  }

  protect(sheetName: string): void {
    this.sheet(sheetName).protected = true;
  }

  unprotect(sheetName: string): void {
    this.sheet(sheetName).protected = false;
  }

  setVisibility(sheetName: string, visibility: SheetVisibility): void {
    this.changeVisibility(this.sheet(sheetName), visibility);
  }

  changeVisibility(s: FakeSheet, v: SheetVisibility): void {
    if (v !== 'Visible' && !this.sheets.some((o) => o !== s && o.visibility === 'Visible')) {
      throw invalidOperation('a workbook must contain at least one visible worksheet');
    }
    s.visibility = v;
    if (v !== 'Visible' && this.activeSheet === s) this.activeSheet = this.nextVisible(s);
  }

  deleteSheet(s: FakeSheet): void {
    if (!this.sheets.some((o) => o !== s && o.visibility === 'Visible')) {
      throw invalidOperation('a workbook must contain at least one visible worksheet');
    }
    const next = this.activeSheet === s ? this.nextVisible(s) : this.activeSheet;
    this.sheets = this.sheets.filter((o) => o !== s);
    this.activeSheet = next;
    if (this.selection?.sheet === s) this.selection = null;
  }

  renameSheet(s: FakeSheet, name: string): void {
    validateSheetName(name);
    const other = this.findSheet(name);
    if (other && other !== s) throw new HostError('ItemAlreadyExists', MESSAGES.ItemAlreadyExists, 409);
    s.name = name;
  }

  moveSheet(s: FakeSheet, position: number): void {
    if (!Number.isInteger(position) || position < 0 || position >= this.sheets.length) throw invalidArgument(`position ${position}`);
    this.sheets = this.sheets.filter((o) => o !== s);
    this.sheets.splice(position, 0, s);
  }

  private nextVisible(from: FakeSheet): FakeSheet | null {
    const i = this.sheets.indexOf(from);
    const after = this.sheets.slice(i + 1).find((o) => o.visibility === 'Visible' && o !== from);
    return after ?? [...this.sheets.slice(0, i)].reverse().find((o) => o.visibility === 'Visible') ?? null;
  }

  // ---------- convenience API for tests (sheet names, A1 addresses) ----------

  private areaOf(sheetName: string, address: string): { sheet: FakeSheet; area: Area } {
    const p = parseArea(address);
    return { sheet: this.sheet(p.sheet ?? sheetName), area: p.area };
  }

  /** Stores a 2-D block of values literally from a top-left cell (no formula coercion: seeding). */
  setValues(sheetName: string, topLeft: string, rows: CellValue[][]): void {
    const { sheet, area } = this.areaOf(sheetName, topLeft);
    rows.forEach((row, i) => row.forEach((v, j) => sheet.writeLiteral(area.r0 + i, area.c0 + j, v)));
  }

  /** Writes values as Range.values would (formula coercion, number typing). */
  typeValues(sheetName: string, topLeft: string, rows: CellValue[][]): void {
    const { sheet, area } = this.areaOf(sheetName, topLeft);
    rows.forEach((row, i) => row.forEach((v, j) => sheet.writeTyped(area.r0 + i, area.c0 + j, v)));
  }

  /** A formula cell with the value it shows. */
  setFormula(sheetName: string, cell: string, formula: string, value: CellValue): void {
    const { sheet, area } = this.areaOf(sheetName, cell);
    sheet.writeLiteral(area.r0, area.c0, value, formula);
  }

  setNumberFormats(sheetName: string, topLeft: string, rows: string[][]): void {
    const { sheet, area } = this.areaOf(sheetName, topLeft);
    rows.forEach((row, i) => row.forEach((f, j) => sheet.applyFormat(cellArea(area.r0 + i, area.c0 + j), { numberFormat: f })));
  }

  /** Fill for every cell of the address; null removes the fill. */
  setFill(sheetName: string, address: string, color: string | null): void {
    const { sheet, area } = this.areaOf(sheetName, address);
    sheet.applyFormat(area, { fill: color === null ? null : normaliseColor(color) });
  }

  /** Any format fields for every cell of the address. */
  setFormat(sheetName: string, address: string, patch: FormatPatch): void {
    const { sheet, area } = this.areaOf(sheetName, address);
    sheet.applyFormat(area, patch);
  }

  merge(sheetName: string, address: string, across = false): void {
    const { sheet, area } = this.areaOf(sheetName, address);
    sheet.merge(area, across);
  }

  /** Hides (or shows) the rows of an address such as "3:5" or "B3". */
  setRowsHidden(sheetName: string, address: string, hidden = true): void {
    const { sheet, area } = this.areaOf(sheetName, address);
    sheet.setRowsHidden(area, hidden);
  }

  /**
   * Adds a chart to `sheet` over `area` of `source` (Excel's ChartCollection.add): named "Chart N",
   * 360 × 216 pt, placed at the top row of the source data one column clear of its right edge.
   * seriesBy "Auto" plots by columns when the data has more rows than columns, else by rows.
   */
  createChart(sheet: FakeSheet, chartType: string, source: FakeSheet, area: Area, seriesBy: ChartSeriesBy | 'Auto' = 'Auto'): ChartRecord {
    const chart = newChart(`{00000000-0005-0000-${String(this.nextChartId++).padStart(4, '0')}-000000000000}`, sheet, chartType, source, area, seriesBy);
    sheet.charts.push(chart);
    return chart;
  }

  /** Seeds a chart (no protection check), e.g. addChart('Plan', 'ColumnClustered', 'A1:D5'). */
  addChart(sheetName: string, chartType: string, sourceAddress: string, seriesBy: ChartSeriesBy | 'Auto' = 'Auto'): ChartSnapshot {
    const sheet = this.sheet(sheetName);
    const { sheet: source, area } = this.areaOf(sheetName, sourceAddress);
    return chartSnapshot(sheet, this.createChart(sheet, chartType, source, area, seriesBy));
  }

  /** The charts of a sheet, in ChartCollection order (copies, as in snapshot()). */
  chartsOf(sheetName: string): ChartSnapshot[] {
    const sheet = this.sheet(sheetName);
    return sheet.charts.map((c) => chartSnapshot(sheet, c));
  }

  /** Values of a rectangle (merged non-anchor cells read as stored). */
  valuesOf(sheetName: string, address: string): CellValue[][] {
    const { sheet, area } = this.areaOf(sheetName, address);
    const out: CellValue[][] = [];
    for (let r = area.r0; r <= area.r1; r++) {
      const row: CellValue[] = [];
      for (let c = area.c0; c <= area.c1; c++) row.push(sheet.cell(r, c).value);
      out.push(row);
    }
    return out;
  }

  /** Full effective record of one cell (a copy). */
  cellAt(sheetName: string, address: string): CellRecord {
    const { sheet, area } = this.areaOf(sheetName, address);
    return { ...sheet.cell(area.r0, area.c0) };
  }

  /** Deep, JSON-comparable dump of the whole document state (calcSuspended is per request, so not included). */
  snapshot(): WorkbookSnapshot {
    return {
      sheets: this.sheets.map((s) => {
        const cells: Record<string, CellRecord> = {};
        for (const r of [...s.rows.keys()].sort((a, b) => a - b)) {
          const row = s.rows.get(r);
          if (!row) continue;
          for (const c of [...row.keys()].sort((a, b) => a - b)) {
            const rec = row.get(c);
            if (rec) cells[cellA1(r, c)] = { ...rec };
          }
        }
        const byCol = <T>(m: Map<number, T>): Record<string, T> =>
          Object.fromEntries([...m.entries()].sort((a, b) => a[0] - b[0]).map(([k, v]) => [indexToCol(k), typeof v === 'object' ? { ...v } : v]));
        const byRow = <T>(m: Map<number, T>): Record<string, T> =>
          Object.fromEntries([...m.entries()].sort((a, b) => a[0] - b[0]).map(([k, v]) => [String(k + 1), typeof v === 'object' ? { ...v } : v]));
        return {
          id: s.id,
          name: s.name,
          position: s.position,
          visibility: s.visibility,
          protected: s.protected,
          tabColor: s.tabColor,
          cells,
          merges: s.merges.map(formatArea).sort(),
          hiddenRows: [...s.hiddenRows].sort((a, b) => a - b).map((r) => r + 1),
          hiddenColumns: [...s.hiddenColumns].sort((a, b) => a - b).map(indexToCol),
          columnWidths: byCol(s.columnWidths),
          rowHeights: byRow(s.rowHeights),
          columnFormats: byCol(s.colStyles),
          rowFormats: byRow(s.rowStyles),
          sheetFormat: { ...s.sheetStyle },
          charts: s.charts.map((c) => chartSnapshot(s, c)),
        };
      }),
      activeSheet: this.activeSheet?.name ?? null,
      selection: this.selection ? this.selection.areas.map((a) => `${this.selection?.sheet.name}!${formatArea(a)}`).join(',') : null,
    };
  }

  // ---------- state capture for atomic failures ----------

  captureState(): WorkbookState {
    const copies = new Map<FakeSheet, SheetCopy>();
    for (const s of this.sheets) {
      copies.set(s, {
        name: s.name,
        visibility: s.visibility,
        protected: s.protected,
        tabColor: s.tabColor,
        rows: new Map([...s.rows].map(([r, row]) => [r, new Map([...row].map(([c, rec]) => [c, { ...rec }]))])),
        rowStyles: new Map([...s.rowStyles].map(([k, v]) => [k, { ...v }])),
        colStyles: new Map([...s.colStyles].map(([k, v]) => [k, { ...v }])),
        sheetStyle: { ...s.sheetStyle },
        merges: s.merges.map((m) => ({ ...m })),
        hiddenRows: new Set(s.hiddenRows),
        hiddenColumns: new Set(s.hiddenColumns),
        columnWidths: new Map(s.columnWidths),
        rowHeights: new Map(s.rowHeights),
        charts: s.charts.map(copyChart),
        nextChartNumber: s.nextChartNumber,
      });
    }
    return {
      sheets: [...this.sheets],
      copies,
      active: this.activeSheet,
      selection: this.selection ? { sheet: this.selection.sheet, areas: this.selection.areas.map((a) => ({ ...a })) } : null,
      calcSuspended: this.calcSuspended,
      nextSheetNumber: this.nextSheetNumber,
      nextChartId: this.nextChartId,
    };
  }

  restoreState(state: WorkbookState): void {
    this.sheets = [...state.sheets];
    for (const [s, c] of state.copies) {
      s.name = c.name;
      s.visibility = c.visibility;
      s.protected = c.protected;
      s.tabColor = c.tabColor;
      s.rows = c.rows;
      s.rowStyles = c.rowStyles;
      s.colStyles = c.colStyles;
      s.sheetStyle = c.sheetStyle;
      s.merges = c.merges;
      s.hiddenRows = c.hiddenRows;
      s.hiddenColumns = c.hiddenColumns;
      s.columnWidths = c.columnWidths;
      s.rowHeights = c.rowHeights;
      s.charts = c.charts;
      s.nextChartNumber = c.nextChartNumber;
    }
    this.activeSheet = state.active;
    this.selection = state.selection;
    this.calcSuspended = state.calcSuspended;
    this.nextSheetNumber = state.nextSheetNumber;
    this.nextChartId = state.nextChartId;
  }
}

export function cellArea(r: number, c: number): Area {
  return { r0: r, c0: c, r1: r, c1: c };
}

export { MAX_ROW, MAX_COL, colToIndex };
