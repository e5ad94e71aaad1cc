import type { Day } from '../dates/day';
import type { ParsedDate } from '../dates/parse-date';
import type { ActionRow } from '../plan/read-plan';

export interface AssessOptions {
  asOf: Day;
  dueSoonDays: number;
}

export interface Assessment {
  action: ActionRow;
  /** The date the action is due by now: the revised date when there is one (even "TBC"), else the target. */
  due: ParsedDate;
  /** Last day of the due period (month-precision dates fall due at month end); null when undated. */
  dueDay: Day | null;
  complete: boolean;
  overdue: boolean;
  /** Days past due as of the as-of date (0 when not overdue). */
  daysOverdue: number;
  dueSoon: boolean;
  /** Days from the as-of date to the due day (negative when past). */
  daysToDue: number | null;
  slipped: boolean;
  notStarted: boolean;
  /** A revised date later than the original target. */
  reprofiled: boolean;
  /** Reported as on track (a green, unfinished status) while overdue: the officer's RAG and the dates disagree. */
  reportedOnTrackButOverdue: boolean;
}

/** Judges one action as of a date. Pure: the same action and date always give the same result. */
export function assessAction(action: ActionRow, options: AssessOptions): Assessment {
  // A revised "TBC" replaces the target: the old date no longer stands, and no new one is agreed.
  // An unreadable revised date falls back to the target (and is reported).
  const revisedStands = action.revised.kind === 'date' || action.revised.kind === 'placeholder';
  const due = revisedStands ? action.revised : action.target;
  const dueDay = due.kind === 'date' ? due.due : null;
  const status = action.status;
  const complete = status?.complete === true;
  const daysToDue = dueDay === null ? null : dueDay - options.asOf;
  const overdue = !complete && daysToDue !== null && daysToDue < 0;
  const dueSoon = !complete && daysToDue !== null && daysToDue >= 0 && daysToDue <= options.dueSoonDays;
  const reprofiled = action.revised.kind === 'date' && action.target.kind === 'date' && action.revised.due > action.target.due;
  return {
    action,
    due,
    dueDay,
    complete,
    overdue,
    daysOverdue: overdue && daysToDue !== null ? -daysToDue : 0,
    dueSoon,
    daysToDue,
    slipped: status?.slipped === true,
    notStarted: status?.notStarted === true,
    reprofiled,
    reportedOnTrackButOverdue: overdue && status !== null && status.rag === 'green' && !status.slipped,
  };
}

export function assessActions(actions: readonly ActionRow[], options: AssessOptions): Assessment[] {
  return actions.map((a) => assessAction(a, options));
}
