/**
 * Which action of an earlier period is which action now. Rows move, are inserted and deleted
 * between quarters, so identity is the ref, told apart by the action's wording where refs repeat
 * (a real plan has two actions 2.4).
 */

export interface Identified {
  ref: string | null;
  action: string | null;
}

function words(text: string | null): Set<string> {
  return new Set((text ?? '').toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? []);
}

/** Share of words in common (Jaccard): 1 for the same wording, 0 for nothing shared. */
function similarity(a: string | null, b: string | null): number {
  const x = words(a);
  const y = words(b);
  if (x.size === 0 && y.size === 0) return 1;
  let common = 0;
  for (const w of x) if (y.has(w)) common++;
  return common / (x.size + y.size - common);
}

const key = (ref: string | null) => (ref ?? '').trim().toLowerCase();

/**
 * For each current action, the index of its earlier self in `previous`, or -1 when it is new.
 * Same ref first (best wording match when the ref repeats); actions without a ref by wording alone.
 */
export function matchActions(previous: readonly Identified[], current: readonly Identified[]): number[] {
  const taken = new Set<number>();
  const out = current.map(() => -1);
  const byRef = new Map<string, number[]>();
  previous.forEach((p, i) => {
    const k = key(p.ref);
    if (k === '') return;
    const list = byRef.get(k);
    if (list) list.push(i);
    else byRef.set(k, [i]);
  });
  // Pairs by descending similarity, so two 2.4s each find their own earlier self.
  const pairs: { c: number; p: number; score: number }[] = [];
  current.forEach((c, ci) => {
    const candidates = key(c.ref) === '' ? previous.map((_, i) => i).filter((i) => key(previous[i]?.ref ?? null) === '') : (byRef.get(key(c.ref)) ?? []);
    for (const pi of candidates) {
      const score = similarity(c.action, previous[pi]?.action ?? null);
      // Without a ref, only near-identical wording is the same action.
      if (key(c.ref) === '' && score < 0.8) continue;
      pairs.push({ c: ci, p: pi, score });
    }
  });
  pairs.sort((a, b) => b.score - a.score || a.c - b.c || a.p - b.p);
  for (const { c, p } of pairs) {
    if (out[c] !== -1 || taken.has(p)) continue;
    out[c] = p;
    taken.add(p);
  }
  return out;
}
