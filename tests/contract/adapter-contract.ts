/**
 * One contract, every adapter: the same scenarios and the same expected edits for the in-memory
 * adapter, the CLI's ExcelJS adapter and the Office.js adapter (real client, fake host).
 */
import { describe, expect, it } from 'vitest';
import { dayFromIso, dayFromSerial, isoFromDay } from '../../shared/dates/day';
import { generatePlan } from '../fixtures/generate-plan';
import { summaryMarker } from '../../shared/summary/summary-sheet';
import type { CellValue } from '../../shared/grid/grid';
import { jsonReport } from '../../shared/report/json-report';
import { planEdits, prepareRun, type PreparedRun } from '../../shared/run/prepare-run';
import { defaultPalette } from '../../shared/rag/palette';
import { settingsSheetName, settingsSheetRows } from '../../shared/settings/settings-sheet';
import type { WorkbookPort } from '../../shared/workbook/workbook';
import { cipSept2018 } from '../fixtures/cip-sept-2018';
import { cipJune2018 } from '../fixtures/cip-june-2018';
import { historyMarker, historySheetName } from '../../shared/history/history-sheet';
import { recordPeriod } from '../../shared/history/record-period';
import { fixedClock } from '../../shared/app/clock';
import { addActions, mergeReplyFiles, type AddPort, type MergePort, type ReplyWorkbook } from '../../shared/app/use-cases';
import { csvList } from '../../shared/add/csv';
import type { ActionList } from '../../shared/add/plan-additions';
import { parseCellAddress } from '../../shared/grid/a1';
import { updateRequests } from '../../shared/requests/update-request';
import { auditMarker, auditSheetName, readAuditSheet } from '../../shared/audit/audit-trail';
import { firstCell } from '../../shared/workbook/workbook';
import { refusalOf } from '../../shared/workbook/write-refusal';
import { formWorkbook } from '../../src/xlsx/new-workbook/form-workbook';
import { portableCodec } from '../../src/xlsx/zip/codec';
import { XlsxWorkbookPort } from '../../src/xlsx/xlsx-port';

/** A typed value, a date cell, or a formula whose result is an error (#REF!, #N/A…). */
/** `format`: the date cell's number format, when not a whole-date one ("mmm-yy" for a month typed as a date). */
export type SetupCell = CellValue | { date: string; format?: string } | { formula: string; error: string };
export interface SheetSetup {
  name: string;
  rows: SetupCell[][];
  merges?: string[];
  /** Protected against edits. */
  protected?: boolean;
}

export interface SheetDump {
  name: string;
  visibility: string;
  /** Non-empty cells by A1 address; a formula cell dumps as its formula text. */
  values: Record<string, CellValue>;
  /** Cells with a solid fill, #RRGGBB upper case. */
  fills: Record<string, string>;
  /** Addresses of cells that hold a formula. */
  formulas: string[];
  /** The summary sheet's cells that look other than plain (bold, italic, size, text colour, wrap); other sheets dump none. */
  looks?: Record<string, LookDump>;
}

/** A cell's look where it is not the default: what a host that drifts from the edit plan would get wrong. */
export interface LookDump {
  bold?: true;
  italic?: true;
  size?: number;
  fontColour?: string;
  wrap?: true;
}

/** Only what differs from a plain cell (not bold, not italic, 11 pt, black, not wrapped). */
export function lookDump(l: { bold?: boolean | null; italic?: boolean | null; size?: number | null; fontColour?: string | null; wrap?: boolean | null }): LookDump | null {
  const out: LookDump = {};
  if (l.bold) out.bold = true;
  if (l.italic) out.italic = true;
  if (l.size && l.size !== 11) out.size = l.size;
  const colour = l.fontColour?.toUpperCase();
  if (colour && colour !== '#000000') out.fontColour = colour;
  if (l.wrap) out.wrap = true;
  return Object.keys(out).length > 0 ? out : null;
}

export interface AdapterUnderTest {
  port: WorkbookPort;
  dump(): Promise<SheetDump[]>;
  /** The selected sheet and cell, where the host has a selection. */
  selection?: () => { sheet: string; cell: string } | null;
  /** A cell's number format as the host holds it. */
  numberFormat(sheet: string, cell: string): Promise<string | null>;
}

/** What a workbook may have besides its sheets. */
export interface WorkbookSetup {
  /** Excel's 1904 date system (File › Options › Advanced): date serials count from 1 Jan 1904. Google Sheets and the in-memory workbook have one date system. */
  date1904?: boolean;
}

export type AdapterFactory = (sheets: SheetSetup[], workbook?: WorkbookSetup) => Promise<AdapterUnderTest>;

const asOf = dayFromIso('2018-09-30') ?? 0;
const today = asOf;

export function sampleSetup(): SheetSetup[] {
  return [
    { name: cipSept2018.sheetName, rows: cipSept2018.rows as SetupCell[][], merges: cipSept2018.merges },
    { name: 'Notes', rows: [['Guidance: update the status and commentary of each action every quarter.']] },
  ];
}

const header = ['Ref', 'Action', 'Lead officer', 'Target date', 'Revised date', 'Status', 'Commentary'];

async function prepared(port: WorkbookPort): Promise<PreparedRun> {
  const run = prepareRun(await port.readWorkbook(), { asOf, today });
  if (!run.ok) throw new Error(run.message);
  return run;
}

async function preparedAt(port: WorkbookPort, iso: string): Promise<PreparedRun> {
  const day = dayFromIso(iso) ?? 0;
  const run = prepareRun(await port.readWorkbook(), { asOf: day, today: day });
  if (!run.ok) throw new Error(run.message);
  return run;
}

export function juneSetup(): SheetSetup[] {
  const june = cipJune2018();
  return [
    { name: june.sheetName, rows: june.rows as SetupCell[][], merges: june.merges },
    { name: 'Notes', rows: [['Guidance: update the status and commentary of each action every quarter.']] },
  ];
}

/** A dumped sheet's values back into rows, as the next quarter's workbook holds them. */
function rowsOf(values: Record<string, CellValue>): SetupCell[][] {
  const rows: SetupCell[][] = [];
  for (const [addr, v] of Object.entries(values)) {
    const m = /^([A-Z]+)(\d+)$/.exec(addr);
    if (!m) continue;
    const r = Number(m[2]) - 1;
    const c = [...(m[1] ?? '')].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0) - 1;
    const row = (rows[r] ??= []);
    while (row.length < c) row.push(null);
    row[c] = v;
  }
  for (let i = 0; i < rows.length; i++) rows[i] ??= [];
  return rows;
}

function userCellsUnchanged(before: SheetDump[], after: SheetDump[]): void {
  for (const b of before) {
    const a = after.find((s) => s.name === b.name);
    expect(a, `sheet ${b.name}`).toBeDefined();
    expect(a?.values, `values of ${b.name}`).toEqual(b.values);
    expect(a?.formulas).toEqual(b.formulas);
  }
}

/** The sample's lead officer whose request covers 3.4 (plan row 24) and 6.4 (row 49), on reply rows 4 and 8. */
const officer = 'Director of HR and OD';
const mergeClock = fixedClock(asOf, '2018-10-05T10:00:00');

/** A cell of a snapshot's sheet set as an officer types it (a date as its serial in a date cell). */
function typeInto(sheet: WorkbookSnapshotSheet, addr: string, value: CellValue, date = false): void {
  const at = parseCellAddress(addr);
  if (!at) throw new Error(addr);
  const g = sheet.grid;
  const r = at.row - g.top;
  const c = at.col - g.left;
  while (g.values.length <= r) g.values.push([]);
  (g.values[r] as CellValue[])[c] = value;
  ((g.dates ??= [])[r] ??= [])[c] = date;
}
type WorkbookSnapshotSheet = Awaited<ReturnType<WorkbookPort['readWorkbook']>>['sheets'][number];

/**
 * The officer's request as the .xlsx layer writes it, read back with the .xlsx reader as the task
 * pane and sidebar read a picked file (the portable codec, no Node), then answered: 3.4's status,
 * revised date and commentary (text that looks like a formula), and 6.4's status.
 */
export async function sampleReply(port: WorkbookPort): Promise<ReplyWorkbook> {
  const request = updateRequests(await prepared(port)).find((r) => r.officer === officer);
  if (!request) throw new Error(`no request for ${officer}`);
  const workbook = await XlsxWorkbookPort.open(formWorkbook(request.form, portableCodec), { codec: portableCodec }).readWorkbook();
  const sheet = workbook.sheets[0] as WorkbookSnapshotSheet;
  typeInto(sheet, 'E4', 'Some slippage');
  typeInto(sheet, 'D4', 43496, true);
  typeInto(sheet, 'F4', '=cmd|calc');
  typeInto(sheet, 'E8', 'Completed');
  return { name: request.file, workbook };
}

/** Cells whose value differs between two dumps of a sheet, sorted. */
function changedCells(before: SheetDump | undefined, after: SheetDump | undefined): string[] {
  const b = before?.values ?? {};
  const a = after?.values ?? {};
  return [...new Set([...Object.keys(b), ...Object.keys(a)])].filter((k) => b[k] !== a[k]).sort();
}

function asMergePort(port: WorkbookPort): MergePort {
  if (!port.setCellValues) throw new Error('this adapter does not write cell values');
  return port as MergePort;
}

export function adapterContract(name: string, make: AdapterFactory): void {
  describe(`adapter contract: ${name}`, () => {
    it('reads the sample plan so the engine finds exactly the seed report', async () => {
      const { port } = await make(sampleSetup());
      const run = await prepared(port);
      const j = jsonReport(run);
      expect(j.sheet).toBe('CIP Monitoring');
      expect(j.statusCounts.map((c) => c.count)).toEqual([32, 21, 8, 0, 1]);
      expect(j.overdue.map((o) => [o.ref, o.cell, o.daysOverdue])).toEqual([['6.4', 'H49', 30]]);
      expect(j.findings.map((f) => [f.rule, f.cell])).toEqual([
        ['duplicate-ref', 'A16'],
        ['duplicate-ref', 'A17'],
        ['overdue-reported-on-track', 'H49'],
        ['placeholder-date', 'G72'],
      ]);
    });

    it('colours exactly the status cells of action rows, writes its own summary sheet, and keeps every user value', async () => {
      const adapter = await make(sampleSetup());
      const before = await adapter.dump();
      const run = await prepared(adapter.port);
      const plan = planEdits(run, { colours: true, summary: true });
      const report = await adapter.port.applyEditPlan(plan);
      expect(report.colouredCells).toBe(62);
      const after = await adapter.dump();
      userCellsUnchanged(before, after);

      const plan0 = after[0];
      const newFills = Object.entries(plan0?.fills ?? {}).filter(([addr, fill]) => before[0]?.fills[addr] !== fill);
      const expected = plan.fills.flatMap((g) => g.ranges.flatMap((r) => expandRange(r).map((a) => [a, g.fill.toUpperCase()] as const)));
      expect(Object.fromEntries(newFills)).toEqual(Object.fromEntries(expected));
      expect(plan0?.fills.H49).toBe(defaultPalette.green.fill.toUpperCase());
      expect(plan0?.fills.H6).toBe(defaultPalette.blue.fill.toUpperCase());

      expect(after.map((s) => s.name)).toEqual(['CIP Monitoring', 'Notes', 'Plan Summary']);
      const summary = after[2];
      expect(summary?.values.A1).toBe(summaryMarker);
      expect(summary?.formulas).toEqual([]);
      const want: Record<string, CellValue> = {};
      plan.summary?.values.forEach((row, r) => row.forEach((v, c) => v !== null && (want[`${letters(c + 1)}${r + 1}`] = v)));
      expect(summary?.values).toEqual(want);
    });

    it('is idempotent: applying twice leaves the workbook as applying once', async () => {
      const adapter = await make(sampleSetup());
      const once = async () => {
        const run = await prepared(adapter.port);
        await adapter.port.applyEditPlan(planEdits(run, { colours: true, summary: true }));
        return adapter.dump();
      };
      const first = await once();
      expect(await once()).toEqual(first);
    });

    it('never touches a user sheet with the summary’s name', async () => {
      const adapter = await make([
        { name: 'Plan', rows: [header, ['1.1', 'Do it', 'CEO', '31/12/2018', null, 'On track', 'fine']] },
        { name: 'Plan Summary', rows: [['My own notes'], ['Do not delete']] },
      ]);
      const before = await adapter.dump();
      for (let i = 0; i < 2; i++) {
        const run = await prepared(adapter.port);
        const plan = planEdits(run, { colours: true, summary: true });
        expect(plan.summaryChoice).toMatchObject({ name: 'Plan Summary (2)', renamed: true });
        await adapter.port.applyEditPlan(plan);
      }
      const after = await adapter.dump();
      expect(after.map((s) => s.name)).toEqual(['Plan', 'Plan Summary', 'Plan Summary (2)']);
      expect(after[1]).toEqual(before[1]);
    });

    it('writes copied text that looks like a formula as literal text', async () => {
      const nasty = ['=HYPERLINK("http://example.com","x")', '+1 more meeting', '-1 day late', '@SUM(A1:A2)'];
      const adapter = await make([{ name: 'Plan', rows: [header, ...nasty.map((t, i) => [`1.${i + 1}`, t, 'CEO', '31/03/2018', '31/12/2018', 'Some slippage', t])] }]);
      const run = await prepared(adapter.port);
      await adapter.port.applyEditPlan(planEdits(run, { colours: false, summary: true }));
      const summary = (await adapter.dump()).find((s) => s.name === 'Plan Summary');
      expect(summary?.formulas).toEqual([]);
      const texts = Object.values(summary?.values ?? {});
      for (const t of nasty) expect(texts.filter((v) => v === t).length, t).toBeGreaterThanOrEqual(2);
    });

    it('keeps settings in a hidden sheet that the next read applies', async () => {
      const adapter = await make(sampleSetup());
      await adapter.port.writeHiddenSheet(settingsSheetName, settingsSheetRows({ dueSoonDays: 60, rules: { 'duplicate-ref': 'off' } }));
      const dump = await adapter.dump();
      expect(dump.find((s) => s.name === settingsSheetName)?.visibility).toBe('hidden');
      const run = await prepared(adapter.port);
      expect(run.settings.dueSoonDays).toBe(60);
      expect(run.checked.findings.map((f) => f.rule)).not.toContain('duplicate-ref');
      expect(run.checked.sheet).toBe('CIP Monitoring');
    });

    it('quarter to quarter: records June, then reproduces the seed report’s June and Sept columns and what changed', async () => {
      const june = await make(juneSetup());
      const juneRun = await preparedAt(june.port, '2018-06-30');
      expect(juneRun.checked.summary.statusCounts.map((c) => c.count)).toEqual([17, 41, 1, 0, 2]);
      const recorded = recordPeriod(juneRun, 'June 2018', '2018-07-02T09:00:00');
      if ('problem' in recorded) throw new Error(recorded.problem);
      await june.port.writeHiddenSheet(recorded.sheet, recorded.rows);

      // The officer updates the plan: the September sheet, in the same workbook, history and all.
      const history = (await june.dump()).find((x) => x.name === historySheetName);
      expect(history?.visibility).toBe('hidden');
      const sept = await make([...sampleSetup(), { name: historySheetName, rows: rowsOf(history?.values ?? {}) }]);
      const septRun = await preparedAt(sept.port, '2018-09-30');
      const again = recordPeriod(septRun, 'Sept 2018', '2018-10-01T09:00:00');
      if ('problem' in again) throw new Error(again.problem);
      await sept.port.writeHiddenSheet(again.sheet, again.rows);

      const run = await preparedAt(sept.port, '2018-09-30');
      const c = run.comparison;
      expect(c.previousLabel).toBe('June 2018');
      expect(c.columns.map((col) => [col.label, col.counts, col.total])).toEqual([
        ['June 2018', [17, 41, 1, 0, 2], 61],
        ['Sept 2018', [32, 21, 8, 0, 1], 62],
      ]);
      expect(c.added).toEqual([{ ref: '8.8', action: 'Deliver the information governance improvement plan' }]);
      expect(c.removed).toEqual([]);
      expect(c.changes).toHaveLength(23);
      expect(c.changes.filter((x) => x.from === 'On track' && x.to === 'Some slippage').map((x) => x.ref)).toEqual(['1.4', '2.4', '2.4', '3.1', '5.12', '9.6', '10.1']);
      expect(c.firstSlipped.map((x) => x.ref)).toEqual(['1.4', '2.4', '2.4', '3.1', '5.12', '9.6', '10.1']);
      expect(c.reprofiled.find((r) => r.ref === '4.2')).toEqual({ ref: '4.2', action: 'Undertake LGA Member / Member training', dates: ['Apr 2018', 'Sep 2018', '30/11/2018'], times: 2 });
      const json = jsonReport(run);
      expect(json.previousPeriod).toBe('June 2018');
      expect(json.statusCounts.map((x) => [x.status, x.previous, x.count])).toEqual([
        ['Completed', 17, 32],
        ['On track', 41, 21],
        ['Some slippage', 1, 8],
        ['Major slippage', 0, 0],
        ['Not started', 2, 1],
      ]);
      // And the summary sheet shows the seed's table.
      await sept.port.applyEditPlan(planEdits(run, { colours: false, summary: true }));
      const summary = (await sept.dump()).find((x) => x.name === 'Plan Summary')?.values ?? {};
      expect([summary.A6, summary.B6, summary.C6, summary.D6]).toEqual(['Status', 'June 2018', 'Sept 2018', 'Change']);
      expect([summary.A12, summary.B12, summary.C12, summary.D12]).toEqual(['Grand Total', 61, 62, '+1']);
    });

    it('a history sheet edited into nonsense gives a clear note, not a crash, and is left as it is', async () => {
      const adapter = await make([
        ...sampleSetup(),
        { name: historySheetName, rows: [[historyMarker, 'x'], ['Period', 'As of'], ['June 2018', 'last summer', '', '1.1', 'x'], ['June 2018', '2018-06-30', '', '', '']] },
      ]);
      const before = (await adapter.dump()).find((x) => x.name === historySheetName);
      const run = await preparedAt(adapter.port, '2018-09-30');
      expect(run.notes).toEqual([
        "The history sheet 'Plan Monitor History', row 3: the as-of date “last summer” is not a date written as YYYY-MM-DD, so this row was left out.",
        "The history sheet 'Plan Monitor History', row 4: it has neither a ref nor an action, so this row was left out.",
      ]);
      expect(run.comparison.previousLabel).toBeNull();
      await adapter.port.applyEditPlan(planEdits(run, { colours: true, summary: true }));
      expect((await adapter.dump()).find((x) => x.name === historySheetName)).toEqual(before);
    });

    it('reads a 1904-date-system workbook’s dates as the days typed', async () => {
      const run = await prepared((await make(sampleSetup(), { date1904: true })).port);
      const reference = jsonReport(await prepared((await make(sampleSetup())).port));
      const j = jsonReport(run);
      expect(j.overdue.map((o) => [o.ref, o.due, o.daysOverdue])).toEqual([['6.4', '2018-08-31', 30]]);
      expect(j.slipped).toEqual(reference.slipped);
      expect(j.findings).toEqual(reference.findings);
    });

    it('a date cell formatted to show only month and year (or only a year) is due at the end of that period', async () => {
      const row = (ref: string, target: SetupCell) => [ref, `Action ${ref}`, 'CEO', target, null, 'On track', 'Work continues.'];
      const adapter = await make([
        {
          name: 'Plan',
          rows: [header, row('1.1', { date: '2018-09-01', format: 'mmm-yy' }), row('1.2', { date: '2018-09-01', format: 'mmmm yyyy' }), row('1.3', { date: '2018-01-01', format: 'yyyy' }), row('1.4', { date: '2018-09-01' })],
        },
      ]);
      const j = jsonReport(await preparedAt(adapter.port, '2018-09-20'));
      expect(j.overdue.map((o) => [o.ref, o.due])).toEqual([['1.4', '2018-09-01']]);
      expect(j.dueSoon.map((o) => [o.ref, o.due])).toEqual([['1.1', '2018-09-30'], ['1.2', '2018-09-30']]);
      const late = jsonReport(await preparedAt(adapter.port, '2018-10-02'));
      expect(late.overdue.map((o) => [o.ref, o.due])).toEqual([['1.4', '2018-09-01'], ['1.1', '2018-09-30'], ['1.2', '2018-09-30']]);
    });

    it('the summary sheet looks as the edit plan says, the same in every host', async () => {
      const adapter = await make(sampleSetup());
      await adapter.port.applyEditPlan(planEdits(await prepared(adapter.port), { colours: false, summary: true }));
      const looks = (await adapter.dump()).find((d) => d.name === 'Plan Summary')?.looks ?? {};
      expect([looks.A2, looks.A3, looks.A5, looks.A6, looks.B6, looks.A7, looks.A12]).toEqual([
        { bold: true, size: 14 },
        { italic: true, fontColour: '#505A5F' },
        { bold: true, size: 12 },
        { bold: true, wrap: true },
        { bold: true, wrap: true },
        { wrap: true, fontColour: defaultPalette.blue.text.toUpperCase() },
        { bold: true },
      ]);
    });

    it('records a history of 2,000 rows and reads every one back, and a new history sheet is hidden', async () => {
      const plan = generatePlan(500);
      const adapter = await make([{ name: plan.sheet, rows: plan.values.map((r, i) => r.map((v, c) => (plan.dates?.[i]?.[c] && typeof v === 'number' ? { date: isoFromDay(dayFromSerial(v) ?? 0) } : v))) }]);
      const labels = ['June 2018', 'Sept 2018', 'Dec 2018', 'March 2019'];
      for (const [i, label] of labels.entries()) {
        const run = await preparedAt(adapter.port, ['2018-06-30', '2018-09-30', '2018-12-31', '2019-03-31'][i] as string);
        const recorded = recordPeriod(run, label, '2019-04-01T09:00:00');
        if ('problem' in recorded) throw new Error(recorded.problem);
        await adapter.port.writeHiddenSheet(recorded.sheet, recorded.rows);
      }
      const run = await preparedAt(adapter.port, '2019-03-31');
      expect(run.history.map((p) => [p.label, p.records.length])).toEqual(labels.map((l) => [l, 500]));
      expect(run.notes).toEqual([]);
      expect((await adapter.dump()).find((x) => x.name === historySheetName)?.visibility).toMatch(/^(hidden|Hidden)$/);
    });


    describe('merging a reply', () => {
      it('writes exactly the three fields’ cells and the audit sheet, text as text, a date in its column’s format', async () => {
        const adapter = await make(sampleSetup());
        const before = await adapter.dump();
        const reply = await sampleReply(adapter.port);
        const out = await mergeReplyFiles(asMergePort(adapter.port), mergeClock, [reply], { asOf });
        if (!out.ok) throw new Error(out.problem.code);
        expect(out.value.written).toBe(true);
        expect(out.value.result.changes.map((c) => [c.planCell, c.field, c.new])).toEqual([
          ['H24', 'status', 'Some slippage'],
          ['G24', 'revised date', '31/01/2019'],
          ['I24', 'commentary', '=cmd|calc'],
          ['H49', 'status', 'Completed'],
        ]);

        const after = await adapter.dump();
        expect(after.map((s) => s.name)).toEqual([...before.map((s) => s.name), auditSheetName]);
        expect(changedCells(before[0], after[0])).toEqual(['G24', 'H24', 'H49', 'I24']);
        expect(after[0]?.formulas).toEqual(before[0]?.formulas);
        expect(after[0]?.fills).toEqual(before[0]?.fills);
        expect(after[1]).toEqual(before[1]);
        expect(after[2]?.visibility).toMatch(/^hidden$/i);

        // Read back as the engine reads it: text, not a formula; the date a date.
        const read = await adapter.port.readWorkbook();
        const plan = read.sheets[0]?.grid;
        expect([plan?.values[23]?.[7], plan?.values[23]?.[8], plan?.values[48]?.[7]]).toEqual(['Some slippage', '=cmd|calc', 'Completed']);
        const run = await prepared(adapter.port);
        const a34 = run.checked.plan.actions.find((a) => a.row === 24);
        expect(a34?.revised).toMatchObject({ kind: 'date', precision: 'day', due: dayFromIso('2019-01-31') });
        // G24 was empty: it takes the date format the column's dates have (G14, 2.2's revised date, is one).
        const columnFormat = await adapter.numberFormat('CIP Monitoring', 'G14');
        expect(columnFormat).not.toBeNull();
        expect(await adapter.numberFormat('CIP Monitoring', 'G24')).toBe(columnFormat);

        const audit = readAuditSheet(read.sheets.find((s) => firstCell(s) === auditMarker)?.grid ?? null);
        expect(audit.map((e) => [e.ref, e.field, e.old, e.new, e.when, e.source])).toEqual([
          ['3.4', 'status', 'On track', 'Some slippage', '2018-10-05T10:00:00', `merge of reply '${reply.name}'`],
          ['3.4', 'revised date', '', '31/01/2019', '2018-10-05T10:00:00', `merge of reply '${reply.name}'`],
          ['3.4', 'commentary', 'Post approved by Personnel Committee in September 2018; recruitment is under way with interviews planned for November.', '=cmd|calc', '2018-10-05T10:00:00', `merge of reply '${reply.name}'`],
          ['6.4', 'status', 'On track', 'Completed', '2018-10-05T10:00:00', `merge of reply '${reply.name}'`],
        ]);
      });

      it('changes nothing when the same reply is merged again', async () => {
        const adapter = await make(sampleSetup());
        const reply = await sampleReply(adapter.port);
        await mergeReplyFiles(asMergePort(adapter.port), mergeClock, [reply], { asOf });
        const once = await adapter.dump();
        const again = await mergeReplyFiles(asMergePort(adapter.port), mergeClock, [reply], { asOf });
        expect(again.ok && [again.value.written, again.value.result.changes.length, again.value.result.conflicts.length, again.value.result.refused.length]).toEqual([false, 0, 0, 0]);
        expect(await adapter.dump()).toEqual(once);
      });

      it('lists a plan cell changed since the request as a conflict and keeps it', async () => {
        const adapter = await make(sampleSetup());
        const reply = await sampleReply(adapter.port);
        await asMergePort(adapter.port).setCellValues('CIP Monitoring', [{ row: 24, col: 8, value: { kind: 'text', text: 'Completed' } }]);
        const out = await mergeReplyFiles(asMergePort(adapter.port), mergeClock, [reply], { asOf });
        if (!out.ok) throw new Error(out.problem.code);
        expect(out.value.result.conflicts.map((c) => [c.cell, c.planCell, c.asSent, c.plan, c.reply])).toEqual([['E4', 'H24', 'On track', 'Completed', 'Some slippage']]);
        expect(out.value.result.changes.map((c) => c.planCell)).toEqual(['G24', 'I24', 'H49']);
        const plan = (await adapter.port.readWorkbook()).sheets[0]?.grid;
        expect([plan?.values[23]?.[7], plan?.values[48]?.[7]]).toEqual(['Completed', 'Completed']);
      });

      it('refuses a protected plan sheet before writing anything', async () => {
        const [plan, ...rest] = sampleSetup();
        const adapter = await make([{ ...(plan as SheetSetup), protected: true }, ...rest]);
        const reply = await sampleReply(adapter.port);
        const before = await adapter.dump();
        const refused = await mergeReplyFiles(asMergePort(adapter.port), mergeClock, [reply], { asOf }).then(
          () => null,
          (e: unknown) => refusalOf(e),
        );
        expect(refused).toEqual({ code: 'sheet-protected', sheet: 'CIP Monitoring' });
        expect(await adapter.dump()).toEqual(before);
        // The port refuses it too, whatever its caller checked.
        const direct = await asMergePort(adapter.port)
          .setCellValues('CIP Monitoring', [{ row: 24, col: 8, value: { kind: 'text', text: 'Completed' } }])
          .then(
            () => null,
            (e: unknown) => refusalOf(e),
          );
        expect(direct).toEqual({ code: 'sheet-protected', sheet: 'CIP Monitoring' });
        expect(await adapter.dump()).toEqual(before);
      });

      it('refuses a user’s sheet with the audit sheet’s name before writing anything', async () => {
        const adapter = await make([...sampleSetup(), { name: auditSheetName, rows: [['My own audit notes']] }]);
        const reply = await sampleReply(adapter.port);
        const before = await adapter.dump();
        const refused = await mergeReplyFiles(asMergePort(adapter.port), mergeClock, [reply], { asOf }).then(
          () => null,
          (e: unknown) => refusalOf(e),
        );
        expect(refused).toEqual({ code: 'sheet-not-ours', sheet: auditSheetName });
        expect(await adapter.dump()).toEqual(before);
      });

      it('writes a date into a cell with no date format in its column’s, and empties a date cell keeping its format', async () => {
        const adapter = await make(sampleSetup());
        const port = asMergePort(adapter.port);
        const format = await adapter.numberFormat('CIP Monitoring', 'G14');
        await port.setCellValues('CIP Monitoring', [
          { row: 25, col: 7, value: { kind: 'date', serial: 43496 } },
          { row: 14, col: 7, value: { kind: 'blank' } },
        ]);
        expect(await adapter.numberFormat('CIP Monitoring', 'G25')).toBe(format);
        expect(await adapter.numberFormat('CIP Monitoring', 'G14')).toBe(format);
        const g = (await adapter.port.readWorkbook()).sheets[0]?.grid;
        expect([g?.values[24]?.[6], g?.dates?.[24]?.[6], g?.values[13]?.[6] ?? null]).toEqual([43496, true, null]);
      });

      it('refuses to write over a formula, writing nothing', async () => {
        const adapter = await make([{ name: 'Plan', rows: [header, ['1.1', 'Do it', 'CEO', '31/12/2018', null, { formula: '=Z1/0', error: '#DIV/0!' }, 'fine']] }]);
        const port = asMergePort(adapter.port);
        expect([...(await port.formulaCells?.('Plan') ?? [])]).toEqual(['F2']);
        const before = await adapter.dump();
        await expect(port.setCellValues('Plan', [{ row: 2, col: 7, value: { kind: 'text', text: 'x' } }, { row: 2, col: 6, value: { kind: 'text', text: 'On track' } }])).rejects.toThrow(/F2 .*formula/);
        expect(await adapter.dump()).toEqual(before);
      });
    });

    if (name !== '.xlsx package (CLI)') {
      it('moves the selection to a finding’s cell', async () => {
        const adapter = await make(sampleSetup());
        await adapter.port.selectCell('CIP Monitoring', 'H49');
        expect(adapter.selection?.()).toEqual({ sheet: 'CIP Monitoring', cell: 'H49' });
      });
    }

    describe('adding new actions from a list', () => {
      it('inserts them under their themes: every row below moves, the new cells as planned, their statuses coloured, the audit rows', async () => {
        const adapter = await make(sampleSetup());
        const before = await adapter.dump();
        const out = await addActions(asAddPort(adapter.port), mergeClock, newActionsList(), { asOf });
        if (!out.ok) throw new Error(out.problem.code);
        expect(out.value.written).toBe(true);
        expect(out.value.result.added.map((a) => [a.ref, a.row])).toEqual([
          ['3.7', 27],
          ['3.8', 28],
          ['10.4', 79],
        ]);
        const after = await adapter.dump();
        expect(after.map((s) => s.name)).toEqual([...before.map((s) => s.name), auditSheetName]);
        // Every cell of the plan where the move puts it (rows after 26 down 2, after 76 down 3), and the new rows' cells.
        const moved = (r: number) => r + (r > 26 ? 2 : 0) + (r > 76 ? 1 : 0);
        const want: Record<string, CellValue> = {};
        for (const [addr, v] of Object.entries(before[0]?.values ?? {})) {
          const at = parseCellAddress(addr);
          if (at) want[`${letters(at.col)}${moved(at.row)}`] = v;
        }
        Object.assign(want, {
          A27: '3.7', B27: 'Review the senior leadership development programme', C27: 'Director of HR and OD', F27: 43555, H27: 'Not started', I27: 'From the IDeA peer review',
          A28: '3.8', B28: 'Publish a workforce dashboard quarterly', C28: 'Director of HR and OD', F28: 'Dec 2018', H28: 'Not started',
          A79: '10.4', B79: 'Adopt a "digital first" customer strategy', C79: 'Director of Digital and Customer Services', F79: 43646, H79: 'Not started', I79: '=cmd|calc',
        });
        expect(after[0]?.values).toEqual(want);
        expect(after[0]?.formulas).toEqual([]);
        const grey = defaultPalette.grey.fill.toUpperCase();
        expect(after[0]?.fills).toEqual({ H27: grey, H28: grey, H79: grey });
        expect(after[1]).toEqual(before[1]);
        // A date in a new row takes the column's date format.
        expect(await adapter.numberFormat('CIP Monitoring', 'F27')).toBe(await adapter.numberFormat('CIP Monitoring', 'F26'));
        expect(await adapter.numberFormat('CIP Monitoring', 'F79')).toBe(await adapter.numberFormat('CIP Monitoring', 'F78'));

        // Read back as the engine reads it: 65 actions, the new ones under their themes, not started.
        const run = await prepared(adapter.port);
        expect(run.checked.summary.actions).toBe(65);
        expect(jsonReport(run).statusCounts.map((c) => c.count)).toEqual([32, 21, 8, 0, 4]);
        expect(run.checked.plan.actions.filter((a) => ['3.7', '3.8', '10.4'].includes(a.ref ?? '')).map((a) => [a.ref, a.row, a.theme?.key, a.target.kind === 'date' ? a.target.due : null])).toEqual([
          ['3.7', 27, '3', dayFromIso('2019-03-31')],
          ['3.8', 28, '3', dayFromIso('2018-12-31')],
          ['10.4', 79, '10', dayFromIso('2019-06-30')],
        ]);
        expect(run.checked.findings.map((f) => [f.rule, f.cell])).toEqual([
          ['duplicate-ref', 'A16'],
          ['duplicate-ref', 'A17'],
          ['overdue-reported-on-track', 'H51'],
          ['placeholder-date', 'G74'],
        ]);
        const audit = readAuditSheet(run.workbook.sheets.find((s) => firstCell(s) === auditMarker)?.grid ?? null);
        expect(audit.map((e) => [e.ref, e.field, e.old, e.new, e.when, e.source])).toEqual([
          ['3.7', 'added', '', 'Not started', '2018-10-05T10:00:00', "add from 'peer-review.csv'"],
          ['3.8', 'added', '', 'Not started', '2018-10-05T10:00:00', "add from 'peer-review.csv'"],
          ['10.4', 'added', '', 'Not started', '2018-10-05T10:00:00', "add from 'peer-review.csv'"],
        ]);
      });

      it('adds nothing when the same list is added again', async () => {
        const adapter = await make(sampleSetup());
        await addActions(asAddPort(adapter.port), mergeClock, newActionsList(), { asOf });
        const once = await adapter.dump();
        const again = await addActions(asAddPort(adapter.port), mergeClock, newActionsList(), { asOf });
        expect(again.ok && [again.value.written, again.value.result.added.length, again.value.result.already.map((a) => [a.ref, a.planRow])]).toEqual([
          false,
          0,
          [
            ['3.7', 27],
            ['3.8', 28],
            ['10.4', 79],
          ],
        ]);
        expect(await adapter.dump()).toEqual(once);
      });

      it('writes nothing when the list has a problem', async () => {
        const adapter = await make(sampleSetup());
        const before = await adapter.dump();
        const list = newActionsList('Theme,Action\n3,Fine\nCommunity safety,Not a theme of this plan\n');
        const out = await addActions(asAddPort(adapter.port), mergeClock, list, { asOf });
        expect(out.ok && [out.value.written, out.value.result.problems.map((p) => [p.code, 'cell' in p ? p.cell : null])]).toEqual([false, [['unknown-theme', 'A3']]]);
        expect(await adapter.dump()).toEqual(before);
      });

      it('refuses a protected plan sheet before writing anything, and so does the port', async () => {
        const [plan, ...rest] = sampleSetup();
        const adapter = await make([{ ...(plan as SheetSetup), protected: true }, ...rest]);
        const before = await adapter.dump();
        const refused = await addActions(asAddPort(adapter.port), mergeClock, newActionsList(), { asOf }).then(
          () => null,
          (e: unknown) => refusalOf(e),
        );
        expect(refused).toEqual({ code: 'sheet-protected', sheet: 'CIP Monitoring' });
        const direct = await asAddPort(adapter.port)
          .insertRows('CIP Monitoring', [{ afterRow: 26, rows: [[{ col: 2, value: { kind: 'text', text: 'x' } }]] }])
          .then(
            () => null,
            (e: unknown) => refusalOf(e),
          );
        expect(direct).toEqual({ code: 'sheet-protected', sheet: 'CIP Monitoring' });
        expect(await adapter.dump()).toEqual(before);
      });
    });
  });
}

/** A peer review's recommendations (seed 001 Appendix B) as a CSV list, read as the CLI and the panel read one. */
function newActionsList(text = ['Theme,Recommendation,Lead officer,Target date,Comments', '3,Review the senior leadership development programme,Director of HR and OD,31/03/2019,From the IDeA peer review', 'Effective management,Publish a workforce dashboard quarterly,Director of HR and OD,Dec 2018,', '10.x,"Adopt a ""digital first"" customer strategy",Director of Digital and Customer Services,30/06/2019,=cmd|calc'].join('\r\n')): ActionList {
  const read = csvList('peer-review.csv', text);
  if (!read.ok) throw new Error(read.problem.code);
  return read.list;
}

function asAddPort(port: WorkbookPort): AddPort {
  if (!port.insertRows) throw new Error('this adapter does not insert rows');
  return port as AddPort;
}

export function letters(col: number): string {
  let s = '';
  for (let n = col; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return s;
}

function expandRange(range: string): string[] {
  const m = /^([A-Z]+)(\d+)(?::([A-Z]+)(\d+))?$/.exec(range);
  if (!m) throw new Error(range);
  const [, c1 = 'A', r1 = '1', c2 = c1, r2 = r1] = m;
  if (c1 !== c2) throw new Error('only single-column ranges in status fills');
  return Array.from({ length: Number(r2) - Number(r1) + 1 }, (_, i) => `${c1}${Number(r1) + i}`);
}
