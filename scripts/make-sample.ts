/**
 * Writes samples/cip-monitoring-sept-2018.xlsx from the fixture in tests/fixtures/cip-sept-2018.ts.
 *
 *   npx tsx scripts/make-sample.ts           write the sample workbook
 *   npx tsx scripts/make-sample.ts --check   read the committed workbook and fail if its cells differ from the fixture
 *
 * The workbook looks like one a performance team would circulate: bold titles, merged theme
 * headings on a blue-grey fill, real date cells formatted dd/mm/yyyy next to dates typed as text,
 * frozen panes below the header and a 'Notes' sheet the tool must leave alone. Status cells have
 * no fill: colouring them is the tool's job.
 *
 * Output is deterministic: fixed workbook properties, and the zip entry timestamps (which ExcelJS
 * sets to the current time) are rewritten to 30 September 2018.
 */
import ExcelJS from 'exceljs';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { dirname, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { cipJune2018 } from '../tests/fixtures/cip-june-2018';
import { cipSept2018, type SampleCell, type SamplePlan } from '../tests/fixtures/cip-sept-2018';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const OUT = resolve(ROOT, 'samples', 'cip-monitoring-sept-2018.xlsx');
/** The same plan at the end of June 2018, for the quarter-to-quarter routine (npm run report:sample). */
const OUT_JUNE = resolve(ROOT, 'samples', 'cip-monitoring-june-2018.xlsx');
const FIXED_DATE = new Date(Date.UTC(2018, 8, 30));

const HEADER_FILL = 'FFD9D9D9';
const THEME_FILL = 'FFD9E1F2';
const DATE_FORMAT = 'dd/mm/yyyy';

/** Column widths A–I, in characters. */
const WIDTHS = [7, 48, 26, 30, 14, 14, 14, 14, 70];
/** Columns (1-based) whose text wraps in action rows: Action, Lead Officer, Lead Member, Progress Update. */
const WRAP_COLUMNS = new Set([2, 3, 4, 9]);

const NOTES = [
  'Corporate Improvement Plan – monitoring guidance',
  'Update the Status and Progress Update columns for each action you lead by the last working day of the quarter.',
  'Status must be one of: Completed, On track, Some slippage, Major slippage, Not started.',
  'If an action will miss its target date, agree a Revised Target Date with your director and explain why in the Progress Update.',
  'Queries to the Performance and Intelligence team.',
];

function isoToUtcDate(iso: string): Date {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  if (!m) throw new Error(`Not an ISO date: ${iso}`);
  return new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
}

function isActionRef(v: SampleCell | undefined): boolean {
  return typeof v === 'string' && /^\d+\.\d+$/.test(v);
}

function buildWorkbook(plan: SamplePlan): ExcelJS.Workbook {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'Plan Monitor sample';
  wb.lastModifiedBy = 'Plan Monitor sample';
  wb.created = FIXED_DATE;
  wb.modified = FIXED_DATE;
  wb.title = 'Corporate Improvement Plan – monitoring sheet, September 2018';

  const ws = wb.addWorksheet(plan.sheetName, {
    views: [{ state: 'frozen', xSplit: 0, ySplit: plan.headerRow, topLeftCell: `A${plan.headerRow + 1}`, activeCell: `A${plan.headerRow + 1}` }],
    pageSetup: { paperSize: 9, orientation: 'landscape', fitToPage: true, fitToWidth: 1, fitToHeight: 0 },
  });
  ws.pageSetup.printTitlesRow = `${plan.headerRow}:${plan.headerRow}`;
  WIDTHS.forEach((width, i) => {
    ws.getColumn(i + 1).width = width;
  });

  plan.rows.forEach((cells, r) => {
    const rowNumber = r + 1;
    const row = ws.getRow(rowNumber);
    cells.forEach((value, c) => {
      if (value === null) return;
      const cell = row.getCell(c + 1);
      if (typeof value === 'object') {
        cell.value = isoToUtcDate(value.date);
        cell.numFmt = DATE_FORMAT;
      } else {
        cell.value = value;
      }
    });

    const first = cells[0];
    if (rowNumber === 1) {
      row.getCell(1).font = { bold: true, size: 16 };
      row.height = 24;
    } else if (rowNumber === 2) {
      row.getCell(1).font = { bold: true, size: 13 };
      row.height = 20;
    } else if (rowNumber === plan.headerRow) {
      for (let c = 1; c <= cells.length; c++) {
        const cell = row.getCell(c);
        cell.font = { bold: true };
        cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: HEADER_FILL } };
        cell.alignment = { wrapText: true, vertical: 'middle' };
        cell.border = { bottom: { style: 'thin' } };
      }
      row.height = 32;
    } else if (typeof first === 'string' && /^Theme \d+/.test(first)) {
      for (let c = 1; c <= cells.length; c++) {
        const cell = row.getCell(c);
        cell.font = { bold: true };
        cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: THEME_FILL } };
      }
    } else if (isActionRef(first)) {
      for (let c = 1; c <= cells.length; c++) {
        row.getCell(c).alignment = { vertical: 'top', wrapText: WRAP_COLUMNS.has(c) };
      }
    }
  });

  for (const range of plan.merges) ws.mergeCells(range);

  const notes = wb.addWorksheet('Notes');
  notes.getColumn(1).width = 110;
  NOTES.forEach((text, i) => {
    const cell = notes.getCell(i + 1, 1);
    cell.value = text;
    if (i === 0) cell.font = { bold: true, size: 13 };
    else cell.alignment = { wrapText: true, vertical: 'top' };
  });

  return wb;
}

/** DOS date/time for 2018-09-30 00:00:00. */
const DOS_DATE = ((2018 - 1980) << 9) | (9 << 5) | 30;
const DOS_TIME = 0;

/** Rewrites every zip entry's modification time (local headers and central directory) to a fixed date. */
function fixZipTimestamps(zip: Buffer): Buffer {
  const out = Buffer.from(zip);
  let eocd = -1;
  for (let i = out.length - 22; i >= Math.max(0, out.length - 22 - 65_535); i--) {
    if (out.readUInt32LE(i) === 0x06054b50) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) throw new Error('ExcelJS output is not a zip: no end of central directory');
  const entries = out.readUInt16LE(eocd + 10);
  let p = out.readUInt32LE(eocd + 16);
  for (let n = 0; n < entries; n++) {
    if (out.readUInt32LE(p) !== 0x02014b50) throw new Error('Unexpected zip central directory layout');
    out.writeUInt16LE(DOS_TIME, p + 12);
    out.writeUInt16LE(DOS_DATE, p + 14);
    const local = out.readUInt32LE(p + 42);
    if (out.readUInt32LE(local) !== 0x04034b50) throw new Error('Unexpected zip local header layout');
    out.writeUInt16LE(DOS_TIME, local + 10);
    out.writeUInt16LE(DOS_DATE, local + 12);
    p += 46 + out.readUInt16LE(p + 28) + out.readUInt16LE(p + 30) + out.readUInt16LE(p + 32);
  }
  return out;
}

async function workbookBytes(plan: SamplePlan): Promise<Buffer> {
  const raw = await buildWorkbook(plan).xlsx.writeBuffer();
  return fixZipTimestamps(Buffer.from(raw as ArrayBuffer));
}

function describe(v: unknown): string {
  if (v instanceof Date) return `date ${v.toISOString().slice(0, 10)}`;
  return JSON.stringify(v) ?? String(v);
}

/** Differences between the workbook's main sheet and the fixture, as readable lines (empty = same). */
function compare(wb: ExcelJS.Workbook, plan: SamplePlan): string[] {
  const problems: string[] = [];
  const names = wb.worksheets.map((w) => w.name);
  if (names[0] !== plan.sheetName || !names.includes('Notes')) {
    problems.push(`sheets are ${JSON.stringify(names)}, expected '${plan.sheetName}' then 'Notes'`);
  }
  const ws = wb.getWorksheet(plan.sheetName);
  if (!ws) return problems;

  const rowCount = Math.max(ws.rowCount, plan.rows.length);
  for (let r = 1; r <= rowCount; r++) {
    const want = plan.rows[r - 1] ?? [];
    const columns = Math.max(ws.getRow(r).cellCount, want.length);
    for (let c = 1; c <= columns; c++) {
      const cell = ws.getCell(r, c);
      const expected = want[c - 1] ?? null;
      const isSlave = cell.isMerged && cell.master.address !== cell.address;
      const actual: unknown = isSlave ? null : cell.value;
      let same: boolean;
      if (expected !== null && typeof expected === 'object') {
        same = actual instanceof Date && actual.toISOString() === `${expected.date}T00:00:00.000Z` && cell.numFmt === DATE_FORMAT;
      } else {
        same = actual === expected;
      }
      if (!same) problems.push(`${cell.address}: found ${describe(actual)}, expected ${describe(expected)}`);
    }
  }

  const merges = new Set((ws.model as { merges?: string[] }).merges ?? []);
  for (const m of plan.merges) if (!merges.has(m)) problems.push(`merge ${m} missing`);
  if (merges.size !== plan.merges.length) problems.push(`${merges.size} merges, expected ${plan.merges.length}`);
  return problems;
}

async function main(): Promise<void> {
  const check = process.argv.includes('--check');
  const fresh = await workbookBytes(cipSept2018);
  const shown = relative(process.cwd(), OUT);

  if (check) {
    const committed = await readFile(OUT).catch(() => null);
    if (!committed) throw new Error(`${shown} does not exist: run npx tsx scripts/make-sample.ts`);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(committed as unknown as ExcelJS.Buffer);
    const problems = compare(wb, cipSept2018);
    if (problems.length > 0) {
      throw new Error(`${shown} does not match tests/fixtures/cip-sept-2018.ts (run npx tsx scripts/make-sample.ts):\n  ${problems.slice(0, 20).join('\n  ')}`);
    }
    const identical = Buffer.compare(committed, fresh) === 0;
    console.log(`${shown} matches the fixture${identical ? ' (byte for byte)' : ' (cell values; bytes differ, e.g. another ExcelJS version)'}.`);
    return;
  }

  await mkdir(dirname(OUT), { recursive: true });
  await writeFile(OUT, fresh);
  console.log(`Wrote ${shown} (${fresh.length} bytes).`);
  const june = await workbookBytes(cipJune2018());
  await writeFile(OUT_JUNE, june);
  console.log(`Wrote ${relative(process.cwd(), OUT_JUNE)} (${june.length} bytes).`);
}

main().catch((err: unknown) => {
  console.error(err instanceof Error ? err.message : String(err));
  process.exit(1);
});
