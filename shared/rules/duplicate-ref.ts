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
    // One entry per ref, holding the lone action until a second one shares it: most refs are
    // unique, and an array per ref was most of this rule's time on large plans.
    const byRef = new Map<string, Assessment | Assessment[]>();
    for (const a of ctx.assessments) {
      const ref = a.action.ref;
      if (ref === null) continue;
      const seen = byRef.get(ref);
      if (seen === undefined) byRef.set(ref, a);
      else if (Array.isArray(seen)) seen.push(a);
      else byRef.set(ref, [seen, a]);
    }
    for (const [ref, list] of byRef) {
      if (!Array.isArray(list)) continue;
      const rows = list.map((a) => a.action.row).join(', ');
      for (const a of list) ctx.report({ assessment: a, messageId: 'duplicate', data: { ref, count: list.length, rows } });
    }
  },
};
export default rule;
