import { describe, expect, it } from 'vitest';
import { checkPlan, type CheckedPlan } from '../../shared/check-plan';
import { dayFromIso, isoFromDay } from '../../shared/dates/day';
import { formatParsedDate } from '../../shared/dates/format-date';
import { defaultSettings } from '../../shared/settings/settings';
import { cipSept2018Expected } from '../fixtures/cip-sept-2018';
import { sampleGrid } from '../helpers/sample-grid';

function checked(asOf = '2018-09-30'): CheckedPlan {
  const r = checkPlan(sampleGrid(), defaultSettings(), dayFromIso(asOf) ?? 0);
  if (!r.ok) throw new Error(r.message);
  return r;
}

describe('the seed report (000, Sept 2018) reproduced from the sample plan', () => {
  const c = checked();

  it('counts actions by status exactly as table 4.4: 32 / 21 / 8 / 0 / 1 = 62', () => {
    expect(c.summary.statusCounts).toEqual([
      { status: 'Completed', rag: 'blue', count: 32 },
      { status: 'On track', rag: 'green', count: 21 },
      { status: 'Some slippage', rag: 'amber', count: 8 },
      { status: 'Major slippage', rag: 'red', count: 0 },
      { status: 'Not started', rag: 'grey', count: 1 },
    ]);
    expect(c.summary.total).toBe(62);
    expect(c.summary.actions).toBe(cipSept2018Expected.actions);
  });

  it('lists the eight slipped actions of paragraph 4.8, both 2.4s included, with original and revised dates', () => {
    expect(c.summary.slipped.map((a) => a.ref)).toEqual(['1.4', '2.4', '2.4', '3.1', '4.2', '5.12', '9.6', '10.1']);
    const dates = c.summary.slipped.map((a) => [a.ref, formatParsedDate(a.original), formatParsedDate(a.revised)]);
    expect(dates).toEqual([
      ['1.4', 'Sep 2018', 'Dec 2018'],
      ['2.4', 'Oct 2018', '31/12/2018'],
      ['2.4', '30/09/2018', 'Dec 2018'],
      ['3.1', '31/07/2018', 'Mar 2019'],
      ['4.2', 'Apr 2018', '30/11/2018'],
      ['5.12', '30/09/2018', 'Mar 2019'],
      ['9.6', 'Sep 2018', 'TBC'],
      ['10.1', 'Sep 2018', '31/03/2019'],
    ]);
  });

  it('lists 1.5 as the one action not started (4.9)', () => {
    expect(c.summary.notStarted.map((a) => a.ref)).toEqual(cipSept2018Expected.notStartedRefs);
  });

  it('finds the one overdue action, reported on track, 30 days late', () => {
    expect(c.summary.overdue.map((a) => [a.ref, a.daysOverdue, a.dueDay === null ? null : isoFromDay(a.dueDay)])).toEqual([['6.4', 30, '2018-08-31']]);
    expect(cipSept2018Expected.overdueRefs).toEqual(['6.4']);
  });

  it('counts every theme from its merged heading row', () => {
    expect(c.summary.byTheme.rows.map((r) => [r.key, r.total])).toEqual(cipSept2018Expected.themes.map((t) => [String(t.number), t.actions]));
    expect(c.summary.byTheme.totals).toEqual([32, 21, 8, 0, 1]);
  });

  it('has no errors, and exactly the warnings a careful officer would want', () => {
    expect(c.errors).toBe(0);
    expect(c.findings.map((f) => [f.rule, f.cell])).toEqual([
      ['duplicate-ref', 'A16'],
      ['duplicate-ref', 'A17'],
      ['overdue-reported-on-track', 'H49'],
      ['placeholder-date', 'G72'],
    ]);
  });

  it('splits the 62 actions 32 / 30 by LGA recommendation (4.6)', () => {
    expect(c.summary.bySource?.rows.map((r) => [r.label, r.total])).toEqual([
      ['No', 30],
      ['Yes', 32],
    ]);
  });

  it('moves with the as-of date: 1.4, revised to "Dec 2018", falls due on 31 December, not before', () => {
    const overdue14 = (asOf: string) => checked(asOf).summary.overdue.find((a) => a.ref === '1.4');
    expect(overdue14('2018-12-31')).toBeUndefined();
    expect(overdue14('2019-01-01')?.daysOverdue).toBe(1);
    const soon = checked('2018-12-20').summary.dueSoon.find((a) => a.ref === '1.4');
    expect(soon?.daysToDue).toBe(11);
  });
});
