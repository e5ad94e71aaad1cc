// Excel.RangeAreas and RangeCollection (ExcelApi 1.9): several rectangles of one sheet, as
// `worksheet.getRanges()`, `getMergedAreas…` and `getSpecialCells…` return them, and their
// `areas` collection.
//
// Real Excel behaviour modelled: `address` lists the areas sheet-qualified, comma-separated
// (quoted sheet names); `areaCount`, `cellCount`, `isEntireColumn` / `isEntireRow`; `format`
// (fill, font… applied to every area), `clear()`, `calculate()`; `areas.getItemAt(i)`,
// `areas.getCount()`, `areas.load('items/…')`. Every member needs ExcelApi 1.9 (api-sets.ts).
//
// Kinder than real Excel: nothing known. Not modelled: the rest of RangeAreas (conditional
// formats, data validation, `getOffsetRangeAreas`…) answers NotImplemented.

import { areaCells, isEntireColumns, isEntireRows, qualifiedAddress } from '../a1.js';
import { itemAt, rangeObj } from './common.js';
import { clear, navigateTarget } from './range.js';
import type { AreasObj, Handler, RangeCollectionObj } from './types.js';

export const rangeAreas: Handler<AreasObj> = {
  navigate: (o, name, host) => (name === 'Areas' ? { t: 'RangeCollection', owner: o } : navigateTarget(o, name, host)),

  method(o, name, { args }, host) {
    switch (name) {
      case 'Clear':
        return clear(host, o, args[0]);
      case 'Calculate':
        return null;
    }
    return undefined;
  },

  scalars(o) {
    const addr = (): string => o.areas.map((a) => qualifiedAddress(o.sheet.name, a)).join(',');
    return {
      Address: addr,
      AddressLocal: addr,
      AreaCount: () => o.areas.length,
      CellCount: () => Math.min(o.areas.reduce((n, a) => n + areaCells(a), 0), 2147483647),
      IsEntireColumn: () => o.areas.every(isEntireColumns),
      IsEntireRow: () => o.areas.every(isEntireRows),
    };
  },
};

export const rangeCollection: Handler<RangeCollectionObj> = {
  method(o, name, { args }) {
    switch (name) {
      case 'GetCount':
        return o.owner.areas.length;
      case 'GetItemAt':
        return rangeObj(o.owner.sheet, itemAt(o.owner.areas, args[0], 'area'));
    }
    return undefined;
  },

  items: (o) => o.owner.areas.map((area) => ({ t: 'Range', sheet: o.owner.sheet, area })),
};
