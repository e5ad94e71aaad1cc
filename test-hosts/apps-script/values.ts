// Cell values for the fake: colours, time zones, what a typed string becomes, and how a value is
// displayed. Only the parts Plan Monitor can meet are modelled; anything else says so.

/** What a cell stores. A date is a Date; Sheets' serial numbers appear only when a format asks. */
export type StoredValue = string | number | boolean | Date | null;

export class FakeNotImplemented extends Error {
  constructor(what: string) {
    super(`Fake SpreadsheetApp: ${what} not implemented`);
    this.name = 'Error';
  }
}

/** An error Apps Script itself would raise: it reaches the script as an `Exception`. */
export class AppsScriptException extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'Exception';
  }
}

export function isDate(v: unknown): v is Date {
  // Dates made inside a vm context are not `instanceof Date` here.
  return Object.prototype.toString.call(v) === '[object Date]';
}

// ---------------------------------------------------------------------------------------------
// Colours

const NAMED: Record<string, string> = {
  black: '#000000', white: '#ffffff', red: '#ff0000', lime: '#00ff00', green: '#008000', blue: '#0000ff',
  yellow: '#ffff00', cyan: '#00ffff', aqua: '#00ffff', magenta: '#ff00ff', fuchsia: '#ff00ff', silver: '#c0c0c0',
  gray: '#808080', grey: '#808080', maroon: '#800000', olive: '#808000', purple: '#800080', teal: '#008080',
  navy: '#000080', orange: '#ffa500', pink: '#ffc0cb', brown: '#a52a2a', gold: '#ffd700', lightgray: '#d3d3d3',
  lightgrey: '#d3d3d3', darkgray: '#a9a9a9', darkgrey: '#a9a9a9', lightblue: '#add8e6', lightgreen: '#90ee90',
  darkgreen: '#006400', darkred: '#8b0000', darkblue: '#00008b', lightyellow: '#ffffe0', amber: '#ffbf00',
};

/**
 * A colour in CSS notation ('#ABC', '#AABBCC', 'white') to Sheets' lower-case '#rrggbb'; null and ''
 * reset. Colours the fake cannot read (rgb(), hsl(), unusual names) throw, so a test notices.
 */
export function normaliseColour(input: unknown, method: string): string | null {
  if (input === null || input === undefined || input === '') return null;
  if (typeof input !== 'string') throw new AppsScriptException(`The parameters (${typeName(input)}) don't match the method signature for SpreadsheetApp.Range.${method}.`);
  const s = input.trim().toLowerCase();
  const short = /^#([0-9a-f])([0-9a-f])([0-9a-f])$/.exec(s);
  if (short) return `#${short[1]}${short[1]}${short[2]}${short[2]}${short[3]}${short[3]}`;
  if (/^#[0-9a-f]{6}$/.test(s)) return s;
  const named = NAMED[s];
  if (named) return named;
  throw new FakeNotImplemented(`the colour ${JSON.stringify(input)} (use #rrggbb or a basic CSS name)`);
}

export function typeName(v: unknown): string {
  if (v === null) return 'null';
  if (Array.isArray(v)) return `${v.length > 0 ? typeName(v[0]) : 'Object'}[]`;
  if (isDate(v)) return 'Date';
  if (typeof v === 'string') return 'String';
  if (typeof v === 'number') return 'number';
  if (typeof v === 'boolean') return 'Boolean';
  return 'Object';
}

// ---------------------------------------------------------------------------------------------
// Time zones (IANA names, as Apps Script uses)

interface WallClock {
  year: number;
  month: number; // 1-12
  day: number;
  hour: number;
  minute: number;
  second: number;
  millisecond: number;
  weekday: number; // 0 = Sunday
}

const formatters = new Map<string, Intl.DateTimeFormat>();
const WEEKDAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];

function formatterFor(tz: string): Intl.DateTimeFormat {
  let f = formatters.get(tz);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', {
      timeZone: tz, hourCycle: 'h23', year: 'numeric', month: 'numeric', day: 'numeric',
      hour: 'numeric', minute: 'numeric', second: 'numeric', weekday: 'short', era: 'short',
    });
    formatters.set(tz, f);
  }
  return f;
}

export function isValidTimeZone(tz: string): boolean {
  try {
    formatterFor(tz);
    return true;
  } catch {
    return false;
  }
}

export function wallClock(ms: number, tz: string): WallClock {
  const parts: Record<string, string> = {};
  for (const p of formatterFor(tz).formatToParts(new Date(ms))) parts[p.type] = p.value;
  let year = Number(parts.year);
  if (parts.era === 'BC') year = 1 - year;
  return {
    year,
    month: Number(parts.month),
    day: Number(parts.day),
    hour: Number(parts.hour) % 24,
    minute: Number(parts.minute),
    second: Number(parts.second),
    millisecond: ((ms % 1000) + 1000) % 1000,
    weekday: WEEKDAYS.indexOf(parts.weekday ?? 'Sun'),
  };
}

/** Milliseconds to add to UTC to get the wall clock in tz at that instant. */
export function offsetMs(ms: number, tz: string): number {
  const w = wallClock(ms, tz);
  return Date.UTC(w.year, w.month - 1, w.day, w.hour, w.minute, w.second, w.millisecond) - ms;
}

/** The instant at which the wall clock in tz reads the given time (the earlier one in a fold). */
export function instantOf(year: number, month: number, day: number, hour: number, minute: number, second: number, millisecond: number, tz: string): number {
  const naive = Date.UTC(year, month - 1, day, hour, minute, second, millisecond);
  let guess = naive - offsetMs(naive, tz);
  guess = naive - offsetMs(guess, tz);
  return guess;
}

const SERIAL_EPOCH = Date.UTC(1899, 11, 30);

/** Sheets' serial number for the instant, read on the wall clock of tz. */
export function serialOf(d: Date, tz: string): number {
  const w = wallClock(d.getTime(), tz);
  return (Date.UTC(w.year, w.month - 1, w.day, w.hour, w.minute, w.second, w.millisecond) - SERIAL_EPOCH) / 86_400_000;
}

export function dateOfSerial(serial: number, tz: string): Date {
  const naive = new Date(SERIAL_EPOCH + Math.round(serial * 86_400_000));
  return new Date(instantOf(naive.getUTCFullYear(), naive.getUTCMonth() + 1, naive.getUTCDate(), naive.getUTCHours(), naive.getUTCMinutes(), naive.getUTCSeconds(), naive.getUTCMilliseconds(), tz));
}

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
const DAYS = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];

function pad(n: number, width: number): string {
  return String(Math.abs(n)).padStart(width, '0');
}

function offsetText(ms: number, colon: boolean, zForZero: boolean, hoursOnly = false): string {
  const mins = Math.round(ms / 60_000);
  if (mins === 0 && zForZero) return 'Z';
  const sign = mins < 0 ? '-' : '+';
  const h = pad(Math.floor(Math.abs(mins) / 60), 2);
  const m = pad(Math.abs(mins) % 60, 2);
  if (hoursOnly) return `${sign}${h}`;
  return colon ? `${sign}${h}:${m}` : `${sign}${h}${m}`;
}

/**
 * Utilities.formatDate: Java SimpleDateFormat letters (case matters: MM month, mm minute).
 * Supported: y M d E a H k K h m s S z Z X and quoted literals; other letters throw, as Java does.
 */
export function formatJavaDate(date: Date, tz: string, pattern: string): string {
  const ms = date.getTime();
  const w = wallClock(ms, tz);
  let out = '';
  let i = 0;
  while (i < pattern.length) {
    const ch = pattern[i] as string;
    if (ch === "'") {
      const end = pattern.indexOf("'", i + 1);
      if (end === i + 1) {
        out += "'";
        i += 2;
        continue;
      }
      if (end < 0) throw new AppsScriptException(`Unterminated quote in date pattern "${pattern}"`);
      out += pattern.slice(i + 1, end).replace(/''/g, "'");
      i = end + 1;
      continue;
    }
    if (!/[A-Za-z]/.test(ch)) {
      out += ch;
      i++;
      continue;
    }
    let n = 1;
    while (pattern[i + n] === ch) n++;
    i += n;
    switch (ch) {
      case 'y':
        out += n === 2 ? pad(w.year % 100, 2) : pad(w.year, n);
        break;
      case 'M':
      case 'L':
        out += n >= 4 ? (MONTHS[w.month - 1] as string) : n === 3 ? (MONTHS[w.month - 1] as string).slice(0, 3) : pad(w.month, n);
        break;
      case 'd':
        out += pad(w.day, n);
        break;
      case 'E':
        out += n >= 4 ? (DAYS[w.weekday] as string) : (DAYS[w.weekday] as string).slice(0, 3);
        break;
      case 'u':
        out += pad(w.weekday === 0 ? 7 : w.weekday, n);
        break;
      case 'a':
        out += w.hour < 12 ? 'AM' : 'PM';
        break;
      case 'H':
        out += pad(w.hour, n);
        break;
      case 'k':
        out += pad(w.hour === 0 ? 24 : w.hour, n);
        break;
      case 'K':
        out += pad(w.hour % 12, n);
        break;
      case 'h':
        out += pad(w.hour % 12 === 0 ? 12 : w.hour % 12, n);
        break;
      case 'm':
        out += pad(w.minute, n);
        break;
      case 's':
        out += pad(w.second, n);
        break;
      case 'S':
        out += pad(w.millisecond, Math.max(n, 3)).slice(0, Math.max(n, 3));
        break;
      case 'z': {
        const name = new Intl.DateTimeFormat('en-GB', { timeZone: tz, timeZoneName: n >= 4 ? 'long' : 'short' }).formatToParts(date).find((p) => p.type === 'timeZoneName');
        out += name?.value ?? tz;
        break;
      }
      case 'Z':
        out += offsetText(offsetMs(ms, tz), false, false);
        break;
      case 'X':
        out += offsetText(offsetMs(ms, tz), n >= 3, true, n === 1);
        break;
      default:
        throw new AppsScriptException(`Illegal pattern character '${ch}'`);
    }
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// Number formats (Sheets patterns) and displayed values

/** What getNumberFormat gives for a cell that was never formatted ("Automatic"). */
export const AUTOMATIC_FORMAT = '0.###############';

export function isTextFormat(format: string | null): boolean {
  return format === '@' || format === '@STRING@';
}

function stripLiterals(format: string): string {
  return format.replace(/"[^"]*"/g, '').replace(/\\./g, '').replace(/\[[^\]]*\]/g, '');
}

export function isDateFormat(format: string | null): boolean {
  if (format === null || isTextFormat(format) || format === AUTOMATIC_FORMAT || /^general$/i.test(format)) return false;
  return /[ydhsm]/i.test(stripLiterals(format).replace(/e[+-]/gi, ''));
}

/** The format Sheets gives a cell that is sent a Date and has none (locale-dependent; see README). */
export function defaultDateFormat(d: Date, tz: string, locale: string): string {
  const w = wallClock(d.getTime(), tz);
  const midnight = w.hour === 0 && w.minute === 0 && w.second === 0 && w.millisecond === 0;
  const date = locale === 'en_US' ? 'M/d/yyyy' : 'dd/MM/yyyy';
  return midnight ? date : `${date} H:mm:ss`;
}

interface DateToken {
  kind: 'lit' | 'frac' | 'y' | 'm' | 'd' | 'h' | 's' | 'ampm';
  text: string;
  n: number;
}

function tokeniseDateFormat(format: string): DateToken[] {
  const tokens: DateToken[] = [];
  let i = 0;
  while (i < format.length) {
    const ch = format[i] as string;
    if (ch === '"') {
      const end = format.indexOf('"', i + 1);
      tokens.push({ kind: 'lit', text: format.slice(i + 1, end < 0 ? undefined : end), n: 0 });
      i = end < 0 ? format.length : end + 1;
      continue;
    }
    if (ch === '\\') {
      tokens.push({ kind: 'lit', text: format[i + 1] ?? '', n: 0 });
      i += 2;
      continue;
    }
    if (/^(am\/pm|a\/p)/i.test(format.slice(i))) {
      const len = /^am\/pm/i.test(format.slice(i)) ? 5 : 3;
      tokens.push({ kind: 'ampm', text: format.slice(i, i + len), n: len });
      i += len;
      continue;
    }
    const lower = ch.toLowerCase();
    if ('ydhsm'.includes(lower)) {
      let n = 1;
      while ((format[i + n] ?? '').toLowerCase() === lower) n++;
      tokens.push({ kind: lower as DateToken['kind'], text: format.slice(i, i + n), n });
      i += n;
      continue;
    }
    if (ch === '.' && /^\.0+/.test(format.slice(i)) && tokens.some((t) => t.kind === 's')) {
      const m = /^\.0+/.exec(format.slice(i)) as RegExpExecArray;
      tokens.push({ kind: 'frac', text: m[0], n: m[0].length - 1 });
      i += m[0].length;
      continue;
    }
    tokens.push({ kind: 'lit', text: ch, n: 0 });
    i++;
  }
  return tokens;
}

export function formatSheetsDate(d: Date, format: string, tz: string): string {
  const w = wallClock(d.getTime(), tz);
  const tokens = tokeniseDateFormat(format);
  const twelve = tokens.some((t) => t.kind === 'ampm');
  let out = '';
  tokens.forEach((t, idx) => {
    switch (t.kind) {
      case 'lit':
        out += t.text;
        break;
      case 'frac':
        out += `.${pad(w.millisecond, 3).padEnd(t.n, '0').slice(0, t.n)}`;
        break;
      case 'y':
        out += t.n <= 2 ? pad(w.year % 100, 2) : String(w.year);
        break;
      case 'd':
        out += t.n >= 4 ? (DAYS[w.weekday] as string) : t.n === 3 ? (DAYS[w.weekday] as string).slice(0, 3) : pad(w.day, t.n);
        break;
      case 'h': {
        const h = twelve ? (w.hour % 12 === 0 ? 12 : w.hour % 12) : w.hour;
        out += pad(h, Math.min(t.n, 2));
        break;
      }
      case 's':
        out += pad(w.second, Math.min(t.n, 2));
        break;
      case 'ampm':
        out += t.n === 3 ? (w.hour < 12 ? 'a' : 'p') : w.hour < 12 ? 'AM' : 'PM';
        break;
      case 'm': {
        // Minutes when next to hours or seconds, otherwise month.
        const before = tokens.slice(0, idx).reverse().find((x) => x.kind !== 'lit' && x.kind !== 'frac');
        const after = tokens.slice(idx + 1).find((x) => x.kind !== 'lit' && x.kind !== 'frac');
        const minute = t.n <= 2 && (before?.kind === 'h' || after?.kind === 's');
        if (minute) out += pad(w.minute, t.n);
        else if (t.n >= 5) out += (MONTHS[w.month - 1] as string).charAt(0);
        else if (t.n === 4) out += MONTHS[w.month - 1] as string;
        else if (t.n === 3) out += (MONTHS[w.month - 1] as string).slice(0, 3);
        else out += pad(w.month, t.n);
        break;
      }
    }
  });
  return out;
}

function groupThousands(digits: string): string {
  return digits.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
}

function automaticNumber(n: number): string {
  if (!Number.isFinite(n)) return String(n);
  const r = Number(n.toPrecision(15));
  if (Math.abs(r) >= 1e15 || (r !== 0 && Math.abs(r) < 1e-10)) return r.toExponential().replace('e+', 'E+').replace('e-', 'E-');
  return String(r);
}

/** A number under a Sheets number pattern: 0, 0.00, #,##0, 0%, "£"#,##0.00 … (first section only). */
export function formatSheetsNumber(n: number, format: string | null): string {
  if (format === null || format === AUTOMATIC_FORMAT || /^general$/i.test(format)) return automaticNumber(n);
  if (isTextFormat(format)) return automaticNumber(n);
  const sections = format.split(';');
  const section = (n < 0 && sections[1] !== undefined ? sections[1] : sections[0]) as string;
  const m = /[#0?,]*\.?[#0?]*%?/.exec(section.replace(/"[^"]*"/g, (q) => '\u0001'.repeat(q.length)));
  if (!m || m[0] === '' || !/[#0]/.test(m[0])) throw new FakeNotImplemented(`the number format ${JSON.stringify(format)}`);
  const pattern = m[0];
  const prefix = section.slice(0, m.index).replace(/"/g, '').replace(/\\/g, '');
  const suffix = section.slice(m.index + pattern.length).replace(/"/g, '').replace(/\\/g, '');
  const percent = pattern.endsWith('%');
  const body = percent ? pattern.slice(0, -1) : pattern;
  const [intPart, fracPart = ''] = body.split('.');
  const minFrac = (fracPart.match(/0/g) ?? []).length;
  const maxFrac = (fracPart.match(/[0#?]/g) ?? []).length;
  const grouped = (intPart ?? '').includes(',');
  const minInt = ((intPart ?? '').match(/0/g) ?? []).length;
  let v = Math.abs(percent ? n * 100 : n);
  let text = v.toFixed(maxFrac);
  if (maxFrac > minFrac) {
    text = text.replace(/0+$/, (z) => z.slice(0, Math.max(0, z.length - (maxFrac - minFrac))));
    if (text.endsWith('.')) text = text.slice(0, -1);
  }
  const [wholeDigits = '', frac] = text.split('.');
  let whole = wholeDigits;
  if (whole === '0' && minInt === 0) whole = '';
  whole = whole.padStart(minInt, '0');
  if (grouped) whole = groupThousands(whole);
  v = Number(text);
  const sign = n < 0 && sections[1] === undefined && v !== 0 ? '-' : '';
  return `${sign}${prefix}${whole}${frac !== undefined ? `.${frac}` : ''}${percent ? '%' : ''}${suffix}`;
}

// ---------------------------------------------------------------------------------------------
// Typed input: what a string sent with setValue(s) becomes

export interface Typed {
  value: StoredValue;
  formula: string | null;
  /** A format Sheets adds because of how the text was typed ("50%" → 0%), applied only to unformatted cells. */
  format: string | null;
}

const NUMBER = /^[+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?$/;
const GROUPED = /^[+-]?\d{1,3}(?:,\d{3})+(?:\.\d+)?$/;
const PERCENT = /^([+-]?(?:\d+\.?\d*|\.\d+))%$/;
const ISO_DATE = /^(\d{4})-(\d{1,2})-(\d{1,2})$/;
const SLASH_DATE = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/;

function validYmd(y: number, m: number, d: number): boolean {
  if (m < 1 || m > 12 || d < 1) return false;
  return d <= new Date(Date.UTC(y, m, 0)).getUTCDate();
}

/**
 * A value as Sheets stores it when a script sends it, given the cell's number format:
 * "=…" is a formula; "'…" is the text after the apostrophe; text that reads as a number, a
 * percentage, TRUE/FALSE or a date becomes one, as typed input does; under the plain-text
 * format "@" every string stays as sent. Non-strings are stored as they are.
 */
export function typeInput(input: unknown, cellFormat: string | null, tz: string, locale: string): Typed {
  if (input === null || input === undefined || input === '') return { value: null, formula: null, format: null };
  if (isDate(input)) return { value: new Date(input.getTime()), formula: null, format: null };
  if (typeof input === 'number') return { value: input, formula: null, format: null };
  if (typeof input === 'boolean') return { value: input, formula: null, format: null };
  if (typeof input !== 'string') return { value: String(input), formula: null, format: null };
  if (isTextFormat(cellFormat)) return { value: input, formula: null, format: null };
  if (input.startsWith("'")) return { value: input.slice(1) === '' ? null : input.slice(1), formula: null, format: null };
  if (input.startsWith('=')) return { value: '#NAME?', formula: input, format: null };
  const s = input.trim();
  if (NUMBER.test(s)) return { value: Number(s), formula: null, format: null };
  if (GROUPED.test(s)) return { value: Number(s.replace(/,/g, '')), formula: null, format: s.includes('.') ? '#,##0.00' : '#,##0' };
  const pct = PERCENT.exec(s);
  if (pct) {
    const digits = (pct[1] as string).split('.')[1]?.length ?? 0;
    return { value: Number(pct[1]) / 100, formula: null, format: digits > 0 ? `0.${'0'.repeat(digits)}%` : '0%' };
  }
  if (/^(true|false)$/i.test(s)) return { value: s.toLowerCase() === 'true', formula: null, format: null };
  const iso = ISO_DATE.exec(s);
  if (iso) {
    const [y, m, d] = [Number(iso[1]), Number(iso[2]), Number(iso[3])];
    if (validYmd(y, m, d)) return { value: new Date(instantOf(y, m, d, 0, 0, 0, 0, tz)), formula: null, format: 'yyyy-mm-dd' };
  }
  const slash = SLASH_DATE.exec(s);
  if (slash) {
    const us = locale === 'en_US';
    const [a, b, y] = [Number(slash[1]), Number(slash[2]), Number(slash[3])];
    const [m, d] = us ? [a, b] : [b, a];
    if (validYmd(y, m, d)) return { value: new Date(instantOf(y, m, d, 0, 0, 0, 0, tz)), formula: null, format: us ? 'M/d/yyyy' : 'dd/MM/yyyy' };
  }
  return { value: input, formula: null, format: null };
}
