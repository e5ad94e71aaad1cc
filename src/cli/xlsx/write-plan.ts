import type ExcelJS from 'exceljs';
import type { EditPlan } from '../../../shared/edit-plan/edit-plan';
import type { FillGroup } from '../../../shared/edit-plan/status-fills';
import type { CellStyle, SummarySheetPlan } from '../../../shared/edit-plan/summary-sheet';
import { parseRangeAddress } from '../../../shared/grid/a1';

const argb = (hex: string) => `FF${hex.slice(1).toUpperCase()}`;

function forEachCell(ws: ExcelJS.Worksheet, range: string, fn: (cell: ExcelJS.Cell) => void): void {
  const r = parseRangeAddress(range);
  if (!r) return;
  for (let row = r.top; row <= r.bottom; row++) for (let col = r.left; col <= r.right; col++) fn(ws.getCell(row, col));
}

/**
 * Sets fill and text colour only. The style object is replaced, not mutated: ExcelJS shares style
 * objects between cells, and mutating one would recolour its neighbours. Cells that shared a style
 * share the recoloured one too: ExcelJS dedupes styles by object when writing, and renders and
 * compares the XML of every distinct object, so one new object per cell was most of the save's
 * extra time.
 */
function applyFills(ws: ExcelJS.Worksheet, groups: readonly FillGroup[]): void {
  for (const g of groups) {
    const fill: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: argb(g.fill) } };
    const recoloured = new Map<Partial<ExcelJS.Style>, Partial<ExcelJS.Style>>();
    let unstyled: Partial<ExcelJS.Style> | undefined;
    for (const range of g.ranges) {
      forEachCell(ws, range, (cell) => {
        const style: Partial<ExcelJS.Style> = cell.style ?? {};
        // Unstyled cells each hold their own empty object; they all end up alike.
        const empty = isEmpty(style);
        let next = empty ? unstyled : recoloured.get(style);
        if (!next) {
          next = { ...style, fill, font: { ...(style.font ?? {}), color: { argb: argb(g.text) } } };
          if (empty) unstyled = next;
          else recoloured.set(style, next);
        }
        cell.style = next;
      });
    }
  }
}

function isEmpty(o: object): boolean {
  for (const _ in o) return false;
  return true;
}

const styleFonts: Partial<Record<CellStyle, Partial<ExcelJS.Font>>> = {
  title: { bold: true, size: 14 },
  note: { italic: true, color: { argb: 'FF505A5F' } },
  tableTitle: { bold: true, size: 12 },
  header: { bold: true },
  total: { bold: true },
};

const headerFill: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFE5E6E7' } };

/**
 * The style of a summary cell from its number format and row style. Cells alike share one style
 * object (see applyFills: ExcelJS renders the XML of every distinct style object when saving).
 */
function summaryStyler(): (fmt: string | undefined, style: CellStyle | undefined) => Partial<ExcelJS.Style> {
  const made = new Map<string, Partial<ExcelJS.Style>>();
  return (fmt, style) => {
    const key = `${fmt ?? ''}|${style ?? ''}`;
    let s = made.get(key);
    if (!s) {
      s = {};
      // Strings are written as strings: ExcelJS makes a formula only from { formula }, and '@' keeps it text in Excel.
      if (fmt && fmt !== 'General') s.numFmt = fmt;
      const font = style ? styleFonts[style] : undefined;
      if (font) s.font = { ...font };
      if (style === 'header') {
        s.fill = headerFill;
        s.alignment = { wrapText: true, vertical: 'top' };
      } else if (style === 'body') s.alignment = { wrapText: true, vertical: 'top' };
      made.set(key, s);
    }
    return s;
  };
}

function writeSummarySheet(wb: ExcelJS.Workbook, plan: SummarySheetPlan): void {
  const existing = wb.getWorksheet(plan.name);
  // Only ever a sheet the engine chose as the tool's own (chooseSummarySheetName checked its marker).
  if (existing) wb.removeWorksheet(existing.id);
  const ws = wb.addWorksheet(plan.name);
  // Each cell's row style, from the style ranges (a cell in a range is written even when blank).
  const styleAt: (CellStyle | undefined)[][] = [];
  for (const [style, ranges] of Object.entries(plan.styles) as [CellStyle, string[]][]) {
    for (const range of ranges) {
      const r = parseRangeAddress(range);
      if (!r) continue;
      for (let row = r.top; row <= r.bottom; row++) {
        const line = (styleAt[row - 1] ??= []);
        for (let col = r.left; col <= r.right; col++) line[col - 1] = style;
      }
    }
  }
  const styleOf = summaryStyler();
  const rows = Math.max(plan.values.length, styleAt.length);
  for (let r = 0; r < rows; r++) {
    const rowValues = plan.values[r] ?? [];
    const rowStyles = styleAt[r] ?? [];
    const cols = Math.max(rowValues.length, rowStyles.length);
    let row: ExcelJS.Row | undefined;
    for (let c = 0; c < cols; c++) {
      const v = rowValues[c] ?? null;
      const style = rowStyles[c];
      if (v === null && style === undefined) continue;
      row ??= ws.getRow(r + 1);
      const cell = row.getCell(c + 1);
      cell.style = styleOf(v === null ? undefined : plan.formats[r]?.[c], style);
      if (v !== null) cell.value = v;
    }
  }
  applyFills(ws, plan.fills);
  plan.columnWidths.forEach((w, i) => {
    ws.getColumn(i + 1).width = w;
  });
  for (const r of plan.hiddenRows) ws.getRow(r).hidden = true;
}

/** Executes an edit plan on an ExcelJS workbook: colours status cells and (re)writes the summary sheet. */
export function writeEditPlan(wb: ExcelJS.Workbook, plan: EditPlan): void {
  const ws = wb.getWorksheet(plan.sheet);
  if (!ws) throw new Error(`sheet '${plan.sheet}' vanished`);
  applyFills(ws, plan.fills);
  if (plan.summary) writeSummarySheet(wb, plan.summary);
}
