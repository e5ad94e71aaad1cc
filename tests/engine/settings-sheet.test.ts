import { describe, expect, it } from 'vitest';
import type { CellValue, GridSnapshot } from '../../shared/grid/grid';
import { readSettingsSheet, renderSettingsSheetProblem, settingsMarker, settingsSheetName, settingsSheetRows } from '../../shared/settings/settings-sheet';
import { defaultPalette } from '../../shared/rag/palette';
import { activePalette, defaultSettings, type SettingsInput } from '../../shared/settings/settings';

const grid = (values: CellValue[][]): GridSnapshot => ({ sheet: settingsSheetName, top: 1, left: 1, values });

describe('the settings sheet', () => {
  const input: SettingsInput = {
    scheme: 'brag',
    dueSoonDays: 21,
    columns: { status: 'H', commentary: 'Progress update' },
    palette: { red: { fill: '#FF0000', text: '#000000' } },
    rules: { 'duplicate-ref': 'off' },
    customStatuses: [{ label: 'Done', rag: 'blue', complete: true }],
    monitoringSheet: "Bob's plan",
  };

  it('writes one readable row per setting, under a marker and a heading row', () => {
    expect(settingsSheetRows(input)).toEqual([
      [settingsMarker, expect.stringContaining('One setting a row')],
      ['Setting', 'Value'],
      ['scheme', 'brag'],
      ['dueSoonDays', 21],
      ['columns.status', 'H'],
      ['columns.commentary', 'Progress update'],
      ['palette.red.fill', '#FF0000'],
      ['palette.red.text', '#000000'],
      ['rules.duplicate-ref', 'off'],
      ['customStatuses', '[{"label":"Done","rag":"blue","complete":true}]'],
      ['monitoringSheet', "Bob's plan"],
    ]);
  });

  it('reads back exactly what it wrote', () => {
    const r = readSettingsSheet(grid(settingsSheetRows(input)));
    expect(r.problems).toEqual([]);
    expect(r.settings).toMatchObject({ ...input, customStatuses: [{ label: 'Done', rag: 'blue', complete: true, slipped: false, notStarted: false, aliases: [] }] });
  });

  it('gives the defaults when there is no settings sheet', () => {
    expect(readSettingsSheet(null)).toEqual({ settings: defaultSettings(), input: {}, problems: [] });
  });

  it('reads numbers typed as text, as a person editing the sheet would leave them', () => {
    expect(readSettingsSheet(grid([['dueSoonDays', '30']])).settings.dueSoonDays).toBe(30);
  });

  it('skips a bad row with a message naming its row, and keeps every other setting', () => {
    const r = readSettingsSheet(
      grid([
        [settingsMarker, 'x'],
        ['Setting', 'Value'],
        ['dueSoonDays', 999],
        ['scheme', 'rag'],
        ['palette.green.fill', 'greenish'],
        ['customStatuses', '[{oops'],
        ['colour', 'blue'],
      ]),
    );
    expect(r.settings.scheme).toBe('rag');
    expect(r.settings.dueSoonDays).toBe(14);
    expect(activePalette(r.settings).green).toEqual(defaultPalette.green);
    expect(r.problems.map((p) => [p.row, p.field])).toEqual([
      [6, 'customStatuses'],
      [3, 'dueSoonDays'],
      [5, 'palette.green.fill'],
      [7, 'colour'],
    ]);
    expect(renderSettingsSheetProblem(r.problems[1] ?? { row: 0, field: '', message: '' })).toBe(
      "The settings sheet 'Plan Monitor Settings', row 3: 'dueSoonDays' must be at most 366. Plan Monitor used the default instead.",
    );
  });

  it('never throws on nonsense', () => {
    const nonsense: CellValue[][] = [[true, 3], [null, null], ['columns', 'x'], ['rules.', '?'], ['.', ''], ['palette.red', 5], ['__proto__.x', 1]];
    expect(() => readSettingsSheet(grid(nonsense))).not.toThrow();
    expect(readSettingsSheet(grid(nonsense)).settings.scheme).toBe('cip');
  });
});
