/**
 * A list of new actions saved as CSV, read into a grid as the first sheet of a workbook would be:
 * RFC 4180 (fields split by commas, quoted with double quotes, a quote inside doubled, line breaks
 * inside quotes kept), with what spreadsheets write besides: CRLF, LF or CR line ends and a byte
 * order mark. The host turns the file's bytes into text (src/host/csv-text.ts); the engine only
 * parses. Written here (some 60 lines) rather than taken from npm: the engine may use nothing outside
 * the language, and the task pane's bundle is counted. Every value stays text; dates and numbers
 * are read later as typed text is.
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
/** A CSV file as the list of new actions: its rows as a sheet named after the file, or why it cannot be read. */
export function csvList(file: string, text: string): { ok: true; list: ActionList } | { ok: false; problem: AddProblem } {
  const parsed = parseCsv(text);
  if (!parsed.ok) return { ok: false, problem: { code: 'list-bad-csv', file, line: parsed.line, reason: parsed.reason } };
  return { ok: true, list: { file, grid: csvGrid(parsed.rows, baseName(file)) } };
}
