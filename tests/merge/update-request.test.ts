// Update requests as data: who gets one, which actions, the form's cells, and the hidden identity.
import { describe, expect, it } from 'vitest';
import { officerFileName } from '../../shared/requests/officer-file-name';
import { identityText, parseIdentity, wordingHash } from '../../shared/requests/request-identity';
import { requestMarker, updateRequests } from '../../shared/requests/update-request';
import { row } from '../helpers/rule-tester';
import { formGrid, planRun } from './helpers';

const plan = planRun([
  row({ ref: '1.1', commentary: 'Two lines:\nsecond.' }),
  row({ ref: '1.2', action: 'Publish the workforce strategy', lead: 'jo  bloggs', status: 'Some slippage', revised: 'Nov 2018' }),
  row({ ref: '1.3', action: 'Complete the audit', lead: 'Jo Bloggs', status: 'Completed' }),
  row({ ref: '1.4', action: 'Finished already', lead: 'Sam Smith', status: 'Completed' }),
  row({ ref: '1.5', action: 'Nobody leads this', lead: null, status: 'In hand?', revised: 'TBC', target: 'Q3 2018/19' }),
  row({ ref: '1.6', action: 'Review the scheme', lead: 'Jo Bloggs', status: 'Not started', target: 43555 }),
]);

describe('update requests', () => {
  const requests = updateRequests(plan);

  it('go to each lead officer with every action not complete, the actions with no lead officer last', () => {
    expect(requests.map((r) => [r.file, r.officer, r.actions])).toEqual([
      ['01-chief-executive.xlsx', 'Chief Executive', 1],
      ['02-jo-bloggs.xlsx', 'jo bloggs', 2],
      ['03-no-lead-officer.xlsx', null, 1],
    ]);
  });

  it('lay out a title, a note, the headings and a line per action, with the values as they were kept hidden', () => {
    const [title, note, headings, ...lines] = formGrid(requests[1]?.form ?? { name: '', columns: [], rows: [], headerRows: 0, lists: [] }).values;
    expect(title).toEqual(['Update request for jo bloggs: please reply by 30/09/2018', null, null, null, null, null, requestMarker]);
    expect(note?.[0]).toBe("2 actions in 'Plan' are not complete as of 30/09/2018. Change only the white cells (Status from its list, Revised date, Commentary), then save this file and send it back.");
    expect(headings).toEqual(['Ref', 'Action', 'Target date', 'Revised date', 'Status', 'Commentary', 'Identity', 'Status as sent', 'Revised date as sent', 'Commentary as sent']);
    expect(lines).toEqual([
      ['1.2', 'Publish the workforce strategy', 43465, 'Nov 2018', 'Some slippage', 'Draft agreed by the board.', identityText({ sheet: 'Plan', ref: '1.2', hash: wordingHash('Publish the workforce strategy'), row: 5 }), 'Some slippage', '2018-11-30', 'Draft agreed by the board.'],
      ['1.6', 'Review the scheme', 43555, null, 'Not started', 'Draft agreed by the board.', identityText({ sheet: 'Plan', ref: '1.6', hash: wordingHash('Review the scheme'), row: 9 }), 'Not started', null, 'Draft agreed by the board.'],
    ]);
  });

  it('keep commentary as typed, placeholder and quarter dates as their text, and a status the scheme lacks as it is', () => {
    const first = formGrid(requests[0]?.form as never).values[3];
    expect(first?.[5]).toBe('Two lines:\nsecond.');
    expect(first?.[9]).toBe('Two lines: second.');
    expect(formGrid(requests[2]?.form as never).values[3]?.slice(0, 6)).toEqual(['1.5', 'Nobody leads this', 'Q3 2018/19', 'TBC', 'In hand?', 'Draft agreed by the board.']);
  });

  it('offer the scheme’s statuses as a list on the status cells, and let only the three fields be typed into', () => {
    const form = requests[1]?.form;
    expect(form?.lists).toEqual([{ col: 5, top: 4, bottom: 5, options: ['Completed', 'On track', 'Some slippage', 'Major slippage', 'Not started'] }]);
    expect(form?.rows[3]?.map((c) => c?.role)).toEqual(['fixed', 'fixed', 'fixed', 'input-date', 'input-text', 'input-text', 'hidden', 'hidden', 'hidden', 'hidden']);
    expect(form?.columns.map((c) => c.hidden)).toEqual([false, false, false, false, false, false, true, true, true, true]);
  });

  it('say by when, when asked', () => {
    expect(updateRequests(plan, { replyBy: plan.checked.asOf + 12 })[0]?.form.rows[0]?.[0]?.value).toEqual({ kind: 'text', text: 'Update request for Chief Executive: please reply by 12/10/2018' });
  });
});

describe('request identity', () => {
  it('reads back what it wrote, and nothing else', () => {
    const id = { sheet: 'CIP | "Monitoring"', ref: '2.4', hash: wordingHash('Train members'), row: 16 };
    expect(parseIdentity(identityText(id))).toEqual(id);
    for (const bad of ['', 'x', '[]', '["a","1","zz",3]', '["a","1","0123abcd",0]', '["a",1,"0123abcd",3]', '{"sheet":"a"}']) expect(parseIdentity(bad)).toBeNull();
    expect(parseIdentity('["a",null,"0123abcd",3]')).toEqual({ sheet: 'a', ref: null, hash: '0123abcd', row: 3 });
  });

  it('hashes the wording, not its case, spacing or punctuation', () => {
    expect(wordingHash('Train members, on planning.')).toBe(wordingHash('train  MEMBERS on planning'));
    expect(wordingHash('Train members on planning')).not.toBe(wordingHash('Train officers on planning'));
    expect(wordingHash(null)).toBe(wordingHash(''));
  });

  it('names files as the chase drafts do', () => {
    expect([officerFileName('Jo Bloggs', 0, 'xlsx'), officerFileName(null, 11, 'eml'), officerFileName('Émile Zola', 2, 'xlsx'), officerFileName('???', 3, 'xlsx')]).toEqual(['01-jo-bloggs.xlsx', '12-no-lead-officer.eml', '03-emile-zola.xlsx', '04-officer.xlsx']);
  });
});
