import type { CellValue, GridSnapshot } from '../../shared/grid/grid';
import { parseRangeAddress } from '../../shared/grid/a1';
import { isDateFormat } from '../../shared/grid/number-format';
import type { SheetSnapshot, SheetVisibility, WorkbookSnapshot } from '../../shared/workbook/workbook';

/** Sheets read in the one read sync; a workbook with more is read in a second. */
export const sheetsPerSync = 64;

interface QueuedSheet {
  sheet: Excel.Worksheet;
  used: Excel.Range;
  merges: Excel.RangeAreas | null;
}

const visibilityOf: Record<string, SheetVisibility> = { Visible: 'visible', Hidden: 'hidden', VeryHidden: 'veryHidden' };

/**
 * Queues the reads of up to `count` sheets starting at `first`, walking getNextOrNullObject so that
 * every sheet's used range comes back in the same sync (a collection's items are not known before it).
 */
function queueSheets(first: Excel.Worksheet, count: number, withMerges: boolean): QueuedSheet[] {
  const out: QueuedSheet[] = [];
  let sheet = first;
  for (let i = 0; i < count; i++) {
    sheet.load('name,visibility');
    const used = sheet.getUsedRangeOrNullObject(true);
    used.load('address,values,numberFormat,valueTypes');
    let merges: Excel.RangeAreas | null = null;
    if (withMerges) {
      merges = used.getMergedAreasOrNullObject();
      merges.load('address');
    }
    out.push({ sheet, used, merges });
    sheet = sheet.getNextOrNullObject();
  }
  return out;
}

function gridOf(q: QueuedSheet): GridSnapshot {
  const name = q.sheet.name;
  if (q.used.isNullObject) return { sheet: name, top: 1, left: 1, values: [] };
  const addr = q.used.address.slice(q.used.address.lastIndexOf('!') + 1);
  const at = parseRangeAddress(addr) ?? { top: 1, left: 1, bottom: 1, right: 1 };
  const raw = q.used.values as unknown[][];
  const formats = q.used.numberFormat as unknown[][];
  const types = q.used.valueTypes;
  const values: CellValue[][] = [];
  const dates: boolean[][] = [];
  const errors: (string | null)[][] = [];
  let anyDate = false;
  let anyError = false;
  raw.forEach((row, r) => {
    const vs: CellValue[] = [];
    const ds: boolean[] = [];
    const es: (string | null)[] = [];
    row.forEach((v, c) => {
      const type = types[r]?.[c];
      if (type === 'Error') {
        vs.push(null);
        es[c] = String(v);
        anyError = true;
        return;
      }
      // Excel gives "" for an empty cell.
      vs.push(v === '' || v === null || v === undefined ? null : (v as CellValue));
      if (typeof v === 'number' && isDateFormat(String(formats[r]?.[c] ?? ''))) {
        ds[c] = true;
        anyDate = true;
      }
    });
    values.push(vs);
    dates.push(ds);
    errors.push(es);
  });
  const grid: GridSnapshot = { sheet: name, top: at.top, left: at.left, values };
  if (anyDate) grid.dates = dates;
  if (anyError) grid.errors = errors;
  if (q.merges && !q.merges.isNullObject) {
    grid.merges = q.merges.address.split(',').map((a) => a.slice(a.lastIndexOf('!') + 1));
  }
  return grid;
}

function supports(version: string): boolean {
  return typeof Office !== 'undefined' && Office.context?.requirements?.isSetSupported?.('ExcelApi', version) === true;
}

/** Every sheet with its used range (values, number formats, error cells, merges) in one sync. */
export async function readExcelWorkbook(context: Excel.RequestContext): Promise<WorkbookSnapshot> {
  const withMerges = supports('1.13');
  const active = context.workbook.worksheets.getActiveWorksheet();
  active.load('name');
  const sheets: SheetSnapshot[] = [];
  let next: Excel.Worksheet = context.workbook.worksheets.getFirst();
  for (;;) {
    const queued = queueSheets(next, sheetsPerSync, withMerges);
    const after = (queued[queued.length - 1]?.sheet ?? next).getNextOrNullObject();
    after.load('name');
    await context.sync();
    let read = 0;
    for (const q of queued) {
      if (q.sheet.isNullObject) break;
      sheets.push({ name: q.sheet.name, visibility: visibilityOf[q.sheet.visibility] ?? 'visible', grid: gridOf(q) });
      read++;
    }
    if (read < sheetsPerSync || after.isNullObject) break;
    next = after;
  }
  return { sheets, activeSheet: active.name };
}
