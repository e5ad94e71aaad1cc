/**
 * Update requests: per lead officer, a small form with every action they lead that is not complete
 * (not only the ones a chase would list: each quarter every open action needs its status and
 * commentary brought up to date). The officer types into three columns (status, revised date,
 * commentary); hidden columns keep which action each row is and those three values as they were,
 * so a merge can match the reply to the plan and tell the officer's changes from the plan's.
 */
import type { Day } from '../dates/day';
import { serialFromDay } from '../dates/day';
import { formatDay, formatParsedDate } from '../dates/format-date';
import type { ParsedDate } from '../dates/parse-date';
import { cellText, type CellValue, type GridSnapshot } from '../grid/grid';
import type { ActionRow } from '../plan/read-plan';
import type { PreparedRun } from '../run/prepare-run';
import type { ColumnField } from '../settings/fields';
import { plural } from '../text/plural';
import { commentaryKey, dateAsSent } from './field-values';
import { text, type FormCell, type FormSheet, type FormValue } from './form-sheet';
import { officerFileName } from './officer-file-name';
import { identityText, wordingHash } from './request-identity';

/** In the first hidden column of row 1: how a merge knows a workbook is a reply to a request. */
export const requestMarker = 'plan-monitor:request:v1';
export const requestSheetName = 'Update request';

/** The form's columns, in order; the last four are hidden. */
export const requestHeadings = {
  ref: 'Ref',
  action: 'Action',
  target: 'Target date',
  revised: 'Revised date',
  status: 'Status',
  commentary: 'Commentary',
  identity: 'Identity',
  statusAsSent: 'Status as sent',
  revisedAsSent: 'Revised date as sent',
  commentaryAsSent: 'Commentary as sent',
} as const;
export type RequestColumn = keyof typeof requestHeadings;
const columnOrder = Object.keys(requestHeadings) as RequestColumn[];
/** 1-based sheet row of the headings. */
export const requestHeaderRow = 3;

export interface UpdateRequest {
  /** The lead officer as written in the plan; null for the actions that have none. */
  officer: string | null;
  /** "01-jo-bloggs.xlsx". */
  file: string;
  actions: number;
  form: FormSheet;
}

export interface RequestOptions {
  /** The date replies are wanted by; the as-of date when not given. */
  replyBy?: Day | undefined;
}

/** A cell's text as typed (line breaks kept), for showing it to the officer. */
function rawText(grid: GridSnapshot | undefined, row: number, col: number | undefined): string {
  if (!grid || col === undefined) return '';
  const v: CellValue = grid.values[row - grid.top]?.[col - grid.left] ?? null;
  return typeof v === 'string' ? v : cellText(v);
}

/** A date for the officer to read: a real date cell where the plan's is a day or a month, else its text. */
function dateValue(p: ParsedDate, input: boolean): FormValue {
  if (p.kind === 'blank') return null;
  if (p.kind === 'date' && p.precision === 'day') return { kind: 'date', serial: serialFromDay(p.due), shows: 'day' };
  // A date typed into a cell showing only the month would lose its day, so typed-into cells hold "Nov 2018" as text.
  if (p.kind === 'date' && p.precision === 'month' && !input) return { kind: 'date', serial: serialFromDay(p.start), shows: 'month' };
  return { kind: 'text', text: formatParsedDate(p) };
}

function rowCells(a: ActionRow, sheet: string, grid: GridSnapshot | undefined, col: (f: ColumnField) => number | undefined): FormCell[] {
  const commentary = rawText(grid, a.row, col('commentary'));
  const cells: Record<RequestColumn, FormCell> = {
    ref: text(a.ref ?? '', 'fixed'),
    action: text(rawText(grid, a.row, col('action')) || (a.action ?? ''), 'fixed'),
    target: { value: dateValue(a.target, false), role: 'fixed' },
    revised: { value: dateValue(a.revised, true), role: 'input-date' },
    status: text(a.statusText, 'input-text'),
    commentary: text(commentary, 'input-text'),
    identity: text(identityText({ sheet, ref: a.ref, hash: wordingHash(a.action), row: a.row }), 'hidden'),
    statusAsSent: text(a.statusText, 'hidden'),
    revisedAsSent: text(dateAsSent(a.revised), 'hidden'),
    commentaryAsSent: text(commentaryKey(commentary), 'hidden'),
  };
  return columnOrder.map((c) => cells[c]);
}

/** The form for one officer's actions. */
export function requestForm(run: PreparedRun, officer: string | null, actions: readonly ActionRow[], options: RequestOptions = {}): FormSheet {
  const c = run.checked;
  const grid = run.workbook.sheets.find((s) => s.name === c.sheet)?.grid;
  const col = (f: ColumnField) => c.header.columns[f]?.col;
  const replyBy = options.replyBy ?? c.asOf;
  const who = officer ?? 'the actions with no lead officer';
  const n = actions.length;
  const title: FormCell[] = [text(`Update request for ${who}: please reply by ${formatDay(replyBy)}`, 'title')];
  title[columnOrder.indexOf('identity')] = text(requestMarker, 'hidden');
  const note = text(
    `${plural(n, 'action')} in '${c.sheet}' ${n === 1 ? 'is' : 'are'} not complete as of ${formatDay(c.asOf)}. Change only the white cells (Status from its list, Revised date, Commentary), then save this file and send it back.`,
    'note',
  );
  const header = columnOrder.map((k) => text(requestHeadings[k], k.endsWith('AsSent') || k === 'identity' ? 'hidden' : 'header'));
  const first = requestHeaderRow + 1;
  const widths: Record<RequestColumn, number> = { ref: 8, action: 50, target: 12, revised: 13, status: 16, commentary: 60, identity: 30, statusAsSent: 16, revisedAsSent: 16, commentaryAsSent: 30 };
  return {
    name: requestSheetName,
    columns: columnOrder.map((k) => ({ width: widths[k], hidden: k === 'identity' || k.endsWith('AsSent') })),
    rows: [title, [note], header, ...actions.map((a) => rowCells(a, c.sheet, grid, col))],
    headerRows: requestHeaderRow,
    lists: n === 0 ? [] : [{ col: columnOrder.indexOf('status') + 1, top: first, bottom: first + n - 1, options: c.scheme.statuses.map((s) => s.label) }],
  };
}

/**
 * One request per lead officer, in the order of each officer's first action in the sheet (names
 * compared ignoring case and spacing), the actions without a lead officer last; only officers with
 * an action not complete get one.
 */
export function updateRequests(run: PreparedRun, options: RequestOptions = {}): UpdateRequest[] {
  const byOfficer = new Map<string, { officer: string | null; actions: ActionRow[] }>();
  for (const a of run.checked.assessments) {
    if (a.complete) continue;
    const name = (a.action.lead ?? '').replace(/\s+/g, ' ').trim();
    const key = name === '' ? '\u0000' : name.toLowerCase();
    let entry = byOfficer.get(key);
    if (!entry) byOfficer.set(key, (entry = { officer: name === '' ? null : name, actions: [] }));
    entry.actions.push(a.action);
  }
  const nobody = byOfficer.get('\u0000');
  byOfficer.delete('\u0000');
  const groups = [...byOfficer.values(), ...(nobody ? [nobody] : [])];
  return groups.map((g, i) => ({ officer: g.officer, file: officerFileName(g.officer, i, 'xlsx'), actions: g.actions.length, form: requestForm(run, g.officer, g.actions, options) }));
}
