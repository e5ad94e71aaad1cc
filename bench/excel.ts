/**
 * Excel adapter over Microsoft's real Excel client and the fake host: syncs, largest request and
 * response, for check + apply (colours and summary) at 1,000 / 10,000 / 100,000 actions.
 */
import { dayFromIso } from '../shared/dates/day';
import { planEdits, prepareRun } from '../shared/run/prepare-run';
import { ExcelWorkbookPort } from '../src/excel/excel-port';
import { FakeExcelHost, FakeWorkbook } from '../test-hosts/excel/fake-excel-host';
import { loadExcelClient, useGlobals } from '../test-hosts/excel/load-excel-client';
import { generatePlan } from '../tests/fixtures/generate-plan';
import { printTable } from './table';

export interface ExcelRow {
  actions: number;
  readSyncs: number;
  writeSyncs: number;
  largestRequestBytes: number;
  largestResponseBytes: number;
  ms: number;
}

export async function runExcelBench(): Promise<ExcelRow[]> {
  const asOf = dayFromIso('2018-09-30') ?? 0;
  const client = loadExcelClient();
  const restore = useGlobals(client);
  const rows: ExcelRow[] = [];
  try {
    for (const actions of [1_000, 10_000, 100_000]) {
      const grid = generatePlan(actions);
      const book = new FakeWorkbook([grid.sheet]);
      const width = Math.max(...grid.values.map((r) => r.length));
      book.setValues(grid.sheet, 'A1', grid.values.map((r) => Array.from({ length: width }, (_, i) => r[i] ?? '')));
      book.setNumberFormats(grid.sheet, 'D1', grid.values.map(() => ['dd/mm/yyyy']));
      const transport = client.install(new FakeExcelHost(book));
      const t0 = performance.now();
      const port = new ExcelWorkbookPort();
      const run = prepareRun(await port.readWorkbook(), { asOf, today: asOf });
      if (!run.ok) throw new Error(run.message);
      const readSyncs = transport.syncs();
      await port.applyEditPlan(planEdits(run, { colours: true, summary: true }));
      const ms = performance.now() - t0;
      const answered = transport.requests.filter((r) => !r.error);
      rows.push({
        actions,
        readSyncs,
        writeSyncs: transport.syncs() - readSyncs,
        largestRequestBytes: transport.largestRequestBytes(),
        largestResponseBytes: Math.max(...answered.map((r) => r.responseBytes)),
        ms,
      });
    }
  } finally {
    restore();
    client.close();
  }
  printTable(
    'Excel adapter (real Excel client, fake host): check + apply colours and summary',
    ['actions', 'read syncs', 'write syncs', 'largest request', 'largest response', 'ms'],
    rows.map((r) => [r.actions, r.readSyncs, r.writeSyncs, `${(r.largestRequestBytes / 1024).toFixed(0)} KB`, `${(r.largestResponseBytes / 1024).toFixed(0)} KB`, r.ms]),
  );
  console.log('Targets: 1 read and at most 2 write syncs up to 10,000 actions; every request under 4 MB (Excel on the web refuses 5 MB).');
  return rows;
}
