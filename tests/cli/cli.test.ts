import { spawnSync } from 'node:child_process';
import { copyFileSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { beforeAll, describe, expect, it } from 'vitest';
import { summaryMarker } from '../../shared/summary/summary-sheet';
import { defaultPalette } from '../../shared/rag/palette';
import { dumpWorkbook, tempDir, writeWorkbook } from '../helpers/xlsx';

const root = path.resolve(__dirname, '../..');
const sample = path.join(root, 'samples/cip-monitoring-sept-2018.xlsx');

function cli(...args: string[]) {
  const r = spawnSync(process.execPath, [path.join(root, 'bin/plan-monitor.cjs'), ...args], { encoding: 'utf8', cwd: root });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

const argb = (hex: string) => `FF${hex.slice(1)}`;
const header = ['Ref', 'Action', 'Lead officer', 'Target date', 'Revised date', 'Status', 'Commentary'];

let dir: string;
beforeAll(() => {
  dir = tempDir();
});

describe('plan-monitor check', () => {
  it('checks the sample: exit 0, a headline and the overdue list', () => {
    const r = cli('check', sample, '--as-of', '2018-09-30');
    expect(r.code).toBe(0);
    expect(r.stdout).toContain("Checked 'CIP Monitoring' as of 30/09/2018: 62 actions, 0 errors, 4 warnings, 1 overdue.");
    expect(r.stdout).toMatch(/Overdue actions \(1\)\n.*\n\s+6\.4\s+Produce a Workforce/);
    expect(r.stderr).toBe('');
  });

  it('prints the documented JSON contract', () => {
    const r = cli('check', sample, '--as-of', '2018-09-30', '--json');
    expect(r.code).toBe(0);
    const j = JSON.parse(r.stdout);
    expect(Object.keys(j)).toEqual(['sheet', 'asOf', 'actions', 'milestones', 'errors', 'warnings', 'previousPeriod', 'statusCounts', 'overdue', 'dueSoon', 'slipped', 'notStarted', 'findings', 'changes', 'added', 'removed', 'reprofiled', 'themes', 'milestoneRollup', 'asOfSource', 'notes', 'noteData']);
    expect(j.asOfSource).toBe('asked');
    expect(j.previousPeriod).toBeNull();
    expect(j.reprofiled.map((r: { ref: string }) => r.ref)).toEqual(['1.4', '2.4', '2.4', '3.1', '4.2', '5.12', '9.6', '10.1']);
    expect(j.reprofiled[4]).toEqual({ ref: '4.2', action: 'Undertake LGA Member / Member training', dates: ['Apr 2018', '30/11/2018'], times: 1 });
    expect(j.themes[0]).toEqual({ theme: 'Theme 1 – City leadership', rag: 'amber', counts: { Completed: 3, 'On track': 1, 'Some slippage': 1, 'Not started': 1 } });
    expect(j).toMatchObject({ sheet: 'CIP Monitoring', asOf: '2018-09-30', actions: 62, milestones: 0, errors: 0, warnings: 4, milestoneRollup: [] });
    expect(j.statusCounts).toEqual([
      { status: 'Completed', rag: 'blue', count: 32, previous: null },
      { status: 'On track', rag: 'green', count: 21, previous: null },
      { status: 'Some slippage', rag: 'amber', count: 8, previous: null },
      { status: 'Major slippage', rag: 'red', count: 0, previous: null },
      { status: 'Not started', rag: 'grey', count: 1, previous: null },
    ]);
    expect(j.overdue).toEqual([
      { ref: '6.4', milestoneOf: null, row: 49, cell: 'H49', action: expect.stringContaining('Workforce Planning'), lead: 'Director of HR and OD', due: '2018-08-31', daysOverdue: 30, dueDate: { due: '2018-08-31', start: '2018-08-31', precision: 'day', text: '31/08/2018' } },
    ]);
    expect(Object.keys(j.slipped[0])).toEqual(['ref', 'row', 'action', 'lead', 'originalDue', 'revisedDue', 'status', 'commentary', 'original', 'revised']);
    expect([j.slipped[4].original, j.slipped[4].revised]).toEqual([
      { due: '2018-04-30', start: '2018-04-01', precision: 'month', text: 'April 2018' },
      { due: '2018-11-30', start: '2018-11-30', precision: 'day', text: '30-11-18' },
    ]);
    expect(j.slipped.map((s: { ref: string; originalDue: string; revisedDue: string | null }) => [s.ref, s.originalDue, s.revisedDue])).toEqual([
      ['1.4', '2018-09-30', '2018-12-31'],
      ['2.4', '2018-10-31', '2018-12-31'],
      ['2.4', '2018-09-30', '2018-12-31'],
      ['3.1', '2018-07-31', '2019-03-31'],
      ['4.2', '2018-04-30', '2018-11-30'],
      ['5.12', '2018-09-30', '2019-03-31'],
      ['9.6', '2018-09-30', null],
      ['10.1', '2018-09-30', '2019-03-31'],
    ]);
    expect(Object.keys(j.notStarted[0])).toEqual(Object.keys(j.slipped[0]));
    expect(j.findings[0]).toEqual({
      rule: 'duplicate-ref',
      severity: 'warning',
      sheet: 'CIP Monitoring',
      cell: 'A16',
      row: 16,
      ref: '2.4',
      message: expect.stringContaining('Ref 2.4 is used by 2 actions'),
      messageId: 'duplicate',
      data: { action: 'Action 2.4', ref: '2.4', row: 16, cell: 'A16', count: 2, rows: '16, 17' },
    });
  });

  it('exits 1 when the plan has errors, naming the cell', async () => {
    const file = path.join(dir, 'errors.xlsx');
    await writeWorkbook(file, { Plan: [header, ['1.1', 'Do it', 'CEO', '31/12/2018', null, 'Delayed', 'x'], ['1.2', 'Do that', 'CEO', null, null, 'On track', 'y']] });
    const r = cli('check', file, '--as-of', '2018-09-30');
    expect(r.code).toBe(1);
    expect(r.stdout).toContain('2 errors');
    expect(r.stdout).toContain('F2     Action 1.1 has the status “Delayed” in F2');
    expect(r.stdout).toContain('D3     Action 1.2 has no target date in D3');
  });
});

describe('plan-monitor on what a user did besides typing', () => {
  it('names hidden rows, counts a status given only as a fill, and refuses a protected sheet saving nothing', async () => {
    const file = path.join(dir, 'hidden.xlsx');
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('Plan');
    [header, ['1.1', 'Do it', 'CEO', '31/12/2018', null, 'On track', 'x'], ['1.2', 'Do that', 'CEO', '31/12/2018', null, null, 'y'], ['1.3', 'And this', 'CEO', '31/12/2018', null, 'On track', 'z']].forEach((r, i) =>
      r.forEach((v, c) => {
        if (v !== null) ws.getCell(i + 1, c + 1).value = v;
      }),
    );
    ws.getRow(4).hidden = true;
    ws.getCell('F3').fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: argb('#FF0000') } };
    await wb.xlsx.writeFile(file);

    const r = cli('check', file, '--as-of', '2018-09-30', '--json');
    expect(r.code).toBe(0);
    const out = JSON.parse(r.stdout) as { notes: string[]; findings: { rule: string; cell: string }[] };
    expect(out.notes).toEqual(["1 action is in hidden or filtered-out rows of 'Plan' (row 4): it was still checked and counted."]);
    expect((out as unknown as { noteData: unknown[] }).noteData).toEqual([{ code: 'hidden-rows', data: { sheet: 'Plan', count: 1, rows: '4' } }]);
    expect(out.findings.filter((f) => f.rule === 'status-from-fill').map((f) => f.cell)).toEqual(['F3']);

    await ws.protect('', {});
    await wb.xlsx.writeFile(file);
    const applied = cli('apply', file, '--out', path.join(dir, 'hidden-applied.xlsx'), '--as-of', '2018-09-30');
    expect(applied.code).toBe(2);
    expect(applied.stderr).toBe(`plan-monitor: Sheet 'Plan' is protected, so Plan Monitor could not change it. Nothing was changed. Ask its owner to remove the protection, then try again. '${file}' was not saved.\n`);
  });
});

describe('plan-monitor summary', () => {
  it('prints the status table aligned, with the Grand Total', () => {
    const r = cli('summary', sample, '--as-of', '2018-09-30');
    expect(r.code).toBe(0);
    expect(r.stdout).toContain(
      ['Actions by status', '  Status          Actions', '  Completed            32', '  On track             21', '  Some slippage         8', '  Major slippage        0', '  Not started           1', '  Grand Total          62'].join('\n'),
    );
    expect(r.stdout).toContain('Slipped actions (8)');
  });

  it('lists actions with the summary sheet’s own columns and titles (one model of the lists)', () => {
    const r = cli('summary', sample, '--as-of', '2018-09-30');
    const lines = r.stdout.split('\n');
    const heading = (title: RegExp) => lines[lines.findIndex((l) => title.test(l)) + 1]?.trim().split(/\s{2,}/);
    expect(heading(/^Overdue actions \(1\)$/)).toEqual(['Ref', 'Action', 'Lead officer', 'Due', 'Days overdue', 'Status', 'Commentary']);
    expect(heading(/^Slipped actions \(8\)$/)).toEqual(['Ref', 'Action', 'Lead officer', 'Original date', 'Revised date', 'Status', 'Commentary']);
    expect(r.stdout).toMatch(/^(Due in the next 14 days \(\d+\)|Due in the next 14 days: none\.)$/m);
    expect(heading(/^Not started \(1\)$/)).toEqual(['Ref', 'Action', 'Lead officer', 'Due', 'Status', 'Commentary']);
  });

  it('gives the same JSON as check', () => {
    expect(JSON.parse(cli('summary', sample, '--as-of', '2018-09-30', '--json').stdout)).toEqual(JSON.parse(cli('check', sample, '--as-of', '2018-09-30', '--json').stdout));
  });
});

describe('usage and file problems: exit 2, one plain line, no stack trace', () => {
  const cases: [string, () => string[], RegExp][] = [
    ['no such file', () => ['check', path.join(dir, 'nope.xlsx')], /no such file/],
    ['a CSV', () => ['check', writeText('plan.csv', 'Ref,Action\n1.1,x\n')], /is a CSV file/],
    ['an old .xls', () => ['check', writeText('plan.xls', 'x')], /old Excel 97–2003 file/],
    ['an encrypted workbook', () => ['check', writeBytes('locked.xlsx', Buffer.from('d0cf11e0a1b11ae1000000000000', 'hex'))], /password-protected/],
    ['a corrupt workbook', () => ['check', writeBytes('corrupt.xlsx', Buffer.from('PK\u0003\u0004garbage garbage'))], /could not be read as an \.xlsx workbook/],
    ['no such sheet', () => ['check', sample, '--sheet', 'Nope'], /There is no sheet 'Nope'.*'CIP Monitoring', 'Notes'/],
    ['a sheet with no header', () => ['check', sample, '--sheet', 'Notes'], /Could not find the column headings on sheet 'Notes'/],
    ['a bad --as-of', () => ['check', sample, '--as-of', '31/09/2018'], /--as-of must be a date written as YYYY-MM-DD or DD\/MM\/YYYY/],
    ['an unknown command', () => ['colour', sample], /Unknown command 'colour'/],
    ['an unknown option', () => ['check', sample, '--colour'], /Unknown option '--colour'/],
    ['apply without --out', () => ['apply', sample], /apply needs --out OUT\.xlsx, or --in-place/],
    ['bad settings', () => ['check', sample, '--settings', writeText('s.json', '{"dueSoonDays": -1}')], /Setting 'dueSoonDays' must be at least 0\./],
    ['settings that are not JSON', () => ['check', sample, '--settings', writeText('t.json', '{oops')], /is not valid JSON/],
  ];
  it.each(cases)('%s', (_name, args, message) => {
    const r = cli(...args());
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(/^plan-monitor: /);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect(r.stderr).toMatch(message);
    expect(r.stderr).not.toMatch(/\n\s+at /);
  });
});

function writeText(name: string, text: string): string {
  const f = path.join(dir, name);
  writeFileSync(f, text);
  return f;
}
function writeBytes(name: string, bytes: Buffer): string {
  const f = path.join(dir, name);
  writeFileSync(f, bytes);
  return f;
}

describe('plan-monitor apply: nothing lost', () => {
  it('colours only status cells, keeps every user value and sheet, and writes its own summary sheet', async () => {
    const out = path.join(dir, 'applied.xlsx');
    const r = cli('apply', sample, '--out', out, '--as-of', '2018-09-30');
    expect(r.code).toBe(0);
    expect(r.stdout).toContain("Coloured 62 status cells on 'CIP Monitoring' and wrote the summary to sheet 'Plan Summary'.");

    const before = await dumpWorkbook(sample);
    const after = await dumpWorkbook(out);
    expect(after.sheets.map((s) => s.name)).toEqual(['CIP Monitoring', 'Notes', 'Plan Summary']);
    // Every user sheet keeps every value; only fills/text colours of status cells (column H) change.
    for (const b of before.sheets) {
      const a = after.sheets.find((s) => s.name === b.name);
      expect(a).toBeDefined();
      for (const [addr, cell] of Object.entries(b.cells)) {
        expect(a?.cells[addr]?.value, `${b.name}!${addr}`).toEqual(cell.value);
        if (!/^H\d+$/.test(addr)) expect(a?.cells[addr]?.fill, `${b.name}!${addr} fill`).toEqual(cell.fill);
      }
      expect(Object.keys(a?.cells ?? {}).filter((k) => a?.cells[k]?.value !== null && !(k in b.cells))).toEqual([]);
    }
    const plan = after.sheets[0]?.cells ?? {};
    expect(plan.H49).toMatchObject({ value: 'On track', fill: argb(defaultPalette.green.fill), font: argb(defaultPalette.green.text) });
    expect(plan.H16).toMatchObject({ fill: argb(defaultPalette.amber.fill) });
    expect(plan.H6).toMatchObject({ fill: argb(defaultPalette.blue.fill) });
    // The header (H4) keeps its grey and the theme heading rows keep their own fill.
    expect(plan.H4?.fill).toBe(before.sheets[0]?.cells.H4?.fill);
    const filled = Object.entries(plan).filter(([k, c]) => /^H\d+$/.test(k) && c.fill !== before.sheets[0]?.cells[k]?.fill);
    expect(filled).toHaveLength(62);

    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(out);
    const summary = wb.getWorksheet('Plan Summary');
    expect(summary?.getCell('A1').value).toBe(summaryMarker);
    expect(summary?.getRow(1).hidden).toBe(true);
    const col = (c: string, from: number, n: number) => Array.from({ length: n }, (_, i) => summary?.getCell(`${c}${from + i}`).value);
    expect(col('A', 6, 7)).toEqual(['Status', 'Completed', 'On track', 'Some slippage', 'Major slippage', 'Not started', 'Grand Total']);
    expect(col('B', 6, 7)).toEqual(['Actions', 32, 21, 8, 0, 1, 62]);
  });

  it('is idempotent: a second apply gives the same workbook', async () => {
    const once = path.join(dir, 'once.xlsx');
    const twice = path.join(dir, 'twice.xlsx');
    expect(cli('apply', sample, '--out', once, '--as-of', '2018-09-30').code).toBe(0);
    expect(cli('apply', once, '--out', twice, '--as-of', '2018-09-30').code).toBe(0);
    expect(await dumpWorkbook(twice)).toEqual(await dumpWorkbook(once));
  });

  it('saves in place when asked', async () => {
    const file = path.join(dir, 'inplace.xlsx');
    copyFileSync(sample, file);
    expect(cli('apply', file, '--in-place', '--as-of', '2018-09-30').code).toBe(0);
    expect((await dumpWorkbook(file)).sheets.map((s) => s.name)).toEqual(['CIP Monitoring', 'Notes', 'Plan Summary']);
  });

  it('never touches a user sheet that has the summary’s name: it picks another, once', async () => {
    const file = path.join(dir, 'taken.xlsx');
    const userSummary = [['My own notes'], ['Do not delete']];
    await writeWorkbook(file, {
      Plan: [header, ['1.1', 'Do it', 'CEO', '31/12/2018', null, 'On track', 'fine']],
      'Plan Summary': userSummary,
    });
    const r = cli('apply', file, '--in-place', '--as-of', '2018-09-30');
    expect(r.code).toBe(0);
    expect(r.stdout).toContain("A sheet called 'Plan Summary' already exists and was not made by Plan Monitor, so it was left alone and the summary went to 'Plan Summary (2)'.");
    expect(cli('apply', file, '--in-place', '--as-of', '2018-09-30').code).toBe(0);
    const dump = await dumpWorkbook(file);
    expect(dump.sheets.map((s) => s.name)).toEqual(['Plan', 'Plan Summary', 'Plan Summary (2)']);
    expect(dump.sheets[1]?.cells).toEqual({ A1: { value: 'My own notes', fill: null, font: null }, A2: { value: 'Do not delete', fill: null, font: null } });
  });

  it('copies formula-like text into the summary as literal text, never as a formula', async () => {
    const file = path.join(dir, 'formulas.xlsx');
    const nasty = ['=HYPERLINK("http://example.com","click")', '+1 more meeting needed', '-1 day late', '@SUM(A1:A2)'];
    await writeWorkbook(file, {
      Plan: [header, ...nasty.map((t, i) => [`1.${i + 1}`, t, t, '31/03/2018', '31/12/2018', 'Some slippage', t])],
    });
    const out = path.join(dir, 'formulas-out.xlsx');
    expect(cli('apply', file, '--out', out, '--as-of', '2018-09-30').code).toBe(0);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(out);
    const ws = wb.getWorksheet('Plan Summary');
    const texts: unknown[] = [];
    ws?.eachRow((row) => row.eachCell((c) => texts.push(c.value)));
    for (const t of nasty) expect(texts.filter((v) => v === t).length).toBeGreaterThanOrEqual(3);
    expect(texts.some((v) => typeof v === 'object' && v !== null)).toBe(false);
    // Read back as ExcelJS sees the file: string cells with no formula, and the '@' (Text) format so Excel keeps them text.
    const cells: ExcelJS.Cell[] = [];
    ws?.eachRow((row) => row.eachCell((c) => cells.push(c)));
    const copied = cells.filter((c) => nasty.includes(c.value as string));
    expect(copied.length).toBeGreaterThanOrEqual(12);
    for (const c of copied) {
      expect(c.type, c.address).toBe(ExcelJS.ValueType.String);
      expect(c.formula, c.address).toBeUndefined();
      expect(c.numFmt, c.address).toBe('@');
    }
  });
});

describe('command-line conventions', () => {
  it('--version and -V print the version on stdout, exit 0', () => {
    const version = (JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8')) as { version: string }).version;
    for (const flag of ['--version', '-V']) expect(cli(flag)).toEqual({ code: 0, stdout: `plan-monitor ${version}\n`, stderr: '' });
  });

  it('--help prints the help on stdout, exit 0; no command is a usage error: the help on stderr, exit 2', () => {
    const help = cli('--help');
    expect([help.code, help.stderr]).toEqual([0, '']);
    expect(help.stdout).toMatch(/^plan-monitor — .*\n\nUsage:\n/);
    const none = cli();
    expect([none.code, none.stdout, none.stderr]).toEqual([2, '', help.stdout]);
  });

  it('--as-of takes the UK day-first form as well as ISO', () => {
    const uk = JSON.parse(cli('check', sample, '--as-of', '30/09/2018', '--json').stdout) as { asOf: string };
    expect(uk.asOf).toBe('2018-09-30');
  });
});
