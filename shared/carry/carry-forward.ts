/**
 * Carrying a plan forward (seed 004 §4.8–4.9: close the plan, move on to a new-phase plan): the
 * actions not complete go into a new plan sheet with their themes, each row as it stood (every
 * column, dates as dates), refs kept or renumbered, and the history and audit rows of those actions
 * carried in the tool's own sheets. Complete actions, with their milestones, close with the old plan.
 * Pure: the host writes the result (src/xlsx/new-workbook/plan-workbook.ts) and passes the clock in.
 */
import { auditRows, auditSheetName, type AuditEntry } from '../audit/audit-trail';
import { cellAddress } from '../grid/a1';
import { cellText, widestRow, type CellValue, type GridSnapshot } from '../grid/grid';
import { historyRows, historySheetName, type HistoryRecord, type Period } from '../history/history-sheet';
import { matchActions } from '../history/identity';
import { refsIn } from '../plan/dependencies';
import type { ActionRow } from '../plan/read-plan';
import { themeWordPattern, type Theme } from '../plan/theme';
import type { PreparedRun } from '../run/prepare-run';
import type { ColumnField } from '../settings/fields';
import type { SettingsInput } from '../settings/settings';
import { settingsMarker, settingsSheetName, settingsSheetRows } from '../settings/settings-sheet';
import { formatDay } from '../dates/format-date';
import type { Day } from '../dates/day';
import { plural } from '../text/plural';
import { firstCell } from '../workbook/workbook';

export interface CarryOptions {
  /** Themes numbered 1..n in the order they come, actions n.1, n.2…, milestones after their action's new ref. */
  renumber: boolean;
  /** Where the plan came from as the user named it ("cip-sept-2018.xlsx"): in the title and the audit trail. */
  source: string;
  /** The host's clock as an ISO date-time, for the audit entries. */
  now: string;
}

/** What a row of the new plan sheet is, which decides its look. */
export type CarriedRowKind = 'title' | 'note' | 'blank' | 'header' | 'heading' | 'action' | 'milestone';

/** The new plan sheet: a grid as a host would read it back, with each row's kind. */
export interface CarriedPlanSheet {
  name: string;
  /** From A1; dates are serials marked in `dates` (with `datePrecision` where they show only a month or a year). */
  grid: GridSnapshot;
  /** One per row of the grid. */
  kinds: CarriedRowKind[];
  /** 1-based row of the column headings. */
  headerRow: number;
  /** Width in characters of each column from A. */
  columnWidths: number[];
}

export interface ToolSheet {
  name: string;
  rows: CellValue[][];
}

export interface CarriedWorkbook {
  plan: CarriedPlanSheet;
  /** The tool's own sheets, written hidden: settings (when the plan had any), history (when a carried action has some), audit. */
  toolSheets: ToolSheet[];
}

/** One carried row: where it was and where it is now. */
export interface CarriedRef {
  /** 1-based rows in the old plan sheet and the new one. */
  oldRow: number;
  newRow: number;
  old: string | null;
  new: string | null;
  /** The new ref of the action it is a milestone of; null for an action. */
  milestoneOf: string | null;
  action: string | null;
  /** The canonical status, or the text as typed when the scheme does not know it. */
  status: string;
}

export type CarryNote =
  /** A carried row waited on an action that closed with the old plan: that ref is taken out of the cell. */
  | { code: 'dependency-closed'; ref: string | null; oldRef: string | null; on: string; field: ColumnField; cell: string; was: string; now: string }
  /** A milestone not complete under an action that is: it closes with its action. */
  | { code: 'open-milestone-closed'; ref: string | null; parent: string | null; row: number }
  /** The status was given only as the status cell's colour: the new plan says it in words. */
  | { code: 'status-from-colour'; ref: string | null; oldRef: string | null; status: string; cell: string }
  /** --renumber asked for, but the plan has no Ref column to write refs in. */
  | { code: 'no-ref-column' };

export interface CarryResult {
  workbook: CarriedWorkbook;
  /** The old plan's sheet and as-of date. */
  sheet: string;
  asOf: Day;
  renumbered: boolean;
  actions: { total: number; carried: number; closed: number };
  milestones: { total: number; carried: number; closed: number };
  /** Every carried row, in the new plan's order. */
  refs: CarriedRef[];
  /** Themes with an action carried, in order, with their new labels. */
  themes: { old: string | null; new: string | null; actions: number }[];
  history: { periods: number; records: number };
  audit: { carried: number; added: number };
  notes: CarryNote[];
}

const refKey = (ref: string | null) => (ref ?? '').trim().toLowerCase();

/** "Theme 3 – Effective management" as theme `n`; a label without a number stays as it is. */
export function renumberedLabel(label: string, n: number): string {
  const word = themeWordPattern.exec(label)?.[0] ?? '';
  const m = /^\d{1,3}(?!\d)/.exec(label.slice(word.length));
  return m ? `${label.slice(0, word.length)}${n}${label.slice(word.length + m[0].length)}` : label;
}

/** An action with the milestones under it, in sheet order. */
interface Group {
  action: ActionRow;
  complete: boolean;
  milestones: { row: ActionRow; complete: boolean }[];
}

/** Milestones follow the nearest action above them whose ref they extend. */
function groupsOf(run: PreparedRun): Group[] {
  const groups: Group[] = [];
  const last = new Map<string, Group>();
  for (const a of run.checked.assessments) {
    const row = a.action;
    if (row.milestoneOf === null) {
      const g: Group = { action: row, complete: a.complete, milestones: [] };
      groups.push(g);
      last.set(refKey(row.ref), g);
      continue;
    }
    const parent = last.get(refKey(row.milestoneOf));
    if (parent) parent.milestones.push({ row, complete: a.complete });
  }
  return groups;
}

/** The ref of a milestone under its action's new ref: 2.4a under 2.4 renumbered 2.2 is 2.2a. */
function milestoneRef(ref: string | null, parentOld: string | null, parentNew: string | null): string | null {
  if (ref === null || parentOld === null || parentNew === null) return ref;
  return ref.toLowerCase().startsWith(parentOld.toLowerCase()) ? `${parentNew}${ref.slice(parentOld.length)}` : ref;
}

/** Ref tokens ("2.4", "5.12a") in text, with where they are. */
const tokenPattern = /\b\d+(?:\.\d+)*[a-z]?\b/gi;

function isRefToken(token: string): boolean {
  const found = refsIn(token);
  return found.length === 1 && found[0] === token.toLowerCase();
}

interface RefPlace {
  /** Old ref (lower case) → the new refs of the carried rows that had it. */
  carried: Map<string, string[]>;
  /** Old refs (lower case) of the rows that close with the old plan. */
  closed: Set<string>;
}

/**
 * A dependency cell rewritten for the new plan: refs of carried rows as their new refs, refs of
 * closed actions taken out (in a Depends-on column) or marked closed (in a date's text, whose words
 * stay), refs the old plan never had left as typed. Null when nothing changes.
 */
function rewriteDependencies(text: string, field: ColumnField, places: RefPlace, renumber: boolean): { text: string; closed: string[] } | null {
  const closed: string[] = [];
  if (field === 'dependsOn') {
    const refs = refsIn(text);
    const out: string[] = [];
    let changed = false;
    for (const r of refs) {
      const now = places.carried.get(r);
      if (now) {
        if (renumber) changed = true;
        out.push(...(renumber ? now : [r]));
      } else if (places.closed.has(r)) {
        closed.push(r);
        changed = true;
      } else out.push(r);
    }
    return changed ? { text: [...new Set(out)].join(', '), closed } : null;
  }
  // In a date's text only the refs after "depends on" are dependencies (refsInDateText).
  const at = /\bdepend/i.exec(text)?.index;
  if (at === undefined) return null;
  const tail = text.slice(at).replace(tokenPattern, (token) => {
    if (!isRefToken(token)) return token;
    const k = token.toLowerCase();
    const now = places.carried.get(k);
    if (now) return renumber ? now.join(' and ') : token;
    if (places.closed.has(k)) {
      closed.push(k);
      return '(closed)';
    }
    return token;
  });
  const out = text.slice(0, at) + tail;
  return out === text ? null : { text: out, closed };
}

/** The first title line above the header, as a person reads it. */
function titleOf(grid: GridSnapshot, headerRow: number): string | null {
  for (let r = 0; r < grid.values.length && grid.top + r < headerRow; r++) {
    const texts = (grid.values[r] ?? []).map((v) => cellText(v)).filter((t) => t !== '');
    if (texts.length > 0) return texts.join(' ');
  }
  return null;
}

/** Widths by what each column holds. */
const widths: Partial<Record<ColumnField, number>> = { ref: 8, action: 50, lead: 24, email: 28, leadMember: 24, seniorLead: 24, theme: 24, target: 14, revised: 14, status: 16, commentary: 60, source: 14, dependsOn: 12 };

/** A name for a tool's sheet that no other sheet of the new workbook has. */
function freeName(wanted: string, taken: Set<string>): string {
  let name = wanted;
  for (let k = 2; taken.has(name.toLowerCase()); k++) name = `${wanted} (${k})`;
  taken.add(name.toLowerCase());
  return name;
}

/** The next plan, started with the old plan's open actions. */
export function carryForward(run: PreparedRun, options: CarryOptions): CarryResult {
  const c = run.checked;
  const source = run.workbook.sheets.find((s) => s.name === c.sheet)?.grid;
  if (!source) throw new Error(`The plan's sheet '${c.sheet}' is not in the workbook read.`);
  const cols = c.header.columns;
  const colOf = (f: ColumnField) => cols[f]?.col;
  const lastCol = source.left + widestRow(source.values) - 1;
  const width = Math.max(lastCol, ...c.header.headers.map((h) => h.col));

  // Refs can be renumbered only where the plan has a column to write them in.
  const renumber = options.renumber && colOf('ref') !== undefined;
  const groups = groupsOf(run);
  const carriedGroups = groups.filter((g) => !g.complete);
  const notes: CarryNote[] = options.renumber && !renumber ? [{ code: 'no-ref-column' }] : [];
  for (const g of groups) {
    if (!g.complete) continue;
    for (const m of g.milestones) if (!m.complete) notes.push({ code: 'open-milestone-closed', ref: m.row.ref, parent: g.action.ref, row: m.row.row });
  }

  // New refs and theme numbers.
  const themeNumber = new Map<string, number>();
  const themeCount = new Map<string, number>();
  const newRef = new Map<ActionRow, string | null>();
  for (const g of carriedGroups) {
    const key = g.action.theme?.key ?? '';
    if (!themeNumber.has(key)) themeNumber.set(key, themeNumber.size + 1);
    const k = (themeCount.get(key) ?? 0) + 1;
    themeCount.set(key, k);
    const ref = renumber ? `${themeNumber.get(key)}.${k}` : g.action.ref;
    newRef.set(g.action, ref);
    for (const m of g.milestones) newRef.set(m.row, renumber ? milestoneRef(m.row.ref, g.action.ref, ref) : m.row.ref);
  }
  const newLabel = (t: Theme | null): string | null => {
    if (t === null) return null;
    const n = themeNumber.get(t.key);
    return renumber && n !== undefined && t.number !== null ? renumberedLabel(t.label, n) : t.label;
  };
  const places: RefPlace = { carried: new Map(), closed: new Set() };
  for (const [row, ref] of newRef) {
    const k = refKey(row.ref);
    if (k === '' || ref === null) continue;
    const list = places.carried.get(k);
    if (list) list.push(ref);
    else places.carried.set(k, [ref]);
  }
  for (const g of groups) {
    for (const row of [g.action, ...g.milestones.map((m) => m.row)]) if (!newRef.has(row) && refKey(row.ref) !== '' && !places.carried.has(refKey(row.ref))) places.closed.add(refKey(row.ref));
  }

  // The grid, row by row.
  const values: CellValue[][] = [];
  const dates: boolean[][] = [];
  const precision: ('month' | 'year' | undefined)[][] = [];
  const errors: (string | null)[][] = [];
  const merges: string[] = [];
  const kinds: CarriedRowKind[] = [];
  const push = (kind: CarriedRowKind, cells: CellValue[]) => {
    values.push(cells);
    kinds.push(kind);
  };
  const total = groups.length;
  const closedCount = total - carriedGroups.length;
  const title = titleOf(source, c.header.row) ?? run.settings.planTitle ?? c.sheet;
  const when = formatDay(c.asOf);
  push('title', [`${title} — carried forward ${when}`]);
  push('note', [`Carried forward from '${c.sheet}' in ${options.source} as of ${when}: ${plural(carriedGroups.length, 'action')} of ${total} not complete. The ${closedCount} complete stay closed in ${options.source}.`]);
  push('blank', []);
  const sourceRow = (row: number) => source.values[row - source.top] ?? [];
  const headerCells: CellValue[] = [];
  for (let col = source.left; col <= width; col++) headerCells[col - 1] = sourceRow(c.header.row)[col - source.left] ?? null;
  push('header', headerCells);
  const headerRow = values.length;

  const refs: CarriedRef[] = [];
  const themes: CarryResult['themes'] = [];
  const statusOf = (a: ActionRow) => a.status?.label ?? a.statusText;
  const copyRow = (a: ActionRow, kind: 'action' | 'milestone', milestoneOf: string | null) => {
    const r = a.row - source.top;
    const at = values.length;
    const cells: CellValue[] = [];
    for (let col = source.left; col <= width; col++) {
      const i = col - source.left;
      cells[col - 1] = source.values[r]?.[i] ?? null;
      if (source.dates?.[r]?.[i] === true) (dates[at] ??= [])[col - 1] = true;
      const p = source.datePrecision?.[r]?.[i];
      if (p !== undefined) (precision[at] ??= [])[col - 1] = p;
      const e = source.errors?.[r]?.[i];
      if (e) (errors[at] ??= [])[col - 1] = e;
    }
    const set = (f: ColumnField, v: CellValue) => {
      const col = colOf(f);
      if (col === undefined) return;
      cells[col - 1] = v;
      if (dates[at]) dates[at][col - 1] = false;
      if (errors[at]) errors[at][col - 1] = null;
    };
    const ref = newRef.get(a) ?? null;
    if (renumber && ref !== a.ref) set('ref', ref);
    const themeCol = colOf('theme');
    if (renumber && themeCol !== undefined && a.theme !== null) {
      const typed = cellText(cells[themeCol - 1] ?? null);
      if (typed !== '') set('theme', newLabel(a.theme));
    }
    // What the row waits on, wherever it is written (the Depends-on column, or a date's "dependent on …").
    for (const field of ['dependsOn', 'target', 'revised'] as const) {
      const col = colOf(field);
      const value = col === undefined ? null : (cells[col - 1] ?? null);
      // A Depends-on cell may hold a number (2.1) that the plan reads as a ref; a date cell's number is a date.
      const was = typeof value === 'string' ? value : typeof value === 'number' && field === 'dependsOn' ? cellText(value) : null;
      const rewritten = was === null ? null : rewriteDependencies(was, field, places, renumber);
      if (col === undefined || was === null || !rewritten) continue;
      set(field, rewritten.text === '' ? null : rewritten.text);
      for (const on of rewritten.closed) notes.push({ code: 'dependency-closed', ref, oldRef: a.ref, on, field, cell: cellAddress(at + 1, col), was, now: rewritten.text });
    }
    const statusCol = colOf('status');
    if (a.statusText === '' && a.statusFill !== null && a.status !== null && statusCol !== undefined) {
      set('status', a.status.label);
      notes.push({ code: 'status-from-colour', ref, oldRef: a.ref, status: a.status.label, cell: cellAddress(at + 1, statusCol) });
    }
    push(kind, cells);
    refs.push({ oldRow: a.row, newRow: at + 1, old: a.ref, new: ref, milestoneOf, action: a.action, status: statusOf(a) });
  };

  let heading: Theme | null = null;
  let themeKey: string | null = null;
  const first = source.left;
  for (const g of carriedGroups) {
    const h = g.action.heading;
    if (h !== null && h !== heading) {
      heading = h;
      const cells: CellValue[] = [];
      cells[first - 1] = newLabel(h);
      const commentary = colOf('commentary');
      const narrative = h.narrative ?? null;
      if (narrative !== null && commentary !== undefined && commentary > first) cells[commentary - 1] = narrative;
      const at = values.length + 1;
      // A heading row is merged across the sheet, as plans lay them out (and so it reads as one with a narrative beside it).
      const right = narrative !== null && commentary !== undefined && commentary > first ? commentary - 1 : width;
      if (right > first) merges.push(`${cellAddress(at, first)}:${cellAddress(at, right)}`);
      push('heading', cells);
    }
    const key = g.action.theme?.key ?? '';
    if (key !== themeKey) {
      themeKey = key;
      themes.push({ old: g.action.theme?.label ?? null, new: newLabel(g.action.theme), actions: 0 });
    }
    const t = themes.at(-1);
    if (t) t.actions++;
    copyRow(g.action, 'action', null);
    const parent = newRef.get(g.action) ?? null;
    for (const m of g.milestones) copyRow(m.row, 'milestone', parent);
  }

  const grid: GridSnapshot = { sheet: c.sheet, top: 1, left: 1, values, dates, datePrecision: precision, errors, merges };
  const columnWidths: number[] = [];
  const fieldAt = new Map<number, ColumnField>();
  for (const [f, m] of Object.entries(cols)) fieldAt.set(m.col, f as ColumnField);
  for (let col = 1; col <= width; col++) {
    const f = fieldAt.get(col);
    columnWidths.push(col < source.left ? 4 : ((f && widths[f]) ?? 16));
  }

  // History and audit of the carried rows.
  const topRows = groups.map((g) => g.action);
  const periods: Period[] = [];
  let records = 0;
  for (const p of run.history) {
    const match = matchActions(topRows, p.records);
    const kept: HistoryRecord[] = [];
    p.records.forEach((rec, i) => {
      const row = topRows[match[i] ?? -1];
      if (!row || !newRef.has(row)) return;
      // Renumbered, a record takes its action's new ref and theme label; kept, it stays as recorded.
      kept.push(renumber ? { ...rec, ref: newRef.get(row) ?? null, theme: rec.theme === null ? null : (newLabel(row.theme) ?? rec.theme) } : rec);
    });
    if (kept.length > 0) {
      periods.push({ ...p, records: kept });
      records += kept.length;
    }
  }
  const allRows = groups.flatMap((g) => [g.action, ...g.milestones.map((m) => m.row)]);
  const rowOfIdentity = new Map<string, ActionRow | null>();
  const identityOf = (e: AuditEntry) => `${refKey(e.ref)}\u0000${e.action ?? ''}`;
  const carriedAudit: AuditEntry[] = [];
  // Rows by ref, so each audited action is matched among the rows of its own ref only.
  const rowsByRef = new Map<string, ActionRow[]>();
  for (const row of allRows) {
    const list = rowsByRef.get(refKey(row.ref));
    if (list) list.push(row);
    else rowsByRef.set(refKey(row.ref), [row]);
  }
  for (const e of run.audit) {
    const id = identityOf(e);
    if (!rowOfIdentity.has(id)) {
      const candidates = rowsByRef.get(refKey(e.ref)) ?? [];
      rowOfIdentity.set(id, candidates[matchActions([e], candidates).indexOf(0)] ?? null);
    }
    const row = rowOfIdentity.get(id);
    if (row && newRef.has(row)) carriedAudit.push({ ...e, ref: newRef.get(row) ?? null });
  }
  const from = `carried forward from '${options.source}' ('${c.sheet}')`;
  const added: AuditEntry[] = refs.map((r) => ({ when: options.now, period: '', ref: r.new, action: r.action, field: 'carried forward', old: r.old ?? '', new: r.new ?? '', source: from }));

  const taken = new Set([c.sheet.toLowerCase()]);
  const toolSheets: ToolSheet[] = [];
  const settingsSheet = run.workbook.sheets.find((s) => firstCell(s) === settingsMarker);
  if (settingsSheet) {
    // The old plan's as-of date would pin the new plan to it.
    const input: SettingsInput = { ...run.settingsInput };
    delete input.asOf;
    toolSheets.push({ name: freeName(settingsSheetName, taken), rows: settingsSheetRows(input) });
  }
  if (periods.length > 0) toolSheets.push({ name: freeName(historySheetName, taken), rows: historyRows(periods) });
  toolSheets.push({ name: freeName(auditSheetName, taken), rows: auditRows([...carriedAudit, ...added]) });

  const milestonesTotal = groups.reduce((n, g) => n + g.milestones.length, 0);
  const milestonesCarried = carriedGroups.reduce((n, g) => n + g.milestones.length, 0);
  return {
    workbook: { plan: { name: c.sheet, grid, kinds, headerRow, columnWidths }, toolSheets },
    sheet: c.sheet,
    asOf: c.asOf,
    renumbered: renumber,
    actions: { total, carried: carriedGroups.length, closed: closedCount },
    milestones: { total: milestonesTotal, carried: milestonesCarried, closed: milestonesTotal - milestonesCarried },
    refs,
    themes,
    history: { periods: periods.length, records },
    audit: { carried: carriedAudit.length, added: added.length },
    notes,
  };
}
