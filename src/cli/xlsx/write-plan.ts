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
 * objects between cells, and mutating one would recolour its neighbours.
 */
function applyFills(ws: ExcelJS.Worksheet, groups: readonly FillGroup[]): void {
  for (const g of groups) {
    const fill: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: argb(g.fill) } };
    for (const range of g.ranges) {
      forEachCell(ws, range, (cell) => {
        const style = cell.style ?? {};
        cell.style = { ...style, fill, font: { ...(style.font ?? {}), color: { argb: argb(g.text) } } };
      });
    }
  }
}

const styleFonts: Partial<Record<CellStyle, Partial<ExcelJS.Font>>> = {
  title: { bold: true, size: 14 },
  note: { italic: true, color: { argb: 'FF505A5F' } },
  tableTitle: { bold: true, size: 12 },
  header: { bold: true },
  total: { bold: true },
};

function writeSummarySheet(wb: ExcelJS.Workbook, plan: SummarySheetPlan): void {
  const existing = wb.getWorksheet(plan.name);
  // Only ever a sheet the engine chose as the tool's own (chooseSummarySheetName checked its marker).
  if (existing) wb.removeWorksheet(existing.id);
  const ws = wb.addWorksheet(plan.name);
  plan.values.forEach((rowValues, r) => {
    const row = ws.getRow(r + 1);
    rowValues.forEach((v, c) => {
      if (v === null) return;
      const cell = row.getCell(c + 1);
      const fmt = plan.formats[r]?.[c];
      // Strings are written as strings: ExcelJS makes a formula only from { formula }, and '@' keeps it text in Excel.
      if (fmt && fmt !== 'General') cell.numFmt = fmt;
      cell.value = v;
    });
  });
  for (const [style, ranges] of Object.entries(plan.styles) as [CellStyle, string[]][]) {
    const font = styleFonts[style];
    for (const range of ranges) {
      forEachCell(ws, range, (cell) => {
        if (font) cell.font = { ...font };
        if (style === 'header') {
          cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFE5E6E7' } };
          cell.alignment = { wrapText: true, vertical: 'top' };
        } else if (style === 'body') cell.alignment = { wrapText: true, vertical: 'top' };
      });
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
