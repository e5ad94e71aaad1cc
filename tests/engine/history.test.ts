import { describe, expect, it } from 'vitest';
import { dayFromIso } from '../../shared/dates/day';
import type { CellValue } from '../../shared/grid/grid';
import { compareWithHistory } from '../../shared/history/compare';
import { historyRows, periodRecords, readHistorySheet, withPeriod } from '../../shared/history/history-sheet';
import { matchActions } from '../../shared/history/identity';
import { themeRollup } from '../../shared/summary/themes';
import { check } from '../helpers/plan-grid';
import { row } from '../helpers/rule-tester';

describe('action identity across periods', () => {
  it('follows refs wherever the rows moved, and tells two actions 2.4 apart by their wording', () => {
    const before = [
      { ref: '2.4', action: 'Undertake detailed and regular planning meetings between CLT and Cabinet' },
      { ref: '2.4', action: 'Ensure risk assessments are used in the analysis of future financial impacts' },
      { ref: '3.1', action: 'Undertake a senior management restructure' },
      { ref: null, action: 'Launch the staff survey' },
    ];
    const now = [
      { ref: '3.1', action: 'Undertake a senior management restructure to create capacity' },
      { ref: '2.4', action: 'Ensure risk assessments are used in the analysis of future financial impacts.' },
      { ref: '8.8', action: 'Deliver the information governance improvement plan' },
      { ref: '2.4', action: 'Undertake detailed and regular planning meetings between CLT and Cabinet to ensure delivery of robust MTFP programme' },
      { ref: null, action: 'Launch the staff survey' },
    ];
    expect(matchActions(before, now)).toEqual([2, 1, -1, 0, 3]);
  });

  it('does not pair ref-less actions whose wording differs', () => {
    expect(matchActions([{ ref: null, action: 'Review the libraries' }], [{ ref: null, action: 'Open the new swimming pool' }])).toEqual([-1]);
  });
});

describe('history sheet and comparison', () => {
  const june = check([row({ ref: '1.1', target: 'Sept 2018', status: 'On track' }), row({ ref: '1.2', target: '31/12/2018', status: 'On track' })], {}, '2018-06-30');
  const sept = check([row({ ref: '1.1', target: '30/09/2018', status: 'Completed' }), row({ ref: '1.2', target: '31/12/2018', revised: 'Mar 2019', status: 'Some slippage' })], {}, '2018-09-30');
  const period = { label: 'June 2018', asOf: dayFromIso('2018-06-30') ?? 0, recordedAt: '2018-07-01T09:00:00', records: periodRecords(june, 'June 2018', '2018-07-01T09:00:00') };

  it('round-trips through its own plain cells', () => {
    const rows = historyRows([period]);
    expect(rows[1]).toEqual(['Period', 'As of', 'Recorded at', 'Ref', 'Action', 'Theme', 'Status', 'Target date', 'Revised date', 'Target due', 'Revised due', 'Lead officer', 'Commentary']);
    expect(rows[2]).toEqual(['June 2018', '2018-06-30', '2018-07-01T09:00:00', '1.1', 'Agree the partnership vision', 'Theme 1', 'On track', 'Sep 2018', '', '2018-09-30', '', 'Chief Executive', 'Draft agreed by the board.']);
    const read = readHistorySheet({ sheet: 'H', top: 1, left: 1, values: rows as CellValue[][] });
    expect(read.problems).toEqual([]);
    expect(read.periods).toEqual([period]);
  });

  it('reads a sheet written before it kept lead officers and commentary: those are unknown (null), not empty', () => {
    const old = historyRows([period]).map((r) => r.slice(0, 11));
    const read = readHistorySheet({ sheet: 'H', top: 1, left: 1, values: old as CellValue[][] });
    expect(read.problems).toEqual([]);
    expect(read.periods[0]?.records.map((r) => [r.ref, r.lead, r.commentary])).toEqual([
      ['1.1', null, null],
      ['1.2', null, null],
    ]);
  });

  it('replaces a period of the same name rather than adding a second', () => {
    const again = withPeriod([period], { ...period, label: 'june 2018', recordedAt: 'later' });
    expect(again.map((p) => [p.label, p.recordedAt])).toEqual([['june 2018', 'later']]);
  });

  it('compares by deadline: retyping "Sept 2018" as 30/09/2018 is not a re-profile, a new revised date is', () => {
    const c = compareWithHistory(sept, [period], { allPeriods: false });
    expect(c.columns.map((x) => [x.label, x.counts])).toEqual([
      ['June 2018', [0, 2, 0, 0, 0]],
      ['As of 30/09/2018', [1, 0, 1, 0, 0]],
    ]);
    expect(c.changes).toEqual([
      { ref: '1.1', action: 'Agree the partnership vision', from: 'On track', to: 'Completed' },
      { ref: '1.2', action: 'Agree the partnership vision', from: 'On track', to: 'Some slippage' },
    ]);
    expect(c.reprofiled).toEqual([{ ref: '1.2', action: 'Agree the partnership vision', dates: ['31/12/2018', 'Mar 2019'], times: 1 }]);
    expect(c.firstSlipped.map((x) => x.ref)).toEqual(['1.2']);
  });
});

describe('theme RAG', () => {
  const plan = check([{ heading: 'Theme 1 – Leadership' }, row({ ref: '1.1', status: 'Completed' }), row({ ref: '1.2', status: 'On track' }), row({ ref: '1.3', status: 'On track' }), row({ ref: '1.4', status: 'Some slippage', revised: 'Mar 2019' }), { heading: 'Theme 2 – Finance' }, row({ ref: '2.1', status: 'Completed' })]);
  const labels = plan.scheme.statuses.map((s) => s.label);
  it('is the worst open status by default, blue when everything is complete', () => {
    expect(themeRollup(plan.assessments, 'worst', labels).map((t) => [t.theme, t.rag])).toEqual([
      ['Theme 1 – Leadership', 'amber'],
      ['Theme 2 – Finance', 'blue'],
    ]);
  });
  it('can be the most common status instead', () => {
    expect(themeRollup(plan.assessments, 'majority', labels)[0]).toEqual({ theme: 'Theme 1 – Leadership', rag: 'green', counts: { Completed: 1, 'On track': 2, 'Some slippage': 1 } });
  });
});
