/**
 * Every sentence adding new actions becomes, in one place: the CLI and the panel say the same thing.
 */
import { plural } from '../text/plural';
import type { AddProblem, AddResult } from './plan-additions';

function quoted(text: string, max = 60): string {
  const t = text.replace(/\s+/g, ' ').trim();
  return `“${t.length > max ? `${t.slice(0, max - 1)}…` : t}”`;
}

const csvReasons = {
  'unclosed-quote': 'a field opened with a double quote (") is never closed',
  'text-after-quote': 'a field in double quotes has more text after its closing quote',
} as const;

export function describeAddProblem(p: AddProblem): string {
  switch (p.code) {
    case 'list-bad-csv':
      return `'${p.file}' cannot be read as CSV: on line ${p.line}, ${csvReasons[p.reason]}. Save the list from Excel as CSV again, or as .xlsx.`;
    case 'list-no-header':
      return `'${p.file}' has no column headings Plan Monitor recognises on sheet '${p.sheet}': it needs an Action (or Recommendation) column, with a Theme or Ref column, or theme headings, to say where each goes.`;
    case 'list-empty':
      return `'${p.file}' has no actions under its column headings.`;
    case 'plan-no-action-column':
      return `The plan '${p.planSheet}' has no Action column to put the new actions in. Name it in Settings (Columns › Action), then try again.`;
    case 'no-action':
      return `'${p.file}', cell ${p.cell}: the action is empty. Fill it in, or delete the row.`;
    case 'no-theme':
      return `'${p.file}', cell ${p.cell}: nothing says which theme this action belongs to. Give its theme (number or name) or a ref such as 3.x.`;
    case 'unknown-theme':
      return `'${p.file}', cell ${p.cell}: ${quoted(p.value)} is not a theme of the plan. Its themes are: ${p.themes.join('; ')}.`;
    case 'ref-outside-theme':
      return `'${p.file}', cell ${p.cell}: the ref ${p.ref} does not belong to ${p.theme}, the theme the row names. Make them agree.`;
    case 'duplicate-ref':
      return `'${p.file}', cell ${p.cell}: the ref ${p.ref} is already ${p.planCell ? `in the plan (${p.planCell})` : `given in cell ${p.listCell ?? ''} of the list`}. Give another, or leave it as ${p.ref.split('.')[0] ?? ''}.x for the next free one.`;
    case 'repeated-in-list':
      return `'${p.file}', cell ${p.cell}: the same action is already listed in cell ${p.firstCell}. Delete one of them.`;
    case 'unreadable-date':
      return `'${p.file}', cell ${p.cell}: ${p.reason}.`;
    case 'unknown-status':
      return `'${p.file}', cell ${p.cell}: ${quoted(p.value)} is not a status of this plan; pick one of ${p.statuses.join(', ')}, or leave it empty.`;
    case 'cannot-number':
      return `'${p.file}', cell ${p.cell}: the theme ${p.theme} has no numbered refs to follow, so Plan Monitor cannot give this action one. Give its ref in the list.`;
  }
}

/** The first line of an add's report. */
export function addHeadline(r: AddResult): string {
  if (r.problems.length > 0) return `Nothing was added to '${r.sheet}': ${plural(r.problems.length, 'problem')} in '${r.list}' (below).`;
  const already = r.already.length > 0 ? `; ${plural(r.already.length, 'action is', 'actions are')} already in the plan` : '';
  if (r.added.length === 0) return `Nothing new to add to '${r.sheet}' from '${r.list}'${already}.`;
  return `Added ${plural(r.added.length, 'new action')} to '${r.sheet}' from '${r.list}'${already}.`;
}

/** The report's lines: the headline, each new action with its ref and row, what was already there, the problems. */
export function addReport(r: AddResult): string[] {
  const lines = [addHeadline(r)];
  if (r.problems.length > 0) return [...lines, ...r.problems.map((p) => `  ${describeAddProblem(p)}`)];
  for (const a of r.added) lines.push(`  ${a.ref ?? '(no ref)'} in row ${a.row}, under ${a.theme}: ${quoted(a.action)} (${a.status})`);
  if (r.already.length > 0) lines.push('', `Already in the plan (${r.already.length}), so not added again:`, ...r.already.map((a) => `  '${r.list}', cell ${a.cell}: ${quoted(a.action)} is ${a.ref ?? 'the action'} in row ${a.planRow}.`));
  if (r.leftOut.length > 0) lines.push('', `The plan has no column for ${r.leftOut.map((x) => `'${x.heading}' (${x.cell})`).join(', ')}, so ${r.leftOut.length === 1 ? 'that column was' : 'those columns were'} not added.`);
  return lines;
}
