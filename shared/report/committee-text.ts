/**
 * The committee report's prose, in the idiom of a council's quarterly Corporate Improvement Plan
 * update: the summary paragraph ("The Corporate Improvement Plan now contains 62 actions. 32 actions
 * have now been completed, with 8 showing some slippage."), the status table's introduction, one
 * paragraph per slipped action ("Action (ref) – commentary. The original date was April 2018, revised
 * to September 2018 and will now be extended to 30 November 2018.") and the not-started paragraph.
 * Pure: words from the run, nothing else.
 */
import { ymdFromDay, type Day } from '../dates/day';
import { formatParsedDate } from '../dates/format-date';
import { parseDate, type ParsedDate } from '../dates/parse-date';
import type { PeriodComparison } from '../history/compare';
import type { StatusDef, StatusScheme } from '../status/schemes';
import type { ListedAction, PlanSummary } from '../summary/summary';
import { plural } from '../text/plural';

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

/** "30 September 2018", as a committee report writes a date in prose. */
export function longDate(day: Day): string {
  const { y, m, d } = ymdFromDay(day);
  return `${d} ${MONTHS[m - 1] ?? String(m)} ${y}`;
}

/** A date as the report's prose says it: "September 2018", "30 November 2018", "Q3 2018/19", "to be confirmed". */
export function proseDate(p: ParsedDate): string {
  if (p.kind === 'date') {
    if (p.precision === 'day') return longDate(p.due);
    if (p.precision === 'month') {
      const { y, m } = ymdFromDay(p.start);
      return `${MONTHS[m - 1] ?? String(m)} ${y}`;
    }
  }
  if (p.kind === 'placeholder' && p.meaning === 'tbc') return 'to be confirmed';
  return formatParsedDate(p);
}

const WORDS = ['no', 'one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine'];

/** Counts under ten in words, as the report writes "There are eight areas of slippage". */
export function countWords(n: number): string {
  return Number.isInteger(n) && n >= 0 && n < WORDS.length ? (WORDS[n] as string) : String(n);
}

const capitalise = (s: string): string => `${s.charAt(0).toUpperCase()}${s.slice(1)}`;

/** A sentence ends with its stop: commentary typed without one gets a full stop. */
function sentence(text: string): string {
  const t = text.trim();
  return /[.!?…"'”’]$/.test(t) ? t : `${t}.`;
}

/** "Undertake LGA Member / Member training (4.2)": the action as typed, without a closing full stop, then its ref. */
export function actionWithRef(a: { ref: string | null; action: string | null }): string {
  const action = (a.action ?? '').trim().replace(/\.$/, '');
  if (action === '') return a.ref === null ? 'An action with no ref or wording' : `Action ${a.ref}`;
  return a.ref === null ? action : `${action} (${a.ref})`;
}

const ragColour = /^(red|amber|green|blue)$/i;

/** The statuses that count as slippage with their counts, as the summary says them: "8 showing some slippage". */
function slippingPhrase(scheme: StatusScheme, summary: PlanSummary): string {
  const counted = scheme.statuses
    .filter((s) => s.slipped)
    .map((s) => ({ s, n: summary.statusCounts.find((c) => c.status === s.label)?.count ?? 0 }))
    .filter((x) => x.n > 0);
  if (counted.length === 0) return 'none showing slippage';
  // "8 showing some slippage", "2 rated Red", and a status that is neither a slippage nor a colour as it reads: "2 out of target".
  const phrase = ({ s, n }: { s: StatusDef; n: number }) => (/slip/i.test(s.label) ? `${n} showing ${s.label.toLowerCase()}` : ragColour.test(s.label) ? `${n} rated ${s.label}` : `${n} ${s.label.toLowerCase()}`);
  const all = counted.map(phrase);
  return all.length === 1 ? (all[0] as string) : `${all.slice(0, -1).join(', ')} and ${all[all.length - 1] ?? ''}`;
}

export interface SummaryInput {
  planTitle: string;
  scheme: StatusScheme;
  summary: PlanSummary;
  comparison: PeriodComparison;
}

/**
 * The summary paragraph (the report's 1.2): "The Corporate Improvement Plan now contains 62 actions.
 * 32 actions have now been completed, with 8 showing some slippage. Revised timescales are proposed
 * in this report."
 */
export function summaryParagraph({ planTitle, scheme, summary }: SummaryInput): string {
  const s = summary;
  const sentences = [`The ${planTitle} now contains ${plural(s.actions, 'action')}${s.milestones > 0 ? `, with ${plural(s.milestones, 'milestone')}` : ''}.`];
  const completeLabels = new Set(scheme.statuses.filter((d) => d.complete).map((d) => d.label));
  const slipping = slippingPhrase(scheme, s);
  if (completeLabels.size > 0) {
    const completed = s.statusCounts.filter((c) => completeLabels.has(c.status)).reduce((n, c) => n + c.count, 0);
    const done = completed === 0 ? 'No actions have been completed yet' : `${plural(completed, 'action')} ${completed === 1 ? 'has' : 'have'} now been completed`;
    sentences.push(`${done}, with ${slipping}.`);
  } else {
    sentences.push(s.slipped.length === 0 ? 'No actions are showing slippage.' : `Of these, ${slipping}.`);
  }
  if (s.slipped.length > 0) sentences.push('Revised timescales are proposed in this report.');
  return sentences.join(' ');
}

/**
 * What the report covers and what else the officer should know (the report's 1.3 and 4.5): the
 * period, what changed since the last one, and the actions not started, overdue or unrated.
 */
export function coverageParagraph({ summary, comparison }: SummaryInput, unrecognised: number): string {
  const s = summary;
  const sentences = [`This report presents a summary of progress up to ${longDate(s.asOf)}.`];
  if (comparison.previousLabel !== null) {
    const changed = comparison.changes.length;
    const moves = [`${plural(changed, 'action')} ${changed === 1 ? 'has' : 'have'} changed status`];
    if (comparison.added.length > 0) moves.push(`${plural(comparison.added.length, 'action')} ${comparison.added.length === 1 ? 'has' : 'have'} been added`);
    if (comparison.removed.length > 0) moves.push(`${plural(comparison.removed.length, 'action')} ${comparison.removed.length === 1 ? 'has' : 'have'} been removed`);
    const joined = moves.length === 1 ? moves[0] : `${moves.slice(0, -1).join(', ')} and ${moves[moves.length - 1] ?? ''}`;
    sentences.push(`Since ${comparison.previousLabel}, ${joined}.`);
  }
  const notStarted = s.notStarted.length;
  // Milestones are the actions' detail: an overdue one is told as a milestone of its action.
  const overdue = s.overdue.filter((a) => a.milestoneOf === null).length;
  const overdueMilestones = s.overdue.filter((a) => a.milestoneOf !== null);
  const parts: string[] = [];
  if (notStarted > 0) parts.push(`${plural(notStarted, 'action')} ${notStarted === 1 ? 'has' : 'have'} not started`);
  if (overdue > 0) parts.push(`${plural(overdue, 'action')} ${overdue === 1 ? 'is' : 'are'} past ${overdue === 1 ? 'its' : 'their'} due date`);
  if (overdueMilestones.length > 0) {
    // Their actions in sheet order, however overdue each is.
    const of = [...new Set([...overdueMilestones].sort((a, b) => a.row - b.row).map((m) => m.milestoneOf as string))];
    const owners = of.length === 1 ? `action ${of[0]}` : `actions ${of.slice(0, -1).join(', ')} and ${of[of.length - 1] ?? ''}`;
    const n = overdueMilestones.length;
    parts.push(`${plural(n, 'milestone')} (of ${owners}) ${n === 1 ? 'is' : 'are'} past ${n === 1 ? 'its' : 'their'} due date`);
  }
  if (parts.length > 0) sentences.push(`${capitalise(parts.join(', and '))}.`);
  if (unrecognised > 0) sentences.push(`${plural(unrecognised, 'action')} ${unrecognised === 1 ? 'has a status' : 'have statuses'} missing or not recognised.`);
  return sentences.join(' ');
}

/** The status table's introduction (the report's 4.4): "The summary position for Sept 2018 is shown below." */
export function statusIntro(recordedLabel: string | null, asOf: Day): string {
  return recordedLabel !== null ? `The summary position for ${recordedLabel} is shown below.` : `The summary position as of ${longDate(asOf)} is shown below.`;
}

/** The slippage list's introduction (the report's 4.8). */
export function slippageIntro(count: number): string {
  if (count === 0) return 'There are no areas of slippage.';
  if (count === 1) return 'There is one area of slippage where action is taking place and a revised timescale is requested:';
  return `There are ${countWords(count)} areas of slippage where actions are taking place and revised timescales are requested:`;
}

/** Every date an action has had, original first, as the report's prose says them. */
function readDates(texts: readonly string[]): ParsedDate[] {
  return texts.map((t) => parseDate(t, { order: 'day-first' }));
}

/**
 * What happened to an action's date, from its history where the history sheet has one:
 * "(original date of September 2018)" after the revised date, or, when it has moved more than once,
 * "The original date was April 2018, revised to September 2018 and will now be extended to 30 November 2018."
 */
export function dateHistorySentence(dates: readonly ParsedDate[]): string {
  const said = dates.filter((d) => d.kind !== 'blank');
  const first = said[0];
  if (!first) return 'No target date has been set.';
  const original = proseDate(first);
  if (said.length === 1) return `No revised date has been set (original date of ${original}).`;
  const last = said[said.length - 1] as ParsedDate;
  const tbc = last.kind === 'placeholder' && last.meaning === 'tbc';
  if (said.length === 2) return tbc ? `A revised date is to be confirmed (original date of ${original}).` : `The revised date is ${proseDate(last)} (original date of ${original}).`;
  const between = said.slice(1, -1).map(proseDate);
  const revised = `revised to ${between.join(', then ')}${between.length > 1 || tbc ? ',' : ''}`;
  return tbc ? `The original date was ${original}, ${revised} and a new date is to be confirmed.` : `The original date was ${original}, ${revised} and will now be extended to ${proseDate(last)}.`;
}

/**
 * Each listed action's dates, original first: from the comparison's re-profiled timescales (which
 * read the history sheet) where the action is there, else its target and revised dates as they stand.
 * Both lists are in sheet order, so the walk matches each action to its own entry even where two share a ref.
 */
export function datesOf(actions: readonly ListedAction[], reprofiled: PeriodComparison['reprofiled']): ParsedDate[][] {
  let from = 0;
  return actions.map((a) => {
    const i = reprofiled.findIndex((r, k) => k >= from && r.ref === a.ref && r.action === a.action);
    if (i < 0) return [a.original, a.revised];
    from = i + 1;
    return readDates((reprofiled[i] as PeriodComparison['reprofiled'][number]).dates);
  });
}

/**
 * One slipped action as the report's 4.8 lists it: "Action (ref) – commentary. Date history.", then,
 * when given, how the date moved and when each move was seen ("How the date moved: April 2018 →
 * September 2018 (June 2018) → 30 November 2018 (Sept 2018).").
 */
export function slippedParagraph(a: ListedAction, dates: readonly ParsedDate[], timeline?: string): string {
  const commentary = (a.commentary ?? '').trim();
  const moved = timeline === undefined ? '' : ` How the date moved: ${timeline}.`;
  return `${actionWithRef(a)} \u2013 ${commentary === '' ? 'No commentary has been given.' : sentence(commentary)} ${dateHistorySentence(dates)}${moved}`;
}

/** The not-started paragraph's introduction (the report's 4.9), naming the scheme's not-started status. */
export function notStartedIntro(count: number, label: string): string {
  const word = label.toLowerCase();
  if (count === 0) return `There are no actions which are '${word}'.`;
  return count === 1 ? `There is one action which is '${word}':` : `There are ${countWords(count)} actions which are '${word}':`;
}

/** One not-started action: "Action (ref) – commentary." */
export function notStartedParagraph(a: ListedAction): string {
  const commentary = (a.commentary ?? '').trim();
  return commentary === '' ? `${actionWithRef(a)}.` : `${actionWithRef(a)} \u2013 ${sentence(commentary)}`;
}
