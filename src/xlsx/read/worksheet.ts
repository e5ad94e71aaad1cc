import { dayFromIso, serialFromDay } from '../../../shared/dates/day';
import type { CellValue, GridSnapshot } from '../../../shared/grid/grid';
import { attrSpan, decodeText, forEachAttribute, intAt, localStart, scanXmlRaw, spells } from '../xml/scanner';
import { XlsxError } from '../xlsx-error';
import { cellRefAt, parseCellRef } from './cell-ref';
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

const truthyAt = (doc: string, span: [number, number] | null) => span !== null && (spells(doc, span[0], span[1], '1') || spells(doc, span[0], span[1], 'true'));

/** Cell types (the `t` attribute) by their first letters: read from the tag without cutting it out. */
const enum CellType {
  Number,
  Shared,
  Inline,
  Formula,
  Boolean,
  Error,
  Date,
}

function cellTypeAt(doc: string, a: number, b: number): CellType {
  switch (doc.charCodeAt(a)) {
    case 115: // s, str
      return b - a === 1 ? CellType.Shared : CellType.Formula;
    case 105: // inlineStr
      return CellType.Inline;
    case 98:
      return CellType.Boolean;
    case 101:
      return CellType.Error;
    case 100:
      return CellType.Date;
    default:
      return CellType.Number;
  }
}

/**
 * Reads one worksheet part into the grid the engine takes: values by type (shared, inline and formula
 * strings, numbers, booleans, errors, ISO dates), dates by number format, the fills of blank cells,
 * hidden rows, merged areas and sheet protection. It works on positions in the text and cuts out only
 * the values it keeps: a 100,000-action sheet is some 30 MB of XML.
 */
export function readWorksheet(xml: string, ctx: WorksheetContext): WorksheetRead {
  const values: CellValue[][] = [];
  const dates: boolean[][] = [];
  const precisions: ('month' | 'year' | undefined)[][] = [];
  let anyPrecision = false;
  const errors: (string | null)[][] = [];
  const fills: (string | null)[][] = [];
  const hiddenRows: number[] = [];
  const merges: string[] = [];
  let anyDate = false;
  let anyError = false;
  let isProtected = false;
  const { isDate, fill, precision } = ctx.formats;
  const limits = ctx.limits;

  let inSheetData = false;
  let row = 0;
  let col = 0;
  let inCell = false;
  let cellType = CellType.Number;
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
      case CellType.Shared:
        value = ctx.sharedStrings[Number(text)] ?? null;
        break;
      case CellType.Inline:
      case CellType.Formula:
        value = decodeXstring(text);
        break;
      case CellType.Boolean:
        value = text.trim() === '1' || text.trim().toLowerCase() === 'true';
        break;
      case CellType.Error:
        error = text.trim();
        break;
      case CellType.Date: {
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
    if ((value === null || value === '') && error === null) return;
    if (++ctx.cellCount.n > limits.cells) throw new XlsxError({ code: 'too-large', what: 'cells', limit: limits.cells, sheet: ctx.sheet });
    if (row > limits.rows) throw new XlsxError({ code: 'too-large', what: 'rows', limit: limits.rows, sheet: ctx.sheet });
    const r = row - 1;
    const c = col - 1;
    (values[r] ??= [])[c] = value;
    if (date) {
      (dates[r] ??= [])[c] = true;
      anyDate = true;
      const shows = cellType === CellType.Number ? precision[cellStyle] : undefined;
      if (shows) {
        (precisions[r] ??= [])[c] = shows;
        anyPrecision = true;
      }
    }
    if (error !== null) {
      (errors[r] ??= [])[c] = error;
      anyError = true;
    }
  };

  // The attributes of the tag being read, by position (see forEachAttribute).
  let refStart = -1;
  let refEnd = -1;
  let styleAttr = 0;
  let typeAttr = CellType.Number;
  let hiddenAttr = false;
  const onCellAttribute = (ns: number, ne: number, vs: number, ve: number) => {
    if (ne - ns !== 1) return;
    const c = xml.charCodeAt(ns);
    if (c === 114) {
      refStart = vs;
      refEnd = ve;
    } else if (c === 115) styleAttr = intAt(xml, vs, ve) || 0;
    else if (c === 116) typeAttr = cellTypeAt(xml, vs, ve);
  };
  const onRowAttribute = (ns: number, ne: number, vs: number, ve: number) => {
    if (ne - ns === 1 && xml.charCodeAt(ns) === 114) {
      refStart = vs;
      refEnd = ve;
    } else if (spells(xml, ns, ne, 'hidden')) hiddenAttr = spells(xml, vs, ve, '1') || spells(xml, vs, ve, 'true');
  };

  scanXmlRaw(xml, {
    open(doc, start, nameEnd, end, selfClosing) {
      const l = localStart(doc, start + 1, nameEnd);
      if (inCell) {
        if (spells(doc, l, nameEnd, 'v')) {
          textMode = selfClosing ? 0 : 1;
          hasValue = true;
        } else if (spells(doc, l, nameEnd, 'is')) {
          inInline = !selfClosing;
          hasValue = true;
        } else if (inInline && !selfClosing && spells(doc, l, nameEnd, 'rPh')) phonetic++;
        else if (inInline && !selfClosing && phonetic === 0 && spells(doc, l, nameEnd, 't')) textMode = 2;
        return;
      }
      if (inSheetData && spells(doc, l, nameEnd, 'c')) {
        refStart = -1;
        styleAttr = 0;
        typeAttr = CellType.Number;
        forEachAttribute(doc, nameEnd, end, onCellAttribute);
        const at = refStart < 0 ? null : cellRefAt(doc, refStart, refEnd);
        if (at !== null) {
          row = at.row;
          col = at.col;
        } else col++;
        if (col > 16_384) throw new XlsxError({ code: 'damaged', detail: `sheet '${ctx.sheet}' has a cell past column XFD` });
        cellStyle = styleAttr;
        cellType = typeAttr;
        text = '';
        hasValue = false;
        inCell = true;
        if (selfClosing) finishCell();
      } else if (inSheetData && spells(doc, l, nameEnd, 'row')) {
        refStart = -1;
        hiddenAttr = false;
        forEachAttribute(doc, nameEnd, end, onRowAttribute);
        row = refStart < 0 ? row + 1 : intAt(doc, refStart, refEnd);
        if (!Number.isInteger(row) || row < 1 || row > 1_048_576) throw new XlsxError({ code: 'damaged', detail: `sheet '${ctx.sheet}' has a row numbered '${refStart < 0 ? '' : doc.slice(refStart, refEnd)}'` });
        col = 0;
        if (hiddenAttr) hiddenRows.push(row);
      } else if (spells(doc, l, nameEnd, 'sheetData')) inSheetData = !selfClosing;
      else if (spells(doc, l, nameEnd, 'mergeCell')) {
        const ref = attrSpan(doc, start, end, 'ref');
        if (ref) merges.push(doc.slice(ref[0], ref[1]));
      } else if (spells(doc, l, nameEnd, 'sheetProtection')) isProtected = truthyAt(doc, attrSpan(doc, start, end, 'sheet'));
    },
    close(doc, start, nameEnd) {
      const l = localStart(doc, start + 2, nameEnd);
      if (!inCell) {
        if (inSheetData && spells(doc, l, nameEnd, 'sheetData')) inSheetData = false;
        return;
      }
      if (spells(doc, l, nameEnd, 'c')) finishCell();
      else if (spells(doc, l, nameEnd, 'v') || spells(doc, l, nameEnd, 't')) textMode = 0;
      else if (spells(doc, l, nameEnd, 'rPh')) phonetic--;
      else if (spells(doc, l, nameEnd, 'is')) inInline = false;
    },
    text(doc, start, end) {
      if (textMode !== 0) text += decodeText(doc.slice(start, end));
    },
    cdata(t) {
      if (textMode !== 0) text += t;
    },
  });

  for (let r = 0; r < values.length; r++) {
    const line = values[r];
    if (!line) {
      values[r] = [];
      continue;
    }
    for (let c = 0; c < line.length; c++) if (line[c] === undefined) line[c] = null;
  }
  // Only the top-left cell of a merged area holds a value in Excel; other writers may leave more.
  for (const m of merges) clearUnderMerge(m, values, fills);
  const grid: GridSnapshot = { sheet: ctx.sheet, top: 1, left: 1, values, merges, fills, hiddenRows };
  if (anyDate) grid.dates = dates;
  if (anyPrecision) grid.datePrecision = precisions;
  if (anyError) grid.errors = errors;
  return { grid, protected: isProtected };
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
