import { dayFromIso, serialFromDay } from '../../../shared/dates/day';
import type { CellValue, GridSnapshot } from '../../../shared/grid/grid';
import { attr } from '../xml/attributes';
import { XmlScanner, localName } from '../xml/scanner';
import { XlsxError } from '../xlsx-error';
import { parseCellRef } from './cell-ref';
import { decodeXstring } from './escapes';
import type { ReadLimits } from './limits';
import type { CellFormats } from './styles';

export interface WorksheetContext {
  sheet: string;
  sharedStrings: readonly string[];
  formats: CellFormats;
  /** The workbook counts dates from 1904: date serials are moved onto the 1900 count the engine reads. */
  date1904: boolean;
  limits: ReadLimits;
  /** Filled cells counted so far across the workbook. */
  cellCount: { n: number };
}

export interface WorksheetRead {
  grid: GridSnapshot;
  protected: boolean;
}

/** Days between the 1900 and 1904 date systems' day zero. */
const days1904 = 1462;

/** An ISO 8601 date or date-time (`t="d"` cells) as a 1900-system serial; null when not one. */
export function serialFromIsoDateTime(text: string): number | null {
  const m = /^(\d{4}-\d{2}-\d{2})(?:T(\d{2}):(\d{2})(?::(\d{2}(?:\.\d+)?))?)?(Z|[+-]\d{2}:?\d{2})?$/.exec(text.trim());
  if (!m) return null;
  const day = dayFromIso(m[1] as string);
  if (day === null) return null;
  const seconds = Number(m[2] ?? 0) * 3600 + Number(m[3] ?? 0) * 60 + Number(m[4] ?? 0);
  return serialFromDay(day) + seconds / 86_400;
}

/**
 * Reads one worksheet part into the grid the engine takes, as it unpacks: values by type (shared,
 * inline and formula strings, numbers, booleans, errors, ISO dates), dates by number format, the fills
 * of blank cells, hidden rows, merged areas and sheet protection.
 */
export function worksheetReader(ctx: WorksheetContext): { scanner: XmlScanner; result: () => WorksheetRead } {
  const values: CellValue[][] = [];
  const dates: boolean[][] = [];
  const errors: (string | null)[][] = [];
  const fills: (string | null)[][] = [];
  const hiddenRows: number[] = [];
  const merges: string[] = [];
  let anyDate = false;
  let anyError = false;
  let isProtected = false;
  const { isDate, fill } = ctx.formats;
  const limits = ctx.limits;

  let inSheetData = false;
  let row = 0;
  let col = 0;
  let inCell = false;
  let cellType: string | null = null;
  let cellStyle = 0;
  let text = '';
  let hasValue = false;
  /** 1: in <v>, 2: in <is><t>, 0 otherwise. */
  let textMode = 0;
  let phonetic = 0;
  let inInline = false;

  const finishCell = () => {
    inCell = false;
    if (!hasValue) {
      const colour = fill[cellStyle];
      if (colour) {
        if (row > limits.rows) throw new XlsxError({ code: 'too-large', what: 'rows', limit: limits.rows, sheet: ctx.sheet });
        (fills[row - 1] ??= [])[col - 1] = colour;
      }
      return;
    }
    let value: CellValue = null;
    let date = false;
    let error: string | null = null;
    switch (cellType) {
      case 's': {
        const s = ctx.sharedStrings[Number(text)];
        value = s ?? null;
        break;
      }
      case 'inlineStr':
      case 'str':
        value = decodeXstring(text);
        break;
      case 'b':
        value = text.trim() === '1' || text.trim().toLowerCase() === 'true';
        break;
      case 'e':
        error = text.trim();
        break;
      case 'd': {
        const serial = serialFromIsoDateTime(text);
        if (serial === null) value = text;
        else {
          value = serial;
          date = true;
        }
        break;
      }
      default: {
        const n = text.length === 0 ? NaN : Number(text);
        if (Number.isFinite(n)) {
          date = isDate[cellStyle] === true;
          value = date && ctx.date1904 ? n + days1904 : n;
        }
      }
    }
    if (value === null && error === null) return;
    if (value === '' && error === null) return;
    if (++ctx.cellCount.n > limits.cells) throw new XlsxError({ code: 'too-large', what: 'cells', limit: limits.cells, sheet: ctx.sheet });
    if (row > limits.rows) throw new XlsxError({ code: 'too-large', what: 'rows', limit: limits.rows, sheet: ctx.sheet });
    const r = row - 1;
    const c = col - 1;
    const line = (values[r] ??= []);
    line[c] = value;
    if (date) {
      (dates[r] ??= [])[c] = true;
      anyDate = true;
    }
    if (error !== null) {
      (errors[r] ??= [])[c] = error;
      anyError = true;
    }
  };

  const scanner = new XmlScanner({
    open(name, tag, selfClosing) {
      const local = localName(name);
      if (inCell) {
        if (local === 'v') {
          textMode = selfClosing ? 0 : 1;
          hasValue = true;
        } else if (local === 'is') {
          inInline = !selfClosing;
          hasValue = true;
        } else if (inInline && local === 'rPh' && !selfClosing) phonetic++;
        else if (inInline && local === 't' && phonetic === 0 && !selfClosing) textMode = 2;
        return;
      }
      if (local === 'c' && inSheetData) {
        const ref = attr(tag, 'r');
        const at = ref === null ? null : parseCellRef(ref);
        if (at) {
          row = at.row;
          col = at.col;
        } else col++;
        if (col > 16_384) throw new XlsxError({ code: 'damaged', detail: `sheet '${ctx.sheet}' has a cell past column XFD` });
        const s = attr(tag, 's');
        cellStyle = s === null ? 0 : Number(s) || 0;
        cellType = attr(tag, 't');
        text = '';
        hasValue = false;
        inCell = true;
        if (selfClosing) finishCell();
      } else if (local === 'row' && inSheetData) {
        const r = attr(tag, 'r');
        row = r === null ? row + 1 : Number(r);
        if (!Number.isInteger(row) || row < 1 || row > 1_048_576) throw new XlsxError({ code: 'damaged', detail: `sheet '${ctx.sheet}' has a row numbered '${r ?? ''}'` });
        col = 0;
        const hidden = attr(tag, 'hidden');
        if (hidden === '1' || hidden === 'true') hiddenRows.push(row);
      } else if (local === 'sheetData') inSheetData = !selfClosing;
      else if (local === 'mergeCell') {
        const ref = attr(tag, 'ref');
        if (ref) merges.push(ref);
      } else if (local === 'sheetProtection') {
        const sheet = attr(tag, 'sheet');
        isProtected = sheet === '1' || sheet === 'true';
      }
    },
    close(name) {
      if (!inCell) {
        if (inSheetData && name.endsWith('sheetData')) inSheetData = false;
        return;
      }
      const local = localName(name);
      if (local === 'c') finishCell();
      else if (local === 'v' || local === 't') textMode = 0;
      else if (local === 'rPh') phonetic--;
      else if (local === 'is') inInline = false;
    },
    text(t) {
      if (textMode !== 0) text += t;
    },
  });

  const result = (): WorksheetRead => {
    for (let r = 0; r < values.length; r++) if (!values[r]) values[r] = [];
    for (let r = 0; r < values.length; r++) {
      const line = values[r] as CellValue[];
      for (let c = 0; c < line.length; c++) if (line[c] === undefined) line[c] = null;
    }
    // Only the top-left cell of a merged area holds a value in Excel; other writers may leave more.
    for (const m of merges) clearUnderMerge(m, values, fills);
    const grid: GridSnapshot = { sheet: ctx.sheet, top: 1, left: 1, values, merges, fills, hiddenRows };
    if (anyDate) grid.dates = dates;
    if (anyError) grid.errors = errors;
    return { grid, protected: isProtected };
  };
  return { scanner, result };
}

function clearUnderMerge(range: string, values: CellValue[][], fills: (string | null)[][]): void {
  const [a, b] = range.split(':');
  const from = a ? parseCellRef(a) : null;
  const to = b ? parseCellRef(b) : from;
  if (!from || !to) return;
  // Bounded by the cells there are: a merge may span the whole sheet.
  const lastRow = Math.min(to.row, Math.max(values.length, fills.length));
  for (let r = from.row; r <= lastRow; r++) {
    const line = values[r - 1];
    const f = fills[r - 1];
    const lastCol = Math.min(to.col, Math.max(line?.length ?? 0, f?.length ?? 0));
    for (let c = from.col; c <= lastCol; c++) {
      if (r === from.row && c === from.col) continue;
      if (line && c - 1 < line.length) line[c - 1] = null;
      if (f && f[c - 1] !== undefined) f[c - 1] = null;
    }
  }
}
