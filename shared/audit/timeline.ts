/**
 * An action's timeline: how its date moved, and where each date was first seen. The original
 * target, then each revised date in order — from the recorded periods, the audit trail between them
 * (a merged reply, an edit seen when a period was recorded) and the plan as it stands now — as the
 * committee report and the panel show it: "4.2: April 2018 → September 2018 (June 2018) → 30 November 2018 (Sept 2018)".
 * Pure: the plan, the history and the trail in; no clock is read.
 */
import type { CheckedPlan } from '../check-plan';
import { isoFromDay } from '../dates/day';
import { formatParsedDate } from '../dates/format-date';
import { parseDate, type ParsedDate } from '../dates/parse-date';
import type { Period } from '../history/history-sheet';
import { matchActions, type Identified } from '../history/identity';
import { longDate, proseDate } from '../report/committee-text';
import type { AuditEntry } from './audit-trail';

export interface TimelineStep {
  /** The first step is the original target; every later one a revised date. */
  kind: 'original' | 'revised';
  /** The date as the committee report says it: "April 2018", "30 November 2018", "to be confirmed". */
  text: string;
  /** The date as it was recorded or typed: "Apr 2018", "30/11/2018", "TBC". */
  recorded: string;
  /** YYYY-MM-DD of the deadline it stands for, or '' when it is not a date. */
  due: string;
  /**
   * Where the date was first seen: a recorded period's label ("June 2018"), an audit entry's period or,
   * without one, its source ("merge of reply 'jo-bloggs.xlsx'"), or the plan now ("as of 30 September 2018").
   * Null for a date only a merge's "old" value shows: it was in the plan, but when it was typed is not known.
   */
  seen: string | null;
  /** What `seen` is. */
  from: 'period' | 'audit' | 'current' | null;
}

export interface ActionTimeline {
  /** The action's sheet row (1-based): what the panel finds it by, as two actions may share a ref. */
  row: number;
  ref: string | null;
  action: string | null;
  /** The original target first, then every move; at least two steps. */
  steps: TimelineStep[];
  /** How many times the date moved: steps.length − 1, at least 1. */
  moves: number;
}

/** Dates the tool wrote (history cells, audit values) are day-first: it writes 30/11/2018. */
const readText = (text: string): ParsedDate => parseDate(text === '' ? null : text, { order: 'day-first' });

/** Two dates are the same step when they stand for the same deadline: "Sept 2018" retyped as 30/09/2018 is no move. */
const dateKey = (p: ParsedDate): string => (p.kind === 'date' ? isoFromDay(p.due) : formatParsedDate(p).trim().toLowerCase());

interface Placed {
  entry: AuditEntry;
  /** Before which period (index into the periods) it happened; periods.length: after the last. */
  slot: number;
  /**
   * Made between periods (a merge): its old value is what the plan held just before. An entry seen
   * when a period was recorded compares with the period before, so its old value is no step of its own.
   */
  between: boolean;
}

/**
 * Where each revised-date entry of the trail falls among the periods: at its own period when it names
 * a recorded one (an edit seen when that period was recorded), else before the first period recorded
 * after it (a merge, which belongs to no period). Entries that fall after `last` (a period later than
 * the as-of date) are dropped.
 */
function placeEntries(audit: readonly AuditEntry[], periods: readonly Period[], last: number): Placed[] {
  const out: Placed[] = [];
  for (const entry of audit) {
    if (entry.field !== 'revised date') continue;
    const named = entry.period === '' ? -1 : periods.findIndex((p) => p.label.toLowerCase() === entry.period.toLowerCase());
    let slot = named;
    if (slot < 0) {
      // ISO date-times from the host's clock sort as text.
      const after = periods.findIndex((p) => p.recordedAt > entry.when);
      slot = after < 0 ? periods.length : after;
    }
    if (slot <= last) out.push({ entry, slot, between: named < 0 });
  }
  return out;
}

/**
 * For each current action, its audit entries: each distinct identity in the trail is matched to the
 * action it names now (same ref, best wording where two share a ref), as the history matches periods.
 */
function entriesByAction(placed: readonly Placed[], current: readonly Identified[]): Placed[][] {
  const out = current.map((): Placed[] => []);
  const matched = new Map<string, number>();
  for (const p of placed) {
    const k = `${p.entry.ref ?? ''}\u0000${p.entry.action ?? ''}`;
    let i = matched.get(k);
    if (i === undefined) {
      i = matchActions(current, [{ ref: p.entry.ref, action: p.entry.action }])[0] ?? -1;
      matched.set(k, i);
    }
    out[i]?.push(p);
  }
  return out;
}

/**
 * Every action whose date has moved (actions and milestones, in sheet order), with its timeline.
 * Periods after the plan's as-of date are left out, as is the trail after them. Only revised dates
 * count as moves (an edited target is not one); a revised date cleared is no step; the same date seen
 * in consecutive places is one step, labelled where it was first seen. An action whose date never
 * moved has no timeline: it is not in the list.
 */
export function actionTimelines(checked: CheckedPlan, history: readonly Period[], audit: readonly AuditEntry[]): ActionTimeline[] {
  const periods = [...history].sort((a, b) => a.asOf - b.asOf);
  const last = periods.filter((p) => p.asOf <= checked.asOf).length;
  const sameDay = periods.find((p) => p.asOf === checked.asOf);
  const nowLabel = sameDay?.label ?? `as of ${longDate(checked.asOf)}`;
  const actions = checked.assessments.map((a) => a.action);
  const current: Identified[] = actions.map((a) => ({ ref: a.ref, action: a.action }));
  const matches = periods.slice(0, last).map((p) => matchActions(p.records, current));
  const trail = entriesByAction(placeEntries(audit, periods, last), current);

  const out: ActionTimeline[] = [];
  actions.forEach((a, i) => {
    const steps: TimelineStep[] = [];
    let lastKey: string | null = null;
    const push = (p: ParsedDate, seen: string | null, from: TimelineStep['from']) => {
      if (p.kind === 'blank') return;
      const key = dateKey(p);
      if (key === lastKey) return;
      lastKey = key;
      steps.push({ kind: steps.length === 0 ? 'original' : 'revised', text: proseDate(p), recorded: formatParsedDate(p), due: p.kind === 'date' ? isoFromDay(p.due) : '', seen, from });
    };
    const recordAt = (k: number) => {
      const j = matches[k]?.[i] ?? -1;
      return j >= 0 ? periods[k]?.records[j] : undefined;
    };
    // The original target: as the first period that knew the action recorded it, else as it stands.
    const firstSeen = matches.findIndex((_, k) => recordAt(k) !== undefined);
    const first = firstSeen >= 0 ? recordAt(firstSeen) : undefined;
    if (first) push(readText(first.target), periods[firstSeen]?.label ?? null, 'period');
    else push(a.target, nowLabel, 'current');

    const entries = trail[i] ?? [];
    for (let k = 0; k <= last; k++) {
      for (const { entry, between } of entries.filter((e) => e.slot === k)) {
        // The date a merge replaced was in the plan; when it was typed is not known.
        if (between) push(readText(entry.old), null, null);
        push(readText(entry.new), entry.period !== '' ? entry.period : entry.source, 'audit');
      }
      const r = recordAt(k);
      if (r) push(readText(r.revised), periods[k]?.label ?? null, 'period');
    }
    push(a.revised, nowLabel, 'current');
    if (steps.length > 1) out.push({ row: a.row, ref: a.ref, action: a.action, steps, moves: steps.length - 1 });
  });
  return out;
}

/** "April 2018 → September 2018 (June 2018) → 30 November 2018 (Sept 2018)": each revised date with where it was first seen. */
export function timelineSteps(steps: readonly TimelineStep[]): string {
  return steps.map((s) => (s.kind === 'original' || s.seen === null ? s.text : `${s.text} (${s.seen})`)).join(' \u2192 ');
}

/** "4.2: April 2018 → September 2018 (June 2018) → 30 November 2018 (Sept 2018)". */
export function timelineText(ref: string | null, steps: readonly TimelineStep[]): string {
  return `${ref ?? 'No ref'}: ${timelineSteps(steps)}`;
}
