import type { CheckedPlan } from '../check-plan';
import { isoFromDay } from '../dates/day';
import type { ParsedDate } from '../dates/parse-date';
import { cellAddress } from '../grid/a1';
import type { ListedAction } from '../summary/summary';

/** The stable JSON contract of `plan-monitor check|summary --json` (documented in README). */
export interface JsonReport {
  sheet: string;
  asOf: string;
  actions: number;
  errors: number;
  warnings: number;
  statusCounts: { status: string; rag: string | null; count: number }[];
  overdue: { ref: string | null; row: number; cell: string; action: string | null; lead: string | null; due: string | null; daysOverdue: number }[];
  dueSoon: { ref: string | null; row: number; cell: string; action: string | null; lead: string | null; due: string | null; daysToDue: number }[];
  slipped: JsonListedAction[];
  notStarted: JsonListedAction[];
  findings: { rule: string; severity: string; sheet: string; cell: string; row: number; ref: string | null; message: string }[];
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
}

/** YYYY-MM-DD of the deadline a date stands for (month-precision dates fall due at month end). */
function isoDue(d: ParsedDate): string | null {
  return d.kind === 'date' ? isoFromDay(d.due) : null;
}

function listedJson(a: ListedAction): JsonListedAction {
  return { ref: a.ref, row: a.row, action: a.action, lead: a.lead, originalDue: isoDue(a.original), revisedDue: isoDue(a.revised), status: a.status, commentary: a.commentary };
}

export function jsonReport(checked: CheckedPlan): JsonReport {
  const s = checked.summary;
  const statusCol = checked.header.columns.status?.col ?? 1;
  return {
    sheet: checked.sheet,
    asOf: isoFromDay(checked.asOf),
    actions: s.actions,
    errors: checked.errors,
    warnings: checked.warnings,
    statusCounts: s.statusCounts.map((c) => ({ status: c.status, rag: c.rag, count: c.count })),
    overdue: s.overdue.map((a) => ({ ref: a.ref, row: a.row, cell: cellAddress(a.row, statusCol), action: a.action, lead: a.lead, due: isoDue(a.due), daysOverdue: a.daysOverdue })),
    dueSoon: s.dueSoon.map((a) => ({ ref: a.ref, row: a.row, cell: cellAddress(a.row, statusCol), action: a.action, lead: a.lead, due: isoDue(a.due), daysToDue: a.daysToDue ?? 0 })),
    slipped: s.slipped.map(listedJson),
    notStarted: s.notStarted.map(listedJson),
    findings: checked.findings.map((f) => ({ rule: f.rule, severity: f.severity, sheet: f.sheet, cell: f.cell, row: f.row, ref: f.ref, message: f.message })),
  };
}
