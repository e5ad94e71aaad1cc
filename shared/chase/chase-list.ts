/**
 * Chase lists: per lead officer, the actions that need their update this quarter, and why. The
 * performance officer's quarterly chase, as data; the words and the e-mail drafts are made from it.
 */
import type { Day } from '../dates/day';
import { formatParsedDate } from '../dates/format-date';
import type { Assessment } from '../due-dates/assess';
import { cellAddress } from '../grid/a1';
import { matchActions } from '../history/identity';
import type { PreparedRun } from '../run/prepare-run';
import { plainAddress } from './address';

/** Why an action is on an officer's list, in the order the draft lists them. */
export type ChaseReason = 'overdue' | 'slipped-no-revised-date' | 'not-started-past-start' | 'due-soon' | 'commentary-unchanged';

export const chaseReasons: readonly ChaseReason[] = ['overdue', 'slipped-no-revised-date', 'not-started-past-start', 'due-soon', 'commentary-unchanged'];

export interface ChaseItem {
  ref: string | null;
  action: string | null;
  row: number;
  /** The status cell, to select it. */
  cell: string;
  status: string;
  /** The date it is due by, as the committee reads it ("Sep 2018", "30/11/2018"), or '' when undated. */
  due: string;
  daysOverdue: number;
  /** Days until it is due (due soon), else null. */
  daysToDue: number | null;
  reasons: ChaseReason[];
}

export interface OfficerChase {
  /** The lead officer as written in the sheet; null for actions with no lead officer. */
  officer: string | null;
  /** Their e-mail address, when the sheet or the settings give one. */
  email: string | null;
  items: ChaseItem[];
  counts: Record<ChaseReason, number>;
}

export interface ChaseOptions {
  /** E-mail address for an officer (as written in the sheet), e.g. from the settings; asked before the sheet's e-mail column. */
  emailOf?: (officer: string) => string | null;
}

/** Each officer's address from the sheet's e-mail column: the first plain address on any of their rows. */
function sheetEmails(assessments: readonly Assessment[]): Map<string, string> {
  const out = new Map<string, string>();
  for (const a of assessments) {
    const name = (a.action.lead ?? '').replace(/\s+/g, ' ').trim().toLowerCase();
    const address = plainAddress(a.action.email);
    if (name !== '' && address && !out.has(name)) out.set(name, address);
  }
  return out;
}

function reasonsFor(a: Assessment, asOf: Day, unchanged: boolean): ChaseReason[] {
  if (a.complete) return [];
  const out: ChaseReason[] = [];
  if (a.overdue) out.push('overdue');
  if (a.slipped && a.action.revised.kind === 'blank') out.push('slipped-no-revised-date');
  // Not started although the period it is due in has begun (a date's period starts on its first day).
  if (a.notStarted && a.due.kind === 'date' && a.due.start <= asOf) out.push('not-started-past-start');
  if (a.dueSoon) out.push('due-soon');
  if (unchanged) out.push('commentary-unchanged');
  return out;
}

/** Whether each action's commentary is word for word what was recorded last period (known only where the history kept it). */
function commentaryUnchanged(run: PreparedRun): boolean[] {
  const c = run.checked;
  const previous = run.history.filter((p) => p.asOf < c.asOf).at(-1);
  const current = c.assessments.map((a) => ({ ref: a.action.ref, action: a.action.action }));
  if (!previous) return current.map(() => false);
  const match = matchActions(previous.records, current);
  const norm = (t: string | null) => (t ?? '').replace(/\s+/g, ' ').trim();
  return c.assessments.map((a, i) => {
    const before = previous.records[match[i] ?? -1];
    return before !== undefined && before.commentary !== null && norm(before.commentary) === norm(a.action.commentary);
  });
}

/** Officers in the order of the sheet's first action for each; actions without a lead officer last. */
export function chaseLists(run: PreparedRun, options: ChaseOptions = {}): OfficerChase[] {
  const c = run.checked;
  const statusCol = c.header.columns.status?.col ?? 1;
  const unchanged = commentaryUnchanged(run);
  const fromSheet = sheetEmails(c.assessments);
  const byOfficer = new Map<string, OfficerChase>();
  const nobody: OfficerChase = { officer: null, email: null, items: [], counts: zeroCounts() };
  c.assessments.forEach((a, i) => {
    const reasons = reasonsFor(a, c.asOf, unchanged[i] === true);
    if (reasons.length === 0) return;
    const name = (a.action.lead ?? '').replace(/\s+/g, ' ').trim();
    let entry = name === '' ? nobody : byOfficer.get(name.toLowerCase());
    if (!entry) {
      entry = { officer: name, email: plainAddress(options.emailOf?.(name) ?? null) ?? fromSheet.get(name.toLowerCase()) ?? null, items: [], counts: zeroCounts() };
      byOfficer.set(name.toLowerCase(), entry);
    }
    entry.items.push({
      ref: a.action.ref,
      action: a.action.action,
      row: a.action.row,
      cell: cellAddress(a.action.row, statusCol),
      status: a.action.status?.label ?? a.action.statusText,
      due: a.due.kind === 'blank' ? '' : formatParsedDate(a.due),
      daysOverdue: a.daysOverdue,
      daysToDue: a.dueSoon ? a.daysToDue : null,
      reasons,
    });
    for (const r of reasons) entry.counts[r]++;
  });
  return [...byOfficer.values(), ...(nobody.items.length > 0 ? [nobody] : [])];
}

function zeroCounts(): Record<ChaseReason, number> {
  return { overdue: 0, 'slipped-no-revised-date': 0, 'not-started-past-start': 0, 'due-soon': 0, 'commentary-unchanged': 0 };
}
