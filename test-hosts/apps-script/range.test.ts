/// <reference types="google-apps-script" />
// Range: values, typed input, formats, dimensions and merges (range.ts).
import { describe, expect, it } from 'vitest';
import { createFakeAppsScript } from './fake-apps-script';
import { fake, londonMidnight } from './test-fixture';

describe('typed input: what setValue(s) stores', () => {
  it('makes "=…" a formula, strips a leading apostrophe, reads numbers as numbers, keeps other text', () => {
    const { sheet } = fake();
    const r = sheet('Empty').getRange('A1:H1');
    r.setValues([['=SUM(B1:C1)', "'=SUM(B1:C1)", '+1', '-1', '12', '1.5', 'On track', "'+1"]]);
    expect(r.getFormulas()).toEqual([['=SUM(B1:C1)', '', '', '', '', '', '', '']]);
    expect(r.getValues()).toEqual([['#NAME?', '=SUM(B1:C1)', 1, -1, 12, 1.5, 'On track', '+1']]);
    expect(r.getDisplayValues()[0]?.[0]).toBe('#NAME?');
  });

  it('keeps every string literal under the plain-text format "@", "=…" included', () => {
    const { sheet } = fake();
    const r = sheet('Empty').getRange('A1:D1');
    r.setNumberFormat('@');
    r.setValues([['=1+1', '+1', '0123', 'TRUE']]);
    expect(r.getValues()).toEqual([['=1+1', '+1', '0123', 'TRUE']]);
    expect(r.getFormulas()).toEqual([['', '', '', '']]);
    expect(r.getNumberFormats()).toEqual([['@', '@', '@', '@']]);
  });

  it('reads percentages, grouped numbers, TRUE/FALSE and ISO dates as typed input does in Sheets', () => {
    const { sheet } = fake();
    const r = sheet('Empty').getRange('A1:E1');
    r.setValues([['50%', '1,000', 'TRUE', 'false', '2018-09-30']]);
    const [row] = r.getValues();
    expect(row?.slice(0, 4)).toEqual([0.5, 1000, true, false]);
    expect(row?.[4]).toBeInstanceOf(Date);
    expect((row?.[4] as Date).getTime()).toBe(londonMidnight(2018, 9, 30).getTime());
    expect(r.getDisplayValues()).toEqual([['50%', '1,000', 'TRUE', 'FALSE', '2018-09-30']]);
    expect(r.getNumberFormats()).toEqual([['0%', '#,##0', '0.###############', '0.###############', 'yyyy-mm-dd']]);
  });

  it('sets one value into every cell with setValue and clears with ""', () => {
    const { sheet } = fake();
    const r = sheet('Empty').getRange('B2:C3');
    r.setValue('x');
    expect(r.getValues()).toEqual([['x', 'x'], ['x', 'x']]);
    r.setValue('');
    expect(r.getValues()).toEqual([['', ''], ['', '']]);
    expect(sheet('Empty').getLastRow()).toBe(0);
  });
});

describe('values read back', () => {
  it('gives Date objects for date cells, "" (never null) for empty cells', () => {
    const { sheet } = fake();
    const values = sheet('Plan').getRange('A2:F2').getValues();
    expect(values[0]?.[3]).toBeInstanceOf(Date);
    expect((values[0]?.[3] as Date).getTime()).toBe(londonMidnight(2018, 9, 30).getTime());
    expect(values[0]?.[5]).toBe('');
    expect(values.flat()).not.toContain(null);
  });

  it('round-trips a Date written with setValues, with a date format and display', () => {
    const { f, sheet } = fake();
    const d = londonMidnight(2019, 4, 1); // BST: 2019-03-31T23:00Z
    const r = sheet('Empty').getRange('A1');
    r.setValues([[d]]);
    const back = r.getValue() as Date;
    expect(back).toBeInstanceOf(Date);
    expect(back).not.toBe(d);
    expect(back.getTime()).toBe(d.getTime());
    expect(r.getNumberFormat()).toBe('dd/MM/yyyy');
    expect(r.getDisplayValue()).toBe('01/04/2019');
    expect(f.globals.Utilities.formatDate(back, 'Europe/London', 'yyyy-MM-dd')).toBe('2019-04-01');
    expect(f.globals.Utilities.formatDate(back, 'UTC', "yyyy-MM-dd'T'HH:mm")).toBe('2019-03-31T23:00');
  });

  it('keeps the date in the format: a date cell formatted as a number reads as its serial', () => {
    const { sheet } = fake();
    const r = sheet('Plan').getRange('D2');
    r.setNumberFormat('0');
    expect(r.getValue()).toBe(43373);
    expect(r.getDisplayValue()).toBe('43373');
    r.setNumberFormat('d mmm yyyy');
    expect(r.getDisplayValue()).toBe('30 Sep 2018');
    expect((r.getValue() as Date).getTime()).toBe(londonMidnight(2018, 9, 30).getTime());
  });

  it('gives display strings for numbers and booleans', () => {
    const { sheet } = fake();
    const r = sheet('Empty').getRange('A1:D1');
    r.setValues([[0.1 + 0.2, true, 1234.5, 7]]);
    r.getCell(1, 3).setNumberFormat('#,##0.00');
    r.getCell(1, 4).setNumberFormat('0.0%');
    expect(r.getDisplayValues()).toEqual([['0.3', 'TRUE', '1,234.50', '700.0%']]);
  });
});

describe('setValues dimensions', () => {
  it('throws Apps Script messages when rows or columns do not match, and writes nothing', () => {
    const { f, sheet } = fake();
    const before = f.snapshot();
    const r = sheet('Empty').getRange(1, 1, 2, 3);
    expect(() => r.setValues([['a', 'b', 'c']])).toThrow('The number of rows in the data does not match the number of rows in the range. The data has 1 but the range has 2.');
    expect(() => r.setValues([['a', 'b', 'c'], ['d', 'e']])).toThrow('The number of columns in the data does not match the number of columns in the range. The data has 2 but the range has 3.');
    expect(() => r.setBackgrounds([['#ffffff']])).toThrow('The number of rows in the data does not match the number of rows in the range. The data has 1 but the range has 2.');
    expect(() => r.setValues(['a', 'b'] as unknown as string[][])).toThrow("don't match the method signature for SpreadsheetApp.Range.setValues");
    expect(f.snapshot()).toEqual(before);
  });
});

describe('backgrounds and font colours', () => {
  it('gives lower-case #rrggbb, #ffffff for no fill, and resets with null', () => {
    const { f, sheet } = fake();
    const r = sheet('Plan').getRange('E2:E3');
    expect(r.getBackgrounds()).toEqual([['#ffffff'], ['#ffffff']]);
    expect(r.getFontColors()).toEqual([['#000000'], ['#000000']]);
    r.setBackgrounds([['#CFE4DC'], ['#abc']]);
    r.setFontColors([['#083D29'], ['red']]);
    expect(r.getBackgrounds()).toEqual([['#cfe4dc'], ['#aabbcc']]);
    expect(r.getFontColors()).toEqual([['#083d29'], ['#ff0000']]);
    expect(f.book.sheet('Plan').cell('E2')?.background).toBe('#cfe4dc');
    r.setBackground(null);
    expect(r.getBackgrounds()).toEqual([['#ffffff'], ['#ffffff']]);
    expect(f.book.sheet('Plan').cell('E2')?.background).toBeNull();
  });

  it('reads fills seeded as an old tracker records RAG (fill only, no text)', () => {
    const f = createFakeAppsScript({ sheets: [{ name: 'Old', rows: [['Status'], [null]], backgrounds: [[null], ['#FF0000']] }] });
    const r = f.globals.SpreadsheetApp.getActive().getRange('Old!A1:A2');
    expect(r.getBackgrounds()).toEqual([['#ffffff'], ['#ff0000']]);
    expect(r.getValues()).toEqual([['Status'], ['']]);
  });

  it('clearFormat keeps number formats (as documented); clear() removes everything', () => {
    const { sheet } = fake();
    const r = sheet('Plan').getRange('D2');
    r.setBackground('#ff0000');
    r.clearFormat();
    expect(r.getBackground()).toBe('#ffffff');
    expect(r.getValue()).toBeInstanceOf(Date);
    r.clear();
    expect(r.getValue()).toBe('');
    expect(r.getNumberFormat()).toBe('0.###############');
  });
});

describe('merges', () => {
  it('reports merges that overlap the range, records new ones, keeps only the top-left value', () => {
    const f = createFakeAppsScript({ sheets: [{ name: 'Plan', rows: [['Title', '', ''], ['a', 'b', 'c']], merges: ['A1:C1'] }] });
    const s = f.globals.SpreadsheetApp.getActive().getSheetByName('Plan') as GoogleAppsScript.Spreadsheet.Sheet;
    expect(s.getRange('B1:B2').getMergedRanges().map((r) => r.getA1Notation())).toEqual(['A1:C1']);
    expect(s.getRange('A2:C2').getMergedRanges()).toEqual([]);
    s.getRange('A2:B2').merge();
    expect(f.book.sheet('Plan').merges).toEqual(['A1:C1', 'A2:B2']);
    expect(s.getRange('A2:C2').getValues()).toEqual([['a', '', 'c']]);
    expect(() => s.getRange('B1:D1').merge()).toThrow('You must select all cells in a merged range to merge or unmerge them.');
    s.getRange('A1:C1').breakApart();
    expect(f.book.sheet('Plan').merges).toEqual(['A2:B2']);
  });
});
