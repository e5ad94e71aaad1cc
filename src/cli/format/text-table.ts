/** Aligned plain-text tables for the terminal. */

export type TextCell = string | number | null;

function clip(text: string, max: number): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length <= max ? flat : `${flat.slice(0, Math.max(0, max - 1))}…`;
}

export interface TableOptions {
  /** Per-column maximum width; longer text is cut with an ellipsis. */
  maxWidths?: (number | undefined)[];
  indent?: string;
}

/** Numbers right-aligned, text left-aligned, two spaces between columns. */
export function renderTable(headers: string[], rows: TextCell[][], options: TableOptions = {}): string {
  const indent = options.indent ?? '  ';
  const cells = [headers, ...rows.map((r) => r.map((c) => (c === null ? '' : String(c))))].map((r) =>
    r.map((c, i) => clip(c, options.maxWidths?.[i] ?? 200)),
  );
  const numeric = headers.map((_, i) => rows.length > 0 && rows.every((r) => typeof r[i] === 'number' || r[i] === null));
  // A loop, not Math.max(...): a list may have 100,000 rows, too many to spread.
  const widths = headers.map((_, i) => cells.reduce((w, r) => Math.max(w, (r[i] ?? '').length), 0));
  return cells
    .map((r) =>
      indent +
      r
        .map((c, i) => (numeric[i] ? c.padStart(widths[i] ?? 0) : c.padEnd(widths[i] ?? 0)))
        .join('  ')
        .trimEnd(),
    )
    .join('\n');
}
