// Range.setCellProperties / Range.getCellProperties (ExcelApi 1.9): per-cell formats in one call.
//
// Real Excel behaviour modelled: `setCellProperties` takes a 2-D array of cell properties
// (font, fill, alignment…) for the range's cells and is a write (AccessDenied on a protected
// sheet); `getCellProperties` answers, per cell, the properties its load options ask for:
// `address`, `addressLocal`, `hidden`, `format` (fill colour, font, wrap text, alignments, column
// width, row height). The fake's rules: the array must be of the range's size (InvalidArgument)
// and a null entry leaves its cell unchanged.
//
// Perhaps kinder than real Excel (no document says): every entry is validated before any cell is
// formatted, so an invalid entry leaves nothing half-formatted. Stricter: other properties (borders, protection, style…)
// answer NotImplemented.

import { areaCells, invalidArgument, notImplemented, qualifiedAddress } from '../a1.js';
import { type CellRecord, type FakeSheet, type FormatPatch, cellArea, normaliseColor } from '../fake-workbook.js';
import { checkGrid, ucFirst, writable } from './common.js';
import { fontPatch, formatPatch } from './range-format.js';
import type { Host, RangeObj } from './types.js';

export function setCellProperties(host: Host, o: RangeObj, data: unknown): void {
  const sheet = writable(host, o.sheet);
  if (!Array.isArray(data)) throw invalidArgument('cellPropertiesData');
  const g = checkGrid(o.area, data);
  // Validate everything first so an invalid entry does not leave half the cells formatted.
  const patches: FormatPatch[][] = g.map((row) => row.map((p) => cellPropertiesPatch(p)));
  patches.forEach((row, i) =>
    row.forEach((patch, j) => {
      if (Object.keys(patch).length > 0) sheet.applyFormat(cellArea(o.area.r0 + i, o.area.c0 + j), patch);
    }),
  );
}

function cellPropertiesPatch(p: unknown): FormatPatch {
  if (p === null || p === undefined) return {};
  if (typeof p !== 'object' || Array.isArray(p)) throw invalidArgument('cell properties');
  const patch: FormatPatch = {};
  for (const [k, v] of Object.entries(p as Record<string, unknown>)) {
    if (k !== 'format') throw notImplemented(`SettableCellProperties.${k}`);
    if (v === null || v === undefined) continue;
    for (const [fk, fv] of Object.entries(v as Record<string, unknown>)) {
      if (fv === undefined) continue;
      switch (fk) {
        case 'fill':
          for (const [k2, v2] of Object.entries((fv ?? {}) as Record<string, unknown>)) {
            if (k2 !== 'color') throw notImplemented(`CellPropertiesFill.${k2}`);
            if (v2 !== undefined) patch.fill = v2 === null ? null : normaliseColor(v2);
          }
          break;
        case 'font':
          for (const [k2, v2] of Object.entries((fv ?? {}) as Record<string, unknown>)) {
            if (v2 === undefined) continue;
            Object.assign(patch, fontPatch(ucFirst(k2), v2));
          }
          break;
        case 'wrapText':
        case 'verticalAlignment':
        case 'horizontalAlignment':
          Object.assign(patch, formatPatch(ucFirst(fk), fv));
          break;
        default:
          throw notImplemented(`CellPropertiesFormat.${fk}`);
      }
    }
  }
  return patch;
}

export function getCellProperties(host: Host, o: RangeObj, options: unknown): unknown {
  const opts = (options ?? {}) as Record<string, unknown>;
  if (areaCells(o.area) > host.options.maxReadCells) return null;
  const out: unknown[][] = [];
  for (let r = o.area.r0; r <= o.area.r1; r++) {
    const row: unknown[] = [];
    for (let c = o.area.c0; c <= o.area.c1; c++) {
      const cell = o.sheet.cell(r, c);
      const item: Record<string, unknown> = {};
      for (const [k, v] of Object.entries(opts)) {
        if (!v) continue;
        if (k === 'address' || k === 'addressLocal') item[k] = qualifiedAddress(o.sheet.name, cellArea(r, c));
        else if (k === 'hidden') item[k] = o.sheet.hiddenRows.has(r) || o.sheet.hiddenColumns.has(c);
        else if (k === 'format') item.format = cellFormatProperties(o.sheet, r, c, cell, v);
        else throw notImplemented(`CellPropertiesLoadOptions.${k}`);
      }
      row.push(item);
    }
    out.push(row);
  }
  return out;
}

function cellFormatProperties(sheet: FakeSheet, r: number, c: number, cell: CellRecord, opts: unknown): Record<string, unknown> {
  const all = opts === true;
  const o = (all ? {} : opts) as Record<string, unknown>;
  const want = (k: string): unknown => (all ? true : o[k]);
  const f: Record<string, unknown> = {};
  const fillOpt = want('fill');
  if (fillOpt) f.fill = { color: cell.fill ?? '#FFFFFF' };
  const fontOpt = want('font');
  if (fontOpt) {
    const font = { color: cell.fontColor, bold: cell.bold, italic: cell.italic, name: cell.fontName, size: cell.size };
    f.font = fontOpt === true ? font : Object.fromEntries(Object.entries(font).filter(([k]) => (fontOpt as Record<string, unknown>)[k]));
  }
  if (want('wrapText')) f.wrapText = cell.wrapText;
  if (want('verticalAlignment')) f.verticalAlignment = cell.verticalAlignment;
  if (want('horizontalAlignment')) f.horizontalAlignment = cell.horizontalAlignment;
  if (want('columnWidth')) f.columnWidth = sheet.columnWidth(c);
  if (want('rowHeight')) f.rowHeight = sheet.rowHeight(r);
  if (!all) {
    for (const k of Object.keys(o)) {
      if (!['fill', 'font', 'wrapText', 'verticalAlignment', 'horizontalAlignment', 'columnWidth', 'rowHeight'].includes(k)) throw notImplemented(`CellPropertiesFormatLoadOptions.${k}`);
    }
  }
  return f;
}
