import { describe, it, expect } from 'vitest';
import type { CellValue } from '../grid/grid';
import { isoFromDay } from './day';
import { parseDate, type ParseDateOptions, type ParsedDate, type Precision } from './parse-date';

const UK: ParseDateOptions = { order: 'day-first' };
const US: ParseDateOptions = { order: 'month-first' };
const DATE_CELL: ParseDateOptions = { order: 'day-first', isDateCell: true };

/** One line per reading: input, kind, ISO due date and precision (dates), or meaning (placeholders). */
type Row =
  | [CellValue, 'date', string, Precision]
  | [CellValue, 'date', string, Precision, ParseDateOptions]
  | [CellValue, 'placeholder', 'tbc' | 'ongoing' | 'not-applicable']
  | [CellValue, 'blank' | 'invalid']
  | [CellValue, 'blank' | 'invalid', ParseDateOptions];

function summary(p: ParsedDate): string {
  switch (p.kind) {
    case 'date':
      return `date ${isoFromDay(p.due)} ${p.precision}`;
    case 'placeholder':
      return `placeholder ${p.meaning}`;
    default:
      return p.kind;
  }
}

function expected(row: Row): { summary: string; options: ParseDateOptions } {
  const [, kind] = row;
  if (kind === 'date') return { summary: `date ${row[2]} ${row[3]}`, options: row[4] ?? UK };
  if (kind === 'placeholder') return { summary: `placeholder ${row[2]}`, options: UK };
  return { summary: kind, options: row[2] ?? UK };
}

const ROWS: Row[] = [
  // blanks and non-dates
  [null, 'blank'],
  ['', 'blank'],
  ['   \t ', 'blank'],
  [true, 'invalid'],
  [false, 'invalid'],

  // Excel serials
  [43373, 'date', '2018-09-30', 'day'],
  [43373.5, 'date', '2018-09-30', 'day'],
  [59, 'date', '1900-02-28', 'day'],
  [60, 'invalid'],
  [61, 'date', '1900-03-01', 'day'],
  [1, 'date', '1900-01-01', 'day'],
  [0, 'invalid'],
  [-5, 'invalid'],
  [2958466, 'invalid'],
  [73051, 'date', '2100-01-01', 'day'],
  [Number.NaN, 'invalid'],
  // a typed year in a column not known to hold dates; a serial when the host says it's a date
  [2019, 'date', '2019-12-31', 'year'],
  [2019, 'date', '1905-07-11', 'day', DATE_CELL],
  [2101, 'date', '1905-10-01', 'day'],

  // ISO
  ['2018-12-31', 'date', '2018-12-31', 'day'],
  ['2018-12-31T00:00:00Z', 'date', '2018-12-31', 'day'],
  ['2018-12-31T23:30:00+01:00', 'date', '2018-12-31', 'day'],
  ['2018-12-31 10:30', 'date', '2018-12-31', 'day'],
  ['2018/12/31', 'date', '2018-12-31', 'day'],
  ['2018-02-30', 'invalid'],

  // numeric, day first
  ['31/12/2018', 'date', '2018-12-31', 'day'],
  ['31-12-18', 'date', '2018-12-31', 'day'],
  ['31.12.2018', 'date', '2018-12-31', 'day'],
  ['31.12.2018.', 'date', '2018-12-31', 'day'],
  ['2/7/2018', 'date', '2018-07-02', 'day'],
  ['02/07/18', 'date', '2018-07-02', 'day'],
  ['1/1/69', 'date', '2069-01-01', 'day'],
  ['1/1/70', 'date', '1970-01-01', 'day'],
  ['31/12/2018 00:00:00', 'date', '2018-12-31', 'day'],
  [' 31 / 12 / 2018 ', 'date', '2018-12-31', 'day'],
  ['29/02/2020', 'date', '2020-02-29', 'day'],
  ['31/02/2019', 'invalid'],
  ['29/02/2019', 'invalid'],
  ['32/13/2018', 'invalid'],
  ['12/31/2018', 'invalid'],
  ['0/12/2018', 'invalid'],
  ['31/12/1899', 'invalid'],
  ['31/12/201', 'invalid'],

  // numeric, month first (opt-in)
  ['7/2/2018', 'date', '2018-07-02', 'day', US],
  ['2/7/2018', 'date', '2018-02-07', 'day', US],
  ['12/31/2018', 'date', '2018-12-31', 'day', US],
  ['31/12/2018', 'invalid', US],

  // written days
  ['2 July 2018', 'date', '2018-07-02', 'day'],
  ['2nd July 2018', 'date', '2018-07-02', 'day'],
  ['2nd of July 2018', 'date', '2018-07-02', 'day'],
  ['Monday 2 July 2018', 'date', '2018-07-02', 'day'],
  ['Monday, 2nd July 2018', 'date', '2018-07-02', 'day'],
  ['Mon 2 Jul 2018', 'date', '2018-07-02', 'day'],
  ['Tuesday 2 July 2018', 'invalid'],
  ['July 2, 2018', 'date', '2018-07-02', 'day'],
  ['July 2nd 2018', 'date', '2018-07-02', 'day'],
  ['2-Jul-2018', 'date', '2018-07-02', 'day'],
  ['02 Jul 18', 'date', '2018-07-02', 'day'],
  ['02 JUL 18', 'date', '2018-07-02', 'day'],
  ['31st December 2018.', 'date', '2018-12-31', 'day'],
  ['31 June 2018', 'invalid'],
  ['by 31/03/2019', 'date', '2019-03-31', 'day'],
  ['2 July', 'invalid'],
  ['July 2nd', 'invalid'],
  ['2 Julyy 2018', 'invalid'],
  ['2 Ju 2018', 'invalid'],

  // months
  ['Sept 2018', 'date', '2018-09-30', 'month'],
  ['Sep 2018', 'date', '2018-09-30', 'month'],
  ['Sept. 2018', 'date', '2018-09-30', 'month'],
  ['September 2018', 'date', '2018-09-30', 'month'],
  ['Dec-18', 'date', '2018-12-31', 'month'],
  ['Mar-19', 'date', '2019-03-31', 'month'],
  ['Feb-20', 'date', '2020-02-29', 'month'],
  ['End of March 2019', 'date', '2019-03-31', 'month'],
  ['end March 2019', 'date', '2019-03-31', 'month'],
  ['by March 2019', 'date', '2019-03-31', 'month'],
  ['by the end of March 2019', 'date', '2019-03-31', 'month'],
  ['March 2019', 'date', '2019-03-31', 'month'],
  ['mid March 2019', 'date', '2019-03-31', 'month'],
  ['mid-March 2019', 'date', '2019-03-31', 'month'],
  ['12/2018', 'date', '2018-12-31', 'month'],
  ['2/2019', 'date', '2019-02-28', 'month'],
  ['13/2018', 'invalid'],
  ['2018-12', 'date', '2018-12-31', 'month'],
  ['early March 2019', 'invalid'],
  ['late March 2019', 'invalid'],
  ['Marchh 2019', 'invalid'],
  ['March', 'invalid'],
  ['Monday March 2019', 'invalid'],

  // quarters
  ['Q3 2018/19', 'date', '2018-12-31', 'quarter'],
  ['Q3 18/19', 'date', '2018-12-31', 'quarter'],
  ['2018/19 Q3', 'date', '2018-12-31', 'quarter'],
  ['Quarter 3 2018/19', 'date', '2018-12-31', 'quarter'],
  ['Q1 2018/19', 'date', '2018-06-30', 'quarter'],
  ['Q2 2018-19', 'date', '2018-09-30', 'quarter'],
  ['Q4 2018/19', 'date', '2019-03-31', 'quarter'],
  ['Q4 2019/20', 'date', '2020-03-31', 'quarter'],
  ['q4 fy 2018/19', 'date', '2019-03-31', 'quarter'],
  ['end of Q4 2018/19', 'date', '2019-03-31', 'quarter'],
  ['Q3 2018', 'date', '2018-09-30', 'quarter'],
  ['Q1 2019', 'date', '2019-03-31', 'quarter'],
  ['Q5 2018', 'invalid'],
  ['Q0 2018', 'invalid'],
  ['Q1 2018/20', 'invalid'],
  ['Q3 18', 'invalid'],

  // financial years
  ['2018/19', 'date', '2019-03-31', 'year'],
  ['2018-19', 'date', '2019-03-31', 'year'],
  ['2018/2019', 'date', '2019-03-31', 'year'],
  ['FY 18/19', 'date', '2019-03-31', 'year'],
  ['1999/00', 'date', '2000-03-31', 'year'],
  ['2018/20', 'invalid'],

  // a month inside a financial year
  ['Sept 2018/19', 'date', '2018-09-30', 'month'],
  ['Jan 2018/19', 'date', '2019-01-31', 'month'],
  ['March 2018/19', 'date', '2019-03-31', 'month'],
  ['April 2018/19', 'date', '2018-04-30', 'month'],

  // seasons
  ['Autumn 2018', 'date', '2018-11-30', 'season'],
  ['Fall 2018', 'date', '2018-11-30', 'season'],
  ['Spring 2019', 'date', '2019-05-31', 'season'],
  ['Summer 2019', 'date', '2019-08-31', 'season'],
  ['Winter 2018', 'date', '2019-02-28', 'season'],
  ['Winter 2018/19', 'date', '2019-02-28', 'season'],
  ['Winter 2019/20', 'date', '2020-02-29', 'season'],
  ['Winter 2019', 'date', '2020-02-29', 'season'],
  ['by Autumn 2018', 'date', '2018-11-30', 'season'],
  ['early Autumn 2018', 'invalid'],
  ['late Winter 2018', 'invalid'],
  ['Autumn 2018/19', 'invalid'],

  // years
  ['2019', 'date', '2019-12-31', 'year'],
  ['End of 2019', 'date', '2019-12-31', 'year'],
  ['1899', 'invalid'],

  // placeholders
  ['TBC', 'placeholder', 'tbc'],
  ['tba', 'placeholder', 'tbc'],
  ['TBD.', 'placeholder', 'tbc'],
  ['t.b.c.', 'placeholder', 'tbc'],
  ['To be confirmed', 'placeholder', 'tbc'],
  ['To  be agreed', 'placeholder', 'tbc'],
  ['Ongoing', 'placeholder', 'ongoing'],
  ['On-going', 'placeholder', 'ongoing'],
  ['On going', 'placeholder', 'ongoing'],
  ['Continuous', 'placeholder', 'ongoing'],
  ['Annual', 'placeholder', 'ongoing'],
  ['Throughout the year', 'placeholder', 'ongoing'],
  ['N/A', 'placeholder', 'not-applicable'],
  ['NA', 'placeholder', 'not-applicable'],
  ['n/a', 'placeholder', 'not-applicable'],
  ['Not applicable', 'placeholder', 'not-applicable'],
  ['-', 'placeholder', 'not-applicable'],
  ['—', 'placeholder', 'not-applicable'],
  ['–', 'placeholder', 'not-applicable'],

  // other text
  ['Soon', 'invalid'],
  ['ASAP', 'invalid'],
  ['31/12/2018 (revised)', 'invalid'],
  ['.', 'invalid'],
  ['constructor', 'invalid'],
  ['Jane 2018', 'invalid'],
];

describe('parseDate: the table', () => {
  it('has enough rows to mean something', () => {
    expect(ROWS.length).toBeGreaterThanOrEqual(60);
  });

  it.each(ROWS.map((row) => [JSON.stringify(row[0]), row] as const))('%s', (_label, row) => {
    const want = expected(row);
    expect(summary(parseDate(row[0], want.options))).toBe(want.summary);
  });
});

function dateOf(value: CellValue, options: ParseDateOptions = UK): Extract<ParsedDate, { kind: 'date' }> {
  const p = parseDate(value, options);
  if (p.kind !== 'date') throw new Error(`expected a date from ${JSON.stringify(value)}, got ${JSON.stringify(p)}`);
  return p;
}

function reasonFor(value: CellValue, options: ParseDateOptions = UK): string {
  const p = parseDate(value, options);
  if (p.kind !== 'invalid') throw new Error(`expected invalid from ${JSON.stringify(value)}, got ${JSON.stringify(p)}`);
  return p.reason;
}

function period(value: CellValue, options: ParseDateOptions = UK): string {
  const p = dateOf(value, options);
  return `${isoFromDay(p.start)}..${isoFromDay(p.due)}`;
}

describe('parseDate: periods start on their first day', () => {
  it.each([
    ['31/12/2018', '2018-12-31..2018-12-31'],
    ['Sept 2018', '2018-09-01..2018-09-30'],
    ['Q3 2018/19', '2018-10-01..2018-12-31'],
    ['Q4 2018/19', '2019-01-01..2019-03-31'],
    ['Q3 2018', '2018-07-01..2018-09-30'],
    ['2018/19', '2018-04-01..2019-03-31'],
    ['Autumn 2018', '2018-09-01..2018-11-30'],
    ['Winter 2018', '2018-12-01..2019-02-28'],
    ['2019', '2019-01-01..2019-12-31'],
  ])('%s covers %s', (text, expectedPeriod) => {
    expect(period(text)).toBe(expectedPeriod);
  });

  it('reads a typed year number as the whole calendar year', () => {
    expect(period(2019)).toBe('2019-01-01..2019-12-31');
  });

  it('marks quarters and years as financial or calendar', () => {
    expect(dateOf('Q3 2018/19').scheme).toBe('financial');
    expect(dateOf('Q3 2018').scheme).toBe('calendar');
    expect(dateOf('2018/19').scheme).toBe('financial');
    expect(dateOf('2019').scheme).toBe('calendar');
    expect(dateOf('Sept 2018').scheme).toBeUndefined();
  });
});

describe('parseDate: text', () => {
  it('keeps the input trimmed but otherwise as typed', () => {
    expect(dateOf('  End of  March 2019  ').text).toBe('End of  March 2019');
    expect(parseDate(' TBC ', UK)).toEqual({ kind: 'placeholder', text: 'TBC', meaning: 'tbc' });
    expect(parseDate(' Soon ', UK)).toMatchObject({ kind: 'invalid', text: 'Soon' });
  });

  it('writes numbers and booleans as text', () => {
    expect(dateOf(43373).text).toBe('43373');
    expect(parseDate(true, UK)).toMatchObject({ kind: 'invalid', text: 'TRUE' });
  });
});

describe('parseDate: reasons a performance officer can act on', () => {
  it('names the month length', () => {
    expect(reasonFor('31/02/2019')).toBe('31/02/2019 is not a real date: February 2019 has 28 days');
    expect(reasonFor('29/02/2019')).toContain('February 2019 has 28 days');
    expect(reasonFor('31 June 2018')).toContain('June 2018 has 30 days');
  });

  it('names an impossible month and day', () => {
    expect(reasonFor('32/13/2018')).toBe('32/13/2018 is not a real date: there is no month 13, and no month has 32 days');
    expect(reasonFor('0/12/2018')).toContain('no day 0');
    expect(reasonFor('13/2018')).toContain('no month 13');
  });

  it('suggests the day/month order when swapping would make sense', () => {
    expect(reasonFor('12/31/2018')).toContain('reads dates day first');
    expect(reasonFor('31/12/2018', US)).toContain('month first');
    expect(reasonFor('32/13/2018')).not.toContain('day first');
  });

  it('says a year is out of range', () => {
    expect(reasonFor('31/12/1899')).toContain('the year 1899 is out of range');
    expect(reasonFor('1899')).toContain('out of range');
    expect(reasonFor('Q1 1899/00')).toContain('1899');
    expect(reasonFor('Winter 9999')).toContain('10000');
  });

  it('explains quarters and financial years', () => {
    expect(reasonFor('Q5 2018')).toContain('Q1 to Q4');
    expect(reasonFor('Q0 2018')).toContain('Q1 to Q4');
    expect(reasonFor('Q1 2018/20')).toContain('must follow on, as in 2018/19');
    expect(reasonFor('Autumn 2018/19')).toContain('Autumn 2018');
    expect(reasonFor('Spring 2018/19')).toContain('Spring 2019');
  });

  it('explains vague and mismatched qualifiers', () => {
    expect(reasonFor('early March 2019')).toBe(
      '"early March 2019" is too vague for a deadline: type the day it is due, or just Mar 2019 to mean by 31/03/2019',
    );
    expect(reasonFor('Tuesday 2 July 2018')).toContain('2 July 2018 is a Monday');
  });

  it('asks for a missing year', () => {
    expect(reasonFor('2 July')).toContain('has no year');
    expect(reasonFor('March')).toContain('has no year');
  });

  it('explains serials Excel would not show as dates', () => {
    expect(reasonFor(60)).toContain('29/02/1900');
    expect(reasonFor(0)).toContain('01/01/1900');
    expect(reasonFor(2958466)).toContain('31/12/9999');
    expect(reasonFor(true)).toContain('not a date');
  });

  it('falls back to a plain example, in the order set', () => {
    expect(reasonFor('Soon')).toBe(
      '"Soon" is not a date Plan Monitor can read; type a date such as 31/12/2018 or Dec 2018',
    );
    expect(reasonFor('Soon', US)).toContain('12/31/2018');
  });
});
