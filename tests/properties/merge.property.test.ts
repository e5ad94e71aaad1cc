/**
 * Property tests of merging replies (issue 14): random plans, random replies, rows moved in the plan
 * and in the replies, the plan edited between request and merge. Whatever the officers typed is
 * either in the plan afterwards or listed as a conflict (no typed value lost); nothing but the three
 * fields of action rows changes; merging again changes nothing. And the .xlsx writer changes only
 * the cells it is given, whatever they held.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { dayFromYmd, serialFromDay } from '../../shared/dates/day';
import { formatDay } from '../../shared/dates/format-date';
import { parseRangeAddress } from '../../shared/grid/a1';
import { parseDate } from '../../shared/dates/parse-date';
import type { CellValue, GridSnapshot } from '../../shared/grid/grid';
import type { CellEdit, CellWrite } from '../../shared/merge/cell-edits';
import { mergeReplies } from '../../shared/merge/merge-replies';
import { commentaryKey, dateKey, statusKey, type UpdateField } from '../../shared/requests/field-values';
import { requestHeadings, updateRequests } from '../../shared/requests/update-request';
import type { PreparedRun } from '../../shared/run/prepare-run';
import { statusLookup } from '../../shared/status/normalise';
import { XlsxWorkbookPort } from '../../src/xlsx/xlsx-port';
import { planGrid, type TestRow } from '../helpers/plan-grid';
import { formGrid, runOf } from '../merge/helpers';

const numRuns = Number(process.env.PROPERTY_RUNS ?? 150);

// Plan columns (planGrid): A Ref, B Action, C Lead, D Target, E Revised, F Status, G Commentary.
const planCol: Record<UpdateField, number> = { status: 6, 'revised date': 5, commentary: 7 };
const replyColumn = (heading: string) => Object.keys(requestHeadings).indexOf(heading) + 1;
const replyCol: Record<UpdateField, number> = { status: replyColumn('status'), 'revised date': replyColumn('revised'), commentary: replyColumn('commentary') };
const fields: UpdateField[] = ['status', 'revised date', 'commentary'];
const open = ['On track', 'Some slippage', 'Major slippage', 'Not started'];

/** A value as typed into a cell: text, or a serial the host marks as a date. */
type Typed = { value: CellValue; date?: boolean };

const dayArb = fc.integer({ min: dayFromYmd(2018, 1, 1), max: dayFromYmd(2020, 12, 31) });
const statusArb = fc.constantFrom('Completed', ...open, 'amber', 'done', 'ON TRACK', 'not yet started');
const revisedArb: fc.Arbitrary<Typed> = fc.oneof(
  fc.constant({ value: null }),
  dayArb.map((d) => ({ value: serialFromDay(d), date: true })),
  dayArb.map((d) => ({ value: formatDay(d) })),
  fc.constantFrom({ value: 'Nov 2018' }, { value: 'Q3 2018/19' }, { value: 'TBC' }, { value: 'March 2019' }),
);
const commentaryArb: fc.Arbitrary<string> = fc.oneof(fc.string({ maxLength: 30 }), fc.constantFrom('=cmd|calc', '+1', '-1 day late', '@SUM(A1)', '  spaced  ', 'two\nlines', '<b>x</b> & _x0041_'));
const typedArb: Record<UpdateField, fc.Arbitrary<Typed>> = {
  status: statusArb.map((value) => ({ value })),
  'revised date': revisedArb,
  commentary: commentaryArb.map((value) => ({ value })),
};

interface GenAction {
  ref: string;
  lead: string;
  status: string;
  revised: Typed;
  commentary: string;
}

const actionArb: fc.Arbitrary<GenAction> = fc.record({
  // A small pool of refs, so some repeat (as 2.4 does in a real plan): the wording tells them apart.
  ref: fc.constantFrom('1.1', '1.2', '2.4', '3.1', '3.2', '4.10'),
  lead: fc.constantFrom('Chief Executive', 'Jo Bloggs', 'Head of ICT'),
  status: fc.constantFrom(...open),
  revised: revisedArb,
  commentary: commentaryArb,
});

/** An officer's change to one field of one line of their reply. */
const editArb = fc.record({ line: fc.nat(), field: fc.constantFrom(...fields), typed: fc.constantFrom(...fields).chain((f) => typedArb[f]) });

const scenarioArb = fc.record({
  actions: fc.array(actionArb, { minLength: 1, maxLength: 10 }),
  edits: fc.array(editArb, { maxLength: 12 }),
  /** The plan's rows after the requests went out: a permutation, and maybe an action added on top. */
  planOrder: fc.array(fc.nat(), { maxLength: 10 }),
  added: fc.boolean(),
  /** Plan cells edited between request and merge: action index, field, new value. */
  planEdits: fc.array(fc.record({ action: fc.nat(), field: fc.constantFrom(...fields), typed: fc.constantFrom(...fields).chain((f) => typedArb[f]) }), { maxLength: 4 }),
  /** Each reply's lines shuffled. */
  replyOrder: fc.array(fc.nat(), { maxLength: 10 }),
});

/** A field's typed value as the field reads it (a status of the scheme, a date's deadline, commentary). */
function keyOf(run: PreparedRun, f: UpdateField, t: Typed): string {
  if (f === 'status') return statusKey(typeof t.value === 'string' ? t.value : '', statusLookup(run.checked.scheme));
  if (f === 'revised date') return dateKey(parseDate(t.value, { order: 'day-first', isDateCell: t.date === true }));
  return commentaryKey(typeof t.value === 'string' ? t.value : '');
}

/** Fits a generated value to its field: a status stays a status of the scheme, text stays text. */
function fit(f: UpdateField, t: Typed): Typed {
  if (f === 'status') return typeof t.value === 'string' && [...open, 'Completed', 'amber', 'done', 'ON TRACK', 'not yet started'].includes(t.value) ? t : { value: 'On track' };
  if (f === 'commentary') return { value: typeof t.value === 'string' ? t.value : String(t.value ?? '') };
  return t.value === null || t.date || (typeof t.value === 'string' && parseDate(t.value, { order: 'day-first' }).kind !== 'invalid') ? t : { value: null };
}

/** Orders `items` by the keys given (a permutation from arbitrary numbers; the rest in their order). */
function permuted<T>(items: readonly T[], keys: readonly number[]): T[] {
  return items.map((item, i) => ({ item, k: keys[i] ?? i + 1000, i })).sort((a, b) => a.k - b.k || a.i - b.i).map((x) => x.item);
}

function rowOf(a: GenAction, i: number): TestRow {
  return { ref: a.ref, action: `Action ${i} of the plan`, lead: a.lead, target: '31/12/2018', revised: a.revised.value, status: a.status, commentary: a.commentary };
}

function gridOf(rows: TestRow[]): GridSnapshot {
  const grid = planGrid(rows);
  grid.dates = grid.values.map((cells, r) => cells.map((_, c) => c === 4 && r >= 3 && (rows[r - 3]?.revised !== undefined) && typeof rows[r - 3]?.revised === 'number'));
  return grid;
}

function setCell(grid: GridSnapshot, row: number, col: number, t: Typed): void {
  (grid.values[row - 1] ??= [])[col - 1] = t.value;
  ((grid.dates ??= [])[row - 1] ??= [])[col - 1] = t.date === true;
}

/** What a host does with the edits, on the grid. */
function applied(grid: GridSnapshot, edits: readonly CellEdit[]): GridSnapshot {
  const next: GridSnapshot = { ...grid, values: grid.values.map((r) => [...r]), dates: (grid.dates ?? []).map((r) => [...(r ?? [])]) };
  for (const e of edits) setCell(next, e.row, e.col, e.value.kind === 'text' ? { value: e.value.text } : e.value.kind === 'date' ? { value: e.value.serial, date: true } : { value: null });
  return next;
}

describe('merging replies (property)', () => {
  it('loses no typed value, changes nothing but the three fields, and merging again changes nothing', () => {
    // Counted across runs, so the property is seen to place values and meet conflicts, not pass by doing nothing.
    const seen = { placed: 0, conflicts: 0, moved: 0 };
    fc.assert(
      fc.property(scenarioArb, (s) => {
        const rows = s.actions.map(rowOf);
        const before = runOf(gridOf(rows));
        // The officers' replies, edited.
        const replies = updateRequests(before).map((r) => ({ file: r.file, grid: formGrid(r.form) }));
        const typed = new Map<string, { field: UpdateField; t: Typed }>();
        for (const e of s.edits) {
          const reply = replies[e.line % replies.length];
          if (!reply) continue;
          const lines = reply.grid.values.length - 3;
          const r = 4 + (Math.floor(e.line / replies.length) % lines);
          const t = fit(e.field, e.typed);
          setCell(reply.grid, r, replyCol[e.field], t);
          typed.set(`${String(reply.grid.values[r - 1]?.[1])}\u0000${e.field}`, { field: e.field, t });
        }
        for (const reply of replies) {
          const [head, lines] = [reply.grid.values.slice(0, 3), reply.grid.values.slice(3)];
          const dates = reply.grid.dates ?? [];
          const order = permuted(lines.map((_, i) => i), s.replyOrder);
          reply.grid.values = [...head, ...order.map((i) => lines[i] as CellValue[])];
          reply.grid.dates = [...dates.slice(0, 3), ...order.map((i) => dates[i + 3] ?? [])];
        }
        // The plan moved about, and edited, after the requests went out.
        const moved = permuted(rows, s.planOrder);
        if (s.added) moved.unshift({ ref: '9.9', action: 'An action added since', lead: 'Jo Bloggs', target: '31/12/2018', status: 'On track' });
        const plan = gridOf(moved);
        const planEdited = new Map<string, Typed>();
        for (const e of s.planEdits) {
          const wording = `Action ${e.action % rows.length} of the plan`;
          const r = moved.findIndex((m) => m.action === wording) + 4;
          const t = fit(e.field, e.typed);
          setCell(plan, r, planCol[e.field], t);
          planEdited.set(`${wording}\u0000${e.field}`, t);
        }
        const run = runOf(plan);
        const replyInputs = replies.map((r) => ({ file: r.file, workbook: { sheets: [{ name: 'Update request', visibility: 'visible' as const, grid: r.grid }] } }));
        const result = mergeReplies(run, replyInputs, { when: '2018-10-05T10:00:00' });
        expect(result.refused).toEqual([]);
        expect(result.audit?.added ?? 0).toBe(result.changes.length);
        seen.placed += result.changes.length;
        seen.conflicts += result.conflicts.length;
        seen.moved += result.changes.filter((c) => before.checked.plan.actions.find((a) => a.action === c.action)?.row !== Number(c.planCell.slice(1))).length;

        // Nothing but the status, revised date and commentary of action rows is written.
        const actionRows = new Set(run.checked.plan.actions.map((a) => a.row));
        for (const e of result.edits) {
          expect(actionRows.has(e.row)).toBe(true);
          expect(Object.values(planCol)).toContain(e.col);
        }
        const after = runOf(applied(plan, result.edits));
        const cellsOutside = (g: GridSnapshot) => g.values.map((cells, r) => cells.map((v, c) => (actionRows.has(r + 1) && Object.values(planCol).includes(c + 1) ? '·' : v)));
        expect(cellsOutside(applied(plan, result.edits))).toEqual(cellsOutside(plan));

        // Every value an officer typed is in the plan now, or listed as a conflict with the plan's value kept.
        for (const [k, { field, t }] of typed) {
          const [wording] = k.split('\u0000') as [string];
          const a = after.checked.plan.actions.find((x) => x.action === wording);
          expect(a).toBeDefined();
          if (!a) continue;
          const now = field === 'status' ? statusKey(a.statusText, statusLookup(after.checked.scheme)) : field === 'revised date' ? dateKey(a.revised) : commentaryKey(a.commentary ?? '');
          const sent = before.checked.plan.actions.find((x) => x.action === wording) as (typeof before.checked.plan.actions)[number];
          const sentKey = field === 'status' ? statusKey(sent.statusText, statusLookup(before.checked.scheme)) : field === 'revised date' ? dateKey(sent.revised) : commentaryKey(sent.commentary ?? '');
          const want = keyOf(run, field, t);
          if (want === sentKey) continue;
          const conflict = result.conflicts.find((c) => c.action === wording && c.field === field);
          if (now === want) expect(conflict).toBeUndefined();
          else {
            expect(conflict).toBeDefined();
            expect(planEdited.has(k)).toBe(true);
            expect(now).toBe(keyOf(run, field, planEdited.get(k) as Typed));
          }
        }

        // The same replies again: nothing to change, nothing added to the audit trail.
        const again = mergeReplies(after, replyInputs, { when: '2018-10-06T10:00:00' });
        expect(again.changes).toEqual([]);
        expect(again.edits).toEqual([]);
        expect(again.audit).toBeNull();
      }),
      { numRuns },
    );
    expect(seen.placed).toBeGreaterThan(numRuns);
    expect(seen.conflicts).toBeGreaterThan(0);
    expect(seen.moved).toBeGreaterThan(0);
  });
});

describe('the .xlsx value writer (property)', () => {
  const sample = readFileSync(path.resolve(__dirname, '../../samples/cip-monitoring-sept-2018.xlsx'));
  const writeArb: fc.Arbitrary<CellWrite> = fc.oneof(
    fc.string({ maxLength: 20 }).map((text) => ({ kind: 'text' as const, text: text.trim() === '' ? 'x' : text })),
    dayArb.map((d) => ({ kind: 'date' as const, serial: serialFromDay(d) })),
    fc.constant({ kind: 'blank' as const }),
  );
  // Anywhere on the sheet, past its used range too: cells it holds, empty ones, rows it lacks.
  const editsArb = fc.uniqueArray(fc.record({ row: fc.integer({ min: 1, max: 90 }), col: fc.integer({ min: 1, max: 12 }), value: writeArb }), { selector: (e) => `${e.row}:${e.col}`, maxLength: 15 });

  it('writes exactly the cells it is given, and every other cell reads as it did', async () => {
    const original = (await XlsxWorkbookPort.open(sample).readWorkbook()).sheets[0]?.grid as GridSnapshot;
    await fc.assert(
      fc.asyncProperty(editsArb, async (edits) => {
        const port = XlsxWorkbookPort.open(sample);
        const formulas = port.formulaCells('CIP Monitoring');
        expect(formulas.size).toBe(0);
        await port.setCellValues('CIP Monitoring', edits);
        const grid = (await XlsxWorkbookPort.open(port.toBytes()).readWorkbook()).sheets[0]?.grid as GridSnapshot;
        const at = (g: GridSnapshot, r: number, c: number) => [g.values[r - 1]?.[c - 1] ?? null, g.dates?.[r - 1]?.[c - 1] === true];
        const edited = new Map(edits.map((e) => [`${e.row}:${e.col}`, e.value]));
        // A merged area shows only its first cell's value, whatever the others hold.
        const hidden = new Set<string>();
        for (const m of original.merges ?? []) {
          const r = parseRangeAddress(m);
          if (!r) continue;
          for (let row = r.top; row <= r.bottom; row++) for (let col = r.left; col <= r.right; col++) if (row !== r.top || col !== r.left) hidden.add(`${row}:${col}`);
        }
        const rows = Math.max(original.values.length, grid.values.length);
        for (let r = 1; r <= rows; r++) {
          for (let c = 1; c <= 12; c++) {
            const w = edited.get(`${r}:${c}`);
            if (hidden.has(`${r}:${c}`)) continue;
            if (!w) expect(at(grid, r, c)).toEqual(at(original, r, c));
            else expect(at(grid, r, c)).toEqual(w.kind === 'text' ? [w.text, false] : w.kind === 'date' ? [w.serial, true] : [null, false]);
          }
        }
      }),
      { numRuns: Math.ceil(numRuns / 3) },
    );
  });
});
