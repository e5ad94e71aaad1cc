// Carrying a plan forward (seed 004 §4.8–4.9): the open actions of the sample plan go into a new
// plan sheet with their themes, refs kept or renumbered, milestones with their action, what each
// action waits on rewritten, and their history and audit rows carried; the new plan reads back
// through the normal engine with the same columns and statuses, from the model and from its bytes.
import { strFromU8, unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { auditMarker, auditRows, readAuditSheet, type AuditEntry } from '../../shared/audit/audit-trail';
import { carryForward, renumberedLabel, type CarryResult } from '../../shared/carry/carry-forward';
import { carriedMessage, describeCarryNote } from '../../shared/carry/carry-messages';
import { checkPlan } from '../../shared/check-plan';
import { dayFromIso } from '../../shared/dates/day';
import type { CellValue, GridSnapshot } from '../../shared/grid/grid';
import { historyMarker, historyRows, periodRecords } from '../../shared/history/history-sheet';
import { prepareRun, type PreparedRun } from '../../shared/run/prepare-run';
import { readSettingsSheet, settingsMarker, settingsSheetRows } from '../../shared/settings/settings-sheet';
import { defaultSettings } from '../../shared/settings/settings';
import { firstCell, type SheetSnapshot, type WorkbookSnapshot } from '../../shared/workbook/workbook';
import { planWorkbook } from '../../src/xlsx/new-workbook/plan-workbook';
import { XlsxWorkbookPort } from '../../src/xlsx/xlsx-port';
import { cipJune2018 } from '../fixtures/cip-june-2018';
import { cipSept2018, sampleGridValues, type SampleCell, type SamplePlan } from '../fixtures/cip-sept-2018';
import { sampleGrid } from '../helpers/sample-grid';

const asOf = dayFromIso('2018-09-30') ?? 0;
const now = '2018-10-01T09:30:00';
const sheet = (name: string, grid: GridSnapshot, visibility: SheetSnapshot['visibility'] = 'visible'): SheetSnapshot => ({ name, visibility, grid: { ...grid, sheet: name } });
const toolGrid = (name: string, rows: CellValue[][]): GridSnapshot => ({ sheet: name, top: 1, left: 1, values: rows });

function prepared(workbook: WorkbookSnapshot): PreparedRun {
  const r = prepareRun(workbook, { asOf, today: asOf });
  if (!r.ok) throw new Error(r.message);
  return r;
}

/** The new workbook as a host reads it back: the plan sheet, then the tool's sheets hidden. */
function carriedSnapshot(r: CarryResult): WorkbookSnapshot {
  const wb = r.workbook;
  return { sheets: [sheet(wb.plan.name, wb.plan.grid), ...wb.toolSheets.map((t) => sheet(t.name, toolGrid(t.name, t.rows), 'hidden'))], activeSheet: wb.plan.name };
}

const openRefs = ['1.4', '1.5', '1.6', '2.3', '2.4', '2.4', '2.5', '3.1', '3.4', '4.2', '4.4', '5.4', '5.7', '5.10', '5.12', '6.1', '6.2', '6.4', '6.6', '7.3', '8.1', '8.3', '8.8', '9.1', '9.3', '9.4', '9.5', '9.6', '10.1', '10.2'];

describe('carrying the sample plan forward', () => {
  const run = prepared({ sheets: [sheet('CIP Monitoring', sampleGrid())], activeSheet: 'CIP Monitoring' });
  const kept = carryForward(run, { renumber: false, source: 'cip-monitoring-sept-2018.xlsx', now });
  const renumbered = carryForward(run, { renumber: true, source: 'cip-monitoring-sept-2018.xlsx', now });

  it('carries the 30 actions not complete, in sheet order, and closes the 32 complete ones', () => {
    expect(kept.actions).toEqual({ total: 62, carried: 30, closed: 32 });
    expect(kept.milestones).toEqual({ total: 0, carried: 0, closed: 0 });
    expect(kept.refs.map((r) => r.old)).toEqual(openRefs);
    expect(kept.refs.map((r) => r.new)).toEqual(openRefs);
    expect(kept.refs.every((r) => r.status !== 'Completed')).toBe(true);
    // Sheet rows: 1.4 was row 9 of the old plan and is row 6 of the new (title, note, blank, header, theme 1).
    expect(kept.refs.slice(0, 4).map((r) => [r.oldRow, r.newRow])).toEqual([
      [9, 6],
      [10, 7],
      [11, 8],
      [15, 10],
    ]);
  });

  it('writes the title, the same headings, each theme with an open action, and every column of each row as it stood', () => {
    const g = kept.workbook.plan.grid;
    expect(g.values.slice(0, 6)).toEqual([
      ['Northmoor City Council – Corporate Improvement Plan — carried forward 30/09/2018'],
      ["Carried forward from 'CIP Monitoring' in cip-monitoring-sept-2018.xlsx as of 30/09/2018: 30 actions of 62 not complete. The 32 complete stay closed in cip-monitoring-sept-2018.xlsx."],
      [],
      ['Ref', 'Action', 'Lead Officer', 'Lead Member', 'LGA recommendation', 'Target Date', 'Revised Target Date', 'Status', 'Progress Update'],
      ['Theme 1 – City leadership'],
      (cipSept2018.rows[8] as SampleCell[]).map((v) => v as CellValue),
    ]);
    expect(kept.workbook.plan.kinds.slice(0, 7)).toEqual(['title', 'note', 'blank', 'header', 'heading', 'action', 'action']);
    expect(kept.workbook.plan.headerRow).toBe(4);
    expect(g.values.filter((_, i) => kept.workbook.plan.kinds[i] === 'heading').map((r) => r[0])).toEqual(cipSept2018Expected().themes);
    // 2.4's revised date 31/12/2018 is a real date cell, serial 43465, kept as one.
    const row24 = kept.refs[4]?.newRow ?? 0;
    expect([g.values[row24 - 1]?.[6], g.dates?.[row24 - 1]?.[6]]).toEqual([43465, true]);
    expect(g.merges?.[0]).toBe('A5:I5');
    expect(kept.workbook.plan.columnWidths).toEqual([8, 50, 24, 24, 14, 14, 14, 16, 60]);
  });

  it('renumbers themes 1..n and actions n.1.. in order, which gives the two 2.4s refs of their own', () => {
    expect(renumbered.refs.map((r) => `${r.old}→${r.new}`)).toEqual([
      '1.4→1.1', '1.5→1.2', '1.6→1.3', '2.3→2.1', '2.4→2.2', '2.4→2.3', '2.5→2.4', '3.1→3.1', '3.4→3.2', '4.2→4.1', '4.4→4.2', '5.4→5.1', '5.7→5.2', '5.10→5.3', '5.12→5.4',
      '6.1→6.1', '6.2→6.2', '6.4→6.3', '6.6→6.4', '7.3→7.1', '8.1→8.1', '8.3→8.2', '8.8→8.3', '9.1→9.1', '9.3→9.2', '9.4→9.3', '9.5→9.4', '9.6→9.5', '10.1→10.1', '10.2→10.2',
    ]);
    const g = renumbered.workbook.plan.grid;
    expect(g.values[5]?.[0]).toBe('1.1');
    expect(renumbered.themes.map((t) => t.actions)).toEqual([3, 4, 2, 2, 4, 4, 1, 3, 5, 2]);
    const after = checkPlan(g, defaultSettings(), asOf);
    if (!after.ok) throw new Error(after.message);
    expect(after.findings.map((f) => [f.rule, f.cell])).toEqual([
      ['overdue-reported-on-track', 'H28'],
      ['placeholder-date', 'G41'],
    ]);
  });

  it('adds one audit row per carried action saying where it came from, old ref and new', () => {
    const audit = readAuditSheet(toolGrid('a', renumbered.workbook.toolSheets.at(-1)?.rows ?? []));
    expect(audit).toHaveLength(30);
    expect(audit[4]).toEqual({ when: now, period: '', ref: '2.2', action: 'Undertake detailed and regular planning meetings between CLT and Cabinet to ensure delivery of robust MTFP programme', field: 'carried forward', old: '2.4', new: '2.2', source: "carried forward from 'cip-monitoring-sept-2018.xlsx' ('CIP Monitoring')" });
    // The sample has no history and no settings sheet: the audit sheet is the only tool sheet.
    expect(renumbered.workbook.toolSheets.map((t) => t.name)).toEqual(['Plan Monitor Audit']);
  });

  it('reads back through the normal engine with the same columns and the same statuses', () => {
    for (const r of [kept, renumbered]) {
      const back = prepared(carriedSnapshot(r));
      expect(back.checked.sheet).toBe('CIP Monitoring');
      expect(back.checked.header.columns).toEqual(run.checked.header.columns);
      expect(back.checked.header.row).toBe(run.checked.header.row);
      expect(back.checked.assessments.map((a) => [a.action.ref, a.action.status?.label ?? a.action.statusText, a.action.theme?.label])).toEqual(r.refs.map((x, i) => [x.new, x.status, r.themes.flatMap((t) => Array<string | null>(t.actions).fill(t.new))[i]]));
      expect(back.checked.summary.statusCounts.map((s) => s.count)).toEqual([0, 21, 8, 0, 1]);
      // The same actions' dates: what was due when is unchanged.
      const due = (p: PreparedRun) => p.checked.assessments.map((a) => [a.action.action, a.dueDay, a.overdue]);
      expect(due(back)).toEqual(due(run).filter((_, i) => !run.checked.assessments[i]?.complete));
    }
  });

  it('says what it did in plain words', () => {
    expect(carriedMessage(renumbered, 'next.xlsx')).toEqual([
      'Carried 30 open actions of 62 into next.xlsx; 32 complete actions closed with the old plan.',
      'Renumbered: themes numbered 1 to 10; 23 of 30 refs changed (--json lists each old → new).',
      'No recorded history to carry; carried 0 audit rows and added 30 rows to the audit trail saying where each came from.',
    ]);
    expect(carriedMessage(kept, 'next.xlsx')[1]).toBe('Refs kept as they were.');
  });
});

function cipSept2018Expected() {
  return { themes: ['Theme 1 – City leadership', 'Theme 2 – Medium Term Financial Plan', 'Theme 3 – Effective management', 'Theme 4 – Constructive Member relationships', 'Theme 5 – Robust internal controls and customer focus', 'Theme 6 – Productive and skilled workforce', 'Theme 7 – Embedded risk management', 'Theme 8 – Sound information governance', 'Theme 9 – Improved service outcomes', 'Theme 10 – Innovative transformation'] };
}

/**
 * The sample as a plan that uses every shape carry must keep: a Depends-on column (J), milestones
 * under 3.4 (open) and under 5.5 and 6.3 (complete), theme 7 complete throughout, a narrative on
 * theme 2's heading, a revised date that waits on two actions, and a status given only as a colour.
 */
function shapedPlan(): { plan: SamplePlan; statusFillRow: number } {
  const rows: SampleCell[][] = cipSept2018.rows.map((r) => [...r, null]);
  (rows[3] as SampleCell[])[9] = 'Depends on';
  const at = (ref: string) => rows.findIndex((r) => r[0] === ref);
  const set = (ref: string, col: number, v: SampleCell) => {
    (rows[at(ref)] as SampleCell[])[col] = v;
  };
  set('7.3', 7, 'Completed');
  set('4.4', 9, '4.2, 4.1');
  set('6.6', 9, 6.4);
  set('9.5', 6, 'TBC – dependent on 9.4 and 9.2');
  set('10.2', 7, '');
  rows.splice(at('3.4') + 1, 0, ['3.4a', 'Shortlist candidates', 'Director of HR and OD', 'Cabinet Member for Governance and Democracy', 'No', { date: '2018-10-31' }, null, 'Completed', 'Shortlist agreed.', null], ['3.4b', 'Hold interviews', 'Director of HR and OD', 'Cabinet Member for Governance and Democracy', 'No', 'Nov 2018', null, 'On track', 'Interviews booked.', null]);
  rows.splice(at('5.5') + 1, 0, ['5.5a', 'Publish the scheme of delegation', 'Monitoring Officer', 'Cabinet Member for Governance and Democracy', 'No', { date: '2018-10-31' }, null, 'Not started', '', null]);
  rows.splice(at('6.3') + 1, 0, ['6.3.1', 'Train the last cohort of managers', 'Director of HR and OD', 'Deputy Leader of the Council', 'No', { date: '2018-06-30' }, null, 'Completed', 'Done in June.', null]);
  const heading2 = rows.findIndex((r) => r[0] === 'Theme 2 – Medium Term Financial Plan');
  (rows[heading2] as SampleCell[])[8] = 'Currently a red risk: the budget gap is not closed.';
  const merges = ['A1:I1', 'A2:I2'];
  rows.forEach((r, i) => {
    if (typeof r[0] === 'string' && r[0].startsWith('Theme ')) merges.push(i === heading2 ? `A${i + 1}:H${i + 1}` : `A${i + 1}:I${i + 1}`);
  });
  return { plan: { sheetName: 'CIP Monitoring', rows, merges, headerRow: 4 }, statusFillRow: at('10.2') };
}

describe('carrying a plan with milestones, dependencies, a narrative, history and an audit trail', () => {
  const { plan, statusFillRow } = shapedPlan();
  const { values, dates } = sampleGridValues(plan);
  const fills: (string | null)[][] = [];
  fills[statusFillRow] = [null, null, null, null, null, null, null, '#C4E5CD'];
  const grid: GridSnapshot = { sheet: 'CIP Monitoring', top: 1, left: 1, values, dates, merges: plan.merges, fills };

  // History: June from the June plan, and September from this plan, as record period writes them.
  const june = checkPlan({ ...sampleGrid(cipJune2018()) }, defaultSettings(), dayFromIso('2018-06-30') ?? 0);
  const sept = checkPlan(grid, defaultSettings(), asOf);
  if (!june.ok || !sept.ok) throw new Error('fixture');
  const periods = [
    { label: 'Q1 2018/19', asOf: june.asOf, recordedAt: '2018-07-02T09:00:00', records: periodRecords(june, 'Q1 2018/19', '2018-07-02T09:00:00') },
    { label: 'Q2 2018/19', asOf: sept.asOf, recordedAt: '2018-10-01T08:00:00', records: periodRecords(sept, 'Q2 2018/19', '2018-10-01T08:00:00') },
  ];
  const text = (ref: string, n = 0) => sept.plan.actions.filter((a) => a.ref === ref)[n]?.action ?? null;
  const merge = "merge of reply '06-director-of-hr-and-od.xlsx'";
  const audit: AuditEntry[] = [
    { when: '2018-09-20T10:00:00', period: '', ref: '3.4', action: text('3.4'), field: 'status', old: 'Not started', new: 'On track', source: merge },
    { when: '2018-09-20T10:00:00', period: '', ref: '5.1', action: text('5.1'), field: 'status', old: 'On track', new: 'Completed', source: merge },
    { when: '2018-09-21T11:00:00', period: '', ref: '2.4', action: text('2.4', 1), field: 'commentary', old: '', new: 'Gateway review booked.', source: merge },
    { when: '2018-09-21T11:00:00', period: '', ref: '3.4b', action: 'Hold interviews', field: 'revised date', old: '', new: 'Nov 2018', source: merge },
    { when: '2018-09-22T12:00:00', period: '', ref: '7.3', action: text('7.3'), field: 'status', old: 'On track', new: 'Completed', source: merge },
  ];
  const workbook: WorkbookSnapshot = {
    sheets: [
      sheet('CIP Monitoring', grid),
      sheet('Plan Monitor Settings', toolGrid('s', settingsSheetRows({ dueSoonDays: 21, asOf: '2018-09-30' })), 'hidden'),
      sheet('Plan Monitor History', toolGrid('h', historyRows(periods)), 'hidden'),
      sheet('Plan Monitor Audit', toolGrid('a', auditRows(audit)), 'hidden'),
    ],
    activeSheet: 'CIP Monitoring',
  };
  const run = prepared(workbook);
  const options = { source: 'cip-2018.xlsx', now };
  const renumbered = carryForward(run, { ...options, renumber: true });
  const kept = carryForward(run, { ...options, renumber: false });
  const rowOf = (r: CarryResult, ref: string) => r.workbook.plan.grid.values[(r.refs.find((x) => x.new === ref)?.newRow ?? 0) - 1] ?? [];

  it('carries a milestone with its open action, and closes the milestones of complete actions with them', () => {
    expect(renumbered.actions).toEqual({ total: 62, carried: 29, closed: 33 });
    expect(renumbered.milestones).toEqual({ total: 4, carried: 2, closed: 2 });
    expect(renumbered.refs.filter((r) => r.old?.startsWith('3.')).map((r) => [r.old, r.new, r.milestoneOf, r.status])).toEqual([
      ['3.1', '3.1', null, 'Some slippage'],
      ['3.4', '3.2', null, 'On track'],
      ['3.4a', '3.2a', '3.2', 'Completed'],
      ['3.4b', '3.2b', '3.2', 'On track'],
    ]);
    expect(renumbered.workbook.plan.kinds.filter((k) => k === 'milestone')).toHaveLength(2);
    expect(renumbered.notes.filter((n) => n.code === 'open-milestone-closed').map(describeCarryNote)).toEqual(['Milestone 5.5a is not complete, but its action 5.5 is: it closed with its action and was not carried.']);
  });

  it('drops theme 7, all of whose actions are complete, and numbers the themes after it one lower', () => {
    expect(renumbered.themes.map((t) => t.new)).toEqual(['Theme 1 – City leadership', 'Theme 2 – Medium Term Financial Plan', 'Theme 3 – Effective management', 'Theme 4 – Constructive Member relationships', 'Theme 5 – Robust internal controls and customer focus', 'Theme 6 – Productive and skilled workforce', 'Theme 7 – Sound information governance', 'Theme 8 – Improved service outcomes', 'Theme 9 – Innovative transformation']);
    expect(renumbered.refs.filter((r) => r.old?.startsWith('8.') || r.old?.startsWith('10.')).map((r) => `${r.old}→${r.new}`)).toEqual(['8.1→7.1', '8.3→7.2', '8.8→7.3', '10.1→9.1', '10.2→9.2']);
    expect(kept.themes.map((t) => t.new)).toEqual(kept.themes.map((t) => t.old));
  });

  it('keeps the theme narrative beside its heading, merged so it still reads as the theme’s', () => {
    const g = renumbered.workbook.plan.grid;
    const i = g.values.findIndex((r) => r[0] === 'Theme 2 – Medium Term Financial Plan');
    expect(g.values[i]).toEqual(['Theme 2 – Medium Term Financial Plan', undefined, undefined, undefined, undefined, undefined, undefined, undefined, 'Currently a red risk: the budget gap is not closed.']);
    expect(g.merges).toContain(`A${i + 1}:H${i + 1}`);
    const back = prepared(carriedSnapshot(renumbered));
    expect(back.themes.map((t) => t.narrative ?? null)[1]).toBe('Currently a red risk: the budget gap is not closed.');
  });

  it('rewrites what each action waits on: new refs, and the closed ones taken out', () => {
    expect(rowOf(renumbered, '4.2')[9]).toBe('4.1');
    expect(rowOf(kept, '4.4')[9]).toBe('4.2');
    // A ref typed as a number is a ref too: 6.4 is now 6.3; kept, the cell stays the number it was.
    expect(rowOf(renumbered, '6.4')[9]).toBe('6.3');
    expect(rowOf(kept, '6.6')[9]).toBe(6.4);
    expect(rowOf(renumbered, '8.4')[6]).toBe('TBC – dependent on 8.3 and (closed)');
    expect(rowOf(kept, '9.5')[6]).toBe('TBC – dependent on 9.4 and (closed)');
    expect(renumbered.notes.filter((n) => n.code === 'dependency-closed').map(describeCarryNote)).toEqual([
      'Action 4.2 (4.4 in the old plan) waited on 4.1 of the old plan, which is complete and closed with it: 4.1 is taken out of J21, which now reads “4.1”.',
      'Action 8.4 (9.5 in the old plan) waited on 9.2 of the old plan, which is complete and closed with it: its revised date in G40 now reads “TBC – dependent on 8.3 and (closed)”. Agree a date for it.',
    ]);
    const back = prepared(carriedSnapshot(renumbered));
    expect(back.checked.assessments.filter((a) => a.action.dependsOn.refs.length > 0).map((a) => [a.action.ref, a.action.dependsOn.refs])).toEqual([
      ['4.2', ['4.1']],
      ['6.4', ['6.3']],
      ['8.4', ['8.3']],
    ]);
    expect(back.checked.findings.filter((f) => f.rule === 'unknown-dependency' || f.rule === 'dependency-cycle')).toEqual([]);
  });

  it('says in words a status that was only a colour', () => {
    expect(rowOf(renumbered, '9.2')[7]).toBe('On track');
    expect(renumbered.notes.filter((n) => n.code === 'status-from-colour').map(describeCarryNote)).toEqual(['Action 9.2 (10.2 in the old plan) had its status only as the colour of its status cell: the new plan says “On track” in H44.']);
  });

  it('carries the history of the carried actions only, under their new refs', () => {
    expect(renumbered.history).toEqual({ periods: 2, records: 28 + 29 });
    const back = prepared(carriedSnapshot(renumbered));
    expect(back.history.map((p) => [p.label, p.records.length])).toEqual([
      ['Q1 2018/19', 28],
      ['Q2 2018/19', 29],
    ]);
    const q2 = back.history[1]?.records ?? [];
    expect(q2.map((r) => r.ref)).toEqual(renumbered.refs.filter((r) => r.milestoneOf === null).map((r) => r.new));
    // The two 2.4s keep their own histories, told apart by their wording.
    expect(back.history[0]?.records.filter((r) => r.ref === '2.2' || r.ref === '2.3').map((r) => [r.ref, r.action?.slice(0, 20), r.status, r.revised])).toEqual([
      ['2.2', 'Undertake detailed a', 'On track', ''],
      ['2.3', 'Ensure risk assessme', 'On track', ''],
    ]);
    expect(q2.find((r) => r.ref === '7.2')?.theme).toBe('Theme 7 – Sound information governance');
    // Kept refs: the records as they were.
    const keptBack = prepared(carriedSnapshot(kept));
    expect(keptBack.history[1]?.records).toEqual(periods[1]?.records.filter((r) => kept.refs.some((x) => x.milestoneOf === null && x.old === r.ref && x.action === r.action)));
    // The new plan compares with June under the new refs: the same changes the old plan had since June.
    expect(back.comparison.previousLabel).toBe('Q1 2018/19');
    expect(back.comparison.changes.map((x) => `${x.ref} ${x.from} → ${x.to}`)).toEqual(['1.1 On track → Some slippage', '2.2 On track → Some slippage', '2.3 On track → Some slippage', '3.1 On track → Some slippage', '5.4 On track → Some slippage', '8.5 On track → Some slippage', '9.1 On track → Some slippage', '9.2 Not started → On track']);
    // They are the old plan's changes of the actions carried, each under its new ref.
    const carriedChanges = run.comparison.changes.flatMap((x) => renumbered.refs.filter((y) => y.old === x.ref && y.action === x.action).map((y) => `${y.new} ${x.from} → ${x.to}`));
    expect(back.comparison.changes.map((x) => `${x.ref} ${x.from} → ${x.to}`)).toEqual(carriedChanges);
  });

  it('carries the audit rows of the carried actions under their new refs, then one row per carried row', () => {
    const entries = readAuditSheet(toolGrid('a', renumbered.workbook.toolSheets.at(-1)?.rows ?? []));
    expect(renumbered.audit).toEqual({ carried: 3, added: 31 });
    expect(entries.slice(0, 3).map((e) => [e.ref, e.field, e.new])).toEqual([
      ['3.2', 'status', 'On track'],
      ['2.3', 'commentary', 'Gateway review booked.'],
      ['3.2b', 'revised date', 'Nov 2018'],
    ]);
    expect(entries.slice(3).map((e) => `${e.old}→${e.new}`).slice(7, 11)).toEqual(['3.1→3.1', '3.4→3.2', '3.4a→3.2a', '3.4b→3.2b']);
  });

  it('says what it did, with the milestones and each note', () => {
    expect(carriedMessage(renumbered, 'next.xlsx')).toEqual([
      'Carried 29 open actions of 62 into next.xlsx; 33 complete actions closed with the old plan.',
      '2 milestones went with their actions; 2 milestones closed with their complete actions.',
      'Renumbered: themes numbered 1 to 9; 28 of 31 refs changed (--json lists each old → new).',
      'Carried the history of the open actions (57 rows over 2 periods) and 3 audit rows; added 31 rows to the audit trail saying where each came from.',
      '  Milestone 5.5a is not complete, but its action 5.5 is: it closed with its action and was not carried.',
      '  Action 4.2 (4.4 in the old plan) waited on 4.1 of the old plan, which is complete and closed with it: 4.1 is taken out of J21, which now reads “4.1”.',
      '  Action 8.4 (9.5 in the old plan) waited on 9.2 of the old plan, which is complete and closed with it: its revised date in G40 now reads “TBC – dependent on 8.3 and (closed)”. Agree a date for it.',
      '  Action 9.2 (10.2 in the old plan) had its status only as the colour of its status cell: the new plan says “On track” in H44.',
    ]);
  });

  it('carries the settings without the old plan’s as-of date, and the tool sheets by their markers', () => {
    expect(renumbered.workbook.toolSheets.map((t) => [t.name, t.rows[0]?.[0]])).toEqual([
      ['Plan Monitor Settings', settingsMarker],
      ['Plan Monitor History', historyMarker],
      ['Plan Monitor Audit', auditMarker],
    ]);
    const settings = readSettingsSheet(toolGrid('s', renumbered.workbook.toolSheets[0]?.rows ?? []));
    expect(settings.input).toEqual({ dueSoonDays: 21 });
  });

  it('reads back with the same columns, statuses, milestones and dates', () => {
    for (const r of [kept, renumbered]) {
      const back = prepared(carriedSnapshot(r));
      expect(back.checked.header.columns).toEqual(run.checked.header.columns);
      expect(back.checked.assessments.map((a) => [a.action.ref, a.action.milestoneOf, a.action.status?.label ?? a.action.statusText])).toEqual(r.refs.map((x) => [x.new, x.milestoneOf, x.status]));
      expect(back.settings.dueSoonDays).toBe(21);
      expect(back.asOfSource).toBe('asked');
    }
  });
});

describe('carrying a plan whose themes are a column, not heading rows', () => {
  const values: CellValue[][] = [
    ['Road safety plan'],
    [],
    ['Ref', 'Action', 'Theme', 'Target date', 'Status'],
    ['3.1', 'Resurface the ring road', '3 - Roads', '31/12/2018', 'Completed'],
    ['3.2', 'Light the underpass', '3 - Roads', '31/12/2018', 'On track'],
    ['5.1', 'Open the cycle hub', '5 - Cycling', '31/03/2019', 'Some slippage'],
  ];
  const run = prepared({ sheets: [sheet('Plan', { sheet: 'Plan', top: 1, left: 1, values })] });
  const r = carryForward(run, { renumber: true, source: 'roads.xlsx', now });

  it('renumbers the Theme column with the refs, and writes no heading rows', () => {
    expect(r.workbook.plan.kinds).toEqual(['title', 'note', 'blank', 'header', 'action', 'action']);
    expect(r.workbook.plan.grid.values.slice(3)).toEqual([
      ['Ref', 'Action', 'Theme', 'Target date', 'Status'],
      ['1.1', 'Light the underpass', '1 - Roads', '31/12/2018', 'On track'],
      ['2.1', 'Open the cycle hub', '2 - Cycling', '31/03/2019', 'Some slippage'],
    ]);
    expect(r.workbook.plan.grid.values[0]).toEqual(['Road safety plan — carried forward 30/09/2018']);
    const back = prepared(carriedSnapshot(r));
    expect(back.themes.map((t) => [t.theme, t.counts])).toEqual([
      ['1 - Roads', { 'On track': 1 }],
      ['2 - Cycling', { 'Some slippage': 1 }],
    ]);
  });
});

describe('renumbering a plan with no Ref column', () => {
  it('carries the actions as they were and says there were no refs to renumber', () => {
    const values: CellValue[][] = [['Action', 'Target date', 'Status'], ['Light the underpass', '31/12/2018', 'On track'], ['Resurface the ring road', '31/12/2018', 'Completed']];
    const r = carryForward(prepared({ sheets: [sheet('Plan', { sheet: 'Plan', top: 1, left: 1, values })] }), { renumber: true, source: 'roads.xlsx', now });
    expect([r.renumbered, r.refs.map((x) => [x.old, x.new, x.action])]).toEqual([false, [[null, null, 'Light the underpass']]]);
    expect(r.workbook.plan.grid.values.slice(3)).toEqual([values[0], values[1]]);
    expect(r.notes.map(describeCarryNote)).toEqual(['The plan has no Ref column, so there were no refs to renumber: the actions are carried as they were.']);
    // The title falls back to the sheet's name when no row sits above the headings.
    expect(r.workbook.plan.grid.values[0]).toEqual(['Plan — carried forward 30/09/2018']);
  });
});

describe('the carried workbook', () => {
  const run = prepared({ sheets: [sheet('CIP Monitoring', sampleGrid())], activeSheet: 'CIP Monitoring' });
  const r = carryForward(run, { renumber: true, source: 'cip.xlsx', now });
  const bytes = planWorkbook(r.workbook);
  const parts = unzipSync(bytes);
  const plan = strFromU8(parts['xl/worksheets/sheet1.xml'] as Uint8Array);

  it('is the same bytes for the same plan', () => {
    expect(Buffer.from(planWorkbook(carryForward(run, { renumber: true, source: 'cip.xlsx', now }).workbook)).equals(Buffer.from(bytes))).toBe(true);
  });

  it('has the plan first and shown, the tool’s sheets hidden, and text only as inline strings', () => {
    expect(strFromU8(parts['xl/workbook.xml'] as Uint8Array)).toContain('<sheets><sheet name="CIP Monitoring" sheetId="1" r:id="rId1"/><sheet name="Plan Monitor Audit" sheetId="2" state="hidden" r:id="rId2"/></sheets>');
    expect(plan).toContain('<sheetView tabSelected="1" workbookViewId="0"><pane ySplit="4" topLeftCell="A5" activePane="bottomLeft" state="frozen"/>');
    for (const xml of [plan, strFromU8(parts['xl/worksheets/sheet2.xml'] as Uint8Array)]) expect(xml).not.toMatch(/<f[ >]|t="s"|t="str"/);
    expect(plan).not.toMatch(/sheetProtection/);
  });

  it('reads back through the .xlsx reader as the model: the same actions, statuses, themes, dates and audit', async () => {
    const wb = await XlsxWorkbookPort.open(bytes).readWorkbook();
    expect(wb.sheets.map((s) => [s.name, s.visibility])).toEqual([
      ['CIP Monitoring', 'visible'],
      ['Plan Monitor Audit', 'hidden'],
    ]);
    expect(wb.activeSheet).toBe('CIP Monitoring');
    const back = prepared(wb);
    const model = prepared(carriedSnapshot(r));
    const facts = (p: PreparedRun) => p.checked.assessments.map((a) => [a.action.ref, a.action.action, a.action.status?.label, a.action.theme?.label, a.action.target, a.due, a.action.revised]);
    expect(facts(back)).toEqual(facts(model));
    expect(back.checked.header).toEqual(model.checked.header);
    expect(back.audit).toEqual(model.audit);
    expect(firstCell(wb.sheets[1] as SheetSnapshot)).toBe(auditMarker);
    // Month-only date cells keep showing the month: 4.4's target "Q4 2018/19" is text, 1.6's 31/03/2019 a day.
    const g = wb.sheets[0]?.grid as GridSnapshot;
    expect([g.values[7]?.[5], g.dates?.[7]?.[5]]).toEqual([43555, true]);
  });

  it('keeps a month-only date cell a month, an error an error, and text that looks like a formula text', async () => {
    const base = r.workbook.plan;
    const values = base.grid.values.map((row) => [...row]);
    const precision = (base.grid.datePrecision ?? []).map((row) => [...(row ?? [])]);
    const errors = (base.grid.errors ?? []).map((row) => [...(row ?? [])]);
    (precision[7] ??= [])[5] = 'month';
    (errors[6] ??= [])[8] = '#REF!';
    (values[6] as CellValue[])[8] = null;
    (values[7] as CellValue[])[8] = '=HYPERLINK("http://x")';
    (values[9] as CellValue[])[8] = '-1 more meeting';
    const wb = await XlsxWorkbookPort.open(planWorkbook({ ...r.workbook, plan: { ...base, grid: { ...base.grid, values, datePrecision: precision, errors } } })).readWorkbook();
    const g = wb.sheets[0]?.grid as GridSnapshot;
    expect(g.datePrecision?.[7]?.[5]).toBe('month');
    expect(g.errors?.[6]?.[8]).toBe('#REF!');
    expect([g.values[7]?.[8], g.values[9]?.[8]]).toEqual(['=HYPERLINK("http://x")', '-1 more meeting']);
  });

  it('renumbers a theme label only where it has a number', () => {
    expect([renumberedLabel('Theme 3 – Effective management', 2), renumberedLabel('3. Effective management', 2), renumberedLabel('Priority 10: Homes', 4), renumberedLabel('City leadership', 1)]).toEqual(['Theme 2 – Effective management', '2. Effective management', 'Priority 4: Homes', 'City leadership']);
  });
});
