/**
 * Writing a merged reply's values into the plan sheet through Office.js, in two syncs whatever the
 * number of cells: one that looks (the sheet's protection, the date system, each target cell's
 * formula and format, the date columns' formats), then one that writes. Nothing is queued for
 * writing until the look has found nothing to refuse, so a refusal leaves the sheet as it was.
 */
import { cellAddress } from '../../shared/grid/a1';
import type { CellEdit } from '../../shared/merge/cell-edits';
import { dateFormatFor, formulaCellRefused } from '../../shared/workbook/workbook';
import { WriteRefused } from '../../shared/workbook/write-refusal';

/** Days from 1 Jan 1900's count to 1 Jan 1904's: a 1904 workbook stores each date this much smaller. */
export const days1904 = 1462;

/** A formula, not a constant: Range.formulas gives a constant cell its value, so a text "=x" reads the same in both. */
export function holdsFormula(formula: unknown, value: unknown): boolean {
  return typeof formula === 'string' && formula.startsWith('=') && formula !== String(value);
}

function code(e: unknown): unknown {
  return typeof e === 'object' && e !== null && 'code' in e ? (e as { code: unknown }).code : null;
}

/**
 * The sync of a write's look (the sheet's protection loaded with what else the write needs to
 * know), then its refusals before anything is queued: the sheet gone since the read, or protected.
 */
export async function syncTheLook(context: Excel.RequestContext, sheet: Excel.Worksheet, sheetName: string): Promise<void> {
  try {
    await context.sync();
  } catch (e) {
    if (code(e) === 'ItemNotFound') throw new WriteRefused({ code: 'sheet-gone', sheet: sheetName });
    throw e;
  }
  if (sheet.protection.protected) throw new WriteRefused({ code: 'sheet-protected', sheet: sheetName });
}

/**
 * Writes the edits; returns the syncs made (2, or 0 with nothing to write). `usedBottom`: the last
 * row the last read found on the sheet, so a date column's format is looked for in all its rows.
 * `functions`: whether this Excel has worksheet functions (ExcelApi 1.2), the read's way to learn
 * the date system.
 */
export async function writeExcelCellValues(context: Excel.RequestContext, sheetName: string, edits: readonly CellEdit[], options: { usedBottom?: number; functions: boolean }): Promise<number> {
  if (edits.length === 0) return 0;
  const sheet = context.workbook.worksheets.getItem(sheetName);
  sheet.load('protection/protected');
  const probe = options.functions ? context.workbook.functions.date(1904, 1, 1) : null;
  probe?.load('value');
  const cells = edits.map((e) => {
    const range = sheet.getRangeByIndexes(e.row - 1, e.col - 1, 1, 1);
    range.load('formulas,values,numberFormat');
    return { e, range };
  });
  // Where a date goes into a cell with no date format, it takes its column's: read only for columns that get a date.
  const columns = new Map<number, Excel.Range>();
  for (const e of edits) {
    if (e.value.kind !== 'date' || columns.has(e.col)) continue;
    const bottom = Math.max(options.usedBottom ?? 0, ...edits.filter((x) => x.col === e.col).map((x) => x.row));
    const column = sheet.getRangeByIndexes(0, e.col - 1, bottom, 1);
    column.load('numberFormat');
    columns.set(e.col, column);
  }
  await syncTheLook(context, sheet, sheetName);
  const formula = cells.find(({ range }) => holdsFormula(range.formulas[0]?.[0], range.values[0]?.[0]));
  if (formula) throw formulaCellRefused(sheetName, cellAddress(formula.e.row, formula.e.col));

  // The engine counts dates from 1900; a 1904 workbook stores them 1,462 days less.
  const shift = probe !== null && probe.value === 0 ? days1904 : 0;
  for (const { e, range } of cells) {
    const own = String(range.numberFormat[0]?.[0] ?? '');
    const v = e.value;
    if (v.kind === 'text') {
      // Text format first, in the same batch: Excel keeps whatever is written into a Text cell as typed.
      range.numberFormat = [['@']];
      range.values = [[v.text]];
    } else if (v.kind === 'date') {
      const format = dateFormatFor(own, (columns.get(e.col)?.numberFormat ?? []).map((r) => String(r[0] ?? '')));
      if (format !== own) range.numberFormat = [[format]];
      range.values = [[v.serial - shift]];
    } else range.values = [['']];
  }
  await context.sync();
  return 2;
}
