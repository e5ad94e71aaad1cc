// plan-monitor add on the sample plan, end to end through the built CLI: a CSV list (seed 001
// Appendix B's peer review recommendations) and an .xlsx list add rows under their themes, only the
// plan's sheet and the audit sheet change, adding again adds nothing, a list with a problem or a
// file that would need rewriting is refused with nothing saved, and --json says what happened.
import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { strToU8, unzipSync, zipSync, type Zippable } from 'fflate';
import { beforeAll, describe, expect, it } from 'vitest';
import { auditMarker, readAuditSheet } from '../../shared/audit/audit-trail';
import { firstCell } from '../../shared/workbook/workbook';
import { XlsxWorkbookPort } from '../../src/xlsx/xlsx-port';
import { changedParts as changedPartsOf, tempDir, writeWorkbook } from '../helpers/xlsx';

const root = path.resolve(__dirname, '../..');
const sample = path.join(root, 'samples/cip-monitoring-sept-2018.xlsx');
const cli = (...args: string[]) => {
  const r = spawnSync(process.execPath, [path.join(root, 'bin/plan-monitor.cjs'), ...args], { encoding: 'utf8' });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
};
const parts = (file: string) => unzipSync(readFileSync(file));
const changedParts = (a: string, b: string) => changedPartsOf(readFileSync(a), readFileSync(b));
async function rowsOf(file: string, from: number, to: number): Promise<unknown[][]> {
  const g = (await XlsxWorkbookPort.open(readFileSync(file)).readWorkbook()).sheets[0]?.grid;
  return Array.from({ length: to - from + 1 }, (_, i) => (g?.values[from - 1 + i] ?? []).slice(0, 9));
}

const appendixB = [
  'Theme,Recommendation,Lead officer,Target date,Comments',
  '3,Review the senior leadership development programme,Director of HR and OD,31/03/2019,From the IDeA peer review',
  '10.x,"Adopt a ""digital first"" customer strategy",Director of Digital and Customer Services,30/06/2019,=cmd|calc',
].join('\r\n');

let dir: string;
let csv: string;
beforeAll(() => {
  dir = tempDir();
  csv = path.join(dir, 'peer-review.csv');
  writeFileSync(csv, appendixB);
});

describe('plan-monitor add', () => {
  it('adds a CSV list under its themes, changing only the plan sheet and adding the audit sheet', async () => {
    const out = path.join(dir, 'added.xlsx');
    const r = cli('add', sample, '--from', csv, '--out', out, '--as-of', '2018-09-30');
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.stdout.split('\n')).toEqual([
      `Added 2 new actions to 'CIP Monitoring' from '${csv}'.`,
      '  3.7 in row 27, under Theme 3 – Effective management: “Review the senior leadership development programme” (Not started)',
      '  10.4 in row 78, under Theme 10 – Innovative transformation: “Adopt a "digital first" customer strategy” (Not started)',
      '',
      "Added 2 rows to the audit trail (hidden sheet 'Plan Monitor Audit').",
      `Saved ${out}.`,
      '',
    ]);
    // The sheet, its new status colours in styles.xml, and the audit sheet with what lists it.
    expect(changedParts(sample, out)).toEqual(['[Content_Types].xml', 'docProps/app.xml', 'xl/_rels/workbook.xml.rels', 'xl/styles.xml', 'xl/workbook.xml', 'xl/worksheets/sheet1.xml', 'xl/worksheets/sheet3.xml']);
    expect(await rowsOf(out, 26, 28)).toEqual([
      ['3.6', 'Strengthen the resilience of the Estates and Property teams', 'Strategic Director of Corporate Resources', 'Cabinet Member for Regeneration and Planning', 'No', 43373, null, 'Completed', 'Director of Property Services appointed on a twelve month interim basis and two vacant surveyor posts filled.'],
      ['3.7', 'Review the senior leadership development programme', 'Director of HR and OD', null, null, 43555, null, 'Not started', 'From the IDeA peer review'],
      ['Theme 4 – Constructive Member relationships'],
    ]);
    expect((await rowsOf(out, 78, 78))[0]).toEqual(['10.4', 'Adopt a "digital first" customer strategy', 'Director of Digital and Customer Services', null, null, 43646, null, 'Not started', '=cmd|calc']);
    const wb = await XlsxWorkbookPort.open(readFileSync(out)).readWorkbook();
    const audit = readAuditSheet(wb.sheets.find((s) => firstCell(s) === auditMarker)?.grid ?? null);
    expect(audit.map((e) => [e.ref, e.field, e.new, e.source])).toEqual([
      ['3.7', 'added', 'Not started', "add from 'peer-review.csv'"],
      ['10.4', 'added', 'Not started', "add from 'peer-review.csv'"],
    ]);
    const check = cli('check', out, '--as-of', '2018-09-30');
    expect(check.stdout.split('\n')[0]).toBe("Checked 'CIP Monitoring' as of 30/09/2018: 64 actions, 0 errors, 4 warnings, 1 overdue.");
  });

  it('adding the same list again in place adds nothing and leaves the file as it was', () => {
    const plan = path.join(dir, 'twice.xlsx');
    copyFileSync(sample, plan);
    expect(cli('add', plan, '--from', csv, '--in-place', '--as-of', '2018-09-30').code).toBe(0);
    const once = readFileSync(plan);
    const mtime = statSync(plan).mtimeMs;
    const again = cli('add', plan, '--from', csv, '--in-place', '--as-of', '2018-09-30');
    expect(again.code).toBe(0);
    expect(again.stdout.split('\n')[0]).toBe(`Nothing new to add to 'CIP Monitoring' from '${csv}'; 2 actions are already in the plan.`);
    expect(again.stdout).toContain(`Nothing to save: '${plan}' is as it was.`);
    expect(readFileSync(plan).equals(once)).toBe(true);
    expect(statSync(plan).mtimeMs).toBe(mtime);
  });

  it('takes the first sheet of an .xlsx list, and says it in --json', async () => {
    const list = path.join(dir, 'list.xlsx');
    await writeWorkbook(list, { Recommendations: [['Ref', 'Action', 'Status'], ['7.x', 'Publish the risk appetite statement', 'On track']], Notes: [['ignored']] });
    const out = path.join(dir, 'from-xlsx.xlsx');
    const r = cli('add', sample, '--from', list, '--out', out, '--as-of', '2018-09-30', '--json');
    expect(r.code).toBe(0);
    const j = JSON.parse(r.stdout) as Record<string, unknown>;
    expect(j).toEqual({
      file: out,
      sheet: 'CIP Monitoring',
      list,
      added: [{ cell: 'B2', ref: '7.4', action: 'Publish the risk appetite statement', theme: 'Theme 7 – Embedded risk management', status: 'On track', row: 57 }],
      alreadyInPlan: [],
      problems: [],
      leftOut: [],
      auditRows: 1,
    });
  });

  it('a list with problems: every one with its cell, exit 1, nothing saved', () => {
    const bad = path.join(dir, 'bad.csv');
    writeFileSync(bad, 'Theme,Action,Target date\n3,Fine,31/03/2019\nCommunity safety,Set up a board,\n4,,31/12/2018\n2,Report on it,sometime soon\n');
    const out = path.join(dir, 'bad-out.xlsx');
    const r = cli('add', sample, '--from', bad, '--out', out, '--as-of', '2018-09-30');
    expect(r.code).toBe(1);
    const lines = r.stdout.split('\n');
    expect(lines[0]).toBe(`Nothing was added to 'CIP Monitoring': 3 problems in '${bad}' (below).`);
    expect(lines.slice(1, 4).map((l) => /cell (\w+)/.exec(l)?.[1])).toEqual(['A3', 'B4', 'C5']);
    expect(lines.at(-2)).toBe(`Nothing was saved: '${sample}' is as it was.`);
    expect(existsSync(out)).toBe(false);
  });

  it('refuses a plan the file cannot take rows into without rewriting, in plain words, saving nothing', () => {
    const z: Zippable = {};
    for (const [n, d] of Object.entries(parts(sample))) z[n] = n === 'xl/worksheets/sheet2.xml' ? strToU8(Buffer.from(d).toString('utf8').replace(/<sheetData>/, "<sheetData><row r=\"30\"><c r=\"B30\"><f>'CIP Monitoring'!H49</f><v>0</v></c></row>")) : d;
    const plan = path.join(dir, 'linked.xlsx');
    writeFileSync(plan, zipSync(z));
    const out = path.join(dir, 'linked-out.xlsx');
    const r = cli('add', plan, '--from', csv, '--out', out, '--as-of', '2018-09-30');
    expect(r.code).toBe(2);
    expect(r.stderr).toBe(
      `plan-monitor: Plan Monitor could not insert the new rows into 'CIP Monitoring' in this file without rewriting a reference elsewhere in the workbook to rows that would move (xl/worksheets/sheet2.xml), which it does not risk, so nothing was changed. Add them from the Plan Monitor panel in Excel, which moves everything with the rows, or remove that from below the new rows' place, then try again. '${plan}' was not saved.\n`,
    );
    expect(existsSync(out)).toBe(false);
  });

  it('says what it needs: --from, a list that exists, a readable CSV', () => {
    expect(cli('add', sample, '--out', path.join(dir, 'x.xlsx')).stderr).toBe(`plan-monitor: Name the list of new actions with --from. Usage: plan-monitor add FILE --from LIST.xlsx|LIST.csv (--out OUT.xlsx | --in-place) [--sheet NAME] [--as-of DATE] [--settings FILE.json] [--json]\n`);
    expect(cli('add', sample, '--from', path.join(dir, 'none.csv'), '--out', path.join(dir, 'x.xlsx')).stderr).toBe(`plan-monitor: Cannot open the list '${path.join(dir, 'none.csv')}': no such file. Nothing was added.\n`);
    const broken = path.join(dir, 'broken.csv');
    writeFileSync(broken, 'Theme,Action\n3,"unclosed\n');
    const r = cli('add', sample, '--from', broken, '--out', path.join(dir, 'x.xlsx'));
    expect([r.code, r.stderr]).toEqual([2, `plan-monitor: '${broken}' cannot be read as CSV: on line 2, a field opened with a double quote (") is never closed. Save the list from Excel as CSV again, or as .xlsx. Nothing was added.\n`]);
    expect(cli('--help').stdout).toContain('plan-monitor add FILE --from LIST.xlsx|LIST.csv');
  });
});
