/**
 * The same workbook gives the same answer from every entry point: with an as-of date saved in the
 * settings and today long after it, the task pane (and sidebar and preview, which share its
 * controller), the ribbon, the Sheets menu and the CLI all report as of the saved date.
 */
import { spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import vm from 'node:vm';
import { describe, expect, it } from 'vitest';
import { dayFromIso } from '../../shared/dates/day';
import { settingsSheetName, settingsSheetRows } from '../../shared/settings/settings-sheet';
import { runCommand } from '../../src/excel/ribbon-dialog';
import { ExcelWorkbookPort } from '../../src/excel/excel-port';
import { PanelController } from '../../src/ui/panel-controller';
import { XlsxWorkbookPort } from '../../src/xlsx/xlsx-port';
import { sampleSetup } from '../contract/adapter-contract';
import { excelFactory, memoryFactory } from '../contract/adapters';
import { excelClientForSuite } from '../excel/excel-fixture';
import { tempDir } from '../helpers/xlsx';
import { fakeSpreadsheet } from '../sheets/sheets-fixture';

const root = path.resolve(__dirname, '../..');
const later = () => dayFromIso('2026-12-01') ?? 0;
const withSavedAsOf = () => [...sampleSetup(), { name: settingsSheetName, rows: settingsSheetRows({ asOf: '2018-09-30' }) }];
const expected = "'CIP Monitoring' as of 30/09/2018: 62 actions, 0 errors, 4 warnings, 1 overdue.";

const client = excelClientForSuite();

describe('the as-of date saved in the settings, from every entry point', () => {
  it('the panel (task pane, sidebar, preview) with no date picked', async () => {
    const { port } = await memoryFactory(withSavedAsOf());
    const out = await new PanelController(port, later).check(null);
    if (!out.ok) throw new Error(out.message);
    expect(out.value.headline).toBe(expected);
    expect(out.value.asOf).toBe('2018-09-30');
    expect(out.value.notes[0]).toBe('As of 30/09/2018, the date saved in the settings.');
    // A date the user picks still wins.
    const picked = await new PanelController(port, later).check('2018-06-30');
    expect(picked.ok && picked.value.asOf).toBe('2018-06-30');
  });

  it('the Excel ribbon’s Check plan', async () => {
    await excelFactory(client)(withSavedAsOf());
    const report = await runCommand('checkPlan', new PanelController(new ExcelWorkbookPort(), later));
    expect(report.failed).toBe(false);
    expect(report.message.startsWith(expected)).toBe(true);
  });

  it('the Google Sheets menu’s Check plan', () => {
    const fake = fakeSpreadsheet(withSavedAsOf());
    const context = vm.createContext({ ...fake.globals });
    vm.runInContext(readFileSync(path.join(root, 'dist/gas/Code.js'), 'utf8'), context);
    vm.runInContext('pmCheckPlan()', context);
    expect(fake.ui.toasts.at(-1)?.message.startsWith(expected)).toBe(true);
    // The officer is told the date is the saved one, not today.
    expect(fake.ui.toasts.at(-1)?.message).toContain('As of 30/09/2018, the date saved in the settings.');
  });

  it('the CLI’s check', async () => {
    const port = XlsxWorkbookPort.open(readFileSync(path.join(root, 'samples/cip-monitoring-sept-2018.xlsx')));
    await port.writeHiddenSheet(settingsSheetName, settingsSheetRows({ asOf: '2018-09-30' }));
    const file = path.join(tempDir(), 'saved-as-of.xlsx');
    writeFileSync(file, port.toBytes());
    const r = spawnSync(process.execPath, [path.join(root, 'bin/plan-monitor.cjs'), 'check', file], { encoding: 'utf8' });
    expect(r.stdout.split('\n').slice(0, 2)).toEqual([`Checked ${expected}`, 'As of 30/09/2018, the date saved in the settings.']);
    const j = JSON.parse(spawnSync(process.execPath, [path.join(root, 'bin/plan-monitor.cjs'), 'check', file, '--json'], { encoding: 'utf8' }).stdout) as { asOf: string; asOfSource: string; overdue: unknown[] };
    expect([j.asOf, j.asOfSource, j.overdue.length]).toEqual(['2018-09-30', 'settings', 1]);
    // Asked for on the command line, the date is not attributed to the settings.
    const asked = spawnSync(process.execPath, [path.join(root, 'bin/plan-monitor.cjs'), 'check', file, '--as-of', '30/09/2018'], { encoding: 'utf8' });
    expect(asked.stdout).not.toContain('the date saved in the settings');
  });
});
