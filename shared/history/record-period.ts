import { appendAudit, auditRows, auditSheetName, editsBetween, type AuditEntry } from '../audit/audit-trail';
import type { CellValue } from '../grid/grid';
import type { PreparedRun } from '../run/prepare-run';
import { historyRows, historySheetName, periodRecords, withPeriod } from './history-sheet';

export interface RecordedPeriod {
  sheet: string;
  rows: CellValue[][];
  /** The audit sheet with what changed since the last period appended (null when nothing did). */
  audit: { sheet: string; rows: CellValue[][]; added: number } | null;
  /** True when a period of that label existed and was replaced. */
  replaced: boolean;
  actions: number;
}

/**
 * The history sheet's new contents with the current plan recorded as `label` (replacing a period of
 * the same label). `recordedAt` is the host's clock, passed in.
 */
export function recordPeriod(run: PreparedRun, label: string, recordedAt: string): RecordedPeriod | { problem: 'empty' | 'too-long' } {
  const name = label.replace(/\s+/g, ' ').trim();
  // Coded, not worded: shared/app/messages.ts says it.
  if (name === '') return { problem: 'empty' };
  if (name.length > 40) return { problem: 'too-long' };
  const replaced = run.history.some((p) => p.label.toLowerCase() === name.toLowerCase());
  const records = periodRecords(run.checked, name, recordedAt);
  const periods = withPeriod(run.history, { label: name, asOf: run.checked.asOf, recordedAt, records });
  // What the officers changed since the period before this one, seen now, into the audit trail.
  const before = run.history.filter((p) => p.asOf < run.checked.asOf && p.label.toLowerCase() !== name.toLowerCase()).at(-1);
  // Recording the same period again adds only what is new since it was last recorded.
  const key = (e: AuditEntry) => [e.period.toLowerCase(), e.ref, e.action, e.field, e.old, e.new, e.source].join('\u0000');
  const known = new Set(run.audit.map(key));
  const seen = (before ? editsBetween(before, records, { when: recordedAt, period: name, source: `seen between ${before.label} and ${name}` }) : []).filter((e) => !known.has(key(e)));
  const audit = seen.length > 0 ? { sheet: auditSheetName, rows: auditRows(appendAudit(run.audit, seen)), added: seen.length } : null;
  return { sheet: historySheetName, rows: historyRows(periods), audit, replaced, actions: records.length };
}
