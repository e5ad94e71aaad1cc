import type { EditPlan } from '../../shared/edit-plan/edit-plan';
import type { CellValue } from '../../shared/grid/grid';
import type { CellEdit } from '../../shared/merge/cell-edits';
import type { RowInsertion } from '../../shared/add/row-insertion';
import type { ApplyReport, WorkbookPort, WorkbookSnapshot } from '../../shared/workbook/workbook';

/** The slice of google.script.run the sidebar uses (typed here: the sidebar has no Apps Script types). */
export interface ScriptRun {
  withSuccessHandler(fn: (value: unknown) => void): ScriptRun;
  withFailureHandler(fn: (error: Error) => void): ScriptRun;
  [serverFunction: string]: unknown;
}

/** One google.script.run round trip to a server function of server.ts, as a promise. */
export function callServer<T>(run: () => ScriptRun, name: string, ...args: unknown[]): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const runner = run()
      .withSuccessHandler((v) => resolve(v as T))
      .withFailureHandler((e) => reject(e instanceof Error ? e : new Error(String((e as { message?: unknown })?.message ?? e))));
    const fn = runner[name];
    if (typeof fn !== 'function') {
      reject(new Error(`The add-on has no server function ${name}: push the latest Code.js.`));
      return;
    }
    (fn as (...a: unknown[]) => void).apply(runner, args);
  });
}

/**
 * The sidebar's WorkbookPort: each call is one google.script.run round trip to the server functions
 * in server.ts. Only plain data crosses (google.script.run rejects Date objects).
 */
export class ScriptRunPort implements WorkbookPort {
  constructor(private readonly run: () => ScriptRun) {}

  private call<T>(name: string, ...args: unknown[]): Promise<T> {
    return callServer<T>(this.run, name, ...args);
  }

  readWorkbook(): Promise<WorkbookSnapshot> {
    return this.call('pmReadWorkbook');
  }
  applyEditPlan(plan: EditPlan): Promise<ApplyReport> {
    return this.call('pmApplyEditPlan', plan);
  }
  writeHiddenSheet(name: string, rows: CellValue[][]): Promise<void> {
    return this.call('pmWriteHiddenSheet', name, rows);
  }
  selectCell(sheet: string, cell: string): Promise<void> {
    return this.call('pmSelectCell', sheet, cell);
  }
  setCellValues(sheet: string, edits: readonly CellEdit[]): Promise<{ cells: number }> {
    return this.call('pmSetCellValues', sheet, edits);
  }
  async formulaCells(sheet: string): Promise<ReadonlySet<string>> {
    return new Set(await this.call<string[]>('pmFormulaCells', sheet));
  }
  insertRows(sheet: string, insertions: readonly RowInsertion[]): Promise<{ rows: number }> {
    return this.call('pmInsertRows', sheet, insertions);
  }
}
