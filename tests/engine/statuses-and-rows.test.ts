import { describe, expect, it } from 'vitest';
import { statusLookup } from '../../shared/status/normalise';
import { builtInSchemes } from '../../shared/status/schemes';
import { themeFromHeading } from '../../shared/plan/theme';
import { check } from '../helpers/plan-grid';
import { row } from '../helpers/rule-tester';

describe('status vocabulary', () => {
  const cip = statusLookup(builtInSchemes.cip);
  it.each([
    ['Completed', 'Completed'],
    ['completed ', 'Completed'],
    ['COMPLETE', 'Completed'],
    ['Complete.', 'Completed'],
    ['On track', 'On track'],
    ['on-track', 'On track'],
    ['On Track', 'On track'],
    ['ontrack', 'On track'],
    ['  on   track ', 'On track'],
    ['On\u200btrack', 'On track'],
    ['Some Slippage', 'Some slippage'],
    ['some-slippage!', 'Some slippage'],
    ['Major slippage', 'Major slippage'],
    ['Not started', 'Not started'],
    ['not-started', 'Not started'],
  ])('cip: %j → %s', (text, label) => {
    expect(cip.find(text)?.label).toBe(label);
  });

  it.each(['Delayed', 'Blue', 'TBC', '', '   ', 'On track?!x'])('cip: %j is not a status', (text) => {
    expect(cip.find(text)).toBeNull();
  });

  it('RAG and BRAG schemes', () => {
    const rag = statusLookup(builtInSchemes.rag);
    expect([rag.find('red')?.rag, rag.find('Amber')?.rag, rag.find('G')?.rag, rag.find('complete')]).toEqual(['red', 'amber', 'green', null]);
    const brag = statusLookup(builtInSchemes.brag);
    expect([brag.find('Blue')?.complete, brag.find('completed')?.label, brag.find('amber')?.slipped]).toEqual([true, 'Blue', true]);
  });

  it('Covalent’s three states: on track to finish on target, out of target, complete', () => {
    const covalent = statusLookup(builtInSchemes.covalent);
    expect(['On track to finish on target', 'Out of target', 'Complete', 'Amber'].map((t) => [covalent.find(t)?.label ?? null, covalent.find(t)?.rag ?? null])).toEqual([
      ['On target', 'green'],
      ['Out of target', 'red'],
      ['Completed', 'blue'],
      [null, null],
    ]);
  });

  // As reports to the Secretary of State put them (seed 002): "currently a red risk", "amber rated".
  it.each([
    ['Currently a red risk', 'Major slippage', 'Red'],
    ['Amber rated', 'Some slippage', 'Amber'],
    ['amber-rated', 'Some slippage', 'Amber'],
    ['Rated Green', 'On track', 'Green'],
    ['an amber risk', 'Some slippage', 'Amber'],
  ])('%j reads as %s (cip) and %s (RAG, BRAG)', (text, cipLabel, ragLabel) => {
    expect(cip.find(text)?.label).toBe(cipLabel);
    expect(statusLookup(builtInSchemes.rag).find(text)?.label).toBe(ragLabel);
    expect(statusLookup(builtInSchemes.brag).find(text)?.label).toBe(ragLabel);
  });
});

describe('themes from heading rows', () => {
  it.each([
    ['Theme 3 – Effective management', '3', 3],
    ['THEME 3: Effective management', '3', 3],
    ['3. Effective management', '3', 3],
    ['Priority 10 - Innovative transformation', '10', 10],
    ['Workstream 2', '2', 2],
    ['City leadership', 'city leadership', null],
  ])('%j', (text, key, number) => {
    expect(themeFromHeading(text)).toEqual({ key, number, label: text });
  });
});

describe('row classification', () => {
  it('tells actions from headings, blank rows and total rows, and takes each action’s theme', () => {
    const c = check([
      { heading: 'Theme 1 – City leadership' },
      row({ ref: '1.1' }),
      {},
      { heading: '2. Finance' },
      row({ ref: '2.1' }),
      row({ ref: null, action: 'An action with no ref' }),
      { ref: 'Total', action: null, status: null },
      row({ ref: '3.1' }),
    ]);
    expect(c.plan.kinds.map((k) => k.kind)).toEqual(['heading', 'action', 'blank', 'heading', 'action', 'action', 'footer', 'action']);
    expect(c.plan.actions.map((a) => [a.row, a.ref, a.theme?.key])).toEqual([
      [5, '1.1', '1'],
      [8, '2.1', '2'],
      [9, null, '2'],
      [11, '3.1', '2'],
    ]);
  });

  it('falls back to the ref’s prefix for the theme when there is no heading row', () => {
    const c = check([row({ ref: '4.2' }), row({ ref: '5.12' })]);
    expect(c.plan.actions.map((a) => a.theme?.label)).toEqual(['Theme 4', 'Theme 5']);
    expect(c.summary.byTheme.rows.map((r) => r.label)).toEqual(['Theme 4', 'Theme 5']);
  });

  it('treats a row with an action ref as an action even when everything else is empty', () => {
    const c = check([{ ref: '1.1', action: 'Write the plan' }]);
    expect(c.plan.actions).toHaveLength(1);
    expect(c.findings.map((f) => f.rule)).toEqual(['missing-status', 'missing-target-date', 'missing-lead']);
  });
});
