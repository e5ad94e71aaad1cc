import type { EditPlan } from '../../shared/edit-plan/edit-plan';
import type { FillGroup } from '../../shared/rag/status-fills';
import type { CellLook, CellStyle, ChartPlan, SummarySheetPlan } from '../../shared/summary/summary-sheet';
import { cellAddress } from '../../shared/grid/a1';
import type { CellValue } from '../../shared/grid/grid';

/** Excel cuts address strings given to getRanges at 8,192 characters; stay well under. */
export const maxAddressChars = 8000;
/** Excel on the web rejects requests over 5 MB; leave room for the request's own overhead. */
export const maxRequestBytes = 4 * 1024 * 1024;

export interface WriteOptions {
  /** RangeAreas (getRanges) are ExcelApi 1.9: Excel 2019 and older need one range per run. */
  rangeAreas: boolean;
}

/** Splits a list of addresses into comma-joined strings of at most `max` characters. */
export function chunkAddresses(ranges: readonly string[], max = maxAddressChars): string[] {
  const out: string[] = [];
  let current = '';
  for (const r of ranges) {
    if (current !== '' && current.length + 1 + r.length > max) {
      out.push(current);
      current = '';
    }
    current = current === '' ? r : `${current},${r}`;
  }
  if (current !== '') out.push(current);
  return out;
}

/** One command per colour per 8,000 characters of addresses (RangeAreas), or one per range on Excel 2019. */
function queueFills(sheet: Excel.Worksheet, groups: readonly FillGroup[], options: WriteOptions): void {
  for (const g of groups) {
    const targets = options.rangeAreas ? chunkAddresses(g.ranges).map((a) => sheet.getRanges(a)) : g.ranges.map((a) => sheet.getRange(a));
    for (const t of targets) {
      t.format.fill.color = g.fill;
      t.format.font.color = g.text;
    }
  }
}

/** Sets a row style's look, as the edit plan resolved it: the same in every host. */
function queueStyle(sheet: Excel.Worksheet, look: CellLook, ranges: readonly string[], options: WriteOptions): void {
  if (Object.keys(look).length === 0) return;
  const targets = options.rangeAreas ? chunkAddresses(ranges).map((a) => sheet.getRanges(a)) : ranges.map((a) => sheet.getRange(a));
  for (const t of targets) {
    const font = t.format.font;
    if (look.bold) font.bold = true;
    if (look.italic) font.italic = true;
    if (look.size !== undefined) font.size = look.size;
    if (look.fontColour) font.color = look.fontColour;
    if (look.fill) t.format.fill.color = look.fill;
    if (look.wrapTop) {
      t.format.wrapText = true;
      t.format.verticalAlignment = 'Top';
    }
  }
}

/** Rough JSON size of a block of cells, to keep each request under the limit. */
function bytesOf(rows: readonly (readonly unknown[])[]): number {
  let n = 2;
  for (const r of rows) for (const v of r) n += typeof v === 'string' ? v.length * 1.1 + 4 : 12;
  return n;
}

/**
 * Queues the summary sheet's writes. Number formats go before values in the same batch: the Text
 * format '@' is what keeps copied text such as "=HYPERLINK(…)" or "-1 day late" literal in Excel.
 * Returns the row blocks that did not fit in this request, for the caller to send in further syncs.
 */
function queueSummary(context: Excel.RequestContext, plan: SummarySheetPlan, exists: boolean, options: WriteOptions, budget: number): { sheet: Excel.Worksheet; rest: { from: number; to: number }[] } {
  const sheets = context.workbook.worksheets;
  // The tool's own sheet is replaced whole: clearing cells would leave its old chart behind.
  if (exists) sheets.getItem(plan.name).delete();
  const sheet = sheets.add(plan.name);
  const width = plan.values[0]?.length ?? 1;
  const blocks: { from: number; to: number }[] = [];
  let from = 0;
  let size = 0;
  plan.values.forEach((row, i) => {
    const b = bytesOf([row, plan.formats[i] ?? []]);
    if (i > from && size + b > budget) {
      blocks.push({ from, to: i });
      from = i;
      size = 0;
    }
    size += b;
  });
  blocks.push({ from, to: plan.values.length });
  const [first, ...rest] = blocks;
  if (first) queueRows(sheet, plan, first, width);
  for (const [style, ranges] of Object.entries(plan.styles) as [CellStyle, string[]][]) if (ranges.length > 0) queueStyle(sheet, plan.looks[style], ranges, options);
  queueFills(sheet, plan.fills, options);
  plan.columnWidths.forEach((w, i) => {
    // Column width is in points; a character of the default font is about 7 points wide.
    sheet.getRangeByIndexes(0, i, 1, 1).format.columnWidth = w * 7;
  });
  for (const r of plan.hiddenRows) sheet.getRange(`${r}:${r}`).rowHidden = true;
  if (plan.chart) queueChart(sheet, plan.chart);
  return { sheet, rest };
}

/** The native stacked bar chart of status by theme, in the same batch as the tables it draws on. */
function queueChart(sheet: Excel.Worksheet, chart: ChartPlan): void {
  const c = sheet.charts.add(Excel.ChartType.barStacked, sheet.getRange(chart.range), Excel.ChartSeriesBy.columns);
  c.name = 'Plan Monitor: status by theme';
  c.title.text = chart.title;
  c.setPosition(cellAddress(chart.from.row, chart.from.col), cellAddress(chart.to.row, chart.to.col));
  chart.series.forEach((s, i) => c.series.getItemAt(i).format.fill.setSolidColor(s.fill));
}

function queueRows(sheet: Excel.Worksheet, plan: SummarySheetPlan, block: { from: number; to: number }, width: number): void {
  const count = block.to - block.from;
  if (count <= 0) return;
  const range = sheet.getRangeByIndexes(block.from, 0, count, width);
  range.numberFormat = plan.formats.slice(block.from, block.to) as string[][];
  range.values = plan.values.slice(block.from, block.to).map((r) => r.map((v: CellValue) => (v === null ? '' : v))) as (string | number | boolean)[][];
}

/**
 * Executes an edit plan: every status fill and the whole summary sheet in one sync when it fits
 * in a request (up to 10,000 rows it does), further syncs only for what would pass 4 MB.
 */
export async function writeExcelEditPlan(context: Excel.RequestContext, plan: EditPlan, options: WriteOptions): Promise<number> {
  let syncs = 0;
  context.application.suspendApiCalculationUntilNextSync();
  const sheet = context.workbook.worksheets.getItem(plan.sheet);
  queueFills(sheet, plan.fills, options);
  let pending: { sheet: Excel.Worksheet; rest: { from: number; to: number }[] } | null = null;
  if (plan.summary) {
    const fillBytes = plan.fills.reduce((n, g) => n + g.ranges.join(',').length * 2, 0);
    pending = queueSummary(context, plan.summary, plan.summaryChoice?.exists === true, options, maxRequestBytes - fillBytes - 256 * 1024);
  }
  await context.sync();
  syncs++;
  if (pending && plan.summary) {
    const width = plan.summary.values[0]?.length ?? 1;
    for (const block of pending.rest) {
      context.application.suspendApiCalculationUntilNextSync();
      queueRows(pending.sheet, plan.summary, block, width);
      await context.sync();
      syncs++;
    }
  }
  return syncs;
}
