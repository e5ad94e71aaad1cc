/**
 * Merging replies to update requests into the plan: each reply row is matched to its action (by
 * ref and wording, so rows moved in the plan or the reply still match), each field the officer
 * changed is checked (a status of the scheme, a date that reads), and placed only where the plan
 * still holds what was sent: a plan cell changed since the request is a conflict, listed and left
 * alone. The result is data: the cell edits a host writes, the audit rows, and coded problems.
 */
import { appendAudit, auditMarker, auditRows, auditSheetName, type AuditEntry } from '../audit/audit-trail';
import { dayFromSerial, serialFromDay } from '../dates/day';
import { formatDay } from '../dates/format-date';
import { parseDate, type ParsedDate } from '../dates/parse-date';
import { cellAddress } from '../grid/a1';
import { cellText, type CellValue } from '../grid/grid';
import { matchActions } from '../history/identity';
import type { ActionRow } from '../plan/read-plan';
import { wordingHash, type RequestIdentity } from '../requests/request-identity';
import { commentaryKey, dateKey, dateText, parseDateAsSent, statusKey, updateFields, type UpdateField } from '../requests/field-values';
import type { PreparedRun } from '../run/prepare-run';
import type { ColumnField } from '../settings/fields';
import { statusLookup } from '../status/normalise';
import { firstCell, type WorkbookSnapshot } from '../workbook/workbook';
import type { CellEdit, CellWrite } from './cell-edits';
import { readReply, type ReplyCell, type ReplyRow } from './read-reply';

export interface ReplyInput {
  /** The reply's file as the user named it; its last segment names it in the audit trail. */
  file: string;
  workbook: WorkbookSnapshot;
}

export interface MergeOptions {
  /** Now, by the host's clock (ISO date-time), for the audit trail. */
  when: string;
  /** Cells of the plan sheet (A1) that hold a formula: never overwritten. */
  formulaCells?: ReadonlySet<string>;
}

/** Why something in a reply was not merged, with the reply's file and cell. */
export type MergeProblem =
  /** The workbook is not a reply to an update request (no request sheet): nothing is merged from any reply. */
  | { code: 'not-a-request'; file: string }
  /** The reply was made for another sheet of this workbook. */
  | { code: 'other-sheet'; file: string; sheet: string; planSheet: string }
  /** A row's hidden identity was changed into something unreadable. */
  | { code: 'bad-identity'; file: string; cell: string }
  /** No action of the plan has this ref and wording (removed, or renumbered). */
  | { code: 'unknown-action'; file: string; cell: string; ref: string | null; action: string | null; planSheet: string }
  | { code: 'unknown-status'; file: string; cell: string; ref: string | null; value: string; statuses: string[] }
  | { code: 'unreadable-date'; file: string; cell: string; ref: string | null; value: string; reason: string }
  /** The plan has no column for the field the officer filled in. */
  | { code: 'no-plan-column'; file: string; cell: string; ref: string | null; field: UpdateField }
  | { code: 'formula-cell'; file: string; cell: string; ref: string | null; field: UpdateField; planCell: string };

interface Placed {
  file: string;
  /** The reply's cell. */
  cell: string;
  /** The plan's cell. */
  planCell: string;
  ref: string | null;
  action: string | null;
  field: UpdateField;
}

export interface MergedChange extends Placed {
  old: string;
  new: string;
}

/** A plan cell changed since the request was made, to something other than the reply's value. */
export interface MergeConflict extends Placed {
  /** The value when the request was made. */
  asSent: string;
  /** The plan's value now. */
  plan: string;
  /** What the officer typed. */
  reply: string;
}

export interface MergeResult {
  sheet: string;
  replies: number;
  /** Each change placed, in reply order. */
  changes: MergedChange[];
  /** The plan sheet's cells to write (one per cell: a later reply's value wins). */
  edits: CellEdit[];
  conflicts: MergeConflict[];
  /** Rows and replies not merged, and why. */
  refused: MergeProblem[];
  /** Replies that are not replies: when there is one, nothing at all is merged. */
  unreadable: MergeProblem[];
  /** The audit sheet with the changes appended; null when nothing changed. */
  audit: { sheet: string; rows: CellValue[][]; added: number } | null;
}

const fieldColumn: Record<UpdateField, ColumnField> = { status: 'status', 'revised date': 'revised', commentary: 'commentary' };
const replyColumn = { status: 'status', 'revised date': 'revised', commentary: 'commentary' } as const;
const asSentColumn = { status: 'statusAsSent', 'revised date': 'revisedAsSent', commentary: 'commentaryAsSent' } as const;

/** A field's value as compared (key) and as shown (text). */
interface FieldValue {
  key: string;
  text: string;
}

/** What the officer typed, checked, and what it becomes in the plan. */
type Typed = { ok: true; value: FieldValue; write: CellWrite } | { ok: false; problem: MergeProblem };

const refKey = (ref: string | null) => (ref ?? '').trim().toLowerCase();

/** Text as typed: a number as written, a date cell as the date. */
function typedText(c: ReplyCell): string {
  const v = c.value;
  if (typeof v === 'string') return v;
  if (typeof v === 'number' && c.isDate) {
    const day = dayFromSerial(v);
    if (day !== null) return formatDay(day);
  }
  return cellText(v);
}

/** The reply's cell still holds, as text, what was sent (an unreadable date or status sent back untouched). */
function replyUnchanged(row: ReplyRow, f: UpdateField, sent: string): boolean {
  return cellText(typedText(row.cells[replyColumn[f]])) === cellText(sent);
}

/** The last segment of a path, as the audit trail names the reply. */
function baseName(file: string): string {
  return file.slice(Math.max(file.lastIndexOf('/'), file.lastIndexOf('\\')) + 1);
}

/**
 * Which plan action each reply row is: the same ref and wording hash first (the row at request
 * time breaking a tie), then by ref and wording as the history matches periods. -1 when none.
 */
function matchRows(actions: readonly ActionRow[], rows: readonly { identity: RequestIdentity; wording: string | null }[]): number[] {
  const out = rows.map(() => -1);
  const taken = new Set<number>();
  const exact = new Map<string, number[]>();
  actions.forEach((a, i) => {
    const k = `${refKey(a.ref)}\u0000${wordingHash(a.action)}`;
    const list = exact.get(k);
    if (list) list.push(i);
    else exact.set(k, [i]);
  });
  rows.forEach((r, ri) => {
    const candidates = (exact.get(`${refKey(r.identity.ref)}\u0000${r.identity.hash}`) ?? []).filter((i) => !taken.has(i));
    const pick = candidates.find((i) => actions[i]?.row === r.identity.row) ?? candidates[0];
    if (pick === undefined) return;
    out[ri] = pick;
    taken.add(pick);
  });
  const restRows = rows.map((_, i) => i).filter((i) => out[i] === -1);
  const restActions = actions.map((_, i) => i).filter((i) => !taken.has(i));
  const fuzzy = matchActions(
    restActions.map((i) => actions[i] as ActionRow),
    restRows.map((i) => ({ ref: rows[i]?.identity.ref ?? null, action: rows[i]?.wording ?? null })),
  );
  restRows.forEach((ri, k) => {
    const j = fuzzy[k] ?? -1;
    if (j >= 0) out[ri] = restActions[j] as number;
  });
  return out;
}

export function mergeReplies(run: PreparedRun, replies: readonly ReplyInput[], options: MergeOptions): MergeResult {
  const c = run.checked;
  const order = run.settings.dateOrder;
  const statuses = statusLookup(c.scheme);
  const labels = c.scheme.statuses.map((s) => s.label);
  const actions = c.plan.actions;
  const grid = run.workbook.sheets.find((s) => s.name === c.sheet)?.grid;
  const colOf = (f: UpdateField) => c.header.columns[fieldColumn[f]]?.col;
  const formulas = options.formulaCells ?? new Set<string>();

  const parsedDate = (cell: ReplyCell): ParsedDate => parseDate(cell.value, { order, isDateCell: cell.isDate, cellPrecision: cell.precision });
  const asSent = (f: UpdateField, text: string): string => (f === 'status' ? statusKey(text, statuses) : f === 'revised date' ? dateKey(parseDateAsSent(text, order)) : commentaryKey(text));
  const asSentText = (f: UpdateField, text: string): string => (f === 'revised date' ? dateText(parseDateAsSent(text, order)) : text);

  /** The plan's values as they stand, merges of earlier replies in this run included. */
  const current = new Map<string, FieldValue>();
  const planValue = (i: number, f: UpdateField): FieldValue => {
    const k = `${i}\u0000${f}`;
    const known = current.get(k);
    if (known) return known;
    const a = actions[i] as ActionRow;
    let v: FieldValue;
    if (f === 'status') v = { key: statusKey(a.statusText, statuses), text: a.statusText };
    else if (f === 'revised date') v = { key: dateKey(a.revised), text: dateText(a.revised) };
    else {
      const col = colOf('commentary');
      const raw = grid && col !== undefined ? (grid.values[a.row - grid.top]?.[col - grid.left] ?? null) : null;
      v = { key: commentaryKey(cellText(raw)), text: a.commentary ?? '' };
    }
    current.set(k, v);
    return v;
  };

  const typed = (file: string, row: ReplyRow, f: UpdateField): Typed => {
    const cell = row.cells[replyColumn[f]];
    const ref = row.identity?.ref ?? null;
    if (f === 'status') {
      const text = cellText(cell.value);
      const def = statuses.find(text);
      if (!def) return { ok: false, problem: { code: 'unknown-status', file, cell: cell.cell, ref, value: text, statuses: labels } };
      return { ok: true, value: { key: def.label, text: def.label }, write: { kind: 'text', text: def.label } };
    }
    if (f === 'revised date') {
      const p = parsedDate(cell);
      if (p.kind === 'invalid') return { ok: false, problem: { code: 'unreadable-date', file, cell: cell.cell, ref, value: p.text, reason: p.reason } };
      if (p.kind === 'blank') return { ok: true, value: { key: '', text: '' }, write: { kind: 'blank' } };
      if (p.kind === 'date' && p.precision === 'day') return { ok: true, value: { key: dateKey(p), text: formatDay(p.due) }, write: { kind: 'date', serial: serialFromDay(p.due) } };
      // "Nov 2018", "Q3 2018/19", "TBC": kept as the officer typed it (a month-only date cell as the month it shows).
      const words = typeof cell.value === 'string' ? cell.value.trim() : dateText(p);
      return { ok: true, value: { key: dateKey(p), text: words }, write: { kind: 'text', text: words } };
    }
    const text = typedText(cell);
    const blank = cellText(text) === '';
    return { ok: true, value: { key: commentaryKey(text), text: blank ? '' : text }, write: blank ? { kind: 'blank' } : { kind: 'text', text } };
  };

  const changes: MergedChange[] = [];
  const conflicts: MergeConflict[] = [];
  const refused: MergeProblem[] = [];
  const unreadable: MergeProblem[] = [];
  const edits = new Map<string, CellEdit>();
  const audit: AuditEntry[] = [];
  const planSheetTaken = new Set(run.workbook.sheets.map((s) => s.name.toLowerCase()));

  for (const reply of replies) {
    const file = reply.file;
    const sheet = readReply(reply.workbook);
    if (!sheet) {
      unreadable.push({ code: 'not-a-request', file });
      continue;
    }
    const rows = sheet.rows.filter((r) => {
      if (r.identity) return true;
      refused.push({ code: 'bad-identity', file, cell: r.cells.identity.cell });
      return false;
    });
    // A reply made for another sheet of this workbook is not this plan's; a sheet renamed since is.
    const other = rows.map((r) => (r.identity as RequestIdentity).sheet).find((s) => s.toLowerCase() !== c.sheet.toLowerCase() && planSheetTaken.has(s.toLowerCase()));
    if (other !== undefined) {
      refused.push({ code: 'other-sheet', file, sheet: other, planSheet: c.sheet });
      continue;
    }
    const matched = matchRows(
      actions,
      rows.map((r) => ({ identity: r.identity as RequestIdentity, wording: cellText(r.cells.action.value) || null })),
    );
    rows.forEach((row, ri) => {
      const ref = row.identity?.ref ?? null;
      const i = matched[ri] ?? -1;
      const action = actions[i];
      if (!action) {
        refused.push({ code: 'unknown-action', file, cell: row.cells.ref.cell, ref, action: cellText(row.cells.action.value) || null, planSheet: c.sheet });
        return;
      }
      // The fields the officer changed: each must be placeable, or none of the row is merged.
      const wanted: { f: UpdateField; t: Extract<Typed, { ok: true }>; sent: string; col: number }[] = [];
      const problems: MergeProblem[] = [];
      for (const f of updateFields) {
        const sentText = typedText(row.cells[asSentColumn[f]]);
        const t = typed(file, row, f);
        const cell = row.cells[replyColumn[f]].cell;
        if (t.ok && t.value.key === asSent(f, sentText)) continue;
        // Unchanged but unreadable (a plan value sent as it was) is not the officer's to answer for.
        if (!t.ok && f !== 'commentary' && replyUnchanged(row, f, sentText)) continue;
        if (!t.ok) {
          problems.push(t.problem);
          continue;
        }
        const col = colOf(f);
        if (col === undefined) {
          problems.push({ code: 'no-plan-column', file, cell, ref, field: f });
          continue;
        }
        const planCell = cellAddress(action.row, col);
        if (formulas.has(planCell)) {
          problems.push({ code: 'formula-cell', file, cell, ref, field: f, planCell });
          continue;
        }
        wanted.push({ f, t, sent: sentText, col });
      }
      if (problems.length > 0) {
        refused.push(...problems);
        return;
      }
      for (const { f, t, sent, col } of wanted) {
        const now = planValue(i, f);
        const placed: Placed = { file, cell: row.cells[replyColumn[f]].cell, planCell: cellAddress(action.row, col), ref: action.ref, action: action.action, field: f };
        if (now.key === t.value.key) continue;
        if (now.key !== asSent(f, sent)) {
          conflicts.push({ ...placed, asSent: asSentText(f, sent), plan: now.text, reply: t.value.text });
          continue;
        }
        changes.push({ ...placed, old: now.text, new: t.value.text });
        audit.push({ when: options.when, period: '', ref: action.ref, action: action.action, field: f, old: now.text, new: t.value.text, source: `merge of reply '${baseName(file)}'` });
        edits.set(`${action.row}:${col}`, { row: action.row, col, value: t.write });
        current.set(`${i}\u0000${f}`, t.value);
      }
    });
  }

  const auditSheet = run.workbook.sheets.find((s) => firstCell(s) === auditMarker)?.name ?? auditSheetName;
  if (unreadable.length > 0) return { sheet: c.sheet, replies: replies.length, changes: [], edits: [], conflicts: [], refused, unreadable, audit: null };
  return {
    sheet: c.sheet,
    replies: replies.length,
    changes,
    edits: [...edits.values()],
    conflicts,
    refused,
    unreadable,
    audit: audit.length > 0 ? { sheet: auditSheet, rows: auditRows(appendAudit(run.audit, audit)), added: audit.length } : null,
  };
}
