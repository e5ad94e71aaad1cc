// The in-memory workbook behind the fake Excel host, with a small API for tests to seed and
// inspect it. Indexes are 0-based; addresses are A1 text.
//
// Storage is sparse so that whole-column and whole-row ranges stay cheap:
//  - cell records exist only for cells that hold something or differ from their row/column format;
//  - formats applied to entire columns / entire rows / the whole sheet live in column / row /
//    sheet style layers (as Excel stores them), and a cell's effective format is
//    default ⊕ sheet ⊕ column ⊕ row ⊕ cell. Where a row style and a column style cross, the
//    cell is materialised when the second one is applied, so the later format wins, as in Excel.

import {
  type Area,
  HostError,
  MAX_COL,
  MAX_ROW,
  areaCells,
  cellA1,
  colToIndex,
  formatArea,
  indexToCol,
  intersect,
  invalidArgument,
  invalidOperation,
  isEntireColumns,
  isEntireRows,
  itemNotFound,
  parseArea,
  qualifiedAddress,
  MESSAGES,
} from './a1.js';
import { type CellValue, formatText, typeInput } from './cell-values.js';

export type { CellValue } from './cell-values.js';
export type SheetVisibility = 'Visible' | 'Hidden' | 'VeryHidden';

export interface CellFormat {
  numberFormat: string;
  /** Fill colour "#RRGGBB", or null for no fill. */
  fill: string | null;
  fontColor: string;
  bold: boolean;
  italic: boolean;
  size: number;
  fontName: string;
  wrapText: boolean;
  verticalAlignment: string;
  horizontalAlignment: string;
}

export interface CellRecord extends CellFormat {
  value: CellValue;
  /** Formula text as written, or null for a constant. */
  formula: string | null;
}

export const DEFAULT_FORMAT: Readonly<CellFormat> = Object.freeze({
  numberFormat: 'General',
  fill: null,
  fontColor: '#000000',
  bold: false,
  italic: false,
  size: 11,
  fontName: 'Calibri',
  wrapText: false,
  verticalAlignment: 'Bottom',
  horizontalAlignment: 'General',
});

const FORMAT_KEYS = Object.keys(DEFAULT_FORMAT) as (keyof CellFormat)[];

/** Excel's default column width and row height, in points (8.43 characters of Calibri 11; 15 pt). */
export const DEFAULT_COLUMN_WIDTH = 48;
export const DEFAULT_ROW_HEIGHT = 15;

/** Largest non-whole-row/column area the fake will format cell by cell (a guard against runaway tests). */
const MAX_CELLWISE = 5_000_000;

export type FormatPatch = Partial<CellFormat>;

// ---------- charts ----------

/** How the series of a chart run through its source data, once "Auto" is resolved. */
export type ChartSeriesBy = 'Columns' | 'Rows';

/** One series of a chart: a row or column of the source data. */
export interface ChartSeriesRecord {
  /** Series name: the header cell's text when the chart was made (or set later), else "SeriesN". */
  name: string;
  /** The series' values, on the source sheet (header and category cells excluded). */
  values: Area;
  /** Solid fill "#RRGGBB" set through format.fill.setSolidColor, or null (automatic colour). */
  fill: string | null;
}

/** A native chart on a worksheet. Geometry is in points from the sheet's top-left corner. */
export interface ChartRecord {
  id: string;
  name: string;
  chartType: string;
  title: { text: string; visible: boolean };
  legend: { position: string; visible: boolean };
  /** Source data: the sheet it is on (the chart's own or another) and the area. */
  source: { sheet: FakeSheet; area: Area };
  seriesBy: ChartSeriesBy;
  top: number;
  left: number;
  width: number;
  height: number;
  series: ChartSeriesRecord[];
}

/** Excel's size for a new chart: 5 × 3 inches. */
export const DEFAULT_CHART_WIDTH = 360;
export const DEFAULT_CHART_HEIGHT = 216;

function copyChart(c: ChartRecord): ChartRecord {
  return {
    ...c,
    title: { ...c.title },
    legend: { ...c.legend },
    source: { sheet: c.source.sheet, area: { ...c.source.area } },
    series: c.series.map((s) => ({ ...s, values: { ...s.values } })),
  };
}

function emptyRecord(format: CellFormat): CellRecord {
  return { value: '', formula: null, ...format };
}

function samePatch(a: FormatPatch, b: FormatPatch): boolean {
  return FORMAT_KEYS.every((k) => a[k] === b[k]);
}

export class FakeSheet {
  readonly id: string;
  name: string;
  visibility: SheetVisibility = 'Visible';
  protected = false;
  tabColor = '';
  /** row → column → record */
  rows = new Map<number, Map<number, CellRecord>>();
  rowStyles = new Map<number, FormatPatch>();
  colStyles = new Map<number, FormatPatch>();
  sheetStyle: FormatPatch = {};
  merges: Area[] = [];
  hiddenRows = new Set<number>();
  hiddenColumns = new Set<number>();
  /** Column widths in points, only where set. */
  columnWidths = new Map<number, number>();
  /** Row heights in points, only where set. */
  rowHeights = new Map<number, number>();
  /** Charts in creation order (ChartCollection order). */
  charts: ChartRecord[] = [];
  /** Number for the next default chart name ("Chart N"); like Excel's, it is not reused after a delete. */
  nextChartNumber = 1;
  private readonly book: FakeWorkbook;

  constructor(book: FakeWorkbook, id: string, name: string) {
    this.book = book;
    this.id = id;
    this.name = name;
  }

  get position(): number {
    return this.book.sheets.indexOf(this);
  }

  // ---------- formats ----------

  /** Format of a cell without a record: default ⊕ sheet ⊕ column ⊕ row. */
  baseFormat(r: number, c: number): CellFormat {
    return { ...DEFAULT_FORMAT, ...this.sheetStyle, ...this.colStyles.get(c), ...this.rowStyles.get(r) };
  }

  record(r: number, c: number): CellRecord | undefined {
    return this.rows.get(r)?.get(c);
  }

  /** Effective cell: its record, or an empty cell with the inherited format. */
  cell(r: number, c: number): CellRecord {
    return this.record(r, c) ?? emptyRecord(this.baseFormat(r, c));
  }

  /** The record for a cell, created from the inherited format when missing. */
  materialise(r: number, c: number): CellRecord {
    let row = this.rows.get(r);
    if (!row) {
      row = new Map();
      this.rows.set(r, row);
    }
    let rec = row.get(c);
    if (!rec) {
      rec = emptyRecord(this.baseFormat(r, c));
      row.set(c, rec);
    }
    return rec;
  }

  /** Drops a record that holds nothing beyond its inherited format. */
  prune(r: number, c: number): void {
    const row = this.rows.get(r);
    const rec = row?.get(c);
    if (!row || !rec) return;
    if (rec.value === '' && rec.formula === null && samePatch(rec, this.baseFormat(r, c))) {
      row.delete(c);
      if (row.size === 0) this.rows.delete(r);
    }
  }

  /** Calls fn for every existing record inside the area (sparse). */
  forEachRecord(a: Area, fn: (r: number, c: number, rec: CellRecord) => void): void {
    const rowKeys = a.r1 - a.r0 + 1 > this.rows.size ? [...this.rows.keys()].filter((r) => r >= a.r0 && r <= a.r1) : null;
    const visitRow = (r: number, row: Map<number, CellRecord>): void => {
      if (a.c1 - a.c0 + 1 > row.size) {
        for (const [c, rec] of [...row]) if (c >= a.c0 && c <= a.c1) fn(r, c, rec);
      } else {
        for (let c = a.c0; c <= a.c1; c++) {
          const rec = row.get(c);
          if (rec) fn(r, c, rec);
        }
      }
    };
    if (rowKeys) {
      for (const r of rowKeys) {
        const row = this.rows.get(r);
        if (row) visitRow(r, row);
      }
    } else {
      for (let r = a.r0; r <= a.r1; r++) {
        const row = this.rows.get(r);
        if (row) visitRow(r, row);
      }
    }
  }

  /**
   * Applies a format patch to an area the way Excel stores it: whole sheet → sheet style,
   * whole columns → column styles, whole rows → row styles, otherwise cell by cell.
   */
  applyFormat(a: Area, patch: FormatPatch): void {
    const keys = FORMAT_KEYS.filter((k) => k in patch);
    if (keys.length === 0) return;
    const put = (target: FormatPatch): void => {
      for (const k of keys) (target as Record<string, unknown>)[k] = patch[k];
    };
    const patchRecords = (area: Area): void => this.forEachRecord(area, (_r, _c, rec) => put(rec));
    const entireCols = isEntireColumns(a);
    const entireRows = isEntireRows(a);
    if (entireCols && entireRows) {
      put(this.sheetStyle);
      for (const s of this.colStyles.values()) put(s);
      for (const s of this.rowStyles.values()) put(s);
      patchRecords(a);
    } else if (entireCols) {
      // Crossings with row styles become cells first, so this (later) format wins there.
      for (const r of this.rowStyles.keys()) for (let c = a.c0; c <= a.c1; c++) this.materialise(r, c);
      for (let c = a.c0; c <= a.c1; c++) {
        const s = this.colStyles.get(c) ?? {};
        put(s);
        this.colStyles.set(c, s);
      }
      patchRecords(a);
    } else if (entireRows) {
      for (const c of this.colStyles.keys()) for (let r = a.r0; r <= a.r1; r++) this.materialise(r, c);
      for (let r = a.r0; r <= a.r1; r++) {
        const s = this.rowStyles.get(r) ?? {};
        put(s);
        this.rowStyles.set(r, s);
      }
      patchRecords(a);
    } else {
      if (areaCells(a) > MAX_CELLWISE) throw new HostError('NotImplemented', `Fake Excel host: formatting ${formatArea(a)} cell by cell is too large for the fake`, 501);
      for (let r = a.r0; r <= a.r1; r++) for (let c = a.c0; c <= a.c1; c++) put(this.materialise(r, c));
    }
    this.normaliseStyles();
    this.forEachRecord(a, (r, c) => this.prune(r, c));
  }

  /** Removes style fields that restate what they inherit, so snapshots stay canonical. */
  private normaliseStyles(): void {
    for (const k of FORMAT_KEYS) if (k in this.sheetStyle && this.sheetStyle[k] === DEFAULT_FORMAT[k]) delete this.sheetStyle[k];
    const inherited: CellFormat = { ...DEFAULT_FORMAT, ...this.sheetStyle };
    for (const styles of [this.colStyles, this.rowStyles]) {
      for (const [i, s] of styles) {
        for (const k of FORMAT_KEYS) if (k in s && s[k] === inherited[k]) delete s[k];
        if (Object.keys(s).length === 0) styles.delete(i);
      }
    }
  }

  // ---------- values ----------

  /** Writes a value as typed through Range.values / Range.formulas (formula coercion etc.). */
  writeTyped(r: number, c: number, input: CellValue): void {
    const current = this.cell(r, c);
    const typed = typeInput(input, current.numberFormat);
    const rec = this.materialise(r, c);
    rec.value = typed.value;
    rec.formula = typed.formula;
    if (typed.impliedFormat && rec.numberFormat === 'General') rec.numberFormat = typed.impliedFormat;
    this.prune(r, c);
  }

  /** Stores a value literally (seeding, like a cell loaded from a file). */
  writeLiteral(r: number, c: number, value: CellValue, formula: string | null = null): void {
    const rec = this.materialise(r, c);
    rec.value = value;
    rec.formula = formula;
    this.prune(r, c);
  }

  clearContents(a: Area): void {
    this.forEachRecord(a, (r, c, rec) => {
      rec.value = '';
      rec.formula = null;
      this.prune(r, c);
    });
  }

  /** Clear formats: back to the default format, and merged cells are unmerged (as in Excel). */
  clearFormats(a: Area): void {
    this.applyFormat(a, { ...DEFAULT_FORMAT });
    this.merges = this.merges.filter((m) => !intersect(m, a));
  }

  // ---------- used range ----------

  /**
   * Bounding box of cells with a value (valuesOnly) or with a value or a non-default cell
   * format. Whole-row/column formats do not extend it. null when there are none.
   */
  usedArea(valuesOnly: boolean): Area | null {
    let out: Area | null = null;
    for (const [r, row] of this.rows) {
      for (const [c, rec] of row) {
        const counts = rec.value !== '' || rec.formula !== null || (!valuesOnly && !samePatch(rec, DEFAULT_FORMAT));
        if (!counts) continue;
        out = out ? { r0: Math.min(out.r0, r), c0: Math.min(out.c0, c), r1: Math.max(out.r1, r), c1: Math.max(out.c1, c) } : { r0: r, c0: c, r1: r, c1: c };
      }
    }
    return out;
  }

  // ---------- merges ----------

  merge(a: Area, across: boolean): void {
    const targets: Area[] = across ? Array.from({ length: a.r1 - a.r0 + 1 }, (_, i) => ({ ...a, r0: a.r0 + i, r1: a.r0 + i })) : [a];
    for (const t of targets) {
      if (t.r0 === t.r1 && t.c0 === t.c1) continue;
      // Merging over existing merges absorbs them; only the top-left value survives.
      this.merges = this.merges.filter((m) => !intersect(m, t));
      this.forEachRecord(t, (r, c, rec) => {
        if (r === t.r0 && c === t.c0) return;
        rec.value = '';
        rec.formula = null;
        this.prune(r, c);
      });
      this.merges.push({ ...t });
    }
  }

  unmerge(a: Area): void {
    this.merges = this.merges.filter((m) => !intersect(m, a));
  }

  mergesIntersecting(a: Area): Area[] {
    return this.merges.filter((m) => intersect(m, a)).sort((x, y) => x.r0 - y.r0 || x.c0 - y.c0);
  }

  // ---------- rows and columns ----------

  setRowsHidden(a: Area, hidden: boolean): void {
    for (let r = a.r0; r <= a.r1; r++) {
      if (hidden) this.hiddenRows.add(r);
      else this.hiddenRows.delete(r);
    }
  }

  setColumnsHidden(a: Area, hidden: boolean): void {
    for (let c = a.c0; c <= a.c1; c++) {
      if (hidden) this.hiddenColumns.add(c);
      else this.hiddenColumns.delete(c);
    }
  }

  columnWidth(c: number): number {
    return this.hiddenColumns.has(c) ? 0 : (this.columnWidths.get(c) ?? DEFAULT_COLUMN_WIDTH);
  }

  rowHeight(r: number): number {
    return this.hiddenRows.has(r) ? 0 : (this.rowHeights.get(r) ?? DEFAULT_ROW_HEIGHT);
  }

  // ---------- geometry (points) ----------

  /** Distance in points from the sheet's left edge to the left edge of column c. */
  columnLeft(c: number): number {
    return offsetOf(c, DEFAULT_COLUMN_WIDTH, this.columnWidths, this.hiddenColumns, (i) => this.columnWidth(i));
  }

  /** Distance in points from the sheet's top edge to the top edge of row r. */
  rowTop(r: number): number {
    return offsetOf(r, DEFAULT_ROW_HEIGHT, this.rowHeights, this.hiddenRows, (i) => this.rowHeight(i));
  }

  /**
   * The cell under a point: for a top-left corner (end = false) the cell whose left/top edge is at or
   * before the point; for a bottom-right corner (end = true) the cell whose right/bottom edge is at
   * or after it, so a chart ending exactly on a gridline does not spill into the next cell.
   */
  cellAtPoint(x: number, y: number, end: boolean): { r: number; c: number } {
    return { r: indexAt(y, end, MAX_ROW, (i) => this.rowHeight(i)), c: indexAt(x, end, MAX_COL, (i) => this.columnWidth(i)) };
  }

  /** The cells a chart covers, e.g. "F2:M20". */
  chartCells(chart: ChartRecord): Area {
    const from = this.cellAtPoint(chart.left, chart.top, false);
    const to = this.cellAtPoint(chart.left + chart.width, chart.top + chart.height, true);
    return { r0: from.r, c0: from.c, r1: Math.max(from.r, to.r), c1: Math.max(from.c, to.c) };
  }
}

function offsetOf(index: number, dflt: number, sizes: Map<number, number>, hidden: Set<number>, size: (i: number) => number): number {
  let total = index * dflt;
  for (const i of new Set([...sizes.keys(), ...hidden])) if (i < index) total += size(i) - dflt;
  return total;
}

function indexAt(point: number, end: boolean, max: number, size: (i: number) => number): number {
  let edge = 0;
  for (let i = 0; i <= max; i++) {
    const s = size(i);
    if (s > 0 && (end ? point <= edge + s : point < edge + s)) return i;
    edge += s;
  }
  return max;
}

/**
 * Series of a chart over `area`, Excel-style: by columns, the first column holds the categories and
 * each later column is a series named by its cell in the first row; by rows, the reverse. A source
 * of one column (or row) is a single series. The first row/column is always taken as names and
 * categories (Excel guesses from the cell types).
 */
export function deriveSeries(source: FakeSheet, area: Area, by: ChartSeriesBy): ChartSeriesRecord[] {
  const byCols = by === 'Columns';
  const lines = byCols ? [area.c0, area.c1] : [area.r0, area.r1];
  const across = byCols ? [area.r0, area.r1] : [area.c0, area.c1];
  const [lo = 0, hi = 0] = lines;
  const [alo = 0, ahi = 0] = across;
  const hasCategories = hi > lo;
  const hasNames = ahi > alo;
  const out: ChartSeriesRecord[] = [];
  for (let i = hasCategories ? lo + 1 : lo; i <= hi; i++) {
    const head = hasNames ? (byCols ? source.cell(alo, i) : source.cell(i, alo)) : null;
    const text = head ? formatText(head.value, head.numberFormat) : '';
    const from = hasNames ? alo + 1 : alo;
    const values: Area = byCols ? { r0: from, r1: ahi, c0: i, c1: i } : { r0: i, r1: i, c0: from, c1: ahi };
    out.push({ name: text !== '' ? text : `Series${out.length + 1}`, values, fill: null });
  }
  return out;
}

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

export interface ChartSeriesSnapshot {
  name: string;
  /** Sheet-qualified address of the series' values, e.g. "Plan!B2:B5". */
  values: string;
  /** "#RRGGBB", or null until format.fill.setSolidColor is called. */
  fill: string | null;
}

export interface ChartSnapshot {
  id: string;
  name: string;
  /** Excel.ChartType value, e.g. "BarStacked". */
  chartType: string;
  title: { text: string; visible: boolean };
  legend: { position: string; visible: boolean };
  /** Sheet-qualified address of the source data, e.g. "Plan!A1:D5". */
  sourceData: string;
  /** "Columns" or "Rows" ("Auto" resolved when the chart was made). */
  seriesBy: ChartSeriesBy;
  /** The cells the chart spans, e.g. "F2:M20". */
  position: string;
  top: number;
  left: number;
  width: number;
  height: number;
  series: ChartSeriesSnapshot[];
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
    const by: ChartSeriesBy = seriesBy === 'Auto' ? (area.r1 - area.r0 > area.c1 - area.c0 ? 'Columns' : 'Rows') : seriesBy;
    const series = deriveSeries(source, area, by);
    const chart: ChartRecord = {
      id: `{00000000-0005-0000-${String(this.nextChartId++).padStart(4, '0')}-000000000000}`,
      name: `Chart ${sheet.nextChartNumber++}`,
      chartType,
      title: { text: '', visible: false },
      // Excel shows a legend (at the bottom) only when there is more than one series.
      legend: { position: 'Bottom', visible: series.length > 1 },
      source: { sheet: source, area: { ...area } },
      seriesBy: by,
      top: sheet.rowTop(area.r0),
      left: sheet.columnLeft(Math.min(area.c1 + 2, MAX_COL)),
      width: DEFAULT_CHART_WIDTH,
      height: DEFAULT_CHART_HEIGHT,
      series,
    };
    sheet.charts.push(chart);
    return chart;
  }

  /** Seeds a chart (no protection check), e.g. addChart('Plan', 'ColumnClustered', 'A1:D5'). */
  addChart(sheetName: string, chartType: string, sourceAddress: string, seriesBy: ChartSeriesBy | 'Auto' = 'Auto'): ChartSnapshot {
    const sheet = this.sheet(sheetName);
    const { sheet: source, area } = this.areaOf(sheetName, sourceAddress);
    return this.chartSnapshot(sheet, this.createChart(sheet, chartType, source, area, seriesBy));
  }

  /** The charts of a sheet, in ChartCollection order (copies, as in snapshot()). */
  chartsOf(sheetName: string): ChartSnapshot[] {
    const sheet = this.sheet(sheetName);
    return sheet.charts.map((c) => this.chartSnapshot(sheet, c));
  }

  private chartSnapshot(sheet: FakeSheet, c: ChartRecord): ChartSnapshot {
    return {
      id: c.id,
      name: c.name,
      chartType: c.chartType,
      title: { ...c.title },
      legend: { ...c.legend },
      sourceData: qualifiedAddress(c.source.sheet.name, c.source.area),
      seriesBy: c.seriesBy,
      position: formatArea(sheet.chartCells(c)),
      top: c.top,
      left: c.left,
      width: c.width,
      height: c.height,
      series: c.series.map((s) => ({ name: s.name, values: qualifiedAddress(c.source.sheet.name, s.values), fill: s.fill })),
    };
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
          charts: s.charts.map((c) => this.chartSnapshot(s, c)),
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

// CSS colour names Excel accepts (a common subset); anything else must be #RRGGBB.
const NAMED_COLORS: Record<string, string> = {
  black: '#000000',
  white: '#FFFFFF',
  red: '#FF0000',
  lime: '#00FF00',
  green: '#008000',
  blue: '#0000FF',
  yellow: '#FFFF00',
  orange: '#FFA500',
  purple: '#800080',
  gray: '#808080',
  grey: '#808080',
  silver: '#C0C0C0',
  maroon: '#800000',
  navy: '#000080',
  olive: '#808000',
  teal: '#008080',
  aqua: '#00FFFF',
  cyan: '#00FFFF',
  fuchsia: '#FF00FF',
  magenta: '#FF00FF',
  pink: '#FFC0CB',
  lightgreen: '#90EE90',
  lightblue: '#ADD8E6',
  lightgray: '#D3D3D3',
  lightgrey: '#D3D3D3',
  darkgreen: '#006400',
  darkred: '#8B0000',
  gold: '#FFD700',
};

/** "#rrggbb", "rrggbb" or a CSS name → "#RRGGBB"; InvalidArgument otherwise. */
export function normaliseColor(input: unknown): string {
  if (typeof input !== 'string') throw invalidArgument(`color ${JSON.stringify(input)}`);
  const s = input.trim();
  const named = NAMED_COLORS[s.toLowerCase()];
  if (named) return named;
  const m = /^#?([0-9a-f]{6})$/i.exec(s);
  if (m?.[1] !== undefined) return `#${m[1].toUpperCase()}`;
  throw invalidArgument(`color "${s}"`);
}

export { MAX_ROW, MAX_COL, colToIndex };
