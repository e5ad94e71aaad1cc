/**
 * Reads a due-date cell as council officers type them: serials, UK dates, months, financial-year
 * quarters, seasons, years and placeholders such as TBC. Every reading is a period whose last day is
 * the deadline, so "March 2019" is due 31/03/2019.
 */
import type { CellValue } from '../grid/grid';
import { type Day, dayFromSerial, dayFromYmd, daysInMonth, ymdFromDay } from './day';
import { formatDay, formatParsedDate } from './format-date';

export type Precision = 'day' | 'month' | 'quarter' | 'season' | 'year';
export type DateOrder = 'day-first' | 'month-first';
type Scheme = 'financial' | 'calendar';

export type ParsedDate =
  | {
      kind: 'date';
      /** Last day of the period: the deadline. */
      due: Day;
      /** First day of the period. */
      start: Day;
      precision: Precision;
      /** The input as read, trimmed. */
      text: string;
      /** Quarters and years only: financial (April to March) or calendar; formatting needs it. */
      scheme?: Scheme;
    }
  | { kind: 'blank' }
  | { kind: 'placeholder'; text: string; meaning: 'tbc' | 'ongoing' | 'not-applicable' }
  | { kind: 'invalid'; text: string; reason: string };

export interface ParseDateOptions {
  order: DateOrder;
  /** The host says the cell holds a date, so a number is a serial even when it looks like a year. */
  isDateCell?: boolean;
  /** The date cell's format shows only month and year, or only the year: it means that whole period. */
  cellPrecision?: 'month' | 'year' | undefined;
}

type Placeholder = Extract<ParsedDate, { kind: 'placeholder' }>['meaning'];

/** A period read from the text, or why the text cannot be one. */
type Reading =
  | { ok: true; start: Day; due: Day; precision: Precision; scheme?: Scheme }
  | { ok: false; reason: string };

type Reader = (s: string, text: string, order: DateOrder) => Reading | null;

const MIN_YEAR = 1900;
const MAX_YEAR = 9999;
/** Integers a person might type as a year into a column the host doesn't know holds dates. */
const TYPED_YEAR_MIN = 1900;
const TYPED_YEAR_MAX = 2100;

export function parseDate(value: CellValue, options: ParseDateOptions): ParsedDate {
  if (value === null) return { kind: 'blank' };
  if (typeof value === 'boolean') {
    const text = value ? 'TRUE' : 'FALSE';
    return { kind: 'invalid', text, reason: `${text} is a yes/no value, not a date` };
  }
  if (typeof value === 'number') return parseNumber(value, options.isDateCell === true, options.cellPrecision);
  return parseText(value, options.order);
}

// ---------------------------------------------------------------- numbers

function parseNumber(n: number, isDateCell: boolean, cellPrecision?: 'month' | 'year'): ParsedDate {
  const text = String(n);
  if (!isDateCell && Number.isInteger(n) && n >= TYPED_YEAR_MIN && n <= TYPED_YEAR_MAX) {
    return toParsed(span(n, 1, 12, 'year', 'calendar'), text);
  }
  const day = dayFromSerial(n);
  if (day === null) return { kind: 'invalid', text, reason: serialReason(n, text) };
  if (isDateCell && cellPrecision) {
    const { y, m } = ymdFromDay(day);
    return toParsed(cellPrecision === 'month' ? span(y, m, 1, 'month') : span(y, 1, 12, 'year', 'calendar'), text);
  }
  return { kind: 'date', due: day, start: day, precision: 'day', text };
}

function serialReason(n: number, text: string): string {
  if (!Number.isFinite(n)) return `${text} is not a date`;
  const whole = Math.floor(n);
  if (whole === 60) return `${text} is Excel's 29/02/1900, a day that never existed (1900 was not a leap year)`;
  if (whole < 1) return `${text} is not a date: Excel's dates start at 1, which is 01/01/1900`;
  return `${text} is after 31/12/9999, the last date Excel can hold`;
}

// ---------------------------------------------------------------- text

function parseText(raw: string, order: DateOrder): ParsedDate {
  const text = raw.trim();
  if (text === '') return { kind: 'blank' };
  const s = tidy(text);
  const meaning = placeholderMeaning(s);
  if (meaning !== null) return { kind: 'placeholder', text, meaning };
  const reading = readWithQualifiers(s, text, order);
  if (reading === null) return { kind: 'invalid', text, reason: unreadable(text, order) };
  return toParsed(reading, text);
}

/** Lower case, single spaces, one dash, no stray spaces around / and -, commas as spaces, no final full stop. */
function tidy(text: string): string {
  let s = text
    .toLowerCase()
    .replace(/\s+/g, ' ')
    // Word turns hyphens into en or em dashes; curly quotes come the same way.
    .replace(/[\u2010-\u2015\u2212]/g, '-')
    .replace(/[\u2018\u2019]/g, "'")
    .replace(/ ?([/-]) ?/g, '$1')
    .replace(/ ?, ?/g, ' ')
    .trim();
  if (s.length > 1 && s.endsWith('.')) s = s.slice(0, -1).trimEnd();
  return s;
}

const PLACEHOLDERS = new Map<string, Placeholder>([
  ['tbc', 'tbc'],
  ['tba', 'tbc'],
  ['tbd', 'tbc'],
  ['to be confirmed', 'tbc'],
  ['to be agreed', 'tbc'],
  ['to be determined', 'tbc'],
  ['to be decided', 'tbc'],
  ['ongoing', 'ongoing'],
  ['on-going', 'ongoing'],
  ['on going', 'ongoing'],
  ['continuous', 'ongoing'],
  ['continual', 'ongoing'],
  ['annual', 'ongoing'],
  ['annually', 'ongoing'],
  ['quarterly', 'ongoing'],
  ['monthly', 'ongoing'],
  ['throughout the year', 'ongoing'],
  ['n/a', 'not-applicable'],
  ['na', 'not-applicable'],
  ['not applicable', 'not-applicable'],
  ['-', 'not-applicable'],
  ['--', 'not-applicable'],
]);

/** "Dependent on 2.1", "TBC – dependent on the outcome of 3.2": no date can be agreed until another action is done. */
const waitsOnAnother = /^(?:(?:t\.?b\.?[cad]\.?|to be (?:confirmed|agreed|determined|decided))\s*[-–—:,;(]*\s*)?\(?\s*(?:dependent|dependant|depends|depending)\b/;

function placeholderMeaning(s: string): Placeholder | null {
  // Dotted spellings (t.b.c., n.a.) mean the same as the bare ones.
  return PLACEHOLDERS.get(s) ?? PLACEHOLDERS.get(s.replace(/\./g, '')) ?? (waitsOnAnother.test(s) ? 'tbc' : null);
}

function unreadable(text: string, order: DateOrder): string {
  return `"${text}" is not a date Plan Monitor can read; type a date such as ${exampleDay(order)} or Dec 2018`;
}

function exampleDay(order: DateOrder): string {
  return order === 'day-first' ? '31/12/2018' : '12/31/2018';
}

function toParsed(reading: Reading, text: string): ParsedDate {
  if (!reading.ok) return { kind: 'invalid', text, reason: reading.reason };
  const outOfRange = yearOutOfRange(reading, text);
  if (outOfRange !== null) return { kind: 'invalid', text, reason: outOfRange };
  const { start, due, precision, scheme } = reading;
  return scheme === undefined
    ? { kind: 'date', due, start, precision, text }
    : { kind: 'date', due, start, precision, text, scheme };
}

function yearOutOfRange(reading: { start: Day; due: Day }, text: string): string | null {
  const first = ymdFromDay(reading.start).y;
  const last = ymdFromDay(reading.due).y;
  if (first < MIN_YEAR) return yearReason(text, first);
  if (last > MAX_YEAR) return yearReason(text, last);
  return null;
}

function yearReason(text: string, year: number): string {
  return `${text} is not a date Plan Monitor can use: the year ${year} is out of range (it reads ${MIN_YEAR} to ${MAX_YEAR})`;
}

// ---------------------------------------------------------------- qualifiers: by, end of, mid, weekday

/** "by", "the", then one word about where in the period; all optional. */
const LEAD = /^(?:by )?(?:the )?(?:(end|middle|mid|early|late|start|beginning)(?: of)?(?: the)?[ -])?/;
const VAGUE = new Set(['early', 'late', 'start', 'beginning']);
const WEEKDAY = /^(monday|tuesday|wednesday|thursday|friday|saturday|sunday|mon|tues|tue|weds|wed|thurs|thur|thu|fri|sat|sun)\.? /;
const WEEKDAY_INDEX = new Map<string, number>([
  ['mon', 0],
  ['tue', 1],
  ['wed', 2],
  ['thu', 3],
  ['fri', 4],
  ['sat', 5],
  ['sun', 6],
]);
const WEEKDAY_NAMES = ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'];

function readWithQualifiers(s: string, text: string, order: DateOrder): Reading | null {
  const lead = LEAD.exec(s);
  const word = lead?.[1];
  let rest = s.slice(lead?.[0].length ?? 0);
  const weekday = WEEKDAY.exec(rest);
  if (weekday) rest = rest.slice(weekday[0].length);

  const reading = readCore(rest, text, order);
  if (reading === null || !reading.ok) return reading;
  if (weekday) {
    // A weekday only belongs to a single day; a wrong one means a typo in one part or the other.
    if (reading.precision !== 'day') return null;
    const named = WEEKDAY_INDEX.get((weekday[1] ?? '').slice(0, 3));
    const actual = weekdayOf(reading.due);
    if (named !== actual) {
      return fail(`${text} doesn't add up: ${writtenDay(reading.due)} is a ${WEEKDAY_NAMES[actual] ?? ''}`);
    }
  }
  if (word === undefined) return reading;
  // "end of 31/12/2018" still names the day; "mid 31/12/2018" names nothing sensible.
  if (reading.precision === 'day') return word === 'end' ? reading : null;
  if (VAGUE.has(word)) {
    const period = formatParsedDate({ ...reading, kind: 'date', text });
    return fail(
      `"${text}" is too vague for a deadline: type the day it is due, or just ${period} to mean by ${formatDay(reading.due)}`,
    );
  }
  return reading;
}

/** Monday 0 .. Sunday 6; 1970-01-01 was a Thursday. */
function weekdayOf(day: Day): number {
  return (((day + 3) % 7) + 7) % 7;
}

// ---------------------------------------------------------------- the forms

const MONTHS = new Map<string, number>([
  ['jan', 1],
  ['january', 1],
  ['feb', 2],
  ['february', 2],
  ['mar', 3],
  ['march', 3],
  ['apr', 4],
  ['april', 4],
  ['may', 5],
  ['jun', 6],
  ['june', 6],
  ['jul', 7],
  ['july', 7],
  ['aug', 8],
  ['august', 8],
  ['sep', 9],
  ['sept', 9],
  ['september', 9],
  ['oct', 10],
  ['october', 10],
  ['nov', 11],
  ['november', 11],
  ['dec', 12],
  ['december', 12],
]);
const MONTH_NAMES = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
];

/** A whole month word, optionally abbreviated with a full stop ("Sept."). */
const MONTH = `(${[...MONTHS.keys()].sort((a, b) => b.length - a.length).join('|')})\\.?`;
const YEAR = '(\\d{4}|\\d{2})';
const ORDINAL = '(?:st|nd|rd|th)?';
const FY_WORD = '(?:(?:fy|financial year) ?)?';
const QUARTER_WORD = '(?:q|qtr ?|quarter ?)';
/** A trailing time of day, as exports write it; ignored, and a zone offset doesn't move the day. */
const TIME = "(?:[t ]\\d{1,2}:\\d{2}(?::\\d{2}(?:\\.\\d+)?)?(?: ?[ap]m)?(?: ?(?:z|[+-]\\d{2}(?::?\\d{2})?))?)?";

function whole(body: string): RegExp {
  return new RegExp(`^${body}$`);
}

const YEAR_FIRST_DAY = whole(`(\\d{4})([-/.])(\\d{1,2})\\2(\\d{1,2})${TIME}`);
const NUMERIC_DAY = whole(`(\\d{1,2})([-/.])(\\d{1,2})\\2${YEAR}${TIME}`);
const DAY_MONTH_YEAR = whole(`(\\d{1,2})${ORDINAL}(?: of)?[ -]${MONTH}[ -]${YEAR}`);
const MONTH_DAY_YEAR = whole(`${MONTH}[ -](\\d{1,2})${ORDINAL}[ -]${YEAR}`);
const MONTH_YEAR = whole(`${MONTH}[ -]'?${YEAR}`);
const MONTH_IN_FY = whole(`${MONTH}[ -]${FY_WORD}${YEAR}[/-]${YEAR}`);
const QUARTER_YEAR = whole(`${QUARTER_WORD}(\\d{1,2})[ -]${FY_WORD}${YEAR}(?:[/-]${YEAR})?`);
const YEAR_QUARTER = whole(`${FY_WORD}${YEAR}(?:[/-]${YEAR})?[ -]${QUARTER_WORD}(\\d{1,2})`);
const SEASON = whole(`(spring|summer|autumn|fall|winter)[ -](?:of )?${YEAR}(?:[/-]${YEAR})?`);
const YEAR_PAIR = whole(`(fy ?|financial year )?${YEAR}([/-])(\\d{4}|\\d{1,2})`);
const MONTH_NUMBER_YEAR = whole(`(\\d{1,2})[/.-](\\d{4})`);
const YEAR_ALONE = whole(`(\\d{4})`);
const DAY_MONTH_NO_YEAR = whole(`(\\d{1,2})${ORDINAL}(?: of)?[ -]${MONTH}`);
const MONTH_DAY_NO_YEAR = whole(`${MONTH}[ -](\\d{1,2})${ORDINAL}`);
const MONTH_ALONE = whole(MONTH);

const SEASON_START = new Map<string, number>([
  ['spring', 3],
  ['summer', 6],
  ['autumn', 9],
  ['fall', 9],
  ['winter', 12],
]);

/** Tried in turn; each is anchored at both ends, so at most one shape fits. */
const READERS: Reader[] = [
  readYearFirstDay,
  readNumericDay,
  readDayMonthYear,
  readMonthDayYear,
  readMonthYear,
  readMonthInFinancialYear,
  readQuarter,
  readSeason,
  readYearPair,
  readMonthNumberYear,
  readYearAlone,
  readMissingYear,
];

function readCore(s: string, text: string, order: DateOrder): Reading | null {
  for (const read of READERS) {
    const reading = read(s, text, order);
    if (reading !== null) return reading;
  }
  return null;
}

function readYearFirstDay(s: string, text: string, order: DateOrder): Reading | null {
  const m = YEAR_FIRST_DAY.exec(s);
  if (!m) return null;
  return dayReading(num(m, 1), num(m, 3), num(m, 4), text, order, false);
}

function readNumericDay(s: string, text: string, order: DateOrder): Reading | null {
  const m = NUMERIC_DAY.exec(s);
  if (!m) return null;
  const first = num(m, 1);
  const second = num(m, 3);
  const y = fullYear(group(m, 4));
  return order === 'day-first'
    ? dayReading(y, second, first, text, order, true)
    : dayReading(y, first, second, text, order, true);
}

function readDayMonthYear(s: string, text: string, order: DateOrder): Reading | null {
  const m = DAY_MONTH_YEAR.exec(s);
  if (!m) return null;
  return dayReading(fullYear(group(m, 3)), monthOf(group(m, 2)), num(m, 1), text, order, false);
}

function readMonthDayYear(s: string, text: string, order: DateOrder): Reading | null {
  const m = MONTH_DAY_YEAR.exec(s);
  if (!m) return null;
  return dayReading(fullYear(group(m, 3)), monthOf(group(m, 1)), num(m, 2), text, order, false);
}

/** "Sept 2018", and Excel's mmm-yy display "Dec-18": two digits after a month are a year, not a day. */
function readMonthYear(s: string): Reading | null {
  const m = MONTH_YEAR.exec(s);
  if (!m) return null;
  return span(fullYear(group(m, 2)), monthOf(group(m, 1)), 1, 'month');
}

/** "Sept 2018/19": April to December fall in the first year, January to March in the second. */
function readMonthInFinancialYear(s: string, text: string): Reading | null {
  const m = MONTH_IN_FY.exec(s);
  if (!m) return null;
  const years = yearSpan(group(m, 2), group(m, 3), text);
  if (years === null || !years.ok) return years;
  const month = monthOf(group(m, 1));
  return span(month >= 4 ? years.first : years.first + 1, month, 1, 'month');
}

function readQuarter(s: string, text: string): Reading | null {
  let quarter: string;
  let a: string;
  let b: string | undefined;
  const before = QUARTER_YEAR.exec(s);
  if (before) {
    [quarter, a, b] = [group(before, 1), group(before, 2), before[3]];
  } else {
    const after = YEAR_QUARTER.exec(s);
    if (!after) return null;
    [a, b, quarter] = [group(after, 1), after[2], group(after, 3)];
  }
  const years = yearSpan(a, b, text);
  if (years === null) return null;
  const q = Number(quarter);
  if (q < 1 || q > 4) return fail(`${text} is not a real quarter: there are four, Q1 to Q4`);
  if (!years.ok) return years;
  // Financial quarters start in April, so Q4 starts in month 13: January of the second year.
  return years.twoYears
    ? span(years.first, 4 + 3 * (q - 1), 3, 'quarter', 'financial')
    : span(years.first, 1 + 3 * (q - 1), 3, 'quarter', 'calendar');
}

/** Meteorological seasons; winter starts in December of the year named (or the first of two). */
function readSeason(s: string, text: string): Reading | null {
  const m = SEASON.exec(s);
  if (!m) return null;
  const name = group(m, 1);
  const years = yearSpan(group(m, 2), m[3], text);
  if (years === null || !years.ok) return years;
  if (years.twoYears && name !== 'winter') {
    const label = name === 'fall' ? 'Autumn' : capitalise(name);
    // Only winter crosses the new year; spring of 2018/19 most likely means spring 2019.
    const example = name === 'spring' ? years.first + 1 : years.first;
    return fail(`${text} names two years, but only winter runs across two; type one year, such as ${label} ${example}`);
  }
  return span(years.first, SEASON_START.get(name) ?? 0, 3, 'season');
}

/**
 * "2018/19", "2018-19", "FY 18/19", "2018/2019": a financial year. "2018-12" is the month (ISO) when the
 * second number can't be the next year; 2011-12 and the like read as the financial year, the commoner use.
 */
function readYearPair(s: string, text: string): Reading | null {
  const m = YEAR_PAIR.exec(s);
  if (!m) return null;
  const fyWord = m[1];
  const a = group(m, 2);
  const separator = group(m, 3);
  const b = group(m, 4);
  if (a.length === 2 && fyWord === undefined) return null;
  const isoMonthShape = fyWord === undefined && separator === '-' && a.length === 4 && b.length <= 2;
  if (isoMonthShape && !followsOn(Number(a), b)) {
    const month = Number(b);
    if (month >= 1 && month <= 12) return span(Number(a), month, 1, 'month');
  } else if (b.length === 1) {
    return null;
  }
  const years = yearSpan(a, b, text);
  if (years === null || !years.ok) return years;
  return span(years.first, 4, 12, 'year', 'financial');
}

/** "12/2018": with the year in full there's no day to confuse with the month. */
function readMonthNumberYear(s: string, text: string): Reading | null {
  const m = MONTH_NUMBER_YEAR.exec(s);
  if (!m) return null;
  const month = num(m, 1);
  if (month < 1 || month > 12) return fail(`${text} is not a real month: there is no month ${month}`);
  return span(num(m, 2), month, 1, 'month');
}

function readYearAlone(s: string): Reading | null {
  const m = YEAR_ALONE.exec(s);
  if (!m) return null;
  return span(num(m, 1), 1, 12, 'year', 'calendar');
}

/** "2 July", "July 2nd", "March": close to a date, so say what's missing rather than the general message. */
function readMissingYear(s: string, text: string, order: DateOrder): Reading | null {
  if (!DAY_MONTH_NO_YEAR.test(s) && !MONTH_DAY_NO_YEAR.test(s) && !MONTH_ALONE.test(s)) return null;
  return fail(`"${text}" has no year; Plan Monitor needs one, as in ${exampleDay(order)} or Dec 2018`);
}

// ---------------------------------------------------------------- building readings

function fail(reason: string): Reading {
  return { ok: false, reason };
}

/** `months` whole months from the 1st of month m; months past 12 roll into the next year. */
function span(y: number, m: number, months: number, precision: Precision, scheme?: Scheme): Reading {
  const start = dayFromYmd(y, m, 1);
  const due = dayFromYmd(y, m + months, 1) - 1;
  return scheme === undefined ? { ok: true, start, due, precision } : { ok: true, start, due, precision, scheme };
}

/** A single day, with a reason that names what is wrong. `numeric` adds a hint about day/month order. */
function dayReading(y: number, m: number, d: number, text: string, order: DateOrder, numeric: boolean): Reading {
  if (y < MIN_YEAR || y > MAX_YEAR) return fail(yearReason(text, y));
  if (m < 1 || m > 12) {
    const alsoDay = d > 31 ? `, and no month has ${d} days` : '';
    const swapped = numeric && d >= 1 && d <= 12 && m <= daysInMonth(y, d);
    const hint = swapped
      ? order === 'day-first'
        ? ' (Plan Monitor reads dates day first, as in 31/12/2018)'
        : ' (Plan Monitor is set to read dates month first, as in 12/31/2018)'
      : '';
    return fail(`${text} is not a real date: there is no month ${m}${alsoDay}${hint}`);
  }
  if (d < 1) return fail(`${text} is not a real date: there is no day 0`);
  const length = daysInMonth(y, m);
  if (d > length) return fail(`${text} is not a real date: ${monthName(m)} ${y} has ${length} days`);
  const day = dayFromYmd(y, m, d);
  return { ok: true, start: day, due: day, precision: 'day' };
}

type YearSpan = { ok: true; first: number; twoYears: boolean } | { ok: false; reason: string };

/**
 * One year (four digits) or a financial year of two that follow on ("2018/19", "18/19", "2018/2019").
 * Null when the shape isn't a year at all (a lone two-digit number).
 */
function yearSpan(a: string, b: string | undefined, text: string): YearSpan | null {
  const first = fullYear(a);
  if (b === undefined) return a.length === 4 ? { ok: true, first, twoYears: false } : null;
  if (!followsOn(first, b)) {
    return {
      ok: false,
      reason: `${text} is not a real financial year: its two years must follow on, as in ${first}/${twoDigits(first + 1)}`,
    };
  }
  return { ok: true, first, twoYears: true };
}

/** Whether `b` (two or four digits) is the year after `first`. */
function followsOn(first: number, b: string): boolean {
  return b.length === 4 ? Number(b) === first + 1 : Number(b) === (first + 1) % 100;
}

/** Two-digit years: 00-69 are 2000s, 70-99 are 1900s (Excel's own pivot is 30, but plans run past 2029). */
function fullYear(digits: string): number {
  const n = Number(digits);
  if (digits.length !== 2) return n;
  return n < 70 ? 2000 + n : 1900 + n;
}

function monthOf(word: string): number {
  return MONTHS.get(word) ?? 0;
}

function monthName(m: number): string {
  return MONTH_NAMES[m - 1] ?? String(m);
}

function writtenDay(day: Day): string {
  const { y, m, d } = ymdFromDay(day);
  return `${d} ${monthName(m)} ${y}`;
}

function twoDigits(n: number): string {
  return String(n % 100).padStart(2, '0');
}

function capitalise(word: string): string {
  return word.charAt(0).toUpperCase() + word.slice(1);
}

function group(m: RegExpExecArray, i: number): string {
  return m[i] ?? '';
}

function num(m: RegExpExecArray, i: number): number {
  return Number(group(m, i));
}
