import type { EditPlan } from '../../shared/edit-plan/edit-plan';
import type { CellValue } from '../../shared/grid/grid';
import { hiddenSheetRefusal, type ApplyReport, type WorkbookPort, type WorkbookSnapshot } from '../../shared/workbook/workbook';
import { readExcelWorkbook } from './read-workbook';
import { writeExcelEditPlan } from './write-edit-plan';

function supports(version: string): boolean {
  return typeof Office !== 'undefined' && Office.context?.requirements?.isSetSupported?.('ExcelApi', version) === true;
}

/** The WorkbookPort over Office.js: the Excel task pane's and ribbon commands' adapter. */
export class ExcelWorkbookPort implements WorkbookPort {
  /** `responseBudget`: bytes one read response may carry when a big workbook is read in blocks. */
  constructor(private readonly options: { responseBudget?: number } = {}) {}

  async readWorkbook(): Promise<WorkbookSnapshot> {
    return Excel.run((context) => readExcelWorkbook(context, this.options.responseBudget));
  }

  async applyEditPlan(plan: EditPlan): Promise<ApplyReport> {
    const syncs = await Excel.run((context) => writeExcelEditPlan(context, plan, { rangeAreas: supports('1.9') }));
    return { colouredCells: plan.fills.reduce((n, g) => n + g.cells, 0), summarySheet: plan.summary?.name ?? null, roundTrips: syncs };
  }

  async writeHiddenSheet(name: string, rows: CellValue[][]): Promise<void> {
    await Excel.run(async (context) => {
      const sheets = context.workbook.worksheets;
      const existing = sheets.getItemOrNullObject(name);
      const a1 = existing.getRange('A1');
      a1.load('values');
      await context.sync();
      const refusal = hiddenSheetRefusal(name, existing.isNullObject ? undefined : ((a1.values[0]?.[0] as CellValue) ?? null), rows);
      if (refusal) throw new Error(refusal);
      const sheet = existing.isNullObject ? sheets.add(name) : existing;
      if (!existing.isNullObject) sheet.getRange().clear('All');
      const width = Math.max(...rows.map((r) => r.length), 1);
      const range = sheet.getRangeByIndexes(0, 0, rows.length, width);
      // Text format first, so a value such as "=x" typed into settings stays text.
      range.numberFormat = rows.map((r) => Array.from({ length: width }, (_, i) => (typeof r[i] === 'number' ? 'General' : '@')));
      range.values = rows.map((r) => Array.from({ length: width }, (_, i) => r[i] ?? '')) as (string | number | boolean)[][];
      sheet.visibility = Excel.SheetVisibility.hidden;
      await context.sync();
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
