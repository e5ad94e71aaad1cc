// The committee report's words for the sample quarter (June 2018 recorded, then Sept 2018, as
// `npm run report:sample` makes them), sentence by sentence against the seed report's 1.2, 4.4, 4.8
// and 4.9; the council and plan from the sheet's title rows, the settings and --title.
import { describe, expect, it } from 'vitest';
import { dayFromIso } from '../../shared/dates/day';
import { parseDate } from '../../shared/dates/parse-date';
import type { GridSnapshot } from '../../shared/grid/grid';
import { countWords, dateHistorySentence, proseDate } from '../../shared/report/committee-text';
import { buildReportModel, type ReportModel, type ReportSection, type ReportTable } from '../../shared/report/report-model';
import { readTitleRows } from '../../shared/report/title-rows';
import { prepareRun } from '../../shared/run/prepare-run';
import { settingsSheetName, settingsSheetRows } from '../../shared/settings/settings-sheet';
import { parseSettings } from '../../shared/settings/settings';
import { sampleGrid } from '../helpers/sample-grid';
import { sampleQuarter } from './sample-quarter';

function sectionOf(model: ReportModel, id: string): ReportSection {
  const s = model.sections.find((x) => x.id === id);
  if (!s) throw new Error(`no section ${id}`);
  return s;
}

const paragraphs = (s: ReportSection): string[] => s.blocks.flatMap((b) => (b.kind === 'paragraph' ? [b.text] : []));
const listItems = (s: ReportSection): string[] => s.blocks.flatMap((b) => (b.kind === 'list' ? b.items : []));
const tableOf = (s: ReportSection): ReportTable => {
  const t = s.blocks.find((b) => b.kind === 'table');
  if (!t || t.kind !== 'table') throw new Error(`no table in ${s.id}`);
  return t;
};

describe('the committee report for the sample quarter', async () => {
  const { run } = await sampleQuarter();
  const model = buildReportModel(run);

  it('names the council and the plan from the title rows above the header', () => {
    expect(model.council).toBe('Northmoor City Council');
    expect(model.planTitle).toBe('Corporate Improvement Plan');
    expect(model.heading).toBe('Corporate Improvement Plan – progress up to 30 September 2018');
    expect(model.title).toBe('Northmoor City Council: Corporate Improvement Plan – progress up to 30 September 2018');
  });

  it('opens with the summary paragraph of the seed’s 1.2, then what the report covers and what changed since June', () => {
    expect(paragraphs(sectionOf(model, 'summary'))).toEqual([
      'The Corporate Improvement Plan now contains 62 actions. 32 actions have now been completed, with 8 showing some slippage. Revised timescales are proposed in this report.',
      'This report presents a summary of progress up to 30 September 2018. Since June 2018, 23 actions have changed status and 1 action has been added. 1 action has not started, and 1 action is past its due date.',
    ]);
  });

  it('gives the status table of the seed’s 4.4: June 2018, Sept 2018 and the change, with its introduction', () => {
    const s = sectionOf(model, 'status');
    expect(paragraphs(s)).toEqual(['The summary position for Sept 2018 is shown below.']);
    const t = tableOf(s);
    expect(t.columns.map((c) => c.heading)).toEqual(['Status', 'June 2018', 'Sept 2018', 'Change']);
    expect([...t.rows, t.total ?? []].map((r) => r.map((c) => c.text))).toEqual([
      ['Completed', '17', '32', '+15'],
      ['On track', '41', '21', '−20'],
      ['Some slippage', '1', '8', '+7'],
      ['Major slippage', '0', '0', '0'],
      ['Not started', '2', '1', '−1'],
      ['Grand Total', '61', '62', '+1'],
    ]);
    // Every status is a row header and carries its RAG beside its words.
    expect(t.rows.map((r) => [r[0]?.header, r[0]?.rag])).toEqual([
      [true, 'blue'],
      [true, 'green'],
      [true, 'amber'],
      [true, 'red'],
      [true, 'grey'],
    ]);
  });

  it('writes one paragraph per slipped action as the seed’s 4.8 does, with each action’s date history', () => {
    const s = sectionOf(model, 'slippage');
    expect(paragraphs(s)).toEqual(['There are eight areas of slippage where actions are taking place and revised timescales are requested:']);
    const items = listItems(s);
    expect(items).toHaveLength(8);
    expect(items[0]).toBe(
      'Continue to develop our approach to community engagement (1.4) – The new Safer Stronger Board has been established and draft proposals around volunteering prepared. The wider approach to community engagement will be reviewed by December 2018 (original date September 2018). The revised date is December 2018 (original date of September 2018).',
    );
    // The action's own full stop goes before its ref, as a committee would print it.
    expect(items[2]).toMatch(/^Ensure risk assessments are used in the analysis of future financial impacts \(2\.4\) – The Gateway process/);
    expect(items[2]).toMatch(/ The revised date is December 2018 \(original date of 30 September 2018\)\.$/);
    // 4.2 moved twice: April 2018 at first, Sept 2018 as June recorded it, 30/11/2018 as Sept recorded it;
    // only an action that moved more than once says how, with the period that first saw each date.
    expect(items[4]).toMatch(/^Undertake LGA Member \/ Member training \(4\.2\) – Dates have been finalised/);
    expect(items[4]).toMatch(
      / The original date was April 2018, revised to September 2018 and will now be extended to 30 November 2018\. How the date moved: April 2018 → September 2018 \(June 2018\) → 30 November 2018 \(Sept 2018\)\.$/,
    );
    expect(items.filter((i) => i.includes('How the date moved'))).toEqual([items[4]]);
    expect(items.map((i) => i.slice(i.lastIndexOf('. ') + 2))).toEqual([
      'The revised date is December 2018 (original date of September 2018).',
      'The revised date is 31 December 2018 (original date of October 2018).',
      'The revised date is December 2018 (original date of 30 September 2018).',
      'The revised date is March 2019 (original date of 31 July 2018).',
      'How the date moved: April 2018 → September 2018 (June 2018) → 30 November 2018 (Sept 2018).',
      'The revised date is March 2019 (original date of 30 September 2018).',
      'A revised date is to be confirmed (original date of September 2018).',
      'The revised date is 31 March 2019 (original date of September 2018).',
    ]);
  });

  it('writes the not-started paragraph of the seed’s 4.9', () => {
    const s = sectionOf(model, 'not-started');
    expect(s.heading).toBe('Not started');
    expect(paragraphs(s)).toEqual(["There is one action which is 'not started':"]);
    expect(listItems(s)).toEqual([
      'Review the four yearly election cycle (1.5) – Not yet started. This will be considered as part of the Task and Finish Group examining a potential move to a Committee system.',
    ]);
  });

  it('keeps the chart as data with its text alternative, and the detailed lists on landscape pages', () => {
    const chart = sectionOf(model, 'themes').blocks.find((b) => b.kind === 'chart');
    if (!chart || chart.kind !== 'chart') throw new Error('no chart');
    expect(chart.themes).toHaveLength(10);
    expect([chart.width, chart.height]).toEqual([640, expect.any(Number)]);
    expect(chart.svg).toMatch(/^<svg class="chart" role="img"/);
    expect(chart.description).toMatch(/^One bar per theme, split by status, all on one scale\. Theme 1 – City leadership: 6 actions \(3 Completed, 1 On track, 1 Some slippage, 1 Not started\); /);
    const lists = sectionOf(model, 'lists');
    expect(lists.landscape).toBe(true);
    expect(lists.subsections.map((s) => s.heading)).toEqual(['Slipped actions', 'Overdue actions', 'Due in the next 14 days', 'Actions not started']);
    const slipped = tableOf(lists.subsections[0] as ReportSection);
    expect(slipped.columns.map((c) => c.width).reduce((a, b) => (a ?? 0) + (b ?? 0), 0)).toBe(100);
  });
});

describe('the council and the plan title', () => {
  const grid = sampleGrid();
  const run = (settingsOverride?: Parameters<typeof prepareRun>[1]['settingsOverride'], g: GridSnapshot = grid) => {
    const r = prepareRun({ sheets: [{ name: g.sheet, visibility: 'visible', grid: g }] }, { today: dayFromIso('2018-09-30') ?? 0, settingsOverride });
    if (!r.ok) throw new Error(r.message);
    return r;
  };

  it('reads them from the rows above the header, whatever the separator, and ignores the subtitle', () => {
    expect(readTitleRows(grid, 4)).toEqual({ council: 'Northmoor City Council', plan: 'Corporate Improvement Plan' });
    const rows = (...titles: (string | null)[][]): GridSnapshot => ({ sheet: 'S', top: 1, left: 1, values: [...titles, ['Ref', 'Action']] });
    expect(readTitleRows(rows(['Corporate Improvement Plan 2018/19'], [null, 'Borough of Eastwick']), 3)).toEqual({ council: 'Borough of Eastwick', plan: 'Corporate Improvement Plan 2018/19' });
    expect(readTitleRows(rows(['Westshire County Council: Improvement Programme']), 2)).toEqual({ council: 'Westshire County Council', plan: 'Improvement Programme' });
    expect(readTitleRows(rows(['Monitoring sheet - progress up to 30 June 2018']), 2)).toEqual({ council: null, plan: null });
    expect(readTitleRows({ ...grid, values: grid.values.slice(3) , top: 4 }, 4)).toEqual({ council: null, plan: null });
  });

  it('takes the settings over the title rows, and --title over both', () => {
    expect(buildReportModel(run({ councilName: 'Eastwick Borough Council', planTitle: 'Council Improvement Plan' }))).toMatchObject({ council: 'Eastwick Borough Council', planTitle: 'Council Improvement Plan' });
    expect(buildReportModel(run({ planTitle: 'Council Improvement Plan' }), { title: 'Recovery Plan' }).heading).toBe('Recovery Plan – progress up to 30 September 2018');
    const untitled = { ...grid, values: grid.values.map((r, i) => (i < 2 ? r.map(() => null) : r)) };
    expect(buildReportModel(run(undefined, untitled))).toMatchObject({ council: null, planTitle: 'Corporate Improvement Plan', title: 'Corporate Improvement Plan – progress up to 30 September 2018' });
  });

  it('keeps them in the settings sheet, so they travel with the workbook', () => {
    const rows = settingsSheetRows({ councilName: 'Eastwick Borough Council', planTitle: 'Council Improvement Plan' });
    expect(rows.slice(2)).toEqual([
      ['councilName', 'Eastwick Borough Council'],
      ['planTitle', 'Council Improvement Plan'],
    ]);
    const sheet = { name: settingsSheetName, visibility: 'hidden' as const, grid: { sheet: settingsSheetName, top: 1, left: 1, values: rows } };
    const r = prepareRun({ sheets: [{ name: grid.sheet, visibility: 'visible', grid }, sheet] }, { today: dayFromIso('2018-09-30') ?? 0 });
    if (!r.ok) throw new Error(r.message);
    expect(buildReportModel(r).title).toBe('Eastwick Borough Council: Council Improvement Plan – progress up to 30 September 2018');
  });

  it('refuses a blank, overlong or two-line name in the settings, naming the field', () => {
    expect(parseSettings({ councilName: '  ' })).toEqual({ ok: false, problems: [{ field: 'councilName', message: 'must not be empty' }] });
    expect(parseSettings({ planTitle: 'x'.repeat(121) })).toEqual({ ok: false, problems: [{ field: 'planTitle', message: 'must be at most 120 characters' }] });
    expect(parseSettings({ planTitle: 'Plan\nTwo' })).toEqual({ ok: false, problems: [{ field: 'planTitle', message: 'must be one line' }] });
    const ok = parseSettings({ councilName: ' Northmoor City Council ' });
    expect(ok.ok && ok.settings.councilName).toBe('Northmoor City Council');
  });
});

describe('dates and counts in the report’s prose', () => {
  const d = (text: string) => parseDate(text, { order: 'day-first' });

  it('says dates as a committee paper does', () => {
    expect(['Sept 2018', '30/11/2018', 'Q3 2018/19', 'TBC', 'End of March 2019', 'Autumn 2018'].map((t) => proseDate(d(t)))).toEqual([
      'September 2018',
      '30 November 2018',
      'Q3 2018/19',
      'to be confirmed',
      'March 2019',
      'Autumn 2018',
    ]);
    expect([0, 1, 8, 9, 10, 62].map(countWords)).toEqual(['no', 'one', 'eight', 'nine', '10', '62']);
  });

  it('tells each shape of date history', () => {
    expect(dateHistorySentence([])).toBe('No target date has been set.');
    expect(dateHistorySentence([d('Sept 2018'), { kind: 'blank' }])).toBe('No revised date has been set (original date of September 2018).');
    expect(dateHistorySentence([d('Apr 2018'), d('Sep 2018'), d('TBC')])).toBe('The original date was April 2018, revised to September 2018, and a new date is to be confirmed.');
    expect(dateHistorySentence([d('Apr 2018'), d('Sep 2018'), d('Dec 2018'), d('31/03/2019')])).toBe(
      'The original date was April 2018, revised to September 2018, then December 2018, and will now be extended to 31 March 2019.',
    );
  });
});
