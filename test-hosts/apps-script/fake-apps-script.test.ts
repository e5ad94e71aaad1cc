// The entry point: the globals in a vm context, and installInto (fake-apps-script.ts).
import * as vm from 'node:vm';
import { describe, expect, it } from 'vitest';
import { createFakeAppsScript } from './fake-apps-script';
import { planRows } from './test-fixture';

describe('in a vm context with only these globals', () => {
  it('runs onOpen from a script string and the menu appears', () => {
    const f = createFakeAppsScript({ sheets: [{ name: 'Plan' }] });
    const ctx = vm.createContext(f.globals);
    vm.runInContext('function onOpen(){ SpreadsheetApp.getUi().createAddonMenu().addItem("Check plan","checkPlan").addToUi(); } onOpen();', ctx);
    expect(f.ui.menus).toEqual([{ name: 'Untitled project', addon: true, items: [{ caption: 'Check plan', functionName: 'checkPlan' }], entries: [{ kind: 'item', caption: 'Check plan', functionName: 'checkPlan' }] }]);
    expect(Object.fromEntries(f.calls)).toEqual({ 'SpreadsheetApp.getUi': 1, 'Ui.createAddonMenu': 1, 'Menu.addItem': 1, 'Menu.addToUi': 1 });
  });

  it('installInto copies the globals onto another object and uses its realm once it is a context', () => {
    const f = createFakeAppsScript({ sheets: [{ name: 'Plan', rows: planRows }] });
    const sandbox: Record<string, unknown> = { marker: 1 };
    f.installInto(sandbox);
    const ctx = vm.createContext(sandbox);
    expect(vm.runInContext('SpreadsheetApp.getActiveSheet().getRange("D2").getValue() instanceof Date', ctx)).toBe(true);
  });
});
