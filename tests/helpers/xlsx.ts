import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { unzipSync } from 'fflate';
import ExcelJS from 'exceljs';
import type { CellValue } from '../../shared/grid/grid';

export function tempDir(): string {
  return mkdtempSync(path.join(tmpdir(), 'plan-monitor-'));
}

/** Writes a one-sheet (or more) workbook from plain rows. */
export async function writeWorkbook(file: string, sheets: Record<string, CellValue[][]>): Promise<void> {
  const wb = new ExcelJS.Workbook();
  for (const [name, rows] of Object.entries(sheets)) {
    const ws = wb.addWorksheet(name);
    rows.forEach((r, i) => {
      r.forEach((v, c) => {
        if (v !== null) ws.getCell(i + 1, c + 1).value = v;
      });
    });
  }
  await wb.xlsx.writeFile(file);
}

export interface CellDump {
  value: unknown;
  fill: string | null;
  font: string | null;
}

/** Every sheet, every non-empty or styled cell: value, fill colour and text colour. For before/after comparisons. */
export async function dumpWorkbook(file: string): Promise<{ sheets: { name: string; state: string; cells: Record<string, CellDump> }[] }> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(file);
  return {
    sheets: wb.worksheets.map((ws) => {
      const cells: Record<string, CellDump> = {};
      ws.eachRow({ includeEmpty: true }, (row) => {
        row.eachCell({ includeEmpty: true }, (cell) => {
          const fill = cell.fill && cell.fill.type === 'pattern' && cell.fill.pattern === 'solid' ? (cell.fill.fgColor?.argb ?? null) : null;
          const value = cell.value instanceof Date ? cell.value.toISOString() : cell.value;
          if (value === null && fill === null) return;
          cells[cell.address] = { value, fill, font: cell.font?.color?.argb ?? null };
        });
      });
      return { name: ws.name, state: ws.state, cells };
    }),
  };
}

/** Parts (zip entries but folders, which the .xlsx writer does not keep) whose bytes differ between two packages or that one lacks, sorted. */
export function changedParts(a: Uint8Array, b: Uint8Array): string[] {
  const x = unzipSync(a);
  const y = unzipSync(b);
  const names = [...new Set([...Object.keys(x), ...Object.keys(y)])].filter((k) => !k.endsWith('/'));
  return names.filter((k) => !x[k] || !y[k] || !Buffer.from(x[k]).equals(Buffer.from(y[k]))).sort();
}
