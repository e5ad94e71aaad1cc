// The committee-ready HTML report: the seed report's status table and slippage list, rebuilt from
// the sample plan and its recorded history; escaped, self-contained, printable, deterministic.
import { JSDOM } from 'jsdom';
import { describe, expect, it } from 'vitest';
import { checkPlan, type CheckedPlan } from '../../shared/check-plan';
import { dayFromIso } from '../../shared/dates/day';
import type { CellValue, GridSnapshot } from '../../shared/grid/grid';
import { historyRows, historySheetName, periodRecords, type HistoryRecord, type Period } from '../../shared/history/history-sheet';
import { renderHtmlReport } from '../../shared/report/html-report';
import { statusByThemeSvg } from '../../shared/report/svg-chart';
import { prepareRun, type PreparedRun } from '../../shared/run/prepare-run';
import { defaultPalette } from '../../shared/rag/palette';
import { defaultSettings, type SettingsInput } from '../../shared/settings/settings';
import type { WorkbookSnapshot } from '../../shared/workbook/workbook';
import { sampleGrid } from '../helpers/sample-grid';

const xss = '<img src=x onerror=alert(1)>';
const col = { ref: 0, action: 1, revised: 6, status: 7, commentary: 8 } as const;

function day(iso: string): number {
  const d = dayFromIso(iso);
  if (d === null) throw new Error(`bad date ${iso}`);
  return d;
}

/** The sample grid with some cells changed: `edits` by ref (or by row index for headings). */
function editedGrid(edit: (values: CellValue[][]) => void = () => {}, sheet?: string): GridSnapshot {
  const g = sampleGrid();
  const values = g.values.map((r) => [...r]);
  edit(values);
  return { ...g, sheet: sheet ?? g.sheet, values };
}

function setByRef(values: CellValue[][], ref: string, column: number, value: CellValue): void {
  const row = values.find((r) => r[col.ref] === ref);
  if (!row) throw new Error(`no row ${ref}`);
  row[column] = value;
}

function check(grid: GridSnapshot, asOf: string): CheckedPlan {
  const r = checkPlan(grid, defaultSettings(), day(asOf));
  if (!r.ok) throw new Error(r.message);
  return r;
}

function prepared(sheets: WorkbookSnapshot['sheets'], settingsOverride?: SettingsInput): PreparedRun {
  const run = prepareRun({ sheets }, { today: day('2018-09-30'), asOf: day('2018-09-30'), settingsOverride });
  if (!run.ok) throw new Error(run.message);
  return run;
}

function historySheet(periods: Period[]): WorkbookSnapshot['sheets'][number] {
  return { name: historySheetName, visibility: 'hidden', grid: { sheet: historySheetName, top: 1, left: 1, values: historyRows(periods) } };
}

/** The sample as of 30 September 2018, no history. */
function plainRun(settingsOverride?: SettingsInput): PreparedRun {
  const grid = sampleGrid();
  return prepared([{ name: grid.sheet, visibility: 'visible', grid }], settingsOverride);
}

/**
 * The sample with hostile text in a theme heading and a commentary, beside a recorded June 2018
 * (three actions then on track, 4.2 then revised to Sept 2018, 8.8 not yet added, one action since
 * removed) and a Sept 2018 period recorded for the current as-of date.
 */
function historyRun(): PreparedRun {
  const current = editedGrid((v) => {
    const heading = v.findIndex((r) => typeof r[0] === 'string' && r[0].startsWith('Theme 1 '));
    const row = v[heading];
    if (!row) throw new Error('no theme 1 heading');
    row[0] = 'Theme 1 – City <leadership> & "partners"';
    setByRef(v, '1.4', col.commentary, `Board established. ${xss}`);
  });
  const june = editedGrid((v) => {
    setByRef(v, '1.1', col.status, 'On track');
    setByRef(v, '1.4', col.status, 'On track');
    setByRef(v, '4.2', col.status, 'On track');
    setByRef(v, '4.2', col.revised, 'Sept 2018');
  });
  const juneRecords = periodRecords(check(june, '2018-06-30'), 'June 2018', '2018-07-02T09:00:00Z').filter((r) => r.ref !== '8.8');
  const gone: HistoryRecord = {
    period: 'June 2018',
    asOf: '2018-06-30',
    recordedAt: '2018-07-02T09:00:00Z',
    ref: '9.9',
    action: `Retire the old intranet ${xss}`,
    theme: 'Theme 9 – Improved service outcomes',
    status: 'Not started',
    target: 'Dec 2018',
    revised: '',
    targetDue: '2018-12-31',
    revisedDue: '',
    lead: null,
    commentary: null,
  };
  const periods: Period[] = [
    { label: 'June 2018', asOf: day('2018-06-30'), recordedAt: '2018-07-02T09:00:00Z', records: [...juneRecords, gone] },
    { label: 'Sept 2018', asOf: day('2018-09-30'), recordedAt: '2018-10-01T09:00:00Z', records: periodRecords(check(current, '2018-09-30'), 'Sept 2018', '2018-10-01T09:00:00Z') },
  ];
  return prepared([{ name: current.sheet, visibility: 'visible', grid: current }, historySheet(periods)]);
}

function parse(html: string): Document {
  return new JSDOM(html).window.document;
}

const cellText = (el: Element) => (el.textContent ?? '').replace(/\s+/g, ' ').trim();

/** A table (by the start of its caption) as rows of cell texts, header row first. */
function tableRows(doc: Document, caption: string): string[][] {
  const table = [...doc.querySelectorAll('table')].find((t) => cellText(t.querySelector('caption') ?? t).startsWith(caption));
  if (!table) throw new Error(`no table "${caption}"`);
  return [...table.querySelectorAll('tr')].map((tr) => [...tr.querySelectorAll('th, td')].map(cellText));
}

function section(doc: Document, id: string): Element {
  const s = doc.querySelector(`section[aria-labelledby="${id}"]`);
  if (!s) throw new Error(`no section ${id}`);
  return s;
}

const minus = '\u2212';
const arrow = ' \u2192 ';

describe('the HTML report with a recorded June 2018 (the seed report, table 4.4 and paragraph 4.8)', () => {
  const run = historyRun();
  const html = renderHtmlReport(run);
  const doc = parse(html);

  it('has the seed’s status table: Status, June 2018, Sept 2018, the signed change, zero rows kept, Grand Total', () => {
    expect(tableRows(doc, 'Actions by status')).toEqual([
      ['Status', 'June 2018', 'Sept 2018', 'Change'],
      ['Completed', '31', '32', '+1'],
      ['On track', '23', '21', `${minus}2`],
      ['Some slippage', '6', '8', '+2'],
      ['Major slippage', '0', '0', '0'],
      ['Not started', '2', '1', `${minus}1`],
      ['Grand Total', '62', '62', '0'],
    ]);
    // The same as markup, read with a regex: the Grand Total row's exact cells.
    expect(html).toMatch(/<tr class="total"><th scope="row">Grand Total<\/th><td class="num">62<\/td><td class="num">62<\/td><td class="num">0<\/td><\/tr>/);
    // Every status carries its words inside its colour chip.
    expect(html).toContain(`<span class="rag" style="background-color:${defaultPalette.amber.fill};color:${defaultPalette.amber.text};border-color:${defaultPalette.amber.text}">Some slippage</span>`);
  });

  it('opens with the council and plan from the title rows, the sheet and the seed’s summary sentence built from the counts', () => {
    expect(cellText(doc.querySelector('header .council') as Element)).toBe('Northmoor City Council');
    expect(cellText(doc.querySelector('h1') as Element)).toBe('Corporate Improvement Plan – progress up to 30 September 2018');
    expect(doc.title).toBe('Northmoor City Council: Corporate Improvement Plan – progress up to 30 September 2018');
    expect(html).toContain('The Corporate Improvement Plan now contains 62 actions. 32 actions have now been completed, with 8 showing some slippage.');
    expect(html).toContain('Since June 2018, 3 actions have changed status, 1 action has been added and 1 action has been removed.');
    expect(renderHtmlReport(run, { title: 'Northmoor <CIP>' })).toContain('<h1>Northmoor &lt;CIP&gt; – progress up to 30 September 2018</h1>');
  });

  it('says what changed since June 2018: status changes, the action added and the one removed', () => {
    expect(cellText(doc.querySelector('#changes') as Element)).toBe('What changed since June 2018');
    expect(tableRows(doc, 'Status changes since June 2018')).toEqual([
      ['Ref', 'Action', 'From', 'To'],
      ['1.1', "Develop and agree a shared partnership vision for the city ('closing the gap')", 'On track', 'Completed'],
      ['1.4', 'Continue to develop our approach to community engagement', 'On track', 'Some slippage'],
      ['4.2', 'Undertake LGA Member / Member training', 'On track', 'Some slippage'],
    ]);
    expect(tableRows(doc, 'Actions added since June 2018')).toEqual([['Ref', 'Action'], ['8.8', 'Deliver the information governance improvement plan']]);
    expect(tableRows(doc, 'Actions removed since June 2018')).toEqual([['Ref', 'Action'], ['9.9', `Retire the old intranet ${xss}`]]);
  });

  it('shows 4.2’s re-profiling as the seed tells it: April 2018, then Sept 2018, now 30/11/2018', () => {
    const rows = tableRows(doc, 'Re-profiled timescales');
    expect(rows[0]).toEqual(['Ref', 'Action', 'Dates', 'Times']);
    expect(rows.find((r) => r[0] === '4.2')).toEqual(['4.2', 'Undertake LGA Member / Member training', ['Apr 2018', 'Sep 2018', '30/11/2018'].join(arrow), '2']);
    expect(html).toContain(`Apr 2018${arrow}Sep 2018${arrow}30/11/2018`);
  });

  it('lists the eight areas of slippage with original and revised dates, the overdue action and the one not started', () => {
    const slipped = tableRows(doc, 'Slipped actions');
    expect(slipped[0]).toEqual(['Ref', 'Action', 'Lead officer', 'Original date', 'Revised date', 'Status', 'Commentary']);
    expect(slipped.slice(1).map((r) => [r[0], r[3], r[4], r[5]])).toEqual([
      ['1.4', 'Sep 2018', 'Dec 2018', 'Some slippage'],
      ['2.4', 'Oct 2018', '31/12/2018', 'Some slippage'],
      ['2.4', '30/09/2018', 'Dec 2018', 'Some slippage'],
      ['3.1', '31/07/2018', 'Mar 2019', 'Some slippage'],
      ['4.2', 'Apr 2018', '30/11/2018', 'Some slippage'],
      ['5.12', '30/09/2018', 'Mar 2019', 'Some slippage'],
      ['9.6', 'Sep 2018', 'TBC', 'Some slippage'],
      ['10.1', 'Sep 2018', '31/03/2019', 'Some slippage'],
    ]);
    expect(tableRows(doc, 'Overdue actions')).toEqual([
      ['Ref', 'Action', 'Lead officer', 'Due', 'Days overdue', 'Status', 'Commentary'],
      ['6.4', 'Produce a Workforce Planning and Development Strategy', 'Director of HR and OD', '31/08/2018', '30', 'On track', 'A business needs analysis has been carried out to inform the new strategy and drafting is in progress.'],
    ]);
    const notStarted = tableRows(doc, 'Actions not started (');
    expect(notStarted[0]).toEqual(['Ref', 'Action', 'Lead officer', 'Due', 'Status', 'Commentary']);
    expect(notStarted.slice(1).map((r) => [r[0], r[1], r[3]])).toEqual([['1.5', 'Review the four yearly election cycle', 'Mar 2019']]);
  });

  it('shows cell text as text: the hostile commentary, theme name and removed action are escaped, never markup', () => {
    expect(html).toContain('&lt;img src=x onerror=alert(1)&gt;');
    expect(html).not.toContain('<img');
    expect(html).toContain('City &lt;leadership&gt; &amp; &quot;partners&quot;');
    expect(html).not.toContain('<leadership>');
    expect(doc.querySelectorAll('img, script, leadership').length).toBe(0);
    expect(cellText(section(doc, 'slippage'))).toContain(`Continue to develop our approach to community engagement (1.4) – Board established. ${xss}`);
  });

  it('is self-contained and printable: no scripts, no remote addresses, inline style with @page A4', () => {
    expect(html).toMatch(/^<!DOCTYPE html>\n<html lang="en-GB">/);
    expect(html).toContain('<meta charset="utf-8">');
    expect(html).not.toMatch(/<script/i);
    expect(html).not.toMatch(/https?:\/\//);
    expect(html).not.toMatch(/<link\b/i);
    expect(html).toContain('@page {\n  size: A4;');
    expect(html).toContain('@bottom-center { content: "Page " counter(page) " of " counter(pages);');
    expect(html).toContain('@page landscape { size: A4 landscape; }');
    expect(html).toContain('<section class="landscape" aria-labelledby="lists">');
    expect(html).toContain('break-inside: avoid');
    expect(html).toContain('thead { display: table-header-group; }');
    expect(html).toMatch(/font-family: Arial[^;]*; font-size: 11pt/);
  });

  it('is accessible: headings in order, every table captioned with scoped headers', () => {
    const levels = [...doc.querySelectorAll('h1, h2, h3')].map((h) => Number(h.tagName.slice(1)));
    expect(levels[0]).toBe(1);
    levels.forEach((l, i) => {
      if (i > 0) expect(l - (levels[i - 1] ?? 1)).toBeLessThanOrEqual(1);
    });
    expect([...doc.querySelectorAll('h2')].map(cellText)).toEqual([
      'Summary',
      'Progress by status',
      'Progress by theme',
      'Areas of slippage',
      'Not started',
      'What changed since June 2018',
      'Re-profiled timescales',
      'The actions in detail',
    ]);
    expect([...doc.querySelectorAll('#lists ~ section h3')].map(cellText)).toEqual(['Slipped actions', 'Overdue actions', 'Due in the next 14 days', 'Actions not started']);
    for (const t of doc.querySelectorAll('table')) {
      expect(t.querySelector('caption')).not.toBeNull();
      for (const th of t.querySelectorAll('th')) expect(['col', 'row']).toContain(th.getAttribute('scope'));
    }
    expect(cellText(doc.querySelector('footer') as Element)).toBe("Prepared with Plan Monitor from sheet 'CIP Monitoring' as of 30 September 2018.");
  });

  it('rolls each theme up with its RAG in words and colour, and draws one bar per theme with a legend per status', () => {
    const rows = tableRows(doc, 'Actions by theme and status');
    expect(rows[0]).toEqual(['Theme', 'RAG', 'Completed', 'On track', 'Some slippage', 'Major slippage', 'Not started', 'Total']);
    expect(rows[1]).toEqual(['Theme 1 – City <leadership> & "partners"', 'Amber', '3', '1', '1', '0', '1', '6']);
    expect(rows[rows.length - 1]).toEqual(['Grand Total', '', '32', '21', '8', '0', '1', '62']);
    expect(rows).toHaveLength(run.themes.length + 2);

    const svg = html.slice(html.indexOf('<svg'), html.indexOf('</svg>') + 6);
    expect(svg.match(/<g class="bar">/g)).toHaveLength(run.themes.length);
    expect(svg.match(/<g class="legend-item">/g)).toHaveLength(5);
    expect(svg).toContain('<title id="status-by-theme-title">');
    expect(svg).toContain('<desc id="status-by-theme-desc">');
    expect(svg).toContain('Theme 1 – City &lt;leadership&gt; &amp; &quot;partners&quot;');
    const swatches = Object.values(defaultPalette);
    const allowed = new Set(swatches.flatMap((s) => [s.fill, s.text]));
    const fills = [...svg.matchAll(/fill="([^"]*)"/g)].map((m) => m[1]);
    expect(fills.length).toBeGreaterThan(run.themes.length);
    for (const f of fills) expect(allowed).toContain(f);
    // Bars are light palette fills with a darker outline, so they show on white paper.
    const rects = [...svg.matchAll(/<rect [^>]*fill="([^"]*)" stroke="([^"]*)"/g)];
    for (const [, fill, stroke] of rects) {
      expect(swatches.map((s) => s.fill)).toContain(fill);
      expect(stroke).not.toBe(fill);
    }
    const chart = doc.querySelector('svg');
    expect(chart?.getAttribute('role')).toBe('img');
    expect(chart?.querySelectorAll('g.bar').length).toBe(run.themes.length);
  });

  it('is deterministic: the same input gives the same page, byte for byte', () => {
    expect(renderHtmlReport(historyRun())).toBe(html);
    expect(renderHtmlReport(run)).toBe(html);
  });
});

describe('the HTML report with no history', () => {
  const run = plainRun();
  const html = renderHtmlReport(run);
  const doc = parse(html);

  it('has one period column, no change column and no "what changed" section', () => {
    expect(tableRows(doc, 'Actions by status')).toEqual([
      ['Status', 'As of 30/09/2018'],
      ['Completed', '32'],
      ['On track', '21'],
      ['Some slippage', '8'],
      ['Major slippage', '0'],
      ['Not started', '1'],
      ['Grand Total', '62'],
    ]);
    expect(html).not.toContain('What changed');
    expect(doc.querySelector('#changes')).toBeNull();
  });

  it('still lists the re-profiled timescales: the target, then the revised date', () => {
    const rows = tableRows(doc, 'Re-profiled timescales');
    expect(rows.find((r) => r[0] === '4.2')).toEqual(['4.2', 'Undertake LGA Member / Member training', `Apr 2018${arrow}30/11/2018`, '1']);
    expect(rows.find((r) => r[0] === '9.6')?.[2]).toBe(`Sep 2018${arrow}TBC`);
  });

  it('says "None." for an empty list', () => {
    const allDone = editedGrid((v) => {
      for (const r of v) if (r[col.status] === 'Not started') r[col.status] = 'Completed';
    });
    const d = parse(renderHtmlReport(prepared([{ name: allDone.sheet, visibility: 'visible', grid: allDone }])));
    expect(cellText(section(d, 'not-started'))).toBe("Not started There are no actions which are 'not started'.");
    expect(cellText(section(d, 'list-notStarted'))).toBe('Actions not started None.');
    expect(section(d, 'list-notStarted').querySelector('table')).toBeNull();
  });

  it('uses the settings palette for chips and bars', () => {
    const custom = renderHtmlReport(plainRun({ palette: { green: { fill: '#B7E1C1' } } }));
    expect(custom).toContain('fill="#B7E1C1"');
    expect(custom).toContain('background-color:#B7E1C1');
    expect(custom).not.toContain(defaultPalette.green.fill);
  });

  it('escapes the sheet name and period labels', () => {
    const grid = sampleGrid();
    const sheet = `CIP <script>alert(1)</script>`;
    const named = { ...grid, sheet };
    const june: Period = { label: 'June <b>2018</b>', asOf: day('2018-06-30'), recordedAt: '', records: periodRecords(check(named, '2018-06-30'), 'June <b>2018</b>', '') };
    const out = renderHtmlReport(prepared([{ name: sheet, visibility: 'visible', grid: named }, historySheet([june])]));
    expect(out).not.toMatch(/<script|<b>/);
    expect(out).toContain('CIP &lt;script&gt;alert(1)&lt;/script&gt;');
    expect(out).toContain('<th scope="col" class="num">June &lt;b&gt;2018&lt;/b&gt;</th>');
    expect(out).toContain('What changed since June &lt;b&gt;2018&lt;/b&gt;');
  });
});

describe('statusByThemeSvg', () => {
  const statuses = [
    { label: 'Done', rag: 'blue' as const },
    { label: 'Going <well>', rag: 'green' as const },
  ];

  it('escapes theme and status labels and draws nothing for a zero count', () => {
    const svg = statusByThemeSvg([{ theme: xss, rag: 'green', counts: { Done: 2, 'Going <well>': 0 } }], statuses, defaultPalette, { width: 400 });
    expect(svg).not.toContain('<img');
    expect(svg).toContain('&lt;img src=x onerror=alert(1)&gt;');
    expect(svg).toContain('Going &lt;well&gt;');
    expect(svg.match(/<g class="bar">/g)).toHaveLength(1);
    expect(svg.match(/<rect /g)).toHaveLength(statuses.length + 1); // two legend swatches, one segment
    expect(svg).toContain('width="400"');
  });

  it('never writes a malformed colour into an attribute', () => {
    const bad = { ...defaultPalette, red: { fill: '"><script>', text: 'red' } };
    const svg = statusByThemeSvg([{ theme: 'T', rag: 'red', counts: { R: 3 } }], [{ label: 'R', rag: 'red' }], bad);
    expect(svg).not.toContain('<script');
    expect(svg).toContain(`fill="${defaultPalette.red.fill}"`);
  });
});
