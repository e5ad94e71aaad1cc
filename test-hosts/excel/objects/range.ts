// Excel.Range: a rectangle of cells — its values, formulas, number formats, text, value types,
// navigation to other ranges, merges, hidden rows and columns, geometry and clearing.
//
// Real Excel behaviour modelled: reading `values` gives numbers, strings and booleans (an error
// cell its error string), `formulas` gives a cell's value where it has no formula, `text` is the
// formatted value; writing `values`/`formulas` types the strings as Excel does (cell-values.ts:
// "=…" becomes a formula, "007" the number 7, "12%" 0.12 with a 0% format, unless the cell is
// Text-formatted), `""` clears, an array of the wrong size is InvalidArgument (with Excel's
// message); `valueTypes` ("Error", except text written into a Text cell); `rowHidden` /
// `columnHidden` are true, false or null when mixed; navigation (`getCell`, `getRow`, offsets,
// resizes, `getBoundingRect`, intersections, entire rows/columns, rows above/below, columns
// before/after: leaving the grid is an error), `getUsedRange` (ItemNotFound when the range has
// no used cells) and `…OrNullObject`, `getMergedAreas(OrNullObject)` (ExcelApi 1.13),
// `getSpecialCells(OrNullObject)` (1.9) for the Visible type (ItemNotFound when none); `merge`,
// `unmerge`, `clear(All|Contents|Formats|Hyperlinks)` (clearing formats unmerges), `select()`,
// `top/left/width/height` (1.10) in points. Over maxReadCells (5,000,000 cells) a grid property
// loads as null (office-js issue 4783). `_ValidateArraySize` is sent by the client before it
// splits a write of more than 1,500 cells into row chunks.
//
// `insert(Down)` of whole rows (ExcelApi 1.1): the rows at and below move down with their formats,
// heights, hidden state and merges (a merge across the place grows), and the new rows take the
// formats of the row above, as Excel's default "format same as above" does.
//
// Kinder than real Excel: `getMergedAreas` is not limited to 512 areas; values written into
// merged non-anchor cells are kept; `hidden` is true or false, never null for a partly hidden
// range (Excel: null); `insert` moves no formula's references (the fake models none: Excel rewrites
// every formula, name, table, chart and validation that refers to the moved rows) and does not check
// that the rows would cut through a table or an array formula (Excel refuses those). Not modelled:
// formulas beyond constant arithmetic (anything else reads #NAME?), `getSpecialCells` of any type
// but Visible, and `insert` shifting right or of less than whole rows (NotImplemented).

import { type Area, MAX_COL, MAX_ROW, areaCells, areaCols, areaRows, boundingArea, intersect, invalidArgument, invalidOperation, isEntireColumns, isEntireRows, itemNotFound, notImplemented, qualifiedAddress } from '../a1.js';
import { type CellValue, formatText, valueTypeOf } from '../cell-values.js';
import { type CellRecord, DEFAULT_COLUMN_WIDTH, DEFAULT_FORMAT, DEFAULT_ROW_HEIGHT, type FakeSheet, cellArea } from '../fake-workbook.js';
import { getCellProperties, setCellProperties } from './cell-properties.js';
import { DIMENSION_MISMATCH, alive, areaOn, areasOf, checkGrid, int, optionalCount, rangeObj, writable } from './common.js';
import type { AreasObj, Handler, Host, HostObject, RangeObj, Target } from './types.js';

/** Range.clear / RangeAreas.clear over every area of the target. */
export function clear(host: Host, t: Target, applyTo: unknown): null {
  const what = applyTo === null || applyTo === undefined ? 'All' : String(applyTo);
  const sheet = writable(host, t.sheet);
  for (const a of areasOf(t)) {
    switch (what) {
      case 'All':
        sheet.clearContents(a);
        sheet.clearFormats(a);
        break;
      case 'Contents':
      case 'ResetContents':
        sheet.clearContents(a);
        break;
      case 'Formats':
        sheet.clearFormats(a);
        break;
      case 'Hyperlinks':
      case 'RemoveHyperlinks':
        break; // the fake has no hyperlinks
      default:
        throw invalidArgument(`applyTo "${what}"`);
    }
  }
  return null;
}

/** Another range argument (a Range or an address) of the same sheet. */
function areaArg(host: Host, self: RangeObj, arg: unknown, argObj: HostObject | null | undefined): Area {
  if (argObj) {
    if (argObj.t !== 'Range') throw invalidArgument('a Range is required');
    if (argObj.sheet !== self.sheet) throw invalidArgument('the ranges are on different worksheets');
    return argObj.area;
  }
  return areaOn(host, self.sheet, arg);
}

/** Calls each(r, c, value) for a 2-D array matching the area or a single value for all cells; null entries are skipped. */
function forGrid(a: Area, v: unknown, each: (r: number, c: number, value: unknown) => void): void {
  if (Array.isArray(v)) {
    const g = checkGrid(a, v);
    g.forEach((row, i) =>
      row.forEach((x, j) => {
        if (x !== null && x !== undefined) each(a.r0 + i, a.c0 + j, x);
      }),
    );
    return;
  }
  if (v === null || v === undefined) return;
  for (let r = a.r0; r <= a.r1; r++) for (let c = a.c0; c <= a.c1; c++) each(r, c, v);
}

function cellValue(x: unknown): CellValue {
  if (typeof x === 'string' || typeof x === 'boolean') return x;
  if (typeof x === 'number' && Number.isFinite(x)) return x;
  throw invalidArgument(`cell value ${JSON.stringify(x)}`);
}

/** The cells of rows and columns not hidden, as rectangles: one per run of visible rows × run of visible columns. */
function visibleAreas(sheet: FakeSheet, a: Area): Area[] {
  const runs = (lo: number, hi: number, hidden: Set<number>): [number, number][] => {
    const out: [number, number][] = [];
    for (let i = lo; i <= hi; i++) {
      if (hidden.has(i)) continue;
      const last = out[out.length - 1];
      if (last && last[1] === i - 1) last[1] = i;
      else out.push([i, i]);
    }
    return out;
  };
  const cols = runs(a.c0, a.c1, sheet.hiddenColumns);
  return runs(a.r0, a.r1, sheet.hiddenRows).flatMap(([r0, r1]) => cols.map(([c0, c1]) => ({ r0, r1, c0, c1 })));
}

/**
 * A 2-D grid of one property, built sparsely: rows with no cell records and no row format
 * share one precomputed row, so "A:A" costs a million references, not a million cell lookups.
 * Over maxReadCells (5,000,000) Excel returns null instead of the grid (office-js issue 4783).
 */
function grid<T>(host: Host, sheet: FakeSheet, a: Area, pick: (c: CellRecord) => T): T[][] | null {
  if (areaCells(a) > host.options.maxReadCells) return null;
  const base: CellRecord[] = [];
  for (let c = a.c0; c <= a.c1; c++) base.push({ value: '', formula: null, ...DEFAULT_FORMAT, ...sheet.sheetStyle, ...sheet.colStyles.get(c) });
  const emptyRow = base.map(pick);
  const out: T[][] = [];
  for (let r = a.r0; r <= a.r1; r++) {
    const row = sheet.rows.get(r);
    const rs = sheet.rowStyles.get(r);
    if (!row && !rs) {
      out.push(emptyRow);
      continue;
    }
    out.push(base.map((b, j) => pick(row?.get(a.c0 + j) ?? (rs ? { ...b, ...rs } : b))));
  }
  return out;
}

function rangeMethod(host: Host, o: RangeObj, name: string, args: unknown[], argObjs: (HostObject | null)[]): unknown {
  const sheet = alive(host, o.sheet);
  const a = o.area;
  const rows = areaRows(a);
  const cols = areaCols(a);
  switch (name) {
    case 'GetRow': {
      const i = int(args[0], 'row', 0);
      return rangeObj(sheet, { ...a, r0: a.r0 + i, r1: a.r0 + i });
    }
    case 'GetColumn': {
      const j = int(args[0], 'column', 0);
      return rangeObj(sheet, { ...a, c0: a.c0 + j, c1: a.c0 + j });
    }
    case 'GetCell': {
      const i = int(args[0], 'row', 0);
      const j = int(args[1], 'column', 0);
      return rangeObj(sheet, cellArea(a.r0 + i, a.c0 + j));
    }
    case 'GetLastRow':
      return rangeObj(sheet, { ...a, r0: a.r1 });
    case 'GetLastColumn':
      return rangeObj(sheet, { ...a, c0: a.c1 });
    case 'GetLastCell':
      return rangeObj(sheet, cellArea(a.r1, a.c1));
    case 'GetBoundingRect':
      return rangeObj(sheet, boundingArea(a, areaArg(host, o, args[0], argObjs[0])));
    case 'GetIntersection':
    case 'GetIntersectionOrNullObject': {
      const x = intersect(a, areaArg(host, o, args[0], argObjs[0]));
      if (x) return rangeObj(sheet, x);
      if (name.endsWith('OrNullObject')) return null;
      throw itemNotFound('the ranges do not intersect');
    }
    case 'GetEntireRow':
      return rangeObj(sheet, { r0: a.r0, r1: a.r1, c0: 0, c1: MAX_COL });
    case 'GetEntireColumn':
      return rangeObj(sheet, { r0: 0, r1: MAX_ROW, c0: a.c0, c1: a.c1 });
    case 'GetOffsetRange': {
      const dr = int(args[0], 'rowOffset');
      const dc = int(args[1], 'columnOffset');
      return rangeObj(sheet, { r0: a.r0 + dr, r1: a.r1 + dr, c0: a.c0 + dc, c1: a.c1 + dc });
    }
    case 'GetResizedRange': {
      const dr = int(args[0], 'deltaRows');
      const dc = int(args[1], 'deltaColumns');
      return rangeObj(sheet, { ...a, r1: a.r1 + dr, c1: a.c1 + dc });
    }
    case 'GetAbsoluteResizedRange': {
      const n = int(args[0], 'numRows', 1);
      const m = int(args[1], 'numColumns', 1);
      return rangeObj(sheet, { r0: a.r0, c0: a.c0, r1: a.r0 + n - 1, c1: a.c0 + m - 1 });
    }
    case 'GetRowsAbove': {
      const n = optionalCount(args[0], 'count');
      return rangeObj(sheet, { ...a, r0: a.r0 - n, r1: a.r0 - 1 });
    }
    case 'GetRowsBelow': {
      const n = optionalCount(args[0], 'count');
      return rangeObj(sheet, { ...a, r0: a.r1 + 1, r1: a.r1 + n });
    }
    case 'GetColumnsBefore': {
      const n = optionalCount(args[0], 'count');
      return rangeObj(sheet, { ...a, c0: a.c0 - n, c1: a.c0 - 1 });
    }
    case 'GetColumnsAfter': {
      const n = optionalCount(args[0], 'count');
      return rangeObj(sheet, { ...a, c0: a.c1 + 1, c1: a.c1 + n });
    }
    case 'GetUsedRange':
    case 'GetUsedRangeOrNullObject': {
      const used = sheet.usedArea(args[0] === true);
      const x = used ? intersect(used, a) : null;
      if (x) return rangeObj(sheet, x);
      if (name.endsWith('OrNullObject')) return null;
      throw itemNotFound('the range has no used cells');
    }
    case 'GetMergedAreas':
    case 'GetMergedAreasOrNullObject': {
      const merges = sheet.mergesIntersecting(a);
      if (merges.length > 0) return { t: 'RangeAreas', sheet, areas: merges.map((m) => ({ ...m })) } satisfies AreasObj;
      if (name.endsWith('OrNullObject')) return null;
      throw itemNotFound('the range has no merged cells');
    }
    case 'GetSpecialCells':
    case 'GetSpecialCellsOrNullObject': {
      // Only the "Visible" cell type is modelled: the cells of rows and columns not hidden, as rectangles.
      if (args[0] !== 'Visible') throw notImplemented(`getSpecialCells("${String(args[0])}")`);
      const areas = visibleAreas(sheet, a);
      if (areas.length > 0) return { t: 'RangeAreas', sheet, areas } satisfies AreasObj;
      if (name.endsWith('OrNullObject')) return null;
      throw itemNotFound('No cells were found.');
    }
    case 'Select':
      if (sheet.visibility !== 'Visible') throw invalidOperation(`worksheet "${sheet.name}" is hidden`);
      host.book.activeSheet = sheet;
      host.book.selection = { sheet, areas: [{ ...a }] };
      return null;
    case 'Clear':
      return clear(host, o, args[0]);
    case 'Merge':
      writable(host, sheet).merge(a, args[0] === true);
      return null;
    case 'Unmerge':
      writable(host, sheet).unmerge(a);
      return null;
    case '_ValidateArraySize': {
      // Sent by the client before it splits a write of more than 1,500 cells into row chunks.
      if (args[0] !== rows || args[1] !== cols) throw invalidArgument(DIMENSION_MISMATCH);
      return null;
    }
    case 'SetCellProperties':
      setCellProperties(host, o, args[0]);
      return null;
    case 'GetCellProperties':
      return getCellProperties(host, o, args[0]);
    case 'Calculate':
      return null;
    case 'Insert': {
      // Whole rows shifted down only: what inserting new actions needs; cells shifted right, or a part of rows, is not modelled.
      if (args[0] !== 'Down') throw notImplemented(`Range.insert("${String(args[0])}")`);
      if (!isEntireRows(a)) throw notImplemented('Range.insert("Down") of less than whole rows');
      const target = writable(host, sheet);
      const used = target.usedArea(false);
      if (used && used.r1 + rows > MAX_ROW) throw invalidOperation('the rows would push cells off the end of the worksheet');
      target.insertRows(a.r0, rows);
      return rangeObj(sheet, { ...a });
    }
  }
  return undefined;
}

function setRangeProperty(host: Host, o: RangeObj, name: string, v: unknown): boolean {
  const a = o.area;
  switch (name) {
    case 'Values':
    case 'Formulas':
    case 'FormulasLocal': {
      const sheet = writable(host, o.sheet);
      if (v === '' && !Array.isArray(v)) {
        sheet.clearContents(a);
        return true;
      }
      // Validate the whole grid before writing any cell.
      if (Array.isArray(v)) checkGrid(a, v).forEach((row) => row.forEach((x) => x !== null && x !== undefined && cellValue(x)));
      else if (v !== null && v !== undefined) cellValue(v);
      forGrid(a, v, (r, c, x) => sheet.writeTyped(r, c, cellValue(x)));
      return true;
    }
    case 'NumberFormat':
    case 'NumberFormatLocal': {
      const sheet = writable(host, o.sheet);
      if (typeof v === 'string') {
        sheet.applyFormat(a, { numberFormat: v });
        return true;
      }
      if (!Array.isArray(v)) throw invalidArgument('numberFormat');
      const g = checkGrid(a, v);
      if (g.some((row) => row.some((x) => x !== null && x !== undefined && typeof x !== 'string'))) throw invalidArgument('numberFormat');
      forGrid(a, g, (r, c, x) => sheet.applyFormat(cellArea(r, c), { numberFormat: String(x) }));
      return true;
    }
    case 'RowHidden':
      if (typeof v !== 'boolean') throw invalidArgument('rowHidden');
      writable(host, o.sheet).setRowsHidden(a, v);
      return true;
    case 'ColumnHidden':
      if (typeof v !== 'boolean') throw invalidArgument('columnHidden');
      writable(host, o.sheet).setColumnsHidden(a, v);
      return true;
  }
  return false;
}

function rangeScalars(host: Host, o: RangeObj): Record<string, () => unknown> {
  const sheet = alive(host, o.sheet);
  const a = o.area;
  const addr = (): string => qualifiedAddress(sheet.name, a);
  const gridOf = <T>(pick: (c: CellRecord) => T): (() => T[][] | null) => () => grid(host, sheet, a, pick);
  const hiddenAll = (set: Set<number>, lo: number, hi: number): boolean | null => {
    let n = 0;
    for (const i of set) if (i >= lo && i <= hi) n++;
    return n === 0 ? false : n === hi - lo + 1 ? true : null;
  };
  const offset = (lo: number, sizes: Map<number, number>, hidden: Set<number>, dflt: number, hi?: number): number => {
    // Sum of sizes of indexes [0, lo) (or [lo, hi] when hi is given), from defaults plus the exceptions.
    const from = hi === undefined ? 0 : lo;
    const to = hi === undefined ? lo - 1 : hi;
    let total = (to - from + 1) * dflt;
    const seen = new Set<number>();
    for (const [i, v] of sizes)
      if (i >= from && i <= to) {
        total += (hidden.has(i) ? 0 : v) - dflt;
        seen.add(i);
      }
    for (const i of hidden) if (i >= from && i <= to && !seen.has(i)) total -= dflt;
    return total;
  };
  return {
    Address: addr,
    AddressLocal: addr,
    CellCount: () => areaCells(a),
    RowCount: () => areaRows(a),
    ColumnCount: () => areaCols(a),
    RowIndex: () => a.r0,
    ColumnIndex: () => a.c0,
    IsEntireColumn: () => isEntireColumns(a),
    IsEntireRow: () => isEntireRows(a),
    Values: gridOf((c) => c.value),
    Text: gridOf((c) => formatText(c.value, c.numberFormat)),
    Formulas: gridOf((c) => c.formula ?? c.value),
    FormulasLocal: gridOf((c) => c.formula ?? c.value),
    NumberFormat: gridOf((c) => c.numberFormat),
    NumberFormatLocal: gridOf((c) => c.numberFormat),
    // Error text in a Text-formatted cell is a string (typed with '@' format first); anywhere else it is the error.
    ValueTypes: gridOf((c) => (c.formula === null && c.numberFormat === '@' && c.value !== '' ? 'String' : valueTypeOf(c.value))),
    RowHidden: () => hiddenAll(sheet.hiddenRows, a.r0, a.r1),
    ColumnHidden: () => hiddenAll(sheet.hiddenColumns, a.c0, a.c1),
    Hidden: () => hiddenAll(sheet.hiddenRows, a.r0, a.r1) === true || hiddenAll(sheet.hiddenColumns, a.c0, a.c1) === true,
    Top: () => offset(a.r0, sheet.rowHeights, sheet.hiddenRows, DEFAULT_ROW_HEIGHT),
    Left: () => offset(a.c0, sheet.columnWidths, sheet.hiddenColumns, DEFAULT_COLUMN_WIDTH),
    Height: () => offset(a.r0, sheet.rowHeights, sheet.hiddenRows, DEFAULT_ROW_HEIGHT, a.r1),
    Width: () => offset(a.c0, sheet.columnWidths, sheet.hiddenColumns, DEFAULT_COLUMN_WIDTH, a.c1),
  };
}

/** The navigation properties a Range and a RangeAreas share: `format` and `worksheet`. */
export function navigateTarget(o: Target, name: string, host: Host): HostObject | undefined {
  switch (name) {
    case 'Format':
      return { t: 'RangeFormat', target: o };
    case 'Worksheet':
      return { t: 'Worksheet', sheet: alive(host, o.sheet) };
  }
  return undefined;
}

export const range: Handler<RangeObj> = {
  navigate: navigateTarget,
  method: (o, name, { args, argObjs }, host) => rangeMethod(host, o, name, args, argObjs),
  setProperty: (o, name, v, host) => setRangeProperty(host, o, name, v),
  scalars: (o, host) => rangeScalars(host, o),
};
