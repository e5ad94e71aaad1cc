// Excel.Worksheet: ranges of the sheet, its used range, neighbours, visibility, tab colour,
// position, activation and deletion.
//
// Real Excel behaviour modelled: `getRange(address?)` (no address: the whole sheet; an address
// over 8,192 characters is InvalidArgument), `getRanges` (ExcelApi 1.9: comma- or
// semicolon-separated areas of this sheet), `getRangeByIndexes` (1.7), `getCell`; `getUsedRange`
// (a blank sheet gives its top-left cell, not an error) and `getUsedRangeOrNullObject` (1.4: a
// null object for a blank sheet), optionally counting values only; `getNext` / `getPrevious`
// (1.5: an error past the end, ItemNotFound here) and their `…OrNullObject` forms (a null object);
// `name`, `id`, `position`, `visibility` (set from 1.2), `tabColor` (1.7: "" for automatic),
// `protection` (1.2), `charts`; `activate()`, `delete()`, `calculate()` (1.6).
//
// Kinder than real Excel: deleting a VeryHidden sheet is allowed (Excel: InvalidOperation);
// `tabColor` of a hidden sheet reads its colour (Excel: null). Stricter: `delete()` of a
// protected sheet is AccessDenied (Excel desktop refuses it only under workbook-structure
// protection); `getRanges()` without an address is InvalidArgument (Excel: the whole sheet).
// The fake's own choices: activating a hidden sheet is InvalidOperation; renaming, hiding and
// moving a protected sheet are allowed.

import { MAX_COL, MAX_ROW, invalidArgument, invalidOperation, itemNotFound, splitAddressList } from '../a1.js';
import { type SheetVisibility, cellArea, normaliseColor } from '../fake-workbook.js';
import { alive, areaOn, checkAddressLength, int, rangeObj, writable } from './common.js';
import type { AreasObj, Handler, SheetObj } from './types.js';

const VISIBILITY: SheetVisibility[] = ['Visible', 'Hidden', 'VeryHidden'];

export const worksheet: Handler<SheetObj> = {
  navigate(o, name, host) {
    switch (name) {
      case 'Protection':
        return { t: 'WorksheetProtection', sheet: o.sheet };
      case 'Charts':
        return { t: 'ChartCollection', sheet: alive(host, o.sheet) };
    }
    return undefined;
  },

  method(o, name, { args }, host) {
    const sheet = alive(host, o.sheet);
    const book = host.book;
    switch (name) {
      case 'GetRange':
        if (args[0] === null || args[0] === undefined) return rangeObj(sheet, { r0: 0, c0: 0, r1: MAX_ROW, c1: MAX_COL });
        return rangeObj(sheet, areaOn(host, sheet, args[0]));
      case 'GetRanges': {
        const text = args[0];
        if (typeof text !== 'string' || text.trim() === '') throw invalidArgument('address');
        checkAddressLength(host, text);
        const areas = splitAddressList(text).map((part) => areaOn(host, sheet, part));
        return { t: 'RangeAreas', sheet, areas } satisfies AreasObj;
      }
      case 'GetRangeByIndexes': {
        const r = int(args[0], 'startRow', 0);
        const c = int(args[1], 'startColumn', 0);
        const n = int(args[2], 'rowCount', 1);
        const m = int(args[3], 'columnCount', 1);
        return rangeObj(sheet, { r0: r, c0: c, r1: r + n - 1, c1: c + m - 1 });
      }
      case 'GetCell': {
        const r = int(args[0], 'row', 0);
        const c = int(args[1], 'column', 0);
        return rangeObj(sheet, cellArea(r, c));
      }
      case 'GetUsedRange':
        return rangeObj(sheet, sheet.usedArea(args[0] === true) ?? cellArea(0, 0));
      case 'GetUsedRangeOrNullObject': {
        const used = sheet.usedArea(args[0] === true);
        return used ? rangeObj(sheet, used) : null;
      }
      case 'Activate':
        if (sheet.visibility !== 'Visible') throw invalidOperation(`worksheet "${sheet.name}" is hidden and cannot be activated`);
        book.activeSheet = sheet;
        return null;
      case 'Delete':
        // Stricter than Excel desktop (where sheet protection does not stop deleting the sheet;
        // workbook-structure protection does): the harness treats delete as a write.
        writable(host, sheet);
        book.deleteSheet(sheet);
        return null;
      case 'Calculate':
        return null;
      case 'GetNext':
      case 'GetNextOrNullObject':
      case 'GetPrevious':
      case 'GetPreviousOrNullObject': {
        const visibleOnly = args[0] === true;
        const list = book.sheets;
        const i = list.indexOf(sheet);
        const step = name.startsWith('GetNext') ? 1 : -1;
        let j = i + step;
        while (j >= 0 && j < list.length && visibleOnly && list[j]?.visibility !== 'Visible') j += step;
        const s = list[j];
        if (s) return { t: 'Worksheet', sheet: s } satisfies SheetObj;
        if (name.endsWith('OrNullObject')) return null;
        throw itemNotFound(`no worksheet ${step > 0 ? 'after' : 'before'} "${sheet.name}"`);
      }
    }
    return undefined;
  },

  setProperty(o, name, v, host) {
    if (name === 'Visibility') host.requireVersion('setting Worksheet.visibility', '1.2');
    const sheet = alive(host, o.sheet);
    switch (name) {
      case 'Name':
        if (typeof v !== 'string') throw invalidArgument('name');
        host.book.renameSheet(sheet, v);
        return true;
      case 'Visibility':
        if (typeof v !== 'string' || !VISIBILITY.includes(v as SheetVisibility)) throw invalidArgument(`visibility "${String(v)}"`);
        host.book.changeVisibility(sheet, v as SheetVisibility);
        return true;
      case 'Position':
        host.book.moveSheet(sheet, int(v, 'position', 0));
        return true;
      case 'TabColor':
        sheet.tabColor = v === '' || v === null ? '' : normaliseColor(v);
        return true;
    }
    return false;
  },

  scalars(o, host) {
    const s = alive(host, o.sheet);
    return { Name: () => s.name, Id: () => s.id, Position: () => s.position, Visibility: () => s.visibility, TabColor: () => s.tabColor };
  },

  // Identity: the client rewrites paths to worksheets[Id].
  id: (o) => o.sheet.id,
};
