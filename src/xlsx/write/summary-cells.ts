import type { CellStyle, NumberFormat, SummarySheetPlan } from '../../../shared/summary/summary-sheet';
import { parseRangeAddress } from '../../../shared/grid/a1';
import type { StyleBook, StyleChange } from './style-book';
import type { NewCell } from './worksheet-xml';

/** Excel's built-in ids for the formats the engine asks for: '@' Text, '0' whole numbers. */
const numFmtIds: Record<NumberFormat, number | undefined> = { '@': 49, '0': 1, General: undefined };


function eachCell(range: string, fn: (row: number, col: number) => void): void {
  const r = parseRangeAddress(range);
  if (!r) return;
  for (let row = r.top; row <= r.bottom; row++) for (let col = r.left; col <= r.right; col++) fn(row, col);
}

/** The summary sheet's cells with their formats, row by row: row styles, number formats and the status labels' RAG fills. */
export function* summaryCells(plan: SummarySheetPlan, styles: StyleBook): Generator<NewCell[]> {
  const styleAt: (CellStyle | undefined)[][] = [];
  for (const [style, ranges] of Object.entries(plan.styles) as [CellStyle, string[]][]) {
    for (const range of ranges) eachCell(range, (row, col) => ((styleAt[row - 1] ??= [])[col - 1] = style));
  }
  // Keyed by number, not by a string per cell: the summary of 100,000 actions has half a million cells.
  const cellKey = (row: number, col: number) => row * 16_384 + col;
  const ragAt = new Map<number, number>();
  plan.fills.forEach((g, i) => {
    for (const range of g.ranges) eachCell(range, (row, col) => ragAt.set(cellKey(row, col), i));
  });
  const styleCodes: Record<CellStyle, number> = { title: 1, note: 2, tableTitle: 3, header: 4, body: 5, total: 6 };
  const made = new Map<number, number>();
  const height = Math.max(plan.values.length, styleAt.length);
  for (let r = 0; r < height; r++) {
    const values = plan.values[r] ?? [];
    const rowStyles = styleAt[r] ?? [];
    const width = Math.max(values.length, rowStyles.length);
    const line: NewCell[] = [];
    for (let c = 0; c < width; c++) {
      const value = values[c] ?? null;
      const style = rowStyles[c];
      const ragIndex = ragAt.get(cellKey(r + 1, c + 1));
      const rag = ragIndex === undefined ? undefined : plan.fills[ragIndex];
      if (value === null && style === undefined && !rag) continue;
      const fmt = value === null ? undefined : numFmtIds[plan.formats[r]?.[c] ?? 'General'];
      const key = ((style ? styleCodes[style] : 0) * 100 + (fmt ?? 99)) * 1000 + (ragIndex ?? 999);
      let s = made.get(key);
      if (s === undefined) {
        const change: StyleChange = { ...(style ? plan.looks[style] : {}) };
        if (fmt !== undefined) change.numFmtId = fmt;
        if (rag) Object.assign(change, { fill: rag.fill, fontColour: rag.text });
        s = styles.derive(0, change);
        made.set(key, s);
      }
      line[c] = { value, style: s };
    }
    yield line;
  }
}

/** A hidden sheet's cells (settings, history): every string in the Text format so it stays text. */
export function hiddenSheetCells(rows: readonly (readonly (string | number | boolean | null)[])[], styles: StyleBook): NewCell[][] {
  const text = styles.derive(0, { numFmtId: 49 });
  return rows.map((r) => r.map((v): NewCell => ({ value: v, style: typeof v === 'string' ? text : 0 })));
}
