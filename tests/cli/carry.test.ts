// plan-monitor carry on the sample plan, end to end through the built CLI: the new workbook reads
// back through the engine, openpyxl and LibreOffice with the same open actions, statuses and real
// dates; --renumber gives the ref map; the old plan is never changed and no file is written over.
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { strFromU8, unzipSync } from 'fflate';
import { beforeAll, describe, expect, it } from 'vitest';
import { dayFromIso } from '../../shared/dates/day';
import { prepareRun, type PreparedRun } from '../../shared/run/prepare-run';
import type { WorkbookSnapshot } from '../../shared/workbook/workbook';
import { XlsxWorkbookPort } from '../../src/xlsx/xlsx-port';
import { ensureDebianPython } from '../helpers/python';
import { convertWithSoffice, findSoffice } from '../helpers/soffice';
import { tempDir } from '../helpers/xlsx';

const root = path.resolve(__dirname, '../..');
const sample = path.join(root, 'samples/cip-monitoring-sept-2018.xlsx');
const cli = (...args: string[]) => {
  const r = spawnSync(process.execPath, [path.join(root, 'bin/plan-monitor.cjs'), ...args], { encoding: 'utf8' });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
};
const asOf = dayFromIso('2018-09-30') ?? 0;

async function read(file: string): Promise<{ wb: WorkbookSnapshot; run: PreparedRun }> {
  const wb = await XlsxWorkbookPort.open(readFileSync(file)).readWorkbook();
  const run = prepareRun(wb, { asOf, today: asOf });
  if (!run.ok) throw new Error(run.message);
  return { wb, run };
}

/** Every sheet with its state, the active one, and each cell of the first sheet as [value, type] (dates as ISO text). */
const openpyxlScript = `
import datetime, json, sys, openpyxl
wb = openpyxl.load_workbook(sys.argv[1])
ws = wb.worksheets[0]
cells = {}
for row in ws.iter_rows():
    for c in row:
        if c.value is None:
            continue
        v = c.value
        if isinstance(v, (datetime.datetime, datetime.date)):
            v = v.isoformat()
        cells[c.coordinate] = [v, c.data_type, c.number_format]
print(json.dumps({'sheets': [[s.title, s.sheet_state] for s in wb.worksheets], 'active': wb.active.title, 'frozen': ws.freeze_panes, 'merged': sorted(str(m) for m in ws.merged_cells.ranges), 'cells': cells}))
`;
interface Dump {
  sheets: [string, string][];
  active: string;
  frozen: string;
  merged: string[];
  cells: Record<string, [unknown, string, string]>;
}
const openpyxl = (file: string): Dump => {
  const r = spawnSync(ensureDebianPython(['openpyxl']), ['-c', openpyxlScript, file], { encoding: 'utf8', timeout: 60_000 });
  if (r.status !== 0) throw new Error(`openpyxl failed: ${r.stderr}`);
  return JSON.parse(r.stdout) as Dump;
};

let dir: string;
let kept: string;
let renumbered: string;
let json: { file: string; actions: unknown; refs: { old: string; new: string; oldRow: number; newRow: number; status: string }[]; audit: unknown; notes: unknown[] };
let old: PreparedRun;

beforeAll(async () => {
  dir = tempDir();
  kept = path.join(dir, 'next-plan.xlsx');
  renumbered = path.join(dir, 'next-plan-renumbered.xlsx');
  old = (await read(sample)).run;
  const r = cli('carry', sample, '--out', renumbered, '--as-of', '2018-09-30', '--renumber', '--json');
  if (r.code !== 0) throw new Error(r.stderr);
  json = JSON.parse(r.stdout) as typeof json;
});

const openOld = () => old.checked.assessments.filter((a) => !a.complete);

describe('plan-monitor carry', () => {
  it('writes the new plan and says what it carried and what closed', () => {
    const before = readFileSync(sample);
    const r = cli('carry', sample, '--out', kept, '--as-of', '2018-09-30');
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.stdout).toBe(
      [
        `Carried 30 open actions of 62 into ${kept}; 32 complete actions closed with the old plan.`,
        'Refs kept as they were.',
        'No recorded history to carry; carried 0 audit rows and added 30 rows to the audit trail saying where each came from.',
        `Saved ${kept}.`,
        '',
      ].join('\n'),
    );
    // The old plan is not touched.
    expect(readFileSync(sample).equals(before)).toBe(true);
  });

  it('reads back through the engine: the same open actions, statuses, themes and due dates, dates still dates', async () => {
    const { wb, run } = await read(kept);
    expect(wb.sheets.map((s) => [s.name, s.visibility])).toEqual([
      ['CIP Monitoring', 'visible'],
      ['Plan Monitor Audit', 'hidden'],
    ]);
    expect(run.checked.header.columns).toEqual(old.checked.header.columns);
    const facts = (a: PreparedRun['checked']['assessments'][number]) => [a.action.ref, a.action.action, a.action.lead, a.action.leadMember, a.action.status?.label, a.action.theme?.label, a.action.target, a.action.revised, a.action.commentary];
    expect(run.checked.assessments.map(facts)).toEqual(openOld().map(facts));
    expect(run.checked.summary.statusCounts.map((s) => [s.status, s.count])).toEqual([
      ['Completed', 0],
      ['On track', 21],
      ['Some slippage', 8],
      ['Major slippage', 0],
      ['Not started', 1],
    ]);
    // Every date cell of the old plan's open rows is a date cell of the new plan.
    const g = wb.sheets[0]?.grid;
    const oldGrid = old.workbook.sheets[0]?.grid;
    const dateCells = (grid: typeof g, rows: number[]) => rows.flatMap((row) => [5, 6].map((c) => grid?.dates?.[row - 1]?.[c] === true));
    expect(dateCells(g, json.refs.map((x) => x.newRow))).toEqual(dateCells(oldGrid, json.refs.map((x) => x.oldRow)));
    expect(dateCells(g, json.refs.map((x) => x.newRow)).filter(Boolean)).toHaveLength(10);
  });

  it('opens in openpyxl with the plan shown and active, the audit hidden, text as text and dates as dates', () => {
    const d = openpyxl(kept);
    expect(d).toMatchObject({ sheets: [['CIP Monitoring', 'visible'], ['Plan Monitor Audit', 'hidden']], active: 'CIP Monitoring', frozen: 'A5' });
    expect(d.merged).toContain('A5:I5');
    expect(d.cells.A6).toEqual(['1.4', 's', '@']);
    expect(d.cells.H6).toEqual(['Some slippage', 's', '@']);
    // 1.6's target 31/03/2019 and 2.4's revised 31/12/2018 are dates; 'Sept 2018' stays the text typed.
    expect(d.cells.F8).toEqual(['2019-03-31T00:00:00', 'd', 'dd/mm/yyyy']);
    expect(d.cells.G11).toEqual(['2018-12-31T00:00:00', 'd', 'dd/mm/yyyy']);
    expect(d.cells.F6).toEqual(['Sept 2018', 's', '@']);
    expect(Object.values(d.cells).some((c) => c[1] === 'f')).toBe(false);
  });

  it('opens in LibreOffice with the same rows', () => {
    const out = path.join(dir, 'csv');
    // UTF-8 (76), so the dashes of the theme headings come out as typed.
    expect(convertWithSoffice(findSoffice(), 'csv:Text - txt - csv (StarCalc):44,34,76', [kept], out, 180_000).status).toBe(0);
    const lines = readFileSync(path.join(out, 'next-plan.csv'), 'utf8').split('\n');
    expect(lines[3]).toBe('Ref,Action,Lead Officer,Lead Member,LGA recommendation,Target Date,Revised Target Date,Status,Progress Update');
    expect(lines[4]).toBe('Theme 1 – City leadership,,,,,,,,');
    expect(lines[7]).toMatch(/^1\.6,Develop a new four year Council Plan for 2019\/20 onwards,Head of Performance and Intelligence,Leader of the Council,Yes,31\/03\/2019,,On track,/);
    expect(lines.filter((l) => /^\d+\.\d+,/.test(l))).toHaveLength(30);
  }, 240_000);

  it('renumbers with --renumber and gives the map old → new with --json', async () => {
    expect(json).toMatchObject({ file: renumbered, actions: { total: 62, carried: 30, closed: 32 }, audit: { carried: 0, added: 30 }, notes: [] });
    expect(json.refs.slice(3, 7).map((x) => [x.old, x.new, x.status])).toEqual([
      ['2.3', '2.1', 'On track'],
      ['2.4', '2.2', 'Some slippage'],
      ['2.4', '2.3', 'Some slippage'],
      ['2.5', '2.4', 'On track'],
    ]);
    const { run } = await read(renumbered);
    expect(run.checked.assessments.map((a) => [a.action.ref, a.action.status?.label])).toEqual(json.refs.map((x) => [x.new, x.status]));
    expect(run.audit.slice(4, 6).map((e) => [e.ref, e.field, e.old, e.new, e.source])).toEqual([
      ['2.2', 'carried forward', '2.4', '2.2', "carried forward from 'cip-monitoring-sept-2018.xlsx' ('CIP Monitoring')"],
      ['2.3', 'carried forward', '2.4', '2.3', "carried forward from 'cip-monitoring-sept-2018.xlsx' ('CIP Monitoring')"],
    ]);
    // Two refs 2.4 become 2.2 and 2.3: the new plan has no duplicate-ref warning.
    expect(run.checked.findings.map((f) => f.rule)).toEqual(['overdue-reported-on-track', 'placeholder-date']);
    expect(cli('check', renumbered, '--as-of', '2018-09-30').stdout.split('\n')[0]).toBe("Checked 'CIP Monitoring' as of 30/09/2018: 30 actions, 0 errors, 2 warnings, 1 overdue.");
  });

  it('writes the same workbook for the same plan, but for the time in the audit trail', () => {
    const again = path.join(dir, 'again.xlsx');
    expect(cli('carry', sample, '--out', again, '--as-of', '2018-09-30').code).toBe(0);
    const a = unzipSync(readFileSync(kept));
    const b = unzipSync(readFileSync(again));
    expect(Object.keys(b)).toEqual(Object.keys(a));
    const stamp = (x: Uint8Array | undefined) => strFromU8(x ?? new Uint8Array()).replace(/\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d/g, 'WHEN');
    for (const k of Object.keys(a)) expect(stamp(b[k]), k).toBe(stamp(a[k]));
  });

  it('refuses, with nothing written, a missing --out, the plan itself, a file that exists, and a name that is not .xlsx', () => {
    expect(cli('carry', sample)).toMatchObject({ code: 2, stdout: '', stderr: 'plan-monitor: carry needs --out NEW.xlsx, the new workbook to start the next plan in. Usage: plan-monitor carry FILE --out NEW.xlsx [--renumber] [--sheet NAME] [--as-of DATE] [--settings FILE.json] [--json]\n' });
    const before = readFileSync(sample);
    expect(cli('carry', sample, '--out', sample)).toMatchObject({ code: 2, stderr: `plan-monitor: --out names the plan itself ('${sample}'). carry leaves the old plan as it is and starts the next one in a new file: name another --out.\n` });
    expect(readFileSync(sample).equals(before)).toBe(true);
    const existing = path.join(dir, 'edited-next-plan.xlsx');
    writeFileSync(existing, 'the officers’ edits');
    expect(cli('carry', sample, '--out', existing)).toMatchObject({ code: 2, stderr: `plan-monitor: '${existing}' already exists. carry starts a new plan and never writes over a file: name another --out, or move that file away first.\n` });
    expect(readFileSync(existing, 'utf8')).toBe('the officers’ edits');
    const csv = path.join(dir, 'next.csv');
    expect(cli('carry', sample, '--out', csv)).toMatchObject({ code: 2, stderr: `plan-monitor: --out must name an .xlsx file (got '${csv}').\n` });
    expect(existsSync(csv)).toBe(false);
  });

  it('is listed in the help', () => {
    expect(cli('--help').stdout).toContain('  plan-monitor carry FILE --out NEW.xlsx [--renumber] [--sheet NAME] [--as-of DATE] [--settings FILE.json] [--json]\n      Close the plan and start the next one:');
  });
});
