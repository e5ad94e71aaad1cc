// The request workbook built from nothing: what it holds, that it reads back as the form, and that
// openpyxl and LibreOffice open it with its list, its protection and only the inputs unlocked.
import { spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { strFromU8, unzipSync } from 'fflate';
import { beforeAll, describe, expect, it } from 'vitest';
import { updateRequests } from '../../shared/requests/update-request';
import { formWorkbook } from '../../src/xlsx/new-workbook/form-workbook';
import { XlsxWorkbookPort } from '../../src/xlsx/xlsx-port';
import { ensureDebianPython } from '../helpers/python';
import { convertWithSoffice, findSoffice } from '../helpers/soffice';
import { tempDir } from '../helpers/xlsx';
import { row } from '../helpers/rule-tester';
import { formGrid, planRun } from './helpers';

const plan = planRun([
  row({ ref: '1.1', commentary: '=HYPERLINK("http://x")', revised: 'Nov 2018' }),
  row({ ref: '1.2', action: 'Publish the <workforce> & "skills" strategy', status: 'Some slippage', revised: 43434, target: 'Dec 2018' }),
  row({ ref: '1.3', action: 'Review the scheme', status: 'Not started', target: 'Q3 2018/19', commentary: ' spaced ' }),
]);
const request = updateRequests(plan)[0];
if (!request) throw new Error('no request');
const bytes = formWorkbook(request.form);

interface Dump {
  sheets: string[];
  title: string;
  protected: boolean;
  password: string | null;
  validations: [string, string, string][];
  hidden: string[];
  cells: Record<string, [unknown, string, boolean, string]>;
}

function openpyxlDump(files: string[]): Dump[] {
  const python = ensureDebianPython(['openpyxl']);
  const r = spawnSync(python, [path.join(__dirname, 'dump-openpyxl.py'), ...files], { encoding: 'utf8', timeout: 60_000 });
  if (r.status !== 0) throw new Error(`dump-openpyxl.py failed: ${r.stderr}`);
  return JSON.parse(r.stdout) as Dump[];
}

describe('the request workbook', () => {
  const parts = unzipSync(bytes);
  const sheet = strFromU8(parts['xl/worksheets/sheet1.xml'] as Uint8Array);

  it('has the fewest parts: content types, relationships, workbook, one worksheet, styles', () => {
    expect(Object.keys(parts).sort()).toEqual(['[Content_Types].xml', '_rels/.rels', 'xl/_rels/workbook.xml.rels', 'xl/styles.xml', 'xl/workbook.xml', 'xl/worksheets/sheet1.xml']);
  });

  it('holds text only as inline strings, never a formula, and is protected without a password', () => {
    expect(sheet).not.toMatch(/<f[ >]|t="s"|t="str"/);
    expect(sheet).toContain('<c r="F4" s="7" t="inlineStr"><is><t>=HYPERLINK("http://x")</t></is></c>');
    expect(sheet).toContain('<t>Publish the &lt;workforce&gt; &amp; "skills" strategy</t>');
    expect(sheet).toContain('<t xml:space="preserve"> spaced </t>');
    expect(sheet).toMatch(/<sheetProtection sheet="1" [^>]*\/>/);
    expect(sheet).not.toMatch(/password/i);
    expect(sheet).toContain('<dataValidation type="list" allowBlank="1" showInputMessage="1" showErrorMessage="1" errorTitle="Not in the list" error="Pick one from the list." sqref="E4:E6"><formula1>"Completed,On track,Some slippage,Major slippage,Not started"</formula1></dataValidation>');
  });

  it('reads back as the form it was made from: what a merge reads from a reply left untouched', async () => {
    const read = await XlsxWorkbookPort.open(bytes).readWorkbook();
    const grid = read.sheets[0]?.grid;
    const want = formGrid(request.form);
    const trimmed = (rows: unknown[][]) => rows.map((r) => r.map((v) => v ?? null)).map((r) => { while (r.length > 0 && r[r.length - 1] === null) r.pop(); return r; });
    expect(trimmed(grid?.values ?? [])).toEqual(trimmed(want.values));
    expect(grid?.datePrecision?.[4]?.[2]).toBe('month');
    expect(grid?.dates?.[4]?.slice(0, 4)).toEqual([undefined, undefined, true, true]);
  });

  it('is the same bytes every time', () => {
    expect(Buffer.from(formWorkbook(request.form)).equals(Buffer.from(bytes))).toBe(true);
  });

  it('takes a list whose labels hold a comma from a hidden column', () => {
    const custom = planRun([row({ ref: '1.1', status: 'Late, but agreed' })], { customStatuses: [{ label: 'Done', rag: 'blue', complete: true }, { label: 'Late, but agreed', rag: 'amber', slipped: true }] });
    const form = updateRequests(custom)[0]?.form;
    const xml = strFromU8(unzipSync(formWorkbook(form as never))['xl/worksheets/sheet1.xml'] as Uint8Array);
    expect(xml).toContain('<formula1>$K$1:$K$2</formula1>');
    expect(xml).toContain('<c r="K2" s="10" t="inlineStr"><is><t>Late, but agreed</t></is></c>');
    expect(xml).toContain('<col min="11" max="11" width="20" customWidth="1" hidden="1"/>');
  });
});

describe('the request workbook in other spreadsheets', () => {
  let dir: string;
  let file: string;
  beforeAll(() => {
    dir = tempDir();
    file = path.join(dir, request.file);
    writeFileSync(file, bytes);
  });

  it('opens in openpyxl with its list, its protection, hidden columns, dates as dates and only the three fields unlocked', () => {
    const [d] = openpyxlDump([file]);
    expect(d).toMatchObject({ sheets: ['Update request'], protected: true, password: null, hidden: ['G', 'H', 'I', 'J'] });
    expect(d?.validations).toEqual([['list', '"Completed,On track,Some slippage,Major slippage,Not started"', 'E4:E6']]);
    const unlocked = Object.entries(d?.cells ?? {}).filter(([, c]) => !c[2]).map(([k]) => k).sort();
    expect(unlocked).toEqual(['D4', 'D5', 'D6', 'E4', 'E5', 'E6', 'F4', 'F5', 'F6']);
    expect(d?.cells.C4).toEqual(['2018-12-31T00:00:00', 'dd/mm/yyyy', true, 'd']);
    expect(d?.cells.C5).toEqual(['2018-12-01T00:00:00', 'mmm yyyy', true, 'd']);
    expect(d?.cells.D5).toEqual(['2018-11-30T00:00:00', 'dd/mm/yyyy', false, 'd']);
    expect(d?.cells.D4).toEqual(['Nov 2018', 'dd/mm/yyyy', false, 's']);
    expect(d?.cells.F4).toEqual(['=HYPERLINK("http://x")', '@', false, 's']);
    expect(d?.cells.A1?.[0]).toBe('Update request for Chief Executive: please reply by 30/09/2018');
  });

  it('opens in LibreOffice', () => {
    const r = convertWithSoffice(findSoffice(), 'csv', [file], dir, 120_000);
    expect(r.status).toBe(0);
    const csv = readFileSync(path.join(dir, request.file.replace(/\.xlsx$/, '.csv')), 'utf8').split('\n');
    expect(csv[0]).toBe('Update request for Chief Executive: please reply by 30/09/2018,,,,,,plan-monitor:request:v1,,,');
    expect(csv[2]).toBe('Ref,Action,Target date,Revised date,Status,Commentary,Identity,Status as sent,Revised date as sent,Commentary as sent');
    expect(csv[3]).toMatch(/^1\.1,Agree the partnership vision,[^,]+,Nov 2018,On track,"=HYPERLINK\(""http:\/\/x""\)",/);
  });
});
