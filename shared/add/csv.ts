/**
 * A list of new actions saved as CSV, read into a grid as the first sheet of a workbook would be:
 * RFC 4180 (fields split by commas, quoted with double quotes, a quote inside doubled, line breaks
 * inside quotes kept), with what spreadsheets write besides: CRLF, LF or CR line ends, a UTF-8 byte
 * order mark, and files saved in Windows-1252 by older Excel. Written here (some 80 lines) rather
 * than taken from npm: the engine may use nothing outside the language, and the task pane's bundle
 * is counted. Every value stays text; dates and numbers are read later as typed text is.
 */
import type { CellValue, GridSnapshot } from '../grid/grid';
import { baseName, type ActionList, type AddProblem } from './plan-additions';

export type CsvResult = { ok: true; rows: string[][] } | { ok: false; line: number; reason: 'unclosed-quote' | 'text-after-quote' };

/** Parses CSV text into rows of fields. A field in quotes may hold commas, quotes (doubled) and line breaks. */
export function parseCsv(text: string): CsvResult {
  const s = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  /** The field was quoted: "" is a field, even at the end of the file. */
  let quoted = false;
  let line = 1;
  let i = 0;
  const endField = () => {
    row.push(field);
    field = '';
    quoted = false;
  };
  const endRow = () => {
    endField();
    rows.push(row);
    row = [];
  };
  while (i < s.length) {
    const c = s[i];
    if (c === '"' && field === '' && !quoted) {
      // A quoted field: runs to the quote not followed by another.
      const opened = line;
      i++;
      for (;;) {
        if (i >= s.length) return { ok: false, line: opened, reason: 'unclosed-quote' };
        const q = s[i];
        if (q === '"') {
          if (s[i + 1] === '"') {
            field += '"';
            i += 2;
            continue;
          }
          i++;
          break;
        }
        if (q === '\n' || (q === '\r' && s[i + 1] !== '\n')) line++;
        field += q;
        i++;
      }
      const next = s[i];
      if (next !== undefined && next !== ',' && next !== '\n' && next !== '\r') return { ok: false, line, reason: 'text-after-quote' };
      quoted = true;
      continue;
    }
    if (c === ',') {
      endField();
      i++;
    } else if (c === '\r' || c === '\n') {
      endRow();
      i += c === '\r' && s[i + 1] === '\n' ? 2 : 1;
      line++;
    } else {
      field += c;
      i++;
    }
  }
  // A last line without a line end still counts; a file ending in one adds no empty row.
  if (field !== '' || quoted || row.length > 0) endRow();
  return { ok: true, rows };
}

/** The rows as the first sheet of a workbook: an empty field is an empty cell, every other one text. */
export function csvGrid(rows: readonly (readonly string[])[], sheet: string): GridSnapshot {
  return { sheet, top: 1, left: 1, values: rows.map((r) => r.map((f): CellValue => (f === '' ? null : f))) };
}

/** Windows-1252's characters for bytes 0x80–0x9F (the rest of the range is Latin-1's). */
const cp1252 = '€\u0081‚ƒ„…†‡ˆ‰Š‹Œ\u008dŽ\u008f\u0090‘’“”•–—˜™š›œ\u009džŸ';

/**
 * The text of a CSV file's bytes: UTF-8 when they are valid UTF-8 (with or without a byte order
 * mark), else Windows-1252, which is what Excel's plain "CSV" saves on a UK Windows machine.
 */
export function csvText(bytes: Uint8Array): string {
  const utf8 = decodeUtf8(bytes);
  if (utf8 !== null) return utf8;
  let out = '';
  for (const b of bytes) out += b >= 0x80 && b <= 0x9f ? (cp1252[b - 0x80] as string) : String.fromCharCode(b);
  return out;
}

/** Strict UTF-8 (no overlongs, no surrogates), or null when the bytes are not UTF-8. */
function decodeUtf8(bytes: Uint8Array): string | null {
  const parts: string[] = [];
  let chunk: number[] = [];
  for (let i = 0; i < bytes.length; ) {
    const b = bytes[i] as number;
    let cp: number;
    let n: number;
    if (b < 0x80) [cp, n] = [b, 1];
    else if (b >= 0xc2 && b < 0xe0) [cp, n] = [b & 0x1f, 2];
    else if (b >= 0xe0 && b < 0xf0) [cp, n] = [b & 0x0f, 3];
    else if (b >= 0xf0 && b < 0xf5) [cp, n] = [b & 0x07, 4];
    else return null;
    if (i + n > bytes.length) return null;
    for (let k = 1; k < n; k++) {
      const x = bytes[i + k] as number;
      if ((x & 0xc0) !== 0x80) return null;
      cp = (cp << 6) | (x & 0x3f);
    }
    if ((n === 3 && (cp < 0x800 || (cp >= 0xd800 && cp <= 0xdfff))) || (n === 4 && (cp < 0x10000 || cp > 0x10ffff))) return null;
    chunk.push(cp);
    if (chunk.length >= 8192) {
      parts.push(String.fromCodePoint(...chunk));
      chunk = [];
    }
    i += n;
  }
  parts.push(String.fromCodePoint(...chunk));
  const text = parts.join('');
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}

/** A CSV file as the list of new actions: its rows as a sheet named after the file, or why it cannot be read. */
export function csvList(file: string, bytes: Uint8Array): { ok: true; list: ActionList } | { ok: false; problem: AddProblem } {
  const parsed = parseCsv(csvText(bytes));
  if (!parsed.ok) return { ok: false, problem: { code: 'list-bad-csv', file, line: parsed.line, reason: parsed.reason } };
  return { ok: true, list: { file, grid: csvGrid(parsed.rows, baseName(file)) } };
}
