import type { Assessment } from '../due-dates/assess';
import type { Rule } from './rule';

/**
 * The actions that share a ref, grouped in order of each ref's first use, each group in sheet order.
 * An open-addressing table of indices keyed by a hash of the ref: a Map holding every (mostly
 * unique) ref cost this rule several times the rest of its work on large plans, reallocating its
 * tables as it grew.
 */
function sharedRefs(assessments: readonly Assessment[]): Assessment[][] {
  const n = assessments.length;
  let size = 16;
  while (size < n * 2) size *= 2;
  const mask = size - 1;
  const slots = new Int32Array(size); // 1 + index of the first action with a ref; 0 is empty
  const next = new Int32Array(n); // 1 + index of the next action with the same ref; 0 ends the chain
  const last = new Int32Array(n); // for a first action: 1 + index of its group's latest
  const refOf = (i: number): string | null => assessments[i]?.action.ref ?? null;
  let shared = false;
  for (let i = 0; i < n; i++) {
    const ref = refOf(i);
    if (ref === null) continue;
    let h = 0x811c9dc5;
    for (let k = 0; k < ref.length; k++) h = Math.imul(h ^ ref.charCodeAt(k), 0x01000193);
    let slot = h & mask;
    let first = (slots[slot] ?? 0) - 1;
    while (first >= 0 && refOf(first) !== ref) {
      slot = (slot + 1) & mask;
      first = (slots[slot] ?? 0) - 1;
    }
    if (first < 0) {
      slots[slot] = i + 1;
      last[i] = i + 1;
    } else {
      next[(last[first] ?? 0) - 1] = i + 1;
      last[first] = i + 1;
      shared = true;
    }
  }
  const groups: Assessment[][] = [];
  if (!shared) return groups;
  for (let i = 0; i < n; i++) {
    if (last[i] === 0 || last[i] === i + 1) continue; // not a first action, or alone with its ref
    const list: Assessment[] = [];
    for (let j = i + 1; j !== 0; j = next[j - 1] ?? 0) {
      const a = assessments[j - 1];
      if (a) list.push(a);
    }
    groups.push(list);
  }
  return groups;
}

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
    for (const list of sharedRefs(ctx.assessments)) {
      const ref = list[0]?.action.ref ?? '';
      const rows = list.map((a) => a.action.row).join(', ');
      for (const a of list) ctx.report({ assessment: a, messageId: 'duplicate', data: { ref, count: list.length, rows } });
    }
  },
};
export default rule;
