import { describe, it, expect } from 'vitest';
import {
  addDays,
  dayFromIso,
  dayFromSerial,
  dayFromYmd,
  daysInMonth,
  isValidYmd,
  isoFromDay,
  lastDayOfMonth,
  serialFromDay,
  ymdFromDay,
} from './day';

describe('dayFromYmd / ymdFromDay', () => {
  it('counts from 1970-01-01', () => {
    expect(dayFromYmd(1970, 1, 1)).toBe(0);
    expect(dayFromYmd(1969, 12, 31)).toBe(-1);
    expect(dayFromYmd(1900, 1, 1)).toBe(-25567);
    expect(dayFromYmd(2000, 1, 1)).toBe(10957);
    expect(dayFromYmd(2018, 12, 31)).toBe(17896);
  });

  it('round-trips every 97th day from 1900 to 2100', () => {
    const last = dayFromYmd(2100, 12, 31);
    let checked = 0;
    for (let day = dayFromYmd(1900, 1, 1); day <= last; day += 97) {
      const { y, m, d } = ymdFromDay(day);
      expect(isValidYmd(y, m, d)).toBe(true);
      expect(dayFromYmd(y, m, d)).toBe(day);
      expect(dayFromIso(isoFromDay(day))).toBe(day);
      checked++;
    }
    expect(checked).toBeGreaterThan(750);
  });

  it('gives consecutive integers to consecutive calendar days, 1900 to 2100', () => {
    // Walks the calendar by month lengths alone, so it checks the formula independently of its inverse.
    const mismatches: string[] = [];
    let expected = dayFromYmd(1900, 1, 1);
    for (let y = 1900; y <= 2100; y++) {
      for (let m = 1; m <= 12; m++) {
        for (let d = 1; d <= daysInMonth(y, m); d++) {
          if (dayFromYmd(y, m, d) !== expected) mismatches.push(`${y}-${m}-${d}`);
          expected++;
        }
      }
    }
    expect(mismatches).toEqual([]);
    expect(expected).toBe(dayFromYmd(2101, 1, 1));
  });

  it('round-trips far from 1970, including before year 0 of the era', () => {
    for (const [y, m, d] of [
      [1, 1, 1],
      [1600, 2, 29],
      [9999, 12, 31],
      [-400, 3, 1],
    ] as const) {
      expect(ymdFromDay(dayFromYmd(y, m, d))).toEqual({ y, m, d });
    }
  });

  it('rolls month and day overflow forward', () => {
    expect(dayFromYmd(2018, 13, 1)).toBe(dayFromYmd(2019, 1, 1));
    expect(dayFromYmd(2019, 0, 1)).toBe(dayFromYmd(2018, 12, 1));
    expect(dayFromYmd(2019, 3, 0)).toBe(dayFromYmd(2019, 2, 28));
    expect(dayFromYmd(2018, 27, 1)).toBe(dayFromYmd(2020, 3, 1));
  });
});

describe('leap years', () => {
  it.each([
    [1900, 28],
    [2000, 29],
    [2100, 28],
    [2019, 28],
    [2020, 29],
    [2400, 29],
  ])('February %i has %i days', (y, n) => {
    expect(daysInMonth(y, 2)).toBe(n);
    expect(isValidYmd(y, 2, 29)).toBe(n === 29);
  });

  it('knows the other months', () => {
    expect([1, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12].map((m) => daysInMonth(2018, m))).toEqual([
      31, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31,
    ]);
  });
});

describe('isValidYmd', () => {
  it.each([
    [2018, 12, 31, true],
    [2019, 2, 29, false],
    [2018, 13, 1, false],
    [2018, 0, 1, false],
    [2018, 4, 31, false],
    [2018, 4, 0, false],
    [2018, 4, 1.5, false],
  ])('%i-%i-%s → %s', (y, m, d, valid) => {
    expect(isValidYmd(y, m, d)).toBe(valid);
  });
});

describe('lastDayOfMonth and addDays', () => {
  it('finds month ends', () => {
    expect(isoFromDay(lastDayOfMonth(2019, 2))).toBe('2019-02-28');
    expect(isoFromDay(lastDayOfMonth(2020, 2))).toBe('2020-02-29');
    expect(isoFromDay(lastDayOfMonth(2018, 12))).toBe('2018-12-31');
    expect(isoFromDay(lastDayOfMonth(2018, 9))).toBe('2018-09-30');
  });

  it('adds and subtracts days across months and years', () => {
    expect(isoFromDay(addDays(dayFromYmd(2018, 12, 31), 1))).toBe('2019-01-01');
    expect(isoFromDay(addDays(dayFromYmd(2020, 3, 1), -1))).toBe('2020-02-29');
  });
});

describe('ISO text', () => {
  it('writes zero-padded dates', () => {
    expect(isoFromDay(dayFromYmd(2018, 12, 31))).toBe('2018-12-31');
    expect(isoFromDay(dayFromYmd(1900, 1, 2))).toBe('1900-01-02');
  });

  it.each(['2018-2-3', '2018-02-30', ' 2018-02-03', '2018-02-03T00:00', '18-02-03', '2018/02/03', '', '2019-02-29'])(
    'rejects %j',
    (text) => {
      expect(dayFromIso(text)).toBeNull();
    },
  );

  it('reads real days', () => {
    expect(dayFromIso('2020-02-29')).toBe(dayFromYmd(2020, 2, 29));
    expect(dayFromIso('1970-01-01')).toBe(0);
  });
});

describe('Excel serials', () => {
  it.each([
    [1, '1900-01-01'],
    [2, '1900-01-02'],
    [59, '1900-02-28'],
    [61, '1900-03-01'],
    [25569, '1970-01-01'],
    [36526, '2000-01-01'],
    [43373, '2018-09-30'],
    [44197, '2021-01-01'],
    [73051, '2100-01-01'],
    [2958465, '9999-12-31'],
    [43373.75, '2018-09-30'],
    [2958465.999, '9999-12-31'],
  ])('serial %s is %s', (serial, iso) => {
    const day = dayFromSerial(serial);
    expect(day).not.toBeNull();
    expect(isoFromDay(day ?? 0)).toBe(iso);
  });

  it.each([60, 60.5, 0, 0.5, -1, 2958466, Number.NaN, Number.POSITIVE_INFINITY])('serial %s is no day', (serial) => {
    expect(dayFromSerial(serial)).toBeNull();
  });

  it('inverts dayFromSerial for every 97th serial', () => {
    for (let serial = 1; serial <= 2958465; serial += 97) {
      if (serial === 60) continue;
      const day = dayFromSerial(serial);
      expect(day).not.toBeNull();
      expect(serialFromDay(day ?? 0)).toBe(serial);
    }
  });

  it('maps days around the phantom 29 Feb 1900', () => {
    expect(serialFromDay(dayFromYmd(1900, 1, 1))).toBe(1);
    expect(serialFromDay(dayFromYmd(1900, 2, 28))).toBe(59);
    expect(serialFromDay(dayFromYmd(1900, 3, 1))).toBe(61);
    expect(serialFromDay(0)).toBe(25569);
  });
});
