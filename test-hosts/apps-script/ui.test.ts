// Ui: menus, alerts and toasts (ui.ts).
import { describe, expect, it } from 'vitest';
import { fake } from './test-fixture';

describe('Ui, HtmlService', () => {
  it('records menus built with createAddonMenu and createMenu', () => {
    const { f, app } = fake({ scriptName: 'Plan Monitor' });
    const ui = app.getUi();
    ui.createAddonMenu().addItem('Check plan', 'pmCheckPlan').addSeparator().addItem('Open sidebar', 'pmOpenSidebar').addToUi();
    ui.createMenu('Tools').addSubMenu(ui.createMenu('More').addItem('Go', 'go')).addToUi();
    expect(f.ui.menus).toHaveLength(2);
    expect(f.ui.menus[0]).toMatchObject({ name: 'Plan Monitor', addon: true, items: [{ caption: 'Check plan', functionName: 'pmCheckPlan' }, { caption: 'Open sidebar', functionName: 'pmOpenSidebar' }] });
    expect(f.ui.menus[0]?.entries[1]).toEqual({ kind: 'separator' });
    expect(f.ui.menus[1]?.entries[0]).toMatchObject({ kind: 'subMenu', menu: { name: 'More', items: [{ caption: 'Go', functionName: 'go' }] } });
  });

  it('records alerts and toasts; alert answers with the OK button (or the queued one)', () => {
    const { f, app, ss } = fake({ alertResponses: ['NO'] });
    const ui = app.getUi();
    expect(ui.alert('Plan Monitor', 'Are you sure?', ui.ButtonSet.YES_NO)).toBe(ui.Button.NO);
    expect(ui.alert('Just so you know')).toBe(ui.Button.OK);
    expect(ui.alert('Title', 'Done', ui.ButtonSet.OK)).toBe(ui.Button.OK);
    ss.toast('3 cells coloured', 'Plan Monitor', 10);
    ss.toast('Hello');
    expect(f.ui.alerts).toEqual([
      { title: 'Plan Monitor', prompt: 'Are you sure?', buttons: 'YES_NO', response: 'NO' },
      { title: '', prompt: 'Just so you know', buttons: 'OK', response: 'OK' },
      { title: 'Title', prompt: 'Done', buttons: 'OK', response: 'OK' },
    ]);
    expect(f.ui.toasts).toEqual([
      { message: '3 cells coloured', title: 'Plan Monitor', timeoutSeconds: 10 },
      { message: 'Hello', title: '', timeoutSeconds: null },
    ]);
  });
});
