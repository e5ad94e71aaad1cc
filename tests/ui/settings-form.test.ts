import { describe, expect, it } from 'vitest';
import { applyFormChanges, automatic, columnSelectModel, fillOf } from '../../src/ui/settings-form';
import { defaultPalette } from '../../shared/rag/palette';

const headers = [
  { col: 1, text: 'Ref' },
  { col: 2, text: 'Action' },
  { col: 8, text: 'Status' },
  { col: 9, text: 'Progress Update' },
];

describe('columnSelectModel', () => {
  it('offers the detected column first, then every heading by letter; it selects the detected one', () => {
    const m = columnSelectModel({ field: 'status', label: 'Status', current: { col: 8, text: 'Status', how: 'detected' } }, headers, undefined);
    expect(m.options).toEqual([
      { value: automatic, text: 'Detected: Status (column H)' },
      { value: 'A', text: 'A: Ref' },
      { value: 'B', text: 'B: Action' },
      { value: 'H', text: 'H: Status' },
      { value: 'I', text: 'I: Progress Update' },
    ]);
    expect(m.value).toBe(automatic);
  });

  it('selects the column a setting names, with an option to go back to finding it from the headings', () => {
    const m = columnSelectModel({ field: 'status', label: 'Status', current: { col: 9, text: 'Progress Update', how: 'setting' } }, headers, 'I');
    expect(m.options[0]).toEqual({ value: automatic, text: 'Find it from the headings' });
    expect(m.value).toBe('I');
  });

  it('says "Not used" for an optional column that is not there, and "Not found" for a required one', () => {
    expect(columnSelectModel({ field: 'theme', label: 'Theme', current: null }, headers, undefined).options[0]?.text).toBe('Not used');
    expect(columnSelectModel({ field: 'target', label: 'Target date', current: null }, headers, undefined).options[0]?.text).toBe('Not found: choose a column');
  });

  it('keeps a set column that has no heading selectable, so saving does not lose it', () => {
    const m = columnSelectModel({ field: 'lead', label: 'Lead officer', current: { col: 12, text: '', how: 'setting' } }, headers, 'L');
    expect(m.value).toBe('L');
    expect(m.options.at(-1)).toEqual({ value: 'L', text: 'L: (no heading)' });
  });
});

describe('applyFormChanges', () => {
  const input = {
    scheme: 'cip' as const,
    columns: { commentary: 'Progress update', status: 'H' },
    rules: { 'duplicate-ref': 'off' as const },
    customStatuses: [{ label: 'Done', rag: 'blue' as const }],
    palette: { red: { text: '#111111' } },
  };

  it('changes nothing it was not told to, and keeps settings the view does not show', () => {
    expect(applyFormChanges(input, { columns: {}, fills: {} })).toEqual(input);
  });

  it('sets and removes columns, and keeps the others as written (a heading stays a heading)', () => {
    const next = applyFormChanges(input, { columns: { status: 'I', ref: 'A', commentary: automatic }, fills: {} });
    expect(next.columns).toEqual({ status: 'I', ref: 'A' });
    expect(next.rules).toEqual(input.rules);
    expect(input.columns).toEqual({ commentary: 'Progress update', status: 'H' }); // not mutated
  });

  it('writes the scheme, due-soon days, date order and changed fills (keeping a fill’s text colour)', () => {
    const next = applyFormChanges(input, { columns: {}, scheme: 'brag', dueSoonDays: ' 30 ', dateOrder: 'month-first', fills: { red: '#ff0000' } });
    expect(next.scheme).toBe('brag');
    expect(next.dueSoonDays).toBe(30);
    expect(next.dateOrder).toBe('month-first');
    expect(next.palette).toEqual({ red: { text: '#111111', fill: '#FF0000' } });
  });

  it('passes a due-soon value that is not a whole number as typed, so the check can name it', () => {
    expect(applyFormChanges({}, { columns: {}, dueSoonDays: 'soon', fills: {} }).dueSoonDays).toBe('soon');
  });
});

describe('colours', () => {
  it('uses the workbook’s fill where set, else the default palette', () => {
    expect(fillOf({ palette: { green: { fill: '#00FF00' } } }, 'green')).toBe('#00ff00');
    expect(fillOf({}, 'amber')).toBe(defaultPalette.amber.fill.toLowerCase());
  });
});
