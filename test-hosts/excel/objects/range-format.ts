// Excel.RangeFormat, RangeFill and RangeFont (range.format, .format.fill, .format.font) of a Range
// or RangeAreas.
//
// Real Excel behaviour modelled: reading a format property over cells that differ gives null;
// a cell without a fill reads "#FFFFFF" (indistinguishable from a white fill); colours are
// "#RRGGBB" or an HTML colour name; `columnWidth` / `rowHeight` in points (ExcelApi 1.2; the
// fake reads a hidden one as 0); `wrapText`, `verticalAlignment`, `horizontalAlignment`; font `color`,
// `bold`, `italic`, `size`, `name`; `fill.clear()`; `autofitColumns()` / `autofitRows()` (1.2).
// Any change on a protected sheet is AccessDenied.
//
// Kinder than real Excel: autofit changes nothing (the fake has no text metrics) and cannot
// fail. Stricter: only a common subset of colour names is known; borders, patterns,
// `protection.locked` and the other format members answer NotImplemented.

import { type Area, areaCells, invalidArgument, notImplemented } from '../a1.js';
import { type CellFormat, type FormatPatch, normaliseColor } from '../fake-workbook.js';
import { alive, areasOf, lcFirst, writable } from './common.js';
import type { FillObj, FontObj, FormatObj, Handler, Host, Target } from './types.js';

const VERTICAL = ['Top', 'Center', 'Bottom', 'Justify', 'Distributed'];
const HORIZONTAL = ['General', 'Left', 'Center', 'Right', 'Fill', 'Justify', 'CenterAcrossSelection', 'Distributed'];

/** A font property written (RangeFont, or cell properties' format.font) as a format patch. */
export function fontPatch(name: string, v: unknown): FormatPatch {
  switch (name) {
    case 'Color':
      return { fontColor: normaliseColor(v) };
    case 'Bold':
      if (typeof v !== 'boolean') throw invalidArgument('bold');
      return { bold: v };
    case 'Italic':
      if (typeof v !== 'boolean') throw invalidArgument('italic');
      return { italic: v };
    case 'Size':
      if (typeof v !== 'number' || !(v >= 1 && v <= 409)) throw invalidArgument('size');
      return { size: v };
    case 'Name':
      if (typeof v !== 'string' || v === '') throw invalidArgument('font name');
      return { fontName: v };
  }
  throw notImplemented(`RangeFont.${lcFirst(name)}`);
}

/** A RangeFormat cell property written (or cell properties' format.*) as a format patch. */
export function formatPatch(name: string, v: unknown): FormatPatch {
  switch (name) {
    case 'WrapText':
      if (typeof v !== 'boolean') throw invalidArgument('wrapText');
      return { wrapText: v };
    case 'VerticalAlignment':
      if (typeof v !== 'string' || !VERTICAL.includes(v)) throw invalidArgument(`verticalAlignment "${String(v)}"`);
      return { verticalAlignment: v };
    case 'HorizontalAlignment':
      if (typeof v !== 'string' || !HORIZONTAL.includes(v)) throw invalidArgument(`horizontalAlignment "${String(v)}"`);
      return { horizontalAlignment: v };
  }
  throw notImplemented(`RangeFormat.${lcFirst(name)}`);
}

/** Applies a patch to every area of the target (a write: AccessDenied on a protected sheet). */
function applyPatch(host: Host, t: Target, patch: FormatPatch): void {
  const sheet = writable(host, t.sheet);
  for (const a of areasOf(t)) sheet.applyFormat(a, patch);
}

/** The common value of a format field over every cell of the target, or null when mixed. */
function uniformFormat<T>(host: Host, t: Target, pick: (f: CellFormat) => T): T | null {
  const seen = new Set<T>();
  const sheet = alive(host, t.sheet);
  const add = (v: T): boolean => {
    seen.add(v);
    return seen.size > 1;
  };
  for (const a of areasOf(t)) {
    if (areaCells(a) <= 100_000) {
      for (let r = a.r0; r <= a.r1; r++) for (let c = a.c0; c <= a.c1; c++) if (add(pick(sheet.cell(r, c)))) return null;
      continue;
    }
    // Large areas: column bases, crossings with row formats, and the records inside.
    for (let c = a.c0; c <= a.c1; c++) {
      if (add(pick(sheet.baseFormat(-1, c)))) return null;
      for (const r of sheet.rowStyles.keys()) if (r >= a.r0 && r <= a.r1 && add(pick(sheet.baseFormat(r, c)))) return null;
    }
    let mixed = false;
    sheet.forEachRecord(a, (_r, _c, rec) => {
      if (!mixed && add(pick(rec))) mixed = true;
    });
    if (mixed) return null;
  }
  const [only] = [...seen];
  return only === undefined ? null : only;
}

/** The common column width / row height over the target, or null when they differ. */
function uniformOver(t: Target, axis: 'row' | 'col', size: (i: number) => number): number | null {
  let v: number | null = null;
  for (const a of areasOf(t)) {
    const lo = axis === 'row' ? a.r0 : a.c0;
    const hi = axis === 'row' ? a.r1 : a.c1;
    const exceptions = axis === 'row' ? [...t.sheet.rowHeights.keys(), ...t.sheet.hiddenRows] : [...t.sheet.columnWidths.keys(), ...t.sheet.hiddenColumns];
    const check = (i: number): boolean => {
      const s = size(i);
      if (v === null) v = s;
      return v === s;
    };
    if (!check(lo)) return null;
    if (hi - lo < 100_000) {
      for (let i = lo; i <= hi; i++) if (!check(i)) return null;
    } else {
      for (const i of exceptions) if (i >= lo && i <= hi && !check(i)) return null;
      const plain = Array.from({ length: Math.min(hi - lo + 1, exceptions.length + 1) }, (_, k) => lo + k).find((i) => !exceptions.includes(i));
      if (plain !== undefined && !check(plain)) return null;
    }
  }
  return v;
}

/** Sets a size on every column or row of the target's areas. */
function setSizes(host: Host, t: Target, axis: 'row' | 'col', v: unknown, what: string): void {
  if (typeof v !== 'number' || !(v >= 0)) throw invalidArgument(what);
  const sheet = writable(host, t.sheet);
  const sizes = axis === 'row' ? sheet.rowHeights : sheet.columnWidths;
  const span = (a: Area): [number, number] => (axis === 'row' ? [a.r0, a.r1] : [a.c0, a.c1]);
  for (const a of areasOf(t)) {
    const [lo, hi] = span(a);
    for (let i = lo; i <= hi; i++) sizes.set(i, v);
  }
}

export const rangeFormat: Handler<FormatObj> = {
  navigate(o, name) {
    switch (name) {
      case 'Fill':
        return { t: 'RangeFill', target: o.target };
      case 'Font':
        return { t: 'RangeFont', target: o.target };
    }
    return undefined;
  },

  method(o, name, _call, host) {
    if (name === 'AutofitColumns' || name === 'AutofitRows') {
      writable(host, o.target.sheet); // no text metrics in the fake: widths/heights are left as they are
      return null;
    }
    return undefined;
  },

  setProperty(o, name, v, host) {
    const t = o.target;
    switch (name) {
      case 'ColumnWidth':
        setSizes(host, t, 'col', v, 'columnWidth');
        return true;
      case 'RowHeight':
        setSizes(host, t, 'row', v, 'rowHeight');
        return true;
      case 'WrapText':
      case 'VerticalAlignment':
      case 'HorizontalAlignment':
        applyPatch(host, t, formatPatch(name, v));
        return true;
    }
    return false;
  },

  scalars(o, host) {
    const t = o.target;
    return {
      ColumnWidth: () => uniformOver(t, 'col', (c) => t.sheet.columnWidth(c)),
      RowHeight: () => uniformOver(t, 'row', (r) => t.sheet.rowHeight(r)),
      WrapText: () => uniformFormat(host, t, (f) => f.wrapText),
      VerticalAlignment: () => uniformFormat(host, t, (f) => f.verticalAlignment),
      HorizontalAlignment: () => uniformFormat(host, t, (f) => f.horizontalAlignment),
    };
  },
};

export const rangeFill: Handler<FillObj> = {
  method(o, name, _call, host) {
    if (name === 'Clear') {
      for (const a of areasOf(o.target)) writable(host, o.target.sheet).applyFormat(a, { fill: null });
      return null;
    }
    return undefined;
  },

  setProperty(o, name, v, host) {
    if (name !== 'Color') return false;
    applyPatch(host, o.target, { fill: normaliseColor(v) });
    return true;
  },

  // Excel reports "#FFFFFF" for cells without a fill (indistinguishable from a white fill).
  scalars: (o, host) => ({ Color: () => uniformFormat(host, o.target, (f) => f.fill ?? '#FFFFFF') }),
};

export const rangeFont: Handler<FontObj> = {
  setProperty(o, name, v, host) {
    applyPatch(host, o.target, fontPatch(name, v));
    return true;
  },

  scalars(o, host) {
    const t = o.target;
    return {
      Color: () => uniformFormat(host, t, (f) => f.fontColor),
      Bold: () => uniformFormat(host, t, (f) => f.bold),
      Italic: () => uniformFormat(host, t, (f) => f.italic),
      Size: () => uniformFormat(host, t, (f) => f.size),
      Name: () => uniformFormat(host, t, (f) => f.fontName),
    };
  },
};
