import type { EditPlan } from '../../shared/edit-plan/edit-plan';
import type { CellStyle } from '../../shared/summary/summary-sheet';
import { serialFromDay } from '../../shared/dates/day';
import { datePrecisionOf } from '../../shared/grid/number-format';
import { fillColour, widestRow, type CellValue, type GridSnapshot } from '../../shared/grid/grid';
import { cellAddress } from '../../shared/grid/a1';
import type { CellEdit } from '../../shared/merge/cell-edits';
import { landingRows, type RowInsertion } from '../../shared/add/row-insertion';
import { dateFormatFor, formulaCellRefused, hiddenSheetRefusal, protectedRefusal, type ApplyReport, type WorkbookPort, type WorkbookSnapshot } from '../../shared/workbook/workbook';
import { WriteRefused } from '../../shared/workbook/write-refusal';

/** Formula errors as getValues gives them. */
const errorValue = /^#(?:REF!|N\/A|VALUE!|DIV\/0!|NAME\?|NUM!|NULL!|ERROR!|SPILL!|CALC!)$/;

/**
 * Sheets reads every string written by setValues as if typed: "=…" becomes a formula, "+1" and
 * "-1" numbers, "30/06/2018" a date, "TRUE" a boolean. A leading apostrophe makes any of them
 * literal text and is not stored, so every string Plan Monitor writes gets one.
 */
export function literalForSheets(v: CellValue): CellValue {
  return typeof v === 'string' && v !== '' ? `'${v}` : v;
}

const msPerDay = 86_400_000;

/**
 * A date cell comes back as a Date at midnight in the spreadsheet's time zone, which may be anywhere
 * from UTC−12 to UTC+14 and differ from the script's. The day is found from that zone's offset, asked
 * once per read (one Utilities.formatDate of the first date met), not once per cell: an hour of slack
 * covers a daylight-saving change between that date and the others. A time of day past 22:00 could
 * read as the next day; due dates carry none.
 */
export function serialFromSheetsDate(d: Date, offsetMs: number): number {
  return serialFromDay(Math.floor((d.getTime() + offsetMs + msPerDay / 24) / msPerDay));
}

/** The spreadsheet zone's offset from UTC at this instant, from its wall-clock time there. */
export function zoneOffsetMs(d: Date, timeZone: string): number {
  const wall = Utilities.formatDate(d, timeZone, "yyyy-MM-dd'T'HH:mm:ss");
  return Date.parse(`${wall}Z`) - d.getTime();
}

type Sheet = GoogleAppsScript.Spreadsheet.Sheet;

/**
 * One sheet's used range as a grid, in a fixed number of calls whatever its size: values, fills
 * (kept for blank cells only, where a status may be a colour alone), the filter, and the formulas
 * only when some value looks like an error, since getValues gives a formula's #REF! and the text
 * "#REF!" alike.
 */
function gridOf(sheet: Sheet, name: string, offsetOf: (d: Date) => number): GridSnapshot {
  const range = sheet.getDataRange();
  const raw = range.getValues() as unknown[][];
  const backgrounds = range.getBackgrounds();
  const values: CellValue[][] = [];
  const dates: boolean[][] = [];
  const errors: (string | null)[][] = [];
  const fills: (string | null)[][] = [];
  let anyDate = false;
  let errorLike = false;
  const datePrecisionOut: { value?: ('month' | 'year' | undefined)[][] } = {};
  raw.forEach((row, r) => {
    const vs: CellValue[] = [];
    const ds: boolean[] = [];
    row.forEach((v, c) => {
      // Tag check rather than instanceof: a Date from another realm (a test's vm context) is still a Date.
      if (Object.prototype.toString.call(v) === '[object Date]') {
        vs.push(serialFromSheetsDate(v as Date, offsetOf(v as Date)));
        ds[c] = true;
        anyDate = true;
        return;
      }
      if (typeof v === 'string' && errorValue.test(v)) errorLike = true;
      if (v === '' || v === undefined || v === null) {
        const bg = fillColour(backgrounds[r]?.[c]);
        if (bg) (fills[r] ??= [])[c] = bg;
        vs.push(null);
      } else vs.push(v as CellValue);
    });
    values.push(vs);
    dates.push(ds);
  });
  let anyError = false;
  if (errorLike) {
    const formulas = range.getFormulas();
    values.forEach((row, r) =>
      row.forEach((v, c) => {
        if (typeof v !== 'string' || !errorValue.test(v) || !formulas[r]?.[c]) return;
        row[c] = null;
        (errors[r] ??= [])[c] = v;
        anyError = true;
      }),
    );
  }
  // A month typed as a date ("Sep 2018") is stored as its first day with a month-only format: the
  // formats are read, in one call, only when the sheet has dates.
  if (anyDate) {
    const formats = range.getNumberFormats();
    const precisions: ('month' | 'year' | undefined)[][] = [];
    let anyPrecision = false;
    dates.forEach((row, r) =>
      row.forEach((isDate, c) => {
        if (!isDate) return;
        const shows = datePrecisionOf(formats[r]?.[c]);
        if (shows === 'day') return;
        (precisions[r] ??= [])[c] = shows;
        anyPrecision = true;
      }),
    );
    if (anyPrecision) datePrecisionOut.value = precisions;
  }
  // Merged heading rows need no merge list here: their text sits in one cell, which reads as a heading.
  const grid: GridSnapshot = { sheet: name, top: 1, left: 1, values, fills };
  if (anyDate) grid.dates = dates;
  if (datePrecisionOut.value) grid.datePrecision = datePrecisionOut.value;
  if (anyError) grid.errors = errors;
  // SpreadsheetApp can only say row by row which rows are hidden: what it can say at once is that a filter is on.
  if (sheet.getFilter()) grid.hiddenRowsUnknown = 'filter-on';
  return grid;
}

/** A cell to write: its place and what goes in it, as setValues takes it. */
interface Placed {
  row: number;
  col: number;
  value: string | number;
}

/** A rectangle of cells written with one setValues. */
interface Block {
  top: number;
  left: number;
  values: (string | number)[][];
}

/**
 * The cells as rectangles to write at once: runs of consecutive rows in a column, then runs of the
 * same rows side by side in neighbouring columns joined. Exact: a block holds only cells to write.
 */
export function blocksOf(cells: readonly Placed[]): Block[] {
  const sorted = [...cells].sort((a, b) => a.col - b.col || a.row - b.row);
  const runs: Placed[][] = [];
  for (const c of sorted) {
    const run = runs[runs.length - 1];
    const last = run?.[run.length - 1];
    if (run && last && last.col === c.col && last.row + 1 === c.row) run.push(c);
    else runs.push([c]);
  }
  const blocks: Block[] = [];
  const open = new Map<string, { block: Block; right: number }>();
  for (const run of runs) {
    const first = run[0] as Placed;
    const key = `${first.row}:${run.length}`;
    const same = open.get(key);
    if (same && same.right + 1 === first.col) {
      run.forEach((c, i) => (same.block.values[i] as (string | number)[]).push(c.value));
      same.right = first.col;
      continue;
    }
    const block = { top: first.row, left: first.col, values: run.map((c) => [c.value]) };
    blocks.push(block);
    open.set(key, { block, right: first.col });
  }
  return blocks;
}

function isLocked(sheet: Sheet): boolean {
  return sheet.getProtections(SpreadsheetApp.ProtectionType.SHEET).some((p) => !p.canEdit());
}

/**
 * The SpreadsheetApp adapter, synchronous as Apps Script is. Every read and write is a fixed number
 * of service calls, however many rows the plan has.
 */
export class SheetsAdapter {
  /** `open`: the spreadsheet to work on; the active one, unless a time-driven trigger (which has none) opened it by id. */
  constructor(private readonly open: () => GoogleAppsScript.Spreadsheet.Spreadsheet = () => SpreadsheetApp.getActiveSpreadsheet()) {}

  private get spreadsheet(): GoogleAppsScript.Spreadsheet.Spreadsheet {
    return this.open();
  }

  readWorkbook(): WorkbookSnapshot {
    const ss = this.spreadsheet;
    let offset: number | null = null;
    // Asked once, at the first date cell: two calls per read whatever the number of dates.
    const offsetOf = (d: Date) => (offset ??= zoneOffsetMs(d, ss.getSpreadsheetTimeZone()));
    const sheets = ss.getSheets().map((sheet) => {
      const name = sheet.getName();
      return { name, visibility: sheet.isSheetHidden() ? ('hidden' as const) : ('visible' as const), grid: gridOf(sheet, name, offsetOf) };
    });
    return { sheets, activeSheet: ss.getActiveSheet().getName() };
  }

  private withLock<T>(fn: () => T): T {
    const lock = LockService.getDocumentLock();
    if (!lock.tryLock(10_000)) throw new WriteRefused({ code: 'busy' });
    try {
      return fn();
    } finally {
      lock.releaseLock();
    }
  }

  applyEditPlan(plan: EditPlan): ApplyReport {
    return this.withLock(() => {
      const ss = this.spreadsheet;
      const sheet = ss.getSheetByName(plan.sheet);
      if (!sheet) throw new WriteRefused({ code: 'sheet-gone', sheet: plan.sheet });
      const existing = plan.summary ? ss.getSheetByName(plan.summary.name) : null;
      // Check every sheet it will touch before the first write: nothing half-written.
      const refusal = protectedRefusal(plan, (name) => {
        const target = name === plan.sheet ? sheet : existing;
        return target !== null && isLocked(target);
      });
      if (refusal) throw new WriteRefused(refusal);
      this.paintStatusColumn(sheet, plan);
      if (plan.summary) this.writeSummary(ss, existing, plan.summary);
      return { colouredCells: plan.fills.reduce((n, g) => n + g.cells, 0), summarySheet: plan.summary?.name ?? null, roundTrips: 0 };
    });
  }

  /**
   * One RangeList per colour: three calls per colour, whatever the row count, touching only the
   * status cells (writing back a read of the whole column would turn "no fill" into white).
   */
  private paintStatusColumn(sheet: Sheet, plan: EditPlan): void {
    for (const g of plan.fills) if (g.ranges.length > 0) sheet.getRangeList(g.ranges).setBackground(g.fill).setFontColor(g.text);
  }

  private writeSummary(ss: GoogleAppsScript.Spreadsheet.Spreadsheet, existing: Sheet | null, summary: NonNullable<EditPlan['summary']>): void {
    const sheet = existing ?? ss.insertSheet(summary.name);
    if (existing) sheet.clear();
    const width = summary.values[0]?.length ?? 1;
    // A new sheet has 1,000 rows; writing past them fails, so grow it first.
    const maxRows = sheet.getMaxRows();
    if (summary.values.length > maxRows) sheet.insertRowsAfter(maxRows, summary.values.length - maxRows);
    sheet.getRange(1, 1, summary.values.length, width).setValues(summary.values.map((r) => r.map((v) => (v === null ? '' : literalForSheets(v)))));
    // Each row style's look as the edit plan resolved it, one RangeList per style: the same look as in Excel and the .xlsx.
    for (const [name, ranges] of Object.entries(summary.styles) as [CellStyle, string[]][]) {
      const look = summary.looks[name];
      if (ranges.length === 0 || Object.keys(look).length === 0) continue;
      const l = sheet.getRangeList(ranges);
      if (look.bold) l.setFontWeight('bold');
      if (look.italic) l.setFontStyle('italic');
      if (look.size !== undefined) l.setFontSize(look.size);
      if (look.fontColour) l.setFontColor(look.fontColour);
      if (look.fill) l.setBackground(look.fill);
      if (look.wrapTop) l.setWrap(true).setVerticalAlignment('top');
    }
    for (const g of summary.fills) sheet.getRangeList(g.ranges).setBackground(g.fill).setFontColor(g.text);
    summary.columnWidths.forEach((w, i) => sheet.setColumnWidth(i + 1, w * 7));
    // The summary sheet is the tool's own: its old chart goes, the new one is drawn from the new tables.
    for (const old of existing ? sheet.getCharts() : []) sheet.removeChart(old);
    const chart = summary.chart;
    if (chart) {
      sheet.insertChart(
        sheet
          .newChart()
          .setChartType(Charts.ChartType.BAR)
          .addRange(sheet.getRange(chart.range))
          .setNumHeaders(1)
          .setOption('isStacked', true)
          .setOption('title', chart.title)
          .setOption('colors', chart.series.map((x) => x.fill))
          .setPosition(chart.from.row, chart.from.col, 0, 0)
          .build(),
      );
    }
    for (const r of summary.hiddenRows) sheet.hideRows(r);
  }

  writeHiddenSheet(name: string, rows: CellValue[][]): void {
    this.withLock(() => {
      const ss = this.spreadsheet;
      const existing = ss.getSheetByName(name);
      const refusal = hiddenSheetRefusal(name, existing ? (existing.getRange(1, 1).getValue() as CellValue) : undefined, rows);
      if (refusal) throw new WriteRefused(refusal);
      const sheet = existing ?? ss.insertSheet(name);
      // Hidden from the start: a write that fails must not leave a new sheet showing.
      if (!existing) sheet.hideSheet();
      const width = Math.max(1, widestRow(rows));
      const height = Math.max(1, rows.length);
      // Grow the sheet first and write over the old rows; never clear first, so a failed write leaves
      // the previous history whole. A new sheet has 1,000 rows; a history of many quarters has more.
      const maxRows = sheet.getMaxRows();
      if (maxRows < height) sheet.insertRowsAfter(maxRows, height - maxRows);
      const maxColumns = sheet.getMaxColumns();
      if (maxColumns < width) sheet.insertColumnsAfter(maxColumns, width - maxColumns);
      const padded = rows.length > 0 ? rows : [[]];
      sheet.getRange(1, 1, height, width).setValues(padded.map((r) => Array.from({ length: width }, (_, i) => literalForSheets(r[i] ?? '') ?? '')));
      // Only then clear what the old contents had beyond the new.
      const lastRow = sheet.getLastRow();
      if (lastRow > height) sheet.getRange(height + 1, 1, lastRow - height, sheet.getMaxColumns()).clearContent();
      const lastColumn = sheet.getLastColumn();
      if (lastColumn > width) sheet.getRange(1, width + 1, height, lastColumn - width).clearContent();
      if (existing) sheet.hideSheet();
    });
  }

  /** The sheet's formula cells: one getFormulas of its data range. */
  formulaCells(sheetName: string): string[] {
    const sheet = this.spreadsheet.getSheetByName(sheetName);
    if (!sheet) return [];
    const out: string[] = [];
    sheet
      .getDataRange()
      .getFormulas()
      .forEach((row, r) => row.forEach((f, c) => f && out.push(cellAddress(r + 1, c + 1))));
    return out;
  }

  /**
   * Only the target cells are written, under the document lock, with every read before the first
   * write: the formulas and number formats of the columns written, in one rectangle. Text goes in
   * with an apostrophe (in a plain-text cell, as it is); a date as its serial in the cell's date
   * format, else its column's; a blank cell is cleared, keeping its format. Calls: a fixed number
   * for the checks, the read, one RangeList per date format to set, one for the blanks, one per
   * value repeated in cells apart (statuses), and one setValues per rectangle of cells side by side.
   */
  setCellValues(sheetName: string, edits: readonly CellEdit[]): { cells: number } {
    return this.withLock(() => {
      const sheet = this.spreadsheet.getSheetByName(sheetName);
      if (!sheet) throw new WriteRefused({ code: 'sheet-gone', sheet: sheetName });
      if (isLocked(sheet)) throw new WriteRefused({ code: 'sheet-protected', sheet: sheetName });
      if (edits.length === 0) return { cells: 0 };
      const left = Math.min(...edits.map((e) => e.col));
      const width = Math.max(...edits.map((e) => e.col)) - left + 1;
      const height = Math.max(sheet.getLastRow(), ...edits.map((e) => e.row));
      const read = sheet.getRange(1, left, height, width);
      const formulas = read.getFormulas();
      const formats = read.getNumberFormats();
      const at = (e: CellEdit) => ({ formula: formulas[e.row - 1]?.[e.col - left] ?? '', format: formats[e.row - 1]?.[e.col - left] ?? '' });
      const formula = edits.find((e) => at(e).formula !== '');
      if (formula) throw formulaCellRefused(sheetName, cellAddress(formula.row, formula.col));

      const toFormat = new Map<string, string[]>();
      const blanks: string[] = [];
      const cells: Placed[] = [];
      for (const e of edits) {
        const { format } = at(e);
        const v = e.value;
        if (v.kind === 'blank') blanks.push(cellAddress(e.row, e.col));
        else if (v.kind === 'text') cells.push({ row: e.row, col: e.col, value: format === '@' ? v.text : (literalForSheets(v.text) as string) });
        else {
          const wanted = dateFormatFor(format, formats.map((r) => r[e.col - left]));
          if (wanted !== format) toFormat.set(wanted, [...(toFormat.get(wanted) ?? []), cellAddress(e.row, e.col)]);
          cells.push({ row: e.row, col: e.col, value: v.serial });
        }
      }
      // Formats first: a serial in a date-formatted cell is that date.
      for (const [format, list] of toFormat) sheet.getRangeList(list).setNumberFormat(format);
      if (blanks.length > 0) sheet.getRangeList(blanks).clearContent();
      // A cell on its own whose value other cells apart from it share goes in with them, in one RangeList.
      const alone = new Map<string | number, Block[]>();
      for (const b of blocksOf(cells)) {
        const single = b.values.length === 1 && b.values[0]?.length === 1;
        const key = single ? (b.values[0]?.[0] as string | number) : null;
        if (key === null) sheet.getRange(b.top, b.left, b.values.length, b.values[0]?.length ?? 1).setValues(b.values);
        else alone.set(key, [...(alone.get(key) ?? []), b]);
      }
      for (const [value, list] of alone) {
        const [only] = list;
        if (list.length === 1 && only) sheet.getRange(only.top, only.left).setValue(value);
        else sheet.getRangeList(list.map((b) => cellAddress(b.top, b.left))).setValue(value);
      }
      return { cells: edits.length };
    });
  }

  /**
   * New rows under the document lock, every read before the first write: the checks, then one
   * getNumberFormats of the columns written (a date takes its column's format). Each block goes in
   * with insertRowsAfter, bottom block first so each leaves the places above it as read; Sheets
   * moves what refers to the rows below. Then the text cells are set to plain text (one RangeList,
   * so a "=…" stays text whatever format the new row took), the date cells to their formats (one
   * RangeList per format), and each block's values in one setValues. Calls: a fixed number, plus
   * three per block, whatever the number of rows.
   */
  insertRows(sheetName: string, insertions: readonly RowInsertion[]): { rows: number } {
    return this.withLock(() => {
      const sheet = this.spreadsheet.getSheetByName(sheetName);
      if (!sheet) throw new WriteRefused({ code: 'sheet-gone', sheet: sheetName });
      if (isLocked(sheet)) throw new WriteRefused({ code: 'sheet-protected', sheet: sheetName });
      const blocks = insertions.filter((b) => b.rows.length > 0);
      const count = blocks.reduce((n, b) => n + b.rows.length, 0);
      if (count === 0) return { rows: 0 };
      const cols = blocks.flatMap((b) => b.rows.flatMap((r) => r.map((c) => c.col)));
      const left = Math.min(...cols);
      const width = Math.max(...cols) - left + 1;
      const height = Math.max(sheet.getLastRow(), ...blocks.map((b) => b.afterRow));
      const formats = sheet.getRange(1, left, height, width).getNumberFormats();

      for (const b of [...blocks].reverse()) sheet.insertRowsAfter(b.afterRow, b.rows.length);
      const lands = landingRows(blocks);
      const texts: string[] = [];
      const toFormat = new Map<string, string[]>();
      // Each date column's formats, gathered once however many new dates it takes.
      const columnFormats = new Map<number, string[]>();
      const formatsOf = (col: number): string[] => {
        let list = columnFormats.get(col);
        if (!list) columnFormats.set(col, (list = formats.map((r) => r[col - left] ?? '')));
        return list;
      };
      blocks.forEach((b, i) =>
        b.rows.forEach((row, k) => {
          for (const c of row) {
            const addr = cellAddress((lands[i] as number) + k, c.col);
            if (c.value.kind === 'text') texts.push(addr);
            else if (c.value.kind === 'date') {
              const wanted = dateFormatFor(formats[b.afterRow - 1]?.[c.col - left], formatsOf(c.col));
              toFormat.set(wanted, [...(toFormat.get(wanted) ?? []), addr]);
            }
          }
        }),
      );
      if (texts.length > 0) sheet.getRangeList(texts).setNumberFormat('@');
      for (const [format, list] of toFormat) sheet.getRangeList(list).setNumberFormat(format);
      blocks.forEach((b, i) => {
        const values = b.rows.map((row) => {
          const out: (string | number)[] = Array.from({ length: width }, () => '');
          for (const c of row) if (c.value.kind !== 'blank') out[c.col - left] = c.value.kind === 'text' ? c.value.text : c.value.serial;
          return out;
        });
        sheet.getRange(lands[i] as number, left, b.rows.length, width).setValues(values);
      });
      return { rows: count };
    });
  }

  selectCell(sheetName: string, cell: string): void {
    const sheet = this.spreadsheet.getSheetByName(sheetName);
    if (!sheet) throw new WriteRefused({ code: 'sheet-gone', sheet: sheetName });
    sheet.activate();
    sheet.setActiveSelection(cell);
  }
}

/** The same adapter behind the async WorkbookPort, for the contract suite and shared code. */
export class SheetsWorkbookPort implements WorkbookPort {
  constructor(private readonly adapter = new SheetsAdapter()) {}
  async readWorkbook(): Promise<WorkbookSnapshot> {
    return this.adapter.readWorkbook();
  }
  async applyEditPlan(plan: EditPlan): Promise<ApplyReport> {
    return this.adapter.applyEditPlan(plan);
  }
  async writeHiddenSheet(name: string, rows: CellValue[][]): Promise<void> {
    this.adapter.writeHiddenSheet(name, rows);
  }
  async selectCell(sheet: string, cell: string): Promise<void> {
    this.adapter.selectCell(sheet, cell);
  }
  async setCellValues(sheet: string, edits: readonly CellEdit[]): Promise<{ cells: number }> {
    return this.adapter.setCellValues(sheet, edits);
  }
  async formulaCells(sheet: string): Promise<ReadonlySet<string>> {
    return new Set(this.adapter.formulaCells(sheet));
  }
  async insertRows(sheet: string, insertions: readonly RowInsertion[]): Promise<{ rows: number }> {
    return this.adapter.insertRows(sheet, insertions);
  }
}
