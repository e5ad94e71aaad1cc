import type { Assessment } from '../due-dates/assess';
import { rangeAddress } from '../grid/a1';
import type { Swatch } from './palette';
import type { Rag } from '../status/schemes';

/** One colour and every range that takes it: hosts set it in one command per group. */
export interface FillGroup {
  rag: Rag;
  fill: string;
  text: string;
  /** A1 ranges on the plan's sheet, contiguous runs merged ("H5:H9"). */
  ranges: string[];
  /** Number of cells the ranges cover. */
  cells: number;
}

/**
 * Colours each action's status cell by the status the officer reported (their judgement). Heading,
 * blank and footer rows are never touched, and unrecognised statuses keep whatever fill they had.
 */
export function statusFills(assessments: readonly Assessment[], statusCol: number, palette: Record<Rag, Swatch>): FillGroup[] {
  const order: Rag[] = ['red', 'amber', 'green', 'blue', 'grey'];
  const groups = new Map<Rag, FillGroup>();
  const runStart = new Map<Rag, number>();
  const runEnd = new Map<Rag, number>();
  const close = (rag: Rag) => {
    const s = runStart.get(rag);
    const e = runEnd.get(rag);
    if (s === undefined || e === undefined) return;
    let g = groups.get(rag);
    if (!g) {
      g = { rag, fill: palette[rag].fill, text: palette[rag].text, ranges: [], cells: 0 };
      groups.set(rag, g);
    }
    g.ranges.push(rangeAddress(s, statusCol, e, statusCol));
    g.cells += e - s + 1;
    runStart.delete(rag);
    runEnd.delete(rag);
  };
  for (const a of assessments) {
    const rag = a.action.status?.rag;
    if (!rag) continue;
    const row = a.action.row;
    if (runEnd.get(rag) === row - 1) runEnd.set(rag, row);
    else {
      close(rag);
      runStart.set(rag, row);
      runEnd.set(rag, row);
    }
  }
  for (const rag of order) close(rag);
  return order.flatMap((rag) => {
    const g = groups.get(rag);
    return g ? [g] : [];
  });
}
