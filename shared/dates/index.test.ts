import { describe, it, expect } from 'vitest';
import * as dates from './index';

describe('dates index', () => {
  it('exposes the public API', () => {
    expect(Object.keys(dates).sort()).toEqual([
      'addDays',
      'dayFromIso',
      'dayFromSerial',
      'dayFromYmd',
      'daysInMonth',
      'formatDay',
      'formatParsedDate',
      'isValidYmd',
      'isoFromDay',
      'lastDayOfMonth',
      'parseDate',
      'serialFromDay',
      'ymdFromDay',
    ]);
  });

  it('works end to end', () => {
    const p = dates.parseDate('Q3 2018/19', { order: 'day-first' });
    expect(p.kind === 'date' ? dates.isoFromDay(p.due) : null).toBe('2018-12-31');
    expect(dates.formatParsedDate(p)).toBe('Q3 2018/19');
  });
});
