/**
 * The built dist/gas/Code.js, loaded in a Node vm context with only the fake Apps Script globals:
 * the menu, each handler on the sample plan, and parity with the CLI on the same plan.
 */
import { spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import vm from 'node:vm';
import ExcelJS from 'exceljs';
import { beforeAll, describe, expect, it } from 'vitest';
import { settingsSheetName, settingsSheetRows } from '../../shared/settings/settings-sheet';
import { XlsxWorkbookPort } from '../../src/xlsx/xlsx-port';
import { sampleSetup } from '../contract/adapter-contract';
import { tempDir } from '../helpers/xlsx';
import { cellAddress } from '../../shared/grid/a1';
import { defaultPalette } from '../../shared/rag/palette';
import { fakeSpreadsheet } from './sheets-fixture';
import type { FakeAppsScript } from '../../test-hosts/apps-script/fake-apps-script';

const root = path.resolve(__dirname, '../..');
let code = '';
let sidebar = '';

beforeAll(() => {
  const built = spawnSync(process.execPath, ['scripts/build.mjs'], { cwd: root, encoding: 'utf8' });
  if (built.status !== 0) throw new Error(built.stderr);
  code = readFileSync(path.join(root, 'dist/gas/Code.js'), 'utf8');
  sidebar = readFileSync(path.join(root, 'dist/gas/Sidebar.html'), 'utf8');
});

/** The sample plan in a fake spreadsheet, with settings fixing the as-of date so results are comparable. */
function loaded(): { fake: FakeAppsScript; context: vm.Context } {
  const fake = fakeSpreadsheet([...sampleSetup(), { name: settingsSheetName, rows: settingsSheetRows({ asOf: '2018-09-30' }) }]);
  const context = vm.createContext({ ...fake.globals });
  vm.runInContext(code, context, { filename: 'Code.js' });
  return { fake, context };
}

function call(context: vm.Context, name: string): unknown {
  return vm.runInContext(`${name}()`, context);
}

describe('dist/gas/Code.js in Apps Script’s shape', () => {
  it('starts with @OnlyCurrentDoc and defines every handler at the top level', () => {
    expect(code.startsWith('/** @OnlyCurrentDoc */')).toBe(true);
    const { context } = loaded();
    for (const name of ['onOpen', 'onInstall', 'pmCheckPlan', 'pmApplyColours', 'pmBuildSummary', 'pmRecordPeriod', 'pmOpenSidebar', 'pmOpenSettings', 'pmReadWorkbook', 'pmApplyEditPlan', 'pmWriteHiddenSheet', 'pmSelectCell', 'pmSetCellValues', 'pmFormulaCells', 'pmPanelScript']) {
      expect(vm.runInContext(`typeof ${name}`, context), name).toBe('function');
    }
  });

  it('onOpen builds the Plan Monitor menu, each item naming a top-level function', () => {
    const { fake, context } = loaded();
    call(context, 'onOpen');
    const items = fake.ui.menus.flatMap((m) => m.items);
    expect(items.map((i) => [i.caption, i.functionName])).toEqual([
      ['Check plan', 'pmCheckPlan'],
      ['Apply RAG colours', 'pmApplyColours'],
      ['Build summary', 'pmBuildSummary'],
      ['Record period…', 'pmRecordPeriod'],
      ['Open sidebar', 'pmOpenSidebar'],
      ['Settings', 'pmOpenSettings'],
    ]);
    for (const i of items) expect(vm.runInContext(`typeof ${i.functionName}`, context)).toBe('function');
  });

  it('Check plan reports the counts and how to see the problems, in a toast', () => {
    const { fake, context } = loaded();
    call(context, 'pmCheckPlan');
    expect(fake.ui.alerts).toEqual([]);
    expect(fake.ui.toasts.map((t) => t.message)).toEqual([
      "'CIP Monitoring' as of 30/09/2018: 62 actions, 0 errors, 4 warnings, 1 overdue. Open the sidebar (Extensions › Plan Monitor › Open sidebar) to see each one with its cell. As of 30/09/2018, the date saved in the settings.",
    ]);
  });

  it('Check plan points to the sidebar for notes, such as a filter being on', () => {
    const [plan, ...rest] = sampleSetup();
    if (!plan) throw new Error('no sample');
    const fake = fakeSpreadsheet([{ ...plan, filteredRows: [16] }, ...rest, { name: settingsSheetName, rows: settingsSheetRows({ asOf: '2018-09-30' }) }]);
    const context = vm.createContext({ ...fake.globals });
    vm.runInContext(code, context, { filename: 'Code.js' });
    call(context, 'pmCheckPlan');
    expect(fake.ui.toasts.map((t) => t.message)).toEqual([expect.stringMatching(/to see each one with its cell\. As of 30\/09\/2018, the date saved in the settings\. The sidebar has a note on how the plan was read\.$/)]);
  });

  it('a menu action that fails says why in an alert, never only in the log', () => {
    const fake = fakeSpreadsheet([{ name: 'Notes', rows: [['Just notes']] }]);
    const context = vm.createContext({ ...fake.globals });
    vm.runInContext(code, context);
    call(context, 'pmApplyColours');
    expect(fake.ui.alerts.map((a) => a.prompt)).toEqual([expect.stringContaining('No sheet in this workbook looks like a monitoring sheet.')]);
  });

  it('Open sidebar and Settings show the sidebar, the latter opening on settings', () => {
    const fake = fakeSpreadsheet(sampleSetup(), { Sidebar: sidebar });
    const context = vm.createContext({ ...fake.globals });
    vm.runInContext(code, context);
    call(context, 'pmOpenSidebar');
    call(context, 'pmOpenSettings');
    expect(fake.ui.sidebars.map((s) => s.title)).toEqual(['Plan Monitor', 'Plan Monitor']);
    expect(fake.ui.sidebars[0]?.html).toContain('data-start="panel"');
    expect(fake.ui.sidebars[1]?.html).toContain('data-start="settings"');
  });

  it('Record period asks for a name, records it in the hidden history sheet, and asks before replacing it', () => {
    const fake = fakeSpreadsheet(sampleSetup(), {}, {
      promptResponses: [
        { button: 'OK', text: 'Sept 2018' },
        { button: 'OK', text: 'sept 2018' },
      ],
      alertResponses: ['NO'],
    });
    const context = vm.createContext({ ...fake.globals });
    vm.runInContext(code, context);
    call(context, 'pmRecordPeriod');
    expect(fake.book.sheet('Plan Monitor History').hidden).toBe(true);
    // The same words as the panel's (shared/app/messages), as of today: no date is saved in the settings.
    expect(fake.ui.toasts.at(-1)?.message).toMatch(/^Recorded “Sept 2018”: 62 actions as of \d\d\/\d\d\/\d{4}, kept in the hidden sheet 'Plan Monitor History'\. The summary now compares with it\.$/);
    const before = JSON.stringify(fake.snapshot());
    call(context, 'pmRecordPeriod');
    expect(fake.ui.alerts.at(-1)?.prompt).toMatch(/^A period called “Sept 2018” is already recorded \(as of \d\d\/\d\d\/\d{4}\)\. Replace it with the plan as it stands now\?$/);
    expect(fake.ui.toasts.at(-1)?.message).toBe('Kept the period already recorded. Nothing was changed.');
    expect(JSON.stringify(fake.snapshot())).toBe(before);
  });

  it('pmPanelScript hands the sidebar an on-demand script as one <script> include, and only those it has', () => {
    const read = (name: string) => readFileSync(path.join(root, `dist/gas/${name}.html`), 'utf8');
    const files = { ReportTools: read('ReportTools'), FileTools: read('FileTools'), Sidebar: sidebar };
    const fake = fakeSpreadsheet(sampleSetup(), files);
    const context = vm.createContext({ ...fake.globals });
    vm.runInContext(code, context);
    for (const [name, global, marker] of [['ReportTools', 'PlanMonitorReport', 'wordprocessingml.document.main'], ['FileTools', 'PlanMonitorFiles', 'sharedStrings']] as const) {
      const include = vm.runInContext(`pmPanelScript(${JSON.stringify(name)})`, context) as string;
      expect(include).toBe(files[name]);
      // One script element, with nothing inside that could end it early, and no remote source.
      expect(include.match(/<script>/g)).toHaveLength(1);
      expect(include.match(/<\/script>/gi)).toHaveLength(1);
      expect(include.trimEnd().endsWith('</script>')).toBe(true);
      expect(include).toContain(global);
      // Not in the sidebar's own page: it loads only when first asked for.
      expect(include).toContain(marker);
      expect(sidebar).not.toContain(marker);
    }
    // Any other file (the sidebar itself, a guess) is refused.
    expect(() => vm.runInContext(`pmPanelScript('Sidebar')`, context)).toThrow("Plan Monitor has no panel script called 'Sidebar'.");
  });

  it('the sidebar page is self-contained: no remote script, the panel inline', () => {
    expect(sidebar).not.toMatch(/<script[^>]+src=/i);
    expect(sidebar).not.toMatch(/<link[^>]+href=["']https?:/i);
    expect(sidebar).toContain('data-start="panel"');
    expect(sidebar).toContain('.pm-panel');
  });

  it('gives the same colours and summary as the CLI on the same plan', async () => {
    const { fake, context } = loaded();
    call(context, 'pmApplyColours');
    call(context, 'pmBuildSummary');

    // The CLI on the same workbook, with the same settings sheet.
    const dir = tempDir();
    const input = path.join(dir, 'plan.xlsx');
    const output = path.join(dir, 'applied.xlsx');
    const port = XlsxWorkbookPort.open(readFileSync(path.join(root, 'samples/cip-monitoring-sept-2018.xlsx')));
    await port.writeHiddenSheet(settingsSheetName, settingsSheetRows({ asOf: '2018-09-30' }));
    writeFileSync(input, port.toBytes());
    const cli = spawnSync(process.execPath, [path.join(root, 'bin/plan-monitor.cjs'), 'apply', input, '--out', output], { encoding: 'utf8' });
    expect(cli.stderr).toBe('');
    const out = new ExcelJS.Workbook();
    await out.xlsx.readFile(output);

    const plan = out.getWorksheet('CIP Monitoring');
    const sheetsPlan = fake.book.sheet('CIP Monitoring');
    // The tool's colours are the palette's; the sample workbook's own theme-row fills are not the tool's.
    const paletteFills = new Set(Object.values(defaultPalette).map((p) => p.fill.toLowerCase()));
    let coloured = 0;
    for (let row = 5; row <= 80; row++) {
      const cell = plan?.getCell(`H${row}`);
      const cliFill = cell?.fill?.type === 'pattern' && cell.fill.pattern === 'solid' ? `#${cell.fill.fgColor?.argb?.slice(2) ?? ''}`.toLowerCase() : null;
      const toolFill = cliFill !== null && paletteFills.has(cliFill) ? cliFill : null;
      if (toolFill) coloured++;
      expect(sheetsPlan.cell(`H${row}`)?.background ?? null, `H${row}`).toBe(toolFill);
    }
    expect(coloured).toBe(62);

    const cliSummary = out.getWorksheet('Plan Summary');
    const gasSummary = fake.book.sheet('Plan Summary');
    let compared = 0;
    cliSummary?.eachRow({ includeEmpty: false }, (row, r) =>
      row.eachCell({ includeEmpty: false }, (cell, c) => {
        const addr = cellAddress(r, c);
        expect(gasSummary.cell(addr)?.value, addr).toEqual(cell.value);
        compared++;
      }),
    );
    expect(compared).toBeGreaterThan(200);
    expect([...gasSummary.cells.values()].filter((c) => c.value !== null && c.value !== '').length).toBe(compared);
  });
});
