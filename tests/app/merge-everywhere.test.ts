/**
 * The same reply merged from every entry point gives the same plan and says the same thing: the
 * task pane and the preview (the reply's bytes opened with the CLI's .xlsx reader and its portable
 * codec, as a browser does with a picked file), the Sheets sidebar (ScriptRunPort over
 * google.script.run into the built Code.js) say what plan-monitor merge says, and leave the same cells
 * and audit rows.
 */
import { spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import vm from 'node:vm';
import { beforeAll, describe, expect, it } from 'vitest';
import { fixedClock } from '../../shared/app/clock';
import { mergedMessage } from '../../shared/app/messages';
import { mergeReplyFiles, type MergePort, type ReplyWorkbook } from '../../shared/app/use-cases';
import { auditMarker, readAuditSheet } from '../../shared/audit/audit-trail';
import { dayFromIso } from '../../shared/dates/day';
import type { CellValue } from '../../shared/grid/grid';
import type { FormCell, FormSheet } from '../../shared/requests/form-sheet';
import { updateRequests } from '../../shared/requests/update-request';
import { prepareRun } from '../../shared/run/prepare-run';
import { firstCell, type WorkbookPort, type WorkbookSnapshot } from '../../shared/workbook/workbook';
import { ExcelWorkbookPort } from '../../src/excel/excel-port';
import { ScriptRunPort, type ScriptRun } from '../../src/sheets/script-run-port';
import { formWorkbook } from '../../src/xlsx/new-workbook/form-workbook';
import { XlsxWorkbookPort } from '../../src/xlsx/xlsx-port';
import { portableCodec } from '../../src/xlsx/zip/codec';
import { sampleSetup } from '../contract/adapter-contract';
import { excelFactory, memoryFactory } from '../contract/adapters';
import { excelClientForSuite } from '../excel/excel-fixture';
import { tempDir } from '../helpers/xlsx';
import { fakeSpreadsheet } from '../sheets/sheets-fixture';

const root = path.resolve(__dirname, '../..');
const sample = path.join(root, 'samples/cip-monitoring-sept-2018.xlsx');
const asOf = dayFromIso('2018-09-30') ?? 0;
const clock = fixedClock(asOf, '2018-10-05T10:00:00');
const client = excelClientForSuite();

/** The officer's answers, typed into the request form: 3.4's three fields (row 4) and 6.4's status (row 8). */
const answers: Record<string, FormCell['value']> = {
  E4: { kind: 'text', text: 'Some slippage' },
  D4: { kind: 'date', serial: 43496, shows: 'day' },
  F4: { kind: 'text', text: '=cmd|calc' },
  E8: { kind: 'text', text: 'Completed' },
};

function answered(form: FormSheet): FormSheet {
  const rows = form.rows.map((r) => [...r]);
  for (const [addr, value] of Object.entries(answers)) {
    const row = rows[Number(addr.slice(1)) - 1] as (FormCell | null | undefined)[];
    const col = addr.charCodeAt(0) - 65;
    row[col] = { role: row[col]?.role ?? 'input-text', value };
  }
  return { ...form, rows };
}

let replyFile: string;
let replyBytes: Uint8Array;

beforeAll(async () => {
  const { port } = await memoryFactory(sampleSetup());
  const run = prepareRun(await port.readWorkbook(), { asOf, today: asOf });
  if (!run.ok) throw new Error(run.message);
  const request = updateRequests(run).find((r) => r.officer === 'Director of HR and OD');
  if (!request) throw new Error('no request');
  replyBytes = formWorkbook(answered(request.form), portableCodec);
  replyFile = path.join(tempDir(), request.file);
  writeFileSync(replyFile, replyBytes);
});

/** The reply as a browser reads a picked file: its bytes through the .xlsx reader with the portable codec. */
async function picked(): Promise<ReplyWorkbook> {
  return { name: replyFile, workbook: await XlsxWorkbookPort.open(replyBytes, { codec: portableCodec }).readWorkbook() };
}

/** What a merge left: the plan's cells the reply touches, and the audit rows but their time. */
function outcome(book: WorkbookSnapshot): { cells: CellValue[]; audit: string[][] } {
  const g = book.sheets[0]?.grid;
  const cells = [[24, 7], [24, 8], [24, 9], [49, 8]].map(([r, c]) => g?.values[(r as number) - 1]?.[(c as number) - 1] ?? null);
  const audit = readAuditSheet(book.sheets.find((s) => firstCell(s) === auditMarker)?.grid ?? null).map((e) => [e.ref ?? '', e.field, e.old, e.new, e.source]);
  return { cells, audit };
}

async function mergeThrough(port: WorkbookPort): Promise<{ lines: string[]; after: ReturnType<typeof outcome> }> {
  const out = await mergeReplyFiles(port as MergePort, clock, [await picked()], { asOf });
  if (!out.ok) throw new Error(out.problem.code);
  return { lines: mergedMessage(out.value.result), after: outcome(await port.readWorkbook()) };
}

/** google.script.run over the built Code.js: each call answers later, with arguments and result copied as plain data. */
function scriptRun(context: vm.Context): () => ScriptRun {
  const copy = (v: unknown): unknown => (v === undefined ? null : JSON.parse(JSON.stringify(v)));
  return () => {
    let ok: (v: unknown) => void = () => undefined;
    let fail: (e: Error) => void = () => undefined;
    const runner: ScriptRun = {
      withSuccessHandler: (fn) => ((ok = fn), runner),
      withFailureHandler: (fn) => ((fail = fn), runner),
    };
    for (const name of ['pmReadWorkbook', 'pmFormulaCells', 'pmSetCellValues', 'pmWriteHiddenSheet'])
      runner[name] = (...args: unknown[]) =>
        setTimeout(() => {
          try {
            ok(copy((context[name] as (...a: unknown[]) => unknown)(...(copy(args) as unknown[]))));
          } catch (e) {
            fail(new Error(String((e as Error).message)));
          }
        });
    return runner;
  };
}

/** What plan-monitor merge printed of the same reply on the same plan, but its last line (where it saved). */
let cliLines: string[];
let cliOut: string;

beforeAll(() => {
  cliOut = path.join(tempDir(), 'merged.xlsx');
  const r = spawnSync(process.execPath, [path.join(root, 'bin/plan-monitor.cjs'), 'merge', sample, replyFile, '--out', cliOut, '--as-of', '2018-09-30'], { encoding: 'utf8' });
  if (r.status !== 0) throw new Error(r.stderr);
  cliLines = r.stdout.split('\n').slice(0, -2);
});
const expectedLines = () => cliLines;

const expectedAfter = () => ({
  cells: [43496, 'Some slippage', '=cmd|calc', 'Completed'],
  audit: [
    ['3.4', 'status', 'On track', 'Some slippage', `merge of reply '${path.basename(replyFile)}'`],
    ['3.4', 'revised date', '', '31/01/2019', `merge of reply '${path.basename(replyFile)}'`],
    ['3.4', 'commentary', 'Post approved by Personnel Committee in September 2018; recruitment is under way with interviews planned for November.', '=cmd|calc', `merge of reply '${path.basename(replyFile)}'`],
    ['6.4', 'status', 'On track', 'Completed', `merge of reply '${path.basename(replyFile)}'`],
  ],
});

describe('a reply merged from every entry point', () => {
  it('the preview (the in-memory workbook)', async () => {
    const { port } = await memoryFactory(sampleSetup());
    expect(await mergeThrough(port)).toEqual({ lines: expectedLines(), after: expectedAfter() });
  });

  it('the Excel task pane', async () => {
    await excelFactory(client)(sampleSetup());
    expect(await mergeThrough(new ExcelWorkbookPort())).toEqual({ lines: expectedLines(), after: expectedAfter() });
  });

  it('the Sheets sidebar, through google.script.run into the built Code.js', async () => {
    const fake = fakeSpreadsheet(sampleSetup());
    const context = vm.createContext({ ...fake.globals });
    vm.runInContext(readFileSync(path.join(root, 'dist/gas/Code.js'), 'utf8'), context);
    expect(await mergeThrough(new ScriptRunPort(scriptRun(context)))).toEqual({ lines: expectedLines(), after: expectedAfter() });
    expect(fake.book.sheet('CIP Monitoring').cell('I24')?.formula).toBeNull();
  });

  it('plan-monitor merge', async () => {
    expect(cliLines[0]).toBe("Merged 4 changes from 1 reply into 'CIP Monitoring'.");
    expect(cliLines).toHaveLength(7);
    expect(outcome(await XlsxWorkbookPort.open(readFileSync(cliOut)).readWorkbook())).toEqual(expectedAfter());
  });
});
