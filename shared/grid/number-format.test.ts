import { describe, expect, it } from 'vitest';
import { datePrecisionOf, isDateFormat } from './number-format';

describe('datePrecisionOf: what a date cell’s format shows', () => {
  it.each([
    ['dd/mm/yyyy', 'day'],
    ['d-mmm-yy', 'day'],
    ['[$-en-GB]dddd, d mmmm yyyy', 'day'],
    ['mmm-yy', 'month'],
    ['mmm yyyy', 'month'],
    ['mmmm yyyy', 'month'],
    ['[$-809]mmmm yyyy;@', 'month'],
    ['mm/yyyy', 'month'],
    ['yyyy', 'year'],
    ['"FY "yyyy', 'year'],
    ['h:mm', 'day'],
    ['yyyy-mm-dd hh:mm', 'day'],
    ['General', 'day'],
    [null, 'day'],
  ])('%s → %s', (fmt, expected) => {
    expect(datePrecisionOf(fmt)).toBe(expected);
  });

  it('agrees that every month-only and year-only format is a date format', () => {
    for (const f of ['mmm-yy', 'mmm yyyy', 'mmmm yyyy', 'yyyy']) expect(isDateFormat(f)).toBe(true);
  });
});
