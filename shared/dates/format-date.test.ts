import { describe, it, expect } from 'vitest';
import { dayFromYmd } from './day';
import { formatDay, formatParsedDate } from './format-date';
import { parseDate, type ParsedDate } from './parse-date';

const UK = { order: 'day-first' } as const;

describe('formatDay', () => {
  it('writes dd/mm/yyyy', () => {
    expect(formatDay(dayFromYmd(2018, 12, 31))).toBe('31/12/2018');
    expect(formatDay(dayFromYmd(2018, 7, 2))).toBe('02/07/2018');
    expect(formatDay(dayFromYmd(1900, 1, 1))).toBe('01/01/1900');
  });
});

describe('formatParsedDate', () => {
  it.each([
    ['31/12/2018', '31/12/2018'],
    ['2nd July 2018', '02/07/2018'],
    ['Sept 2018', 'Sep 2018'],
    ['End of March 2019', 'Mar 2019'],
    ['Dec-18', 'Dec 2018'],
    ['Jan 2018/19', 'Jan 2019'],
    ['Q3 2018/19', 'Q3 2018/19'],
    ['Q4 18/19', 'Q4 2018/19'],
    ['2018/19 Q1', 'Q1 2018/19'],
    ['Q3 2018', 'Q3 2018'],
    ['Q1 1999/00', 'Q1 1999/00'],
    ['Autumn 2018', 'Autumn 2018'],
    ['Fall 2018', 'Autumn 2018'],
    ['Spring 2019', 'Spring 2019'],
    ['Summer 2019', 'Summer 2019'],
    ['Winter 2018', 'Winter 2018/19'],
    ['Winter 2018/19', 'Winter 2018/19'],
    ['2019', '2019'],
    ['2018-19', '2018/19'],
    ['FY 18/19', '2018/19'],
    ['TBC', 'TBC'],
    ['on going', 'on going'],
    ['Soon', 'Soon'],
    ['', ''],
  ])('%j reads as %j', (input, shown) => {
    expect(formatParsedDate(parseDate(input, UK))).toBe(shown);
  });

  it('writes serials and blanks', () => {
    expect(formatParsedDate(parseDate(43373, UK))).toBe('30/09/2018');
    expect(formatParsedDate({ kind: 'blank' })).toBe('');
  });

  it('infers the scheme of a year or quarter built without one', () => {
    const fy: ParsedDate = { kind: 'date', start: dayFromYmd(2018, 4, 1), due: dayFromYmd(2019, 3, 31), precision: 'year', text: '' };
    const q: ParsedDate = { kind: 'date', start: dayFromYmd(2018, 7, 1), due: dayFromYmd(2018, 9, 30), precision: 'quarter', text: '' };
    expect(formatParsedDate(fy)).toBe('2018/19');
    expect(formatParsedDate(q)).toBe('Q3 2018');
  });

  it('reads back what it writes, to the same period', () => {
    const inputs = ['31/12/2018', 'Sept 2018', 'Q3 2018/19', 'Q4 2018/19', 'Q3 2018', 'Autumn 2018', 'Winter 2019', '2019', '2018/19', 43373];
    for (const input of inputs) {
      const first = parseDate(input, UK);
      const again = parseDate(formatParsedDate(first), UK);
      expect(again.kind).toBe('date');
      if (first.kind === 'date' && again.kind === 'date') {
        expect([again.start, again.due, again.precision]).toEqual([first.start, first.due, first.precision]);
      }
    }
  });
});
