import type { Assessment } from '../due-dates/assess';
import type { Rag } from '../status/schemes';
import { unrecognisedStatus } from './summary';

export type ThemeRagMode = 'worst' | 'majority';

export interface ThemeRollup {
  theme: string;
  rag: Rag;
  /** Actions by status label. */
  counts: Record<string, number>;
  /** The theme's narrative from its heading row, when it has one. */
  narrative?: string;
}

/** Worst first: a theme is as red as its reddest open action. */
const severity: Rag[] = ['red', 'amber', 'green', 'grey', 'blue'];

/**
 * One RAG per theme, as a committee report's theme lines say "All workstreams on track" or "some
 * slippage": by default the worst open (unfinished) status; a setting can choose the majority status.
 * A theme whose actions are all complete is blue. `derived` gives, by sheet row, the RAG an action's
 * milestones roll it up to, which counts in place of its reported one.
 */
export function themeRollup(assessments: readonly Assessment[], mode: ThemeRagMode, statusOrder: readonly string[], derived: ReadonlyMap<number, Rag> = new Map()): ThemeRollup[] {
  const themes = new Map<string, { label: string; order: number; items: Assessment[]; narrative?: string }>();
  for (const a of assessments) {
    const t = a.action.theme;
    const key = t?.key ?? '\u0000none';
    let g = themes.get(key);
    if (!g) {
      g = { label: t?.label ?? 'No theme', order: t?.number ?? 100_000, items: [] };
      themes.set(key, g);
    }
    if (g.narrative === undefined && t?.narrative !== undefined) g.narrative = t.narrative;
    g.items.push(a);
  }
  return [...themes.values()]
    .sort((a, b) => a.order - b.order)
    .map((g) => {
      // Counts in the scheme's order, then anything unrecognised.
      const counts: Record<string, number> = {};
      for (const label of statusOrder) if (g.items.some((a) => a.action.status?.label === label)) counts[label] = 0;
      for (const a of g.items) {
        const label = a.action.status?.label ?? unrecognisedStatus;
        counts[label] = (counts[label] ?? 0) + 1;
      }
      // An action with milestones stands at the RAG they roll it up to (an overdue milestone makes it amber at least).
      const rated = g.items.flatMap((a) => (a.action.status === null ? [] : [{ complete: a.action.status.complete, rag: derived.get(a.action.row) ?? a.action.status.rag }]));
      const open = rated.filter((s) => !s.complete);
      let rag: Rag = 'blue';
      if (open.length > 0) {
        if (mode === 'worst') rag = severity.find((r) => open.some((s) => s.rag === r)) ?? 'green';
        else {
          const tally = new Map<Rag, number>();
          for (const s of rated) tally.set(s.rag, (tally.get(s.rag) ?? 0) + 1);
          const most = Math.max(...tally.values());
          rag = severity.find((r) => tally.get(r) === most) ?? 'green';
        }
      }
      return g.narrative === undefined ? { theme: g.label, rag, counts } : { theme: g.label, rag, counts, narrative: g.narrative };
    });
}
