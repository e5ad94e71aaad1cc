// Excel.WorksheetCollection (workbook.worksheets).
//
// Real Excel behaviour modelled: `add(name?)` adds at the end (a taken name is ItemAlreadyExists,
// an unnamed sheet gets a name of Excel's choosing: "SheetN" here); `getItem(key)` by name or id
// (case-insensitive; missing: ItemNotFound), `getItemOrNullObject` (ExcelApi 1.4: a null object
// instead); `getActiveWorksheet()`; `getCount(visibleOnly?)` (1.4); `getFirst` / `getLast`
// (1.5, optionally visible sheets only); `load('items/…')` lists the sheets in tab order.
//
// Kinder than real Excel: nothing known.

import { invalidArgument, itemNotFound } from '../a1.js';
import type { Handler, Host, SheetObj, SheetsObj } from './types.js';

/** getItem(key): by name or id, case-insensitively. */
function item(host: Host, key: unknown): SheetObj {
  const s = host.book.findSheet(String(key));
  if (!s) throw itemNotFound(`worksheet "${String(key)}"`);
  return { t: 'Worksheet', sheet: s };
}

export const worksheetCollection: Handler<SheetsObj> = {
  indexer: (_o, args, host) => item(host, args[0]),

  method(_o, name, { args }, host) {
    switch (name) {
      case 'Add': {
        const n = args[0];
        if (n !== null && n !== undefined && typeof n !== 'string') throw invalidArgument('name');
        return { t: 'Worksheet', sheet: host.book.addSheet(n ?? null) } satisfies SheetObj;
      }
      case 'GetItem':
        return item(host, args[0]);
      case 'GetItemOrNullObject': {
        const s = host.book.findSheet(String(args[0]));
        return s ? ({ t: 'Worksheet', sheet: s } satisfies SheetObj) : null;
      }
      case 'GetActiveWorksheet':
        if (!host.book.activeSheet) throw itemNotFound('no active worksheet');
        return { t: 'Worksheet', sheet: host.book.activeSheet } satisfies SheetObj;
      case 'GetCount':
        return args[0] === true ? host.book.sheets.filter((s) => s.visibility === 'Visible').length : host.book.sheets.length;
      case 'GetFirst':
      case 'GetLast': {
        const list = args[0] === true ? host.book.sheets.filter((s) => s.visibility === 'Visible') : host.book.sheets;
        const s = name === 'GetFirst' ? list[0] : list[list.length - 1];
        if (!s) throw itemNotFound('no worksheet');
        return { t: 'Worksheet', sheet: s } satisfies SheetObj;
      }
    }
    return undefined;
  },

  items: (_o, host) => host.book.sheets.map((sheet) => ({ t: 'Worksheet', sheet }) satisfies SheetObj),
};
