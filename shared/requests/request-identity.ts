/**
 * Which plan action a row of an update request stands for, kept in a hidden cell of the request:
 * the plan's sheet, the action's ref, a short hash of its wording and the row it was on when the
 * request was made. Replies match by ref and wording (rows move), the row only breaks a tie.
 */

export interface RequestIdentity {
  sheet: string;
  ref: string | null;
  /** wordingHash of the action's text. */
  hash: string;
  /** 1-based sheet row at request time. */
  row: number;
}

/** The words of a text, lower case, one space apart: what the hash and the matching read. */
function wording(text: string | null): string {
  return ((text ?? '').toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? []).join(' ');
}

/** Eight hex digits (FNV-1a over the UTF-16 code units of the wording): the same words give the same hash. */
export function wordingHash(text: string | null): string {
  let h = 0x811c9dc5;
  const w = wording(text);
  for (let i = 0; i < w.length; i++) {
    h ^= w.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h.toString(16).padStart(8, '0');
}

/** The identity as the text of one cell: a JSON array, which a sheet name or ref cannot break. */
export function identityText(id: RequestIdentity): string {
  return JSON.stringify([id.sheet, id.ref, id.hash, id.row]);
}

/** The identity read back; null when the cell holds anything else. */
export function parseIdentity(text: string): RequestIdentity | null {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    return null;
  }
  if (!Array.isArray(data) || data.length !== 4) return null;
  const [sheet, ref, hash, row] = data as unknown[];
  if (typeof sheet !== 'string' || (ref !== null && typeof ref !== 'string') || typeof hash !== 'string' || !/^[0-9a-f]{8}$/.test(hash)) return null;
  if (typeof row !== 'number' || !Number.isInteger(row) || row < 1) return null;
  return { sheet, ref, hash, row };
}
