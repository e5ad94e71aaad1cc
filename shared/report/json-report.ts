import type { CheckedPlan } from '../check-plan';
import type { PeriodComparison } from '../history/compare';
import type { ThemeRollup } from '../summary/themes';
import { isoFromDay } from '../dates/day';
import type { ParsedDate } from '../dates/parse-date';
import { formatParsedDate } from '../dates/format-date';
import { cellAddress } from '../grid/a1';
import type { ListedAction } from '../summary/summary';

/** The stable JSON contract of `plan-monitor check|summary --json` (documented in README). */
export interface JsonReport {
  sheet: string;
  asOf: string;
  actions: number;
  /** Rows that are milestones of an action (2.4a, 2.4.1): checked, not counted in `actions`. */
  milestones: number;
  errors: number;
  warnings: number;
  /** The label of the previous recorded period, or null when none is recorded. */
  previousPeriod: string | null;
  /** `previous` is the count in the previous period (null when none is recorded). */
  statusCounts: { status: string; rag: string | null; count: number; previous: number | null }[];
  /** `milestoneOf`: the ref of the action a milestone belongs to, null for an action. */
  overdue: { ref: string | null; milestoneOf: string | null; row: number; cell: string; action: string | null; lead: string | null; due: string | null; daysOverdue: number; dueDate: JsonDate | null }[];
  dueSoon: { ref: string | null; milestoneOf: string | null; row: number; cell: string; action: string | null; lead: string | null; due: string | null; daysToDue: number; dueDate: JsonDate | null }[];
  slipped: JsonListedAction[];
  notStarted: JsonListedAction[];
  /** `messageId` and `data` are the finding as data; `message` is it rendered in English. */
  findings: { rule: string; severity: string; sheet: string; cell: string; row: number; ref: string | null; message: string; messageId: string; data: Record<string, string | number> }[];
  changes: { ref: string | null; action: string | null; from: string; to: string }[];
  added: { ref: string | null; action: string | null }[];
  removed: { ref: string | null; action: string | null }[];
  reprofiled: { ref: string | null; action: string | null; dates: string[]; times: number }[];
  themes: { theme: string; rag: string; counts: Record<string, number> }[];
  /** Each action with milestones: its own RAG and the worst of its milestones'. */
  milestoneRollup: { ref: string | null; row: number; own: string | null; derived: string; milestones: number; overdue: number }[];
}

export interface JsonListedAction {
  ref: string | null;
  row: number;
  action: string | null;
  lead: string | null;
  originalDue: string | null;
  revisedDue: string | null;
  status: string;
  commentary: string | null;
  original: JsonDate | null;
  revised: JsonDate | null;
}

/** A date as the cell gave it: the deadline it stands for (ISO 8601), the period's first day, how precise it is, and the text as typed. */
export interface JsonDate {
  due: string;
  start: string;
  precision: 'day' | 'month' | 'quarter' | 'season' | 'year';
  text: string;
}

function jsonDate(d: ParsedDate): JsonDate | null {
  if (d.kind !== 'date') return null;
  // A date cell's "text" is its serial: give it as the committee reads it instead.
  const text = /^\d+(\.\d+)?$/.test(d.text) ? formatParsedDate(d) : d.text;
  return { due: isoFromDay(d.due), start: isoFromDay(d.start), precision: d.precision, text };
}

/** YYYY-MM-DD of the deadline a date stands for (month-precision dates fall due at month end). */
function isoDue(d: ParsedDate): string | null {
  return d.kind === 'date' ? isoFromDay(d.due) : null;
}

function listedJson(a: ListedAction): JsonListedAction {
  return { ref: a.ref, row: a.row, action: a.action, lead: a.lead, originalDue: isoDue(a.original), revisedDue: isoDue(a.revised), status: a.status, commentary: a.commentary, original: jsonDate(a.original), revised: jsonDate(a.revised) };
}

/** The JSON for a prepared run: the checked plan, and its comparison with the recorded periods. */
export function jsonReport(run: { checked: CheckedPlan; comparison: PeriodComparison; themes: ThemeRollup[] }): JsonReport {
  const { checked, comparison } = run;
  const s = checked.summary;
  const previousColumn = comparison.previousLabel === null ? null : comparison.columns.find((c) => c.label === comparison.previousLabel) ?? null;
  const previousCount = (status: string) => {
    if (!previousColumn) return null;
    const i = comparison.statuses.indexOf(status);
    return i < 0 ? 0 : (previousColumn.counts[i] ?? 0);
  };
  const statusCol = checked.header.columns.status?.col ?? 1;
  return {
    sheet: checked.sheet,
    asOf: isoFromDay(checked.asOf),
    actions: s.actions,
    milestones: s.milestones,
    errors: checked.errors,
    warnings: checked.warnings,
    previousPeriod: comparison.previousLabel,
    statusCounts: s.statusCounts.map((c) => ({ status: c.status, rag: c.rag, count: c.count, previous: previousCount(c.status) })),
    overdue: s.overdue.map((a) => ({ ref: a.ref, milestoneOf: a.milestoneOf, row: a.row, cell: cellAddress(a.row, statusCol), action: a.action, lead: a.lead, due: isoDue(a.due), daysOverdue: a.daysOverdue, dueDate: jsonDate(a.due) })),
    dueSoon: s.dueSoon.map((a) => ({ ref: a.ref, milestoneOf: a.milestoneOf, row: a.row, cell: cellAddress(a.row, statusCol), action: a.action, lead: a.lead, due: isoDue(a.due), daysToDue: a.daysToDue ?? 0, dueDate: jsonDate(a.due) })),
    slipped: s.slipped.map(listedJson),
    notStarted: s.notStarted.map(listedJson),
    findings: checked.findings.map((f) => ({ rule: f.rule, severity: f.severity, sheet: f.sheet, cell: f.cell, row: f.row, ref: f.ref, message: f.message, messageId: f.messageId, data: { ...f.data } })),
    changes: comparison.changes.map((c) => ({ ref: c.ref, action: c.action, from: c.from, to: c.to })),
    added: comparison.added.map((a) => ({ ref: a.ref, action: a.action })),
    removed: comparison.removed.map((a) => ({ ref: a.ref, action: a.action })),
    reprofiled: comparison.reprofiled.map((r) => ({ ref: r.ref, action: r.action, dates: r.dates, times: r.times })),
    themes: run.themes.map((t) => ({ theme: t.theme, rag: t.rag, counts: t.counts })),
    milestoneRollup: s.milestoneRollup.map((m) => ({ ref: m.ref, row: m.row, own: m.own, derived: m.derived, milestones: m.milestones, overdue: m.overdue })),
  };
}
