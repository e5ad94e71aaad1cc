/**
 * The validation rules, one RuleTester table per rule (as ESLint tests its rules), then a few checks
 * on how runRules puts the findings together: severity settings, sorting, and cell addresses.
 *
 * The helper's sheet has its header on row 3 (A Ref, B Action, C Lead officer, D Target date,
 * E Revised date, F Status, G Commentary, H Source), so the first test row is sheet row 4.
 * `row({...})` is a row that passes every rule as of 2018-09-30, the default as-of date.
 */
import { describe, expect, it } from 'vitest';
import { checkPlan } from '../../shared/check-plan';
import { dayFromIso } from '../../shared/dates/day';
import type { GridSnapshot } from '../../shared/grid/grid';
import { ruleIds, type RuleId } from '../../shared/rules/ids';
import { defaultSettings } from '../../shared/settings/settings';
import { check, firstRow, type TestHeading, type TestRow } from '../helpers/plan-grid';
import { row, ruleTester, type InvalidCase, type ValidCase } from '../helpers/rule-tester';

const tested = new Set<RuleId>();

/** ruleTester, also noting which rules have a table and that each table is big enough. */
function rule(id: RuleId, cases: { valid: ValidCase[]; invalid: InvalidCase[] }): void {
  tested.add(id);
  it(`${id} has at least 3 valid and 3 invalid cases`, () => {
    expect(cases.valid.length).toBeGreaterThanOrEqual(3);
    expect(cases.invalid.length).toBeGreaterThanOrEqual(3);
  });
  ruleTester(id, cases);
}

const STATUSES = 'Completed, On track, Some slippage, Major slippage, Not started';

// ------------------------------------------------------------------------------------ identity

rule('missing-identity', {
  valid: [
    { name: 'a sound row', rows: [row({})] },
    { name: 'a ref but no action (missing-action instead)', rows: [row({ action: null })] },
    { name: 'an action but no ref (missing-ref instead)', rows: [row({ ref: null })] },
    { name: 'a heading row is not an action', rows: [{ heading: 'Theme 2 – Finance' }, row({ ref: '2.1' })] },
    { name: 'a row with only commentary is read as a heading, not an action', rows: [{ commentary: 'See the appendix for detail.' }, row({})] },
  ],
  invalid: [
    {
      name: 'status and dates but neither ref nor action: error on the ref cell',
      rows: [row({ ref: null, action: null })],
      findings: [{ cell: 'A4', severity: 'error', message: 'Row 4 has details of an action but neither a ref nor a description' }],
    },
    {
      name: 'only a status and a target date',
      rows: [row({}), { target: '31/12/2018', status: 'On track' }],
      findings: [{ cell: 'A5', severity: 'error', message: 'Row 5' }],
    },
    {
      name: 'only a revised date, under a heading',
      rows: [{ heading: 'Theme 1 – Leadership' }, row({}), { revised: '31/03/2019' }],
      findings: [{ cell: 'A6', severity: 'error', message: 'cannot be identified' }],
    },
    {
      name: 'blank-looking ref and action (spaces only)',
      rows: [row({ ref: '   ', action: ' ' })],
      findings: [{ cell: 'A4', severity: 'error', message: 'Add a ref and describe the action' }],
    },
  ],
});

rule('missing-ref', {
  valid: [
    { name: 'a sound row', rows: [row({})] },
    { name: 'neither ref nor action is missing-identity, not missing-ref', rows: [row({ ref: null, action: null })] },
    { name: 'a ref typed as a number', rows: [row({ ref: 2.4 })] },
    { name: 'a ref that is not action-shaped still counts as a ref', rows: [row({ ref: 'HR1' })] },
  ],
  invalid: [
    {
      name: 'an action with no ref',
      rows: [row({ ref: null })],
      findings: [{ cell: 'A4', severity: 'warning', message: 'The action in row 4 has no ref in A4' }],
    },
    {
      name: 'a ref of spaces only',
      rows: [row({}), row({ ref: '  ', action: 'Review the scheme of delegation' })],
      findings: [{ cell: 'A5', severity: 'warning', message: 'has no ref in A5' }],
    },
    {
      name: 'two unreferenced actions under a heading',
      rows: [{ heading: 'Theme 2 – Finance' }, row({ ref: null }), row({ ref: null, action: 'Set a balanced budget' })],
      findings: [
        { cell: 'A5', severity: 'warning', message: 'row 5' },
        { cell: 'A6', severity: 'warning', message: 'row 6' },
      ],
    },
  ],
});

rule('missing-action', {
  valid: [
    { name: 'a sound row', rows: [row({})] },
    { name: 'neither ref nor action is missing-identity, not missing-action', rows: [row({ ref: null, action: null })] },
    { name: 'an action but no ref', rows: [row({ ref: null })] },
  ],
  invalid: [
    {
      name: 'a ref with no action',
      rows: [row({ ref: '2.4', action: null })],
      findings: [{ cell: 'B4', severity: 'warning', message: 'Action 2.4 has no description in B4' }],
    },
    {
      name: 'an action of spaces only',
      rows: [row({}), row({ ref: '1.2', action: '   ' })],
      findings: [{ cell: 'B5', severity: 'warning', message: 'Action 1.2' }],
    },
    {
      name: 'an action-shaped ref alone makes an action row, which has no description',
      rows: [{ ref: '3.1' }],
      findings: [{ cell: 'B4', severity: 'warning', message: 'Action 3.1 has no description' }],
    },
  ],
});

rule('missing-lead', {
  valid: [
    { name: 'a sound row', rows: [row({})] },
    { name: 'a heading has no lead and needs none', rows: [{ heading: 'Theme 3 – Place' }, row({ ref: '3.1' })] },
    { name: 'a team as lead', rows: [row({ lead: 'Head of Finance / S151 Officer' })] },
  ],
  invalid: [
    {
      name: 'no lead officer',
      rows: [row({ lead: null })],
      findings: [{ cell: 'C4', severity: 'warning', message: 'Action 1.1 has no lead officer in C4' }],
    },
    {
      name: 'a lead of spaces only',
      rows: [row({}), row({ ref: '1.2', lead: '  ' })],
      findings: [{ cell: 'C5', severity: 'warning', message: 'nobody is accountable' }],
    },
    {
      name: 'several actions without leads',
      rows: [row({ lead: null }), row({ ref: '1.2' }), row({ ref: '1.3', lead: null })],
      findings: [
        { cell: 'C4', severity: 'warning', message: 'Action 1.1' },
        { cell: 'C6', severity: 'warning', message: 'Action 1.3' },
      ],
    },
  ],
});

// ------------------------------------------------------------------------------------ status

rule('status-from-fill', {
  valid: [
    { name: 'a typed status wins over its fill', rows: [row({ status: 'On track', statusFill: '#FF0000' })] },
    { name: 'a blank status with a grey band is no status (missing-status instead)', rows: [row({ status: null, statusFill: '#D9D9D9' })] },
    { name: 'a blank status filled purple is no status', rows: [row({ status: null, statusFill: '#7030A0' })] },
    { name: 'a blank status with no fill', rows: [row({ status: null })] },
  ],
  invalid: [
    {
      name: 'a blank status filled red counts as Major slippage',
      rows: [row({ status: null, statusFill: '#FF0000', revised: '31/03/2019' })],
      findings: [{ cell: 'F4', severity: 'warning', message: 'Action 1.1 has no status typed in F4, only the colour red, so it was counted as Major slippage. Type the status in the cell' }],
    },
    {
      name: 'amber and green fills, lower case as Google Sheets gives them',
      rows: [row({ status: null, statusFill: '#ffc000', revised: '31/03/2019' }), row({ ref: '1.2', status: null, statusFill: '#92d050' })],
      findings: [
        { cell: 'F4', severity: 'warning', message: 'only the colour amber, so it was counted as Some slippage' },
        { cell: 'F5', severity: 'warning', message: 'only the colour green, so it was counted as On track' },
      ],
    },
    {
      name: 'the palette grey the tool painted reads back as Not started',
      rows: [row({ status: null, statusFill: '#E5E6E7', commentary: null })],
      findings: [{ cell: 'F4', severity: 'warning', message: 'only the colour grey, so it was counted as Not started' }],
    },
  ],
});

rule('missing-status', {
  valid: [
    { name: 'a sound row', rows: [row({})] },
    { name: 'an unknown status is not a missing one', rows: [row({ status: 'Delayed' })] },
    { name: 'Not started is a status', rows: [row({ status: 'Not started' })] },
    { name: 'a blank status filled amber is read from its colour (status-from-fill instead)', rows: [row({ status: null, statusFill: '#FFC000' })] },
  ],
  invalid: [
    {
      name: 'a blank status',
      rows: [row({ status: null })],
      findings: [{ cell: 'F4', severity: 'error', message: `Action 1.1 has no status in F4, so it cannot be counted. Use one of: ${STATUSES}` }],
    },
    {
      name: 'a status of spaces only',
      rows: [row({}), row({ ref: '1.2', status: '   ' })],
      findings: [{ cell: 'F5', severity: 'error', message: 'no status in F5' }],
    },
    {
      name: 'no status, no ref',
      rows: [row({ ref: null, status: null })],
      findings: [{ cell: 'F4', severity: 'error', message: 'The action in row 4 has no status' }],
    },
  ],
});

rule('unknown-status', {
  valid: [
    { name: 'a sound row', rows: [row({})] },
    { name: '"completed " with a trailing space', rows: [row({ status: 'completed ' })] },
    { name: '"On-Track"', rows: [row({ status: 'On-Track' })] },
    { name: '"some Slippage"', rows: [row({ status: 'some Slippage', revised: '31/03/2019' })] },
    { name: '"MAJOR  SLIPPAGE" in capitals with a double space', rows: [row({ status: 'MAJOR  SLIPPAGE', revised: '31/03/2019' })] },
    { name: '"Not Started."', rows: [row({ status: 'Not Started.' })] },
    { name: '"Complete" (an alias)', rows: [row({ status: 'Complete' })] },
    // The cip scheme lists "green", "amber" and "red" as aliases of On track, Some slippage and Major slippage.
    { name: '"Green" is an alias of On track in the cip scheme', rows: [row({ status: 'Green' })] },
    { name: 'a blank status is missing-status, not unknown-status', rows: [row({ status: null })] },
  ],
  invalid: [
    {
      name: '"Delayed"',
      rows: [row({ status: 'Delayed' })],
      findings: [{ cell: 'F4', severity: 'error', message: `Action 1.1 has the status “Delayed” in F4, which is not one of ${STATUSES}` }],
    },
    {
      name: '"Blue" (a BRAG colour, not a cip status)',
      rows: [row({}), row({ ref: '1.2', status: 'Blue' })],
      findings: [{ cell: 'F5', severity: 'error', message: '“Blue”' }],
    },
    {
      name: '"On hold"',
      rows: [row({ status: 'On hold' })],
      findings: [{ cell: 'F4', severity: 'error', message: 'not counted under any of them' }],
    },
    {
      name: 'a dash as status',
      rows: [row({ status: '-' })],
      findings: [{ cell: 'F4', severity: 'error', message: '“-”' }],
    },
    {
      name: 'two unknown statuses',
      rows: [row({ status: 'Delayed' }), row({ ref: '1.2' }), row({ ref: '1.3', status: 'N/A' })],
      findings: [
        { cell: 'F4', severity: 'error', message: '“Delayed”' },
        { cell: 'F6', severity: 'error', message: '“N/A”' },
      ],
    },
  ],
});

// ------------------------------------------------------------------------------------ dates

rule('missing-target-date', {
  valid: [
    { name: 'a sound row', rows: [row({})] },
    { name: 'a "TBC" target is a placeholder, not missing', rows: [row({ target: 'TBC' })] },
    { name: 'an unreadable target is not missing', rows: [row({ target: '31/02/2019' })] },
    { name: 'a month target', rows: [row({ target: 'Dec 2018' })] },
    { name: 'an Excel serial target', rows: [row({ target: 43465 })] },
  ],
  invalid: [
    {
      name: 'no target date',
      rows: [row({ target: null })],
      findings: [{ cell: 'D4', severity: 'error', message: 'Action 1.1 has no target date in D4' }],
    },
    {
      name: 'a target of spaces only',
      rows: [row({}), row({ ref: '1.2', target: '   ' })],
      findings: [{ cell: 'D5', severity: 'error', message: 'cannot be checked for slippage' }],
    },
    {
      name: 'no target even with a revised date',
      rows: [row({ target: null, revised: '31/03/2019' })],
      findings: [{ cell: 'D4', severity: 'error', message: 'no target date in D4' }],
    },
  ],
});

rule('unreadable-target-date', {
  valid: [
    { name: 'a sound row', rows: [row({})] },
    { name: '"Sept 2018"', rows: [row({ target: 'Sept 2018' })] },
    { name: '"Q3 2018/19"', rows: [row({ target: 'Q3 2018/19' })] },
    { name: '"TBC"', rows: [row({ target: 'TBC' })] },
    { name: 'a blank target is missing, not unreadable', rows: [row({ target: null })] },
  ],
  invalid: [
    {
      name: '"31/02/2019" (no such day)',
      rows: [row({ target: '31/02/2019' })],
      findings: [{ cell: 'D4', severity: 'error', message: 'February 2019 has 28 days' }],
    },
    {
      name: '"September" (no year)',
      rows: [row({}), row({ ref: '1.2', target: 'September' })],
      findings: [{ cell: 'D5', severity: 'error', message: 'has no year' }],
    },
    {
      name: '"13/13/2018"',
      rows: [row({ target: '13/13/2018' })],
      findings: [{ cell: 'D4', severity: 'error', message: 'there is no month 13' }],
    },
    {
      name: 'free text',
      rows: [row({ target: 'when funding allows' })],
      findings: [{ cell: 'D4', severity: 'error', message: 'Action 1.1: the target date in D4 cannot be read' }],
    },
  ],
});

rule('unreadable-revised-date', {
  valid: [
    { name: 'a sound row (no revised date)', rows: [row({})] },
    { name: 'a readable revised date', rows: [row({ revised: 'Mar 2019' })] },
    { name: 'a "TBC" revised date is a placeholder, not unreadable', rows: [row({ revised: 'TBC' })] },
    { name: 'an unreadable target is not an unreadable revised date', rows: [row({ target: '31/02/2019' })] },
  ],
  invalid: [
    {
      name: '"31/02/2019"',
      rows: [row({ revised: '31/02/2019' })],
      findings: [{ cell: 'E4', severity: 'warning', message: 'the revised date in E4 cannot be read, so the target date is used instead' }],
    },
    {
      name: '"soon"',
      rows: [row({}), row({ ref: '1.2', revised: 'soon' })],
      findings: [{ cell: 'E5', severity: 'warning', message: '"soon" is not a date' }],
    },
    {
      name: '"Spring 2018/19" (only winter spans two years)',
      rows: [row({ revised: 'Spring 2018/19' })],
      findings: [{ cell: 'E4', severity: 'warning', message: 'only winter runs across two' }],
    },
  ],
});

const waitsOn = (ref: string, extra = {}) => row({ ref: '1.1', revised: `TBC – dependent on ${ref}`, ...extra });
rule('dependency-at-risk', {
  valid: [
    { name: 'waiting on an action on track', rows: [waitsOn('1.2'), row({ ref: '1.2' })] },
    { name: 'waiting on a completed action, however late it was', rows: [waitsOn('1.2'), row({ ref: '1.2', target: '31/08/2018', status: 'Completed' })] },
    { name: 'a completed action waiting on a slipped one', rows: [waitsOn('1.2', { status: 'Completed' }), row({ ref: '1.2', status: 'Some slippage', revised: '31/03/2019' })] },
    { name: 'an action that waits on nothing', rows: [row({}), row({ ref: '1.2', status: 'Some slippage', revised: '31/03/2019' })] },
  ],
  invalid: [
    {
      name: 'waiting on an overdue action: pointed at the date that names it',
      rows: [waitsOn('1.2'), row({ ref: '1.2', target: '31/08/2018' })],
      findings: [{ cell: 'E4', severity: 'warning', message: 'Action 1.1 waits on 1.2, which is overdue (due 31/08/2018)' }],
    },
    {
      name: 'waiting on a slipped action',
      rows: [waitsOn('1.2'), row({ ref: '1.2', status: 'Major slippage', revised: '31/03/2019' })],
      findings: [{ cell: 'E4', severity: 'warning', message: 'which has slipped (Major slippage)' }],
    },
    {
      name: '"Dependent on 1.2 and 1.3" in the target date, one finding per action at risk',
      rows: [row({ ref: '1.1', target: 'Dependent on 1.2 and 1.3' }), row({ ref: '1.2', target: '31/08/2018' }), row({ ref: '1.3', status: 'Some slippage', revised: '31/03/2019' })],
      findings: [
        { cell: 'D4', severity: 'warning', message: 'waits on 1.2, which is overdue' },
        { cell: 'D4', severity: 'warning', message: 'waits on 1.3, which has slipped' },
      ],
    },
  ],
});

rule('unknown-dependency', {
  valid: [
    { name: 'a ref the plan has', rows: [waitsOn('1.2'), row({ ref: '1.2' })] },
    { name: 'a TBC that names no action', rows: [row({ revised: 'TBC' })] },
    { name: 'no dependency', rows: [row({})] },
  ],
  invalid: [
    { name: 'a ref the plan does not have', rows: [waitsOn('9.9')], findings: [{ cell: 'E4', severity: 'warning', message: 'Action 1.1 waits on 9.9, but the plan has no action 9.9. Check the ref in E4.' }] },
    { name: 'one of two refs unknown', rows: [waitsOn('1.2 and 4.7'), row({ ref: '1.2' })], findings: [{ cell: 'E4', severity: 'warning', message: 'no action 4.7' }] },
    { name: 'in the target date', rows: [row({ target: 'Dependent on 3.1a' })], findings: [{ cell: 'D4', severity: 'warning', message: 'waits on 3.1a' }] },
  ],
});

rule('dependency-cycle', {
  valid: [
    { name: 'a chain that ends', rows: [waitsOn('1.2'), row({ ref: '1.2', revised: 'TBC – dependent on 1.3' }), row({ ref: '1.3' })] },
    { name: 'two actions waiting on the same one', rows: [waitsOn('1.3'), row({ ref: '1.2', revised: 'TBC – dependent on 1.3' }), row({ ref: '1.3' })] },
    { name: 'no dependency', rows: [row({})] },
  ],
  invalid: [
    {
      name: 'two actions waiting on each other: one finding, on the first',
      rows: [waitsOn('1.2'), row({ ref: '1.2', revised: 'TBC – dependent on 1.1' })],
      findings: [{ cell: 'E4', severity: 'error', message: 'Action 1.1 waits on itself through 1.1 → 1.2 → 1.1' }],
    },
    { name: 'an action waiting on itself', rows: [waitsOn('1.1')], findings: [{ cell: 'E4', severity: 'error', message: 'through 1.1 → 1.1' }] },
    {
      name: 'a ring of three',
      rows: [waitsOn('1.2'), row({ ref: '1.2', revised: 'TBC – dependent on 1.3' }), row({ ref: '1.3', revised: 'TBC – dependent on 1.1' })],
      findings: [{ cell: 'E4', severity: 'error', message: '1.1 → 1.2 → 1.3 → 1.1' }],
    },
  ],
});

rule('milestone-behind', {
  valid: [
    { name: 'an action on track with milestones on track', rows: [row({ ref: '2.4' }), row({ ref: '2.4a' }), row({ ref: '2.4b' })] },
    { name: 'a slipped action with a slipped milestone', rows: [row({ ref: '2.4', status: 'Some slippage', revised: '31/03/2019' }), row({ ref: '2.4a', status: 'Some slippage', revised: '31/03/2019' })] },
    { name: 'a completed milestone however late', rows: [row({ ref: '2.4' }), row({ ref: '2.4.1', target: '31/08/2018', status: 'Completed' })] },
    { name: '2.4a with no action 2.4 above it is an action of its own', rows: [row({ ref: '2.4a', status: 'Major slippage', revised: '31/03/2019' }), row({ ref: '2.5' })] },
  ],
  invalid: [
    {
      name: 'on track while a milestone has slipped',
      rows: [row({ ref: '2.4' }), row({ ref: '2.4a', status: 'Major slippage', revised: '31/03/2019' })],
      findings: [{ cell: 'F4', severity: 'warning', message: 'Action 2.4 is reported On track, but its milestone 2.4a is Major slippage' }],
    },
    {
      name: 'on track while a milestone is overdue',
      rows: [row({ ref: '2.4' }), row({ ref: '2.4.1', target: '31/08/2018' })],
      findings: [{ cell: 'F4', severity: 'warning', message: 'its milestone 2.4.1 is overdue (due 31/08/2018)' }],
    },
    {
      name: 'a nested milestone rolls up to the top action',
      rows: [row({ ref: '2.4' }), row({ ref: '2.4.1' }), row({ ref: '2.4.1a', status: 'Some slippage', revised: '31/03/2019' })],
      findings: [{ cell: 'F4', severity: 'warning', message: 'its milestone 2.4.1a is Some slippage' }],
    },
  ],
});

rule('placeholder-date', {
  valid: [
    { name: 'a sound row', rows: [row({})] },
    { name: 'a completed action dated "TBC"', rows: [row({ target: 'TBC', status: 'Completed' })] },
    { name: 'a completed action dated "Ongoing"', rows: [row({ target: 'Ongoing', status: 'Completed' })] },
    { name: 'a completed action with a revised "TBC"', rows: [row({ revised: 'TBC', status: 'Completed' })] },
    { name: 'a "TBC" target replaced by a revised date', rows: [row({ target: 'TBC', revised: '31/03/2019' })] },
    { name: 'a blank target is missing, not a placeholder', rows: [row({ target: null })] },
    { name: '"TBC – dependent on 1.2" while 1.2 is open', rows: [waitsOn('1.2'), row({ ref: '1.2' })] },
  ],
  invalid: [
    {
      name: '"TBC" target',
      rows: [row({ target: 'TBC' })],
      findings: [{ cell: 'D4', severity: 'warning', message: 'Action 1.1 has “TBC” as its target date in D4' }],
    },
    {
      name: '"Ongoing" target',
      rows: [row({}), row({ ref: '1.2', target: 'Ongoing' })],
      findings: [{ cell: 'D5', severity: 'warning', message: '“Ongoing” as its target date' }],
    },
    {
      name: '"TBC – dependent on 1.2" once 1.2 is done: a date can be agreed now',
      rows: [waitsOn('1.2'), row({ ref: '1.2', status: 'Completed' })],
      findings: [{ cell: 'E4', severity: 'warning', message: '“TBC – dependent on 1.2” as its revised date in E4' }],
    },
    {
      name: 'revised "TBC" points at the revised date',
      rows: [row({ revised: 'TBC' })],
      findings: [{ cell: 'E4', severity: 'warning', message: '“TBC” as its revised date in E4' }],
    },
    {
      name: 'both dates "TBC": one finding, on the revised date in force',
      rows: [row({ target: 'TBC', revised: 'TBC', status: 'Some slippage' })],
      findings: [{ cell: 'E4', severity: 'warning', message: 'revised date' }],
    },
    {
      name: '"TBC" target with an unreadable revised date (which falls back to the target)',
      rows: [row({ target: 'TBC', revised: 'next year' })],
      findings: [{ cell: 'D4', severity: 'warning', message: 'can never show as overdue' }],
    },
    {
      name: '"Not started" with a "to be confirmed" target',
      rows: [row({ target: 'To be confirmed', status: 'Not started' })],
      findings: [{ cell: 'D4', severity: 'warning', message: '“To be confirmed”' }],
    },
  ],
});

rule('revised-before-original', {
  valid: [
    { name: 'a sound row (no revised date)', rows: [row({})] },
    { name: 'a later revised date', rows: [row({ revised: '31/03/2019' })] },
    { name: 'the same day', rows: [row({ revised: '31/12/2018' })] },
    { name: '"Dec 2018" against 31/12/2018 falls due the same day', rows: [row({ revised: 'Dec 2018' })] },
    { name: 'a "TBC" revised date', rows: [row({ revised: 'TBC' })] },
    { name: 'a "TBC" target with a revised date', rows: [row({ target: 'TBC', revised: '30/11/2018' })] },
  ],
  invalid: [
    {
      name: 'revised earlier than the target',
      rows: [row({ revised: '30/11/2018' })],
      findings: [{ cell: 'E4', severity: 'warning', message: 'the revised date 30/11/2018 in E4 is earlier than the original target 31/12/2018' }],
    },
    {
      name: 'dates swapped',
      rows: [row({}), row({ ref: '1.2', target: '31/03/2019', revised: '31/12/2018' })],
      findings: [{ cell: 'E5', severity: 'warning', message: 'have not been swapped' }],
    },
    {
      name: 'a day inside the target month is earlier than its month end',
      rows: [row({ target: 'Dec 2018', revised: '15/12/2018' })],
      findings: [{ cell: 'E4', severity: 'warning', message: 'original target Dec 2018' }],
    },
  ],
});

rule('slipped-without-revised-date', {
  valid: [
    { name: 'a sound row', rows: [row({})] },
    { name: 'Some slippage with a revised date', rows: [row({ status: 'Some slippage', revised: '31/03/2019' })] },
    { name: 'Major slippage with a revised date', rows: [row({ status: 'Major slippage', revised: 'Mar 2019' })] },
    { name: 'On track with no revised date', rows: [row({ status: 'On track' })] },
    { name: 'slipped with a revised "TBC" (a placeholder, not blank)', rows: [row({ status: 'Some slippage', revised: 'TBC' })] },
    { name: 'slipped with an unreadable revised date (not blank)', rows: [row({ status: 'Major slippage', revised: 'soon' })] },
  ],
  invalid: [
    {
      name: 'Some slippage, no revised date',
      rows: [row({ status: 'Some slippage' })],
      findings: [{ cell: 'E4', severity: 'warning', message: 'Action 1.1 is reported “Some slippage” but has no revised date in E4' }],
    },
    {
      name: 'Major slippage, no revised date',
      rows: [row({}), row({ ref: '1.2', status: 'Major slippage' })],
      findings: [{ cell: 'E5', severity: 'warning', message: '“Major slippage”' }],
    },
    {
      name: 'an alias ("amber") is reported by its label',
      rows: [row({ status: 'amber' })],
      findings: [{ cell: 'E4', severity: 'warning', message: '“Some slippage”' }],
    },
  ],
});

rule('slipped-without-commentary', {
  valid: [
    { name: 'a sound row', rows: [row({})] },
    { name: 'Some slippage with commentary', rows: [row({ status: 'Some slippage', revised: '31/03/2019' })] },
    { name: 'On track without commentary', rows: [row({ commentary: null })] },
    { name: 'Not started without commentary', rows: [row({ status: 'Not started', commentary: null })] },
  ],
  invalid: [
    {
      name: 'Some slippage, no commentary',
      rows: [row({ status: 'Some slippage', revised: '31/03/2019', commentary: null })],
      findings: [{ cell: 'G4', severity: 'warning', message: 'Action 1.1 is reported “Some slippage” but has no commentary in G4' }],
    },
    {
      name: 'Major slippage, commentary of spaces only',
      rows: [row({}), row({ ref: '1.2', status: 'Major slippage', revised: '31/03/2019', commentary: '  ' })],
      findings: [{ cell: 'G5', severity: 'warning', message: 'explaining why it has slipped' }],
    },
    {
      name: '"red" (alias of Major slippage), no commentary',
      rows: [row({ status: 'red', revised: '31/03/2019', commentary: null })],
      findings: [{ cell: 'G4', severity: 'warning', message: '“Major slippage”' }],
    },
  ],
});

rule('completed-without-commentary', {
  valid: [
    { name: 'a sound row', rows: [row({})] },
    { name: 'Completed with commentary', rows: [row({ status: 'Completed', commentary: 'Vision adopted by Council in July.' })] },
    { name: 'On track without commentary', rows: [row({ commentary: null })] },
    { name: 'slipped without commentary is the slipped rule', rows: [row({ status: 'Some slippage', revised: '31/03/2019', commentary: null })] },
  ],
  invalid: [
    {
      name: 'Completed, no commentary',
      rows: [row({ status: 'Completed', commentary: null })],
      findings: [{ cell: 'G4', severity: 'warning', message: 'Action 1.1 is reported “Completed” but has no commentary in G4 saying what was delivered' }],
    },
    {
      name: '"Done" (alias), no commentary',
      rows: [row({}), row({ ref: '1.2', status: 'Done', commentary: null })],
      findings: [{ cell: 'G5', severity: 'warning', message: '“Completed”' }],
    },
    {
      name: '"completed " with commentary of spaces only',
      rows: [row({ status: 'completed ', commentary: '   ' })],
      findings: [{ cell: 'G4', severity: 'warning', message: 'saying what was delivered' }],
    },
  ],
});

rule('overdue-reported-on-track', {
  valid: [
    { name: 'a sound row', rows: [row({})] },
    { name: 'past target but Completed', rows: [row({ target: '31/08/2018', status: 'Completed' })] },
    { name: 'past target with a later revised date', rows: [row({ target: '31/08/2018', revised: '31/12/2018' })] },
    { name: '"Sept 2018" is due 30/09/2018, so not overdue as of 30/09/2018', rows: [row({ target: 'Sept 2018' })] },
    { name: 'due on the as-of date itself', rows: [row({ target: '30/09/2018' })] },
    { name: 'overdue but reported Some slippage (not on track)', rows: [row({ target: '31/08/2018', status: 'Some slippage', revised: '31/08/2018' })] },
    { name: 'overdue but reported Not started', rows: [row({ target: '31/08/2018', status: 'Not started' })] },
    { name: 'past target with a revised "TBC"', rows: [row({ target: '31/08/2018', revised: 'TBC' })] },
    { name: 'future as-of date not reached', rows: [row({ target: '31/12/2018' })], asOf: '2018-12-31' },
  ],
  invalid: [
    {
      name: 'target 31/08/2018 reported On track',
      rows: [row({ target: '31/08/2018' })],
      findings: [{ cell: 'F4', severity: 'warning', message: 'Action 1.1 is reported “On track” but was due 31/08/2018, 30 days before 30/09/2018' }],
    },
    {
      name: '"Sept 2018" is overdue as of 01/10/2018',
      rows: [row({ target: 'Sept 2018' })],
      asOf: '2018-10-01',
      findings: [{ cell: 'F4', severity: 'warning', message: 'was due Sep 2018' }],
    },
    {
      name: 'a revised date that has itself passed',
      rows: [row({}), row({ ref: '1.2', target: '31/07/2018', revised: '31/08/2018' })],
      findings: [{ cell: 'F5', severity: 'warning', message: 'was due 31/08/2018, 30 days' }],
    },
    {
      name: 'an unreadable revised date falls back to the passed target',
      rows: [row({ target: '31/08/2018', revised: 'soon' })],
      findings: [{ cell: 'F4', severity: 'warning', message: '30 days before 30/09/2018' }],
    },
    {
      name: '"In progress" (alias of On track) overdue',
      rows: [row({ target: '01/09/2018', status: 'In progress' })],
      findings: [{ cell: 'F4', severity: 'warning', message: '“On track” but was due 01/09/2018, 29 days' }],
    },
  ],
});

// ------------------------------------------------------------------------------------ refs across rows

rule('duplicate-ref', {
  valid: [
    { name: 'a sound row', rows: [row({})] },
    { name: 'distinct refs', rows: [row({ ref: '2.1' }), row({ ref: '2.10' }), row({ ref: '2.4a' }), row({ ref: '2.4' })] },
    { name: 'two actions without refs are not duplicates', rows: [row({ ref: null }), row({ ref: null, action: 'Another action' })] },
    { name: 'the same number in a heading and a ref', rows: [{ heading: 'Theme 2 – Finance' }, row({ ref: '2.1' })] },
  ],
  invalid: [
    {
      name: 'two 2.4 rows: one warning on each ref cell',
      rows: [row({ ref: '2.4' }), row({ ref: '2.4', action: 'A second action 2.4' })],
      findings: [
        { cell: 'A4', severity: 'warning', message: 'Ref 2.4 is used by 2 actions (rows 4, 5)' },
        { cell: 'A5', severity: 'warning', message: 'Ref 2.4 is used by 2 actions (rows 4, 5)' },
      ],
    },
    {
      name: 'three 2.4 rows: three warnings',
      rows: [row({ ref: '2.4' }), row({ ref: '2.5' }), row({ ref: '2.4' }), row({ ref: '2.4' })],
      findings: [
        { cell: 'A4', severity: 'warning', message: '3 actions (rows 4, 6, 7)' },
        { cell: 'A6', severity: 'warning', message: '3 actions (rows 4, 6, 7)' },
        { cell: 'A7', severity: 'warning', message: '3 actions (rows 4, 6, 7)' },
      ],
    },
    {
      name: '"2.4", "2.4 " and "2.4." are one ref',
      rows: [row({ ref: '2.4' }), row({ ref: '2.4 ' }), row({ ref: '2.4.' })],
      findings: [
        { cell: 'A4', severity: 'warning', message: 'Ref 2.4 is used by 3 actions' },
        { cell: 'A5', severity: 'warning', message: 'Ref 2.4 is used by 3 actions' },
        { cell: 'A6', severity: 'warning', message: 'Ref 2.4 is used by 3 actions' },
      ],
    },
    {
      name: 'a ref typed as a number matches the same ref typed as text',
      rows: [row({ ref: 2.4 }), row({ ref: '2.4' })],
      findings: [
        { cell: 'A4', severity: 'warning', message: 'Ref 2.4' },
        { cell: 'A5', severity: 'warning', message: 'Ref 2.4' },
      ],
    },
    {
      name: 'duplicates across a heading, and two separate pairs',
      rows: [row({ ref: '1.1' }), row({ ref: '1.2' }), { heading: 'City leadership' }, row({ ref: '1.1' }), row({ ref: '1.2' })],
      findings: [
        { cell: 'A4', severity: 'warning', message: 'Ref 1.1 is used by 2 actions (rows 4, 7)' },
        { cell: 'A5', severity: 'warning', message: 'Ref 1.2 is used by 2 actions (rows 5, 8)' },
        { cell: 'A7', severity: 'warning', message: 'Ref 1.1' },
        { cell: 'A8', severity: 'warning', message: 'Ref 1.2' },
      ],
    },
  ],
});

rule('ref-outside-theme', {
  valid: [
    { name: 'ref 6.1 under Theme 6', rows: [{ heading: 'Theme 6 – Customers' }, row({ ref: '6.1' })] },
    { name: 'no heading at all', rows: [row({ ref: '5.12' })] },
    { name: 'a heading with no number', rows: [{ heading: 'City leadership' }, row({ ref: '5.12' })] },
    { name: 'an unnumbered heading ends the numbered theme above it', rows: [{ heading: 'Theme 6 – Customers' }, row({ ref: '6.1' }), { heading: 'City leadership' }, row({ ref: '5.12' })] },
    { name: 'no ref under a numbered heading', rows: [{ heading: 'Theme 6 – Customers' }, row({ ref: null })] },
    { name: '"3. Place" heading with ref 3.2a', rows: [{ heading: '3. Place' }, row({ ref: '3.2a' })] },
  ],
  invalid: [
    {
      name: '5.12 under Theme 6: warning on the ref of the row below the heading',
      rows: [{ heading: 'Theme 6 – Customers' }, row({ ref: '5.12' })],
      findings: [{ cell: 'A5', severity: 'warning', message: 'Ref 5.12 in A5 sits under “Theme 6 – Customers” but its number says theme 5' }],
    },
    {
      name: 'only the stray row of a theme',
      rows: [{ heading: 'Theme 2 – Finance' }, row({ ref: '2.1' }), row({ ref: '3.1' }), row({ ref: '2.2' })],
      findings: [{ cell: 'A6', severity: 'warning', message: 'Ref 3.1' }],
    },
    {
      name: 'the heading in force is the nearest one above',
      rows: [{ heading: 'Theme 1 – Leadership' }, row({ ref: '1.1' }), { heading: 'Theme 2 – Finance' }, row({ ref: '1.2' })],
      findings: [{ cell: 'A7', severity: 'warning', message: 'sits under “Theme 2 – Finance” but its number says theme 1' }],
    },
    {
      name: 'theme 10 is not theme 1',
      rows: [{ heading: 'Theme 10 – Housing' }, row({ ref: '1.10' })],
      findings: [{ cell: 'A5', severity: 'warning', message: 'theme 1.' }],
    },
  ],
});

describe('every rule has a table', () => {
  it('covers each id in shared/rules/ids.ts', () => {
    expect([...tested].sort()).toEqual([...ruleIds].sort());
  });
});

// ------------------------------------------------------------------------------------ runRules as a whole

describe('runRules', () => {
  it('a severity setting changes a rule’s severity, and "off" silences it', () => {
    const rows: TestRow[] = [row({ ref: '2.4', lead: null }), row({ ref: '2.4' })];
    const byDefault = check(rows);
    expect(byDefault.findings.filter((f) => f.rule === 'duplicate-ref').map((f) => f.severity)).toEqual(['warning', 'warning']);
    expect(byDefault.findings.filter((f) => f.rule === 'missing-lead').map((f) => f.cell)).toEqual(['C4']);

    const tuned = check(rows, { rules: { 'duplicate-ref': 'error', 'missing-lead': 'off' } });
    expect(tuned.findings.map((f) => [f.rule, f.severity, f.cell])).toEqual([
      ['duplicate-ref', 'error', 'A4'],
      ['duplicate-ref', 'error', 'A5'],
    ]);
    expect(tuned.errors).toBe(2);
    expect(tuned.warnings).toBe(0);
  });

  it('can turn a default error down to a warning', () => {
    const found = check([row({ status: null })], { rules: { 'missing-status': 'warning' } }).findings;
    expect(found.map((f) => [f.rule, f.severity, f.cell])).toEqual([['missing-status', 'warning', 'F4']]);
  });

  it('a sound plan of varied rows gives no findings at all', () => {
    const rows: (TestRow | TestHeading)[] = [
      { heading: 'Theme 1 – Leadership' },
      row({ ref: '1.1' }),
      row({ ref: '1.2', target: '31/07/2018', status: 'Completed', commentary: 'Adopted by Council on 19 July.' }),
      row({ ref: '1.3', target: 'Sept 2018', revised: 'Q4 2018/19', status: 'Some slippage', commentary: 'Consultation extended.' }),
      { heading: 'Theme 2 – Finance' },
      row({ ref: '2.1', target: 'Mar 2019', status: 'Not started', commentary: null }),
      row({ ref: '2.2', lead: 'S151 Officer', target: '30/06/2018', revised: '31/12/2018', status: 'Major slippage', commentary: 'Awaiting audit.', source: 'Peer review' }),
    ];
    const result = check(rows);
    expect(result.findings).toEqual([]);
    expect(result.assessments).toHaveLength(5);
  });

  it('sorts findings by row, then errors before warnings', () => {
    const rows: TestRow[] = [
      row({ ref: '2.4', commentary: null, status: 'Completed' }),
      row({ ref: '1.2', lead: null, target: 'TBC', status: null }),
      row({ ref: '2.4', target: '31/08/2018', revised: '31/07/2018' }),
    ];
    const found = check(rows).findings;
    expect(found.map((f) => [f.row, f.severity, f.rule])).toEqual([
      [4, 'warning', 'completed-without-commentary'],
      [4, 'warning', 'duplicate-ref'],
      [5, 'error', 'missing-status'],
      [5, 'warning', 'placeholder-date'],
      [5, 'warning', 'missing-lead'],
      [6, 'warning', 'revised-before-original'],
      [6, 'warning', 'overdue-reported-on-track'],
      [6, 'warning', 'duplicate-ref'],
    ]);
  });

  it('puts an error from a rule listed late before a warning from a rule listed early', () => {
    // placeholder-date runs before missing-lead; raising missing-lead to an error must still sort it first.
    const found = check([row({ target: 'TBC', lead: null })], { rules: { 'missing-lead': 'error' } }).findings;
    expect(found.map((f) => [f.rule, f.severity])).toEqual([
      ['missing-lead', 'error'],
      ['placeholder-date', 'warning'],
    ]);
  });

  it('gives every finding a real A1 cell on the row it names', () => {
    const rows: (TestRow | TestHeading)[] = [
      { heading: 'Theme 6 – Customers' },
      row({ ref: '5.12', lead: null, status: 'Delayed' }),
      row({ ref: null, action: null }),
      row({ ref: '6.2', action: null, target: '31/02/2019', revised: 'soon', commentary: null, status: 'Completed' }),
      row({ ref: '6.3', target: 'TBC', status: 'Major slippage', commentary: null }),
      row({ ref: '6.3', target: '31/08/2018', revised: '31/07/2018' }),
      row({ ref: '6.5', status: null, target: null }),
    ];
    const found = check(rows).findings;
    expect(found.length).toBeGreaterThan(10);
    for (const f of found) {
      expect(f.cell).toMatch(/^[A-H]\d+$/);
      expect(Number(f.cell.slice(1))).toBe(f.row);
      expect(f.row).toBeGreaterThanOrEqual(firstRow);
      expect(f.sheet).toBe('Plan');
      expect(f.message).not.toMatch(/\{\w+\}/);
    }
  });

  describe('sheets without some columns', () => {
    const asOf = dayFromIso('2018-09-30');
    const run = (values: GridSnapshot['values']) => {
      if (asOf === null) throw new Error('bad date');
      const result = checkPlan({ sheet: 'Plan', top: 1, left: 1, values }, defaultSettings(), asOf);
      if (!result.ok) throw new Error(result.message);
      return result.findings.map((f) => [f.rule, f.cell]);
    };

    it('skips missing-lead when there is no Lead column', () => {
      expect(
        run([['Plan'], [], ['Ref', 'Action', 'Target date', 'Status'], ['1.1', 'Agree the vision', '31/12/2018', 'On track'], [null, null, '31/12/2018', 'On track'], [null, 'Set the budget', '31/12/2018', 'On track']]),
      ).toEqual([
        ['missing-identity', 'A5'],
        ['missing-ref', 'A6'],
      ]);
    });

    it('without a Ref column, still reports missing identity (on the action cell) but not missing refs', () => {
      expect(run([['Plan'], [], ['Action', 'Lead officer', 'Target date', 'Status'], ['Agree the vision', 'Chief Executive', '31/12/2018', 'On track'], [null, 'Chief Executive', '31/12/2018', 'On track']])).toEqual([
        ['missing-identity', 'A5'],
      ]);
    });
  });
});
