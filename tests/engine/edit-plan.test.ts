import { describe, expect, it } from 'vitest';
import { buildEditPlan } from '../../shared/edit-plan/edit-plan';
import { chooseSummarySheetName, summaryMarker } from '../../shared/summary/summary-sheet';
import { defaultPalette } from '../../shared/rag/palette';
import { defaultSettings, parseSettings } from '../../shared/settings/settings';
import { check } from '../helpers/plan-grid';
import { row } from '../helpers/rule-tester';

describe('status fills', () => {
  const rows = [
    row({ ref: '1.1', status: 'On track' }),
    row({ ref: '1.2', status: 'on-track' }),
    row({ ref: '1.3', status: 'Completed' }),
    { heading: 'Theme 2 – Finance' },
    row({ ref: '2.1', status: 'On Track' }),
    row({ ref: '2.2', status: 'Some slippage', revised: '31/03/2019' }),
    row({ ref: '2.3', status: 'Delayed' }),
    row({ ref: '2.4', status: 'Not started' }),
  ];
  const c = check(rows);
  const plan = buildEditPlan(c, defaultSettings(), { colours: true, summary: false, sheets: [] });

  it('groups status cells by colour, merging contiguous runs, skipping headings and unknown statuses', () => {
    expect(plan.fills.map((g) => [g.rag, g.fill, g.text, g.ranges, g.cells])).toEqual([
      ['amber', defaultPalette.amber.fill, defaultPalette.amber.text, ['F9'], 1],
      ['green', defaultPalette.green.fill, defaultPalette.green.text, ['F4:F5', 'F8'], 3],
      ['blue', defaultPalette.blue.fill, defaultPalette.blue.text, ['F6'], 1],
      ['grey', defaultPalette.grey.fill, defaultPalette.grey.text, ['F11'], 1],
    ]);
    expect(plan.summary).toBeNull();
  });

  it('uses the palette from settings', () => {
    const s = parseSettings({ palette: { green: { fill: '#00FF00', text: '#000000' } } });
    if (!s.ok) throw new Error('bad settings');
    const p = buildEditPlan(c, s.settings, { colours: true, summary: false, sheets: [] });
    expect(p.fills.find((g) => g.rag === 'green')).toMatchObject({ fill: '#00FF00', text: '#000000' });
  });
});

describe('summary sheet plan', () => {
  const c = check([row({ ref: '1.1', status: 'Some slippage', revised: 'Mar 2019', commentary: '=cmd|calc' }), row({ ref: '1.2', status: 'Completed' })]);
  const plan = buildEditPlan(c, defaultSettings(), { colours: false, summary: true, sheets: [{ name: 'Plan', a1: 'Corporate Improvement Plan' }] });
  const sheet = plan.summary;

  it('starts with the hidden marker row, then the status table', () => {
    expect(sheet?.name).toBe('Plan Summary');
    expect(sheet?.hiddenRows).toEqual([1]);
    expect(sheet?.values[0]?.[0]).toBe(summaryMarker);
    expect(sheet?.values.slice(4, 13).map((r) => r.slice(0, 2))).toEqual([
      ['Actions by status', null],
      ['Status', 'Actions'],
      ['Completed', 1],
      ['On track', 0],
      ['Some slippage', 1],
      ['Major slippage', 0],
      ['Not started', 0],
      ['Grand Total', 2],
      [null, null],
    ]);
  });

  it('is rectangular, with a format for every cell: text "@", counts "0"', () => {
    const width = sheet?.values[0]?.length ?? 0;
    for (const [i, r] of (sheet?.values ?? []).entries()) {
      expect(r).toHaveLength(width);
      r.forEach((v, j) => expect(sheet?.formats[i]?.[j]).toBe(typeof v === 'number' ? '0' : v === null ? 'General' : '@'));
    }
  });

  it('carries formula-like commentary as plain text marked "@"', () => {
    const at = (sheet?.values ?? []).flatMap((r, i) => r.map((v, j) => ({ v, f: sheet?.formats[i]?.[j] }))).filter((x) => x.v === '=cmd|calc');
    expect(at).toEqual([{ v: '=cmd|calc', f: '@' }]);
  });

  it('colours the status labels of the status table with their RAG fill', () => {
    expect(sheet?.fills.map((f) => [f.rag, f.ranges])).toEqual([
      ['blue', ['A7']],
      ['green', ['A8']],
      ['amber', ['A9']],
      ['red', ['A10']],
      ['grey', ['A11']],
    ]);
  });
});

describe('summary sheet theme RAG', () => {
  it('colours each theme’s RAG cell like a status cell of that RAG', () => {
    const c = check([row({ ref: '1.1', status: 'Completed' })]);
    const themes = [
      { theme: 'Theme 1', rag: 'amber' as const, counts: {} },
      { theme: 'Theme 2', rag: 'green' as const, counts: {} },
    ];
    const sheet = buildEditPlan(c, defaultSettings(), { colours: false, summary: true, sheets: [], themes }).summary;
    // Rows (1-based) in the Theme RAG table, below the theme-by-status table that also names the themes.
    const values = sheet?.values ?? [];
    const table = values.findIndex((r) => r[0] === 'Theme RAG');
    const at = (label: string) => values.findIndex((r, i) => i > table && r[0] === label) + 1;
    const fills = Object.fromEntries((sheet?.fills ?? []).flatMap((f) => f.ranges.map((r) => [r, [f.rag, f.fill]])));
    expect(sheet?.values[at('Theme 1') - 1]?.slice(0, 2)).toEqual(['Theme 1', 'Amber']);
    expect(fills[`B${at('Theme 1')}`]).toEqual(['amber', defaultPalette.amber.fill]);
    expect(fills[`B${at('Theme 2')}`]).toEqual(['green', defaultPalette.green.fill]);
    // The theme names themselves stay unfilled.
    expect(fills[`A${at('Theme 1')}`]).toBeUndefined();
  });
});

describe('chooseSummarySheetName', () => {
  it.each([
    ['free', [], 'Plan Summary', false],
    ['already the tool’s', [{ name: 'Plan Summary', a1: summaryMarker }], 'Plan Summary', false],
    ['taken by the user', [{ name: 'Plan Summary', a1: 'mine' }], 'Plan Summary (2)', true],
    ['taken, case-insensitively', [{ name: 'PLAN SUMMARY', a1: null }], 'Plan Summary (2)', true],
    ['taken, and (2) is the tool’s', [{ name: 'Plan Summary', a1: 'mine' }, { name: 'Plan Summary (2)', a1: summaryMarker }], 'Plan Summary (2)', true],
    ['taken twice', [{ name: 'Plan Summary', a1: 'mine' }, { name: 'Plan Summary (2)', a1: 'also mine' }], 'Plan Summary (3)', true],
  ] as const)('%s', (_name, sheets, want, renamed) => {
    const exists = sheets.some((s) => s.name.toLowerCase() === want.toLowerCase());
    expect(chooseSummarySheetName('Plan Summary', sheets)).toEqual({ name: want, renamed, wanted: 'Plan Summary', exists });
  });

  it('keeps within Excel’s 31-character limit when it adds a suffix', () => {
    const wanted = 'A'.repeat(31);
    const got = chooseSummarySheetName(wanted, [{ name: wanted, a1: 'user' }]);
    expect(got.name).toBe(`${'A'.repeat(27)} (2)`);
    expect(got.name.length).toBe(31);
  });
});
