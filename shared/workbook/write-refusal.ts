/**
 * Why an adapter refused to write, as data. Adapters throw a WriteRefused carrying one; the words are
 * chosen in shared/app/messages.ts, so every host says the same thing. The refusal also travels in the
 * error's message as JSON, because Apps Script's google.script.run passes only an error's message to
 * the sidebar.
 */
export type WriteRefusal =
  /** A sheet the plan would change is protected (checked before the first write: nothing is half-written). */
  | { code: 'sheet-protected'; sheet: string }
  /** A sheet has the name of one of the tool's own sheets but not its marker: it is the user's, so it is left alone. */
  | { code: 'sheet-not-ours'; sheet: string }
  /** The sheet was renamed or deleted between the read and the write. */
  | { code: 'sheet-gone'; sheet: string }
  /** Another writer holds the spreadsheet's lock (Sheets' LockService). */
  | { code: 'busy' }
  /**
   * New rows cannot go into this .xlsx file without rewriting what refers to the rows that would
   * move (a formula, a table, a drawing or note, a defined name…): `what` says which, `where` the part or cell.
   */
  | { code: 'rows-would-break'; sheet: string; what: InsertBlocker; where: string };

/** What, in an .xlsx file, stops rows being inserted surgically. */
export type InsertBlocker = 'formula' | 'shared-formula' | 'reference' | 'defined-name' | 'table' | 'drawing' | 'comment' | 'control' | 'pivot-table' | 'merged-cells' | 'extension';

const prefix = 'Plan Monitor refused: ';

export class WriteRefused extends Error {
  constructor(readonly refusal: WriteRefusal) {
    super(prefix + JSON.stringify(refusal));
    this.name = 'WriteRefused';
  }
}

const codes = new Set<string>(['sheet-protected', 'sheet-not-ours', 'sheet-gone', 'busy', 'rows-would-break']);

/** The refusal an error carries, whether it is our WriteRefused or one that crossed google.script.run as a message. */
export function refusalOf(e: unknown): WriteRefusal | null {
  if (e instanceof WriteRefused) return e.refusal;
  const message = typeof e === 'object' && e !== null && 'message' in e ? String((e as { message: unknown }).message) : typeof e === 'string' ? e : '';
  const at = message.indexOf(prefix);
  if (at < 0) return null;
  try {
    const data = JSON.parse(message.slice(at + prefix.length)) as unknown;
    if (typeof data !== 'object' || data === null || !codes.has(String((data as { code?: unknown }).code))) return null;
    const sheet = (data as { sheet?: unknown }).sheet;
    if ('sheet' in data && typeof sheet !== 'string') return null;
    return data as WriteRefusal;
  } catch {
    return null;
  }
}
