/**
 * The three fields a lead officer updates (status, revised date, commentary), as values that can be
 * compared: a request keeps them as they were, and a merge tells from them what the officer changed
 * and what the plan changed meanwhile. Statuses compare by the status they name ("on track" is "On
 * track"), dates by the deadline they stand for ("Nov 2018" is 30/11/2018), commentary as read.
 */
import { dayFromIso, isoFromDay } from '../dates/day';
import { formatDay, formatParsedDate } from '../dates/format-date';
import { parseDate, type DateOrder, type ParsedDate } from '../dates/parse-date';
import { cellText } from '../grid/grid';
import { normaliseStatusText, type StatusLookup } from '../status/normalise';

export type UpdateField = 'status' | 'revised date' | 'commentary';

export const updateFields: readonly UpdateField[] = ['status', 'revised date', 'commentary'];

/** The status a text names (its label), or the text folded when it names none; '' for blank. */
export function statusKey(text: string, statuses: StatusLookup): string {
  return statuses.find(text)?.label ?? normaliseStatusText(text);
}

/** The deadline a date stands for (YYYY-MM-DD), the meaning of a placeholder, or the text of an unreadable one. */
export function dateKey(p: ParsedDate): string {
  switch (p.kind) {
    case 'blank':
      return '';
    case 'date':
      return isoFromDay(p.due);
    case 'placeholder':
      return `~${p.meaning}`;
    case 'invalid':
      return `?${cellText(p.text).toLowerCase()}`;
  }
}

export function commentaryKey(text: string): string {
  return cellText(text);
}

/**
 * A date as a request keeps it (hidden, to compare later): the deadline as YYYY-MM-DD, which no
 * date order misreads, else the text as typed ("TBC"); '' for blank.
 */
export function dateAsSent(p: ParsedDate): string {
  return p.kind === 'date' ? isoFromDay(p.due) : p.kind === 'blank' ? '' : p.text;
}

/** A kept date read back. */
export function parseDateAsSent(text: string, order: DateOrder): ParsedDate {
  const day = dayFromIso(text.trim());
  if (day !== null) return { kind: 'date', due: day, start: day, precision: 'day', text: formatDay(day) };
  return parseDate(text, { order });
}

/** A date as the committee reads it ("Nov 2018", "30/11/2018", "TBC"), '' for blank. */
export function dateText(p: ParsedDate): string {
  return formatParsedDate(p);
}
