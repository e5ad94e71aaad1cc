/**
 * Saving over a workbook never loses an update: Excel's lock file, a file changed since it was read,
 * two runs at once, and what a killed run left behind. And files that are not workbooks, refused plainly.
 */
import { spawn, spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { strToU8, unzipSync, zipSync } from 'fflate';
import { beforeAll, describe, expect, it } from 'vitest';
import { sha256 } from '../../src/cli/workbook-file/open-workbook';
import { saveWorkbook } from '../../src/cli/workbook-file/save-workbook';
import { CliError } from '../../src/cli/errors';
import { generatePlan } from '../fixtures/generate-plan';
import { tempDir, writeWorkbook } from '../helpers/xlsx';

const root = path.resolve(__dirname, '../..');
const sample = path.join(root, 'samples/cip-monitoring-sept-2018.xlsx');

function cli(...args: string[]) {
  const r = spawnSync(process.execPath, [path.join(root, 'bin/plan-monitor.cjs'), ...args], { encoding: 'utf8', cwd: root });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

function cliAsync(...args: string[]): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [path.join(root, 'bin/plan-monitor.cjs'), ...args], { cwd: root });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

/** A process id that is surely no longer running. */
function deadPid(): number {
  return spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))'], { encoding: 'utf8' }).stdout as unknown as number;
}

let dir: string;
beforeAll(() => {
  dir = tempDir();
});

const leftovers = (d: string) => readdirSync(d).filter((n) => n.includes('.plan-monitor'));

describe('saving over the file (--in-place)', () => {
  it('refuses, saving nothing, while Excel has the workbook open (its ~$ lock file beside it)', () => {
    const file = path.join(dir, 'open.xlsx');
    copyFileSync(sample, file);
    writeFileSync(path.join(dir, '~$open.xlsx'), 'owner');
    const before = readFileSync(file);
    const r = cli('apply', file, '--in-place', '--as-of', '2018-09-30');
    expect(r.code).toBe(2);
    expect(r.stderr).toBe(`plan-monitor: '${file}' is open in Excel (its lock file ~$open.xlsx is beside it), so Plan Monitor saved nothing. Close it in Excel, then try again.\n`);
    expect(readFileSync(file).equals(before)).toBe(true);
    expect(leftovers(dir)).toEqual([]);
  });

  it('refuses when the file changed after it was read, keeping that change, and leaves no temporary file', async () => {
    const d = tempDir();
    const file = path.join(d, 'plan.xlsx');
    copyFileSync(sample, file);
    const bytes = readFileSync(file);
    const seen = { file, size: bytes.length, mtimeMs: 0, sha256: sha256(bytes) };
    let thrown: unknown;
    await saveWorkbook(new Uint8Array([1, 2, 3]), file, seen).catch((e: unknown) => (thrown = e));
    expect(thrown).toBeInstanceOf(CliError);
    expect((thrown as CliError).message).toBe(`'${file}' changed while Plan Monitor was working on it (saved by someone or something else), so Plan Monitor saved nothing, to keep that change. Run it again.`);
    expect(readFileSync(file).equals(bytes)).toBe(true);
    expect(leftovers(d)).toEqual([]);
  });

  it('two runs at once: one saves, the other says so and saves nothing', async () => {
    const d = tempDir();
    const file = path.join(d, 'big.xlsx');
    const grid = generatePlan(4000);
    await writeWorkbook(file, { Plan: grid.values });
    const [a, b] = await Promise.all([cliAsync('apply', file, '--in-place', '--as-of', '2018-09-30'), cliAsync('snapshot', file, '--in-place', '--period', 'Sept 2018', '--as-of', '2018-09-30')]);
    const codes = [a.code, b.code].sort();
    expect(codes).toEqual([0, 2]);
    const loser = a.code === 2 ? a : b;
    expect(loser.stderr).toMatch(/changed while Plan Monitor was working on it|Another Plan Monitor run is saving/);
    // The winner's work is in the file, whole.
    const winner = a.code === 0 ? 'apply' : 'snapshot';
    const names = Object.keys(unzipSync(readFileSync(file)));
    expect(names.filter((n) => n.startsWith('xl/worksheets/')).length).toBe(2);
    expect(cli('check', file, '--as-of', '2018-09-30').code).not.toBe(2);
    expect(winner === 'apply' ? /Saved/.test(a.stdout) : /Saved/.test(b.stdout)).toBe(true);
    expect(leftovers(d)).toEqual([]);
  });

  it('clears what a killed run left (its temporary file and lock), and keeps a live run’s', () => {
    const d = tempDir();
    const file = path.join(d, 'plan.xlsx');
    copyFileSync(sample, file);
    const dead = deadPid();
    writeFileSync(path.join(d, `.plan.xlsx.plan-monitor-${dead}.tmp`), '');
    writeFileSync(path.join(d, '.plan.xlsx.plan-monitor.lock'), String(dead));
    writeFileSync(path.join(d, `.plan.xlsx.plan-monitor-${process.pid}.tmp`), '');
    const r = cli('apply', file, '--in-place', '--as-of', '2018-09-30');
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(leftovers(d)).toEqual([`.plan.xlsx.plan-monitor-${process.pid}.tmp`]);
  });

  it('refuses while another live run holds the lock', () => {
    const d = tempDir();
    const file = path.join(d, 'plan.xlsx');
    copyFileSync(sample, file);
    writeFileSync(path.join(d, '.plan.xlsx.plan-monitor.lock'), String(process.pid));
    const r = cli('apply', file, '--in-place', '--as-of', '2018-09-30');
    expect(r.code).toBe(2);
    expect(r.stderr).toBe(`plan-monitor: Another Plan Monitor run is saving '${file}' right now, so this one saved nothing. Run it again when that one has finished.\n`);
    expect(readFileSync(file).equals(readFileSync(sample))).toBe(true);
  });
});

describe('files that are not .xlsx workbooks', () => {
  const zipOf = (files: Record<string, string>) => zipSync(Object.fromEntries(Object.entries(files).map(([k, v]) => [k, strToU8(v)])));
  it.each<[string, string, Uint8Array, string]>([
    ['an OpenDocument spreadsheet', 'plan.ods', zipOf({ mimetype: 'application/vnd.oasis.opendocument.spreadsheet', 'content.xml': '<a/>' }), 'is an OpenDocument spreadsheet (.ods). Open it in LibreOffice or Excel and save it as .xlsx, then try again.'],
    ['a Word document', 'report.xlsx', zipOf({ '[Content_Types].xml': '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>', '_rels/.rels': '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>', 'word/document.xml': '<w:document xmlns:w="w"/>' }), 'is a zip file but not an Excel workbook (it has no workbook part). Save the workbook as .xlsx, then try again.'],
    ['a zip of photos', 'photos.xlsx', zipOf({ 'a.jpg': 'x' }), 'is a zip file but not an Excel workbook (it has no workbook part). Save the workbook as .xlsx, then try again.'],
  ])('%s', (_, name, bytes, message) => {
    const file = path.join(dir, name);
    writeFileSync(file, bytes);
    const r = cli('check', file);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe(`plan-monitor: '${file}' ${message}\n`);
  });

  it('keeps a macro-enabled workbook macro-enabled: .xlsm in, .xlsm out, vbaProject.bin untouched', () => {
    const files = unzipSync(readFileSync(sample));
    const types = new TextDecoder().decode(files['[Content_Types].xml']).replace('spreadsheetml.sheet.main+xml', 'spreadsheetml.sheet.main+xml').replace('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml', 'application/vnd.ms-excel.sheet.macroEnabled.main+xml');
    files['[Content_Types].xml'] = strToU8(types.replace('</Types>', '<Default Extension="bin" ContentType="application/vnd.ms-office.vbaProject"/></Types>'));
    files['xl/vbaProject.bin'] = new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 1, 2, 3]);
    const file = path.join(dir, 'macros.xlsm');
    writeFileSync(file, zipSync(files));
    const wrong = cli('apply', file, '--out', path.join(dir, 'macros-out.xlsx'), '--as-of', '2018-09-30');
    expect(wrong.code).toBe(2);
    expect(wrong.stderr).toBe(`plan-monitor: The workbook holds macros, so it must be saved as .xlsm (got '${path.join(dir, 'macros-out.xlsx')}').\n`);
    expect(existsSync(path.join(dir, 'macros-out.xlsx'))).toBe(false);
    const out = path.join(dir, 'macros-out.xlsm');
    expect(cli('apply', file, '--out', out, '--as-of', '2018-09-30').code).toBe(0);
    expect(unzipSync(readFileSync(out))['xl/vbaProject.bin']).toEqual(files['xl/vbaProject.bin']);
  });

  it('refuses to add its summary sheet to a workbook whose structure is protected, saving nothing', () => {
    const files = unzipSync(readFileSync(sample));
    files['xl/workbook.xml'] = strToU8(new TextDecoder().decode(files['xl/workbook.xml']).replace('<sheets>', '<workbookProtection lockStructure="1"/><sheets>'));
    const file = path.join(dir, 'locked-structure.xlsx');
    writeFileSync(file, zipSync(files));
    const out = path.join(dir, 'locked-out.xlsx');
    const r = cli('apply', file, '--out', out, '--as-of', '2018-09-30');
    expect(r.code).toBe(2);
    expect(r.stderr).toBe(`plan-monitor: '${file}' has its structure protected (Review › Protect Workbook), so Plan Monitor cannot add its summary sheet. Nothing was changed. Remove the workbook protection, then try again.\n`);
    expect(existsSync(out)).toBe(false);
  });
});
