/// <reference types="google-apps-script" />
// The counting proxy: what counts as a call, realms, and how fake objects print (service-proxy.ts).
import * as vm from 'node:vm';
import { describe, expect, it } from 'vitest';
import { type FakeCell, createFakeAppsScript } from './fake-apps-script';
import { fake, planRows, PROTECTED } from './test-fixture';

describe('call counting', () => {
  it('counts every method call on every service object, by Class.method', () => {
    const { f } = fake();
    const values = f.globals.SpreadsheetApp.getActiveSpreadsheet().getSheetByName('Plan')?.getDataRange().getValues();
    expect(values).toHaveLength(3);
    expect(Object.fromEntries(f.calls)).toEqual({ 'SpreadsheetApp.getActiveSpreadsheet': 1, 'Spreadsheet.getSheetByName': 1, 'Sheet.getDataRange': 1, 'Range.getValues': 1 });
    expect(f.totalCalls()).toBe(4);
    expect(f.callLog).toEqual(['SpreadsheetApp.getActiveSpreadsheet', 'Spreadsheet.getSheetByName', 'Sheet.getDataRange', 'Range.getValues']);
  });

  it('does not count enum reads or the objects handed back, and resets', () => {
    const { f, app, sheet } = fake();
    const s = sheet('Plan');
    f.resetCalls();
    void app.ProtectionType.SHEET;
    void app.getUi; // reading a method is not calling it
    expect(f.totalCalls()).toBe(0);
    s.getProtections(app.ProtectionType.SHEET);
    expect(f.totalCalls()).toBe(1);
    f.resetCalls();
    expect(f.totalCalls()).toBe(0);
    expect(f.calls.size).toBe(0);
  });

  it('costs the same for a 10,000-row sheet as for a 10-row one', () => {
    const cost = (rows: number) => {
      const data: FakeCell[][] = Array.from({ length: rows }, (_, i) => [`${i + 1}`, 'Action', 'Green']);
      const f = createFakeAppsScript({ sheets: [{ name: 'Plan', rows: data }] });
      const sheet = f.globals.SpreadsheetApp.getActiveSpreadsheet().getSheetByName('Plan') as GoogleAppsScript.Spreadsheet.Sheet;
      const range = sheet.getRange(1, 3, rows, 1);
      range.setBackgrounds(range.getBackgrounds().map(() => ['#cfe4dc']));
      expect(sheet.getDataRange().getValues()).toHaveLength(rows);
      return f.totalCalls();
    };
    expect(cost(10_000)).toBe(cost(10));
  });

  it('counts calls to methods the fake does not implement, then throws a clear error', () => {
    const { f, sheet } = fake();
    const r = sheet('Plan').getRange('A1') as unknown as { getNotes(): unknown };
    expect(() => r.getNotes()).toThrow('Fake SpreadsheetApp: Range.getNotes not implemented');
    expect(f.calls.get('Range.getNotes')).toBe(1);
  });
});

describe('in a vm context with only these globals', () => {
  it("gives the script its own realm's Date, Array and Error", () => {
    const f = createFakeAppsScript({ sheets: [{ name: 'Plan', rows: planRows, protected: true }] });
    const ctx = vm.createContext(f.globals);
    const out = vm.runInContext(
      `var v = SpreadsheetApp.getActiveSheet().getDataRange().getValues();
       var caught;
       try { SpreadsheetApp.getActiveSheet().getRange('A1').setValue(new Date(2020, 0, 1)); } catch (e) { caught = e; }
       ({ isArray: v instanceof Array, isDate: v[1][3] instanceof Date, day: Utilities.formatDate(v[1][3], 'Europe/London', 'yyyy-MM-dd'),
          isError: caught instanceof Error, name: caught.name, message: caught.message })`,
      ctx,
    ) as Record<string, unknown>;
    expect(out).toEqual({ isArray: true, isDate: true, day: '2018-09-30', isError: true, name: 'Exception', message: PROTECTED });
  });
});

describe('set-up warnings', () => {
  it('prints and stringifies fake objects as {} (no internals)', () => {
    const { sheet } = fake();
    expect(JSON.stringify(sheet('Plan').getRange('A1'))).toBe('{}');
    expect(String(sheet('Plan'))).toBe('Sheet');
  });
});
