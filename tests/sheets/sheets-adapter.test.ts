import { afterEach, describe, expect, it } from 'vitest';
import { dayFromIso, isoFromDay } from '../../shared/dates/day';
import type { GridSnapshot } from '../../shared/grid/grid';
import { planEdits, prepareRun } from '../../shared/run/prepare-run';
import { SheetsAdapter } from '../../src/sheets/sheets-port';
import { WriteRefused } from '../../shared/workbook/write-refusal';
import { generatePlan } from '../fixtures/generate-plan';
import { createFakeAppsScript, type FakeAppsScript, type FakeCell } from '../../test-hosts/apps-script/fake-apps-script';
import { londonMidnight } from './sheets-fixture';
import { offsetMs } from '../../test-hosts/apps-script/values';
import { recordPeriod } from '../../shared/history/record-period';
import { historySheetName } from '../../shared/history/history-sheet';
import { cipSept2018, isoToSerial } from '../fixtures/cip-sept-2018';

const asOf = dayFromIso('2018-09-30') ?? 0;
const g = globalThis as Record<string, unknown>;
let installed: string[] = [];
afterEach(() => {
  for (const k of installed) delete g[k];
  installed = [];
});

function install(fake: FakeAppsScript): FakeAppsScript {
  fake.installInto(g);
  installed = Object.keys(fake.globals);
  return fake;
}

/** A generated plan as Sheets holds it: date cells as Dates. */
function fakeOf(grid: GridSnapshot, extra: { protected?: boolean; lockHeldByAnother?: boolean } = {}): FakeAppsScript {
  const rows = grid.values.map((r, i) => r.map((v, c): FakeCell => (typeof v === 'number' && grid.dates?.[i]?.[c] ? londonMidnight(isoFromDay(v - 25569)) : v)));
  return install(
    createFakeAppsScript({
      timeZone: 'Europe/London',
      sheets: [{ name: grid.sheet, rows, ...(extra.protected ? { protected: true } : {}) }, { name: 'Notes', rows: [['Guidance']] }],
      ...(extra.lockHeldByAnother ? { lockHeldByAnother: true } : {}),
    }),
  );
}

function runOnce(fake: FakeAppsScript) {
  fake.resetCalls();
  const adapter = new SheetsAdapter();
  const run = prepareRun(adapter.readWorkbook(), { asOf, today: asOf });
  if (!run.ok) throw new Error(run.message);
  const readCalls = fake.totalCalls();
  const reads = new Map(fake.calls);
  fake.resetCalls();
  const report = adapter.applyEditPlan(planEdits(run, { colours: true, summary: true }));
  return { readCalls, reads, writeCalls: fake.totalCalls(), run, report, calls: new Map(fake.calls) };
}

describe('Sheets adapter: service calls do not grow with the row count', () => {
  it('10, 1,000 and 10,000 actions cost the same number of calls to read and to apply', () => {
    const results = [10, 1_000, 10_000].map((n) => {
      const r = runOnce(fakeOf(generatePlan(n)));
      expect(r.run.checked.summary.actions).toBe(n);
      expect(r.report.colouredCells).toBe(n);
      return r;
    });
    const [small, medium, large] = results;
    for (const r of results) expect(r.readCalls).toBe(small?.readCalls);
    // Writing costs a few calls per colour present (10 actions may not use all five) and one to grow
    // a long summary sheet: a fixed ceiling, and the same at 1,000 as at 10,000.
    const growth = (r: typeof small) => r?.calls.get('Sheet.insertRowsAfter') ?? 0;
    expect((large?.writeCalls ?? 0) - growth(large)).toBe((medium?.writeCalls ?? 0) - growth(medium));
    expect(growth(large)).toBe(1);
    // Every row style of the summary costs a RangeList and one call per part of its look (bold, size, fill, wrap…).
    for (const r of results) expect(r.writeCalls).toBeLessThanOrEqual(80);
    // Reading: the spreadsheet, its sheets, and per sheet its name, visibility, data range, values,
    // backgrounds and filter (formulas only when a value looks like an error: none here); at the first
    // date cell, the spreadsheet's time zone and its offset (one formatDate); the number formats of a
    // sheet that has dates.
    expect(small?.readCalls).toBe(19);
    expect(large?.reads.get('Range.getNumberFormats')).toBe(1);
    expect(large?.reads.get('Spreadsheet.getSpreadsheetTimeZone')).toBe(1);
    expect(large?.reads.get('Utilities.formatDate')).toBe(1);
    expect(large?.reads.get('Range.getBackgrounds')).toBe(2);
    expect(large?.reads.get('Sheet.getFilter')).toBe(2);
    expect(large?.reads.get('Range.getFormulas')).toBeUndefined();
    expect(large?.calls.get('Range.setValues')).toBe(1);
    expect(large?.calls.get('Range.getValues')).toBeUndefined();
  });

  it('draws one native stacked bar chart of status by theme on the summary sheet, replaced on each build', () => {
    const fake = fakeOf(generatePlan(100));
    runOnce(fake);
    const second = runOnce(fake);
    const charts = fake.book.sheet('Plan Summary').charts;
    expect(charts).toHaveLength(1);
    const header = second.run.checked.summary.byTheme.rows.length;
    expect(charts[0]).toMatchObject({ type: 'BAR', numHeaders: 1 });
    expect(charts[0]?.ranges).toEqual([expect.stringMatching(new RegExp(`^A(\\d+):F\\d+$`))]);
    expect(header).toBe(5);
    expect(charts[0]?.options).toMatchObject({ isStacked: true, title: 'Actions by theme and status', colors: ['#CFE0F3', '#C4E5CD', '#FFE08A', '#F6C7C3', '#E5E6E7'] });
  });

  it('reads date cells as the right calendar day whatever the machine’s time zone', () => {
    const fake = fakeOf({ sheet: 'Plan', top: 1, left: 1, values: [['Ref', 'Action', 'Target date', 'Status'], ['1.1', 'x', 43373, 'On track'], ['1.2', 'y', 43190, 'On track']], dates: [[], [false, false, true], [false, false, true]] });
    const grid = new SheetsAdapter().readWorkbook().sheets[0]?.grid;
    expect(grid?.values.map((r) => r[2])).toEqual(['Target date', 43373, 43190]);
    expect(fake.book.sheet('Plan').cell('C2')?.value).toBeInstanceOf(Date);
  });

  it('refuses while another user holds the lock, and writes nothing', () => {
    const fake = fakeOf(generatePlan(20), { lockHeldByAnother: true });
    const before = JSON.stringify(fake.snapshot());
    const adapter = new SheetsAdapter();
    const run = prepareRun(adapter.readWorkbook(), { asOf, today: asOf });
    if (!run.ok) throw new Error(run.message);
    expect(() => adapter.applyEditPlan(planEdits(run, { colours: true, summary: true }))).toThrow(new WriteRefused({ code: 'busy' }));
    expect(JSON.stringify(fake.snapshot())).toBe(before);
  });

  it('refuses a protected plan sheet with a plain message before writing anything', () => {
    const fake = fakeOf(generatePlan(20), { protected: true });
    const before = JSON.stringify(fake.snapshot());
    const adapter = new SheetsAdapter();
    const run = prepareRun(adapter.readWorkbook(), { asOf, today: asOf });
    if (!run.ok) throw new Error(run.message);
    expect(() => adapter.applyEditPlan(planEdits(run, { colours: true, summary: true }))).toThrow(new WriteRefused({ code: 'sheet-protected', sheet: 'Plan' }));
    expect(JSON.stringify(fake.snapshot())).toBe(before);
  });
});

describe('Sheets adapter: what getValues cannot tell apart', () => {
  it('tells the text "#REF!" from a formula showing an error, with one getFormulas call only when some value looks like an error', () => {
    const fake = install(
      createFakeAppsScript({
        sheets: [
          {
            name: 'Plan',
            rows: [
              ['Ref', 'Action', 'Target date', 'Status'],
              ['1.1', '#REF!', '31/12/2018', 'On track'],
              ['1.2', 'Broken', '=NOSUCH(1)', '#N/A'],
            ],
            numberFormats: [[], [null, '@'], [], [null, null, null, '@']],
          },
        ],
      }),
    );
    fake.resetCalls();
    const grid = new SheetsAdapter().readWorkbook().sheets[0]?.grid;
    expect(fake.calls.get('Range.getFormulas')).toBe(1);
    expect(grid?.values[1]?.[1]).toBe('#REF!');
    expect(grid?.values[2]?.[3]).toBe('#N/A');
    expect(grid?.errors?.[2]?.[2]).toBe('#NAME?');
    expect(grid?.errors?.flat().filter(Boolean)).toEqual(['#NAME?']);
  });

  it('reads the fills of blank cells only, and says when a filter is on', () => {
    install(
      createFakeAppsScript({
        sheets: [
          {
            name: 'Plan',
            rows: [
              ['Ref', 'Action', 'Status'],
              ['1.1', 'a', null],
              ['1.2', 'b', 'On track'],
            ],
            backgrounds: [[], [null, null, '#ff0000'], [null, null, '#c4e5cd']],
            filter: { range: 'A1:C3', hiddenRows: [3] },
          },
        ],
      }),
    );
    const grid = new SheetsAdapter().readWorkbook().sheets[0]?.grid;
    expect(grid?.fills).toEqual([undefined, [undefined, undefined, '#FF0000']]);
    expect(grid?.hiddenRowsUnknown).toBe('filter-on');
    expect(grid?.hiddenRows).toBeUndefined();
  });
});


/** Midnight of that day in a time zone, as Sheets hands a date cell over. */
function midnightIn(iso: string, tz: string): Date {
  const utc = Date.parse(`${iso}T00:00:00Z`);
  return new Date(utc - offsetMs(utc - offsetMs(utc, tz), tz));
}

describe('dates in any time zone', () => {
  it.each([
    ['Pacific/Auckland', 'Europe/London'],
    ['Pacific/Kiritimati', 'America/New_York'],
    ['Pacific/Pago_Pago', 'Pacific/Kiritimati'],
    ['America/New_York', 'Pacific/Auckland'],
    ['Europe/London', 'Pacific/Kiritimati'],
  ])('a spreadsheet in %s with its script in %s reads every date cell as the day typed', (timeZone, scriptTimeZone) => {
    const rows = cipSept2018.rows.map((r) => r.map((v): FakeCell => (v !== null && typeof v === 'object' ? midnightIn(v.date, timeZone) : v)));
    install(createFakeAppsScript({ timeZone, scriptTimeZone, sheets: [{ name: cipSept2018.sheetName, rows }] }));
    const grid = new SheetsAdapter().readWorkbook().sheets[0]?.grid as GridSnapshot;
    const expected: number[] = [];
    const read: number[] = [];
    cipSept2018.rows.forEach((r, i) =>
      r.forEach((v, c) => {
        if (v === null || typeof v !== 'object') return;
        expected.push(isoToSerial(v.date));
        read.push(grid.values[i]?.[c] as number);
      }),
    );
    expect(read.length).toBeGreaterThan(20);
    expect(read).toEqual(expected);
    const run = prepareRun({ sheets: [{ name: cipSept2018.sheetName, visibility: 'visible', grid }] }, { asOf, today: asOf });
    expect(run.ok && run.checked.summary.overdue.map((a) => a.ref)).toEqual(['6.4']);
  });
});

describe('recording a period', () => {
  it('a write that fails leaves the history that was there whole', () => {
    const plan = generatePlan(30);
    const fake = fakeOf(plan);
    const adapter = new SheetsAdapter();
    const record = (label: string) => {
      const run = prepareRun(adapter.readWorkbook(), { asOf, today: asOf });
      if (!run.ok) throw new Error(run.message);
      const recorded = recordPeriod(run, label, '2018-10-01T09:00:00');
      if ('problem' in recorded) throw new Error(recorded.problem);
      adapter.writeHiddenSheet(recorded.sheet, recorded.rows);
    };
    record('June 2018');
    const before = JSON.stringify([...fake.book.sheet(historySheetName).cells]);
    // Someone protects the history sheet: the next write fails in Sheets' own way.
    fake.book.sheet(historySheetName).protections.push({ type: 'SHEET', range: 'A1:Z1000', description: '', canEdit: false, warningOnly: false });
    expect(() => record('Sept 2018')).toThrow(/protected/);
    expect(JSON.stringify([...fake.book.sheet(historySheetName).cells])).toBe(before);
    const run = prepareRun(adapter.readWorkbook(), { asOf, today: asOf });
    expect(run.ok && run.history.map((p) => [p.label, p.records.length])).toEqual([['June 2018', 30]]);
  });
});
