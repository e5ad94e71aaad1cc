/** Dates written the way a UK committee report writes them. */
import { type Day, ymdFromDay } from './day';
import type { ParsedDate } from './parse-date';

const SHORT_MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

function pad(n: number, width: number): string {
  return String(n).padStart(width, '0');
}

/** '31/12/2018'. */
export function formatDay(day: Day): string {
  const { y, m, d } = ymdFromDay(day);
  return `${pad(d, 2)}/${pad(m, 2)}/${pad(y, 4)}`;
}

export function formatParsedDate(p: ParsedDate): string {
  switch (p.kind) {
    case 'blank':
      return '';
    case 'placeholder':
    case 'invalid':
      return p.text;
    case 'date':
      return formatPeriod(p);
  }
}

type DateReading = Extract<ParsedDate, { kind: 'date' }>;

function formatPeriod(p: DateReading): string {
  const { y, m } = ymdFromDay(p.start);
  switch (p.precision) {
    case 'day':
      return formatDay(p.due);
    case 'month':
      return `${shortMonth(m)} ${y}`;
    case 'quarter':
      return formatQuarter(y, m, p.scheme ?? 'calendar');
    case 'season':
      return formatSeason(y, m);
    case 'year':
      // Without a scheme, a year starting in April can only be a financial one.
      return (p.scheme ?? (m === 4 ? 'financial' : 'calendar')) === 'financial' ? financialYear(y) : String(y);
  }
}

function formatQuarter(y: number, m: number, scheme: 'financial' | 'calendar'): string {
  if (scheme === 'calendar') return `Q${Math.floor((m - 1) / 3) + 1} ${y}`;
  // Financial years run April to March, so January to March belong to the year before.
  const monthsIntoYear = (m + 8) % 12;
  return `Q${Math.floor(monthsIntoYear / 3) + 1} ${financialYear(m >= 4 ? y : y - 1)}`;
}

/** Meteorological seasons, named by their first month; winter names both its years. */
function formatSeason(y: number, m: number): string {
  if (m >= 3 && m <= 5) return `Spring ${y}`;
  if (m >= 6 && m <= 8) return `Summer ${y}`;
  if (m >= 9 && m <= 11) return `Autumn ${y}`;
  return `Winter ${financialYear(m === 12 ? y : y - 1)}`;
}

/** '2018/19', '1999/00'. */
function financialYear(first: number): string {
  return `${first}/${pad((first + 1) % 100, 2)}`;
}

function shortMonth(m: number): string {
  return SHORT_MONTHS[m - 1] ?? String(m);
}
