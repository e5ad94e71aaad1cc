/** CLI apply on a 10,000-action workbook, beside ExcelJS alone reading and writing the same file. */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { dayFromIso } from '../shared/dates/day';
import { planEdits, prepareRun } from '../shared/run/prepare-run';
import { XlsxWorkbookPort } from '../src/cli/xlsx/xlsx-port';
import { generatePlan } from '../tests/fixtures/generate-plan';
import { printTable } from './table';

export interface CliRow {
  actions: number;
  excelJsMs: number;
  applyMs: number;
  ratio: number;
}

async function median(fn: () => Promise<void>, runs: number): Promise<number> {
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    await fn();
    times.push(performance.now() - t0);
  }
  times.sort((a, b) => a - b);
  return times[Math.floor(times.length / 2)] ?? 0;
}

export async function runCliBench(): Promise<CliRow[]> {
  const dir = mkdtempSync(path.join(tmpdir(), 'pm-bench-'));
  const input = path.join(dir, 'plan.xlsx');
  const grid = generatePlan(10_000);
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet(grid.sheet);
  grid.values.forEach((r, i) => r.forEach((v, c) => {
    if (v === null) return;
    const cell = ws.getCell(i + 1, c + 1);
    if (grid.dates?.[i]?.[c] && typeof v === 'number') {
      cell.value = new Date((v - 25569) * 86_400_000);
      cell.numFmt = 'dd/mm/yyyy';
    } else cell.value = v;
  }));
  await wb.xlsx.writeFile(input);
  const asOf = dayFromIso('2018-09-30') ?? 0;

  // The floor: ExcelJS alone reading and writing the file, as any .xlsx tool must.
  const excelJsMs = await median(async () => {
    const w = new ExcelJS.Workbook();
    await w.xlsx.readFile(input);
    await w.xlsx.writeFile(path.join(dir, 'copy.xlsx'));
  }, 3);
  // plan-monitor apply: the same read and write, with the engine and the edits between.
  const applyMs = await median(async () => {
    const w = new ExcelJS.Workbook();
    await w.xlsx.readFile(input);
    const port = new XlsxWorkbookPort(w);
    const run = prepareRun(await port.readWorkbook(), { asOf, today: asOf });
    if (!run.ok) throw new Error(run.message);
    await port.applyEditPlan(planEdits(run, { colours: true, summary: true }));
    await w.xlsx.writeFile(path.join(dir, 'applied.xlsx'));
  }, 3);
  const rows = [{ actions: 10_000, excelJsMs, applyMs, ratio: applyMs / excelJsMs }];
  printTable('CLI apply beside ExcelJS alone (read + write the same file, median of 3)', ['actions', 'ExcelJS alone ms', 'apply ms', 'ratio'], rows.map((r) => [r.actions, r.excelJsMs, r.applyMs, `${r.ratio.toFixed(2)}×`]));
  console.log('Target: within 1.5× of ExcelJS alone.');
  return rows;
}
