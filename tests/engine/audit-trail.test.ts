import { describe, expect, it } from 'vitest';
import { appendAudit, auditRows, auditSheetName, editsBetween, readAuditSheet, type AuditEntry } from '../../shared/audit/audit-trail';
import { dayFromIso } from '../../shared/dates/day';
import type { CellValue, GridSnapshot } from '../../shared/grid/grid';
import { recordPeriod } from '../../shared/history/record-period';
import { prepareRun } from '../../shared/run/prepare-run';
import { historyRows, historySheetName, periodRecords } from '../../shared/history/history-sheet';
import { check, planGrid } from '../helpers/plan-grid';
import { row } from '../helpers/rule-tester';

const june = periodRecords(
  check([row({ ref: '1.1', status: 'On track', commentary: 'Started.' }), row({ ref: '1.2', status: 'On track' }), row({ ref: '1.3', status: 'Not started' })], {}, '2018-06-30'),
  'June 2018',
  '2018-07-01T09:00:00',
);
const sept = periodRecords(
  check([row({ ref: '1.1', status: 'Some slippage', revised: 'Nov 2018', commentary: 'Started.' }), row({ ref: '1.2', status: 'On track' }), row({ ref: '1.4', status: 'Not started' })], {}, '2018-09-30'),
  'Sept 2018',
  '2018-10-01T09:00:00',
);
const ctx = { when: '2018-10-01T09:00:00', period: 'Sept 2018', source: 'seen between periods' };

describe('audit trail', () => {
  it('records each field changed between two recorded states, and actions added and removed', () => {
    const before = { label: 'June 2018', asOf: dayFromIso('2018-06-30') ?? 0, recordedAt: '2018-07-01T09:00:00', records: june };
    expect(editsBetween(before, sept, ctx).map((e) => [e.ref, e.field, e.old, e.new])).toEqual([
      ['1.1', 'status', 'On track', 'Some slippage'],
      ['1.1', 'revised date', '', 'Nov 2018'],
      ['1.4', 'added', '', 'Not started'],
      ['1.3', 'removed', 'Not started', ''],
    ]);
  });

  it('does not compare what an older period did not keep', () => {
    const older = { label: 'June 2018', asOf: dayFromIso('2018-06-30') ?? 0, recordedAt: '', records: june.map((r) => ({ ...r, commentary: null, lead: null })) };
    const changed = sept.map((r) => ({ ...r, commentary: 'New words.' }));
    expect(editsBetween(older, changed, ctx).filter((e) => e.field === 'commentary')).toEqual([]);
  });

  it('round-trips through its sheet, and appending never changes or drops a row already there', () => {
    const a: AuditEntry = { ...ctx, ref: '1.1', action: '=HYPERLINK("x")', field: 'status', old: 'On track', new: 'Some slippage' };
    const b: AuditEntry = { ...ctx, ref: null, action: 'No ref', field: 'commentary', old: '', new: 'Done.' };
    const rows = auditRows(appendAudit([a], [b]));
    expect(rows[1]).toEqual(['When', 'Period', 'Ref', 'Action', 'Field', 'Old', 'New', 'Source']);
    expect(readAuditSheet({ sheet: 'A', top: 1, left: 1, values: rows as CellValue[][] })).toEqual([a, b]);
    expect(appendAudit([a], [b]).slice(0, 1)).toEqual([a]);
  });
});

describe('recording a period', () => {
  const grid = (rows: Parameters<typeof check>[0]) => planGrid(rows);
  const runOf = (sheets: { name: string; grid: GridSnapshot }[]) => {
    const r = prepareRun({ sheets: sheets.map((s) => ({ ...s, visibility: 'visible' as const })), activeSheet: 'Plan' }, { asOf: dayFromIso('2018-09-30') ?? 0, today: 0 });
    if (!r.ok) throw new Error(r.message);
    return r;
  };
  const juneGrid = { sheet: historySheetName, top: 1, left: 1, values: historyRows([{ label: 'June 2018', asOf: dayFromIso('2018-06-30') ?? 0, recordedAt: '2018-07-01T09:00:00', records: june }]) as CellValue[][] };
  const plan = grid([row({ ref: '1.1', status: 'Some slippage', revised: 'Nov 2018', commentary: 'Started.' }), row({ ref: '1.2', status: 'On track' }), row({ ref: '1.3', status: 'Not started' })]);

  it('appends what changed since the last period to the audit trail, once however often it is recorded', () => {
    const first = recordPeriod(runOf([{ name: 'Plan', grid: plan }, { name: historySheetName, grid: juneGrid }]), 'Sept 2018', '2018-10-01T09:00:00');
    if ('problem' in first) throw new Error(first.problem);
    expect(first.audit?.added).toBe(2);
    const trail = readAuditSheet({ sheet: auditSheetName, top: 1, left: 1, values: first.audit?.rows ?? [] });
    expect(trail.map((e) => [e.period, e.ref, e.field, e.old, e.new, e.source])).toEqual([
      ['Sept 2018', '1.1', 'status', 'On track', 'Some slippage', 'seen between June 2018 and Sept 2018'],
      ['Sept 2018', '1.1', 'revised date', '', 'Nov 2018', 'seen between June 2018 and Sept 2018'],
    ]);
    const auditGrid = { sheet: auditSheetName, top: 1, left: 1, values: first.audit?.rows ?? [] };
    const again = recordPeriod(runOf([{ name: 'Plan', grid: plan }, { name: historySheetName, grid: juneGrid }, { name: auditSheetName, grid: auditGrid }]), 'Sept 2018', '2018-10-02T09:00:00');
    if ('problem' in again) throw new Error(again.problem);
    expect(again.audit).toBeNull();
  });
});
