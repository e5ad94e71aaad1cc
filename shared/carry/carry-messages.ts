/** What a carry forward did, in the words the CLI (and any other host) shows. */
import { fieldLabels } from '../settings/fields';
import { plural } from '../text/plural';
import type { CarryNote, CarryResult } from './carry-forward';

const name = (ref: string | null) => (ref !== null ? `Action ${ref}` : 'An action with no ref');
/** "Action 4.2 (4.4 in the old plan)" when renumbering changed its ref. */
const renamed = (ref: string | null, old: string | null) => `${name(ref)}${old !== null && old !== ref ? ` (${old} in the old plan)` : ''}`;

export function describeCarryNote(n: CarryNote): string {
  switch (n.code) {
    case 'dependency-closed':
      return n.field === 'dependsOn'
        ? `${renamed(n.ref, n.oldRef)} waited on ${n.on} of the old plan, which is complete and closed with it: ${n.on} is taken out of ${n.cell}, which ${n.now === '' ? 'is now empty' : `now reads “${n.now}”`}.`
        : `${renamed(n.ref, n.oldRef)} waited on ${n.on} of the old plan, which is complete and closed with it: its ${fieldLabels[n.field].toLowerCase()} in ${n.cell} now reads “${n.now}”. Agree a date for it.`;
    case 'open-milestone-closed':
      return `Milestone ${n.ref ?? `in row ${n.row}`} is not complete, but its action ${n.parent ?? ''} is: it closed with its action and was not carried.`;
    case 'no-ref-column':
      return 'The plan has no Ref column, so there were no refs to renumber: the actions are carried as they were.';
    case 'status-from-colour':
      return `${renamed(n.ref, n.oldRef)} had its status only as the colour of its status cell: the new plan says “${n.status}” in ${n.cell}.`;
  }
}

/** The lines the CLI prints after a carry, before "Saved …". */
export function carriedMessage(r: CarryResult, target: string): string[] {
  const lines = [
    `Carried ${plural(r.actions.carried, 'open action')} of ${r.actions.total} into ${target}; ${plural(r.actions.closed, 'complete action')} closed with the old plan.`,
  ];
  if (r.milestones.total > 0) lines.push(`${plural(r.milestones.carried, 'milestone')} went with ${r.milestones.carried === 1 ? 'its action' : 'their actions'}; ${plural(r.milestones.closed, 'milestone')} closed with ${r.milestones.closed === 1 ? 'its' : 'their'} complete action${r.milestones.closed === 1 ? '' : 's'}.`);
  if (r.renumbered) {
    const moved = r.refs.filter((x) => x.old !== x.new).length;
    lines.push(`Renumbered: themes numbered 1 to ${r.themes.length}; ${moved} of ${plural(r.refs.length, 'ref')} changed (--json lists each old → new).`);
  } else lines.push('Refs kept as they were.');
  const h = r.history;
  lines.push(
    h.periods > 0
      ? `Carried the history of the open actions (${plural(h.records, 'row')} over ${plural(h.periods, 'period')}) and ${plural(r.audit.carried, 'audit row')}; added ${plural(r.audit.added, 'row')} to the audit trail saying where each came from.`
      : `No recorded history to carry; carried ${plural(r.audit.carried, 'audit row')} and added ${plural(r.audit.added, 'row')} to the audit trail saying where each came from.`,
  );
  for (const n of r.notes) lines.push(`  ${describeCarryNote(n)}`);
  return lines;
}
