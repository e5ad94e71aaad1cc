/**
 * Every sentence a merge's result becomes, in one place: the CLI and the panel say the same thing.
 */
import { plural } from '../text/plural';
import type { MergeConflict, MergedChange, MergeProblem, MergeResult } from './merge-replies';

/** A value quoted for a message: long commentary cut, empty said so. */
function quoted(text: string, max = 60): string {
  const t = text.replace(/\s+/g, ' ').trim();
  if (t === '') return '(empty)';
  return `“${t.length > max ? `${t.slice(0, max - 1)}…` : t}”`;
}

const actionName = (ref: string | null) => (ref === null || ref === '' ? 'the action' : `action ${ref}`);
const capital = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

export function describeMergeProblem(p: MergeProblem): string {
  switch (p.code) {
    case 'not-a-request':
      return `'${p.file}' is not a reply to a Plan Monitor update request (it has no request sheet), so nothing was merged from any reply. Check these are the files the officers sent back.`;
    case 'other-sheet':
      return `'${p.file}' answers a request for the sheet '${p.sheet}', not '${p.planSheet}', so nothing in it was merged.`;
    case 'bad-identity':
      return `'${p.file}', cell ${p.cell}: the row's hidden identity has been changed, so Plan Monitor cannot tell which action it is. The row was not merged.`;
    case 'unknown-action':
      return `'${p.file}', cell ${p.cell}: ${actionName(p.ref)} ${quoted(p.action ?? '', 50)} is not in '${p.planSheet}' (removed or renumbered since the request was made?). The row was not merged.`;
    case 'unknown-status':
      return `'${p.file}', cell ${p.cell}: ${p.value === '' ? 'the status is empty' : `${quoted(p.value)} is not a status of this plan`}; pick one of ${p.statuses.join(', ')}. ${capital(actionName(p.ref))} was not merged.`;
    case 'unreadable-date':
      return `'${p.file}', cell ${p.cell}: ${p.reason}. ${capital(actionName(p.ref))} was not merged.`;
    case 'no-plan-column':
      return `'${p.file}', cell ${p.cell}: the plan has no ${p.field} column to put it in. ${capital(actionName(p.ref))} was not merged.`;
    case 'formula-cell':
      return `'${p.file}', cell ${p.cell}: the plan's ${p.field} for ${actionName(p.ref)} (${p.planCell}) is a formula, which Plan Monitor does not overwrite. ${capital(actionName(p.ref))} was not merged.`;
  }
}

export function describeConflict(c: MergeConflict): string {
  return `'${c.file}', cell ${c.cell}: the ${c.field} of ${actionName(c.ref)} was ${quoted(c.asSent)} when the request was made and is now ${quoted(c.plan)} in the plan (${c.planCell}); the reply says ${quoted(c.reply)}. The plan's value was kept.`;
}

export function describeChange(c: MergedChange): string {
  return `${c.planCell}: ${actionName(c.ref)} ${c.field} ${quoted(c.old)} → ${quoted(c.new)} (from '${c.file}', ${c.cell})`;
}

/** The first line of a merge's report. */
export function mergeHeadline(r: MergeResult): string {
  if (r.unreadable.length > 0) return `Nothing was merged: ${plural(r.unreadable.length, 'file is', 'files are')} not a reply to an update request.`;
  const rest = [r.conflicts.length > 0 ? plural(r.conflicts.length, 'conflict') : '', r.refused.length > 0 ? plural(r.refused.length, 'problem') : ''].filter((s) => s !== '');
  const replies = plural(r.replies, 'reply', 'replies');
  const head = r.changes.length > 0 ? `Merged ${plural(r.changes.length, 'change')} from ${replies} into '${r.sheet}'` : `No changes to merge from ${replies} into '${r.sheet}'`;
  return `${head}${rest.length > 0 ? `; ${rest.join(' and ')} (below)` : ''}.`;
}

/** The report's lines: the headline, each change, then the conflicts and what was not merged. */
export function mergeReport(r: MergeResult): string[] {
  const lines = [mergeHeadline(r)];
  if (r.unreadable.length > 0) return [...lines, ...r.unreadable.map(describeMergeProblem)];
  for (const c of r.changes) lines.push(`  ${describeChange(c)}`);
  if (r.conflicts.length > 0) lines.push('', `Conflicts (${r.conflicts.length}): changed in the plan since the request was made, so left as they are:`, ...r.conflicts.map((c) => `  ${describeConflict(c)}`));
  if (r.refused.length > 0) lines.push('', `Not merged (${r.refused.length}):`, ...r.refused.map((p) => `  ${describeMergeProblem(p)}`));
  return lines;
}
