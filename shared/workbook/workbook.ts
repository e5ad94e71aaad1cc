import type { CellValue, GridSnapshot } from '../grid/grid';
import { datePrecisionOf, isDateFormat } from '../grid/number-format';
import type { EditPlan } from '../edit-plan/edit-plan';
import type { CellEdit } from '../merge/cell-edits';
import type { RowInsertion } from '../add/row-insertion';
import type { WriteRefusal } from './write-refusal';

export type SheetVisibility = 'visible' | 'hidden' | 'veryHidden';

export interface SheetSnapshot {
  name: string;
  visibility: SheetVisibility;
  /** The used range (from A1 or wherever it starts). */
  grid: GridSnapshot;
  /** Protected against edits, where the host says so in its read. */
  protected?: boolean;
}

/** Every sheet of a workbook as the host read it, in tab order. */
export interface WorkbookSnapshot {
  sheets: SheetSnapshot[];
  /** The sheet the user is looking at, when the host knows it. */
  activeSheet?: string;
}

/** What an adapter reports after executing an edit plan. */
export interface ApplyReport {
  /** Status cells whose fill was set. */
  colouredCells: number;
  /** The summary sheet written, if any. */
  summarySheet: string | null;
  /** Round trips to the host (Excel syncs, Apps Script calls, 0 for files). */
  roundTrips: number;
}

/**
 * The port every host adapter implements (Excel, Google Sheets, .xlsx files, the in-memory preview):
 * read the workbook, execute an edit plan, save the settings sheet, select a cell. Adapters never compute.
 */
export interface WorkbookPort {
  readWorkbook(): Promise<WorkbookSnapshot>;
  applyEditPlan(plan: EditPlan): Promise<ApplyReport>;
  /**
   * Creates or rewrites one of the tool's hidden sheets (settings, history) with these rows, every
   * string as literal text. Only ever called with the tool's own sheet names.
   */
  writeHiddenSheet(name: string, rows: CellValue[][]): Promise<void>;
  selectCell(sheet: string, cell: string): Promise<void>;
  /**
   * Fill colours (#RRGGBB, null for none or white) of these cells of one column, in order. Only hosts
   * whose readWorkbook cannot include the fills of blank cells cheaply implement it (see readRun).
   */
  readFills?(sheet: string, column: number, rows: readonly number[]): Promise<(string | null)[]>;
  /**
   * Writes values into cells of one sheet (the fields a merged reply updates), changing only those
   * cells' values: text as literal text (never a formula), a date as a date in the cell's own date
   * format, else its column's, a blank as an emptied cell with its format kept. A protected sheet is
   * refused (WriteRefused) before anything is written, and so is a target cell holding a formula:
   * ask formulaCells first.
   */
  setCellValues?(sheet: string, edits: readonly CellEdit[]): Promise<{ cells: number }>;
  /** The cells of a sheet (A1) that hold a formula, which a merge never overwrites; a file answers at once. */
  formulaCells?(sheet: string): ReadonlySet<string> | Promise<ReadonlySet<string>>;
  /**
   * Inserts blocks of new rows into one sheet (new actions under their themes): each block goes in
   * right after its `afterRow` (rows as last read, ascending), the rows below moving down with what
   * refers to them; each new row takes the formats of the row it follows, then its cells' values
   * (text as literal text, a date in the cell's date format, else its column's). A protected sheet
   * is refused (WriteRefused) before anything is written; so is a file whose other parts would
   * need rewriting to follow the move ('rows-would-break').
   */
  insertRows?(sheet: string, insertions: readonly RowInsertion[]): Promise<{ rows: number }>;
}

/** A1's value of a sheet, to recognise the tool's own sheets by their marker. */
export function firstCell(sheet: SheetSnapshot): CellValue {
  const g = sheet.grid;
  if (g.top !== 1 || g.left !== 1) return null;
  return g.values[0]?.[0] ?? null;
}

/**
 * The one rule every adapter applies before rewriting one of the tool's hidden sheets: a sheet of
 * that name may be replaced only when its A1 holds the same marker, so a user's own sheet that
 * happens to share the name is never overwritten.
 */
export function hiddenSheetRefusal(name: string, existingA1: CellValue | undefined, rows: readonly CellValue[][]): WriteRefusal | null {
  if (existingA1 === undefined) return null;
  const marker = rows[0]?.[0] ?? null;
  if (existingA1 === marker) return null;
  return { code: 'sheet-not-ours', sheet: name };
}

/**
 * The refusal every adapter gives, before its first write, when a sheet the plan would change is
 * protected: the plan's sheet when it colours, and the summary sheet. Null when none is.
 */
export function protectedRefusal(plan: EditPlan, isProtected: (sheet: string) => boolean): WriteRefusal | null {
  const touched = [plan.fills.length > 0 ? plan.sheet : null, plan.summary?.name ?? null];
  const locked = touched.find((n): n is string => n !== null && isProtected(n));
  return locked === undefined ? null : { code: 'sheet-protected', sheet: locked };
}

const wholeDate = (f: string | null | undefined): f is string => isDateFormat(f) && datePrecisionOf(f) === 'day';

/**
 * The number format a date written into a cell takes, the same rule in every host (the .xlsx writer
 * applies it to its styles): the cell's own when it shows a whole date; else the one most of the
 * column's whole-date cells have; else dd/mm/yyyy.
 */
export function dateFormatFor(own: string | null | undefined, column: Iterable<string | null | undefined>): string {
  if (wholeDate(own)) return own;
  const counts = new Map<string, number>();
  for (const f of column) if (wholeDate(f)) counts.set(f, (counts.get(f) ?? 0) + 1);
  let best = 'dd/mm/yyyy';
  let most = 0;
  for (const [f, n] of counts) if (n > most) [best, most] = [f, n];
  return best;
}

/** What every adapter throws when a cell it is to write holds a formula (a formula typed since formulaCells was asked). */
export function formulaCellRefused(sheet: string, cell: string): Error {
  return new Error(`Cell ${cell} of '${sheet}' holds a formula, which Plan Monitor does not overwrite. Nothing was changed.`);
}
