/**
 * The same plan written by LibreOffice, openpyxl (Debian python3-openpyxl) and SheetJS — real dates,
 * text dates, serials, ISO t="d", inline and shared strings, 1904 — gives identical summary --json.
 *
 * The reference is the committed sample (written by ExcelJS). Every variant is also checked for
 * what its writer really put in the file, so a variant cannot pass by accident (say, a writer that
 * quietly wrote serials where the variant claims ISO dates).
 */
import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { strFromU8, unzipSync } from 'fflate';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { main } from '../../../src/cli/main';
import { cipSept2018, cipSept2018Expected, isoToSerial, type SampleCell, type SamplePlan } from '../../fixtures/cip-sept-2018';
import { ensureDebianPython } from '../../helpers/python';
import { tempDir } from '../../helpers/xlsx';
import { DAYS_1900_TO_1904, rewritePart, sheetJsWorkbook } from './sheetjs';
import { convertOrThrow, findSoffice } from './soffice';

const root = path.resolve(__dirname, '../../..');
const sample = path.join(root, 'samples/cip-monitoring-sept-2018.xlsx');
const asOf = ['--json', '--as-of', '2018-09-30'];

const NOTES = [
  'Corporate Improvement Plan – monitoring guidance',
  'Update the Status and Progress Update columns for each action you lead by the last working day of the quarter.',
];

// The first real date cell (1.1's target, 31/03/2018): where each writer's date spelling is checked.
const firstDate = ((): { ref: string; iso: string } => {
  for (const [r, row] of cipSept2018.rows.entries()) {
    const c = row.findIndex((v) => v !== null && typeof v === 'object');
    const cell = row[c];
    if (c >= 0 && cell && typeof cell === 'object') return { ref: `${String.fromCharCode(65 + c)}${r + 1}`, iso: cell.date };
  }
  throw new Error('the fixture has no real date cell');
})();
const serial = isoToSerial(firstDate.iso);
const firstActionRow = cipSept2018.rows.findIndex((row) => row[0] === '1.1') + 1;

/**
 * 1.4's commentary with its two sentences on two lines ("\r\n"). The engine folds whitespace, so
 * it must read exactly as the reference's one-line text once the writer's escapes are decoded.
 */
const twoLineRef = '1.4';
function withTwoLineCommentary(plan: SamplePlan): SamplePlan {
  const rows = plan.rows.map((row): SampleCell[] => {
    const text = row[8];
    if (row[0] !== twoLineRef || typeof text !== 'string') return row;
    const at = text.indexOf('. ');
    return [...row.slice(0, 8), `${text.slice(0, at + 1)}\r\n${text.slice(at + 2)}`];
  });
  const changed = rows.find((row) => row[0] === twoLineRef)?.[8];
  if (typeof changed !== 'string' || !changed.includes('\r\n')) throw new Error(`could not split ${twoLineRef}'s commentary`);
  return { ...plan, rows };
}
const multiline = withTwoLineCommentary(cipSept2018);

type Parts = Record<string, string>;

function partsOf(file: string): Parts {
  const parts: Parts = {};
  for (const [name, bytes] of Object.entries(unzipSync(readFileSync(file)))) {
    if (/\.(xml|rels|vml)$/.test(name)) parts[name] = strFromU8(bytes);
  }
  return parts;
}

function part(parts: Parts, name: string): string {
  const xml = parts[name];
  if (xml === undefined) throw new Error(`${name} is missing; parts: ${Object.keys(parts).join(', ')}`);
  return xml;
}

/** One cell's XML in the plan sheet (always the first sheet, sheet1.xml, for these writers). */
function cellXml(parts: Parts, ref: string): string {
  const m = new RegExp(`<c r="${ref}"[^>]*?(/>|>[\\s\\S]*?</c>)`).exec(part(parts, 'xl/worksheets/sheet1.xml'));
  if (!m) throw new Error(`no ${ref} in sheet1.xml`);
  return m[0];
}

const count = (xml: string, re: RegExp): number => (xml.match(new RegExp(re.source, 'g')) ?? []).length;
const sheet1 = (p: Parts): string => part(p, 'xl/worksheets/sheet1.xml');

interface Variant {
  name: string;
  /** What the writer put in the file: fails if the variant is not what it claims. */
  proof(parts: Parts): void;
}

const openpyxlInline = (p: Parts): void => {
  expect(count(sheet1(p), /t="inlineStr"/)).toBeGreaterThan(300);
  expect(p['xl/sharedStrings.xml']).toBeUndefined();
};
const sheetJsStr = (p: Parts): void => {
  expect(count(sheet1(p), /t="str"/)).toBeGreaterThan(300);
  expect(p['xl/sharedStrings.xml']).toBeUndefined();
};
const serialDate = (p: Parts, value: number): void => {
  expect(cellXml(p, firstDate.ref)).toMatch(new RegExp(`^<c r="${firstDate.ref}" s="[1-9]\\d*"( t="n")?><v>${value}</v></c>$`));
  expect(sheet1(p)).not.toMatch(/t="d"/);
  expect(part(p, 'xl/styles.xml')).toContain('formatCode="dd/mm/yyyy"');
};
const byLibreOffice = (p: Parts): void => {
  expect(part(p, 'docProps/app.xml')).toMatch(/<Application>LibreOffice/);
  expect(count(sheet1(p), /t="s"/)).toBeGreaterThan(300);
  expect(cellXml(p, firstDate.ref)).toMatch(new RegExp(`t="n"><v>${serial}</v>`));
};

const variants: Variant[] = [
  { name: 'openpyxl', proof: (p) => (openpyxlInline(p), serialDate(p, serial)) },
  {
    name: 'openpyxl-1904',
    proof: (p) => {
      expect(part(p, 'xl/workbook.xml')).toMatch(/date1904="(1|true)"/);
      serialDate(p, serial - DAYS_1900_TO_1904);
    },
  },
  {
    name: 'openpyxl-iso-dates',
    proof: (p) => expect(cellXml(p, firstDate.ref)).toMatch(new RegExp(`t="d"><v>${firstDate.iso}T00:00:00</v>`)),
  },
  {
    name: 'openpyxl-comment-and-table',
    proof: (p) => {
      openpyxlInline(p);
      expect(Object.entries(p).find(([n]) => /^xl\/comments\/comment\d+\.xml$/.test(n))?.[1]).toContain('Confirmed with the lead officer');
      expect(sheet1(p)).toContain('<legacyDrawing');
      expect(part(p, 'xl/tables/table1.xml')).toContain('displayName="StatusWords"');
    },
  },
  // openpyxl writes the CR as a character reference, not as _x000D_.
  { name: 'openpyxl-crlf', proof: (p) => expect(sheet1(p)).toMatch(/prepared\.&#(13|x[dD]);\r?\nThe wider/) },
  {
    name: 'sheetjs-iso-dates',
    proof: (p) => (sheetJsStr(p), expect(cellXml(p, firstDate.ref)).toMatch(new RegExp(`t="d"><v>${firstDate.iso}T00:00:00\\.000Z</v>`))),
  },
  // The spelling seen in the wild (no milliseconds): SheetJS's own output, edited.
  { name: 'sheetjs-iso-dates-no-ms', proof: (p) => expect(cellXml(p, firstDate.ref)).toMatch(new RegExp(`t="d"><v>${firstDate.iso}T00:00:00Z</v>`)) },
  { name: 'sheetjs-serial', proof: (p) => (sheetJsStr(p), serialDate(p, serial)) },
  {
    name: 'sheetjs-1904',
    proof: (p) => {
      expect(part(p, 'xl/workbook.xml')).toMatch(/date1904="(1|true)"/);
      serialDate(p, serial - DAYS_1900_TO_1904);
    },
  },
  {
    name: 'sheetjs-shared-strings-escapes',
    proof: (p) => {
      expect(count(sheet1(p), /t="s"/)).toBeGreaterThan(300);
      expect(part(p, 'xl/sharedStrings.xml')).toMatch(/prepared\._x000d_\r?\nThe wider/);
    },
  },
  // Excel spells the escape in capitals.
  { name: 'sheetjs-shared-strings-escapes-upper', proof: (p) => expect(part(p, 'xl/sharedStrings.xml')).toMatch(/prepared\._x000D_\r?\nThe wider/) },
  { name: 'libreoffice-from-exceljs', proof: byLibreOffice },
  {
    name: 'libreoffice-from-openpyxl',
    proof: (p) => {
      byLibreOffice(p);
      expect(Object.entries(p).find(([n]) => /^xl\/comments\d*\.xml$/.test(n))?.[1]).toContain('Confirmed with the lead officer');
    },
  },
  { name: 'libreoffice-ods-roundtrip', proof: byLibreOffice },
];

let dir: string;
const fileOf = (name: string): string => path.join(dir, `${name}.xlsx`);

function writeWithOpenpyxl(jobs: { name: string; plan: SamplePlan; epoch1904?: boolean; isoDates?: boolean; commentAndTable?: boolean }[]): void {
  const python = ensureDebianPython(['openpyxl']);
  const input = jobs.map((j) => ({
    out: fileOf(j.name),
    sheetName: j.plan.sheetName,
    rows: j.plan.rows,
    merges: j.plan.merges,
    notes: NOTES,
    epoch1904: j.epoch1904 ?? false,
    isoDates: j.isoDates ?? false,
    comment: j.commentAndTable ? `H${firstActionRow}` : null,
  }));
  const r = spawnSync(python, [path.join(__dirname, 'write-openpyxl.py')], { input: JSON.stringify(input), encoding: 'utf8', timeout: 60_000 });
  if (r.status !== 0) throw new Error(`write-openpyxl.py failed: ${r.stderr || r.error?.message}`);
}

function writeWithSheetJs(): void {
  const w = (name: string, bytes: Uint8Array): void => writeFileSync(fileOf(name), bytes);
  const iso = sheetJsWorkbook(cipSept2018, NOTES, { dates: 'iso', sharedStrings: false });
  w('sheetjs-iso-dates', iso);
  w('sheetjs-iso-dates-no-ms', rewritePart(iso, 'xl/worksheets/sheet1.xml', (x) => x.replaceAll('T00:00:00.000Z</v>', 'T00:00:00Z</v>')));
  w('sheetjs-serial', sheetJsWorkbook(cipSept2018, NOTES, { dates: 'serial', sharedStrings: false }));
  w('sheetjs-1904', sheetJsWorkbook(cipSept2018, NOTES, { dates: 'serial1904', sharedStrings: false }));
  const sst = sheetJsWorkbook(multiline, NOTES, { dates: 'serial', sharedStrings: true });
  w('sheetjs-shared-strings-escapes', sst);
  w('sheetjs-shared-strings-escapes-upper', rewritePart(sst, 'xl/sharedStrings.xml', (x) => x.replaceAll('_x000d_', '_x000D_')));
}

function writeWithLibreOffice(): void {
  const soffice = findSoffice();
  // soffice names its output after its input: copy each source to the variant's name first.
  const sources = path.join(dir, 'sources');
  const ods = path.join(dir, 'ods');
  mkdirSync(sources);
  mkdirSync(ods);
  const source = (name: string, from: string): string => {
    const to = path.join(sources, `${name}.xlsx`);
    copyFileSync(from, to);
    return to;
  };
  convertOrThrow(soffice, 'ods', [source('libreoffice-ods-roundtrip', sample)], ods);
  convertOrThrow(
    soffice,
    'xlsx',
    [source('libreoffice-from-exceljs', sample), source('libreoffice-from-openpyxl', fileOf('openpyxl-comment-and-table')), path.join(ods, 'libreoffice-ods-roundtrip.ods')],
    dir,
  );
}

/** main() in-process, as `plan-monitor ARGS` would run: the reader under test is the source's, not a stale build's. */
async function cli(...args: string[]): Promise<{ code: number; json: unknown; stderr: string }> {
  let stdout = '';
  let stderr = '';
  const capture = (into: (s: string) => void) => ((chunk: string | Uint8Array): boolean => (into(String(chunk)), true)) as typeof process.stdout.write;
  const out = vi.spyOn(process.stdout, 'write').mockImplementation(capture((s) => (stdout += s)));
  const err = vi.spyOn(process.stderr, 'write').mockImplementation(capture((s) => (stderr += s)));
  let code: number;
  try {
    code = await main(args);
  } finally {
    out.mockRestore();
    err.mockRestore();
  }
  let json: unknown = null;
  try {
    json = JSON.parse(stdout);
  } catch {
    // Left null: the exit code and stderr say why.
  }
  return { code, json, stderr: stderr.trim() };
}

interface Report {
  actions: number;
  errors: number;
  warnings: number;
  statusCounts: { status: string; count: number }[];
  findings: { rule: string; cell: string }[];
}
/** What check --json must agree on: the counts, and which rule fired where. */
const counts = (j: unknown) => {
  const r = j as Report;
  return { actions: r.actions, errors: r.errors, warnings: r.warnings, statusCounts: r.statusCounts, findings: r.findings.map((f) => `${f.rule} ${f.cell}`) };
};

let reference: { summary: unknown; check: unknown; checkCode: number };

beforeAll(async () => {
  dir = tempDir();
  writeWithOpenpyxl([
    { name: 'openpyxl', plan: cipSept2018 },
    { name: 'openpyxl-1904', plan: cipSept2018, epoch1904: true },
    { name: 'openpyxl-iso-dates', plan: cipSept2018, isoDates: true },
    { name: 'openpyxl-comment-and-table', plan: cipSept2018, commentAndTable: true },
    { name: 'openpyxl-crlf', plan: multiline },
  ]);
  writeWithSheetJs();
  writeWithLibreOffice();
  const summary = await cli('summary', sample, ...asOf);
  const check = await cli('check', sample, ...asOf);
  if (summary.code !== 0 || check.json === null) throw new Error(`the reference sample does not read: ${summary.stderr || check.stderr}`);
  reference = { summary: summary.json, check: check.json, checkCode: check.code };
}, 300_000);

afterAll(() => {
  if (dir) rmSync(dir, { recursive: true, force: true });
});

it('the reference (the ExcelJS sample) reads as the fixture says', () => {
  const s = reference.summary as { actions: number; statusCounts: { status: string; count: number }[]; overdue: { ref: string }[]; slipped: { ref: string; commentary: string }[] };
  expect(s.actions).toBe(cipSept2018Expected.actions);
  expect(Object.fromEntries(s.statusCounts.map((c) => [c.status, c.count]))).toEqual(cipSept2018Expected.statusCounts);
  expect(s.overdue.map((a) => a.ref)).toEqual(cipSept2018Expected.overdueRefs);
  expect(s.slipped.map((a) => a.ref)).toEqual(cipSept2018Expected.slippedRefs);
  // The two-line variants' commentary is in the summary, so a bad decoding shows.
  expect(s.slipped[0]).toMatchObject({ ref: twoLineRef, commentary: expect.stringContaining('prepared. The wider') });
});

describe.each(variants)('$name', (variant) => {
  it('is what its writer really wrote', () => {
    variant.proof(partsOf(fileOf(variant.name)));
  });

  it('summary --json equals the reference', async () => {
    const r = await cli('summary', fileOf(variant.name), ...asOf);
    expect({ code: r.code, stderr: r.stderr }).toEqual({ code: 0, stderr: '' });
    expect(r.json).toEqual(reference.summary);
  });

  it('check --json has the reference counts', async () => {
    const r = await cli('check', fileOf(variant.name), ...asOf);
    expect({ code: r.code, stderr: r.stderr }).toEqual({ code: reference.checkCode, stderr: '' });
    expect(counts(r.json)).toEqual(counts(reference.check));
  });
});
