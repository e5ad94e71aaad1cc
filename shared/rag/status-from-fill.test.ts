import { describe, expect, it } from 'vitest';
import { defaultPalette } from './palette';
import { builtInSchemes } from '../status/schemes';
import { ragOfFill, statusFromFill } from './status-from-fill';

describe('ragOfFill', () => {
  it.each([
    // Excel's standard colours and the ones officers pick from its palette.
    ['#FF0000', 'red'],
    ['#C00000', 'red'],
    ['#F4CCCC', 'red'],
    ['#FFC000', 'amber'],
    ['#FFFF00', 'amber'],
    ['#F6B26B', 'amber'],
    ['#FFE599', 'amber'],
    ['#00B050', 'green'],
    ['#92D050', 'green'],
    ['#B6D7A8', 'green'],
    ['#0070C0', 'blue'],
    ['#00B0F0', 'blue'],
    ['#9FC5E8', 'blue'],
    // Google Sheets returns lower case.
    ['#ff0000', 'red'],
    ['00b050', 'green'],
    // The tool's own palette.
    [defaultPalette.red.fill, 'red'],
    [defaultPalette.amber.fill, 'amber'],
    [defaultPalette.green.fill, 'green'],
    [defaultPalette.blue.fill, 'blue'],
  ])('%s is %s', (hex, rag) => expect(ragOfFill(hex)).toBe(rag));

  it.each([
    ['#FFFFFF', 'white: no fill'],
    ['#000000', 'black'],
    ['#D9D9D9', 'grey banding'],
    [defaultPalette.grey.fill, 'the palette grey'],
    ['#F8F9FA', 'near white'],
    ['#7030A0', 'purple'],
    ['#FF00FF', 'magenta'],
    ['', 'empty'],
    ['red', 'a colour name'],
    ['#12345', 'five digits'],
  ])('%s is no status colour (%s)', (hex) => expect(ragOfFill(hex)).toBeNull());
});

describe('statusFromFill', () => {
  const cip = builtInSchemes.cip;
  const read = statusFromFill(cip, defaultPalette);

  it('maps each colour to the one status of the scheme that carries it', () => {
    expect(['#FF0000', '#FFC000', '#00B050', '#0070C0'].map((h) => read(h)?.label)).toEqual(['Major slippage', 'Some slippage', 'On track', 'Completed']);
  });

  it('reads the palette grey back as Not started, and no other grey', () => {
    expect(read(defaultPalette.grey.fill.toLowerCase())?.label).toBe('Not started');
    expect(read('#D9D9D9')).toBeNull();
  });

  it('reads a custom palette by its exact fills first', () => {
    const custom = { ...defaultPalette, green: { fill: '#7030A0', text: '#FFFFFF' } };
    expect(statusFromFill(cip, custom)('#7030a0')?.label).toBe('On track');
  });

  it('gives no status for a colour the scheme does not use (RAG has no blue)', () => {
    expect(statusFromFill(builtInSchemes.rag, defaultPalette)('#0070C0')).toBeNull();
    expect(statusFromFill(builtInSchemes.rag, defaultPalette)('#FF0000')?.label).toBe('Red');
  });

  it('gives no status when two statuses share the colour', () => {
    const twoGreens = { ...cip, statuses: [...cip.statuses, { label: 'Ahead', rag: 'green' as const, complete: false, slipped: false, notStarted: false, aliases: [] }] };
    expect(statusFromFill(twoGreens, defaultPalette)('#00B050')).toBeNull();
    expect(statusFromFill(twoGreens, defaultPalette)('#FF0000')?.label).toBe('Major slippage');
  });
});
