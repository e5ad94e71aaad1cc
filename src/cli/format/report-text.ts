import type { CheckedPlan } from '../../../shared/check-plan';
import type { CrossTab } from '../../../shared/summary/summary';
import { renderTable } from './text-table';
import { actionLists, type ActionList } from '../../../shared/summary/action-lists';
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

/** One of the summary's action lists, as the summary sheet has it (shared/summary/action-lists.ts). */
function listText(t: ActionList): string {
  if (t.rows.length === 0) return `${t.title}: none.\n`;
  return `${t.title} (${t.rows.length})\n${renderTable(t.headings, t.rows, { maxWidths: wide })}\n`;
}

export function overdueText(c: CheckedPlan, dueSoonDays: number): string {
  return listText(actionLists(c.summary, dueSoonDays).find((t) => t.id === 'overdue') as ActionList);
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

export function summaryText(c: CheckedPlan, dueSoonDays: number): string {
  const s = c.summary;
  const parts = [statusTableText(c), crossTabText('Actions by theme and status', s.byTheme)];
  for (const t of actionLists(s, dueSoonDays)) parts.push(listText(t));
  parts.push(crossTabText('Actions by lead officer and status', s.byLead));
  if (s.bySource) parts.push(crossTabText('Actions by source and status', s.bySource));
  if (s.bySeniorLead) parts.push(crossTabText('Actions by senior management lead and status', s.bySeniorLead));
  return parts.join('\n');
}
