/**
 * What merging costs each live host, counted with the fakes: Office.js syncs (Microsoft's client,
 * the fake host) and Apps Script service calls (the fake SpreadsheetApp), for 10 and 200 cells.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { fixedClock } from '../../shared/app/clock';
import { mergeReplyFiles } from '../../shared/app/use-cases';
import { dayFromIso, dayFromSerial, isoFromDay } from '../../shared/dates/day';
import type { CellEdit } from '../../shared/merge/cell-edits';
import { ExcelWorkbookPort } from '../../src/excel/excel-port';
import { SheetsAdapter, SheetsWorkbookPort } from '../../src/sheets/sheets-port';
import { FakeExcelHost } from '../../test-hosts/excel/fake-excel-host';
import { excelClientForSuite, fakeBook } from '../excel/excel-fixture';
import { generatePlan } from '../fixtures/generate-plan';
import { fakeSpreadsheet } from '../sheets/sheets-fixture';
import { sampleReply, sampleSetup, type SetupCell, type SheetSetup } from './adapter-contract';

const asOf = dayFromIso('2018-09-30') ?? 0;
const clock = fixedClock(asOf, '2018-10-05T10:00:00');

/** A generated plan of 600 actions as a sheet to set up (dates as date cells). */
function bigPlan(): SheetSetup[] {
  const g = generatePlan(600);
  return [{ name: g.sheet, rows: g.values.map((r, i) => r.map((v, c): SetupCell => (g.dates?.[i]?.[c] && typeof v === 'number' ? { date: isoFromDay(dayFromSerial(v) ?? 0) } : v))) }];
}

/** Action rows of the generated plan (Ref in A, Revised date in E, Status in F, Commentary in G). */
const actionRows = (sheets: SheetSetup[]) =>
  (sheets[0]?.rows ?? []).flatMap((r, i) => (typeof r[0] === 'string' && /^\d+\.\d+$/.test(r[0]) ? [i + 1] : []));

/** `n` edits over every other action row: statuses from three words, a distinct commentary, some dates. */
function scatteredEdits(rows: number[], n: number): CellEdit[] {
  const words = ['Completed', 'On track', 'Some slippage'];
  const out: CellEdit[] = [];
  for (let i = 0; out.length < n; i++) {
    const row = rows[i * 2] as number;
    out.push({ row, col: 6, value: { kind: 'text', text: words[i % 3] as string } });
    if (out.length < n) out.push({ row, col: 7, value: { kind: 'text', text: `=Update ${i}: ${'x'.repeat(i % 7)}` } });
    if (out.length < n && i % 4 === 0) out.push({ row, col: 5, value: { kind: 'date', serial: 43496 + (i % 5) } });
  }
  return out;
}

describe('merge round trips: Office.js (real client, fake host)', () => {
  const client = excelClientForSuite();

  it('writes 10 cells or 200 in the same two syncs (one to look, one to write)', async () => {
    const setup = bigPlan();
    const syncs: number[] = [];
    for (const n of [10, 200]) {
      const book = fakeBook(setup);
      const transport = client().install(new FakeExcelHost(book));
      const port = new ExcelWorkbookPort();
      await port.readWorkbook();
      expect(transport.syncs()).toBe(1);
      transport.reset();
      const edits = scatteredEdits(actionRows(setup), n);
      expect(edits).toHaveLength(n);
      await port.setCellValues('Plan', edits);
      syncs.push(transport.syncs());
      // Text that looks like a formula ("=Update 1: x") went into Text cells: none became one.
      for (const e of edits) if (e.value.kind === 'text') expect(book.cellAt('Plan', `${'ABCDEFG'[e.col - 1]}${e.row}`).formula).toBeNull();
    }
    expect(syncs).toEqual([2, 2]);
  });

  it('merges the sample’s reply in 6 syncs: the read, the formula cells, 2 for the cells, 2 for the audit sheet', async () => {
    const book = fakeBook(sampleSetup());
    const transport = client().install(new FakeExcelHost(book));
    const port = new ExcelWorkbookPort();
    const reply = await sampleReply(port);
    transport.reset();
    const out = await mergeReplyFiles(port, clock, [reply], { asOf });
    expect(out.ok && out.value.result.edits.length).toBe(4);
    expect(transport.syncs()).toBe(6);
  });
});

describe('merge round trips: Apps Script (fake SpreadsheetApp)', () => {
  const g = globalThis as Record<string, unknown>;
  const installed: string[] = [];
  afterEach(() => {
    for (const k of installed.splice(0)) delete g[k];
  });

  /** Service calls of one setCellValues on a fresh copy of the plan. */
  function callsFor(setup: SheetSetup[], edits: CellEdit[]): number {
    const fake = fakeSpreadsheet(setup);
    fake.installInto(g);
    installed.push(...Object.keys(fake.globals));
    fake.resetCalls();
    new SheetsAdapter().setCellValues('Plan', edits);
    return fake.totalCalls();
  }

  const setup = bigPlan();
  const rows = actionRows(setup);
  const apart = (n: number) => rows.filter((_, i) => i % 2 === 0).slice(0, n);

  it('writes 10 statuses or 200, in rows apart, in the same number of calls (one RangeList a status)', () => {
    const statuses = (n: number): CellEdit[] => apart(n).map((row, i) => ({ row, col: 6, value: { kind: 'text', text: ['Completed', 'On track', 'Some slippage'][i % 3] as string } }));
    expect(callsFor(setup, statuses(10))).toBe(callsFor(setup, statuses(200)));
  });

  it('writes 10 commentaries or 200 on rows side by side, or 10 dates or 200 of a few days, in the same number of calls', () => {
    const run = rows.slice(0, 200);
    const side = (n: number): CellEdit[] => run.slice(0, n).flatMap((row, i) => [{ row, col: 7, value: { kind: 'text', text: `Update ${i}` } }]);
    // The generated plan's rows of one theme are side by side; its heading rows break them into blocks of 20.
    const contiguous = rows.slice(0, 20);
    const block = (n: number): CellEdit[] => contiguous.slice(0, n).map((row, i) => ({ row, col: 7, value: { kind: 'text', text: `Update ${i}` } }));
    expect(callsFor(setup, block(10))).toBe(callsFor(setup, block(20)));
    expect(callsFor(setup, side(200)) - callsFor(setup, side(20))).toBe(2 * 9);
    const dates = (n: number): CellEdit[] => apart(n).map((row, i) => ({ row, col: 5, value: { kind: 'date', serial: 43496 + (i % 4) } }));
    expect(callsFor(setup, dates(10))).toBe(callsFor(setup, dates(200)));
  });

  it('takes two calls for each cell of a distinct value apart from the others: exact writes, never a rewrite of cells between', () => {
    const distinct = (n: number): CellEdit[] => apart(n).map((row, i) => ({ row, col: 7, value: { kind: 'text', text: `Update ${i}` } }));
    expect(callsFor(setup, distinct(200)) - callsFor(setup, distinct(10))).toBe(2 * 190);
  });

  it('writes under the document lock, every read before the first write', () => {
    const fake = fakeSpreadsheet(setup);
    fake.installInto(g);
    installed.push(...Object.keys(fake.globals));
    fake.resetCalls();
    new SheetsAdapter().setCellValues('Plan', scatteredEdits(rows, 30));
    const log = fake.callLog;
    const firstWrite = log.findIndex((n) => /\.(setValues?|setNumberFormat|clearContent)$/.test(n));
    expect(log.indexOf('Lock.tryLock')).toBeLessThan(log.findIndex((n) => n === 'Range.getFormulas'));
    expect(log.slice(firstWrite).filter((n) => /\.(get\w+s|getLastRow)$/.test(n) && n !== 'RangeList.getRanges')).toEqual([]);
    expect(log.at(-1)).toBe('Lock.releaseLock');
  });

  it('merges the sample’s reply through the port as the sidebar’s server does', async () => {
    const fake = fakeSpreadsheet(sampleSetup());
    fake.installInto(g);
    installed.push(...Object.keys(fake.globals));
    const port = new SheetsWorkbookPort();
    const out = await mergeReplyFiles(port, clock, [await sampleReply(port)], { asOf });
    expect(out.ok && out.value.result.edits.length).toBe(4);
    expect(fake.book.sheet('CIP Monitoring').cell('I24')?.value).toBe('=cmd|calc');
    expect(fake.book.sheet('CIP Monitoring').cell('I24')?.formula).toBeNull();
  });
});
