// Milestones under actions (seed 003: "specific milestones to be achieved in relation to each of the actions").
import { describe, expect, it } from 'vitest';
import { checkPlan } from '../../shared/check-plan';
import { renderHtmlReport } from '../../shared/report/html-report';
import { jsonReport } from '../../shared/report/json-report';
import { actionLists } from '../../shared/summary/action-lists';
import { prepareRun } from '../../shared/run/prepare-run';
import { dayFromIso } from '../../shared/dates/day';
import { defaultSettings } from '../../shared/settings/settings';
import { check, planGrid } from '../helpers/plan-grid';
import { row } from '../helpers/rule-tester';

describe('milestones', () => {
  const c = check([
    row({ ref: '2.4', action: 'Deliver the workforce strategy' }),
    row({ ref: '2.4a', action: 'Consult staff', target: '31/08/2018' }), // overdue milestone
    row({ ref: '2.4b', action: 'Agree with unions', status: 'Completed', target: '31/07/2018' }),
    row({ ref: '2.5', action: 'Review the libraries', status: 'Some slippage', revised: '31/03/2019' }),
    row({ ref: '2.5.1', action: 'Survey users', status: 'Major slippage', revised: '31/03/2019' }),
    row({ ref: '3.1', action: 'Open the hub' }),
  ]);

  it('reads 2.4a and 2.5.1 under the action above as its milestones, and counts actions only', () => {
    expect(c.assessments.map((a) => [a.action.ref, a.action.milestoneOf])).toEqual([
      ['2.4', null],
      ['2.4a', '2.4'],
      ['2.4b', '2.4'],
      ['2.5', null],
      ['2.5.1', '2.5'],
      ['3.1', null],
    ]);
    expect([c.summary.actions, c.summary.milestones, c.summary.total]).toEqual([3, 3, 3]);
    expect(c.summary.statusCounts.map((s) => [s.status, s.count])).toEqual([
      ['Completed', 0],
      ['On track', 2],
      ['Some slippage', 1],
      ['Major slippage', 0],
      ['Not started', 0],
    ]);
  });

  it('lists an overdue milestone under its action, and rolls each action up to its worst milestone', () => {
    expect(c.summary.overdue.map((a) => [a.ref, a.milestoneOf])).toEqual([['2.4a', '2.4']]);
    expect(c.summary.milestoneRollup.map((r) => [r.ref, r.own, r.derived, r.milestones, r.overdue])).toEqual([
      ['2.4', 'green', 'amber', 2, 1],
      ['2.5', 'amber', 'red', 1, 0],
    ]);
  });
});

describe('senior management lead', () => {
  it('breaks the actions down by senior management lead when the sheet has that column', () => {
    const grid = planGrid([]);
    const values = [['Plan'], [], ['Ref', 'Action', 'Lead officer', 'SMT lead', 'Target date', 'Status'], ['1.1', 'A', 'Jo', 'Director of Place', '31/12/2018', 'On track'], ['1.2', 'B', 'Sam', 'director of place', '31/12/2018', 'Completed'], ['1.3', 'C', 'Ann', null, '31/12/2018', 'On track']];
    const r = checkPlan({ ...grid, values }, defaultSettings(), dayFromIso('2018-09-30') ?? 0);
    if (!r.ok) throw new Error(r.message);
    expect(r.summary.bySeniorLead?.rows.map((x) => [x.label, x.total])).toEqual([
      ['Director of Place', 2],
      ['No senior lead', 1],
    ]);
    expect(check([row({})]).summary.bySeniorLead).toBeNull();
  });
});

describe('theme narratives', () => {
  it('keeps the narrative in a theme heading row’s commentary cell apart from its name, and the report shows it', () => {
    const grid = planGrid([{ heading: 'Theme 1 – Housing' }, row({ ref: '1.1' }), { heading: 'Theme 2 – Finance' }, row({ ref: '2.1', status: 'Some slippage', revised: '31/03/2019' })]);
    // The heading row of theme 2 carries a narrative in the Commentary column (G).
    const values = grid.values.map((r) => [...r]);
    const at = values.findIndex((r) => r[0] === 'Theme 2 – Finance');
    values[at] = ['Theme 2 – Finance', null, null, null, null, null, 'Currently a red risk: the budget gap is not closed.'];
    const r = prepareRun({ sheets: [{ name: 'Plan', visibility: 'visible', grid: { ...grid, values } }], activeSheet: 'Plan' }, { asOf: dayFromIso('2018-09-30') ?? 0, today: 0 });
    if (!r.ok) throw new Error(r.message);
    expect(r.themes.map((t) => [t.theme, t.narrative ?? null])).toEqual([
      ['Theme 1 – Housing', null],
      ['Theme 2 – Finance', 'Currently a red risk: the budget gap is not closed.'],
    ]);
    expect(renderHtmlReport(r)).toContain('Theme 2 – Finance (Amber): Currently a red risk: the budget gap is not closed.');
  });
});

describe('milestones in --json', () => {
  it('counts milestones apart, names the action of an overdue one, and gives the roll-up', () => {
    const grid = planGrid([row({ ref: '2.4' }), row({ ref: '2.4a', target: '31/08/2018' }), row({ ref: '2.5' })]);
    const r = prepareRun({ sheets: [{ name: 'Plan', visibility: 'visible', grid }], activeSheet: 'Plan' }, { asOf: dayFromIso('2018-09-30') ?? 0, today: 0 });
    if (!r.ok) throw new Error(r.message);
    const j = jsonReport(r);
    expect([j.actions, j.milestones]).toEqual([2, 1]);
    expect(j.overdue.map((o) => [o.ref, o.milestoneOf, o.cell])).toEqual([['2.4a', '2.4', 'F5']]);
    expect(j.milestoneRollup).toEqual([{ ref: '2.4', row: 4, own: 'green', derived: 'amber', milestones: 1, overdue: 1 }]);
  });
});

describe('milestones in the committee text and the theme roll-up', () => {
  // 2.4 reported On track with an overdue milestone, 2.5 Some slippage with a Major slippage one, 3.1 on track with two overdue.
  const grid = planGrid([
    { heading: 'Theme 2 – Workforce' },
    row({ ref: '2.4', action: 'Deliver the workforce strategy' }),
    row({ ref: '2.4a', action: 'Consult staff', target: '31/08/2018' }),
    row({ ref: '2.5', action: 'Review the libraries', status: 'Some slippage', revised: '31/03/2019' }),
    row({ ref: '2.5.1', action: 'Survey users', status: 'Major slippage', revised: '31/03/2019' }),
    { heading: 'Theme 3 – Hubs' },
    row({ ref: '3.1', action: 'Open the hub' }),
    row({ ref: '3.1a', action: 'Sign the lease', target: '31/07/2018' }),
  ]);
  const r = prepareRun({ sheets: [{ name: 'Plan', visibility: 'visible', grid }], activeSheet: 'Plan' }, { asOf: dayFromIso('2018-09-30') ?? 0, today: 0 });
  if (!r.ok) throw new Error(r.message);
  const html = renderHtmlReport(r);

  it('counts the milestones beside the actions, and tells overdue milestones as their actions’', () => {
    expect(html).toContain('now contains 3 actions, with 3 milestones.');
    expect(html).toContain('2 milestones (of actions 2.4 and 3.1) are past their due date.');
    expect(html).not.toContain('actions are past');
    expect(html).toContain('An action with milestones counts at the RAG its milestones put it at.');
  });

  it('puts a theme at the RAG its actions’ milestones roll them up to', () => {
    // Theme 2: 2.5 rolls up to red through 2.5.1; theme 3: 3.1 to amber through its overdue 3.1a.
    expect(r.themes.map((t) => [t.theme, t.rag])).toEqual([
      ['Theme 2 – Workforce', 'red'],
      ['Theme 3 – Hubs', 'amber'],
    ]);
  });

  it('names the action a listed milestone belongs to, in a column of its own only where a list holds milestones', () => {
    const overdue = actionLists(r.checked.summary, 14).find((l) => l.id === 'overdue');
    expect(overdue?.headings.slice(0, 4)).toEqual(['Ref', 'Milestone of', 'Action', 'Lead officer']);
    expect(overdue?.rows.map((x) => x.slice(0, 3))).toEqual([
      ['3.1a', '3.1', 'Sign the lease'],
      ['2.4a', '2.4', 'Consult staff'],
    ]);
    expect(actionLists(r.checked.summary, 14).find((l) => l.id === 'slipped')?.headings.slice(0, 3)).toEqual(['Ref', 'Action', 'Lead officer']);
    expect(html).toContain('<th scope="col">Milestone of</th>');
  });
});

describe('a type column', () => {
  const values = [
    ['Plan'],
    [],
    ['Ref', 'Type', 'Action', 'Target date', 'Status'],
    ['1', 'Theme', 'Licensing', null, null],
    ['1.1', 'Action', 'Review licensing', '31/03/2019', 'On track'],
    ['M1', 'Milestone', 'Consult the trade', '31/08/2018', 'On track'],
    ['M2', 'milestone', 'Report to committee', '31/12/2018', 'On track'],
    ['1.2', 'Action', 'Train the panel', '31/12/2018', 'Completed'],
    ['1.2a', 'Action', 'Refresher course', '31/03/2019', 'On track'],
  ];
  it('decides: a row typed Milestone belongs to the action above, any other row is an action whatever its ref', () => {
    const r = checkPlan({ ...planGrid([]), values }, defaultSettings(), dayFromIso('2018-09-30') ?? 0);
    if (!r.ok) throw new Error(r.message);
    expect(r.assessments.map((a) => [a.action.ref, a.action.milestoneOf])).toEqual([
      ['1.1', null],
      ['M1', '1.1'],
      ['M2', '1.1'],
      ['1.2', null],
      ['1.2a', null],
    ]);
    expect([r.summary.actions, r.summary.milestones]).toEqual([3, 2]);
    expect(r.summary.overdue.map((a) => [a.ref, a.milestoneOf])).toEqual([['M1', '1.1']]);
  });
});
