import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dayFromIso } from '../../shared/dates/day';
import { cellAddress } from '../../shared/grid/a1';
import type { GridSnapshot } from '../../shared/grid/grid';
import { planEdits, prepareRun } from '../../shared/run/prepare-run';
import { readRun } from '../../shared/run/read-run';
import { defaultPalette } from '../../shared/rag/palette';
import { ExcelWorkbookPort } from '../../src/excel/excel-port';
import { chunkAddresses } from '../../src/excel/write-edit-plan';
import { PanelController } from '../../src/ui/panel-controller';
import { generatePlan } from '../fixtures/generate-plan';
import { FakeExcelHost, FakeWorkbook } from '../../test-hosts/excel/fake-excel-host';
import { loadExcelClient, useGlobals, type ExcelClient, type Transport } from '../../test-hosts/excel/load-excel-client';

const asOf = dayFromIso('2018-09-30') ?? 0;
let client: ExcelClient;
beforeAll(() => {
  client = loadExcelClient();
});
afterAll(() => client.close());

function bookOf(grid: GridSnapshot): FakeWorkbook {
  const book = new FakeWorkbook([grid.sheet, 'Notes']);
  const width = Math.max(...grid.values.map((r) => r.length));
  book.setValues(grid.sheet, 'A1', grid.values.map((r) => Array.from({ length: width }, (_, i) => r[i] ?? '')));
  const dateCol = (grid.dates ?? []).findIndex((r) => r.some(Boolean));
  if (dateCol >= 0) book.setNumberFormats(grid.sheet, 'D1', grid.values.map(() => ['dd/mm/yyyy']));
  book.setValues('Notes', 'A1', [['Guidance for officers']]);
  return book;
}

async function checkAndApply(book: FakeWorkbook, supportedSets?: (name: string, version: string) => boolean) {
  const restore = useGlobals(client, supportedSets ? { supportedSets } : {});
  const host = new FakeExcelHost(book, supportedSets ? { supportedSets } : {});
  const transport: Transport = client.install(host);
  try {
    const port = new ExcelWorkbookPort();
    const snapshot = await port.readWorkbook();
    const readSyncs = transport.syncs();
    const run = prepareRun(snapshot, { asOf, today: asOf });
    if (!run.ok) throw new Error(run.message);
    transport.reset();
    const plan = planEdits(run, { colours: true, summary: true });
    const report = await port.applyEditPlan(plan);
    return { readSyncs, writeSyncs: transport.syncs(), largest: transport.largestRequestBytes(), report, plan, host, run };
  } finally {
    restore();
  }
}

describe('Excel adapter over the real client: round trips and request sizes', () => {
  it.each([10, 1_000, 10_000])('%i actions: one read sync, one write sync, every request under 4 MB', async (n) => {
    const r = await checkAndApply(bookOf(generatePlan(n)));
    expect(r.readSyncs).toBe(1);
    expect(r.writeSyncs).toBe(1);
    expect(r.report.roundTrips).toBe(1);
    expect(r.largest).toBeLessThan(4 * 1024 * 1024);
    expect(r.run.checked.summary.actions).toBe(n);
    expect(r.report.colouredCells).toBe(n);
    // Calculation is suspended for the write, and fills go through RangeAreas (ExcelApi 1.9).
    expect(r.host.stats.some((s) => s.calcSuspended)).toBe(true);
    expect(r.host.stats.some((s) => Object.keys(s.members).some((m) => m.includes('RangeAreas')))).toBe(true);
  });

  it('falls back to one range per run on Excel 2019 (no RangeAreas) and still writes in one sync', async () => {
    const below19 = (name: string, version: string) => name !== 'ExcelApi' || Number(version.split('.')[1]) <= 8;
    const book = bookOf(generatePlan(1_000));
    const r = await checkAndApply(book, below19);
    expect(r.writeSyncs).toBe(1);
    const members = r.host.stats.flatMap((s) => Object.keys(s.members));
    expect(members.some((m) => m.includes('RangeAreas'))).toBe(false);
    expect(members).toContain('SetProperty RangeFill.Color');
    const statusCol = r.run.checked.header.columns.status?.col ?? 0;
    const first = r.run.checked.assessments[0];
    const rag = first?.action.status?.rag;
    if (!first || !rag) throw new Error('no first action');
    expect(book.cellAt('Plan', cellAddress(first.action.row, statusCol)).fill).toBe(defaultPalette[rag].fill.toUpperCase());
  });

  it('reads a workbook too big for one response in row blocks, each response under the limit', async () => {
    const grid = generatePlan(2_000);
    const book = bookOf(grid);
    const restore = useGlobals(client);
    const limit = 150 * 1024;
    const transport = client.install(new FakeExcelHost(book, { maxResponseBytes: limit }));
    try {
      const snapshot = await new ExcelWorkbookPort({ responseBudget: 100 * 1024 }).readWorkbook();
      const plan = snapshot.sheets.find((s) => s.name === 'Plan');
      expect(plan?.grid.values.length).toBe(grid.values.length);
      expect(plan?.grid.values[500]).toEqual(grid.values[500]?.map((v) => v ?? null).concat(Array(8 - (grid.values[500]?.length ?? 0)).fill(null)));
      const run = prepareRun(snapshot, { asOf, today: asOf });
      expect(run.ok && run.checked.summary.actions).toBe(2_000);
      const answered = transport.requests.filter((r) => !r.error);
      expect(Math.max(...answered.map((r) => r.responseBytes))).toBeLessThanOrEqual(limit);
    } finally {
      restore();
    }
  });

  it('splits address lists so none passes 8,000 characters', () => {
    const ranges = Array.from({ length: 5_000 }, (_, i) => `H${i * 2 + 5}`);
    const chunks = chunkAddresses(ranges);
    expect(chunks.length).toBeGreaterThan(1);
    for (const c of chunks) expect(c.length).toBeLessThanOrEqual(8000);
    expect(chunks.join(',').split(',')).toEqual(ranges);
  });

  it('a protected plan sheet gives a plain message and nothing is written', async () => {
    const book = bookOf(generatePlan(50));
    book.protect('Plan');
    const before = JSON.stringify(book.snapshot());
    const restore = useGlobals(client);
    client.install(new FakeExcelHost(book));
    try {
      const controller = new PanelController(new ExcelWorkbookPort(), () => asOf);
      const out = await controller.apply('2018-09-30', { colours: true, summary: true });
      // Refused from what the read saw, before any write is queued (Excel would apply a batch up to the failing action).
      expect(out).toEqual({ ok: false, message: "Sheet 'Plan' is protected, so Plan Monitor could not change it. Nothing was changed. Ask its owner to remove the protection, then try again." });
      expect(JSON.stringify(book.snapshot())).toBe(before);
    } finally {
      restore();
    }
  });
});

describe('Excel adapter: hidden rows and colour-only statuses', () => {
  const below19 = (name: string, version: string) => name !== 'ExcelApi' || Number(version.split('.')[1]) <= 8;

  async function read(book: FakeWorkbook, supportedSets?: (name: string, version: string) => boolean) {
    const restore = useGlobals(client, supportedSets ? { supportedSets } : {});
    const transport = client.install(new FakeExcelHost(book, supportedSets ? { supportedSets } : {}));
    try {
      const { run } = await readRun(new ExcelWorkbookPort(), { asOf, today: asOf });
      if (!run.ok) throw new Error(run.message);
      return { run, syncs: transport.syncs(), grid: run.workbook.sheets.find((s) => s.name === 'Plan')?.grid };
    } finally {
      restore();
    }
  }

  it('lists hidden rows from the visible cells in the one read sync', async () => {
    const book = bookOf(generatePlan(1_000));
    book.setRowsHidden('Plan', '10:12');
    book.setRowsHidden('Plan', '500:500');
    const r = await read(book);
    expect(r.syncs).toBe(1);
    expect(r.grid?.hiddenRows).toEqual([10, 11, 12, 500]);
    expect(r.run.checked.plan.actions.filter((a) => a.hidden).map((a) => a.row)).toEqual([10, 11, 12, 500].filter((row) => r.run.checked.plan.actions.some((a) => a.row === row)));
    expect(r.run.notes[0]).toMatch(/^\d actions are in hidden or filtered-out rows of 'Plan' \(rows 10–12 and 500\): they were still checked and counted\.$/);
  });

  it('on Excel before ExcelApi 1.9 says some rows are hidden, without naming them', async () => {
    const book = bookOf(generatePlan(100));
    book.setRowsHidden('Plan', '20:20');
    const r = await read(book, below19);
    expect(r.syncs).toBe(1);
    expect(r.grid?.hiddenRows).toBeUndefined();
    expect(r.grid?.hiddenRowsUnknown).toBe('some-hidden');
    expect(r.run.notes).toContain("Some rows of 'Plan' are hidden or filtered out. Every row was checked and counted, hidden or not (this version of Excel does not tell add-ins which rows are hidden).");
  });

  it('with no empty status cell, reads in one sync and asks for no fills', async () => {
    const r = await read(bookOf(generatePlan(1_000)));
    expect(r.syncs).toBe(1);
    expect(r.grid?.fills).toBeUndefined();
  });

  it.each([
    ['ExcelApi 1.9 (a column at once)', undefined],
    ['Excel 2019 (cell by cell)', below19],
  ] as const)('with empty status cells, reads their fills in one more sync: %s', async (_name, sets) => {
    const grid = generatePlan(1_000);
    const book = bookOf(grid);
    const statusCol = grid.values.find((row) => row.includes('Status'))?.indexOf('Status') ?? -1;
    const col = cellAddress(1, statusCol + 1).replace(/\d+$/, '');
    // Action rows are the ones with a ref such as "2.4".
    const actionRows = grid.values.flatMap((row, i) => (/^\d+\.\d+$/.test(String(row[0])) ? [i + 1] : []));
    const rowOf = (i: number) => actionRows[i] ?? 0;
    const [red, green, none, amber] = [rowOf(0), rowOf(1), rowOf(2), rowOf(900)];
    for (const row of [red, green, none, amber]) book.setValues('Plan', `${col}${row}`, [['']]);
    book.setFill('Plan', `${col}${red}`, '#FF0000');
    book.setFill('Plan', `${col}${green}`, '#92D050');
    book.setFill('Plan', `${col}${amber}`, '#FFC000');
    const r = await read(book, sets);
    expect(r.syncs).toBe(2);
    const byRule = (rule: string) => r.run.checked.findings.filter((f) => f.rule === rule).map((f) => f.cell);
    expect(byRule('status-from-fill')).toEqual([`${col}${red}`, `${col}${green}`, `${col}${amber}`]);
    expect(byRule('missing-status')).toEqual([`${col}${none}`]);
    const statusOf = (row: number) => r.run.checked.plan.actions.find((a) => a.row === row)?.status?.label;
    expect([red, green, none, amber].map(statusOf)).toEqual(['Major slippage', 'On track', undefined, 'Some slippage']);
  });
});

describe('Excel adapter: the native chart', () => {
  it('draws one stacked bar chart of status by theme, in the same write sync, and replaces it on the next build', async () => {
    const book = bookOf(generatePlan(100));
    const first = await checkAndApply(book);
    expect(first.writeSyncs).toBe(1);
    await checkAndApply(book);
    const charts = book.chartsOf('Plan Summary');
    expect(charts).toHaveLength(1);
    const chart = charts[0];
    expect(chart?.chartType).toBe('BarStacked');
    expect(chart?.title.text).toBe('Actions by theme and status');
    expect(chart?.seriesBy).toBe('Columns');
    expect(chart?.series.map((s) => [s.name, s.fill])).toEqual([
      ['Completed', defaultPalette.blue.fill],
      ['On track', defaultPalette.green.fill],
      ['Some slippage', defaultPalette.amber.fill],
      ['Major slippage', defaultPalette.red.fill],
      ['Not started', defaultPalette.grey.fill],
    ]);
  });
});

describe('a host strict about null objects', () => {
  it('refuses the one-sync read; the plain documented read gives the same workbook in three more syncs', async () => {
    const read = async (strictNullObjects: boolean) => {
      const book = bookOf(generatePlan(50));
      book.addSheet('Empty');
      book.setRowsHidden('Plan', '5:6');
      const restore = useGlobals(client);
      const transport = client.install(new FakeExcelHost(book, { strictNullObjects }));
      try {
        const snapshot = await new ExcelWorkbookPort().readWorkbook();
        return { snapshot, syncs: transport.syncs() };
      } finally {
        restore();
      }
    };
    const kind = await read(false);
    const strict = await read(true);
    expect(kind.syncs).toBe(1);
    expect(strict.syncs).toBe(4);
    expect(strict.snapshot).toEqual(kind.snapshot);
    expect(kind.snapshot.sheets.map((s) => s.name)).toEqual(['Plan', 'Notes', 'Empty']);
    expect(kind.snapshot.sheets[0]?.grid.hiddenRows).toEqual([5, 6]);
  });
});
