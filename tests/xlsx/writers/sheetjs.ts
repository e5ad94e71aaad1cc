import { strFromU8, strToU8, unzipSync, zipSync } from 'fflate';
import * as XLSX from 'xlsx';
import { isoToSerial, type SamplePlan } from '../../fixtures/cip-sept-2018';

/** How real date cells are written: ISO t="d" cells, or serial numbers (1900 or 1904 system) with a date format. */
export type DateMode = 'iso' | 'serial' | 'serial1904';

export const DATE_FORMAT = 'dd/mm/yyyy';
/** Days between the 1900 and 1904 date systems' serials. */
export const DAYS_1900_TO_1904 = 1462;

function dateCell(iso: string, mode: DateMode): XLSX.CellObject {
  const [y, m, d] = iso.split('-').map(Number) as [number, number, number];
  // SheetJS takes Dates as local time and writes them as UTC: local midnight gives T00:00:00.000Z in any TZ.
  if (mode === 'iso') return { t: 'd', v: new Date(y, m - 1, d), z: DATE_FORMAT };
  const serial = isoToSerial(iso) - (mode === 'serial1904' ? DAYS_1900_TO_1904 : 0);
  return { t: 'n', v: serial, z: DATE_FORMAT };
}

function sheetFrom(rows: SamplePlan['rows'], mode: DateMode): XLSX.WorkSheet {
  const ws: XLSX.WorkSheet = {};
  let lastCol = 0;
  rows.forEach((row, r) => {
    row.forEach((v, c) => {
      if (v === null) return;
      lastCol = Math.max(lastCol, c);
      const ref = XLSX.utils.encode_cell({ r, c });
      ws[ref] = typeof v === 'object' ? dateCell(v.date, mode) : typeof v === 'number' ? { t: 'n', v } : { t: 's', v };
    });
  });
  ws['!ref'] = XLSX.utils.encode_range({ s: { r: 0, c: 0 }, e: { r: rows.length - 1, c: lastCol } });
  return ws;
}

/**
 * The plan as SheetJS 0.18.5 writes it. Without a shared string table it writes text as t="str"
 * cells; it cannot write inline strings (t="inlineStr").
 */
export function sheetJsWorkbook(plan: SamplePlan, notes: string[], options: { dates: DateMode; sharedStrings: boolean }): Uint8Array {
  const ws = sheetFrom(plan.rows, options.dates);
  ws['!merges'] = plan.merges.map((m) => XLSX.utils.decode_range(m));
  const wb = XLSX.utils.book_new();
  XLSX.utils.book_append_sheet(wb, ws, plan.sheetName);
  XLSX.utils.book_append_sheet(wb, XLSX.utils.aoa_to_sheet(notes.map((n) => [n])), 'Notes');
  if (options.dates === 'serial1904') wb.Workbook = { WBProps: { date1904: true } };
  const out = XLSX.write(wb, { type: 'buffer', bookType: 'xlsx', cellDates: options.dates === 'iso', bookSST: options.sharedStrings, compression: true }) as Buffer;
  return new Uint8Array(out);
}

/** Rewrites one part of a zip (text), as another writer would have spelt it; throws if the edit changed nothing. */
export function rewritePart(zip: Uint8Array, part: string, edit: (xml: string) => string): Uint8Array {
  const files = unzipSync(zip);
  const before = files[part];
  if (!before) throw new Error(`${part} is not in the zip`);
  const after = edit(strFromU8(before));
  if (after === strFromU8(before)) throw new Error(`the edit of ${part} changed nothing`);
  files[part] = strToU8(after);
  return zipSync(files);
}
