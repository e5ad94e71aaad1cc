import { parseRangeAddress } from '../grid/a1';
import { cellText, errorAt, fillAt, isBlank, isDateAt, valueAt, type CellValue, type GridSnapshot } from '../grid/grid';
import { parseDate, type DateOrder, type ParsedDate } from '../dates/parse-date';
import type { HeaderMatch } from '../header/detect-header';
import type { ColumnField } from '../settings/fields';
import type { StatusDef } from '../status/schemes';
import type { StatusLookup } from '../status/normalise';
import { themeFromColumn, themeFromHeading, themeFromRef, themeWordPattern, type Theme } from './theme';

export type RowKind = 'action' | 'heading' | 'blank' | 'footer';

export interface ActionRow {
  /** 1-based sheet row. */
  row: number;
  ref: string | null;
  action: string | null;
  lead: string | null;
  leadMember: string | null;
  source: string | null;
  commentary: string | null;
  /** The theme it counts under: Theme column, else the heading above, else its ref's prefix. */
  theme: Theme | null;
  /** The heading row above it, if any (to check the ref sits under the right theme). */
  heading: Theme | null;
  target: ParsedDate;
  revised: ParsedDate;
  statusText: string;
  status: StatusDef | null;
  /** The fill the status was read from when the status cell has no text, only a colour (#RRGGBB). */
  statusFill: string | null;
  /** The row is hidden by the user or a filter: still checked and counted, and said so. */
  hidden: boolean;
  /** Formula errors (#REF!, #N/A…) seen in this row's mapped cells, by field. */
  errors: Partial<Record<ColumnField, string>>;
}

export interface PlanRows {
  sheet: string;
  header: HeaderMatch;
  actions: ActionRow[];
  /** Every row below the header with its kind, for hosts that format by row kind. */
  kinds: { row: number; kind: RowKind }[];
}

export interface ReadPlanOptions {
  dateOrder: DateOrder;
  statuses: StatusLookup;
  /** Reads a status from an empty status cell's fill (see status-from-fill); without it fills are ignored. */
  statusOfFill?: (hex: string) => StatusDef | null;
}

/** An action ref: "2.4", "10.1", "5.12a", "1.2.3". A bare "3" is a theme number, not an action. */
const actionRefPattern = /^\d{1,3}(?:\.\d{1,3})+[a-z]?\.?$/i;
const footerPattern = /^(?:grand\s+)?totals?\b|^key\s*[:\-–—]|^key$/i;

/** Rows (0-based in the snapshot) covered by a merge that spans more than one column. */
function mergedRows(grid: GridSnapshot): Set<number> {
  const rows = new Set<number>();
  for (const m of grid.merges ?? []) {
    const r = parseRangeAddress(m);
    if (!r || r.right === r.left) continue;
    for (let row = r.top; row <= r.bottom; row++) rows.add(row - grid.top);
  }
  return rows;
}

function text(v: CellValue): string | null {
  const t = cellText(v);
  return t === '' ? null : t;
}

/** Classifies every row under the header and reads each action row. Never throws on odd cells. */
export function readPlan(grid: GridSnapshot, header: HeaderMatch, options: ReadPlanOptions): PlanRows {
  const cols = header.columns;
  const at = (r: number, field: ColumnField): CellValue => {
    const m = cols[field];
    return m ? valueAt(grid, r, m.col - grid.left) : null;
  };
  // Plans repeat the same dates ("Dec 2018", one serial) many times; parsed dates are never mutated, so share them.
  const parsedDates = new Map<CellValue, ParsedDate>();
  const parsedDateCells = new Map<CellValue, ParsedDate>();
  const blank: ParsedDate = { kind: 'blank' };
  const dateAt = (r: number, field: ColumnField): ParsedDate => {
    const m = cols[field];
    if (!m) return blank;
    const c = m.col - grid.left;
    const v = valueAt(grid, r, c);
    const isDateCell = isDateAt(grid, r, c);
    const memo = isDateCell ? parsedDateCells : parsedDates;
    let p = memo.get(v);
    if (p === undefined) {
      p = parseDate(v, { order: options.dateOrder, isDateCell });
      if (memo.size < 50_000) memo.set(v, p);
    }
    return p;
  };
  const merged = mergedRows(grid);
  const headerTexts = Object.entries(cols).map(([, m]) => ({ col: m.col - grid.left, text: m.text.toLowerCase() }));
  /** True when the row repeats the header's own headings in at least two mapped columns, the status one among them. */
  const repeatsHeader = (r: number): boolean => {
    let same = 0;
    for (const h of headerTexts) if (h.text !== '' && cellText(valueAt(grid, r, h.col)).toLowerCase() === h.text) same++;
    const status = cols.status;
    return same >= 2 && status !== undefined && cellText(valueAt(grid, r, status.col - grid.left)).toLowerCase() === status.text.toLowerCase();
  };
  const hasErrors = grid.errors !== undefined;
  const hidden = new Set(grid.hiddenRows ?? []);
  const statusCol = cols.status ? cols.status.col - grid.left : -1;
  /** A status given only as a fill: the cell is empty (not an error) and its colour is one of the scheme's. */
  const fromFill = (r: number): { status: StatusDef; fill: string } | null => {
    if (!options.statusOfFill || statusCol < 0 || (hasErrors && errorAt(grid, r, statusCol))) return null;
    const fill = fillAt(grid, r, statusCol);
    const status = fill === null ? null : options.statusOfFill(fill);
    return status && fill !== null ? { status, fill } : null;
  };
  const mappedFields = Object.keys(cols) as ColumnField[];
  const actions: ActionRow[] = [];
  const kinds: PlanRows['kinds'] = [];
  let heading: Theme | null = null;

  for (let r = header.row - grid.top + 1; r < grid.values.length; r++) {
    const row = grid.top + r;
    const cells = grid.values[r] ?? [];
    let filled = 0;
    let firstText = '';
    // Only "none", "one" or "more" matters, and the first text.
    for (let c = 0; c < cells.length && filled < 2; c++) {
      const v = cells[c] ?? null;
      if (isBlank(v) && !(hasErrors && errorAt(grid, r, c))) continue;
      filled++;
      if (firstText === '') firstText = cellText(v);
    }
    if (filled === 0) {
      kinds.push({ row, kind: 'blank' });
      continue;
    }
    const ref = text(at(r, 'ref'));
    const statusText = cellText(at(r, 'status'));
    const dated = !isBlank(at(r, 'target')) || !isBlank(at(r, 'revised'));
    const refLooksLikeAction = ref !== null && actionRefPattern.test(ref);

    // A total row may carry a count under Status ("Grand total | … | 62"): still not an action.
    if (!refLooksLikeAction && footerPattern.test(firstText) && (statusText === '' || /^[\d.,\s]+$/.test(statusText))) {
      kinds.push({ row, kind: 'footer' });
      continue;
    }
    // The header repeated further down (plans pasted together from pages) is not an action either.
    if (!refLooksLikeAction && repeatsHeader(r)) {
      kinds.push({ row, kind: 'heading' });
      continue;
    }
    // A heading has no status and no dates, and reads as one: a lone cell, a merged row, a bare
    // theme number ("3" | "Effective management") or a theme word ("Theme 3 – …").
    const headingLike = filled === 1 || merged.has(r) || (ref !== null && /^\d{1,4}\.?$/.test(ref)) || themeWordPattern.test(firstText);
    if (!refLooksLikeAction && statusText === '' && !dated && headingLike) {
      const parts: string[] = [];
      for (const v of cells) if (!isBlank(v)) parts.push(cellText(v));
      heading = themeFromHeading(parts.join(' '));
      kinds.push({ row, kind: 'heading' });
      continue;
    }

    const errors: Partial<Record<ColumnField, string>> = {};
    if (hasErrors) {
      for (const field of mappedFields) {
        const e = errorAt(grid, r, (cols[field]?.col ?? 0) - grid.left);
        if (e) errors[field] = e;
      }
    }
    const themeText = text(at(r, 'theme'));
    const cleanRef = ref === null ? null : ref.replace(/\.$/, '');
    const colour = statusText === '' ? fromFill(r) : null;
    actions.push({
      row,
      ref: cleanRef,
      action: text(at(r, 'action')),
      lead: text(at(r, 'lead')),
      leadMember: text(at(r, 'leadMember')),
      source: text(at(r, 'source')),
      commentary: text(at(r, 'commentary')),
      theme: themeText !== null ? themeFromColumn(themeText) : (heading ?? themeFromRef(cleanRef)),
      heading,
      target: dateAt(r, 'target'),
      revised: dateAt(r, 'revised'),
      statusText,
      status: statusText === '' ? (colour?.status ?? null) : options.statuses.find(statusText),
      statusFill: colour?.fill ?? null,
      hidden: hidden.has(row),
      errors,
    });
    kinds.push({ row, kind: 'action' });
  }
  return { sheet: grid.sheet, header, actions, kinds };
}
