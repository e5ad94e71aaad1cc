/**
 * What inserting new actions' rows costs each live host, counted with the fakes: Office.js syncs
 * (Microsoft's client, the fake host) and Apps Script service calls (the fake SpreadsheetApp), for
 * 3 rows or 300, in one block or several; and the whole add of the sample's list.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { csvList } from '../../shared/add/csv';
import type { NewCell, RowInsertion } from '../../shared/add/row-insertion';
import { fixedClock } from '../../shared/app/clock';
import { addActions } from '../../shared/app/use-cases';
import { dayFromIso } from '../../shared/dates/day';
import { ExcelWorkbookPort } from '../../src/excel/excel-port';
import { SheetsAdapter } from '../../src/sheets/sheets-port';
import { FakeExcelHost } from '../../test-hosts/excel/fake-excel-host';
import { excelClientForSuite, fakeBook } from '../excel/excel-fixture';
import { fakeSpreadsheet } from '../sheets/sheets-fixture';
import { sampleSetup } from './adapter-contract';

const asOf = dayFromIso('2018-09-30') ?? 0;
const clock = fixedClock(asOf, '2018-10-05T10:00:00');

/** `n` new rows split over `blocks` themes of the sample (after 3.6, 6.7 and 10.3): ref, action, a date, status. */
function newRows(n: number, blocks: number): RowInsertion[] {
  const places = [26, 52, 76].slice(0, blocks);
  return places.map((afterRow, b) => ({
    afterRow,
    rows: Array.from({ length: Math.floor(n / blocks) + (b < n % blocks ? 1 : 0) }, (_, i): NewCell[] => [
      { col: 1, value: { kind: 'text', text: `${b}.${i}` } },
      { col: 2, value: { kind: 'text', text: `=New action ${i}` } },
      { col: 6, value: { kind: 'date', serial: 43555 + i } },
      { col: 8, value: { kind: 'text', text: 'Not started' } },
    ]),
  }));
}

const list = () => {
  const read = csvList('peer-review.csv', 'Theme,Recommendation,Target date\n3,Review the senior leadership programme,31/03/2019\n10,Adopt a digital first strategy,30/06/2019\n');
  if (!read.ok) throw new Error(read.problem.code);
  return read.list;
};

describe('inserting rows: Office.js (real client, fake host)', () => {
  const client = excelClientForSuite();

  it('inserts 3 rows or 300, in one block or three, in the same two syncs (one to look, one to insert and write)', async () => {
    const syncs: number[] = [];
    for (const [n, blocks] of [
      [3, 1],
      [300, 1],
      [3, 3],
      [300, 3],
    ] as const) {
      const book = fakeBook(sampleSetup());
      const transport = client().install(new FakeExcelHost(book));
      const port = new ExcelWorkbookPort();
      await port.readWorkbook();
      transport.reset();
      await port.insertRows('CIP Monitoring', newRows(n, blocks));
      syncs.push(transport.syncs());
      // Text that looks like a formula went into Text cells: none became one.
      expect(book.cellAt('CIP Monitoring', 'B27').formula).toBeNull();
      expect(book.cellAt('CIP Monitoring', 'B27').value).toBe('=New action 0');
    }
    expect(syncs).toEqual([2, 2, 2, 2]);
  });

  it('adds the list in 6 syncs: the read, 2 to insert, 1 to colour the new statuses, 2 for the audit sheet', async () => {
    const book = fakeBook(sampleSetup());
    const transport = client().install(new FakeExcelHost(book));
    const port = new ExcelWorkbookPort();
    transport.reset();
    const out = await addActions(port, clock, list(), { asOf });
    expect(out.ok && out.value.result.added.map((a) => a.ref)).toEqual(['3.7', '10.4']);
    expect(transport.syncs()).toBe(6);
  });
});

describe('inserting rows: Apps Script (fake SpreadsheetApp)', () => {
  const g = globalThis as Record<string, unknown>;
  const installed: string[] = [];
  afterEach(() => {
    for (const k of installed.splice(0)) delete g[k];
  });

  function calls(insertions: RowInsertion[]): { total: number; log: string[] } {
    const fake = fakeSpreadsheet(sampleSetup());
    fake.installInto(g);
    installed.push(...Object.keys(fake.globals));
    fake.resetCalls();
    new SheetsAdapter().insertRows('CIP Monitoring', insertions);
    expect(fake.book.sheet('CIP Monitoring').cell('B27')?.formula).toBeNull();
    return { total: fake.totalCalls(), log: [...fake.callLog] };
  }

  it('takes the same calls for 3 rows or 300, and 3 more for each block', () => {
    expect(calls(newRows(3, 1)).total).toBe(calls(newRows(300, 1)).total);
    // Two blocks more: an insertRowsAfter, a getRange and a setValues each.
    expect(calls(newRows(300, 3)).total - calls(newRows(300, 1)).total).toBe((3 - 1) * 3);
    expect(calls(newRows(3, 3)).total).toBe(calls(newRows(300, 3)).total);
  });

  it('writes under the document lock, every read before the first write', () => {
    const { log } = calls(newRows(30, 3));
    const firstWrite = log.findIndex((n) => /\.(insertRowsAfter|setValues?|setNumberFormat)$/.test(n));
    expect(log.indexOf('Lock.tryLock')).toBeLessThan(log.indexOf('Range.getNumberFormats'));
    expect(log.indexOf('Range.getNumberFormats')).toBeLessThan(firstWrite);
    expect(log.slice(firstWrite).filter((n) => /\.(get\w+s|getLastRow)$/.test(n) && n !== 'RangeList.getRanges')).toEqual([]);
    expect(log.at(-1)).toBe('Lock.releaseLock');
  });
});
