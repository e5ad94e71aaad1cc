import type { Assessment } from '../due-dates/assess';
import { perAction, type RuleContext } from './rule';

function waitsOnOpen(a: Assessment, ctx: RuleContext): boolean {
  const open = new Set(ctx.assessments.filter((x) => !x.complete && x.action.ref !== null).map((x) => (x.action.ref ?? '').trim().toLowerCase()));
  return a.action.dependsOn.refs.some((r) => open.has(r));
}

export default perAction(
  {
    id: 'placeholder-date',
    description: 'An unfinished action is dated “TBC”, “Ongoing” or similar, so it can never show as overdue.',
    defaultSeverity: 'warning',
    field: 'target',
    messages: {
      placeholder: '{action} has “{text}” as its {which} date in {cell}: it can never show as overdue until a date is agreed.',
    },
  },
  (a, ctx) => {
    if (a.complete) return null;
    // "TBC – dependent on 2.1" is the honest date while 2.1 is open: not a warning until it is done.
    if (a.action.dependsOn.refs.length > 0 && waitsOnOpen(a, ctx)) return null;
    const { target, revised } = a.action;
    // The revised date is the one in force; a TBC there matters even when the target was a date.
    if (revised.kind === 'placeholder') return { messageId: 'placeholder', field: 'revised', data: { text: revised.text, which: 'revised' } };
    if (revised.kind !== 'date' && target.kind === 'placeholder') return { messageId: 'placeholder', data: { text: target.text, which: 'target' } };
    return null;
  },
);
