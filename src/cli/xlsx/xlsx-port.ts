import type ExcelJS from 'exceljs';
import type { EditPlan } from '../../../shared/edit-plan/edit-plan';
import type { CellValue } from '../../../shared/grid/grid';
import { hiddenSheetRefusal, protectedRefusal, type ApplyReport, type SheetVisibility, type WorkbookPort, type WorkbookSnapshot } from '../../../shared/workbook/workbook';
import { gridFromWorksheet } from './read-workbook';
import { writeEditPlan } from './write-plan';

const visibility: Record<string, SheetVisibility> = { visible: 'visible', hidden: 'hidden', veryHidden: 'veryHidden' };

/** The WorkbookPort over an ExcelJS workbook in memory: the CLI's adapter. Saving is the caller's. */
export class XlsxWorkbookPort implements WorkbookPort {
  constructor(readonly workbook: ExcelJS.Workbook) {}

  async readWorkbook(): Promise<WorkbookSnapshot> {
    const sheets = this.workbook.worksheets.map((ws) => ({ name: ws.name, visibility: visibility[ws.state] ?? 'visible', grid: gridFromWorksheet(ws) }));
    const active = this.workbook.views?.[0]?.activeTab;
    const activeSheet = active !== undefined ? this.workbook.worksheets[active]?.name : undefined;
    return activeSheet !== undefined ? { sheets, activeSheet } : { sheets };
  }

  async applyEditPlan(plan: EditPlan): Promise<ApplyReport> {
    // A file has no one to stop the write, so respect the sheet protection Excel would: refuse before writing anything.
    const refusal = protectedRefusal(plan, (name) => (this.workbook.getWorksheet(name) as { sheetProtection?: { sheet?: boolean } | null } | undefined)?.sheetProtection?.sheet === true);
    if (refusal) throw new Error(refusal);
    writeEditPlan(this.workbook, plan);
    return { colouredCells: plan.fills.reduce((n, g) => n + g.cells, 0), summarySheet: plan.summary?.name ?? null, roundTrips: 0 };
  }

  async writeHiddenSheet(name: string, rows: CellValue[][]): Promise<void> {
    const old = this.workbook.getWorksheet(name);
    const refusal = hiddenSheetRefusal(name, old ? (old.getCell(1, 1).value as CellValue) : undefined, rows);
    if (refusal) throw new Error(refusal);
    if (old) this.workbook.removeWorksheet(old.id);
    const ws = this.workbook.addWorksheet(name, { state: 'hidden' });
    rows.forEach((r, i) =>
      r.forEach((v, j) => {
        if (v === null) return;
        const cell = ws.getCell(i + 1, j + 1);
        if (typeof v === 'string') cell.numFmt = '@';
        cell.value = v;
      }),
    );
    ws.getColumn(1).width = 28;
    ws.getColumn(2).width = 60;
  }

  async selectCell(): Promise<void> {
    // A file has no cursor to move.
  }
}
