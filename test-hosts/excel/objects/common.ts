// Helpers the object handlers share: a sheet still in the workbook, a sheet that may be written,
// argument checks, ranges on a sheet and grids matching them.
//
// Real Excel behaviour modelled: any write to a protected sheet is AccessDenied; an address
// longer than Excel on the web takes (8,192 characters; FakeExcelHostOptions.maxAddressLength)
// or outside the grid (1,048,576 rows × 16,384 columns) is InvalidArgument, as is an array whose
// size does not match its range, with Excel's message. The fake's own choice: an object of a
// deleted sheet answers ItemNotFound.
//
// Kinder than real Excel: none here. Stricter: every cell of a protected sheet counts as locked
// (`format.protection.locked` is not modelled), so any write to it is refused.

import { type Area, HostError, MAX_COL, MAX_ROW, MESSAGES, areaCols, areaRows, invalidArgument, itemNotFound, parseArea } from '../a1.js';
import type { FakeSheet } from '../fake-workbook.js';
import type { Handler, Host, HostObject, RangeObj, Target } from './types.js';

export const lcFirst = (s: string): string => (s ? s[0]?.toLowerCase() + s.slice(1) : s);
export const ucFirst = (s: string): string => (s ? s[0]?.toUpperCase() + s.slice(1) : s);

export const DIMENSION_MISMATCH = "The number of rows or columns in the input array doesn't match the size or dimensions of the range.";

/** The sheet, or ItemNotFound once it has been deleted. */
export function alive(host: Host, sheet: FakeSheet): FakeSheet {
  if (!host.book.sheets.includes(sheet)) throw itemNotFound(`worksheet "${sheet.name}" was deleted`);
  return sheet;
}

/** A sheet about to be changed: alive and not protected (AccessDenied otherwise). */
export function writable(host: Host, sheet: FakeSheet): FakeSheet {
  alive(host, sheet);
  if (sheet.protected) {
    throw new HostError('AccessDenied', `${MESSAGES.AccessDenied} (worksheet "${sheet.name}" is protected)`, 403);
  }
  return sheet;
}

export function int(v: unknown, what: string, min = -Infinity): number {
  if (typeof v !== 'number' || !Number.isInteger(v) || v < min) throw invalidArgument(what);
  return v;
}

/** getItemAt(index) of a collection: ItemNotFound past its end. */
export function itemAt<T>(list: readonly T[], index: unknown, what: string): T {
  const i = int(index, 'index', 0);
  const item = list[i];
  if (item === undefined) throw itemNotFound(`${what} ${i}`);
  return item;
}

/** The members of a collection that is a list of objects: getItemAt, getCount, its items and count. */
export function listCollection<O extends HostObject>(list: (o: O, host: Host) => HostObject[], what: string): Required<Pick<Handler<O>, 'method' | 'items' | 'collectionScalars'>> {
  return {
    method(o, name, { args }, host) {
      switch (name) {
        case 'GetItemAt':
          return itemAt(list(o, host), args[0], what);
        case 'GetCount':
          return list(o, host).length;
      }
      return undefined;
    },
    items: list,
    collectionScalars: (o, host) => ({ Count: () => list(o, host).length }),
  };
}

/** An optional count argument: 1 when left out. */
export function optionalCount(v: unknown, what: string): number {
  if (v === null || v === undefined) return 1;
  return int(v, what, 1);
}

/** A size or position in points: a finite number, not negative. */
export function points(v: unknown, what: string): number {
  if (typeof v !== 'number' || !Number.isFinite(v) || v < 0) throw invalidArgument(what);
  return v;
}

/** A Range of the sheet; InvalidArgument when the area falls outside the grid. */
export function rangeObj(sheet: FakeSheet, area: Area): RangeObj {
  if (area.r0 < 0 || area.c0 < 0 || area.r1 > MAX_ROW || area.c1 > MAX_COL || area.r0 > area.r1 || area.c0 > area.c1) {
    throw invalidArgument('the range falls outside the worksheet');
  }
  return { t: 'Range', sheet, area };
}

export function checkAddressLength(host: Host, address: string): void {
  if (address.length > host.options.maxAddressLength) {
    throw invalidArgument(`address of ${address.length} characters; the limit is ${host.options.maxAddressLength}`);
  }
}

/** One area on this sheet (a sheet-qualified address must name this sheet). */
export function areaOn(host: Host, sheet: FakeSheet, address: unknown): Area {
  if (typeof address !== 'string' || address.trim() === '') throw invalidArgument('address');
  checkAddressLength(host, address);
  const p = parseArea(address);
  if (p.sheet !== null && p.sheet.toLowerCase() !== sheet.name.toLowerCase()) throw invalidArgument(`"${address}" is not on worksheet "${sheet.name}"`);
  return p.area;
}

export function areasOf(t: Target): Area[] {
  return t.t === 'Range' ? [t.area] : t.areas;
}

/** A 2-D array of exactly the area's size (InvalidArgument with Excel's message otherwise). */
export function checkGrid(a: Area, v: unknown[]): unknown[][] {
  const rows = areaRows(a);
  const cols = areaCols(a);
  if (v.length !== rows || v.some((r) => !Array.isArray(r) || r.length !== cols)) throw invalidArgument(DIMENSION_MISMATCH);
  return v as unknown[][];
}
