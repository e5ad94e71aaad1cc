// ExcelJS alone, the floor the CLI is compared with: load FILE and, when OUT is given, save it there.
// Usage: node bench/exceljs-roundtrip.mjs FILE [OUT]
import process from 'node:process';
import ExcelJS from 'exceljs';

const [file, out] = process.argv.slice(2);
if (file === undefined) {
  process.stderr.write('usage: node bench/exceljs-roundtrip.mjs FILE [OUT]\n');
  process.exit(2);
}
const wb = new ExcelJS.Workbook();
await wb.xlsx.readFile(file);
if (out !== undefined) await wb.xlsx.writeFile(out);
