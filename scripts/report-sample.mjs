// npm run report:sample — the quarterly routine on the sample plan, then its committee report as
// HTML and as an A4 PDF printed by Debian's Chromium:
//   record June 2018 on the June workbook → the officer's September update (the September workbook,
//   carrying the history sheet) → record Sept 2018 → plan-monitor report.
import { spawnSync } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import ExcelJS from 'exceljs';
import { launchFoundBrowser } from './browser.mjs';

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
const html = path.join(out, 'committee-report.html');
step('report', updated, '--html', html, '--as-of', '2018-09-30');
const browser = await launchFoundBrowser();
try {
  const page = await browser.newPage();
  await page.goto(pathToFileURL(html).href);
  const pdf = path.join(out, 'committee-report.pdf');
  await page.pdf({ path: pdf, format: 'A4', printBackground: true, preferCSSPageSize: true });
  console.log(`Wrote ${path.relative(root, pdf)}`);
} finally {
  await browser.close();
}
