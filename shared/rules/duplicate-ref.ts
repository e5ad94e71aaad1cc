import type { Assessment } from '../assess/assess';
import type { Rule } from './rule';

/** Real plans do have two actions 2.4: both still count, but the officer should know. */
const rule: Rule = {
  meta: {
    id: 'duplicate-ref',
    description: 'Two or more actions share one ref.',
    defaultSeverity: 'warning',
    field: 'ref',
    messages: {
      duplicate: 'Ref {ref} is used by {count} actions (rows {rows}). All of them are counted; giving each its own ref lets them be told apart from quarter to quarter.',
    },
  },
  check(ctx) {
    const byRef = new Map<string, Assessment[]>();
    for (const a of ctx.assessments) {
      const ref = a.action.ref;
      if (ref === null) continue;
      const list = byRef.get(ref);
      if (list) list.push(a);
      else byRef.set(ref, [a]);
    }
    for (const [ref, list] of byRef) {
      if (list.length < 2) continue;
      const rows = list.map((a) => a.action.row).join(', ');
      for (const a of list) ctx.report({ assessment: a, messageId: 'duplicate', data: { ref, count: list.length, rows } });
    }
  },
};
export default rule;
