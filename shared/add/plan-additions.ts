/**
 * New actions for the plan, from a list (a peer review's recommendations, seed 001 Appendix B): each
 * row of the list is placed under its theme (named by number, by name, or by a ref such as "3.x"),
 * given the theme's next free ref, the scheme's status for new work unless the list gives one, and
 * a place right after the theme's last row. The result is data: the rows a host inserts, the audit
 * entries, what is already in the plan, and coded problems naming the list's cells. One problem and
 * nothing is added.
 */
import { appendAudit, auditMarker, auditRows, auditSheetName, type AuditEntry } from '../audit/audit-trail';
import { serialFromDay } from '../dates/day';
import { dateText } from '../requests/field-values';
import { parseDate } from '../dates/parse-date';
import { cellAddress } from '../grid/a1';
import { cellText, datePrecisionAt, isBlank, isDateAt, type CellValue, type GridSnapshot } from '../grid/grid';
import { detectHeader, type HeaderMatch } from '../header/detect-header';
import type { CellWrite } from '../merge/cell-edits';
import type { ActionRow } from '../plan/read-plan';
import { themeFromHeading, themeWordPattern, type Theme } from '../plan/theme';
import { wordingHash } from '../requests/request-identity';
import type { PreparedRun } from '../run/prepare-run';
import type { ColumnField } from '../settings/fields';
import { statusLookup } from '../status/normalise';
import type { Rag, StatusScheme } from '../status/schemes';
import type { FillGroup } from '../rag/status-fills';
import { activePalette } from '../settings/settings';
import { firstCell } from '../workbook/workbook';
import { landingRows, type NewCell, type RowInsertion } from './row-insertion';

/** The list the user picked, read by the caller: the first sheet of a workbook, or a CSV's rows. */
export interface ActionList {
  /** The file as the user named it: it names the list in problems and in the audit trail. */
  file: string;
  grid: GridSnapshot;
}

export interface AddOptions {
  /** Now, by the host's clock (ISO date-time), for the audit trail. */
  when: string;
}

/** Why the list cannot be added, as data; `describeAddProblem` gives the words. Cells are the list's. */
export type AddProblem =
  | { code: 'list-bad-csv'; file: string; line: number; reason: 'unclosed-quote' | 'text-after-quote' }
  | { code: 'list-no-header'; file: string; sheet: string }
  | { code: 'list-empty'; file: string }
  | { code: 'plan-no-action-column'; file: string; planSheet: string }
  | { code: 'no-action'; file: string; cell: string }
  | { code: 'no-theme'; file: string; cell: string }
  | { code: 'unknown-theme'; file: string; cell: string; value: string; themes: string[] }
  | { code: 'ref-outside-theme'; file: string; cell: string; ref: string; theme: string }
  | { code: 'duplicate-ref'; file: string; cell: string; ref: string; planCell: string | null; listCell: string | null }
  | { code: 'repeated-in-list'; file: string; cell: string; firstCell: string }
  | { code: 'unreadable-date'; file: string; cell: string; value: string; reason: string }
  | { code: 'unknown-status'; file: string; cell: string; value: string; statuses: string[] }
  | { code: 'cannot-number'; file: string; cell: string; theme: string };

/** An action the list adds: where it came from, what it is, and the sheet row it lands on. */
export interface AddedAction {
  cell: string;
  ref: string | null;
  action: string;
  theme: string;
  status: string;
  /** The 1-based sheet row it has once every new row is in. */
  row: number;
}

/** A row of the list whose action the theme already has (adding the list again adds nothing). */
export interface AlreadyInPlan {
  cell: string;
  ref: string | null;
  action: string;
  /** The plan's row holding it. */
  planRow: number;
}

export interface AddResult {
  sheet: string;
  list: string;
  added: AddedAction[];
  already: AlreadyInPlan[];
  problems: AddProblem[];
  /** Columns of the list the plan has no column for: what they held is not added. */
  leftOut: { heading: string; cell: string }[];
  /** The rows to insert, ascending (empty when there is a problem or nothing new). */
  insertions: RowInsertion[];
  /** The audit sheet with one 'added' row per new action; null when nothing is added. */
  audit: { sheet: string; rows: CellValue[][]; added: number } | null;
}

/** What the list needs: an action column; the theme may come from a Theme or Ref column or from heading rows. */
const listNeeds = { required: ['action'], identity: ['action'] } as const;

/** "3.x", "3.?", "3.", "3" (a theme's number), "3.7" or "3.7a" (an explicit ref). */
const themeOnlyRef = /^(\d{1,3})(?:\.(?:x|\?|_+|\*|n)?)?$/i;
const explicitRef = /^(\d{1,3})\.(\d{1,3})([a-z]?)$/i;

/** A theme of the plan as new actions see it: where its rows end and which refs it has. */
interface PlanTheme {
  theme: Theme;
  /** The name without its theme word and number ("Effective management"), folded. */
  nameKey: string;
  lastRow: number;
  /** The numeric prefix its refs take ("3" for 3.1, 3.2…), or null when it has none. */
  prefix: string | null;
  /** The Theme column's text on its last action row, for new rows of a plan with a Theme column. */
  themeText: string | null;
  /** Its actions by wording, for telling what is already in the plan. */
  byWording: Map<string, ActionRow>;
}

const fold = (s: string) => s.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, ' ').trim();

function nameOf(theme: Theme): string {
  const rest = theme.label.replace(themeWordPattern, '');
  const m = /^\d{1,3}(?:[\s.:)\-–—]+(?!\d)(.*))?$/.exec(rest);
  return fold(m ? (m[1] ?? '') : rest);
}

/** The plan's themes in sheet order: those of its actions, and headings with no action under them yet. */
function planThemes(run: PreparedRun, grid: GridSnapshot): PlanTheme[] {
  const c = run.checked;
  const themeCol = c.header.columns.theme?.col;
  const byKey = new Map<string, PlanTheme>();
  const add = (theme: Theme, row: number, action: ActionRow | null) => {
    let t = byKey.get(theme.key);
    if (!t) byKey.set(theme.key, (t = { theme, nameKey: nameOf(theme), lastRow: row, prefix: theme.number === null ? null : String(theme.number), themeText: null, byWording: new Map() }));
    t.lastRow = Math.max(t.lastRow, row);
    if (!action) return;
    if (themeCol !== undefined) t.themeText = cellText(grid.values[action.row - grid.top]?.[themeCol - grid.left] ?? null) || t.themeText;
    const hash = wordingHash(action.action);
    if (action.action !== null && !t.byWording.has(hash)) t.byWording.set(hash, action);
  };
  const headings = c.plan.kinds.filter((k) => k.kind === 'heading');
  const headingRows = new Set(headings.map((k) => k.row));
  for (const h of headings) {
    const cells = grid.values[h.row - grid.top] ?? [];
    const text = cells.map((v) => cellText(v)).find((t) => t !== '');
    if (!text) continue;
    const theme = themeFromHeading(text);
    // A heading counts only as the theme its actions read (the plan's own word for it) or one that has none yet.
    add(theme, h.row, null);
  }
  for (const a of c.plan.actions) if (a.theme) add(a.theme, a.row, a);
  // Headings that turned out to be repeated column headings, or title rows, name no theme any action has: a theme with no actions is kept only when it reads as one.
  for (const [key, t] of byKey) {
    if (t.byWording.size > 0 || !headingRows.has(t.lastRow)) continue;
    if (t.theme.number === null && !themeWordPattern.test(t.theme.label)) byKey.delete(key);
  }
  // A theme without a number of its own numbers its actions as its refs do ("A.1" aside).
  for (const t of byKey.values()) {
    if (t.prefix !== null) continue;
    const prefixes = new Set([...t.byWording.values()].map((a) => /^(\d{1,3})\./.exec(a.ref ?? '')?.[1] ?? ''));
    const [only] = prefixes;
    if (prefixes.size === 1 && only) t.prefix = only;
  }
  return [...byKey.values()].sort((a, b) => a.lastRow - b.lastRow);
}

/** The status a new action takes when the list gives none: not started, else the first one neither done nor slipped. */
export function newWorkStatus(scheme: StatusScheme): string {
  const s = scheme.statuses.find((x) => x.notStarted) ?? scheme.statuses.find((x) => !x.complete && !x.slipped) ?? scheme.statuses[0];
  return s?.label ?? '';
}

/** The last segment of a path, as the audit trail and a CSV's sheet name the list. */
export function baseName(file: string): string {
  return file.slice(Math.max(file.lastIndexOf('/'), file.lastIndexOf('\\')) + 1);
}

/** A row of the list as read, before it is placed. */
interface ListRow {
  row: number;
  cells: (field: ColumnField) => { value: CellValue; cell: string; r: number; c: number } | null;
  heading: string | null;
  headingCell: string | null;
}

/** The list's rows under its header, with the heading row above each (a list grouped by theme). */
function listRows(grid: GridSnapshot, header: HeaderMatch): ListRow[] {
  const out: ListRow[] = [];
  let heading: string | null = null;
  let headingCell: string | null = null;
  const actionCol = header.columns.action?.col;
  for (let r = header.row - grid.top + 1; r < grid.values.length; r++) {
    const cells = grid.values[r] ?? [];
    const row = grid.top + r;
    const filled = cells.map((v, c) => ({ v, c })).filter(({ v }) => !isBlank(v));
    if (filled.length === 0) continue;
    const only = filled.length === 1 ? filled[0] : undefined;
    const onlyText = only ? cellText(only.v) : '';
    // A lone cell outside the action column that reads as a theme ("Theme 3 – …", "3. Effective management") heads the rows below.
    if (only && grid.left + only.c !== actionCol && (themeWordPattern.test(onlyText) || /^\d{1,3}\s*[.:)\-–—]\s*\D/.test(onlyText))) {
      heading = onlyText;
      headingCell = cellAddress(row, grid.left + only.c);
      continue;
    }
    out.push({
      row,
      heading,
      headingCell,
      cells: (field) => {
        const col = header.columns[field]?.col;
        if (col === undefined) return null;
        const c = col - grid.left;
        return { value: cells[c] ?? null, cell: cellAddress(row, col), r, c };
      },
    });
  }
  return out;
}

/** Fields a new row carries over from the list, as text, when the plan has a column for them. */
const textFields: ColumnField[] = ['lead', 'leadMember', 'seniorLead', 'email', 'source', 'commentary', 'dependsOn'];
const dateFields: ColumnField[] = ['target', 'revised'];

/** A date cell of the list as a new cell: a whole date as a date, a month or quarter or "TBC" as typed. */
function dateCell(grid: GridSnapshot, at: { value: CellValue; r: number; c: number }, order: PreparedRun['settings']['dateOrder']): { write: CellWrite } | { reason: string; text: string } {
  const isDate = isDateAt(grid, at.r, at.c);
  const p = parseDate(at.value, { order, isDateCell: isDate, cellPrecision: isDate ? datePrecisionAt(grid, at.r, at.c) : undefined });
  if (p.kind === 'invalid') return { reason: p.reason, text: p.text };
  if (p.kind === 'blank') return { write: { kind: 'blank' } };
  if (p.kind === 'date' && p.precision === 'day') return { write: { kind: 'date', serial: serialFromDay(p.due) } };
  // "Dec 2018", "Q3 2018/19", "TBC": kept as typed (a month-only date cell as the month it shows).
  return { write: { kind: 'text', text: typeof at.value === 'string' ? at.value.trim() : dateText(p) } };
}

export function planAdditions(run: PreparedRun, list: ActionList, options: AddOptions): AddResult {
  const c = run.checked;
  const file = list.file;
  const grid = run.workbook.sheets.find((s) => s.name === c.sheet)?.grid as GridSnapshot;
  const auditSheet = run.workbook.sheets.find((s) => firstCell(s) === auditMarker)?.name ?? auditSheetName;
  const result: AddResult = { sheet: c.sheet, list: file, added: [], already: [], problems: [], leftOut: [], insertions: [], audit: null };
  const fail = (p: AddProblem): AddResult => ({ ...result, problems: [p] });

  const cols = c.header.columns;
  if (!cols.action) return fail({ code: 'plan-no-action-column', file, planSheet: c.sheet });
  const found = detectHeader(list.grid, {}, { required: [...listNeeds.required], identity: [...listNeeds.identity] });
  if (!found.ok) return fail({ code: 'list-no-header', file, sheet: list.grid.sheet });
  const header = found.header;
  const rows = listRows(list.grid, header);
  if (rows.length === 0) return fail({ code: 'list-empty', file });

  const themes = planThemes(run, grid);
  const themeLabels = themes.map((t) => t.theme.label);
  // A theme by its number: its own, or the one its refs share.
  const byPrefix = new Map<string, PlanTheme>();
  for (const t of themes) if (t.prefix !== null && !byPrefix.has(t.prefix)) byPrefix.set(t.prefix, t);
  const findTheme = (text: string): PlanTheme | undefined => {
    const asRef = themeOnlyRef.exec(text.trim()) ?? explicitRef.exec(text.trim());
    if (asRef) return byPrefix.get(String(Number(asRef[1])));
    const t = themeFromHeading(text);
    if (t.number !== null) return byPrefix.get(String(t.number));
    const key = fold(text);
    return themes.find((x) => x.nameKey === key || fold(x.theme.label) === key);
  };
  const statuses = statusLookup(c.scheme);
  const labels = c.scheme.statuses.map((s) => s.label);
  const defaultStatus = newWorkStatus(c.scheme);

  // Every ref the plan has (milestones too): an explicit ref must be none of them.
  const planRefs = new Map<string, ActionRow>();
  for (const a of c.plan.actions) if (a.ref) planRefs.set(a.ref.toLowerCase(), a);
  /** Numbers taken per prefix: the plan's refs and the list's explicit ones. */
  const taken = new Map<string, Set<number>>();
  const take = (prefix: string, n: number) => {
    let s = taken.get(prefix);
    if (!s) taken.set(prefix, (s = new Set()));
    s.add(n);
  };
  /** The highest number each prefix has in the plan: new refs follow it. */
  const planMax = new Map<string, number>();
  for (const ref of planRefs.keys()) {
    const m = explicitRef.exec(ref);
    if (!m) continue;
    take(m[1] as string, Number(m[2]));
    planMax.set(m[1] as string, Math.max(planMax.get(m[1] as string) ?? 0, Number(m[2])));
  }

  interface Placed {
    list: ListRow;
    theme: PlanTheme;
    action: string;
    actionCell: string;
    ref: string | null;
    cells: NewCell[];
    status: string;
  }
  const placed: Placed[] = [];
  const problems: AddProblem[] = [];
  const listRefs = new Map<string, string>();
  const seenWording = new Map<string, string>();

  for (const lr of rows) {
    const rowProblems: AddProblem[] = [];
    const actionAt = lr.cells('action');
    const action = cellText(actionAt?.value ?? null);
    if (action === '') {
      problems.push({ code: 'no-action', file, cell: actionAt?.cell ?? cellAddress(lr.row, header.columns.action?.col ?? 1) });
      continue;
    }
    // The theme: a ref naming it ("3.x", "3.7"), else the Theme column, else the heading above.
    const refAt = lr.cells('ref');
    const refText = cellText(refAt?.value ?? null).replace(/\.$/, '');
    const themeAt = lr.cells('theme');
    const themeText = cellText(themeAt?.value ?? null);
    const explicit = explicitRef.exec(refText);
    const namesTheme = explicit !== null || themeOnlyRef.test(refText);
    const byRef = namesTheme ? findTheme(refText) : undefined;
    let theme: PlanTheme | undefined;
    if (themeText !== '') {
      theme = findTheme(themeText);
      if (!theme) rowProblems.push({ code: 'unknown-theme', file, cell: themeAt?.cell ?? '', value: themeText, themes: themeLabels });
      else if (namesTheme && byRef !== theme) rowProblems.push({ code: 'ref-outside-theme', file, cell: refAt?.cell ?? '', ref: refText, theme: theme.theme.label });
    } else if (namesTheme) {
      theme = byRef;
      if (!theme) rowProblems.push({ code: 'unknown-theme', file, cell: refAt?.cell ?? '', value: refText, themes: themeLabels });
    } else if (lr.heading !== null) {
      theme = findTheme(lr.heading);
      if (!theme) rowProblems.push({ code: 'unknown-theme', file, cell: lr.headingCell ?? '', value: lr.heading, themes: themeLabels });
    } else if (refText !== '') rowProblems.push({ code: 'unknown-theme', file, cell: refAt?.cell ?? '', value: refText, themes: themeLabels });
    else rowProblems.push({ code: 'no-theme', file, cell: actionAt?.cell ?? '' });
    if (!theme) {
      problems.push(...rowProblems);
      continue;
    }

    // Already in the theme, by its wording: adding the same list twice adds nothing.
    const hash = wordingHash(action);
    const there = theme.byWording.get(hash);
    if (there) {
      result.already.push({ cell: actionAt?.cell ?? '', ref: there.ref, action, planRow: there.row });
      continue;
    }
    const key = `${theme.theme.key}\u0000${hash}`;
    const first = seenWording.get(key);
    if (first !== undefined) {
      problems.push({ code: 'repeated-in-list', file, cell: actionAt?.cell ?? '', firstCell: first });
      continue;
    }
    seenWording.set(key, actionAt?.cell ?? '');

    let ref: string | null = null;
    if (explicit) {
      ref = `${explicit[1]}.${explicit[2]}${explicit[3] ?? ''}`;
      const lower = ref.toLowerCase();
      const inPlan = planRefs.get(lower);
      const inList = listRefs.get(lower);
      if (inPlan || inList !== undefined) rowProblems.push({ code: 'duplicate-ref', file, cell: refAt?.cell ?? '', ref, planCell: inPlan && cols.ref ? cellAddress(inPlan.row, cols.ref.col) : null, listCell: inList ?? null });
      else {
        listRefs.set(lower, refAt?.cell ?? '');
        take(explicit[1] as string, Number(explicit[2]));
      }
    }

    const cells: NewCell[] = [];
    const put = (field: ColumnField, value: CellWrite) => {
      const col = cols[field]?.col;
      if (col !== undefined && value.kind !== 'blank') cells.push({ col, value });
    };
    for (const field of dateFields) {
      const at = lr.cells(field);
      if (!at || isBlank(at.value)) continue;
      const d = dateCell(list.grid, at, run.settings.dateOrder);
      if ('reason' in d) rowProblems.push({ code: 'unreadable-date', file, cell: at.cell, value: d.text, reason: d.reason });
      else put(field, d.write);
    }
    const statusAt = lr.cells('status');
    const statusText = cellText(statusAt?.value ?? null);
    const def = statusText === '' ? null : statuses.find(statusText);
    if (statusText !== '' && !def) rowProblems.push({ code: 'unknown-status', file, cell: statusAt?.cell ?? '', value: statusText, statuses: labels });
    const status = def?.label ?? defaultStatus;
    if (rowProblems.length > 0) {
      problems.push(...rowProblems);
      continue;
    }
    put('action', { kind: 'text', text: action });
    put('status', { kind: 'text', text: status });
    if (theme.themeText) put('theme', { kind: 'text', text: theme.themeText });
    for (const field of textFields) {
      const text = cellText(lr.cells(field)?.value ?? null);
      if (text !== '') put(field, { kind: 'text', text });
    }
    placed.push({ list: lr, theme, action, actionCell: actionAt?.cell ?? '', ref, cells, status });
  }

  // Refs for the rest, once every explicit one is known: the theme's next free numbers after its highest.
  for (const p of placed) {
    if (p.ref !== null || !cols.ref) continue;
    const prefix = p.theme.prefix;
    if (prefix === null) {
      problems.push({ code: 'cannot-number', file, cell: p.actionCell, theme: p.theme.theme.label });
      continue;
    }
    const used = taken.get(prefix) ?? new Set<number>();
    let n = (planMax.get(prefix) ?? 0) + 1;
    while (used.has(n)) n++;
    p.ref = `${prefix}.${n}`;
    take(prefix, n);
  }
  for (const p of placed) if (p.ref !== null && cols.ref) p.cells.push({ col: cols.ref.col, value: { kind: 'text', text: p.ref } });

  // The list's columns the plan cannot hold.
  for (const [field, m] of Object.entries(header.columns) as [ColumnField, { col: number; text: string }][]) {
    if (!cols[field] && (textFields.includes(field) || dateFields.includes(field))) result.leftOut.push({ heading: m.text, cell: cellAddress(header.row, m.col) });
  }

  if (problems.length > 0) return { ...result, problems };
  if (placed.length === 0) return result;

  // One block per theme, right after its last row, in the list's order within it.
  const blocks = new Map<number, Placed[]>();
  for (const p of placed) blocks.set(p.theme.lastRow, [...(blocks.get(p.theme.lastRow) ?? []), p]);
  const order = [...blocks.keys()].sort((a, b) => a - b);
  const insertions: RowInsertion[] = order.map((afterRow) => ({ afterRow, rows: (blocks.get(afterRow) ?? []).map((p) => [...p.cells].sort((a, b) => a.col - b.col)) }));
  const lands = landingRows(insertions);
  const added: AddedAction[] = [];
  order.forEach((afterRow, i) => (blocks.get(afterRow) ?? []).forEach((p, k) => added.push({ cell: p.actionCell, ref: p.ref, action: p.action, theme: p.theme.theme.label, status: p.status, row: (lands[i] as number) + k })));
  const source = `add from '${baseName(file)}'`;
  const entries: AuditEntry[] = added.map((a) => ({ when: options.when, period: '', ref: a.ref, action: a.action, field: 'added', old: '', new: a.status, source }));
  return { ...result, added, insertions, audit: { sheet: auditSheet, rows: auditRows(appendAudit(run.audit, entries)), added: entries.length } };
}

/**
 * The new rows' status cells coloured as Apply colours a status (a new row takes the formats of the
 * row it follows, so its status cell would otherwise show that row's colour): one group per colour.
 */
export function addedStatusFills(run: PreparedRun, added: readonly AddedAction[]): FillGroup[] {
  const col = run.checked.header.columns.status?.col;
  if (col === undefined) return [];
  const palette = activePalette(run.settings);
  const groups = new Map<Rag, FillGroup>();
  for (const a of added) {
    const rag = run.checked.scheme.statuses.find((s) => s.label === a.status)?.rag;
    if (!rag) continue;
    let g = groups.get(rag);
    if (!g) groups.set(rag, (g = { rag, fill: palette[rag].fill, text: palette[rag].text, ranges: [], cells: 0 }));
    g.ranges.push(cellAddress(a.row, col));
    g.cells++;
  }
  return [...groups.values()];
}
