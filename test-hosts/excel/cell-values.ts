// How the fake types what is written to a cell, evaluates the few formulas it can, and renders
// a value through a number format (Range.text).
//
// Real Excel behaviour modelled: a string written through `values`/`formulas` that starts with
// "=", "+", "@" (or "-" not followed by a plain number) is a formula unless the cell is
// Text-formatted; plain numeric strings become numbers, "12%" 0.12 with a 0% format,
// TRUE/FALSE booleans. Not modelled (README): formulas beyond constant arithmetic (#NAME?),
// dates, currency and thousands separators in typed strings, the leading apostrophe; `text`
// knows only some number formats. Kinder than real Excel: nothing known (the gaps are stricter:
// a formula the fake cannot evaluate reads #NAME?).

export type CellValue = string | number | boolean;

export interface TypedInput {
  value: CellValue;
  formula: string | null;
  /** Number format Excel applies as a side effect of typing (e.g. "50%" sets "0%"). */
  impliedFormat?: string;
}

/** The value Excel shows for a formula the fake cannot evaluate. */
export const NAME_ERROR = '#NAME?';
const ERROR_VALUES = new Set(['#NULL!', '#DIV/0!', '#VALUE!', '#REF!', '#NAME?', '#NUM!', '#N/A', '#GETTING_DATA', '#SPILL!', '#CALC!']);

export function isErrorValue(v: CellValue): boolean {
  return typeof v === 'string' && ERROR_VALUES.has(v);
}

const PLAIN_NUMBER = /^-?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?$/;
const PERCENT = /^(-?(?:\d+\.?\d*|\.\d+))%$/;

/**
 * What a string written through `Range.values` / `Range.formulas` becomes, as if typed into the
 * cell (Excel's rule; the Range.values docs: a leading "=", "+" or "-" makes a formula):
 *  - Text number format "@" at the time of writing: always the literal text.
 *  - "" clears the cell.
 *  - "=…", "+…", "@…" (longer than one character): a formula.
 *  - A plain decimal number ("007", "-5", "1.5e3"): the number. A leading "-" followed by
 *    anything else ("-1 day late") is a formula, as in Excel.
 *  - "12%": the number 0.12 with a percent format; "TRUE"/"FALSE" (any case): booleans.
 *  - Anything else: the text. Dates, currencies and thousands separators are NOT parsed
 *    (real Excel would turn "30/09/2018" into a date serial; locale-dependent, not modelled).
 * Numbers and booleans are stored as given.
 */
export function typeInput(input: CellValue, numberFormat: string): TypedInput {
  if (typeof input !== 'string') return { value: input, formula: null };
  if (input === '') return { value: '', formula: null };
  if (numberFormat === '@') return { value: input, formula: null };
  const first = input[0];
  if (input.length > 1 && (first === '=' || first === '+' || first === '@')) return { value: evaluateFormula(input), formula: input };
  if (PLAIN_NUMBER.test(input)) return { value: Number(input), formula: null };
  if (input.length > 1 && first === '-') return { value: evaluateFormula(input), formula: input };
  const pct = PERCENT.exec(input);
  if (pct?.[1] !== undefined) {
    const n = Number(pct[1]) / 100;
    return { value: n, formula: null, impliedFormat: pct[1].includes('.') ? '0.00%' : '0%' };
  }
  if (/^(true|false)$/i.test(input)) return { value: input.toLowerCase() === 'true', formula: null };
  return { value: input, formula: null };
}

/**
 * Evaluates constant arithmetic only ("=1+2", "+1", "=(2+3)*4/2", "=2^3"); anything with a
 * name, a reference or a function ("=SUM(A1)", "-1 day late") is "#NAME?".
 */
export function evaluateFormula(text: string): CellValue {
  let src = text.trim();
  if (src.startsWith('=') || src.startsWith('@')) src = src.slice(1);
  let pos = 0;
  const peek = (): string => {
    while (src[pos] === ' ') pos++;
    return src[pos] ?? '';
  };
  class Unsupported extends Error {}
  const primary = (): number => {
    const ch = peek();
    if (ch === '(') {
      pos++;
      const v = additive();
      if (peek() !== ')') throw new Unsupported();
      pos++;
      return v;
    }
    if (ch === '-') {
      pos++;
      return -power();
    }
    if (ch === '+') {
      pos++;
      return power();
    }
    const m = /^(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?/.exec(src.slice(pos));
    if (!m) throw new Unsupported();
    pos += m[0].length;
    let v = Number(m[0]);
    if (peek() === '%') {
      pos++;
      v /= 100;
    }
    return v;
  };
  const power = (): number => {
    let v = primary();
    while (peek() === '^') {
      pos++;
      v = v ** primary();
    }
    return v;
  };
  const multiplicative = (): number => {
    let v = power();
    for (;;) {
      const op = peek();
      if (op !== '*' && op !== '/') return v;
      pos++;
      const rhs = power();
      v = op === '*' ? v * rhs : v / rhs;
    }
  };
  const additive = (): number => {
    let v = multiplicative();
    for (;;) {
      const op = peek();
      if (op !== '+' && op !== '-') return v;
      pos++;
      const rhs = multiplicative();
      v = op === '+' ? v + rhs : v - rhs;
    }
  };
  try {
    const v = additive();
    if (peek() !== '') return NAME_ERROR;
    if (!Number.isFinite(v)) return Number.isNaN(v) ? '#NUM!' : '#DIV/0!';
    return v;
  } catch (e) {
    if (e instanceof Unsupported) return NAME_ERROR;
    throw e;
  }
}

export type ValueType = 'Empty' | 'String' | 'Double' | 'Boolean' | 'Error';

export function valueTypeOf(v: CellValue): ValueType {
  if (v === '') return 'Empty';
  if (typeof v === 'number') return 'Double';
  if (typeof v === 'boolean') return 'Boolean';
  return isErrorValue(v) ? 'Error' : 'String';
}

// ---------- Range.text ----------

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
const DAYS = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];

/** Excel serial (1900 date system, with its 29-Feb-1900 quirk) to a UTC date. */
export function serialToDate(serial: number): Date {
  const days = Math.floor(serial);
  const epoch = Date.UTC(1899, 11, days >= 61 ? 30 : 31);
  return new Date(epoch + days * 86400000);
}

function generalNumber(n: number): string {
  if (Number.isInteger(n) && Math.abs(n) < 1e11) return String(n);
  const abs = Math.abs(n);
  if (abs !== 0 && (abs >= 1e11 || abs < 1e-9)) {
    const [mant = '0', exp = '0'] = n.toExponential(5).split('e');
    const m = String(Number(mant));
    const e = Number(exp);
    return `${m}E${e < 0 ? '-' : '+'}${String(Math.abs(e)).padStart(2, '0')}`;
  }
  return String(Number(n.toPrecision(10)));
}

function groupThousands(digits: string): string {
  return digits.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
}

/**
 * Renders a cell value as Range.text does, for the formats a plan tracker uses: General, "@",
 * "0", "0.00", "#,##0(.00)", percents and day/month/year date formats. Other formats fall
 * back to General (noted in the README of the harness).
 */
export function formatText(value: CellValue, numberFormat: string): string {
  if (typeof value === 'boolean') return value ? 'TRUE' : 'FALSE';
  if (typeof value === 'string') return value;
  const fmt = (numberFormat.split(';')[0] ?? 'General').replace(/\[[^\]]*\]/g, '').replace(/"([^"]*)"/g, '$1');
  if (fmt === 'General' || fmt === '@' || fmt === '') return generalNumber(value);
  const num = /^(#,##0|0)(?:\.(0+))?(%?)$/.exec(fmt);
  if (num) {
    const decimals = num[2]?.length ?? 0;
    const scaled = num[3] === '%' ? value * 100 : value;
    let s = Math.abs(scaled).toFixed(decimals);
    if (num[1] === '#,##0') {
      const [int = '0', frac] = s.split('.');
      s = groupThousands(int) + (frac !== undefined ? `.${frac}` : '');
    }
    return (scaled < 0 && Number(s.replace(/,/g, '')) !== 0 ? '-' : '') + s + (num[3] ?? '');
  }
  if (/[dy]/i.test(fmt) || /m{3,}/i.test(fmt)) {
    const d = serialToDate(value);
    const tokens = /yyyy|yy|mmmm|mmm|mm|m|dddd|ddd|dd|d/gi;
    return fmt.replace(tokens, (t) => {
      switch (t.toLowerCase()) {
        case 'yyyy':
          return String(d.getUTCFullYear());
        case 'yy':
          return String(d.getUTCFullYear() % 100).padStart(2, '0');
        case 'mmmm':
          return MONTHS[d.getUTCMonth()] ?? '';
        case 'mmm':
          return (MONTHS[d.getUTCMonth()] ?? '').slice(0, 3);
        case 'mm':
          return String(d.getUTCMonth() + 1).padStart(2, '0');
        case 'm':
          return String(d.getUTCMonth() + 1);
        case 'dddd':
          return DAYS[d.getUTCDay()] ?? '';
        case 'ddd':
          return (DAYS[d.getUTCDay()] ?? '').slice(0, 3);
        case 'dd':
          return String(d.getUTCDate()).padStart(2, '0');
        default:
          return String(d.getUTCDate());
      }
    });
  }
  return generalNumber(value);
}
