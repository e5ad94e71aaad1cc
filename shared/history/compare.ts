import type { CheckedPlan } from '../check-plan';
import { isoFromDay } from '../dates/day';
import { formatDay, formatParsedDate } from '../dates/format-date';
import type { ParsedDate } from '../dates/parse-date';
import { statusLookup } from '../status/normalise';
import { unrecognisedStatus } from '../summary/summary';
import type { HistoryRecord, Period } from './history-sheet';
import { matchActions, type Identified } from './identity';

export interface PeriodColumn {
  label: string;
  /** One per status of `PeriodComparison.statuses`. */
  counts: number[];
  total: number;
}

export interface ActionRef {
  ref: string | null;
  action: string | null;
}

export interface PeriodComparison {
  currentLabel: string;
  previousLabel: string | null;
  statuses: string[];
  /** Earlier periods (the previous one, or every one), then the current state. */
  columns: PeriodColumn[];
  /** Status changes since the previous period. */
  changes: (ActionRef & { from: string; to: string })[];
  added: ActionRef[];
  removed: ActionRef[];
  /** Every action whose due date has moved, with the dates in order and how many times it moved. */
  reprofiled: (ActionRef & { dates: string[]; times: number })[];
  /** Slipped now, and in no earlier period. */
  firstSlipped: ActionRef[];
}

export interface CompareOptions {
  /** Show every recorded period in the status table, or only the previous one. */
  allPeriods: boolean;
}

function counted(statuses: string[], labels: readonly string[]): PeriodColumn['counts'] {
  const index = new Map(statuses.map((s, i) => [s, i]));
  const counts = statuses.map(() => 0);
  for (const l of labels) {
    const i = index.get(l) ?? index.get(unrecognisedStatus);
    if (i !== undefined) counts[i] = (counts[i] ?? 0) + 1;
  }
  return counts;
}

/**
 * The current plan beside its recorded history: the status table's period columns and what changed.
 * The current column takes the label of a period recorded for this as-of date, else the date itself.
 */
export function compareWithHistory(checked: CheckedPlan, history: readonly Period[], options: CompareOptions): PeriodComparison {
  const lookup = statusLookup(checked.scheme);
  const labelOf = (r: HistoryRecord) => lookup.find(r.status)?.label ?? unrecognisedStatus;
  const sameDay = history.find((p) => p.asOf === checked.asOf);
  const currentLabel = sameDay?.label ?? `As of ${formatDay(checked.asOf)}`;
  const earlier = history.filter((p) => p.asOf < checked.asOf);
  const previous = earlier[earlier.length - 1] ?? null;

  // Periods compare actions, as the summary counts them; milestones are their detail.
  const assessments = checked.assessments.filter((a) => a.action.milestoneOf === null);
  const currentLabels = assessments.map((a) => a.action.status?.label ?? unrecognisedStatus);
  const anyUnknown = currentLabels.includes(unrecognisedStatus) || earlier.some((p) => p.records.some((r) => labelOf(r) === unrecognisedStatus));
  const statuses = [...checked.scheme.statuses.map((s) => s.label), ...(anyUnknown ? [unrecognisedStatus] : [])];
  const shown = options.allPeriods ? earlier : previous ? [previous] : [];
  const columns: PeriodColumn[] = [
    ...shown.map((p) => ({ label: p.label, counts: counted(statuses, p.records.map(labelOf)), total: p.records.length })),
    { label: currentLabel, counts: counted(statuses, currentLabels), total: currentLabels.length },
  ];

  const current: Identified[] = assessments.map((a) => ({ ref: a.action.ref, action: a.action.action }));
  const matches = earlier.map((p) => ({ period: p, match: matchActions(p.records, current) }));
  const refOf = (x: Identified): ActionRef => ({ ref: x.ref, action: x.action });

  const changes: PeriodComparison['changes'] = [];
  const added: ActionRef[] = [];
  const removed: ActionRef[] = [];
  const prev = matches[matches.length - 1];
  if (prev) {
    current.forEach((c, i) => {
      const p = prev.match[i] ?? -1;
      if (p < 0) {
        added.push(refOf(c));
        return;
      }
      const from = labelOf(prev.period.records[p] as HistoryRecord);
      const to = currentLabels[i] ?? unrecognisedStatus;
      if (from !== to) changes.push({ ...refOf(c), from, to });
    });
    const seen = new Set(prev.match.filter((p) => p >= 0));
    prev.period.records.forEach((r, i) => {
      if (!seen.has(i)) removed.push({ ref: r.ref, action: r.action });
    });
  }

  const reprofiled: PeriodComparison['reprofiled'] = [];
  const firstSlipped: ActionRef[] = [];
  // Parsed dates are shared between the actions that typed the same date: format each once.
  const written = new Map<ParsedDate, { text: string; due: string }>();
  const writtenOf = (d: ParsedDate) => {
    let w = written.get(d);
    if (!w) {
      w = { text: formatParsedDate(d), due: d.kind === 'date' ? isoFromDay(d.due) : '' };
      written.set(d, w);
    }
    return w;
  };
  const noPast: HistoryRecord[] = [];
  assessments.forEach((a, i) => {
    const past =
      matches.length === 0
        ? noPast
        : matches.flatMap(({ period, match }) => {
            const p = match[i] ?? -1;
            return p >= 0 ? [period.records[p] as HistoryRecord] : [];
          });
    // The original target, then each revised date as it was recorded, then today's: every move once.
    // Dates are compared by the deadline they stand for, so retyping "Sept 2018" as 30/09/2018 is no move.
    const dates: string[] = [];
    let lastKey = '';
    const push = (text: string, due: string) => {
      const key = due !== '' ? due : text.toLowerCase();
      if (text !== '' && key !== lastKey) {
        dates.push(text);
        lastKey = key;
      }
    };
    const first = past[0];
    if (first) push(first.target, first.targetDue);
    else {
      const target = writtenOf(a.action.target);
      push(target.text, target.due);
    }
    for (const r of past) push(r.revised, r.revisedDue);
    const revised = writtenOf(a.action.revised);
    push(revised.text, revised.due);
    // Finished actions drop out: the committee approves the timescales still to be met.
    if (dates.length > 1 && !a.complete) reprofiled.push({ ...refOf(current[i] as Identified), dates, times: dates.length - 1 });
    if (a.slipped && past.every((r) => lookup.find(r.status)?.slipped !== true)) firstSlipped.push(refOf(current[i] as Identified));
  });

  return { currentLabel, previousLabel: previous?.label ?? null, statuses, columns, changes, added, removed, reprofiled, firstSlipped };
}
