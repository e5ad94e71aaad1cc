/**
 * A second, unrelated reader: LibreOffice opens apply's output for a sample covering every feature
 * family, and sees the plan exactly as injected, the summary's counts, and every other sheet as
 * it saw them in the input. Inputs and outputs go through ONE soffice call (start-up is the cost).
 */
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cipSept2018Expected } from '../../fixtures/cip-sept-2018';
import { convertWithSoffice, findSoffice, sofficeVersion, type Conversion } from '../../helpers/soffice';
import { expectedSummaryName } from './checks';
import { CORPUS_DIR, corpusFiles, FAMILIES, featureSample } from './corpus';
import { actionRows, injectPlan, MONITORING_SHEET, planRows, REF_INDEX, STATUS_INDEX } from './inject-plan';
import { readSheets, unzip, utf8 } from './ooxml';
import { applyPlan, outName, type CliRun } from './run-cli';

// Token 12 = -1: one CSV per sheet, named FILE-SHEET.csv (LibreOffice 7.2+). Token 9 = true:
// cells as shown, so a lost number format shows up as a difference. UTF-8 (76), comma, double quote.
const CSV_FILTER = 'csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,true,false,false,-1';

const read = (f: string) => readFileSync(path.join(CORPUS_DIR, f));
const sample = featureSample(corpusFiles(), read, 4, 56);

let soffice = '';
let version = { text: '', major: 0, minor: 0 };
let dir = '';
let csvDir = '';
let conversion: Conversion | undefined;
const applied = new Map<string, { run: CliRun; inPath: string; outPath: string }>();

const stem = (p: string) => path.parse(p).name;
const csvPath = (workbook: string, sheet: string) => path.join(csvDir, `${stem(workbook)}-${sheet}.csv`);

/** RFC 4180 as LibreOffice writes it: quoted fields may hold commas, quotes ("") and newlines. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else field += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ',') {
      row.push(field);
      field = '';
    } else if (ch === '\n' || ch === '\r') {
      if (ch === '\r' && text[i + 1] === '\n') i++;
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
    } else field += ch;
  }
  if (field !== '' || row.length) rows.push([...row, field]);
  return rows;
}

beforeAll(() => {
  soffice = findSoffice();
  version = sofficeVersion(soffice);
  dir = mkdtempSync(path.join(tmpdir(), 'plan-monitor-lo-'));
  csvDir = path.join(dir, 'csv');
  mkdirSync(csvDir);
}, 1_500_000); // a first run may apt-get install LibreOffice

afterAll(() => {
  if (dir) rmSync(dir, { recursive: true, force: true });
});

describe('LibreOffice reads what apply wrote', () => {
  beforeAll(async () => {
    for (const file of sample.files) {
      const inPath = path.join(dir, outName(file, 'in'));
      const outPath = path.join(dir, outName(file, 'out'));
      writeFileSync(inPath, injectPlan(read(file)).bytes);
      applied.set(file, { run: await applyPlan(inPath, outPath), inPath, outPath });
    }
    const both = [...applied.values()].flatMap((a) => [a.inPath, ...(existsSync(a.outPath) ? [a.outPath] : [])]);
    conversion = convertWithSoffice(soffice, CSV_FILTER, both, csvDir);
  }, 600_000);

  it('is LibreOffice 7.2 or later (one CSV per sheet)', () => {
    expect(version.major * 100 + version.minor, `${soffice}: ${version.text}`).toBeGreaterThanOrEqual(702);
  });

  it('samples at least 50 files covering every feature family', () => {
    expect(sample.files.length).toBeGreaterThanOrEqual(50);
    for (const family of Object.keys(FAMILIES)) expect(sample.byFamily[family]?.length, family).toBeGreaterThan(0);
  });

  it('converts them in one soffice call', () => {
    expect(conversion?.status, `${conversion?.stderr}\n${conversion?.stdout}`).toBe(0);
  });

  it.each(sample.files)('%s: the plan, the summary and every other sheet', (file) => {
    const a = applied.get(file);
    if (!a) throw new Error(`${file} was not applied`);
    expect(a.run.code, `${file}: apply exit ${a.run.code}: ${a.run.stderr}`).toBe(0);
    const problems: string[] = [];
    const sheets = readSheets(utf8(unzip(readFileSync(a.outPath)).get('xl/workbook.xml') ?? new Uint8Array())).map((s) => s.name);
    const inSheets = readSheets(utf8(unzip(readFileSync(a.inPath)).get('xl/workbook.xml') ?? new Uint8Array())).map((s) => s.name);
    const missing = sheets.filter((s) => !existsSync(csvPath(a.outPath, s)));
    if (missing.length) problems.push(`(convert) LibreOffice wrote no CSV for sheet(s) ${missing.map((s) => `'${s}'`).join(', ')} of ${path.basename(a.outPath)}`);

    const plan = csvPath(a.outPath, MONITORING_SHEET);
    if (existsSync(plan)) {
      const grid = parseCsv(readFileSync(plan, 'utf8'));
      for (const { row, ref, status } of actionRows) {
        const got = grid[row - 1];
        if (got?.[REF_INDEX] !== ref || got?.[STATUS_INDEX] !== status) problems.push(`(plan) row ${row}: expected ref ${ref} status ${JSON.stringify(status)}, LibreOffice read ${JSON.stringify([got?.[REF_INDEX], got?.[STATUS_INDEX]])}`);
      }
      planRows.forEach((r, i) => {
        const want = r.map((v) => (v === null ? '' : String(v)));
        const got = grid[i] ?? [];
        if (JSON.stringify(got) !== JSON.stringify(want)) problems.push(`(plan) row ${i + 1}: ${JSON.stringify(got)} ≠ injected ${JSON.stringify(want)}`);
      });
    }

    const summary = csvPath(a.outPath, expectedSummaryName(inSheets));
    if (existsSync(summary)) {
      const lines = new Set(parseCsv(readFileSync(summary, 'utf8')).map((r) => r.slice(0, 2).join(',')));
      for (const [status, n] of Object.entries(cipSept2018Expected.statusCounts)) if (!lines.has(`${status},${n}`)) problems.push(`(summary) no '${status},${n}' row in the summary`);
    }

    // Every sheet the user had reads the same in the output as in the input.
    for (const s of inSheets) {
      const before = csvPath(a.inPath, s);
      const after = csvPath(a.outPath, s);
      if (!existsSync(before)) problems.push(`(input) LibreOffice wrote no CSV for '${s}' of the input`);
      else if (existsSync(after) && readFileSync(before, 'utf8') !== readFileSync(after, 'utf8')) problems.push(`(sheet) '${s}' reads differently after apply`);
    }
    expect(problems, `${file}:\n  ${problems.slice(0, 12).join('\n  ')}`).toEqual([]);
  });
});
