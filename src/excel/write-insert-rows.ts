/**
 * New rows (new actions under their themes) through Office.js, in two syncs whatever the number of
 * rows or blocks: one that looks (the sheet's protection, the date system, the formats of each row
 * the new rows follow, the date columns' formats), then one that inserts and writes. Each block is
 * inserted as whole rows with Range.insert(Down) (ExcelApi 1.1), bottom block first so each insert
 * leaves the places above it where the read found them; Excel moves every formula, name, table,
 * chart and validation that refers to the moved rows. Then each block is one rectangle: its number
 * formats (the row above's, Text before text so it stays literal, a date's format by the rule every
 * host shares) and its values. Nothing is queued before the look has found nothing to refuse.
 */
import { landingRows, type RowInsertion } from '../../shared/add/row-insertion';
import type { CellWrite } from '../../shared/merge/cell-edits';
import { dateFormatFor } from '../../shared/workbook/workbook';
import { days1904, syncTheLook } from './write-cell-values';

/** Inserts the blocks and writes their cells; returns the syncs made (2, or 0 with nothing to insert). */
export async function writeExcelInsertRows(context: Excel.RequestContext, sheetName: string, insertions: readonly RowInsertion[], options: { usedBottom?: number; functions: boolean }): Promise<number> {
  const blocks = insertions.filter((b) => b.rows.length > 0);
  if (blocks.length === 0) return 0;
  const cols = blocks.flatMap((b) => b.rows.flatMap((r) => r.map((c) => c.col)));
  const left = Math.min(...cols);
  const width = Math.max(...cols) - left + 1;
  const sheet = context.workbook.worksheets.getItem(sheetName);
  sheet.load('protection/protected');
  const probe = options.functions ? context.workbook.functions.date(1904, 1, 1) : null;
  probe?.load('value');
  // The row each block follows, across the columns written: the formats its new rows take.
  const aboves = blocks.map((b) => {
    const range = sheet.getRangeByIndexes(b.afterRow - 1, left - 1, 1, width);
    range.load('numberFormat');
    return range;
  });
  const dateCols = new Set(blocks.flatMap((b) => b.rows.flatMap((r) => r.filter((c) => c.value.kind === 'date').map((c) => c.col))));
  const columns = new Map<number, Excel.Range>();
  const bottom = Math.max(options.usedBottom ?? 0, ...blocks.map((b) => b.afterRow));
  for (const col of dateCols) {
    const column = sheet.getRangeByIndexes(0, col - 1, bottom, 1);
    column.load('numberFormat');
    columns.set(col, column);
  }
  await syncTheLook(context, sheet, sheetName);

  const shift = probe !== null && probe.value === 0 ? days1904 : 0;
  for (const b of [...blocks].reverse()) sheet.getRange(`${b.afterRow + 1}:${b.afterRow + b.rows.length}`).insert(Excel.InsertShiftDirection.down);
  const lands = landingRows(blocks);
  // Each date column's formats as text, once however many new dates it takes.
  const columnFormats = new Map<number, string[]>([...columns].map(([col, range]) => [col, range.numberFormat.map((r) => String(r[0] ?? ''))]));
  blocks.forEach((b, i) => {
    const own = (aboves[i]?.numberFormat[0] ?? []).map((f) => String(f ?? 'General'));
    const formats: string[][] = [];
    const values: (string | number)[][] = [];
    for (const row of b.rows) {
      const byCol = new Map<number, CellWrite>(row.map((c) => [c.col, c.value]));
      const f: string[] = [];
      const v: (string | number)[] = [];
      for (let j = 0; j < width; j++) {
        const w = byCol.get(left + j);
        const mine = own[j] ?? 'General';
        if (w?.kind === 'text') {
          f.push('@');
          v.push(w.text);
        } else if (w?.kind === 'date') {
          f.push(dateFormatFor(mine, columnFormats.get(left + j) ?? []));
          v.push(w.serial - shift);
        } else {
          f.push(mine);
          v.push('');
        }
      }
      formats.push(f);
      values.push(v);
    }
    const range = sheet.getRangeByIndexes((lands[i] as number) - 1, left - 1, b.rows.length, width);
    // Text format first, in the same batch: Excel keeps whatever is written into a Text cell as typed.
    range.numberFormat = formats;
    range.values = values;
  });
  await context.sync();
  return 2;
}
