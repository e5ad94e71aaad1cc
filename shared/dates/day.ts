/**
 * Calendar days as plain integers (proleptic Gregorian), so the engine never meets a Date object,
 * a time zone or a daylight-saving shift.
 */

/** Days since 1970-01-01; negative before it. */
export type Day = number;

/** Days in 400 Gregorian years: the calendar repeats after this. */
const DAYS_PER_ERA = 146097;
/** Days from 0000-03-01 to 1970-01-01; counting years from March puts the leap day last. */
const MARCH_EPOCH_SHIFT = 719468;

function isLeapYear(y: number): boolean {
  return (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
}

/** Month 1-12, day from 1. Not validated: a month past 12 rolls into later years and day 0 is the day before the 1st. */
export function dayFromYmd(y: number, m: number, d: number): Day {
  // Fold month overflow into the year so callers can step by months without range checks.
  const yearShift = Math.floor((m - 1) / 12);
  const year = y + yearShift;
  const month = m - yearShift * 12;
  // Hinnant's days_from_civil: years begin in March, so February's length only affects the year's end.
  const yy = month <= 2 ? year - 1 : year;
  const era = Math.floor(yy / 400);
  const yearOfEra = yy - era * 400;
  const monthFromMarch = (month + 9) % 12;
  const dayOfYear = Math.floor((153 * monthFromMarch + 2) / 5) + d - 1;
  const dayOfEra = yearOfEra * 365 + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100) + dayOfYear;
  return era * DAYS_PER_ERA + dayOfEra - MARCH_EPOCH_SHIFT;
}

export function ymdFromDay(day: Day): { y: number; m: number; d: number } {
  // Hinnant's civil_from_days, the inverse of dayFromYmd.
  const z = Math.floor(day) + MARCH_EPOCH_SHIFT;
  const era = Math.floor(z / DAYS_PER_ERA);
  const dayOfEra = z - era * DAYS_PER_ERA;
  const yearOfEra = Math.floor(
    (dayOfEra - Math.floor(dayOfEra / 1460) + Math.floor(dayOfEra / 36524) - Math.floor(dayOfEra / 146096)) / 365,
  );
  const dayOfYear = dayOfEra - (365 * yearOfEra + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100));
  const monthFromMarch = Math.floor((5 * dayOfYear + 2) / 153);
  const d = dayOfYear - Math.floor((153 * monthFromMarch + 2) / 5) + 1;
  const m = monthFromMarch < 10 ? monthFromMarch + 3 : monthFromMarch - 9;
  const y = yearOfEra + era * 400 + (m <= 2 ? 1 : 0);
  return { y, m, d };
}

/** Month 1-12. */
export function daysInMonth(y: number, m: number): number {
  if (m === 2) return isLeapYear(y) ? 29 : 28;
  // 31 and 30 alternate, restarting at August: Jan 31, Apr 30, Jul 31, Aug 31, Sep 30, Dec 31.
  return 30 + ((m + Math.floor(m / 8)) % 2);
}

export function isValidYmd(y: number, m: number, d: number): boolean {
  if (!Number.isInteger(y) || !Number.isInteger(m) || !Number.isInteger(d)) return false;
  if (m < 1 || m > 12) return false;
  return d >= 1 && d <= daysInMonth(y, m);
}

/** Month 1-12. */
export function lastDayOfMonth(y: number, m: number): Day {
  return dayFromYmd(y, m, daysInMonth(y, m));
}

export function addDays(day: Day, n: number): Day {
  return day + n;
}

function pad(n: number, width: number): string {
  const digits = String(Math.abs(n)).padStart(width, '0');
  return n < 0 ? `-${digits}` : digits;
}

/** '2018-12-31'. */
export function isoFromDay(day: Day): string {
  const { y, m, d } = ymdFromDay(day);
  return `${pad(y, 4)}-${pad(m, 2)}-${pad(d, 2)}`;
}

/** Strict YYYY-MM-DD naming a real day; anything else is null. */
export function dayFromIso(text: string): Day | null {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  if (!match) return null;
  const y = Number(match[1]);
  const m = Number(match[2]);
  const d = Number(match[3]);
  return isValidYmd(y, m, d) ? dayFromYmd(y, m, d) : null;
}

/** Excel serial of 1970-01-01 in the 1900 date system. */
const SERIAL_OF_1970 = 25569;
/** Excel's 29 Feb 1900, which never existed (kept for Lotus 1-2-3 compatibility). */
const PHANTOM_LEAP_SERIAL = 60;
/** 9999-12-31, the last date Excel holds. */
const LAST_SERIAL = 2958465;
/** 1900-03-01: from here on serials and days differ by a constant. */
const FIRST_DAY_AFTER_PHANTOM: Day = -25508;

/** Excel 1900-system serial to a day; the time of day is dropped. Null outside 1..2958465 and for serial 60. */
export function dayFromSerial(serial: number): Day | null {
  if (!Number.isFinite(serial)) return null;
  const whole = Math.floor(serial);
  if (whole < 1 || whole > LAST_SERIAL || whole === PHANTOM_LEAP_SERIAL) return null;
  // Before the phantom leap day Excel's count is one behind the true one.
  return whole < PHANTOM_LEAP_SERIAL ? whole - SERIAL_OF_1970 + 1 : whole - SERIAL_OF_1970;
}

/** Day to Excel 1900-system serial; days before 1900-03-01 use the count as it was before the phantom leap day. */
export function serialFromDay(day: Day): number {
  return day >= FIRST_DAY_AFTER_PHANTOM ? day + SERIAL_OF_1970 : day + SERIAL_OF_1970 - 1;
}
