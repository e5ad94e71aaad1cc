/**
 * Property-based tests of the rules engine over generated monitoring sheets (see plan-arbitrary.ts):
 * it never throws, its counts add up, its findings point at real cells, apply is idempotent and
 * changes no user value, the summary keeps copied text literal, and dates read the same in every form.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { dayFromIso, dayFromYmd, lastDayOfMonth, serialFromDay, type Day } from '../../shared/dates/day';
import { formatDay, formatParsedDate } from '../../shared/dates/format-date';
import { parseDate } from '../../shared/dates/parse-date';
import { columnLetters, parseCellAddress } from '../../shared/grid/a1';
import { cellText, type CellValue } from '../../shared/grid/grid';
import type { SettingsInput } from '../../shared/settings/settings';
import { planEdits, prepareRun, type PreparedRun } from '../../shared/run/prepare-run';
import { unrecognisedStatus, type CrossTab } from '../../shared/summary/summary';
import { MemoryWorkbook, MemoryWorkbookPort, type MemorySheet } from '../../src/memory/memory-workbook';
import { firstGeneratedRow, gridOf, memoryRows, rawValue, sheetArb, workbookOf, type GenSheet } from './plan-arbitrary';

/** 200 by default; PROPERTY_RUNS=5000 for a longer hunt. */
const numRuns = Number(process.env.PROPERTY_RUNS ?? 200);
const today = dayFromIso('2018-09-30') as Day;

/** As-of days around the generated plans' dates (2015–2022), so overdue, due-soon and slipped lists fill. */
const asOfArb = fc.integer({ min: dayFromYmd(2016, 1, 1), max: dayFromYmd(2021, 12, 31) });
const settingsArb: fc.Arbitrary<SettingsInput | undefined> = fc.oneof(
  { weight: 3, arbitrary: fc.constant(undefined) },
  {
    weight: 2,
    arbitrary: fc.record({ scheme: fc.constantFrom('cip' as const, 'rag' as const, 'brag' as const), dateOrder: fc.constantFrom('day-first' as const, 'month-first' as const) }),
  },
);

function run(sheet: GenSheet, asOf: Day, settings?: SettingsInput): PreparedRun {
  const result = prepareRun(workbookOf(sheet), { today, asOf, settingsOverride: settings });
  // The header is always there, so the engine must find the plan.
  if (!result.ok) throw new Error(`prepareRun failed: ${result.code}: ${result.message}`);
  return result;
}

function crossTabAddsUp(t: CrossTab, actions: number): void {
  expect(t.total).toBe(actions);
  expect(t.totals).toHaveLength(t.statuses.length);
  expect(t.totals.reduce((a, b) => a + b, 0)).toBe(actions);
  expect(t.rows.reduce((a, r) => a + r.total, 0)).toBe(actions);
  for (const r of t.rows) {
    expect(r.counts).toHaveLength(t.statuses.length);
    expect(r.counts.reduce((a, b) => a + b, 0)).toBe(r.total);
  }
  t.statuses.forEach((_, i) => expect(t.rows.reduce((a, r) => a + (r.counts[i] ?? 0), 0)).toBe(t.totals[i]));
}

describe('engine properties over generated monitoring sheets', () => {
  it('1. never throws: prepareRun gives ok or a failure with a message', () => {
    fc.assert(
      fc.property(sheetArb, asOfArb, settingsArb, fc.boolean(), (sheet, asOf, settings, visible) => {
        const wb = workbookOf(sheet);
        if (!visible) (wb.sheets[0] as { visibility: string }).visibility = 'hidden';
        const result = prepareRun(wb, { today, asOf, settingsOverride: settings });
        if (result.ok) {
          expect(result.checked.sheet).toBe('Plan');
          planEdits(result, { colours: true, summary: true });
        } else {
          expect(typeof result.message).toBe('string');
          expect(result.message.length).toBeGreaterThan(0);
          // Only a hidden sheet makes the standard header unfindable.
          expect(visible).toBe(false);
        }
      }),
      { numRuns },
    );
  });

  it('2. counts add up: status counts and every cross-tab total the action rows', () => {
    fc.assert(
      fc.property(sheetArb, asOfArb, settingsArb, (sheet, asOf, settings) => {
        const r = run(sheet, asOf, settings);
        const { plan, summary } = r.checked;
        const actionRows = plan.kinds.filter((k) => k.kind === 'action').length;
        expect(plan.actions).toHaveLength(actionRows);
        // Generated heading and blank rows are never actions; every generated row is classified once.
        expect(actionRows).toBeLessThanOrEqual(sheet.rows.filter((g) => g.kind === 'action').length);
        expect(plan.kinds).toHaveLength(sheet.rows.length);
        for (const k of plan.kinds) if (sheet.rows[k.row - firstGeneratedRow]?.kind !== 'action') expect(k.kind).not.toBe('action');

        // Milestone rows (2.4a, 2.4.1 under an action 2.4) are checked but counted as their action's detail.
        const milestones = plan.actions.filter((a) => a.milestoneOf !== null).length;
        const counted = actionRows - milestones;
        expect([summary.actions, summary.milestones]).toEqual([counted, milestones]);
        expect(summary.total).toBe(counted);
        expect(summary.statusCounts.reduce((a, c) => a + c.count, 0)).toBe(counted);
        const unrecognised = plan.actions.filter((a) => a.status === null && a.milestoneOf === null).length;
        expect(summary.statusCounts.find((c) => c.status === unrecognisedStatus)?.count ?? 0).toBe(unrecognised);
        crossTabAddsUp(summary.byTheme, counted);
        crossTabAddsUp(summary.byLead, counted);
        expect(summary.bySource).not.toBeNull();
        if (summary.bySource) crossTabAddsUp(summary.bySource, counted);
      }),
      { numRuns },
    );
  });

  it('3. every finding points at a real cell: on its row, inside the used range, in a mapped column', () => {
    fc.assert(
      fc.property(sheetArb, asOfArb, settingsArb, (sheet, asOf, settings) => {
        const r = run(sheet, asOf, settings);
        const grid = gridOf(sheet);
        const width = Math.max(...grid.values.map((row) => row.length));
        const mapped = new Set(Object.values(r.checked.header.columns).map((m) => m.col));
        for (const f of r.checked.findings) {
          expect(f.sheet).toBe('Plan');
          expect(f.cell).toMatch(/^[A-Z]{1,3}[1-9]\d*$/);
          const at = parseCellAddress(f.cell);
          expect(at).not.toBeNull();
          if (!at) continue;
          expect(at.row).toBe(f.row);
          expect(at.row).toBeGreaterThan(3);
          expect(at.row).toBeLessThanOrEqual(grid.top + grid.values.length - 1);
          expect(at.col).toBeGreaterThanOrEqual(grid.left);
          expect(at.col).toBeLessThanOrEqual(grid.left + width - 1);
          expect(mapped.has(at.col), `${f.rule} at ${f.cell}`).toBe(true);
          expect(typeof f.message).toBe('string');
        }
      }),
      { numRuns },
    );
  });

  it('4. apply is idempotent and changes no user value; only status cells of action rows get fills', async () => {
    const freeze = (book: MemoryWorkbook) =>
      JSON.stringify({
        sheets: book.sheets.map((s) => ({
          name: s.name,
          visibility: s.visibility,
          cells: [...s.cells.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)),
          merges: s.merges,
          hiddenRows: [...s.hiddenRows].sort((a, b) => a - b),
        })),
        activeSheet: book.activeSheet,
      });
    const valuesOf = (s: MemorySheet) => {
      const out = new Map<string, { value: CellValue; date: boolean | undefined; numberFormat: string | undefined }>();
      for (const [addr, c] of s.cells) if (c.value !== null) out.set(addr, { value: c.value, date: c.date, numberFormat: c.numberFormat });
      return out;
    };
    const apply = async (port: MemoryWorkbookPort, asOf: Day) => {
      const prepared = prepareRun(await port.readWorkbook(), { today, asOf });
      if (!prepared.ok) throw new Error(prepared.message);
      await port.applyEditPlan(planEdits(prepared, { colours: true, summary: true }));
      return prepared;
    };
    await fc.assert(
      fc.asyncProperty(sheetArb, asOfArb, fc.boolean(), async (sheet, asOf, userSummary) => {
        const book = new MemoryWorkbook();
        book.addSheet('Plan', memoryRows(sheet));
        // Sometimes the user has a sheet of their own called "Plan Summary": it must be left alone.
        if (userSummary) book.addSheet('plan summary', [['My own notes'], ['=HYPERLINK("x")']]);
        const userSheets = book.sheets.map((s) => [s, valuesOf(s)] as const);
        const port = new MemoryWorkbookPort(book);
        const userSheet = book.sheet('Plan') as MemorySheet;
        const before = valuesOf(userSheet);

        const first = await apply(port, asOf);
        const once = freeze(book);
        await apply(port, asOf);
        expect(freeze(book)).toBe(once);

        expect(book.sheets.map((s) => s.name)).toEqual(userSummary ? ['Plan', 'plan summary', 'Plan Summary (2)'] : ['Plan', 'Plan Summary']);
        for (const [s, values] of userSheets) expect(valuesOf(s)).toEqual(values);
        expect(valuesOf(userSheet)).toEqual(before);
        const statusCol = columnLetters(6);
        const colouredRows = new Set(first.checked.plan.actions.filter((a) => a.status !== null).map((a) => a.row));
        for (const [addr, c] of userSheet.cells) {
          if (c.fill === undefined && c.fontColor === undefined) continue;
          const at = parseCellAddress(addr);
          expect(addr.startsWith(statusCol), `fill on ${addr}`).toBe(true);
          expect(at && colouredRows.has(at.row), `fill on ${addr}`).toBe(true);
          expect(sheet.rows[(at?.row ?? 0) - firstGeneratedRow]?.kind).toBe('action');
        }
      }),
      { numRuns },
    );
  });

  it('5. the summary sheet: every text cell is Text (@), and text copied from the sheet is unchanged', () => {
    fc.assert(
      fc.property(sheetArb, asOfArb, (sheet, asOf) => {
        const r = run(sheet, asOf);
        const plan = planEdits(r, { colours: false, summary: true }).summary;
        expect(plan).not.toBeNull();
        if (!plan) return;
        expect(plan.formats).toHaveLength(plan.values.length);
        const strings = new Set<string>();
        plan.values.forEach((row, i) => {
          expect(plan.formats[i]).toHaveLength(row.length);
          row.forEach((v, j) => {
            if (typeof v === 'string') {
              expect(plan.formats[i]?.[j], `${JSON.stringify(v)} at row ${i + 1}`).toBe('@');
              strings.add(v);
            }
          });
        });
        const s = r.checked.summary;
        for (const a of [...s.slipped, ...s.overdue, ...s.dueSoon, ...s.notStarted]) {
          const g = sheet.rows[a.row - firstGeneratedRow];
          expect(g?.kind).toBe('action');
          if (g?.kind !== 'action') continue;
          const typed = (v: Parameters<typeof rawValue>[0]) => cellText(rawValue(v));
          const expected = [typed(g.ref).replace(/\.$/, ''), typed(g.action), typed(g.lead), typed(g.commentary), a.status];
          for (const text of expected) if (text !== '') expect(strings.has(text), `${JSON.stringify(text)} (row ${a.row}) in the summary`).toBe(true);
        }
      }),
      { numRuns },
    );
  });
});

describe('date properties', () => {
  // 1900-01-01 (serial 1) to 9999-12-31 (serial 2958465), the days both Excel and parseDate hold.
  const dayArb = fc.integer({ min: dayFromYmd(1900, 1, 1), max: dayFromYmd(9999, 12, 31) });
  const pad = (n: number, w: number) => String(n).padStart(w, '0');

  it('6a. a day read from its serial, its ISO text and its UK dd/mm/yyyy text is the same due day', () => {
    fc.assert(
      fc.property(dayArb, fc.constantFrom('day-first' as const, 'month-first' as const), (day, order) => {
        const serial = serialFromDay(day);
        const fromDateCell = parseDate(serial, { order, isDateCell: true });
        expect(fromDateCell).toMatchObject({ kind: 'date', due: day, precision: 'day' });
        // A bare integer 1900–2100 in a cell not marked as a date reads as a year, by design.
        if (serial < 1900 || serial > 2100) expect(parseDate(serial, { order })).toMatchObject({ kind: 'date', due: day });
        const uk = formatDay(day);
        const [dd, mm, yyyy] = uk.split('/');
        expect(parseDate(`${yyyy}-${mm}-${dd}`, { order })).toMatchObject({ kind: 'date', due: day, precision: 'day' });
        expect(parseDate(uk, { order: 'day-first' })).toMatchObject({ kind: 'date', due: day, precision: 'day' });
        expect(parseDate(`${mm}/${dd}/${yyyy}`, { order: 'month-first' })).toMatchObject({ kind: 'date', due: day, precision: 'day' });
      }),
      { numRuns },
    );
  });

  it('6b. formatting then parsing a month-precision date gives the same due day', () => {
    const months = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
    const longMonths = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
    fc.assert(
      fc.property(fc.integer({ min: 1900, max: 9999 }), fc.integer({ min: 1, max: 12 }), fc.boolean(), (y, m, long) => {
        const typed = `${(long ? longMonths : months)[m - 1]} ${pad(y, 4)}`;
        const parsed = parseDate(typed, { order: 'day-first' });
        expect(parsed).toMatchObject({ kind: 'date', precision: 'month', due: lastDayOfMonth(y, m) });
        const written = formatParsedDate(parsed);
        const again = parseDate(written, { order: 'day-first' });
        expect(again, written).toMatchObject({ kind: 'date', precision: 'month', due: lastDayOfMonth(y, m) });
        expect(formatParsedDate(again)).toBe(written);
      }),
      { numRuns },
    );
  });
});
