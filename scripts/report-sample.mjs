// npm run report:sample — the quarterly routine on the sample plan, then its committee report as
// HTML, as a Word document and as an A4 PDF, all written by the CLI (the PDF printed by Chrome, Edge
// or Chromium, found as `plan-monitor report --pdf` finds it):
//   record June 2018 on the June workbook → the officer's September update (the September workbook,
//   carrying the history sheet) → record Sept 2018 → plan-monitor report --html --docx --pdf.
import { spawnSync } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import ExcelJS from 'exceljs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const cli = path.join(root, 'bin', 'plan-monitor.cjs');
const out = path.join(root, 'out');
mkdirSync(out, { recursive: true });
const step = (...args) => {
  const r = spawnSync(process.execPath, [cli, ...args], { cwd: root, encoding: 'utf8' });
  if (r.status !== 0) throw new Error(r.stderr.trim());
  process.stdout.write(r.stdout);
};

const june = path.join(out, 'cip-june-recorded.xlsx');
step('snapshot', 'samples/cip-monitoring-june-2018.xlsx', '--period', 'June 2018', '--as-of', '2018-06-30', '--out', june);

// The September update of the same workbook: September's cells, June's history sheet.
const history = new ExcelJS.Workbook();
await history.xlsx.readFile(june);
const sept = new ExcelJS.Workbook();
await sept.xlsx.readFile(path.join(root, 'samples', 'cip-monitoring-sept-2018.xlsx'));
const from = history.getWorksheet('Plan Monitor History');
const to = sept.addWorksheet('Plan Monitor History', { state: 'hidden' });
from.eachRow((row, r) => row.eachCell((cell, c) => {
  const target = to.getCell(r, c);
  target.numFmt = '@';
  target.value = cell.value;
}));
const updated = path.join(out, 'cip-sept-with-history.xlsx');
await sept.xlsx.writeFile(updated);

step('snapshot', updated, '--period', 'Sept 2018', '--as-of', '2018-09-30', '--in-place');
const report = (ext) => path.relative(root, path.join(out, `committee-report.${ext}`));
step('report', updated, '--as-of', '2018-09-30', '--html', report('html'), '--docx', report('docx'), '--pdf', report('pdf'));
