// Chase lists: per lead officer, the actions that need their update, and the drafts made from them.
import { describe, expect, it } from 'vitest';
import { chaseDraft, emlMessage, mailtoUrl, plainAddress } from '../../shared/chase/chase-draft';
import { chaseLists } from '../../shared/chase/chase-list';
import { dayFromIso } from '../../shared/dates/day';
import type { CellValue } from '../../shared/grid/grid';
import { historyRows, historySheetName, periodRecords } from '../../shared/history/history-sheet';
import { prepareRun, type PreparedRun } from '../../shared/run/prepare-run';
import { check, planGrid, type TestRow } from '../helpers/plan-grid';
import { row } from '../helpers/rule-tester';

const asOf = dayFromIso('2018-09-30') ?? 0;

function run(rows: TestRow[], june?: TestRow[]): PreparedRun {
  const sheets = [{ name: 'Plan', visibility: 'visible' as const, grid: planGrid(rows) }];
  if (june) {
    const records = periodRecords(check(june, {}, '2018-06-30'), 'June 2018', '2018-07-01T09:00:00');
    const values = historyRows([{ label: 'June 2018', asOf: dayFromIso('2018-06-30') ?? 0, recordedAt: '2018-07-01T09:00:00', records }]) as CellValue[][];
    sheets.push({ name: historySheetName, visibility: 'visible', grid: { sheet: historySheetName, top: 1, left: 1, values } });
  }
  const r = prepareRun({ sheets, activeSheet: 'Plan' }, { asOf, today: asOf });
  if (!r.ok) throw new Error(r.message);
  return r;
}

const plan: TestRow[] = [
  row({ ref: '1.1', lead: 'Jo Bloggs', target: '31/08/2018', status: 'On track' }), // overdue
  row({ ref: '1.2', lead: 'Jo Bloggs', target: '31/12/2018', status: 'Some slippage', revised: null }), // slipped, no revised date
  row({ ref: '1.3', lead: 'Sam Patel', target: 'Sep 2018', status: 'Not started' }), // due this month: not started past its start, due soon
  row({ ref: '1.4', lead: 'Sam Patel', target: '31/12/2018', status: 'On track', commentary: 'Work is under way.' }), // commentary as in June
  row({ ref: '1.5', lead: 'Sam Patel', target: '31/08/2018', status: 'Completed' }), // complete: never chased
  row({ ref: '1.6', lead: null, target: '31/07/2018', status: 'On track' }), // overdue, no lead officer
  row({ ref: '1.7', lead: 'jo  bloggs', target: '31/03/2019', status: 'On track', commentary: 'New this quarter.' }), // nothing to chase
];
const june: TestRow[] = [row({ ref: '1.4', lead: 'Sam Patel', target: '31/12/2018', status: 'On track', commentary: 'Work   is under way.' }), row({ ref: '1.7', lead: 'Jo Bloggs', commentary: 'Old words.' })];

describe('chase lists', () => {
  const lists = chaseLists(run(plan, june), { emailOf: (o) => (o === 'Jo Bloggs' ? 'jo.bloggs@example.gov.uk' : null) });

  it('lists, per officer, each action that needs them and why; complete and quiet actions are left out', () => {
    expect(lists.map((l) => [l.officer, l.email, l.items.map((i) => [i.ref, i.cell, i.reasons])])).toEqual([
      ['Jo Bloggs', 'jo.bloggs@example.gov.uk', [['1.1', 'F4', ['overdue']], ['1.2', 'F5', ['slipped-no-revised-date']]]],
      ['Sam Patel', null, [['1.3', 'F6', ['not-started-past-start', 'due-soon']], ['1.4', 'F7', ['commentary-unchanged']]]],
      [null, null, [['1.6', 'F9', ['overdue']]]],
    ]);
    expect(lists[1]?.counts).toEqual({ overdue: 0, 'slipped-no-revised-date': 0, 'not-started-past-start': 1, 'due-soon': 1, 'commentary-unchanged': 1 });
    expect(lists[0]?.items[0]).toMatchObject({ due: '31/08/2018', daysOverdue: 30, status: 'On track' });
  });

  it('takes an officer’s address from the sheet’s e-mail column when nothing else gives one', () => {
    const sheets = [{ name: 'Plan', visibility: 'visible' as const, grid: { ...planGrid([]), values: [['Corporate Improvement Plan'], [], ['Ref', 'Action', 'Lead officer', 'Email', 'Target date', 'Status'], ['2.1', 'Open the hub', 'Ann Lee', ' ann.lee@example.gov.uk ', '31/08/2018', 'On track'], ['2.2', 'Close the depot', 'ann lee', 'Ann <x@y.z>', '31/07/2018', 'On track']] } }];
    const r = prepareRun({ sheets, activeSheet: 'Plan' }, { asOf, today: asOf });
    if (!r.ok) throw new Error(r.message);
    expect(chaseLists(r).map((l) => [l.officer, l.email, l.items.length])).toEqual([['Ann Lee', 'ann.lee@example.gov.uk', 2]]);
    expect(chaseLists(r, { emailOf: () => 'Not an address' })[0]?.email).toBe('ann.lee@example.gov.uk');
  });

  it('does not say commentary is unchanged when there is no earlier period, or it did change', () => {
    const alone = chaseLists(run(plan));
    expect(alone.flatMap((l) => l.items.filter((i) => i.reasons.includes('commentary-unchanged')))).toEqual([]);
  });

  it('drafts a plain-text e-mail per officer, each action under the first reason it is listed for', () => {
    const ctx = { sheet: 'Plan', asOf, dueSoonDays: 14, previousPeriod: 'June 2018' };
    const sam = chaseDraft(lists[1] ?? lists[0]!, ctx);
    expect(sam.to).toBeNull();
    expect(sam.subject).toBe('Improvement plan update needed: 2 actions as of 30/09/2018');
    expect(sam.body).toBe(
      [
        'Dear Sam Patel,',
        '',
        "2 actions you lead in 'Plan' need an update for the position as of 30/09/2018. For each, please send the status, any revised date and a line of commentary.",
        '',
        'Not started, though due to have begun (1)',
        '- 1.3 Agree the partnership vision (due Sep 2018). Status: Not started.',
        '',
        'Commentary unchanged since June 2018 (1)',
        '- 1.4 Agree the partnership vision (due 31/12/2018). Status: On track.',
        '',
        'Thank you.',
      ].join('\n'),
    );
  });

  it('makes a mailto: link with CRLF line ends, cut with a pointer when too long for a mail client', () => {
    const d = { to: 'jo.bloggs@example.gov.uk', subject: 'Update & more', body: 'Line one\nLine two' };
    expect(mailtoUrl(d)).toBe('mailto:jo.bloggs%40example.gov.uk?subject=Update%20%26%20more&body=Line%20one%0D%0ALine%20two');
    const long = mailtoUrl({ ...d, body: Array.from({ length: 200 }, (_, i) => `- action ${i}`).join('\n') }, 600);
    expect(long.length).toBeLessThanOrEqual(600);
    expect(decodeURIComponent(long)).toContain('use Copy in Plan Monitor for the whole text');
  });

  it('writes an RFC 5322 draft Outlook opens unsent: CRLF, UTF-8 subject, base64 body, no header smuggled from a cell', () => {
    const eml = emlMessage({ to: 'jo.bloggs@example.gov.uk\r\nBcc: everyone@example.com', subject: 'Plan – update\r\nBcc: x@y.z', body: 'Dear Jo,\n£5m saved.' });
    const [head = '', body = ''] = eml.split('\r\n\r\n');
    expect(head.split('\r\n')).toEqual([
      'X-Unsent: 1',
      `Subject: =?UTF-8?B?${Buffer.from('Plan – update Bcc: x@y.z').toString('base64')}?=`,
      'MIME-Version: 1.0',
      'Content-Type: text/plain; charset=UTF-8',
      'Content-Transfer-Encoding: base64',
    ]);
    expect(Buffer.from(body.replace(/\r\n/g, ''), 'base64').toString('utf8')).toBe('Dear Jo,\r\n£5m saved.');
    expect(plainAddress(' jo@example.gov.uk ')).toBe('jo@example.gov.uk');
    expect(plainAddress('Jo <jo@example.gov.uk>')).toBeNull();
  });
});
