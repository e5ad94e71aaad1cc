/**
 * The audit trail: a sheet of the tool's own (found by its marker) with one row per change the tool
 * made or saw — when, period, action, field, old → new, and the source (a merged reply, apply,
 * record period, an edit seen between periods). Append-only in normal use: rows are only added.
 */
import { cellText, type CellValue, type GridSnapshot } from '../grid/grid';
import { matchActions } from '../history/identity';
import type { HistoryRecord, Period } from '../history/history-sheet';

export const auditSheetName = 'Plan Monitor Audit';
export const auditMarker = 'plan-monitor:audit:v1';
export const auditColumns = ['When', 'Period', 'Ref', 'Action', 'Field', 'Old', 'New', 'Source'] as const;

/** The fields an entry is about: the ones a lead officer updates, the ones the tool watches, and a row carried into a new plan. */
export type AuditField = 'status' | 'revised date' | 'target date' | 'commentary' | 'lead officer' | 'action' | 'added' | 'removed' | 'carried forward';

export interface AuditEntry {
  /** The host's clock, ISO date-time. */
  when: string;
  /** The period it belongs to (recorded or being recorded), or '' when none. */
  period: string;
  ref: string | null;
  action: string | null;
  field: AuditField;
  old: string;
  new: string;
  /** "record period", "apply", "merge of reply 'jo-bloggs.xlsx'", "seen between periods". */
  source: string;
}

export function auditRows(entries: readonly AuditEntry[]): CellValue[][] {
  return [
    [auditMarker, 'Kept by Plan Monitor: one row per change it made or saw. Rows are only ever added.'],
    [...auditColumns],
    ...entries.map((e) => [e.when, e.period, e.ref ?? '', e.action ?? '', e.field, e.old, e.new, e.source]),
  ];
}

/** Reads the audit sheet back; a row whose field was typed in by hand is kept as it is, under its own word. */
export function readAuditSheet(grid: GridSnapshot | null): AuditEntry[] {
  if (!grid) return [];
  const out: AuditEntry[] = [];
  for (const cells of grid.values) {
    const t = (c: number) => cellText(cells[c] ?? null);
    if (t(0) === '' || t(0) === auditMarker || t(0) === auditColumns[0]) continue;
    const field = t(4);
    out.push({ when: t(0), period: t(1), ref: t(2) === '' ? null : t(2), action: t(3) === '' ? null : t(3), field: field as AuditField, old: t(5), new: t(6), source: t(7) });
  }
  return out;
}

/** The earlier entries with the new ones after them: nothing already there is changed or dropped. */
export function appendAudit(existing: readonly AuditEntry[], added: readonly AuditEntry[]): AuditEntry[] {
  return [...existing, ...added];
}

const watched: { field: AuditField; of: (r: HistoryRecord) => string | null }[] = [
  { field: 'status', of: (r) => r.status },
  { field: 'target date', of: (r) => r.target },
  { field: 'revised date', of: (r) => r.revised },
  { field: 'lead officer', of: (r) => r.lead },
  { field: 'commentary', of: (r) => r.commentary },
];

/**
 * What changed between two recorded states of the plan (the last period and the one being recorded):
 * one entry per field changed, and one per action added or removed. Fields an older period did not
 * keep (null) are not compared.
 */
export function editsBetween(before: Period, after: readonly HistoryRecord[], context: { when: string; period: string; source: string }): AuditEntry[] {
  const out: AuditEntry[] = [];
  const match = matchActions(before.records, after);
  const seen = new Set<number>();
  const entry = (r: { ref: string | null; action: string | null }, field: AuditField, old: string, now: string): AuditEntry => ({ ...context, ref: r.ref, action: r.action, field, old, new: now });
  after.forEach((now, i) => {
    const j = match[i] ?? -1;
    const was = before.records[j];
    if (!was) {
      out.push(entry(now, 'added', '', now.status));
      return;
    }
    seen.add(j);
    for (const w of watched) {
      const a = w.of(was);
      const b = w.of(now);
      if (a === null || b === null) continue;
      if (a.replace(/\s+/g, ' ').trim() !== b.replace(/\s+/g, ' ').trim()) out.push(entry(now, w.field, a, b));
    }
  });
  before.records.forEach((was, j) => {
    if (!seen.has(j)) out.push(entry(was, 'removed', was.status, ''));
  });
  return out;
}
