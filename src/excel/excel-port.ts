import type { EditPlan } from '../../shared/edit-plan/edit-plan';
import { fillColour, widestRow, type CellValue } from '../../shared/grid/grid';
import { hiddenSheetRefusal, protectedRefusal, type ApplyReport, type WorkbookPort, type WorkbookSnapshot } from '../../shared/workbook/workbook';
import { WriteRefused } from '../../shared/workbook/write-refusal';
import { readExcelWorkbook } from './read-workbook';
import { writeExcelEditPlan } from './write-edit-plan';
import { holdsFormula, writeExcelCellValues } from './write-cell-values';
import type { CellEdit } from '../../shared/merge/cell-edits';
import { cellAddress } from '../../shared/grid/a1';
import type { RowInsertion } from '../../shared/add/row-insertion';
import { writeExcelInsertRows } from './write-insert-rows';

function supports(version: string): boolean {
  return typeof Office !== 'undefined' && Office.context?.requirements?.isSetSupported?.('ExcelApi', version) === true;
}

/** Ascending rows as spans to read at once: gaps of up to 50 rows are read through, no span over 20,000 rows. */
export function fillSpans(rows: readonly number[]): [number, number][] {
  const spans: [number, number][] = [];
  for (const r of [...rows].sort((a, b) => a - b)) {
    const last = spans[spans.length - 1];
    if (last && r - last[1] <= 50 && r - last[0] < 20_000) last[1] = r;
    else spans.push([r, r]);
  }
  return spans;
}

/** Items in consecutive batches whose sizes add up to at most `limit` (an item bigger than it goes alone). */
function batches<T>(items: readonly T[], size: (item: T) => number, limit: number): T[][] {
  const out: T[][] = [];
  let current: T[] = [];
  let total = 0;
  for (const item of items) {
    const n = size(item);
    if (current.length > 0 && total + n > limit) {
      out.push(current);
      current = [];
      total = 0;
    }
    current.push(item);
    total += n;
  }
  if (current.length > 0) out.push(current);
  return out;
}

/**
 * A1 of the sheet of that name (undefined when there is none), to recognise the tool's own sheets
 * by their marker. One sync, asking A1 of what may be a null object; a host that refuses that gets
 * the two-step form (is there such a sheet, then its A1).
 */
async function firstCellOf(context: Excel.RequestContext, name: string): Promise<CellValue | undefined> {
  const sheets = context.workbook.worksheets;
  try {
    const existing = sheets.getItemOrNullObject(name);
    const a1 = existing.getRange('A1');
    a1.load('values');
    await context.sync();
    return existing.isNullObject ? undefined : ((a1.values[0]?.[0] as CellValue) ?? null);
  } catch (e) {
    const code = typeof e === 'object' && e !== null && 'code' in e ? (e as { code: unknown }).code : null;
    if (code === 'AccessDenied' || code === null) throw e;
    const existing = sheets.getItemOrNullObject(name);
    existing.load('name');
    await context.sync();
    if (existing.isNullObject) return undefined;
    const a1 = existing.getRange('A1');
    a1.load('values');
    await context.sync();
    return (a1.values[0]?.[0] as CellValue) ?? null;
  }
}

/** The WorkbookPort over Office.js: the Excel task pane's and ribbon commands' adapter. */
export class ExcelWorkbookPort implements WorkbookPort {
  /** `responseBudget`: bytes one read response may carry when a big workbook is read in blocks. */
  constructor(private readonly options: { responseBudget?: number } = {}) {}

  /** Sheets the last read found protected. */
  private protectedSheets = new Set<string>();
  /** Each sheet's used range as the last read found it: its last row and column. */
  private extents = new Map<string, { bottom: number; right: number }>();

  async readWorkbook(): Promise<WorkbookSnapshot> {
    const book = await Excel.run((context) => readExcelWorkbook(context, this.options.responseBudget));
    this.protectedSheets = new Set(book.sheets.filter((s) => s.protected).map((s) => s.name));
    this.extents = new Map(book.sheets.map(({ name, grid: g }) => [name, { bottom: g.top + g.values.length - 1, right: g.left + Math.max(0, widestRow(g.values)) - 1 }]));
    return book;
  }

  /**
   * The merge's two syncs (see writeExcelCellValues): a protected sheet, or a target that has
   * become a formula, is refused after the first, before anything is written.
   */
  async setCellValues(sheet: string, edits: readonly CellEdit[]): Promise<{ cells: number }> {
    const usedBottom = this.extents.get(sheet)?.bottom;
    await Excel.run((context) => writeExcelCellValues(context, sheet, edits, { functions: supports('1.2'), ...(usedBottom !== undefined ? { usedBottom } : {}) }));
    return { cells: edits.length };
  }

  /**
   * New rows in two syncs (see writeExcelInsertRows): a protected sheet is refused after the first,
   * before anything is inserted; Excel moves what refers to the rows it moves.
   */
  async insertRows(sheet: string, insertions: readonly RowInsertion[]): Promise<{ rows: number }> {
    const usedBottom = this.extents.get(sheet)?.bottom;
    await Excel.run((context) => writeExcelInsertRows(context, sheet, insertions, { functions: supports('1.2'), ...(usedBottom !== undefined ? { usedBottom } : {}) }));
    // The rows below have moved: the next write sizes its reads from a new read.
    this.extents.delete(sheet);
    return { rows: insertions.reduce((n, b) => n + b.rows.length, 0) };
  }

  /** The sheet's formula cells, in one sync after a read: its used range's formulas beside its values (a constant's formula is its value). */
  async formulaCells(sheetName: string): Promise<ReadonlySet<string>> {
    return Excel.run(async (context) => {
      const sheet = context.workbook.worksheets.getItem(sheetName);
      // Without a read to size it, one sync to learn the used range first.
      let extent = this.extents.get(sheetName);
      if (!extent) {
        const used = sheet.getUsedRange(true);
        used.load('rowIndex,columnIndex,rowCount,columnCount');
        await context.sync();
        extent = { bottom: used.rowIndex + used.rowCount, right: used.columnIndex + used.columnCount };
      }
      const { bottom: rows, right: cols } = extent;
      const out = new Set<string>();
      if (rows <= 0 || cols <= 0) return out;
      // About 96 bytes a cell (a value and a formula): one sync for any usual sheet, a huge one in row blocks under Excel on the web's 5 MB responses.
      const perSync = Math.max(1, Math.floor(3_000_000 / 96 / cols));
      for (let at = 0; at < rows; at += perSync) {
        const range = sheet.getRangeByIndexes(at, 0, Math.min(perSync, rows - at), cols);
        range.load('formulas,values');
        await context.sync();
        range.formulas.forEach((row, r) =>
          row.forEach((f, c) => {
            if (holdsFormula(f, range.values[r]?.[c])) out.add(cellAddress(at + r + 1, c + 1));
          }),
        );
      }
      return out;
    });
  }

  async applyEditPlan(plan: EditPlan): Promise<ApplyReport> {
    // Excel applies a batch up to the action that fails: refuse a protected sheet before queueing anything.
    const refusal = protectedRefusal(plan, (name) => this.protectedSheets.has(name));
    if (refusal) throw new WriteRefused(refusal);
    const syncs = await Excel.run((context) => writeExcelEditPlan(context, plan, { rangeAreas: supports('1.9') }));
    return { colouredCells: plan.fills.reduce((n, g) => n + g.cells, 0), summarySheet: plan.summary?.name ?? null, roundTrips: syncs };
  }

  async writeHiddenSheet(name: string, rows: CellValue[][]): Promise<void> {
    await Excel.run(async (context) => {
      const sheets = context.workbook.worksheets;
      const a1 = await firstCellOf(context, name);
      const refusal = hiddenSheetRefusal(name, a1, rows);
      if (refusal) throw new WriteRefused(refusal);
      const sheet = a1 === undefined ? sheets.add(name) : sheets.getItem(name);
      if (a1 !== undefined) sheet.getRange().clear('All');
      const width = Math.max(widestRow(rows), 1);
      const range = sheet.getRangeByIndexes(0, 0, rows.length, width);
      // Text format first, so a value such as "=x" typed into settings stays text.
      range.numberFormat = rows.map((r) => Array.from({ length: width }, (_, i) => (typeof r[i] === 'number' ? 'General' : '@')));
      range.values = rows.map((r) => Array.from({ length: width }, (_, i) => r[i] ?? '')) as (string | number | boolean)[][];
      sheet.visibility = Excel.SheetVisibility.hidden;
      await context.sync();
    });
  }

  /**
   * The fills of empty status cells, asked for only when a plan has some (see readRun): one sync.
   * getCellProperties over the rows' span reads a column at once (ExcelApi 1.9); older Excel loads
   * each cell's fill. Spans are cut so no response nears Excel on the web's 5 MB.
   */
  async readFills(sheetName: string, column: number, rows: readonly number[]): Promise<(string | null)[]> {
    return Excel.run(async (context) => {
      const sheet = context.workbook.worksheets.getItem(sheetName);
      const col = column - 1;
      const byRow = new Map<number, string | null>();
      // One sync for a plan of any usual size; a huge one is read in batches, each response well under 5 MB.
      const perSync = 50_000;
      if (supports('1.9')) {
        for (const batch of batches(fillSpans(rows), ([top, bottom]) => bottom - top + 1, perSync)) {
          const reads = batch.map(([top, bottom]) => ({ top, props: sheet.getRangeByIndexes(top - 1, col, bottom - top + 1, 1).getCellProperties({ format: { fill: { color: true } } }) }));
          await context.sync();
          for (const { top, props } of reads) props.value.forEach((row, i) => byRow.set(top + i, row[0]?.format?.fill?.color ?? null));
        }
      } else {
        // Each cell's own load costs a few hundred request bytes: smaller batches.
        for (const batch of batches(rows, () => 1, perSync / 10)) {
          const cells = batch.map((r) => {
            const fill = sheet.getRangeByIndexes(r - 1, col, 1, 1).format.fill;
            fill.load('color');
            return { r, fill };
          });
          await context.sync();
          for (const { r, fill } of cells) byRow.set(r, fill.color);
        }
      }
      return rows.map((r) => fillColour(byRow.get(r)));
    });
  }

  async selectCell(sheetName: string, cell: string): Promise<void> {
    await Excel.run(async (context) => {
      const sheet = context.workbook.worksheets.getItem(sheetName);
      sheet.activate();
      sheet.getRange(cell).select();
      await context.sync();
    });
  }
}
