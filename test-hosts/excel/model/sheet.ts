// One worksheet of the fake workbook: its cells, format layers, merges, hidden rows and columns,
// sizes and geometry. Indexes are 0-based; addresses are A1 text.
//
// Real Excel behaviour modelled (the code's own remarks): whole-column / whole-row / whole-sheet
// formats are layers, as Excel stores them, and where a row style and a column style cross the
// later format wins; clearing formats unmerges; merging keeps only the top-left value; a new
// column is 48 pt wide (8.43 characters of Calibri 11) and a row 15 pt high. The used range is the
// cells with a value, or a value or a cell format; whole-row/column formats do not extend it.
// Inserting whole rows moves everything at and below and gives the new rows the formats of the
// row above.
//
// Kinder than real Excel: values written into merged non-anchor cells are kept; inserting rows
// rewrites no formula (none refers to cells here) and refuses no table or array formula. Not an Excel
// limit: formatting more than 5,000,000 cells of a non-whole-row/column area is refused with
// NotImplemented (a guard against runaway tests).
//
// Storage is sparse so that whole-column and whole-row ranges stay cheap:
//  - cell records exist only for cells that hold something or differ from their row/column format;
//  - formats applied to entire columns / entire rows / the whole sheet live in column / row /
//    sheet style layers (as Excel stores them), and a cell's effective format is
//    default ⊕ sheet ⊕ column ⊕ row ⊕ cell. Where a row style and a column style cross, the
//    cell is materialised when the second one is applied, so the later format wins, as in Excel.

import { type Area, HostError, MAX_COL, MAX_ROW, areaCells, formatArea, intersect, isEntireColumns, isEntireRows } from '../a1.js';
import { type CellValue, typeInput } from '../cell-values.js';
import type { FakeWorkbook } from '../fake-workbook.js';
import type { ChartRecord } from './charts.js';

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

  /**
   * Inserts `n` whole rows before row `r0` (0-based), as Range.insert(Down) on entire rows does: every
   * cell, row format, height, hidden row and merge at or below moves down; a merge across the place
   * grows; the new rows take the formats of the row above (Excel's default, "format same as above"),
   * with no values. Formulas are text here and are not rewritten (the fake models no references).
   */
  insertRows(r0: number, n: number): void {
    const shift = <T>(m: Map<number, T>): Map<number, T> => new Map([...m].map(([r, v]) => [r >= r0 ? r + n : r, v] as const));
    this.rows = shift(this.rows);
    this.rowStyles = shift(this.rowStyles);
    this.rowHeights = shift(this.rowHeights);
    this.hiddenRows = new Set([...this.hiddenRows].map((r) => (r >= r0 ? r + n : r)));
    this.merges = this.merges.map((m) => (m.r0 >= r0 ? { ...m, r0: m.r0 + n, r1: m.r1 + n } : m.r1 >= r0 ? { ...m, r1: m.r1 + n } : m));
    if (r0 === 0) return;
    const above = this.rows.get(r0 - 1);
    const style = this.rowStyles.get(r0 - 1);
    const height = this.rowHeights.get(r0 - 1);
    for (let r = r0; r < r0 + n; r++) {
      if (style) this.rowStyles.set(r, { ...style });
      if (height !== undefined) this.rowHeights.set(r, height);
      if (!above) continue;
      const row = new Map<number, CellRecord>();
      for (const [c, rec] of above) row.set(c, { ...rec, value: '', formula: null });
      this.rows.set(r, row);
      for (const c of row.keys()) this.prune(r, c);
    }
  }

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
