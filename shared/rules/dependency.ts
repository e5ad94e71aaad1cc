/**
 * Dependent actions: an action that waits on others (a Depends-on column, or "TBC – dependent on
 * 2.1" in its date) is flagged when what it waits on has slipped or is overdue; a ref it names that
 * the plan does not have, and a ring of actions each waiting on the next, are findings too.
 */
import type { Assessment } from '../due-dates/assess';
import type { Rule, RuleContext } from './rule';

const refKey = (ref: string | null) => (ref ?? '').trim().toLowerCase();

function byRef(ctx: RuleContext): Map<string, Assessment> {
  const out = new Map<string, Assessment>();
  for (const a of ctx.assessments) {
    const k = refKey(a.action.ref);
    if (k !== '' && !out.has(k)) out.set(k, a);
  }
  return out;
}

const dependent = (ctx: RuleContext) => ctx.assessments.filter((a) => a.action.dependsOn.refs.length > 0);

export const dependencyAtRisk: Rule = {
  meta: {
    id: 'dependency-at-risk',
    description: 'An unfinished action waits on another that has slipped or is overdue.',
    defaultSeverity: 'warning',
    field: 'ref',
    messages: {
      overdue: '{action} waits on {other}, which is overdue (due {due}): its own date is at risk too.',
      slipped: '{action} waits on {other}, which has slipped ({status}): its own date is at risk too.',
    },
  },
  check(ctx) {
    const refs = byRef(ctx);
    for (const a of dependent(ctx)) {
      if (a.complete) continue;
      for (const r of a.action.dependsOn.refs) {
        const other = refs.get(r);
        if (!other || other === a || other.complete) continue;
        const field = a.action.dependsOn.from ?? undefined;
        const name = other.action.ref ?? r;
        if (other.overdue) ctx.report({ assessment: a, messageId: 'overdue', field, data: { other: name, due: other.due.kind === 'date' ? other.due.text : '' } });
        else if (other.slipped) ctx.report({ assessment: a, messageId: 'slipped', field, data: { other: name, status: other.action.status?.label ?? other.action.statusText } });
      }
    }
  },
};

export const unknownDependency: Rule = {
  meta: {
    id: 'unknown-dependency',
    description: 'An action says it waits on a ref the plan does not have.',
    defaultSeverity: 'warning',
    field: 'ref',
    messages: { unknown: '{action} waits on {other}, but the plan has no action {other}. Check the ref in {cell}.' },
  },
  check(ctx) {
    const refs = byRef(ctx);
    for (const a of dependent(ctx)) {
      for (const r of a.action.dependsOn.refs) if (!refs.has(r)) ctx.report({ assessment: a, messageId: 'unknown', field: a.action.dependsOn.from ?? undefined, data: { other: r } });
    }
  },
};

export const dependencyCycle: Rule = {
  meta: {
    id: 'dependency-cycle',
    description: 'Actions wait on each other in a ring, so none of them can start.',
    defaultSeverity: 'error',
    field: 'ref',
    messages: { cycle: '{action} waits on itself through {ring}: none of these can finish first. Break the ring in {cell}.' },
  },
  check(ctx) {
    const refs = byRef(ctx);
    const reported = new Set<Assessment>();
    for (const start of dependent(ctx)) {
      // Depth-first from each dependent action; a path back to it is a ring (each action reported once).
      const path: Assessment[] = [];
      const onPath = new Set<Assessment>();
      const done = new Set<Assessment>();
      const visit = (a: Assessment): Assessment[] | null => {
        if (a === start && path.length > 0) return [...path];
        if (onPath.has(a) || done.has(a)) return null;
        path.push(a);
        onPath.add(a);
        for (const r of a.action.dependsOn.refs) {
          const next = refs.get(r);
          const ring = next ? visit(next) : null;
          if (ring) return ring;
        }
        path.pop();
        onPath.delete(a);
        done.add(a);
        return null;
      };
      const ring = visit(start);
      if (!ring || reported.has(start)) continue;
      for (const a of ring) reported.add(a);
      const names = [...ring, start].map((x) => x.action.ref ?? `row ${x.action.row}`).join(' → ');
      ctx.report({ assessment: start, messageId: 'cycle', field: start.action.dependsOn.from ?? undefined, data: { ring: names } });
    }
  },
};
