// Sheet: size and content extent, getRange by A1 or by numbers, getDataRange, row and column
// hiding, widths, frozen rows and columns, selection, clearing, protections, appendRow, the filter
// and embedded charts.
//
// Models: getLastRow, getLastColumn and getDataRange follow content, not formatting, and an empty
// sheet's data range is A1; numeric getRange checks its arguments with Apps Script's messages;
// hideSheet refuses to hide the last visible sheet (the refusal is documented, its message is the
// fake's own); clearFormats clears number formats too, where Range.clearFormat keeps them; every
// edit checks protection first (engine.ts). README.md: for hiding, widths and renaming it is not
// confirmed that Sheets blocks them for a user who may not edit.
// insertRowsAfter mid-sheet moves everything below down and gives the new rows the formats of the
// row they follow (what Sheets does when a row is inserted below; that the service call formats them
// so too is assumed, not documented, and the adapter sets the formats it relies on itself).
// Kinder than the real host: insertRowsAfter does not move the sheet's frozen rows, named ranges,
// conditional formats, data validations, notes or formulas' references (none are modelled here;
// Sheets moves them all); insertColumnsAfter is modelled only at the end of the sheet (mid-sheet
// throws); setFrozenRows and setFrozenColumns take any number unchecked;
// getColumnWidth gives 100 for a column the script has not sized; getRange naming another sheet is
// not implemented and says so.

import { type Area, areaA1, cellA1, lastColumnOf, lastRowOf, parseA1Range, splitSheetQualifier } from './a1';
import { RawChart, RawChartBuilder } from './chart';
import type { Fake } from './engine';
import { RawFilter } from './filter';
import { signature } from './messages';
import { ProtectionType, RawProtection } from './protection';
import { RawRange, clearFormatOf } from './range';
import { RawRangeList } from './range-list';
import { FakeObject } from './service-proxy';
import { type FakeCellState, type FakeProtectionState, type FakeSheetState, contentExtent, isBlankCell, tidyCell } from './state';
import type { RawSpreadsheet } from './spreadsheet';
import { AppsScriptException, FakeNotImplemented } from './values';

export class RawSheet extends FakeObject {
  readonly kind = 'Sheet';
  constructor(
    private readonly _f: Fake,
    readonly _state: FakeSheetState,
  ) {
    super();
  }
  private _checkRows(row: unknown, n: unknown, what: 'rows' | 'columns'): [number, number] {
    const max = what === 'rows' ? this._state.maxRows : this._state.maxColumns;
    if (typeof row !== 'number' || typeof n !== 'number' || !Number.isInteger(row) || !Number.isInteger(n)) throw signature('Sheet', what === 'rows' ? 'hideRows' : 'hideColumns', [row, n]);
    if (row < 1 || n < 1 || row + n - 1 > max) throw new AppsScriptException(`Those ${what} are out of bounds.`);
    return [row, n];
  }
  getName(): string {
    return this._state.name;
  }
  getSheetName(): string {
    return this._state.name;
  }
  setName(name: string): RawSheet {
    const other = this._f.sheetNamed(String(name));
    if (other && other !== this._state) throw new AppsScriptException(`A sheet with the name "${name}" already exists. Please enter another name.`);
    this._f.assertWritable(this._state);
    this._state.name = String(name);
    return this;
  }
  getSheetId(): number {
    return this._state.sheetId;
  }
  getIndex(): number {
    return this._f.book.sheets.indexOf(this._state) + 1;
  }
  getParent(): RawSpreadsheet {
    return this._f.spreadsheet;
  }
  getMaxRows(): number {
    return this._state.maxRows;
  }
  getMaxColumns(): number {
    return this._state.maxColumns;
  }
  getLastRow(): number {
    return contentExtent(this._state).lastRow;
  }
  getLastColumn(): number {
    return contentExtent(this._state).lastColumn;
  }
  /** getRange(a1) | getRange(row, column[, numRows[, numColumns]]). */
  getRange(...args: unknown[]): RawRange {
    const s = this._state;
    if (args.length === 1) {
      const { sheet, range } = splitSheetQualifier(String(args[0]));
      if (sheet !== null && sheet.toLowerCase() !== s.name.toLowerCase()) throw new FakeNotImplemented(`Sheet.getRange("${String(args[0])}") naming another sheet`);
      return this._f.parseRangeOn(s, range, 'Sheet');
    }
    const [row, column, numRows = 1, numColumns = 1] = args;
    if (args.length > 4 || ![row, column, numRows, numColumns].every((x) => typeof x === 'number' && Number.isInteger(x))) throw signature('Sheet', 'getRange', args);
    const area: Area = { row: row as number, column: column as number, numRows: numRows as number, numColumns: numColumns as number };
    if (area.row < 1) throw new AppsScriptException('The starting row of the range is too small.');
    if (area.column < 1) throw new AppsScriptException('The starting column of the range is too small.');
    if (area.numRows < 1) throw new AppsScriptException('The number of rows in the range must be at least 1.');
    if (area.numColumns < 1) throw new AppsScriptException('The number of columns in the range must be at least 1.');
    if (lastRowOf(area) > s.maxRows || lastColumnOf(area) > s.maxColumns) throw new AppsScriptException('The coordinates of the range are outside the dimensions of the sheet.');
    return this._f.range(s, area);
  }
  /** A1 to (getLastRow(), getLastColumn()); A1 alone on an empty sheet. */
  getDataRange(): RawRange {
    const { lastRow, lastColumn } = contentExtent(this._state);
    return this._f.range(this._state, { row: 1, column: 1, numRows: Math.max(1, lastRow), numColumns: Math.max(1, lastColumn) });
  }
  getSheetValues(row: number, column: number, numRows: number, numColumns: number): unknown[][] {
    const { lastRow, lastColumn } = contentExtent(this._state);
    const nr = numRows === -1 ? lastRow - row + 1 : numRows;
    const nc = numColumns === -1 ? lastColumn - column + 1 : numColumns;
    return this.getRange(row, column, nr, nc).getValues();
  }
  getRangeList(a1Notations: unknown): RawRangeList {
    if (!Array.isArray(a1Notations)) throw signature('Sheet', 'getRangeList', [a1Notations]);
    if (a1Notations.length === 0) throw new AppsScriptException('Range not found');
    return new RawRangeList(this._f, a1Notations.map((a) => this.getRange(String(a))));
  }
  /** EmbeddedChartBuilder, as Sheet.newChart documents it: build() then insertChart(). */
  newChart(): RawChartBuilder {
    return new RawChartBuilder(this._f, this);
  }
  insertChart(chart: unknown): void {
    if (!(chart instanceof RawChart)) throw signature('Sheet', 'insertChart', [chart]);
    this._f.assertWritable(this._state);
    if (this._state.charts.some((c) => c.chartId === chart._state.chartId)) throw new AppsScriptException('The chart is already on the sheet.');
    this._state.charts.push(chart._state);
  }
  getCharts(): RawChart[] {
    return this._state.charts.map((c) => new RawChart(c));
  }
  removeChart(chart: unknown): void {
    if (!(chart instanceof RawChart)) throw signature('Sheet', 'removeChart', [chart]);
    this._f.assertWritable(this._state);
    this._state.charts = this._state.charts.filter((c) => c.chartId !== chart._state.chartId);
  }
  /**
   * Adds rows after a position. At the end the sheet just grows; mid-sheet, every cell, merge,
   * hidden row, filter, range protection and chart anchor below moves down (a merge, filter or
   * protection across the place grows), and the new rows take the formats of the row at
   * afterPosition, with no values.
   */
  insertRowsAfter(afterPosition: unknown, howMany: unknown): RawSheet {
    if (typeof afterPosition !== 'number' || typeof howMany !== 'number' || !Number.isInteger(afterPosition) || !Number.isInteger(howMany) || howMany < 1 || afterPosition < 1) {
      throw signature('Sheet', 'insertRowsAfter', [afterPosition, howMany]);
    }
    const s = this._state;
    this._f.assertWritable(s);
    if (afterPosition > s.maxRows) throw new AppsScriptException('Those rows are out of bounds.');
    const n = howMany;
    const moved = (r: number) => (r > afterPosition ? r + n : r);
    s.maxRows += n;
    if (afterPosition === s.maxRows - n) return this;
    const grow = (a1: string): string => {
      const a = parseA1Range(a1, s.maxRows - n, s.maxColumns);
      if (!a) return a1;
      const last = lastRowOf(a);
      const top = moved(a.row);
      return areaA1({ ...a, row: top, numRows: moved(last) - top + 1 });
    };
    const cells = new Map<string, FakeCellState>();
    for (const c of s.cells.values()) {
      const row = moved(c.row);
      cells.set(cellA1(row, c.column), { ...c, row });
    }
    // The new rows: the formats of the row they follow, no values.
    for (const c of s.cells.values()) {
      if (c.row !== afterPosition) continue;
      for (let row = afterPosition + 1; row <= afterPosition + n; row++) {
        const copy: FakeCellState = { ...c, row, value: null, formula: null };
        if (!isBlankCell(copy)) cells.set(cellA1(row, c.column), copy);
      }
    }
    s.cells.clear();
    for (const [k, c] of cells) s.cells.set(k, c);
    s.merges = s.merges.map(grow);
    s.hiddenRows = new Set([...s.hiddenRows].map(moved));
    if (s.filter) s.filter = { range: grow(s.filter.range), hiddenRows: new Set([...s.filter.hiddenRows].map(moved)) };
    for (const p of s.protections) if (p.type === 'RANGE') p.range = grow(p.range);
    for (const chart of s.charts) chart.position.row = moved(chart.position.row);
    return this;
  }
  /** Adds columns after a position; like insertRowsAfter, only growth at the end is modelled. */
  insertColumnsAfter(afterPosition: unknown, howMany: unknown): RawSheet {
    if (typeof afterPosition !== 'number' || typeof howMany !== 'number' || !Number.isInteger(afterPosition) || !Number.isInteger(howMany) || howMany < 1) {
      throw signature('Sheet', 'insertColumnsAfter', [afterPosition, howMany]);
    }
    this._f.assertWritable(this._state);
    if (afterPosition !== this._state.maxColumns) throw new Error('Fake SpreadsheetApp: Sheet.insertColumnsAfter is modelled only at the end of the sheet');
    this._state.maxColumns += howMany;
    return this;
  }
  hideRows(row: unknown, numRows: unknown = 1): void {
    const [r, n] = this._checkRows(row, numRows, 'rows');
    this._f.assertWritable(this._state);
    for (let i = r; i < r + n; i++) this._state.hiddenRows.add(i);
  }
  showRows(row: unknown, numRows: unknown = 1): void {
    const [r, n] = this._checkRows(row, numRows, 'rows');
    this._f.assertWritable(this._state);
    for (let i = r; i < r + n; i++) this._state.hiddenRows.delete(i);
  }
  hideRow(range: unknown): void {
    if (!(range instanceof RawRange)) throw signature('Sheet', 'hideRow', [range]);
    this.hideRows(range._area.row, range._area.numRows);
  }
  unhideRow(range: unknown): void {
    if (!(range instanceof RawRange)) throw signature('Sheet', 'unhideRow', [range]);
    this.showRows(range._area.row, range._area.numRows);
  }
  isRowHiddenByUser(row: number): boolean {
    return this._state.hiddenRows.has(row);
  }
  isRowHiddenByFilter(row: number): boolean {
    return this._state.filter?.hiddenRows.has(row) === true;
  }
  /** The sheet's filter, or null (only its range is modelled). */
  getFilter(): RawFilter | null {
    const f = this._state.filter;
    return f ? new RawFilter(this._f, this._state, f.range) : null;
  }
  hideColumns(column: unknown, numColumns: unknown = 1): void {
    const [c, n] = this._checkRows(column, numColumns, 'columns');
    this._f.assertWritable(this._state);
    for (let i = c; i < c + n; i++) this._state.hiddenColumns.add(i);
  }
  showColumns(column: unknown, numColumns: unknown = 1): void {
    const [c, n] = this._checkRows(column, numColumns, 'columns');
    this._f.assertWritable(this._state);
    for (let i = c; i < c + n; i++) this._state.hiddenColumns.delete(i);
  }
  isColumnHiddenByUser(column: number): boolean {
    return this._state.hiddenColumns.has(column);
  }
  setColumnWidth(column: unknown, width: unknown): RawSheet {
    return this.setColumnWidths(column, 1, width);
  }
  setColumnWidths(startColumn: unknown, numColumns: unknown, width: unknown): RawSheet {
    const [c, n] = this._checkRows(startColumn, numColumns, 'columns');
    if (typeof width !== 'number' || !Number.isFinite(width) || width < 0) throw signature('Sheet', 'setColumnWidths', [startColumn, numColumns, width]);
    this._f.assertWritable(this._state);
    for (let i = c; i < c + n; i++) this._state.columnWidths.set(i, Math.round(width));
    return this;
  }
  getColumnWidth(column: number): number {
    return this._state.columnWidths.get(column) ?? 100;
  }
  setFrozenRows(rows: number): void {
    this._f.assertWritable(this._state);
    this._state.frozenRows = rows;
  }
  getFrozenRows(): number {
    return this._state.frozenRows;
  }
  setFrozenColumns(columns: number): void {
    this._f.assertWritable(this._state);
    this._state.frozenColumns = columns;
  }
  getFrozenColumns(): number {
    return this._state.frozenColumns;
  }
  hideSheet(): RawSheet {
    if (this._state.hidden) return this;
    const book = this._f.book;
    if (!book.sheets.some((s) => s !== this._state && !s.hidden)) throw new AppsScriptException("You can't hide all the sheets in a document.");
    this._f.assertWritable(this._state);
    this._state.hidden = true;
    if (book.activeSheetId === this._state.sheetId) book.activeSheetId = (book.sheets.find((s) => !s.hidden) as FakeSheetState).sheetId;
    return this;
  }
  showSheet(): RawSheet {
    if (!this._state.hidden) return this;
    this._f.assertWritable(this._state);
    this._state.hidden = false;
    return this;
  }
  isSheetHidden(): boolean {
    return this._state.hidden;
  }
  activate(): RawSheet {
    this._f.book.activeSheetId = this._state.sheetId;
    return this;
  }
  /** Selects the range (A1 text or a Range of this sheet) and makes this the active sheet. */
  setActiveSelection(range: unknown): RawRange {
    const r = typeof range === 'string' ? this.getRange(range) : range;
    if (!(r instanceof RawRange) || r._sheet !== this._state) throw signature('Sheet', 'setActiveSelection', [range]);
    return r.activate();
  }
  setActiveRange(range: unknown): RawRange {
    if (!(range instanceof RawRange) || range._sheet !== this._state) throw signature('Sheet', 'setActiveRange', [range]);
    return range.activate();
  }
  getActiveRange(): RawRange {
    return this.getRange(this._state.activeRange);
  }
  getActiveCell(): RawRange {
    const a = this.getActiveRange()._area;
    return this._f.range(this._state, { row: a.row, column: a.column, numRows: 1, numColumns: 1 });
  }
  clear(options?: unknown): RawSheet {
    this._f.range(this._state, { row: 1, column: 1, numRows: this._state.maxRows, numColumns: this._state.maxColumns }).clear(options);
    return this;
  }
  clearContents(): RawSheet {
    this._f.range(this._state, { row: 1, column: 1, numRows: this._state.maxRows, numColumns: this._state.maxColumns }).clearContent();
    return this;
  }
  /** Clears every format, number formats included (Range.clearFormat keeps those). */
  clearFormats(): RawSheet {
    this._f.assertWritable(this._state);
    for (const c of [...this._state.cells.values()]) {
      clearFormatOf(c, true);
      tidyCell(this._state, c);
    }
    return this;
  }
  getProtections(type: unknown): RawProtection[] {
    if (type !== ProtectionType.SHEET && type !== ProtectionType.RANGE) throw signature('Sheet', 'getProtections', [type]);
    const want = type === ProtectionType.SHEET ? 'SHEET' : 'RANGE';
    return this._state.protections.filter((p) => p.type === want).map((p) => new RawProtection(this._f, this._state, p));
  }
  /** Protects the sheet; if it is already protected, gives that protection. */
  protect(): RawProtection {
    const existing = this._state.protections.find((p) => p.type === 'SHEET');
    if (existing) return new RawProtection(this._f, this._state, existing);
    const p: FakeProtectionState = { type: 'SHEET', range: areaA1({ row: 1, column: 1, numRows: this._state.maxRows, numColumns: this._state.maxColumns }), description: '', canEdit: true, warningOnly: false };
    this._state.protections.push(p);
    return new RawProtection(this._f, this._state, p);
  }
  appendRow(rowContents: unknown): RawSheet {
    if (!Array.isArray(rowContents) || rowContents.length === 0) throw signature('Sheet', 'appendRow', [rowContents]);
    this._f.assertWritable(this._state);
    const row = contentExtent(this._state).lastRow + 1;
    if (row > this._state.maxRows) this._state.maxRows = row;
    if (rowContents.length > this._state.maxColumns) this._state.maxColumns = rowContents.length;
    this._f.range(this._state, { row, column: 1, numRows: 1, numColumns: rowContents.length }).setValues([rowContents]);
    return this;
  }
}
