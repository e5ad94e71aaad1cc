/**
 * Runs one hostile case through one adapter: read → prepareRun (as of 30/09/2018) → planEdits
 * (colours + summary) → applyEditPlan → dump → again → dump, asserting the "Nothing lost"
 * invariants, and that the outcome matches the in-memory reference adapter's.
 */
import { afterAll, afterEach, beforeAll, expect } from 'vitest';
import { dayFromIso } from '../../shared/dates/day';
import { cellAddress, parseCellAddress } from '../../shared/grid/a1';
import { cellText, gridColumnCount } from '../../shared/grid/grid';
import { planEdits, type PreparedRun } from '../../shared/run/prepare-run';
import { readRun } from '../../shared/run/read-run';
import type { AdapterUnderTest, SheetDump } from '../contract/adapter-contract';
import { excelFactory, memoryFactory, sheetsFactory, xlsxFactory, type AdapterName, type HostileFactory } from '../contract/adapters';
import { loadExcelClient, useGlobals, type ExcelClient } from '../../test-hosts/excel/load-excel-client';
import { plainMessage } from '../../src/ui/panel-controller';
import type { HostileCase } from './corpus';

const asOf = dayFromIso('2018-09-30') ?? 0;

/**
 * The four adapters, for a test file: registers the hooks that load Microsoft's Excel client once
 * and remove the fake Apps Script globals after each test.
 */
export function hostileAdapters(): [AdapterName, HostileFactory][] {
  let client: ExcelClient | undefined;
  let restore: (() => void) | undefined;
  beforeAll(() => {
    client = loadExcelClient();
    restore = useGlobals(client);
  });
  afterAll(() => {
    restore?.();
    client?.close();
  });
  const g = globalThis as Record<string, unknown>;
  const installed: string[] = [];
  afterEach(() => {
    for (const k of installed.splice(0)) delete g[k];
  });
  return [
    ['in-memory', memoryFactory],
    ['.xlsx package (CLI)', xlsxFactory],
    [
      'Office.js (real client, fake host)',
      excelFactory(() => {
        if (!client) throw new Error('the Excel client is not loaded');
        return client;
      }),
    ],
    ['Apps Script (fake SpreadsheetApp)', sheetsFactory(installed)],
  ];
}

/** Why a message is not one a person can read (one line, no stack, no leaked JavaScript), or null. */
function unplain(message: unknown): string | null {
  if (typeof message !== 'string' || message.length === 0) return 'not a sentence';
  if (/[\r\n]/.test(message)) return 'more than one line';
  if (/\bat \S+ \(|\bat .*:\d+:\d+|Error:|TypeError|RangeError/.test(message)) return 'a stack trace or error name';
  if (/undefined|\[object|NaN/.test(message)) return 'leaked JavaScript';
  if (!/[.!?)]$/.test(message)) return 'no full stop';
  return null;
}

export function expectPlain(message: string, what: string): void {
  expect(unplain(message), `${what}: ${message}`).toBeNull();
}

/**
 * Large values compared cheaply first: a plan of 100,000 actions makes dumps of a million cells,
 * and toEqual's diffing is only worth its cost when they differ.
 */
function expectSame<T>(actual: T, expected: T, what: string): void {
  if (JSON.stringify(actual) === JSON.stringify(expected)) return;
  expect(actual, what).toEqual(expected);
}

/** Every string typed in the user's sheets, as typed and as the engine tidies it. */
function userStrings(c: HostileCase): Set<string> {
  const out = new Set<string>();
  for (const s of c.sheets)
    for (const row of s.rows)
      for (const v of row)
        if (typeof v === 'string' && v !== '') {
          out.add(v);
          out.add(cellText(v));
        }
  return out;
}

function userSheetsOf(c: HostileCase): string[] {
  return c.sheets.map((s) => s.name).filter((n) => !c.toolSheets?.includes(n));
}

function expectUserSheetsKept(c: HostileCase, before: SheetDump[], after: SheetDump[], when: string): void {
  for (const name of userSheetsOf(c)) {
    const b = before.find((s) => s.name === name);
    const a = after.find((s) => s.name === name);
    expect(b, `${when}: sheet '${name}' before`).toBeDefined();
    expect(a, `${when}: sheet '${name}' still there`).toBeDefined();
    expectSame(a?.values, b?.values, `${when}: values of '${name}'`);
    expectSame(a?.formulas, b?.formulas, `${when}: formulas of '${name}'`);
  }
}

/** Every finding points at a real cell of a sheet that was read, and says so in plain words: one assertion over all of them. */
function expectFindingsAddressed(run: PreparedRun): void {
  const wrong: string[] = [];
  const widths = new Map<string, number>();
  for (const f of run.checked.findings) {
    const what = `finding ${f.rule} at ${f.cell} (row ${f.row})`;
    const grid = run.workbook.sheets.find((s) => s.name === f.sheet)?.grid;
    if (!grid) {
      wrong.push(`${what}: no sheet '${f.sheet}'`);
      continue;
    }
    let width = widths.get(f.sheet);
    if (width === undefined) widths.set(f.sheet, (width = gridColumnCount(grid)));
    const at = parseCellAddress(f.cell);
    if (!at || cellAddress(at.row, at.col) !== f.cell) wrong.push(`${what}: not an A1 address`);
    else if (at.row !== f.row) wrong.push(`${what}: row disagrees`);
    else if (at.row < grid.top || at.row > grid.top + grid.values.length - 1 || at.col < grid.left || at.col > grid.left + width - 1) wrong.push(`${what}: outside the sheet's used range`);
    const why = unplain(f.message);
    if (why) wrong.push(`${what}: message has ${why}: ${f.message}`);
  }
  expect(wrong.slice(0, 10), 'findings that do not point at a real cell in plain words').toEqual([]);
}

function expectCountsAddUp(c: HostileCase, run: PreparedRun): void {
  const s = run.checked.summary;
  const n = run.checked.plan.actions.length;
  expect(s.statusCounts.reduce((t, x) => t + x.count, 0), 'status counts add up to the action rows').toBe(n);
  expect(s.actions).toBe(n);
  expect(s.total).toBe(n);
  expect(run.checked.assessments).toHaveLength(n);
  expect(s.byTheme.total).toBe(n);
  expect(s.byTheme.rows.reduce((t, r) => t + r.total, 0), 'theme rows add up').toBe(n);
  expect(s.byLead.rows.reduce((t, r) => t + r.total, 0), 'lead rows add up').toBe(n);
  if (c.actions !== undefined) expect(n, 'action rows').toBe(c.actions);
  if (c.statusCounts) expect(Object.fromEntries(s.statusCounts.filter((x) => x.count > 0).map((x) => [x.status, x.count]))).toEqual(c.statusCounts);
  for (const rule of c.mustFind ?? []) expect(run.checked.findings.map((f) => f.rule), `finds ${rule}`).toContain(rule);
}

function expectSummaryLiteral(c: HostileCase, run: PreparedRun, dump: SheetDump[], summary: { name: string; values: (string | number | null)[][] }): void {
  const sheet = dump.find((s) => s.name === summary.name);
  expect(sheet, `summary sheet '${summary.name}'`).toBeDefined();
  expect(sheet?.formulas, 'no formula on the summary sheet').toEqual([]);
  const typed = userStrings(c);
  const wrong: string[] = [];
  summary.values.forEach((row, r) =>
    row.forEach((v, col) => {
      if (typeof v !== 'string' || v === '') return;
      const addr = cellAddress(r + 1, col + 1);
      const got = sheet?.values[addr];
      if (got !== v) wrong.push(`summary ${addr} (${typed.has(v) ? 'copied from the user' : 'made by the engine'}) is ${JSON.stringify(got)}, planned ${JSON.stringify(v)}`);
    }),
  );
  expect(wrong.slice(0, 10), 'summary cells written as planned').toEqual([]);
  // The summary never lands on a user's sheet.
  for (const name of userSheetsOf(c)) expect(summary.name.toLowerCase(), `summary name vs user sheet '${name}'`).not.toBe(name.toLowerCase());
  void run;
}

/** As every host does: read, and read the fills of empty status cells where the first read had none. */
async function prepare(adapter: AdapterUnderTest) {
  return (await readRun(adapter.port, { asOf, today: asOf })).run;
}

/** What the engine made of a case: the same on every host, since every host runs one engine. */
function outcomeOf(run: PreparedRun | { ok: false; message: string }) {
  if (!run.ok) return { refused: run.message };
  const c = run.checked;
  return { actions: c.plan.actions.length, counts: c.summary.statusCounts.map((x) => `${x.status} ${x.count}`), findings: c.findings.map((f) => `${f.rule} ${f.cell}`) };
}

const reference = new Map<string, ReturnType<typeof outcomeOf>>();
/** The in-memory adapter's outcome of a case: the reference every other adapter must match. */
async function referenceOutcome(c: HostileCase) {
  let o = reference.get(c.name);
  if (!o) {
    o = outcomeOf(await prepare(await memoryFactory(c.sheets)));
    reference.set(c.name, o);
  }
  return o;
}

function expectNotes(c: HostileCase, adapterName: AdapterName, notes: string[]): void {
  const want = c.mustNote?.[adapterName] !== undefined ? c.mustNote[adapterName] : c.mustNote?.all;
  if (want === undefined) return;
  if (want === null) expect(notes.filter((n) => /hidden|filter/i.test(n)), 'no note on hidden rows on this host').toEqual([]);
  else expect(notes.some((n) => want.test(n)), `a note matching ${want} among ${JSON.stringify(notes)}`).toBe(true);
}

export async function runCase(c: HostileCase, adapterName: AdapterName, make: HostileFactory): Promise<void> {
  const adapter = await make(c.sheets);
  const before = await adapter.dump();
  const run = await prepare(adapter);
  // Same engine, same input: every host must count and find exactly what the reference host does.
  expect(outcomeOf(run), 'the same outcome as the in-memory reference').toEqual(await referenceOutcome(c));

  if (!run.ok) {
    expectPlain(run.message, 'failure message');
    expect(c.expect, `prepareRun refused: ${run.message}`).not.toBe('checks');
    if (c.expect !== 'checks') expect(run.message).toMatch(c.expect.failure);
    expectUserSheetsKept(c, before, await adapter.dump(), 'after a refusal');
    return;
  }
  expect(c.expect, 'prepareRun succeeded').toBe('checks');
  for (const note of run.notes) expectPlain(note, 'note');
  expectNotes(c, adapterName, run.notes);
  expectCountsAddUp(c, run);
  expectFindingsAddressed(run);

  const plan = planEdits(run, { colours: true, summary: true });
  if (c.applyRefused) {
    const refusal = await adapter.port.applyEditPlan(plan).then(
      () => null,
      (e: unknown) => plainMessage(e),
    );
    expect(refusal, 'apply refuses').not.toBeNull();
    expectPlain(refusal ?? '', 'refusal');
    expect(refusal).toMatch(c.applyRefused);
    expect(await adapter.dump(), 'nothing half-written').toEqual(before);
    return;
  }
  await adapter.port.applyEditPlan(plan);
  const first = await adapter.dump();
  expectUserSheetsKept(c, before, first, 'after the first apply');
  if (plan.summary) expectSummaryLiteral(c, run, first, plan.summary);

  const again = await prepare(adapter);
  expect(again.ok, 'the second read still checks').toBe(true);
  if (!again.ok) return;
  const plan2 = planEdits(again, { colours: true, summary: true });
  expect(plan2.summary?.name, 'the second apply rewrites the same summary sheet').toBe(plan.summary?.name);
  await adapter.port.applyEditPlan(plan2);
  const second = await adapter.dump();
  expectSame(second, first, 'apply is idempotent');
}
