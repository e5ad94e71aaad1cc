// How the engine reads the plan shapes of seeds 001–003: the fixes their fixtures needed.
import { describe, expect, it } from 'vitest';
import type { CheckedPlan } from '../../shared/check-plan';
import { dayFromIso } from '../../shared/dates/day';
import type { CellValue } from '../../shared/grid/grid';
import { detectHeader, renderHeaderProblem, type HeaderResult } from '../../shared/header/detect-header';
import { buildEditPlan } from '../../shared/edit-plan/edit-plan';
import { prepareRun } from '../../shared/run/prepare-run';
import { defaultSettings } from '../../shared/settings/settings';
import { check } from '../helpers/plan-grid';
import { row } from '../helpers/rule-tester';

/** field → column letter. */
function mapped(r: HeaderResult): Record<string, string> {
  if (!r.ok) throw new Error(renderHeaderProblem(r.problem));
  return Object.fromEntries(Object.entries(r.header.columns).map(([f, m]) => [f, String.fromCharCode(64 + m.col)]));
}
const headerOf = (headers: string[], columns: Record<string, string> = {}) => mapped(detectHeader({ sheet: 'Plan', top: 1, left: 1, values: [headers] }, columns));

describe('Covalent’s column names (seed 001)', () => {
  it('reads Code as the ref, Assigned To as the lead officer and Latest Note as the commentary', () => {
    expect(headerOf(['Code', 'Task', 'Assigned To', 'Original Due Date', 'Revised Due Date', 'Status', 'Latest Note'])).toEqual({
      ref: 'A',
      action: 'B',
      lead: 'C',
      target: 'D',
      revised: 'E',
      status: 'F',
      commentary: 'G',
    });
  });

  it('still prefers Ref, Lead officer and Commentary where a sheet has them beside the Covalent names', () => {
    expect(headerOf(['Code', 'Ref', 'Action', 'Assigned To', 'Lead officer', 'Due date', 'Status', 'Note', 'Commentary'])).toEqual({
      ref: 'B',
      action: 'C',
      lead: 'E',
      target: 'F',
      status: 'G',
      commentary: 'I',
    });
  });
});

describe('a plan of workstreams (seed 002)', () => {
  const values: CellValue[][] = [
    ['Ref', 'Workstream', 'Lead officer', 'Target date', 'RAG', 'Update'],
    ['Theme 1 – Organisational Culture', null, null, null, null, 'All workstreams were currently on track.'],
    ['1.1', 'Organisational Culture Change Programme', 'Head of OD', '31/03/2023', 'Green', 'Survey done.'],
    ['1.2', 'Officer and Member relationships', 'Monitoring Officer', '31/12/2022', 'Currently on track', 'Protocol refreshed.'],
    ['Theme 2 – Corporate Oversight', null, null, null, null, 'There was some slippage.'],
    ['2.1', 'Performance Management Framework', 'Strategic Lead', '31/12/2022', 'Currently a red risk', 'Vacant posts.'],
  ];

  it('reads the Workstream column as the rows’ items when the sheet has no Action column', () => {
    expect(headerOf(values[0] as string[])).toEqual({ ref: 'A', action: 'B', lead: 'C', target: 'D', status: 'E', commentary: 'F' });
  });

  it('keeps Workstream as the theme beside an Action column, or when a setting names the action column', () => {
    expect(headerOf(['Ref', 'Workstream', 'Action', 'Target date', 'RAG'])).toEqual({ ref: 'A', theme: 'B', action: 'C', target: 'D', status: 'E' });
    expect(headerOf(['Ref', 'Workstream', 'What', 'Target date', 'RAG'], { action: 'C' })).toEqual({ ref: 'A', theme: 'B', action: 'C', target: 'D', status: 'E' });
  });

  it('so the themes are the headings, each with its narrative, and the workstreams are counted under them', () => {
    const run = prepareRun({ sheets: [{ name: 'Plan', visibility: 'visible', grid: { sheet: 'Plan', top: 1, left: 1, values } }], activeSheet: 'Plan' }, { asOf: dayFromIso('2022-08-04') ?? 0, today: 0, settingsOverride: { scheme: 'rag' } });
    if (!run.ok) throw new Error(run.message);
    expect(run.checked.plan.actions.map((a) => [a.ref, a.action, a.theme?.label, a.status?.label])).toEqual([
      ['1.1', 'Organisational Culture Change Programme', 'Theme 1 – Organisational Culture', 'Green'],
      ['1.2', 'Officer and Member relationships', 'Theme 1 – Organisational Culture', 'Green'],
      ['2.1', 'Performance Management Framework', 'Theme 2 – Corporate Oversight', 'Red'],
    ]);
    expect(run.themes.map((t) => [t.theme, t.rag, t.narrative])).toEqual([
      ['Theme 1 – Organisational Culture', 'green', 'All workstreams were currently on track.'],
      ['Theme 2 – Corporate Oversight', 'red', 'There was some slippage.'],
    ]);
  });
});

const summaryOf = (c: CheckedPlan) => buildEditPlan(c, defaultSettings(), { colours: false, summary: true, sheets: [] }).summary;

describe('milestones on the summary sheet (seed 003)', () => {
  it('names the milestones beside the action count and lists each action with milestones and the RAG they roll it up to', () => {
    const c = check([
      row({ ref: '2.4', action: 'Deliver the workforce strategy' }),
      row({ ref: '2.4a', action: 'Consult staff', target: '31/08/2018' }),
      row({ ref: '2.4b', action: 'Agree with unions', status: 'Completed', target: '31/07/2018' }),
      row({ ref: '2.5', action: 'Review the libraries' }),
    ]);
    const summary = summaryOf(c);
    const values = summary?.values.map((r) => r.filter((v) => v !== null)) ?? [];
    expect(values[2]).toEqual(['As of 30/09/2018: 2 actions, with 2 milestones. Made by Plan Monitor; rebuilt each time, so type nothing here.']);
    const at = values.findIndex((r) => r[0] === 'Actions with milestones (1)');
    expect(values.slice(at, at + 4)).toEqual([
      ['Actions with milestones (1)'],
      ['Ref', 'Action', 'Own RAG', 'RAG with its milestones', 'Milestones', 'Milestones overdue'],
      ['2.4', 'Deliver the workforce strategy', 'Green', 'Amber', 2, 1],
      [],
    ]);
    // The derived RAG is coloured, as the theme RAG is.
    const row3 = at + 3;
    expect(summary?.fills.find((g) => g.rag === 'amber')?.ranges).toContain(`D${row3}`);
  });

  it('says one milestone in the singular', () => {
    const values = summaryOf(check([row({ ref: '2.4' }), row({ ref: '2.4.1' })]))?.values ?? [];
    expect(values[2]?.[0]).toBe('As of 30/09/2018: 1 action, with 1 milestone. Made by Plan Monitor; rebuilt each time, so type nothing here.');
  });

  it('adds neither to a plan without milestones', () => {
    const c = check([row({ ref: '1.1' }), row({ ref: '1.2' })]);
    const summary = summaryOf(c);
    const texts = summary?.values.flat().filter((v): v is string => typeof v === 'string') ?? [];
    expect(texts[2]).toBe('As of 30/09/2018: 2 actions. Made by Plan Monitor; rebuilt each time, so type nothing here.');
    expect(texts.filter((t) => t.startsWith('Actions with milestones'))).toEqual([]);
  });
});
