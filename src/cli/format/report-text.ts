import type { CheckedPlan } from '../../../shared/check-plan';
import { formatParsedDate } from '../../../shared/dates/format-date';
import type { CrossTab } from '../../../shared/summary/summary';
import { renderTable } from './text-table';
import { headline as sharedHeadline } from '../../../shared/app/messages';

const wide = [8, 48, 28, 14, 14, 16, 40];

/** The panel's and the Sheets menu's headline, as a sentence of what was done. */
export function headline(c: CheckedPlan): string {
  return `Checked ${sharedHeadline(c)}`;
}

export function findingsText(c: CheckedPlan): string {
  const out: string[] = [];
  for (const severity of ['error', 'warning'] as const) {
    const list = c.findings.filter((f) => f.severity === severity);
    if (list.length === 0) continue;
    out.push(`${severity === 'error' ? 'Errors' : 'Warnings'} (${list.length})`);
    for (const f of list) out.push(`  ${f.cell.padEnd(6)} ${f.message}  [${f.rule}]`);
    out.push('');
  }
  return out.join('\n');
}

export function overdueText(c: CheckedPlan): string {
  const list = c.summary.overdue;
  if (list.length === 0) return `Overdue actions: none.\n`;
  return `Overdue actions (${list.length})\n${renderTable(
    ['Ref', 'Action', 'Lead officer', 'Due', 'Days overdue', 'Status'],
    list.map((a) => [a.ref, a.action, a.lead, formatParsedDate(a.due), a.daysOverdue, a.status]),
    { maxWidths: wide },
  )}\n`;
}

function crossTabText(title: string, t: CrossTab): string {
  return `${title}\n${renderTable(
    [t.dimension, ...t.statuses, 'Total'],
    [...t.rows.map((r) => [r.label, ...r.counts, r.total]), ['Grand Total', ...t.totals, t.total]],
    { maxWidths: [40] },
  )}\n`;
}

export function statusTableText(c: CheckedPlan): string {
  const s = c.summary;
  return `Actions by status\n${renderTable(['Status', 'Actions'], [...s.statusCounts.map((x) => [x.status, x.count]), ['Grand Total', s.total]])}\n`;
}

export function summaryText(c: CheckedPlan): string {
  const s = c.summary;
  const parts = [statusTableText(c), crossTabText('Actions by theme and status', s.byTheme)];
  parts.push(
    s.slipped.length === 0
      ? 'Slipped actions: none.\n'
      : `Slipped actions (${s.slipped.length})\n${renderTable(
          ['Ref', 'Action', 'Lead officer', 'Original date', 'Revised date', 'Status', 'Commentary'],
          s.slipped.map((a) => [a.ref, a.action, a.lead, formatParsedDate(a.original), formatParsedDate(a.revised), a.status, a.commentary]),
          { maxWidths: wide },
        )}\n`,
  );
  parts.push(overdueText(c));
  parts.push(
    s.dueSoon.length === 0
      ? 'Due soon: none.\n'
      : `Due soon (${s.dueSoon.length})\n${renderTable(
          ['Ref', 'Action', 'Lead officer', 'Due', 'Days to go', 'Status'],
          s.dueSoon.map((a) => [a.ref, a.action, a.lead, formatParsedDate(a.due), a.daysToDue, a.status]),
          { maxWidths: wide },
        )}\n`,
  );
  parts.push(
    s.notStarted.length === 0
      ? 'Not started: none.\n'
      : `Not started (${s.notStarted.length})\n${renderTable(
          ['Ref', 'Action', 'Lead officer', 'Due', 'Commentary'],
          s.notStarted.map((a) => [a.ref, a.action, a.lead, formatParsedDate(a.due), a.commentary]),
          { maxWidths: [8, 48, 28, 14, 40] },
        )}\n`,
  );
  parts.push(crossTabText('Actions by lead officer and status', s.byLead));
  if (s.bySource) parts.push(crossTabText('Actions by source and status', s.bySource));
  return parts.join('\n');
}
