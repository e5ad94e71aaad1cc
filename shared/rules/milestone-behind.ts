import type { Assessment } from '../due-dates/assess';
import type { Rag } from '../status/schemes';
import type { Rule } from './rule';

const weight: Record<Rag, number> = { red: 4, amber: 3, green: 2, grey: 1, blue: 0 };

/** An action reported better than its milestones stand: "on track" while a milestone has slipped or is overdue. */
const rule: Rule = {
  meta: {
    id: 'milestone-behind',
    description: 'An unfinished action is reported better than one of its milestones (slipped, or overdue).',
    defaultSeverity: 'warning',
    field: 'status',
    messages: {
      slipped: '{action} is reported {status}, but its milestone {milestone} is {milestoneStatus}: the action stands no better than its milestones.',
      overdue: '{action} is reported {status}, but its milestone {milestone} is overdue (due {due}): the action stands no better than its milestones.',
    },
  },
  check(ctx) {
    const milestones = new Map<string, Assessment[]>();
    for (const a of ctx.assessments) {
      const p = a.action.milestoneOf?.toLowerCase();
      if (p === undefined) continue;
      milestones.set(p, [...(milestones.get(p) ?? []), a]);
    }
    if (milestones.size === 0) return;
    for (const a of ctx.assessments) {
      if (a.action.milestoneOf !== null || a.complete || !a.action.status) continue;
      const own = weight[a.action.status.rag];
      for (const m of milestones.get((a.action.ref ?? '').toLowerCase()) ?? []) {
        if (m.complete) continue;
        const data = { status: a.action.status.label, milestone: m.action.ref ?? `row ${m.action.row}` };
        if (m.overdue && own < weight.amber) ctx.report({ assessment: a, messageId: 'overdue', data: { ...data, due: m.due.kind === 'date' ? m.due.text : '' } });
        else if (m.action.status && weight[m.action.status.rag] > own && m.action.status.slipped) ctx.report({ assessment: a, messageId: 'slipped', data: { ...data, milestoneStatus: m.action.status.label } });
      }
    }
  },
};
export default rule;
