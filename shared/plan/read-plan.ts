import { dependenciesOf, type Dependencies } from './dependencies';
import { parseRangeAddress } from '../grid/a1';
import { cellText, datePrecisionAt, errorAt, fillAt, isBlank, isDateAt, type CellValue, type GridSnapshot } from '../grid/grid';
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
  /** The member of the senior management team the action answers to. */
  seniorLead: string | null;
  /** The lead officer's e-mail address, where the sheet has a column for it. */
  email: string | null;
  /** The refs it waits on (lower case), from a Depends-on column or its date cell's text. */
  dependsOn: Dependencies;
  /**
   * The ref of the action this row is a milestone of (2.4a and 2.4.1 under an action 2.4 above
   * them), or null for an action. Milestones are checked like actions but counted as their detail.
   */
  milestoneOf: string | null;
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
/** Rows without formula errors (nearly all) share one empty record: one object fewer per action. */
const noErrors: Partial<Record<ColumnField, string>> = Object.freeze({});

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

/** A row's cell; out-of-range and unmapped (-1) columns read as null, as `valueAt` does. */
function cellIn(cells: readonly CellValue[], c: number): CellValue {
  return c < 0 ? null : (cells[c] ?? null);
}

/**
 * `cellText(v).toLowerCase() === lower`, without lowering (a new string) when the lengths already
 * differ. Lowering never shortens text and lengthens it only at U+0130 (İ → i̇).
 */
function sameTextIgnoringCase(v: CellValue, lower: string): boolean {
  const t = cellText(v);
  if (t.length > lower.length || (t.length < lower.length && !t.includes('\u0130'))) return false;
  return t.toLowerCase() === lower;
}

/** Classifies every row under the header and reads each action row. Never throws on odd cells. */
export function readPlan(grid: GridSnapshot, header: HeaderMatch, options: ReadPlanOptions): PlanRows {
  const cols = header.columns;
  // Each field's 0-based column in the snapshot, -1 when unmapped: looked up once, not per cell.
  const colOf = (field: ColumnField): number => {
    const m = cols[field];
    return m ? m.col - grid.left : -1;
  };
  const refCol = colOf('ref');
  const actionCol = colOf('action');
  const leadCol = colOf('lead');
  const leadMemberCol = colOf('leadMember');
  const seniorLeadCol = colOf('seniorLead');
  const emailCol = colOf('email');
  const dependsOnCol = colOf('dependsOn');
  const sourceCol = colOf('source');
  const commentaryCol = colOf('commentary');
  const themeCol = colOf('theme');
  const targetCol = colOf('target');
  const revisedCol = colOf('revised');
  const statusCol = colOf('status');
  const rowTypeCol = colOf('rowType');
  // Each action row's type cell ("Action", "Milestone"), where the sheet has a type column.
  const rowTypes: (string | null)[] = [];
  // Plans repeat the same dates ("Dec 2018", one serial) many times; parsed dates are never mutated, so share them.
  const parsedDates = new Map<CellValue, ParsedDate>();
  const parsedDateCells = new Map<CellValue, ParsedDate>();
  const parsedMonthCells = new Map<CellValue, ParsedDate>();
  const parsedYearCells = new Map<CellValue, ParsedDate>();
  const blank: ParsedDate = { kind: 'blank' };
  const dateAt = (r: number, c: number, v: CellValue): ParsedDate => {
    if (c < 0) return blank;
    const isDateCell = isDateAt(grid, r, c);
    const cellPrecision = isDateCell ? datePrecisionAt(grid, r, c) : undefined;
    const memo = !isDateCell ? parsedDates : cellPrecision === 'month' ? parsedMonthCells : cellPrecision === 'year' ? parsedYearCells : parsedDateCells;
    let p = memo.get(v);
    if (p === undefined) {
      p = parseDate(v, { order: options.dateOrder, isDateCell, cellPrecision });
      if (memo.size < 50_000) memo.set(v, p);
    }
    return p;
  };
  const merged = mergedRows(grid);
  const headerTexts = Object.entries(cols)
    .map(([, m]) => ({ col: m.col - grid.left, text: m.text.toLowerCase() }))
    .filter((h) => h.text !== '');
  const statusHeading = cols.status?.text.toLowerCase();
  /** True when the row repeats the header's own headings in at least two mapped columns, the status one among them. */
  const repeatsHeader = (cells: readonly CellValue[]): boolean => {
    // The status cell decides most rows, so it is checked first.
    if (statusHeading === undefined || !sameTextIgnoringCase(cellIn(cells, statusCol), statusHeading)) return false;
    let same = 0;
    for (const h of headerTexts) if (sameTextIgnoringCase(cellIn(cells, h.col), h.text)) same++;
    return same >= 2;
  };
  const hasErrors = grid.errors !== undefined;
  const hidden = new Set(grid.hiddenRows ?? []);
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
    const ref = text(cellIn(cells, refCol));
    const statusText = cellText(cellIn(cells, statusCol));
    const targetValue = cellIn(cells, targetCol);
    const revisedValue = cellIn(cells, revisedCol);
    const dated = !isBlank(targetValue) || !isBlank(revisedValue);
    const refLooksLikeAction = ref !== null && actionRefPattern.test(ref);

    // A total row may carry a count under Status ("Grand total | … | 62"): still not an action.
    if (!refLooksLikeAction && footerPattern.test(firstText) && (statusText === '' || /^[\d.,\s]+$/.test(statusText))) {
      kinds.push({ row, kind: 'footer' });
      continue;
    }
    // The header repeated further down (plans pasted together from pages) is not an action either.
    if (!refLooksLikeAction && repeatsHeader(cells)) {
      kinds.push({ row, kind: 'heading' });
      continue;
    }
    // A heading has no status and no dates, and reads as one: a lone cell, a merged row, a bare
    // theme number ("3" | "Effective management") or a theme word ("Theme 3 – …").
    // (Tested last: most rows are settled by their status or dates.)
    if (
      !refLooksLikeAction &&
      statusText === '' &&
      !dated &&
      (filled === 1 || merged.has(r) || (ref !== null && /^\d{1,4}\.?$/.test(ref)) || themeWordPattern.test(firstText))
    ) {
      // A narrative in the heading row's commentary cell is the theme's, not part of its name.
      const narrative = commentaryCol >= 0 && firstText !== cellText(cellIn(cells, commentaryCol)) ? text(cellIn(cells, commentaryCol)) : null;
      const parts: string[] = [];
      cells.forEach((v, c) => {
        if (!isBlank(v) && !(narrative !== null && c === commentaryCol)) parts.push(cellText(v));
      });
      heading = themeFromHeading(parts.join(' '));
      if (narrative !== null) heading.narrative = narrative;
      kinds.push({ row, kind: 'heading' });
      continue;
    }

    let errors = noErrors;
    if (hasErrors) {
      for (const field of mappedFields) {
        const e = errorAt(grid, r, (cols[field]?.col ?? 0) - grid.left);
        if (e) {
          if (errors === noErrors) errors = {};
          errors[field] = e;
        }
      }
    }
    const themeText = text(cellIn(cells, themeCol));
    // Drops one trailing dot ("2.4." is 2.4).
    const cleanRef = ref !== null && ref.endsWith('.') ? ref.slice(0, -1) : ref;
    const colour = statusText === '' ? fromFill(r) : null;
    actions.push({
      row,
      ref: cleanRef,
      action: text(cellIn(cells, actionCol)),
      lead: text(cellIn(cells, leadCol)),
      leadMember: text(cellIn(cells, leadMemberCol)),
      seniorLead: text(cellIn(cells, seniorLeadCol)),
      email: text(cellIn(cells, emailCol)),
      milestoneOf: null,
      dependsOn: dependenciesOf({ dependsOn: text(cellIn(cells, dependsOnCol)), target: typeof targetValue === 'string' ? targetValue : null, revised: typeof revisedValue === 'string' ? revisedValue : null }),
      source: text(cellIn(cells, sourceCol)),
      commentary: text(cellIn(cells, commentaryCol)),
      theme: themeText !== null ? themeFromColumn(themeText) : (heading ?? themeFromRef(cleanRef)),
      heading,
      target: dateAt(r, targetCol, targetValue),
      revised: dateAt(r, revisedCol, revisedValue),
      statusText,
      status: statusText === '' ? (colour?.status ?? null) : options.statuses.find(statusText),
      statusFill: colour?.fill ?? null,
      hidden: hidden.has(row),
      errors,
    });
    kinds.push({ row, kind: 'action' });
    rowTypes.push(rowTypeCol < 0 ? null : text(cellIn(cells, rowTypeCol)));
  }
  markMilestones(actions, rowTypes);
  return { sheet: grid.sheet, header, actions, kinds };
}

/** The ref a sub-ref hangs from: 2.4a → 2.4, 2.4.1 → 2.4 (a bare "2" is a theme, never a parent). */
function parentRef(ref: string): string | null {
  const lettered = /^(\d+(?:\.\d+)+)[a-z]$/i.exec(ref);
  if (lettered) return lettered[1] ?? null;
  const dotted = /^(\d+(?:\.\d+)+)\.\d+$/.exec(ref);
  return dotted ? (dotted[1] ?? null) : null;
}

/**
 * A row whose ref extends an action's ref above it is that action's milestone (its top action's, when
 * nested). Where the sheet has a type column, it decides: a row typed "Milestone" belongs to the
 * nearest action above, and a row typed anything else is an action, whatever its ref looks like.
 */
function markMilestones(actions: ActionRow[], rowTypes: readonly (string | null)[]): void {
  if (rowTypes.some((t) => t !== null && /milestone/i.test(t))) {
    let owner: ActionRow | null = null;
    actions.forEach((a, i) => {
      const typed = rowTypes[i] ?? null;
      if (typed !== null && /milestone/i.test(typed)) a.milestoneOf = owner?.ref ?? null;
      else owner = a;
    });
    return;
  }
  const seen = new Map<string, ActionRow>();
  for (const a of actions) {
    const ref = a.ref?.trim().toLowerCase() ?? '';
    if (ref === '') continue;
    const parent = parentRef(ref);
    const above = parent === null ? undefined : seen.get(parent);
    if (above) a.milestoneOf = above.milestoneOf ?? above.ref;
    if (!seen.has(ref)) seen.set(ref, a);
  }
}
