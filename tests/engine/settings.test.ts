import { describe, expect, it } from 'vitest';
import { contrastRatio, defaultPalette } from '../../shared/rag/palette';
import { activeScheme, defaultSettings, parseSettings, renderSettingsProblem } from '../../shared/settings/settings';
import { readSettingsSheet, settingsSheetRows } from '../../shared/settings/settings-sheet';
import { statusLookup } from '../../shared/status/normalise';

function problems(input: unknown): string[] {
  const r = parseSettings(input);
  return r.ok ? [] : r.problems.map(renderSettingsProblem);
}

describe('settings', () => {
  it('has defaults for everything', () => {
    const s = defaultSettings();
    expect(s).toMatchObject({ scheme: 'cip', dueSoonDays: 14, dateOrder: 'day-first', summarySheet: 'Plan Summary', columns: {}, rules: {}, palette: {} });
    expect(s.asOf).toBeUndefined();
  });

  it.each([
    [{ dueSoonDays: 'abc' }, "Setting 'dueSoonDays' must be a number."],
    [{ dueSoonDays: 1.5 }, "Setting 'dueSoonDays' must be a whole number of days."],
    [{ dueSoonDays: 400 }, "Setting 'dueSoonDays' must be at most 366."],
    [{ scheme: 'traffic' }, `Setting 'scheme' must be one of "cip", "rag", "brag", "covalent".`],
    [{ dateOrder: 'dmy' }, `Setting 'dateOrder' must be one of "day-first", "month-first".`],
    [{ asOf: '30/09/2018' }, "Setting 'asOf' must be a date written as YYYY-MM-DD, such as 2018-09-30."],
    [{ palette: { red: { fill: 'red', text: '#000000' } } }, "Setting 'palette.red.fill' must be a colour written as #RRGGBB, such as #C4E5CD."],
    [{ rules: { 'no-such-rule': 'off' } }, "Setting 'rules.no-such-rule' is not a setting Plan Monitor knows."],
    [{ rules: { 'duplicate-ref': 'loud' } }, `Setting 'rules.duplicate-ref' must be one of "error", "warning", "off".`],
    [{ summarySheet: 'Summary: Q2' }, "Setting 'summarySheet' must not contain any of : \\ / ? * [ ]."],
    [{ summarySheet: 'A very long summary sheet name indeed' }, "Setting 'summarySheet' must be at most 31 characters"],
    [{ colour: 'red' }, "Setting 'colour' is not a setting Plan Monitor knows."],
    [{ columns: { status: '' } }, "Setting 'columns.status' must be a column letter or a heading."],
    [{ customStatuses: [{ label: 'Done', rag: 'purple' }] }, "Setting 'customStatuses.0.rag' must be one of"],
  ])('names the field of a bad setting: %j', (input, message) => {
    const got = problems(input);
    expect(got).toHaveLength(1);
    expect(got[0]).toContain(message);
  });

  it('never throws, whatever it is given', () => {
    for (const input of [null, undefined, 42, 'x', [], { __proto__: { a: 1 } }]) expect(() => parseSettings(input)).not.toThrow();
    expect(parseSettings(42).ok).toBe(false);
  });

  it('uses custom statuses in place of the built-in scheme', () => {
    const r = parseSettings({ customStatuses: [{ label: 'Done', rag: 'blue', complete: true }, { label: 'Behind', rag: 'red', slipped: true, aliases: ['late'] }] });
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(activeScheme(r.settings).statuses.map((s) => [s.label, s.rag, s.complete, s.slipped, s.aliases])).toEqual([
      ['Done', 'blue', true, false, []],
      ['Behind', 'red', false, true, ['late']],
    ]);
  });
});

describe('default palette', () => {
  it.each(Object.entries(defaultPalette))('%s keeps its text readable: contrast at least 7:1 (WCAG AAA)', (_rag, swatch) => {
    expect(contrastRatio(swatch.fill, swatch.text)).toBeGreaterThanOrEqual(7);
  });

  it('computes WCAG contrast: black on white is 21, a colour on itself is 1', () => {
    expect(contrastRatio('#000000', '#FFFFFF')).toBeCloseTo(21, 5);
    expect(contrastRatio('#C4E5CD', '#C4E5CD')).toBe(1);
  });

  it('gives every RAG category a distinct fill', () => {
    const fills = Object.values(defaultPalette).map((s) => s.fill);
    expect(new Set(fills).size).toBe(fills.length);
  });
});

describe('statusWords: words added to the scheme in force', () => {
  const schemeOf = (input: unknown) => {
    const r = parseSettings(input);
    if (!r.ok) throw new Error(r.problems.map(renderSettingsProblem).join(' '));
    return statusLookup(activeScheme(r.settings));
  };

  it.each([
    [{ statusWords: [{ word: 'behind schedule', status: 'Some slippage' }] }, 'Behind Schedule.', 'Some slippage'],
    // The status is matched as officers type it, and stored as the scheme spells it.
    [{ statusWords: [{ word: 'stalled', status: 'major SLIPPAGE' }] }, 'stalled', 'Major slippage'],
    // A word the scheme already has is taken from its status: the officer's choice wins.
    [{ statusWords: [{ word: 'slipped', status: 'Major slippage' }] }, 'Slipped', 'Major slippage'],
    [{ scheme: 'rag', statusWords: [{ word: 'on hold', status: 'Amber' }] }, 'On hold', 'Amber'],
    [{ scheme: 'covalent', statusWords: [{ word: 'tick', status: 'Completed' }] }, 'tick', 'Completed'],
  ])('%j reads %j as %j', (input, typed, label) => {
    expect(schemeOf(input).find(typed)?.label).toBe(label);
  });

  it('leaves every other word of the scheme as it was', () => {
    const plain = schemeOf({});
    const added = schemeOf({ statusWords: [{ word: 'slipped', status: 'Major slippage' }] });
    expect(added.find('slippage')?.label).toBe('Some slippage');
    expect(added.find('off track')?.label).toBe('Major slippage');
    expect(plain.find('slipped')?.label).toBe('Some slippage');
    expect(activeScheme(defaultSettings()).statuses.map((s) => s.aliases.length)).toEqual(plain.scheme.statuses.map((s) => s.aliases.length));
  });

  it.each([
    [{ statusWords: [{ word: 'stalled', status: 'Stuck' }] }, "Setting 'statusWords.0.status' (“stalled” means “Stuck”) must be one of the statuses in use: “Completed”, “On track”, “Some slippage”, “Major slippage”, “Not started”."],
    [{ scheme: 'rag', statusWords: [{ word: 'done', status: 'Completed' }] }, "Setting 'statusWords.0.status' (“done” means “Completed”) must be one of the statuses in use: “Green”, “Amber”, “Red”."],
    [{ statusWords: [{ word: 'Completed', status: 'On track' }] }, "Setting 'statusWords.0.word' (“Completed”) is already the status “Completed”: it cannot mean another."],
    [{ statusWords: [{ word: ' ', status: 'On track' }] }, "Setting 'statusWords.0.word' must not be empty."],
    [{ statusWords: [{ word: '…', status: 'On track' }] }, "Setting 'statusWords.0.word' must contain a letter or a digit."],
    [{ statusWords: [{ word: 'x', status: 'On track', rag: 'red' }] }, "Setting 'statusWords.0.rag' is not a setting Plan Monitor knows."],
  ])('%j is refused: %s', (input, message) => {
    const r = parseSettings(input);
    expect(r.ok ? [] : r.problems.map(renderSettingsProblem)).toEqual([message]);
  });

  it('travels in the settings sheet as one JSON cell, and reads back the same', () => {
    const input = { statusWords: [{ word: 'behind schedule', status: 'Some slippage' }] };
    const rows = settingsSheetRows(input);
    expect(rows.slice(2)).toEqual([['statusWords', '[{"word":"behind schedule","status":"Some slippage"}]']]);
    const back = readSettingsSheet({ sheet: 'Plan Monitor Settings', top: 1, left: 1, values: rows });
    expect(back.problems).toEqual([]);
    expect(back.input).toEqual(input);
    expect(back.settings.statusWords).toEqual(input.statusWords);
  });
});
