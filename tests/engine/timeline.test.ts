// An action's timeline from the recorded periods and the audit trail: the original target, then each
// revised date with where it was first seen, as the committee report and the panel show it.
import { describe, expect, it } from 'vitest';
import { editsBetween, readAuditSheet, type AuditEntry } from '../../shared/audit/audit-trail';
import { actionTimelines, timelineText, type ActionTimeline, type TimelineStep } from '../../shared/audit/timeline';
import { dayFromIso } from '../../shared/dates/day';
import { periodRecords, type Period } from '../../shared/history/history-sheet';
import { mergeReplies } from '../../shared/merge/merge-replies';
import { check, firstRow, type TestRow } from '../helpers/plan-grid';
import { row } from '../helpers/rule-tester';
import { planRun, replyFor } from '../merge/helpers';

function period(label: string, asOf: string, recordedAt: string, rows: TestRow[]): Period {
  return { label, asOf: dayFromIso(asOf) ?? 0, recordedAt, records: periodRecords(check(rows, {}, asOf), label, recordedAt) };
}

const texts = (timelines: ActionTimeline[]) => timelines.map((t) => timelineText(t.ref, t.steps));
const step = (kind: TimelineStep['kind'], text: string, recorded: string, due: string, seen: string | null, from: TimelineStep['from']): TimelineStep => ({ kind, text, recorded, due, seen, from });

describe('timelines from the recorded periods', () => {
  const juneRows = [
    row({ ref: '1.1' }),
    row({ ref: '1.2', target: 'Sept 2018', revised: 'Dec 2018', status: 'Some slippage' }),
    row({ ref: '1.3', target: 'Aug 2018', revised: 'Dec 2018', status: 'Some slippage' }),
    row({ ref: '4.2', action: 'Undertake LGA Member / Member training', target: 'April 2018', revised: 'Sept 2018', status: 'Some slippage' }),
  ];
  const septRows = [
    row({ ref: '1.1' }),
    // The same text again, and the same deadline typed another way: neither is a move.
    row({ ref: '1.2', target: 'Sept 2018', revised: 'Dec 2018', status: 'Some slippage' }),
    row({ ref: '1.3', target: 'Aug 2018', revised: '31/12/2018', status: 'Some slippage' }),
    row({ ref: '4.2', action: 'Undertake LGA Member / Member training', target: 'April 2018', revised: '30-11-18', status: 'Some slippage' }),
    // Added after June: its timeline starts where it was first recorded.
    row({ ref: '8.8', action: 'Deliver the information governance improvement plan', target: 'Dec 2018', revised: 'Mar 2019', status: 'Some slippage' }),
  ];
  const history = [period('June 2018', '2018-06-30', '2018-07-02T09:00:00', juneRows), period('Sept 2018', '2018-09-30', '2018-10-01T09:00:00', septRows)];
  // December, not yet recorded: 8.8 has moved again since September.
  const decRows = septRows.map((r) => (r.ref === '8.8' ? { ...r, revised: 'June 2019' } : r));
  const timelines = actionTimelines(check(decRows, {}, '2018-12-31'), history, []);

  it('gives an action revised in June and again in September each date with the period that first recorded it', () => {
    const t = timelines.find((x) => x.ref === '4.2');
    expect(t).toEqual({
      row: firstRow + 3,
      ref: '4.2',
      action: 'Undertake LGA Member / Member training',
      steps: [
        step('original', 'April 2018', 'Apr 2018', '2018-04-30', 'June 2018', 'period'),
        step('revised', 'September 2018', 'Sep 2018', '2018-09-30', 'June 2018', 'period'),
        step('revised', '30 November 2018', '30/11/2018', '2018-11-30', 'Sept 2018', 'period'),
      ],
      moves: 2,
    });
    expect(timelineText(t?.ref ?? null, t?.steps ?? [])).toBe('4.2: April 2018 → September 2018 (June 2018) → 30 November 2018 (Sept 2018)');
  });

  it('makes one step of a date recorded in two periods, as typed again or in another style', () => {
    expect(timelines.find((x) => x.ref === '1.2')?.steps).toEqual([step('original', 'September 2018', 'Sep 2018', '2018-09-30', 'June 2018', 'period'), step('revised', 'December 2018', 'Dec 2018', '2018-12-31', 'June 2018', 'period')]);
    expect(texts(timelines.filter((x) => x.ref === '1.2' || x.ref === '1.3'))).toEqual(['1.2: September 2018 → December 2018 (June 2018)', '1.3: August 2018 → December 2018 (June 2018)']);
  });

  it('starts an action added after the first period at the period that first recorded it, and ends with the plan now when it has moved since', () => {
    expect(timelines.find((x) => x.ref === '8.8')?.steps).toEqual([
      step('original', 'December 2018', 'Dec 2018', '2018-12-31', 'Sept 2018', 'period'),
      step('revised', 'March 2019', 'Mar 2019', '2019-03-31', 'Sept 2018', 'period'),
      step('revised', 'June 2019', 'Jun 2019', '2019-06-30', 'as of 31 December 2018', 'current'),
    ]);
  });

  it('gives no timeline to an action whose date never moved', () => {
    expect(timelines.map((t) => t.ref)).toEqual(['1.2', '1.3', '4.2', '8.8']);
    expect(timelines.find((x) => x.ref === '1.1')).toBeUndefined();
  });

  it('leaves out a period after the as-of date, and labels the plan now with the period recorded for its date', () => {
    const asInJune = actionTimelines(check(juneRows, {}, '2018-06-30'), history, []);
    expect(texts(asInJune)).toEqual(['1.2: September 2018 → December 2018 (June 2018)', '1.3: August 2018 → December 2018 (June 2018)', '4.2: April 2018 → September 2018 (June 2018)']);
    const retypedInJune = juneRows.map((r) => (r.ref === '4.2' ? { ...r, revised: 'Oct 2018' } : r));
    expect(texts(actionTimelines(check(retypedInJune, {}, '2018-06-30'), history, [])).at(-1)).toBe('4.2: April 2018 → September 2018 (June 2018) → October 2018 (June 2018)');
  });
});

describe('timelines with the audit trail', () => {
  // Two actions 2.4, as a real plan has: each entry of the trail finds its own by wording.
  const members = { ref: '2.4', action: 'Train members on planning', target: 'Jun 2018' };
  const officers = { ref: '2.4', action: 'Train officers on planning', target: 'Jul 2018' };
  const juneRows = [row({ ...members, revised: 'Sept 2018', status: 'Some slippage' }), row({ ...officers, status: 'On track' })];
  const june = period('June 2018', '2018-06-30', '2018-07-02T09:00:00', juneRows);

  /** The audit rows a merge of one reply writes, read back as the trail. */
  function merged(rows: TestRow[], when: string, edit: (r: ReturnType<typeof replyFor>) => void, before: AuditEntry[] = []): AuditEntry[] {
    const run = { ...planRun(rows), audit: before };
    const reply = replyFor(run, 'Chief Executive', '01-chief-executive.xlsx');
    edit(reply);
    const result = mergeReplies(run, [{ file: reply.file, workbook: reply.workbook }], { when });
    expect(result.refused).toEqual([]);
    return readAuditSheet({ sheet: 'Plan Monitor Audit', top: 1, left: 1, values: result.audit?.rows ?? [] });
  }

  it('adds the date a merge between periods placed, with its source; a date first merged keeps that source when a period records it', () => {
    // In August a reply moved the first 2.4 to October and gave the second one December; the first was then retyped as 30/11/2018 by hand.
    const trail = merged(juneRows, '2018-08-15T10:00:00', (r) => r.set('2.4', 'revised', 'Oct 2018').set('2.4', 'revised', 'Dec 2018', { nth: 2 }));
    expect(trail.map((e) => [e.period, e.action, e.field, e.old, e.new, e.source])).toEqual([
      ['', 'Train members on planning', 'revised date', 'Sep 2018', 'Oct 2018', "merge of reply '01-chief-executive.xlsx'"],
      ['', 'Train officers on planning', 'revised date', '', 'Dec 2018', "merge of reply '01-chief-executive.xlsx'"],
    ]);
    const septRows = [row({ ...members, revised: '30/11/2018', status: 'Some slippage' }), row({ ...officers, revised: 'Dec 2018', status: 'Some slippage' })];
    const sept = period('Sept 2018', '2018-09-30', '2018-10-01T09:00:00', septRows);
    // Recording September also saw the edits since June: the same dates again, under the period.
    const seen = editsBetween(june, sept.records, { when: sept.recordedAt, period: 'Sept 2018', source: 'seen between June 2018 and Sept 2018' }).filter((e) => e.field === 'revised date');
    expect(seen.map((e) => [e.action, e.old, e.new])).toEqual([
      ['Train members on planning', 'Sep 2018', '30/11/2018'],
      ['Train officers on planning', '', 'Dec 2018'],
    ]);
    const timelines = actionTimelines(check(septRows), [june, sept], [...trail, ...seen]);
    expect(timelines.map((t) => [t.row, timelineText(t.ref, t.steps)])).toEqual([
      [firstRow, "2.4: June 2018 → September 2018 (June 2018) → October 2018 (merge of reply '01-chief-executive.xlsx') → 30 November 2018 (Sept 2018)"],
      [firstRow + 1, "2.4: July 2018 → December 2018 (merge of reply '01-chief-executive.xlsx')"],
    ]);
    expect(timelines[0]?.steps[2]).toEqual(step('revised', 'October 2018', 'Oct 2018', '2018-10-31', "merge of reply '01-chief-executive.xlsx'", 'audit'));
  });

  it('places a merge after the last period after it, and shows a date only the trail’s old value knows without a label', () => {
    const septRows = [row({ ...members, revised: '30/11/2018', status: 'Some slippage' }), row({ ...officers, status: 'On track' })];
    const sept = period('Sept 2018', '2018-09-30', '2018-10-01T09:00:00', septRows);
    // After September was recorded the first 2.4 was retyped as Dec 2018 by hand, then a reply moved it to January.
    const handEdited = [row({ ...members, revised: 'Dec 2018', status: 'Some slippage' }), row({ ...officers, status: 'On track' })];
    const trail = merged(handEdited, '2018-10-20T10:00:00', (r) => r.set('2.4', 'revised', 'Jan 2019'));
    const now = [row({ ...members, revised: 'Jan 2019', status: 'Some slippage' }), row({ ...officers, status: 'On track' })];
    const timelines = actionTimelines(check(now, {}, '2018-10-31'), [june, sept], trail);
    expect(timelines.map((t) => timelineText(t.ref, t.steps))).toEqual(["2.4: June 2018 → September 2018 (June 2018) → 30 November 2018 (Sept 2018) → December 2018 → January 2019 (merge of reply '01-chief-executive.xlsx')"]);
    expect(timelines[0]?.steps[3]).toEqual(step('revised', 'December 2018', 'Dec 2018', '2018-12-31', null, null));
  });

  it('needs no history: the original is the target as it stands, then what the trail saw', () => {
    const rows = [row({ ref: '1.1', target: 'April 2018', revised: 'Sept 2018', status: 'Some slippage' })];
    const trail = merged(rows, '2018-10-05T10:00:00', (r) => r.set('1.1', 'revised', 'TBC'));
    const timelines = actionTimelines(check([row({ ref: '1.1', target: 'April 2018', revised: 'TBC', status: 'Some slippage' })]), [], trail);
    expect(timelines.map((t) => t.steps)).toEqual([
      [
        step('original', 'April 2018', 'Apr 2018', '2018-04-30', 'as of 30 September 2018', 'current'),
        step('revised', 'September 2018', 'Sep 2018', '2018-09-30', null, null),
        step('revised', 'to be confirmed', 'TBC', '', "merge of reply '01-chief-executive.xlsx'", 'audit'),
      ],
    ]);
    expect(timelineText(null, timelines[0]?.steps ?? [])).toBe("No ref: April 2018 → September 2018 → to be confirmed (merge of reply '01-chief-executive.xlsx')");
  });

  it('ignores what the trail says of other fields, of actions no longer in the plan, and a revised date cleared', () => {
    const other = (field: AuditEntry['field'], ref: string, old: string, now: string): AuditEntry => ({ when: '2018-08-01T10:00:00', period: '', ref, action: 'Train members on planning', field, old, new: now, source: 'apply' });
    const trail = [other('status', '2.4', 'On track', 'Some slippage'), other('target date', '2.4', 'Jun 2018', 'May 2018'), other('revised date', '9.9', '', 'Mar 2019'), other('revised date', '2.4', 'Sept 2018', '')];
    expect(texts(actionTimelines(check(juneRows, {}, '2018-06-30'), [june], trail))).toEqual(['2.4: June 2018 → September 2018 (June 2018)']);
  });
});
