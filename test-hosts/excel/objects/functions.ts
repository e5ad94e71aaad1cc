// Excel.Functions (workbook.functions, ExcelApi 1.2) and the FunctionResult each call returns.
//
// Real Excel behaviour modelled: DATE(year, month, day) answers the serial in the workbook's date
// system — 0 for 1 Jan 1904 in the 1904 system, 1462 in the 1900 system, which counts the
// phantom 29 Feb 1900 (serial 60); years 0–1899 add 1900, as Excel does. It is how an add-in
// learns the workbook's date system on any Excel. A result's `value` and `error` (null).
//
// Kinder than real Excel: a year beyond the documented 9999 is not refused. No other worksheet
// function is modelled (NotImplemented).

import type { FakeWorkbook } from '../fake-workbook.js';
import type { FunctionResultObj, FunctionsObj, Handler } from './types.js';

/** Excel's DATE(year, month, day) as a serial in the workbook's date system (years 0–1899 add 1900, as Excel does). */
function dateFunction(book: FakeWorkbook, args: unknown[]): number {
  const [y, m, d] = args.map(Number) as [number, number, number];
  const year = y < 1900 ? y + 1900 : y;
  const days = Date.UTC(year, m - 1, d) / 86_400_000;
  if (book.date1904) return days - Date.UTC(1904, 0, 1) / 86_400_000;
  // The 1900 system counts the phantom 29 Feb 1900 (serial 60).
  const serial = days - Date.UTC(1899, 11, 31) / 86_400_000;
  return serial >= 60 ? serial + 1 : serial;
}

export const functions: Handler<FunctionsObj> = {
  method(_o, name, { args }, host) {
    // Only DATE is modelled: it is how an add-in learns the workbook's date system on any Excel.
    if (name === 'Date') return { t: 'FunctionResult', value: dateFunction(host.book, args) } satisfies FunctionResultObj;
    return undefined;
  },
};

export const functionResult: Handler<FunctionResultObj> = {
  scalars: (o) => ({ Value: () => o.value, Error: () => null }),
};
