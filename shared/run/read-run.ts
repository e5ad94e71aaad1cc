import { isBlank, valueAt, type GridSnapshot } from '../grid/grid';
import type { WorkbookPort, WorkbookSnapshot } from '../workbook/workbook';
import { prepareRun, type PreparedRun, type RunFailure, type RunRequest } from './prepare-run';

/** Status cells the engine would read a colour from: actions whose status cell is empty and holds no error. */
export function fillsWanted(run: PreparedRun): { sheet: string; column: number; rows: number[] } | null {
  const c = run.checked;
  const status = c.header.columns.status;
  if (!status) return null;
  const grid = run.workbook.sheets.find((s) => s.name === c.sheet)?.grid;
  if (!grid || grid.fills !== undefined) return null;
  const rows = c.plan.actions.filter((a) => a.statusText === '' && !a.errors.status).map((a) => a.row);
  return rows.length > 0 ? { sheet: c.sheet, column: status.col, rows } : null;
}

/** The workbook with these status-cell colours added to the plan's grid (blank cells only, as every host gives them). */
export function withFills(workbook: WorkbookSnapshot, want: { sheet: string; column: number; rows: readonly number[] }, colours: readonly (string | null)[]): WorkbookSnapshot {
  return {
    ...workbook,
    sheets: workbook.sheets.map((s) => {
      if (s.name !== want.sheet) return s;
      const g: GridSnapshot = s.grid;
      const fills: (string | null)[][] = [];
      const c = want.column - g.left;
      want.rows.forEach((row, i) => {
        const r = row - g.top;
        const colour = colours[i] ?? null;
        if (colour === null || !isBlank(valueAt(g, r, c))) return;
        (fills[r] ??= [])[c] = colour;
      });
      return { ...s, grid: { ...g, fills } };
    }),
  };
}

/**
 * Reads the workbook and prepares the run. Hosts that cannot give fills in the first read (Excel:
 * they would double its one response) are asked once more, for the empty status cells only, and
 * only when there are some: a status given only as a colour is then counted by its colour.
 */
export async function readRun(port: WorkbookPort, request: RunRequest): Promise<{ workbook: WorkbookSnapshot; run: PreparedRun | RunFailure }> {
  const workbook = await port.readWorkbook();
  const run = prepareRun(workbook, request);
  const want = run.ok && port.readFills ? fillsWanted(run) : null;
  if (!want || !port.readFills) return { workbook, run };
  const colours = await port.readFills(want.sheet, want.column, want.rows);
  const coloured = withFills(workbook, want, colours);
  return { workbook: coloured, run: prepareRun(coloured, request) };
}
