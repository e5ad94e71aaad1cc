// plan-monitor requests and merge on the sample plan, end to end: the request workbooks open in
// openpyxl and LibreOffice; a reply edited in openpyxl merges into the plan's three cells only;
// merging again changes nothing; a plan edited in between gives conflicts; what cannot be placed,
// and a file that is not a reply, are refused in plain words.
import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { strFromU8, unzipSync } from 'fflate';
import { beforeAll, describe, expect, it } from 'vitest';
import { auditMarker, readAuditSheet } from '../../shared/audit/audit-trail';
import { firstCell } from '../../shared/workbook/workbook';
import { XlsxWorkbookPort } from '../../src/xlsx/xlsx-port';
import { ensureDebianPython } from '../helpers/python';
import { convertWithSoffice, findSoffice } from '../helpers/soffice';
import { changedParts as changedPartsOf, tempDir } from '../helpers/xlsx';

const root = path.resolve(__dirname, '../..');
const sample = path.join(root, 'samples/cip-monitoring-sept-2018.xlsx');
const cli = (...args: string[]) => {
  const r = spawnSync(process.execPath, [path.join(root, 'bin/plan-monitor.cjs'), ...args], { encoding: 'utf8' });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
};
const python = (script: string, args: string[], input?: string) => {
  const r = spawnSync(ensureDebianPython(['openpyxl']), [path.join(root, 'tests/merge', script), ...args], { encoding: 'utf8', input, timeout: 60_000 });
  if (r.status !== 0) throw new Error(`${script} failed: ${r.stderr}`);
  return r.stdout;
};
type Cells = Record<string, [string | null, 'text' | 'date' | 'blank']>;
const edit = (src: string, dst: string, cells: Cells) => python('edit-reply.py', [], JSON.stringify([{ src, dst, cells }]));

const parts = (file: string) => unzipSync(readFileSync(file));
const changedParts = (a: string, b: string) => changedPartsOf(readFileSync(a), readFileSync(b));
const sheetXml = (file: string) => strFromU8(parts(file)['xl/worksheets/sheet1.xml'] as Uint8Array);
const cellXml = (xml: string, ref: string) => new RegExp(`<c r="${ref}"[^>]*?(/>|>.*?</c>)`).exec(xml)?.[0] ?? '';

async function planCells(file: string, refs: string[]): Promise<unknown[]> {
  const wb = await XlsxWorkbookPort.open(readFileSync(file)).readWorkbook();
  const g = wb.sheets[0]?.grid;
  return refs.map((ref) => {
    const m = /^([A-Z])(\d+)$/.exec(ref) as RegExpExecArray;
    return g?.values[Number(m[2]) - 1]?.[(m[1] as string).charCodeAt(0) - 65] ?? null;
  });
}

async function auditOf(file: string) {
  const wb = await XlsxWorkbookPort.open(readFileSync(file)).readWorkbook();
  return readAuditSheet(wb.sheets.find((s) => firstCell(s) === auditMarker)?.grid ?? null);
}

const officer = '06-director-of-hr-and-od.xlsx';
// The request's lines: 3.4 (plan row 24), 4.4 (31), 6.1 (46), 6.2 (47), 6.4 (49), 6.6 (51) on rows 4 to 9.
const officerEdits: Cells = { E4: ['Some slippage', 'text'], D4: ['2019-01-31', 'date'], F4: ['=cmd|calc', 'text'], E8: ['Completed', 'text'] };

let dir: string;
let requests: string;
let reply: string;
let merged: string;

beforeAll(() => {
  dir = tempDir();
  requests = path.join(dir, 'requests');
  const r = cli('requests', sample, '--out', requests, '--as-of', '2018-09-30');
  if (r.code !== 0) throw new Error(r.stderr);
  reply = path.join(dir, officer);
  edit(path.join(requests, officer), reply, officerEdits);
  merged = path.join(dir, 'merged.xlsx');
});

describe('plan-monitor requests', () => {
  it('writes one workbook per lead officer with their actions that are not complete', () => {
    const r = cli('requests', sample, '--out', path.join(dir, 'again'), '--as-of', '2018-09-30');
    expect(r.code).toBe(0);
    const lines = r.stdout.split('\n');
    expect(lines[0]).toBe("'CIP Monitoring' as of 30/09/2018: 30 actions not complete, led by 12 lead officers.");
    expect(lines[6]).toBe('  06-director-of-hr-and-od.xlsx  Director of HR and OD: 6 actions');
    expect(lines[13]).toBe(`Wrote 12 requests to ${path.join(dir, 'again')}. Send each to its officer; when they come back, run 'plan-monitor merge ${sample} REPLY.xlsx… --out OUT.xlsx'.`);
    expect(readdirSync(requests)).toHaveLength(12);
    // The same plan gives the same files, byte for byte.
    for (const f of readdirSync(requests)) expect(readFileSync(path.join(dir, 'again', f)).equals(readFileSync(path.join(requests, f)))).toBe(true);
  });

  it('writes workbooks openpyxl opens with the list of statuses, the protection and only the three fields unlocked', () => {
    const files = readdirSync(requests).map((f) => path.join(requests, f));
    const dumps = JSON.parse(python('dump-openpyxl.py', files)) as { protected: boolean; password: string | null; validations: string[][]; hidden: string[]; cells: Record<string, [unknown, string, boolean]> }[];
    expect(dumps).toHaveLength(12);
    for (const d of dumps) {
      expect(d).toMatchObject({ protected: true, password: null, hidden: ['G', 'H', 'I', 'J'] });
      expect(d.validations.map((v) => v.slice(0, 2))).toEqual([['list', '"Completed,On track,Some slippage,Major slippage,Not started"']]);
      const unlocked = Object.entries(d.cells).filter(([, c]) => !c[2]).map(([k]) => k.replace(/\d+/, ''));
      expect(new Set(unlocked)).toEqual(new Set(['D', 'E', 'F']));
    }
  });

  it('writes workbooks LibreOffice opens', () => {
    const out = path.join(dir, 'csv');
    const files = readdirSync(requests).map((f) => path.join(requests, f));
    expect(convertWithSoffice(findSoffice(), 'csv', files, out, 180_000).status).toBe(0);
    expect(readdirSync(out)).toHaveLength(12);
    expect(readFileSync(path.join(out, officer.replace('.xlsx', '.csv')), 'utf8').split('\n')[3]).toMatch(/^3\.4,"Recruit a Director of Legal, Procurement and Democratic Services",/);
  });

  it('needs --out', () => {
    expect(cli('requests', sample)).toMatchObject({ code: 2, stderr: 'plan-monitor: requests needs --out DIR, the folder to write the request workbooks into.\n' });
  });
});

describe('plan-monitor merge', () => {
  it('brings status, revised date and commentary into the plan, and says what it did', () => {
    const r = cli('merge', sample, reply, '--out', merged, '--as-of', '2018-09-30');
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.stdout).toBe(
      [
        "Merged 4 changes from 1 reply into 'CIP Monitoring'.",
        `  H24: action 3.4 status “On track” → “Some slippage” (from '${reply}', E4)`,
        `  G24: action 3.4 revised date (empty) → “31/01/2019” (from '${reply}', D4)`,
        `  I24: action 3.4 commentary “Post approved by Personnel Committee in September 2018; rec…” → “=cmd|calc” (from '${reply}', F4)`,
        `  H49: action 6.4 status “On track” → “Completed” (from '${reply}', E8)`,
        '',
        "Added 4 rows to the audit trail (hidden sheet 'Plan Monitor Audit').",
        `Saved ${merged}.`,
        '',
      ].join('\n'),
    );
  });

  it('writes the plan’s cells: the status and commentary as text (never a formula), the date as a date in the column’s format', async () => {
    expect(await planCells(merged, ['H24', 'G24', 'I24', 'H49'])).toEqual(['Some slippage', 43496, '=cmd|calc', 'Completed']);
    const xml = sheetXml(merged);
    expect(cellXml(xml, 'I24')).toBe('<c r="I24" s="6" t="inlineStr"><is><t>=cmd|calc</t></is></c>');
    expect(cellXml(xml, 'H24')).toBe('<c r="H24" s="5" t="inlineStr"><is><t>Some slippage</t></is></c>');
    expect(cellXml(xml, 'G24')).toBe(`<c r="G24" s="${/<c r="F6" s="(\d+)"/.exec(xml)?.[1]}"><v>43496</v></c>`);
    // openpyxl, another reader, sees a string, not a formula.
    const [d] = JSON.parse(python('dump-openpyxl.py', [merged])) as { cells: Record<string, [unknown, string, boolean, string]> }[];
    expect(d?.cells.I24?.[0]).toBe('=cmd|calc');
    expect(d?.cells.I24?.[3]).toBe('s');
    expect(d?.cells.G24?.[0]).toBe('2019-01-31T00:00:00');
  });

  it('changes only the plan sheet’s four cells, adds the audit sheet, and copies every other part byte for byte', () => {
    expect(changedParts(sample, merged)).toEqual(['[Content_Types].xml', 'docProps/app.xml', 'xl/_rels/workbook.xml.rels', 'xl/styles.xml', 'xl/workbook.xml', 'xl/worksheets/sheet1.xml', 'xl/worksheets/sheet3.xml']);
    // The shared strings are untouched (text goes in as inline strings); styles only appended to.
    const before = sheetXml(sample);
    const after = sheetXml(merged);
    const without = (xml: string) => ['G24', 'H24', 'I24', 'H49'].reduce((x, ref) => x.replace(cellXml(x, ref), ''), xml);
    expect(without(after)).toBe(without(before));
    const styles = (f: string) => strFromU8(parts(f)['xl/styles.xml'] as Uint8Array);
    expect(styles(merged).replace(/<xf [^>]*numFmtId="49"[^>]*\/>(?=<\/cellXfs>)/, '').replace(/<cellXfs count="\d+"/, '')).toBe(styles(sample).replace(/<cellXfs count="\d+"/, ''));
  });

  it('records each change in the audit trail with the reply it came from', async () => {
    const audit = await auditOf(merged);
    expect(audit.map((e) => [e.ref, e.field, e.old, e.new, e.source])).toEqual([
      ['3.4', 'status', 'On track', 'Some slippage', `merge of reply '${officer}'`],
      ['3.4', 'revised date', '', '31/01/2019', `merge of reply '${officer}'`],
      ['3.4', 'commentary', 'Post approved by Personnel Committee in September 2018; recruitment is under way with interviews planned for November.', '=cmd|calc', `merge of reply '${officer}'`],
      ['6.4', 'status', 'On track', 'Completed', `merge of reply '${officer}'`],
    ]);
    expect(audit.every((e) => /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d$/.test(e.when))).toBe(true);
  });

  it('changes nothing when the same reply is merged again, and adds no audit rows', () => {
    const again = path.join(dir, 'merged-again.xlsx');
    const r = cli('merge', merged, reply, '--out', again, '--as-of', '2018-09-30');
    expect(r.code).toBe(0);
    expect(r.stdout).toBe(`No changes to merge from 1 reply into 'CIP Monitoring'.\nSaved ${again}.\n`);
    expect(changedParts(merged, again)).toEqual([]);
    const inPlace = path.join(dir, 'in-place.xlsx');
    copyFileSync(merged, inPlace);
    const before = readFileSync(inPlace);
    expect(cli('merge', inPlace, reply, '--in-place', '--as-of', '2018-09-30')).toMatchObject({ code: 0, stdout: `No changes to merge from 1 reply into 'CIP Monitoring'.\nNothing to save: '${inPlace}' is as it was.\n` });
    expect(readFileSync(inPlace).equals(before)).toBe(true);
  });

  it('changes only the plan sheet and the audit sheet when a second officer’s reply follows', async () => {
    const second = path.join(dir, 'finance.xlsx');
    edit(path.join(requests, '04-director-of-finance.xlsx'), second, { E4: ['Completed', 'text'] });
    const out = path.join(dir, 'merged-two.xlsx');
    expect(cli('merge', merged, second, '--out', out, '--as-of', '2018-09-30').code).toBe(0);
    expect(changedParts(merged, out)).toEqual(['xl/worksheets/sheet1.xml', 'xl/worksheets/sheet3.xml']);
    expect((await auditOf(out)).map((e) => e.source)).toEqual([...Array(4).fill(`merge of reply '${officer}'`), "merge of reply 'finance.xlsx'"]);
  });

  it('merges a reply LibreOffice saved the same way', () => {
    const lo = path.join(dir, 'lo');
    expect(convertWithSoffice(findSoffice(), 'xlsx', [reply], lo, 120_000).status).toBe(0);
    const out = path.join(dir, 'merged-lo.xlsx');
    const r = cli('merge', sample, path.join(lo, officer), '--out', out, '--as-of', '2018-09-30');
    expect(r.code).toBe(0);
    expect(r.stdout.split('\n')[0]).toBe("Merged 4 changes from 1 reply into 'CIP Monitoring'.");
    expect(sheetXml(out)).toBe(sheetXml(merged));
  });

  it('lists as conflicts the plan cells changed since the request was made, keeping them, and merges the rest', async () => {
    // The plan edited after the requests went out: 3.4's status and commentary.
    const port = XlsxWorkbookPort.open(readFileSync(sample));
    await port.setCellValues('CIP Monitoring', [
      { row: 24, col: 8, value: { kind: 'text', text: 'Completed' } },
      { row: 24, col: 9, value: { kind: 'text', text: 'Recruitment paused.' } },
    ]);
    const edited = path.join(dir, 'edited.xlsx');
    writeFileSync(edited, port.toBytes());
    const out = path.join(dir, 'merged-conflicts.xlsx');
    const r = cli('merge', edited, reply, '--out', out, '--as-of', '2018-09-30');
    expect(r.code).toBe(1);
    expect(r.stdout.split('\n')).toEqual([
      "Merged 2 changes from 1 reply into 'CIP Monitoring'; 2 conflicts (below).",
      `  G24: action 3.4 revised date (empty) → “31/01/2019” (from '${reply}', D4)`,
      `  H49: action 6.4 status “On track” → “Completed” (from '${reply}', E8)`,
      '',
      'Conflicts (2): changed in the plan since the request was made, so left as they are:',
      `  '${reply}', cell E4: the status of action 3.4 was “On track” when the request was made and is now “Completed” in the plan (H24); the reply says “Some slippage”. The plan's value was kept.`,
      `  '${reply}', cell F4: the commentary of action 3.4 was “Post approved by Personnel Committee in September 2018; rec…” when the request was made and is now “Recruitment paused.” in the plan (I24); the reply says “=cmd|calc”. The plan's value was kept.`,
      '',
      "Added 2 rows to the audit trail (hidden sheet 'Plan Monitor Audit').",
      `Saved ${out}.`,
      '',
    ]);
    expect(await planCells(out, ['H24', 'I24', 'G24', 'H49'])).toEqual(['Completed', 'Recruitment paused.', 43496, 'Completed']);
  });

  it('refuses what it cannot place, naming the reply and the cell, and merges the rest', async () => {
    const bad = path.join(dir, 'bad-reply.xlsx');
    edit(path.join(requests, officer), bad, {
      E5: ['Nearly done', 'text'],
      D6: ['sometime', 'text'],
      E7: ['Completed', 'text'],
      G7: ['["CIP Monitoring","9.9","deadbeef",47]', 'text'],
      E9: ['Completed', 'text'],
    });
    const out = path.join(dir, 'merged-bad.xlsx');
    const r = cli('merge', sample, bad, '--out', out, '--as-of', '2018-09-30', '--json');
    expect(r.code).toBe(1);
    const j = JSON.parse(r.stdout) as { file: string; merged: { planCell: string; new: string }[]; refused: { code: string; cell: string; message: string }[] };
    expect(j.file).toBe(out);
    expect(j.merged.map((m) => [m.planCell, m.new])).toEqual([['H51', 'Completed']]);
    expect(j.refused.map((p) => [p.code, p.cell])).toEqual([
      ['unknown-status', 'E5'],
      ['unreadable-date', 'D6'],
      ['unknown-action', 'A7'],
    ]);
    expect(j.refused.map((p) => p.message)).toEqual([
      `'${bad}', cell E5: “Nearly done” is not a status of this plan; pick one of Completed, On track, Some slippage, Major slippage, Not started. Action 4.4 was not merged.`,
      `'${bad}', cell D6: "sometime" is not a date Plan Monitor can read; type a date such as 31/12/2018 or Dec 2018. Action 6.1 was not merged.`,
      `'${bad}', cell A7: action 9.9 “Implement the attendance management action plan t…” is not in 'CIP Monitoring' (removed or renumbered since the request was made?). The row was not merged.`,
    ]);
    expect(await planCells(out, ['H31', 'G46', 'H47', 'H51'])).toEqual(['on-track', null, 'On track', 'Completed']);
  });

  it('writes nothing at all when a file is not a reply, or cannot be read', () => {
    const out = path.join(dir, 'never.xlsx');
    const notReply = cli('merge', sample, reply, sample, '--out', out);
    expect(notReply.code).toBe(2);
    expect(notReply.stderr).toBe(
      `plan-monitor: Nothing was merged: 1 file is not a reply to an update request.\n'${sample}' is not a reply to a Plan Monitor update request (it has no request sheet), so nothing was merged from any reply. Check these are the files the officers sent back.\n`,
    );
    const missing = cli('merge', sample, reply, path.join(dir, 'nope.xlsx'), '--out', out);
    expect(missing).toMatchObject({ code: 2, stderr: `plan-monitor: Cannot open '${path.join(dir, 'nope.xlsx')}': no such file. Nothing was merged.\n` });
    expect(existsSync(out)).toBe(false);
  });

  it('says what it needs', () => {
    expect(cli('merge', sample, '--out', path.join(dir, 'x.xlsx'))).toMatchObject({ code: 2, stderr: expect.stringMatching(/^plan-monitor: Name the replies to merge\. Usage: plan-monitor merge FILE REPLY\.xlsx… /) });
    expect(cli('merge', sample, reply)).toMatchObject({ code: 2, stderr: 'plan-monitor: merge needs --out OUT.xlsx, or --in-place to save over the file.\n' });
    expect(cli('check', sample, reply)).toMatchObject({ code: 2, stderr: expect.stringMatching(/^plan-monitor: Unexpected argument/) });
  });
});
