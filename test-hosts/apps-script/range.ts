// Range: values, formulas, formats, clearing, geometry, selection and merges.
//
// Models (README.md, "Behaviour"): typed input as a user's typing is read (values.ts); getValues
// gives Numbers, Booleans, Dates and Strings, and '' for an empty cell, never null; a date lives in
// the number format, so a date cell formatted "0" reads as its serial number; the 2-D setters must
// match the range exactly or throw Apps Script's message and write nothing; colours read back as
// lower-case #rrggbb; clearFormat keeps number formats, as documented; getLastRow is the range's own
// end row; getMergedRanges gives the merges that lie in the range or overlap it; merging keeps only
// the top-left value, and merging or unmerging part of a merge throws Apps Script's message.
// Kinder than the real host: formulas are stored but never computed, so getValues gives '#NAME?'
// for them; clear({ commentsOnly }) and clear({ validationsOnly }) only check protection, since notes
// and validation are not modelled; a number format or colour notation the fake cannot read throws
// "not implemented" rather than guessing.

import { type Area, areaA1, contains, intersects, lastColumnOf, lastRowOf, parseA1Range } from './a1';
import type { Fake } from './engine';
import { signature } from './messages';
import { FakeObject } from './service-proxy';
import type { RawSheet } from './sheet';
import { type FakeCellState, type FakeSheetState, cellForWrite, getCell, tidyCell } from './state';
import {
  AUTOMATIC_FORMAT,
  AppsScriptException,
  type StoredValue,
  dateOfSerial,
  defaultDateFormat,
  formatSheetsDate,
  formatSheetsNumber,
  isDate,
  isDateFormat,
  isTextFormat,
  normaliseColour,
  serialOf,
  typeInput,
} from './values';

const MERGE_PARTIAL = 'You must select all cells in a merged range to merge or unmerge them.';

type Format = Exclude<keyof FakeCellState, 'row' | 'column' | 'value' | 'formula'>;

export function clearFormatOf(c: FakeCellState, numberFormatToo: boolean): void {
  c.background = null;
  c.fontColor = null;
  c.fontWeight = null;
  c.fontStyle = null;
  c.fontSize = null;
  c.wrap = null;
  c.verticalAlignment = null;
  c.horizontalAlignment = null;
  if (numberFormatToo) c.numberFormat = null;
}

/** What getValues gives for a stored value under a number format (dates live in the format, as in Sheets). */
function readValue(c: FakeCellState | undefined, tz: string): StoredValue {
  if (!c || c.value === null) return '';
  const v = c.value;
  const format = c.numberFormat ?? AUTOMATIC_FORMAT;
  if (isDate(v)) return isDateFormat(format) || isTextFormat(format) ? new Date(v.getTime()) : serialOf(v, tz);
  if (typeof v === 'number' && isDateFormat(format)) return dateOfSerial(v, tz);
  return v;
}

function displayValue(c: FakeCellState | undefined, tz: string): string {
  const v = readValue(c, tz);
  if (v === '' || v === null) return '';
  if (typeof v === 'boolean') return v ? 'TRUE' : 'FALSE';
  if (typeof v === 'string') return v;
  const format = c?.numberFormat ?? null;
  if (isDate(v)) return formatSheetsDate(v, format ?? 'dd/MM/yyyy', tz);
  return formatSheetsNumber(v, format);
}

export class RawRange extends FakeObject {
  readonly kind = 'Range';
  constructor(
    private readonly _f: Fake,
    readonly _sheet: FakeSheetState,
    readonly _area: Area,
  ) {
    super();
  }

  private _grid<T>(fn: (cell: FakeCellState | undefined, row: number, column: number) => T): T[][] {
    const { row, column, numRows, numColumns } = this._area;
    const out: T[][] = [];
    for (let r = 0; r < numRows; r++) {
      const line: T[] = [];
      for (let c = 0; c < numColumns; c++) line.push(fn(getCell(this._sheet, row + r, column + c), row + r, column + c));
      out.push(line);
    }
    return out;
  }

  private _topLeft(): FakeCellState | undefined {
    return getCell(this._sheet, this._area.row, this._area.column);
  }

  /** Apps Script's dimension checks for a 2-D argument. */
  private _check2D(values: unknown, method: string): unknown[][] {
    if (!Array.isArray(values) || !values.every((r) => Array.isArray(r))) throw signature('Range', method, [values]);
    const rows = values as unknown[][];
    if (rows.length !== this._area.numRows) throw new AppsScriptException(`The number of rows in the data does not match the number of rows in the range. The data has ${rows.length} but the range has ${this._area.numRows}.`);
    for (const r of rows) if (r.length !== this._area.numColumns) throw new AppsScriptException(`The number of columns in the data does not match the number of columns in the range. The data has ${r.length} but the range has ${this._area.numColumns}.`);
    return rows;
  }

  /** Writes after every check has passed: the whole range or nothing. */
  private _write(values: unknown[][] | null, apply: (cell: FakeCellState, v: unknown) => void): RawRange {
    this._f.assertWritable(this._sheet, this._area);
    const { row, column, numRows, numColumns } = this._area;
    for (let r = 0; r < numRows; r++) {
      for (let c = 0; c < numColumns; c++) {
        const cell = cellForWrite(this._sheet, row + r, column + c);
        apply(cell, values ? values[r]?.[c] : undefined);
        tidyCell(this._sheet, cell);
      }
    }
    return this;
  }

  /** Every existing cell record in the range (cheap on big, sparse ranges). */
  private _existing(): FakeCellState[] {
    const out: FakeCellState[] = [];
    for (const c of this._sheet.cells.values()) if (c.row >= this._area.row && c.row <= lastRowOf(this._area) && c.column >= this._area.column && c.column <= lastColumnOf(this._area)) out.push(c);
    return out;
  }

  private _storeTyped(cell: FakeCellState, input: unknown): void {
    const book = this._f.book;
    const t = typeInput(input, cell.numberFormat, book.timeZone, book.locale);
    cell.value = t.value;
    cell.formula = t.formula;
    if (cell.numberFormat === null && t.format !== null) cell.numberFormat = t.format;
    if (cell.numberFormat === null && isDate(t.value)) cell.numberFormat = defaultDateFormat(t.value, book.timeZone, book.locale);
  }

  // Values ------------------------------------------------------------------------------------
  getValues(): StoredValue[][] {
    const tz = this._f.book.timeZone;
    return this._grid((c) => readValue(c, tz));
  }
  getValue(): StoredValue {
    return readValue(this._topLeft(), this._f.book.timeZone);
  }
  getDisplayValues(): string[][] {
    const tz = this._f.book.timeZone;
    return this._grid((c) => displayValue(c, tz));
  }
  getDisplayValue(): string {
    return displayValue(this._topLeft(), this._f.book.timeZone);
  }
  setValues(values: unknown): RawRange {
    const rows = this._check2D(values, 'setValues');
    return this._write(rows, (cell, v) => this._storeTyped(cell, v));
  }
  setValue(value: unknown): RawRange {
    return this._write(null, (cell) => this._storeTyped(cell, value));
  }
  getFormulas(): string[][] {
    return this._grid((c) => c?.formula ?? '');
  }
  getFormula(): string {
    return this._topLeft()?.formula ?? '';
  }
  setFormula(formula: unknown): RawRange {
    if (typeof formula !== 'string') throw signature('Range', 'setFormula', [formula]);
    return this._write(null, (cell) => this._storeTyped(cell, formula));
  }
  setFormulas(formulas: unknown): RawRange {
    const rows = this._check2D(formulas, 'setFormulas');
    return this._write(rows, (cell, v) => this._storeTyped(cell, v === null || v === undefined ? '' : String(v)));
  }
  isBlank(): boolean {
    return this._existing().every((c) => c.value === null && c.formula === null);
  }

  // Formats -----------------------------------------------------------------------------------
  private _setFormat<K extends Format>(key: K, value: FakeCellState[K]): RawRange {
    return this._write(null, (cell) => {
      cell[key] = value;
    });
  }
  private _setFormats<K extends Format>(key: K, values: unknown, method: string, read: (v: unknown) => FakeCellState[K]): RawRange {
    const rows = this._check2D(values, method);
    const converted = rows.map((r) => r.map(read));
    return this._write(converted, (cell, v) => {
      cell[key] = v as FakeCellState[K];
    });
  }
  getNumberFormats(): string[][] {
    return this._grid((c) => c?.numberFormat ?? AUTOMATIC_FORMAT);
  }
  getNumberFormat(): string {
    return this._topLeft()?.numberFormat ?? AUTOMATIC_FORMAT;
  }
  setNumberFormat(format: unknown): RawRange {
    if (typeof format !== 'string') throw signature('Range', 'setNumberFormat', [format]);
    return this._setFormat('numberFormat', format);
  }
  setNumberFormats(formats: unknown): RawRange {
    return this._setFormats('numberFormat', formats, 'setNumberFormats', (v) => (v === null || v === undefined ? null : String(v)));
  }
  getBackgrounds(): string[][] {
    return this._grid((c) => c?.background ?? '#ffffff');
  }
  getBackground(): string {
    return this._topLeft()?.background ?? '#ffffff';
  }
  setBackground(color: unknown): RawRange {
    return this._setFormat('background', normaliseColour(color, 'setBackground'));
  }
  setBackgroundRGB(red: number, green: number, blue: number): RawRange {
    const hex = [red, green, blue].map((n) => Math.max(0, Math.min(255, Math.round(n))).toString(16).padStart(2, '0')).join('');
    return this._setFormat('background', `#${hex}`);
  }
  setBackgrounds(colors: unknown): RawRange {
    return this._setFormats('background', colors, 'setBackgrounds', (v) => normaliseColour(v, 'setBackgrounds'));
  }
  /** Deprecated in Apps Script (getFontColorObjects replaces it) but still there. */
  getFontColors(): string[][] {
    return this._grid((c) => c?.fontColor ?? '#000000');
  }
  getFontColor(): string {
    return this._topLeft()?.fontColor ?? '#000000';
  }
  setFontColor(color: unknown): RawRange {
    return this._setFormat('fontColor', normaliseColour(color, 'setFontColor'));
  }
  setFontColors(colors: unknown): RawRange {
    return this._setFormats('fontColor', colors, 'setFontColors', (v) => normaliseColour(v, 'setFontColors'));
  }
  getFontWeights(): string[][] {
    return this._grid((c) => c?.fontWeight ?? 'normal');
  }
  getFontWeight(): string {
    return this._topLeft()?.fontWeight ?? 'normal';
  }
  setFontWeight(weight: unknown): RawRange {
    return this._setFormat('fontWeight', fontWeightOf(weight));
  }
  setFontWeights(weights: unknown): RawRange {
    return this._setFormats('fontWeight', weights, 'setFontWeights', fontWeightOf);
  }
  getFontStyles(): string[][] {
    return this._grid((c) => c?.fontStyle ?? 'normal');
  }
  getFontStyle(): string {
    return this._topLeft()?.fontStyle ?? 'normal';
  }
  setFontStyle(style: unknown): RawRange {
    return this._setFormat('fontStyle', fontStyleOf(style));
  }
  setFontStyles(styles: unknown): RawRange {
    return this._setFormats('fontStyle', styles, 'setFontStyles', fontStyleOf);
  }
  getFontSizes(): number[][] {
    return this._grid((c) => c?.fontSize ?? 10);
  }
  getFontSize(): number {
    return this._topLeft()?.fontSize ?? 10;
  }
  setFontSize(size: unknown): RawRange {
    if (typeof size !== 'number') throw signature('Range', 'setFontSize', [size]);
    return this._setFormat('fontSize', size);
  }
  setFontSizes(sizes: unknown): RawRange {
    return this._setFormats('fontSize', sizes, 'setFontSizes', (v) => (typeof v === 'number' ? v : null));
  }
  setWrap(wrap: unknown): RawRange {
    if (typeof wrap !== 'boolean') throw signature('Range', 'setWrap', [wrap]);
    return this._setFormat('wrap', wrap);
  }
  setWraps(wraps: unknown): RawRange {
    return this._setFormats('wrap', wraps, 'setWraps', (v) => (typeof v === 'boolean' ? v : null));
  }
  getVerticalAlignments(): string[][] {
    return this._grid((c) => c?.verticalAlignment ?? 'bottom');
  }
  getVerticalAlignment(): string {
    return this._topLeft()?.verticalAlignment ?? 'bottom';
  }
  setVerticalAlignment(alignment: unknown): RawRange {
    return this._setFormat('verticalAlignment', alignmentOf(alignment, ['top', 'middle', 'bottom'], 'setVerticalAlignment'));
  }
  setVerticalAlignments(alignments: unknown): RawRange {
    return this._setFormats('verticalAlignment', alignments, 'setVerticalAlignments', (v) => alignmentOf(v, ['top', 'middle', 'bottom'], 'setVerticalAlignments'));
  }
  setHorizontalAlignment(alignment: unknown): RawRange {
    return this._setFormat('horizontalAlignment', alignmentOf(alignment, ['left', 'center', 'right', 'normal'], 'setHorizontalAlignment'));
  }
  setHorizontalAlignments(alignments: unknown): RawRange {
    return this._setFormats('horizontalAlignment', alignments, 'setHorizontalAlignments', (v) => alignmentOf(v, ['left', 'center', 'right', 'normal'], 'setHorizontalAlignments'));
  }

  // Clearing ----------------------------------------------------------------------------------
  /** clear() | clear({ contentsOnly, formatOnly, … }): contents and every format by default. */
  clear(options?: unknown): RawRange {
    const o = (options ?? {}) as { contentsOnly?: boolean; formatOnly?: boolean; commentsOnly?: boolean; validationsOnly?: boolean };
    if (o.commentsOnly || o.validationsOnly) {
      this._f.assertWritable(this._sheet, this._area);
      return this;
    }
    const contents = !o.formatOnly || o.contentsOnly === true;
    const formats = !o.contentsOnly || o.formatOnly === true;
    this._f.assertWritable(this._sheet, this._area);
    for (const c of this._existing()) {
      if (contents) {
        c.value = null;
        c.formula = null;
      }
      if (formats) clearFormatOf(c, true);
      tidyCell(this._sheet, c);
    }
    return this;
  }
  clearContent(): RawRange {
    return this.clear({ contentsOnly: true });
  }
  /** Documented: clears text formatting "but does not reset any number formatting rules". */
  clearFormat(): RawRange {
    this._f.assertWritable(this._sheet, this._area);
    for (const c of this._existing()) {
      clearFormatOf(c, false);
      tidyCell(this._sheet, c);
    }
    return this;
  }

  // Geometry ----------------------------------------------------------------------------------
  getA1Notation(): string {
    return areaA1(this._area);
  }
  getRow(): number {
    return this._area.row;
  }
  getRowIndex(): number {
    return this._area.row;
  }
  getColumn(): number {
    return this._area.column;
  }
  getNumRows(): number {
    return this._area.numRows;
  }
  getNumColumns(): number {
    return this._area.numColumns;
  }
  getHeight(): number {
    return this._area.numRows;
  }
  getWidth(): number {
    return this._area.numColumns;
  }
  /** The range's own end row (not the sheet's last row with content). */
  getLastRow(): number {
    return lastRowOf(this._area);
  }
  getLastColumn(): number {
    return lastColumnOf(this._area);
  }
  getSheet(): RawSheet {
    return this._f.sheetObject(this._sheet);
  }
  getGridId(): number {
    return this._sheet.sheetId;
  }
  getCell(row: number, column: number): RawRange {
    if (!Number.isInteger(row) || !Number.isInteger(column) || row < 1 || column < 1 || row > this._area.numRows || column > this._area.numColumns) throw new AppsScriptException('Cell reference out of range');
    return this._f.range(this._sheet, { row: this._area.row + row - 1, column: this._area.column + column - 1, numRows: 1, numColumns: 1 });
  }
  offset(rowOffset: number, columnOffset: number, numRows?: number, numColumns?: number): RawRange {
    return this._f.sheetObject(this._sheet).getRange(this._area.row + rowOffset, this._area.column + columnOffset, numRows ?? this._area.numRows, numColumns ?? this._area.numColumns);
  }
  activate(): RawRange {
    this._sheet.activeRange = areaA1(this._area);
    this._f.book.activeSheetId = this._sheet.sheetId;
    return this;
  }
  activateAsCurrentCell(): RawRange {
    if (this._area.numRows !== 1 || this._area.numColumns !== 1) throw new AppsScriptException('The range must be a single cell.');
    return this.activate();
  }
  canEdit(): boolean {
    try {
      this._f.assertWritable(this._sheet, this._area);
      return true;
    } catch {
      return false;
    }
  }

  // Merges ------------------------------------------------------------------------------------
  private _merges(): Area[] {
    return this._sheet.merges.map((m) => parseA1Range(m, this._sheet.maxRows, this._sheet.maxColumns) as Area);
  }
  /** Merged areas that lie in or overlap this range. */
  getMergedRanges(): RawRange[] {
    return this._merges()
      .filter((m) => intersects(m, this._area))
      .map((m) => this._f.range(this._sheet, m));
  }
  isPartOfMerge(): boolean {
    return this._merges().some((m) => intersects(m, this._area));
  }
  private _mergeAreas(areas: Area[]): RawRange {
    const existing = this._merges();
    for (const m of existing) if (intersects(m, this._area) && !contains(this._area, m)) throw new AppsScriptException(MERGE_PARTIAL);
    this._f.assertWritable(this._sheet, this._area);
    this._sheet.merges = existing.filter((m) => !contains(this._area, m)).map((m) => areaA1(m));
    for (const a of areas) {
      if (a.numRows === 1 && a.numColumns === 1) continue;
      this._sheet.merges.push(areaA1({ row: a.row, column: a.column, numRows: a.numRows, numColumns: a.numColumns }));
      // Only the top-left value survives a merge.
      for (const c of [...this._sheet.cells.values()]) {
        if (c.row >= a.row && c.row <= lastRowOf(a) && c.column >= a.column && c.column <= lastColumnOf(a) && !(c.row === a.row && c.column === a.column)) {
          c.value = null;
          c.formula = null;
          tidyCell(this._sheet, c);
        }
      }
    }
    return this;
  }
  merge(): RawRange {
    return this._mergeAreas([{ ...this._area, openRows: false, openColumns: false }]);
  }
  mergeAcross(): RawRange {
    const a = this._area;
    return this._mergeAreas(Array.from({ length: a.numRows }, (_, i) => ({ row: a.row + i, column: a.column, numRows: 1, numColumns: a.numColumns })));
  }
  mergeVertically(): RawRange {
    const a = this._area;
    return this._mergeAreas(Array.from({ length: a.numColumns }, (_, i) => ({ row: a.row, column: a.column + i, numRows: a.numRows, numColumns: 1 })));
  }
  breakApart(): RawRange {
    const existing = this._merges();
    for (const m of existing) if (intersects(m, this._area) && !contains(this._area, m)) throw new AppsScriptException(MERGE_PARTIAL);
    this._f.assertWritable(this._sheet, this._area);
    this._sheet.merges = existing.filter((m) => !contains(this._area, m)).map((m) => areaA1(m));
    return this;
  }
}

export function fontWeightOf(v: unknown): 'bold' | 'normal' | null {
  if (v === null || v === undefined) return null;
  if (v === 'bold' || v === 'normal') return v;
  throw new AppsScriptException(`Invalid argument: fontWeight (${String(v)})`);
}

export function fontStyleOf(v: unknown): 'italic' | 'normal' | null {
  if (v === null || v === undefined) return null;
  if (v === 'italic' || v === 'normal') return v;
  throw new AppsScriptException(`Invalid argument: fontStyle (${String(v)})`);
}

function alignmentOf(v: unknown, allowed: string[], method: string): string | null {
  if (v === null || v === undefined) return null;
  if (typeof v === 'string' && allowed.includes(v.toLowerCase())) return v.toLowerCase();
  throw new AppsScriptException(`Invalid argument: ${method} (${String(v)})`);
}
