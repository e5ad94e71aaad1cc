/**
 * The naive add-ins our adapters are measured against: one status cell at a time, as a first attempt
 * usually is. Excel: a sync per cell through Microsoft's real client and the fake host. Apps Script:
 * a getRange and setBackground per cell against the fake SpreadsheetApp.
 */
import { dayFromIso } from '../shared/dates/day';
import { prepareRun } from '../shared/run/prepare-run';
import { MemoryWorkbook, MemoryWorkbookPort } from '../src/memory/memory-workbook';
import { FakeExcelHost, FakeWorkbook } from '../test-hosts/excel/fake-excel-host';
import { loadExcelClient, useGlobals } from '../test-hosts/excel/load-excel-client';
import { generatePlan } from '../tests/fixtures/generate-plan';
import { createFakeAppsScript } from '../test-hosts/apps-script/fake-apps-script';
import { SheetsAdapter } from '../src/sheets/sheets-port';
import { planEdits } from '../shared/run/prepare-run';
import { printTable } from './table';

export interface NaiveRow {
  host: string;
  actions: number;
  ours: number;
  naive: number;
  unit: string;
}

async function statusCells(actions: number) {
  const grid = generatePlan(actions);
  const book = new MemoryWorkbook();
  book.addSheet(grid.sheet, grid.values);
  const run = prepareRun(await new MemoryWorkbookPort(book).readWorkbook(), { today: dayFromIso('2018-09-30') ?? 0 });
  if (!run.ok) throw new Error(run.message);
  const col = run.checked.header.columns.status?.col ?? 6;
  return { grid, run, cells: run.checked.assessments.flatMap((a) => (a.action.status ? [{ row: a.action.row, col, fill: '#C4E5CD' }] : [])) };
}

export async function runNaiveBench(): Promise<NaiveRow[]> {
  const rows: NaiveRow[] = [];
  const client = loadExcelClient();
  const restore = useGlobals(client);
  try {
    for (const actions of [1_000, 10_000]) {
      const { grid, cells } = await statusCells(actions);
      const book = new FakeWorkbook([grid.sheet]);
      const width = Math.max(...grid.values.map((r) => r.length));
      book.setValues(grid.sheet, 'A1', grid.values.map((r) => Array.from({ length: width }, (_, i) => r[i] ?? '')));
      const transport = client.install(new FakeExcelHost(book));
      await Excel.run(async (context) => {
        const sheet = context.workbook.worksheets.getItem(grid.sheet);
        for (const c of cells) {
          sheet.getCell(c.row - 1, c.col - 1).format.fill.color = c.fill;
          await context.sync();
        }
      });
      rows.push({ host: 'Excel (syncs to colour)', actions, ours: 1, naive: transport.syncs(), unit: 'syncs' });
    }
  } finally {
    restore();
    client.close();
  }
  const g = globalThis as Record<string, unknown>;
  for (const actions of [1_000, 10_000, 100_000]) {
    const { grid, cells, run } = await statusCells(actions);
    const setup = { timeZone: 'Europe/London', sheets: [{ name: grid.sheet, rows: grid.values.map((r) => r.map((v) => v)) }] };
    const naive = createFakeAppsScript(setup);
    naive.installInto(g);
    const sheet = SpreadsheetApp.getActiveSpreadsheet().getSheetByName(grid.sheet);
    naive.resetCalls();
    for (const c of cells) sheet?.getRange(c.row, c.col).setBackground(c.fill);
    const naiveCalls = naive.totalCalls();
    const ours = createFakeAppsScript(setup);
    ours.installInto(g);
    ours.resetCalls();
    new SheetsAdapter().applyEditPlan(planEdits(run, { colours: true, summary: false }));
    rows.push({ host: 'Apps Script (calls to colour)', actions, ours: ours.totalCalls(), naive: naiveCalls, unit: 'calls' });
  }
  printTable('Colouring the status cells: ours beside a naive one-cell-at-a-time add-in', ['host', 'actions', 'ours', 'naive', 'naive / ours'], rows.map((r) => [r.host, r.actions, r.ours, r.naive, `${(r.naive / r.ours).toFixed(0)}×`]));
  return rows;
}
