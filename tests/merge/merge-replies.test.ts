// The merge engine over grid snapshots: what it places, what it refuses (with the words), the
// conflicts it lists, rows moved on either side, the audit rows and a second merge changing nothing.
import { describe, expect, it } from 'vitest';
import { auditMarker, readAuditSheet, type AuditEntry } from '../../shared/audit/audit-trail';
import { auditRows } from '../../shared/audit/audit-trail';
import type { CellValue, GridSnapshot } from '../../shared/grid/grid';
import type { CellEdit } from '../../shared/merge/cell-edits';
import { describeConflict, describeMergeProblem, mergeReport } from '../../shared/merge/merge-messages';
import type { PreparedRun } from '../../shared/run/prepare-run';
import { planGrid, type TestRow } from '../helpers/plan-grid';
import { row } from '../helpers/rule-tester';
import { mergeReplies, type MergeResult } from '../../shared/merge/merge-replies';
import { planRun, replyFor, runOf, type Reply } from './helpers';

// Plan columns: A Ref, B Action, C Lead officer, D Target, E Revised, F Status, G Commentary; rows from 4.
const rows: TestRow[] = [
  row({ ref: '1.1' }),
  row({ ref: '1.2', action: 'Publish the workforce strategy', status: 'Some slippage', revised: 'Nov 2018', commentary: 'Consultation ran late.' }),
  row({ ref: '1.3', action: 'Complete the audit', lead: 'Jo Bloggs', status: 'Completed' }),
  row({ ref: '2.4', action: 'Train members on planning' }),
  row({ ref: '2.4', action: 'Train officers on planning', status: 'Not started', commentary: null }),
];
const ce = 'Chief Executive';

function merge(run: PreparedRun, replies: Reply[], formulaCells?: Set<string>): MergeResult {
  return mergeReplies(
    run,
    replies.map((r) => ({ file: r.file, workbook: r.workbook })),
    { when: '2018-10-05T10:00:00', formulaCells },
  );
}
const file = '01-chief-executive.xlsx';

/** What a host does with the edits, on the grid: for a second merge over the merged plan. */
function applied(grid: GridSnapshot, edits: readonly CellEdit[]): GridSnapshot {
  const values = grid.values.map((r) => [...r]);
  const dates = (grid.dates ?? []).map((r) => [...(r ?? [])]);
  for (const e of edits) {
    const r = e.row - grid.top;
    const c = e.col - grid.left;
    (values[r] ??= [])[c] = e.value.kind === 'text' ? e.value.text : e.value.kind === 'date' ? e.value.serial : null;
    (dates[r] ??= [])[c] = e.value.kind === 'date';
  }
  return { ...grid, values, dates };
}

const edited = (edit: (r: Reply) => void, plan = planRun(rows)) => {
  const reply = replyFor(plan, ce);
  edit(reply);
  return merge(plan, [reply]);
};

describe('merge: what the officer typed, placed', () => {
  const valid: [string, (r: Reply) => void, [string, string, string][], CellEdit['value'][]][] = [
    ['a status from the list', (r) => r.set('1.1', 'status', 'Some slippage'), [['F4', 'On track', 'Some slippage']], [{ kind: 'text', text: 'Some slippage' }]],
    ['a status typed as one of its other words, as its label', (r) => r.set('1.1', 'status', 'amber'), [['F4', 'On track', 'Some slippage']], [{ kind: 'text', text: 'Some slippage' }]],
    ['a revised date typed as a date', (r) => r.set('1.1', 'revised', 43465, { date: true }), [['E4', '', '31/12/2018']], [{ kind: 'date', serial: 43465 }]],
    ['a revised date typed as text, as a real date', (r) => r.set('1.1', 'revised', '15/01/2019'), [['E4', '', '15/01/2019']], [{ kind: 'date', serial: 43480 }]],
    ['a month typed as text, kept as typed', (r) => r.set('1.1', 'revised', 'Jan 2019'), [['E4', '', 'Jan 2019']], [{ kind: 'text', text: 'Jan 2019' }]],
    ['a month typed into a date cell showing the month, as the month', (r) => r.set('1.1', 'revised', 43466, { date: true, month: true }), [['E4', '', 'Jan 2019']], [{ kind: 'text', text: 'Jan 2019' }]],
    ['TBC as the revised date', (r) => r.set('1.1', 'revised', 'TBC'), [['E4', '', 'TBC']], [{ kind: 'text', text: 'TBC' }]],
    ['a revised date cleared', (r) => r.set('1.2', 'revised', null), [['E5', 'Nov 2018', '']], [{ kind: 'blank' }]],
    ['commentary that looks like a formula, as text', (r) => r.set('1.1', 'commentary', '=cmd|calc'), [['G4', 'Draft agreed by the board.', '=cmd|calc']], [{ kind: 'text', text: '=cmd|calc' }]],
    ['commentary on two lines, as typed', (r) => r.set('1.1', 'commentary', 'Agreed.\nSigned 3 Oct.'), [['G4', 'Draft agreed by the board.', 'Agreed.\nSigned 3 Oct.']], [{ kind: 'text', text: 'Agreed.\nSigned 3 Oct.' }]],
    ['commentary cleared', (r) => r.set('1.2', 'commentary', ''), [['G5', 'Consultation ran late.', '']], [{ kind: 'blank' }]],
    ['the second 2.4, on its own row', (r) => r.set('2.4', 'status', 'On track', { nth: 2 }), [['F8', 'Not started', 'On track']], [{ kind: 'text', text: 'On track' }]],
    ['nothing changed', () => undefined, [], []],
    ['the same deadline retyped in another style', (r) => r.set('1.2', 'revised', '30/11/2018'), [], []],
    ['a status retyped in other case', (r) => r.set('1.1', 'status', 'ON TRACK'), [], []],
  ];
  it.each(valid)('%s', (_name, edit, changes, writes) => {
    const result = edited(edit);
    expect(result.refused).toEqual([]);
    expect(result.conflicts).toEqual([]);
    expect(result.changes.map((c) => [c.planCell, c.old, c.new])).toEqual(changes);
    expect(result.edits.map((e) => e.value)).toEqual(writes);
    expect(result.audit?.added ?? 0).toBe(changes.length);
  });

  it('records each change in the audit trail, after what is there, naming the reply by its file name', () => {
    const earlier: AuditEntry = { when: '2018-07-01T09:00:00', period: 'June 2018', ref: '1.1', action: 'Agree the partnership vision', field: 'status', old: 'Not started', new: 'On track', source: 'seen between periods' };
    const audit = { sheet: 'Plan Monitor Audit', top: 1, left: 1, values: auditRows([earlier]) as CellValue[][] };
    const plan = runOf(planGrid(rows), undefined, [{ name: 'Plan Monitor Audit', visibility: 'hidden', grid: audit }]);
    const reply = replyFor(plan, ce, 'replies/01-chief-executive.xlsx').set('1.1', 'status', 'Completed').set('1.1', 'commentary', 'Agreed by Cabinet.');
    const result = merge(plan, [reply]);
    expect(result.audit?.sheet).toBe('Plan Monitor Audit');
    expect(result.audit?.rows[0]?.[0]).toBe(auditMarker);
    const entries = readAuditSheet({ sheet: 'A', top: 1, left: 1, values: result.audit?.rows ?? [] });
    expect(entries[0]).toEqual(earlier);
    expect(entries.slice(1).map((e) => [e.when, e.period, e.ref, e.action, e.field, e.old, e.new, e.source])).toEqual([
      ['2018-10-05T10:00:00', '', '1.1', 'Agree the partnership vision', 'status', 'On track', 'Completed', "merge of reply '01-chief-executive.xlsx'"],
      ['2018-10-05T10:00:00', '', '1.1', 'Agree the partnership vision', 'commentary', 'Draft agreed by the board.', 'Agreed by Cabinet.', "merge of reply '01-chief-executive.xlsx'"],
    ]);
  });

  it('merging the same reply again changes nothing and adds no audit rows', () => {
    const plan = planRun(rows);
    const reply = replyFor(plan, ce).set('1.1', 'status', 'Some slippage').set('1.1', 'revised', 43480, { date: true }).set('1.2', 'commentary', '=cmd|calc');
    const first = merge(plan, [reply]);
    expect(first.changes).toHaveLength(3);
    const again = merge(runOf(applied(planGrid(rows), first.edits)), [reply]);
    expect(again).toMatchObject({ changes: [], edits: [], conflicts: [], refused: [], audit: null });
    // The same reply twice in one run: the second finds its values already there.
    expect(merge(plan, [reply, reply]).changes).toHaveLength(3);
  });

  it('matches rows moved in the plan since the request, and rows moved in the reply', () => {
    const plan = planRun(rows);
    const reply = replyFor(plan, ce).set('1.1', 'status', 'Completed').set('1.2', 'status', 'Major slippage');
    // The reply's two lines swapped...
    const [a, b] = [reply.rowOf('1.1'), reply.rowOf('1.2')];
    [reply.grid.values[a], reply.grid.values[b]] = [reply.grid.values[b] as CellValue[], reply.grid.values[a] as CellValue[]];
    // ...and the plan's rows moved: 1.2 first, a new action above both.
    const moved = planRun([row({ ref: '0.1', action: 'A new action' }), rows[1] as TestRow, rows[0] as TestRow, ...rows.slice(2)]);
    const result = merge(moved, [reply]);
    expect(result.changes.map((c) => [c.planCell, c.ref, c.new])).toEqual([
      ['F5', '1.2', 'Major slippage'],
      ['F6', '1.1', 'Completed'],
    ]);
  });

  it('matches an action reworded since the request by its ref', () => {
    const plan = planRun(rows);
    const reply = replyFor(plan, ce).set('1.2', 'status', 'On track');
    const reworded = planRun(rows.map((r) => (r.ref === '1.2' ? { ...r, action: 'Publish the new workforce strategy' } : r)));
    expect(merge(reworded, [reply]).changes.map((c) => c.planCell)).toEqual(['F5']);
  });
});

describe('merge: conflicts', () => {
  const plan = planRun(rows);
  const reply = replyFor(plan, ce).set('1.1', 'status', 'Some slippage').set('1.2', 'commentary', 'Out next month.');
  // The plan edited after the requests went out.
  const since = planRun(rows.map((r) => (r.ref === '1.1' ? { ...r, status: 'Completed' } : r.ref === '1.2' ? { ...r, commentary: 'Delayed by the election.' } : r)));

  it('lists a plan cell changed since the request instead of overwriting it, and places the rest', () => {
    const result = merge(since, [reply.set('2.4', 'commentary', 'Booked.')]);
    expect(result.edits).toEqual([{ row: 7, col: 7, value: { kind: 'text', text: 'Booked.' } }]);
    expect(result.conflicts.map(describeConflict)).toEqual([
      `'${file}', cell E4: the status of action 1.1 was “On track” when the request was made and is now “Completed” in the plan (F4); the reply says “Some slippage”. The plan's value was kept.`,
      `'${file}', cell F5: the commentary of action 1.2 was “Consultation ran late.” when the request was made and is now “Delayed by the election.” in the plan (G5); the reply says “Out next month.”. The plan's value was kept.`,
    ]);
  });

  it('is no conflict when the plan already says what the reply says, or the officer left the cell alone', () => {
    const same = replyFor(plan, ce).set('1.1', 'status', 'Completed');
    expect(merge(since, [same])).toMatchObject({ changes: [], conflicts: [] });
    expect(merge(since, [replyFor(plan, ce)])).toMatchObject({ changes: [], conflicts: [] });
  });

  it('takes the first of two replies changing one cell and lists the second as a conflict', () => {
    const one = replyFor(plan, ce, 'one.xlsx').set('1.1', 'status', 'Completed');
    const two = replyFor(plan, ce, 'two.xlsx').set('1.1', 'status', 'Major slippage');
    const result = merge(plan, [one, two]);
    expect(result.changes.map((c) => [c.file, c.new])).toEqual([['one.xlsx', 'Completed']]);
    expect(result.conflicts.map((c) => [c.file, c.asSent, c.plan, c.reply])).toEqual([['two.xlsx', 'On track', 'Completed', 'Major slippage']]);
  });
});

describe('merge: what it refuses, with the reply file and cell named', () => {
  const statuses = 'Completed, On track, Some slippage, Major slippage, Not started';
  const invalid: [string, (r: Reply) => void, string[]][] = [
    ['a status outside the scheme', (r) => r.set('1.1', 'status', 'Nearly done'), [`'${file}', cell E4: “Nearly done” is not a status of this plan; pick one of ${statuses}. Action 1.1 was not merged.`]],
    ['a status emptied', (r) => r.set('1.1', 'status', null), [`'${file}', cell E4: the status is empty; pick one of ${statuses}. Action 1.1 was not merged.`]],
    [
      'an unreadable date',
      (r) => r.set('1.1', 'revised', '31/13/2018'),
      [`'${file}', cell D4: 31/13/2018 is not a real date: there is no month 13. Action 1.1 was not merged.`],
    ],
    [
      'a good status beside a bad date: the row as a whole',
      (r) => r.set('1.2', 'status', 'On track').set('1.2', 'revised', 'soonish'),
      [`'${file}', cell D5: "soonish" is not a date Plan Monitor can read; type a date such as 31/12/2018 or Dec 2018. Action 1.2 was not merged.`],
    ],
    ['an identity changed', (r) => r.set('1.1', 'identity', 'x').set('1.1', 'status', 'Completed'), [`'${file}', cell G4: the row's hidden identity has been changed, so Plan Monitor cannot tell which action it is. The row was not merged.`]],
  ];
  it.each(invalid)('%s', (_name, edit, messages) => {
    const result = edited(edit);
    expect(result.refused.map(describeMergeProblem)).toEqual(messages);
    expect(result.changes).toEqual([]);
    expect(result.edits).toEqual([]);
    expect(result.audit).toBeNull();
  });

  it('an action no longer in the plan', () => {
    const plan = planRun(rows);
    const reply = replyFor(plan, ce).set('1.2', 'status', 'Completed').set('1.1', 'status', 'Completed');
    const result = merge(planRun(rows.filter((r) => r.ref !== '1.2')), [reply]);
    expect(result.refused.map(describeMergeProblem)).toEqual([`'${file}', cell A5: action 1.2 “Publish the workforce strategy” is not in 'Plan' (removed or renumbered since the request was made?). The row was not merged.`]);
    expect(result.changes.map((c) => c.planCell)).toEqual(['F4']);
  });

  it('a plan cell holding a formula', () => {
    const plan = planRun(rows);
    const result = merge(plan, [replyFor(plan, ce).set('1.1', 'status', 'Completed')], new Set(['F4']));
    expect(result.refused.map(describeMergeProblem)).toEqual([`'${file}', cell E4: the plan's status for action 1.1 (F4) is a formula, which Plan Monitor does not overwrite. Action 1.1 was not merged.`]);
  });

  it('a field the plan has no column for', () => {
    const noCommentary = planGrid(rows);
    noCommentary.values = noCommentary.values.map((r) => r.slice(0, 6));
    const plan = runOf(noCommentary);
    const result = merge(plan, [replyFor(plan, ce).set('1.1', 'commentary', 'Done.')]);
    expect(result.refused.map(describeMergeProblem)).toEqual([`'${file}', cell F4: the plan has no commentary column to put it in. Action 1.1 was not merged.`]);
  });

  it('a reply made for another sheet of the workbook', () => {
    const other = planGrid(rows, 'Other plan');
    const plan = runOf(planGrid(rows), undefined, [{ name: 'Other plan', visibility: 'visible', grid: other }]);
    const reply = replyFor(runOf(other), ce).set('1.1', 'status', 'Completed');
    expect(merge(plan, [reply]).refused.map(describeMergeProblem)).toEqual([`'${file}' answers a request for the sheet 'Other plan', not 'Plan', so nothing in it was merged.`]);
  });

  it('nothing at all when one file is not a reply to a request', () => {
    const plan = planRun(rows);
    const good = replyFor(plan, ce).set('1.1', 'status', 'Completed');
    const notReply = { file: 'minutes.xlsx', grid: planGrid(rows), workbook: { sheets: [{ name: 'Plan', visibility: 'visible' as const, grid: planGrid(rows) }] } } as unknown as Reply;
    const result = merge(plan, [good, notReply]);
    expect(result).toMatchObject({ changes: [], edits: [], audit: null });
    expect(mergeReport(result)).toEqual([
      'Nothing was merged: 1 file is not a reply to an update request.',
      "'minutes.xlsx' is not a reply to a Plan Monitor update request (it has no request sheet), so nothing was merged from any reply. Check these are the files the officers sent back.",
    ]);
  });
});
