/// <reference types="google-apps-script" />
import * as vm from 'node:vm';
import { describe, expect, it } from 'vitest';
import { type FakeCell, type FakeSetup, createFakeAppsScript } from './fake-apps-script';

const PROTECTED = 'You are trying to edit a protected cell or object. Please contact the spreadsheet owner to remove protection if you need to edit.';

/** Midnight on that day in Europe/London (the fake's default spreadsheet time zone). */
function londonMidnight(y: number, m: number, d: number): Date {
  const utc = Date.UTC(y, m - 1, d);
  const bst = m > 3 && m < 10; // good enough for the dates used below
  return new Date(utc - (bst ? 3_600_000 : 0));
}

const planRows: FakeCell[][] = [
  ['Ref', 'Action', 'Lead Officer', 'Target Date', 'Status'],
  ['1.1', 'Publish the plan', 'J Smith', londonMidnight(2018, 9, 30), 'On track'],
  ['1.2', 'Consult residents', 'A Khan', londonMidnight(2018, 12, 31), 'Delayed'],
];

function fake(extra: Partial<FakeSetup> = {}) {
  const f = createFakeAppsScript({ sheets: [{ name: 'Plan', rows: planRows }, { name: 'Empty' }], ...extra });
  const app = f.globals.SpreadsheetApp;
  const ss = app.getActiveSpreadsheet();
  const sheet = (name: string) => ss.getSheetByName(name) as GoogleAppsScript.Spreadsheet.Sheet;
  f.resetCalls();
  return { f, app, ss, sheet };
}

describe('typed input: what setValue(s) stores', () => {
  it('makes "=…" a formula, strips a leading apostrophe, reads numbers as numbers, keeps other text', () => {
    const { sheet } = fake();
    const r = sheet('Empty').getRange('A1:H1');
    r.setValues([['=SUM(B1:C1)', "'=SUM(B1:C1)", '+1', '-1', '12', '1.5', 'On track', "'+1"]]);
    expect(r.getFormulas()).toEqual([['=SUM(B1:C1)', '', '', '', '', '', '', '']]);
    expect(r.getValues()).toEqual([['#NAME?', '=SUM(B1:C1)', 1, -1, 12, 1.5, 'On track', '+1']]);
    expect(r.getDisplayValues()[0]?.[0]).toBe('#NAME?');
  });

  it('keeps every string literal under the plain-text format "@", "=…" included', () => {
    const { sheet } = fake();
    const r = sheet('Empty').getRange('A1:D1');
    r.setNumberFormat('@');
    r.setValues([['=1+1', '+1', '0123', 'TRUE']]);
    expect(r.getValues()).toEqual([['=1+1', '+1', '0123', 'TRUE']]);
    expect(r.getFormulas()).toEqual([['', '', '', '']]);
    expect(r.getNumberFormats()).toEqual([['@', '@', '@', '@']]);
  });

  it('reads percentages, grouped numbers, TRUE/FALSE and ISO dates as typed input does in Sheets', () => {
    const { sheet } = fake();
    const r = sheet('Empty').getRange('A1:E1');
    r.setValues([['50%', '1,000', 'TRUE', 'false', '2018-09-30']]);
    const [row] = r.getValues();
    expect(row?.slice(0, 4)).toEqual([0.5, 1000, true, false]);
    expect(row?.[4]).toBeInstanceOf(Date);
    expect((row?.[4] as Date).getTime()).toBe(londonMidnight(2018, 9, 30).getTime());
    expect(r.getDisplayValues()).toEqual([['50%', '1,000', 'TRUE', 'FALSE', '2018-09-30']]);
    expect(r.getNumberFormats()).toEqual([['0%', '#,##0', '0.###############', '0.###############', 'yyyy-mm-dd']]);
  });

  it('sets one value into every cell with setValue and clears with ""', () => {
    const { sheet } = fake();
    const r = sheet('Empty').getRange('B2:C3');
    r.setValue('x');
    expect(r.getValues()).toEqual([['x', 'x'], ['x', 'x']]);
    r.setValue('');
    expect(r.getValues()).toEqual([['', ''], ['', '']]);
    expect(sheet('Empty').getLastRow()).toBe(0);
  });
});

describe('values read back', () => {
  it('gives Date objects for date cells, "" (never null) for empty cells', () => {
    const { sheet } = fake();
    const values = sheet('Plan').getRange('A2:F2').getValues();
    expect(values[0]?.[3]).toBeInstanceOf(Date);
    expect((values[0]?.[3] as Date).getTime()).toBe(londonMidnight(2018, 9, 30).getTime());
    expect(values[0]?.[5]).toBe('');
    expect(values.flat()).not.toContain(null);
  });

  it('round-trips a Date written with setValues, with a date format and display', () => {
    const { f, sheet } = fake();
    const d = londonMidnight(2019, 4, 1); // BST: 2019-03-31T23:00Z
    const r = sheet('Empty').getRange('A1');
    r.setValues([[d]]);
    const back = r.getValue() as Date;
    expect(back).toBeInstanceOf(Date);
    expect(back).not.toBe(d);
    expect(back.getTime()).toBe(d.getTime());
    expect(r.getNumberFormat()).toBe('dd/MM/yyyy');
    expect(r.getDisplayValue()).toBe('01/04/2019');
    expect(f.globals.Utilities.formatDate(back, 'Europe/London', 'yyyy-MM-dd')).toBe('2019-04-01');
    expect(f.globals.Utilities.formatDate(back, 'UTC', "yyyy-MM-dd'T'HH:mm")).toBe('2019-03-31T23:00');
  });

  it('keeps the date in the format: a date cell formatted as a number reads as its serial', () => {
    const { sheet } = fake();
    const r = sheet('Plan').getRange('D2');
    r.setNumberFormat('0');
    expect(r.getValue()).toBe(43373);
    expect(r.getDisplayValue()).toBe('43373');
    r.setNumberFormat('d mmm yyyy');
    expect(r.getDisplayValue()).toBe('30 Sep 2018');
    expect((r.getValue() as Date).getTime()).toBe(londonMidnight(2018, 9, 30).getTime());
  });

  it('gives display strings for numbers and booleans', () => {
    const { sheet } = fake();
    const r = sheet('Empty').getRange('A1:D1');
    r.setValues([[0.1 + 0.2, true, 1234.5, 7]]);
    r.getCell(1, 3).setNumberFormat('#,##0.00');
    r.getCell(1, 4).setNumberFormat('0.0%');
    expect(r.getDisplayValues()).toEqual([['0.3', 'TRUE', '1,234.50', '700.0%']]);
  });
});

describe('setValues dimensions', () => {
  it('throws Apps Script messages when rows or columns do not match, and writes nothing', () => {
    const { f, sheet } = fake();
    const before = f.snapshot();
    const r = sheet('Empty').getRange(1, 1, 2, 3);
    expect(() => r.setValues([['a', 'b', 'c']])).toThrow('The number of rows in the data does not match the number of rows in the range. The data has 1 but the range has 2.');
    expect(() => r.setValues([['a', 'b', 'c'], ['d', 'e']])).toThrow('The number of columns in the data does not match the number of columns in the range. The data has 2 but the range has 3.');
    expect(() => r.setBackgrounds([['#ffffff']])).toThrow('The number of rows in the data does not match the number of rows in the range. The data has 1 but the range has 2.');
    expect(() => r.setValues(['a', 'b'] as unknown as string[][])).toThrow("don't match the method signature for SpreadsheetApp.Range.setValues");
    expect(f.snapshot()).toEqual(before);
  });
});

describe('protected sheets', () => {
  function protectedFake() {
    return fake({ sheets: [{ name: 'Plan', rows: planRows, protected: true }, { name: 'Empty' }] });
  }

  it('reports one SHEET protection the user cannot edit', () => {
    const { app, sheet } = protectedFake();
    const ps = sheet('Plan').getProtections(app.ProtectionType.SHEET);
    expect(ps).toHaveLength(1);
    expect(ps[0]?.canEdit()).toBe(false);
    expect(sheet('Plan').getProtections(app.ProtectionType.RANGE)).toEqual([]);
    expect(sheet('Empty').getProtections(app.ProtectionType.SHEET)).toEqual([]);
    expect(sheet('Plan').getRange('A1').canEdit()).toBe(false);
  });

  it('throws on every kind of write and changes nothing', () => {
    const { f, sheet } = protectedFake();
    const before = f.snapshot();
    const plan = sheet('Plan');
    const r = plan.getRange('E2:E3');
    const writes: [string, () => unknown][] = [
      ['setValues', () => r.setValues([['x'], ['y']])],
      ['setValue', () => r.setValue('x')],
      ['setBackground', () => r.setBackground('#ff0000')],
      ['setBackgrounds', () => r.setBackgrounds([['#ff0000'], ['#00ff00']])],
      ['setFontColor', () => r.setFontColor('#ff0000')],
      ['setFontColors', () => r.setFontColors([['#ff0000'], ['#00ff00']])],
      ['setFontWeight', () => r.setFontWeight('bold')],
      ['setNumberFormat', () => r.setNumberFormat('@')],
      ['setNumberFormats', () => r.setNumberFormats([['@'], ['@']])],
      ['clear', () => r.clear()],
      ['clearContent', () => r.clearContent()],
      ['merge', () => r.merge()],
      ['Sheet.clear', () => plan.clear()],
      ['hideRows', () => plan.hideRows(2)],
      ['setColumnWidth', () => plan.setColumnWidth(1, 200)],
      ['RangeList.setBackground', () => plan.getRangeList(['A1', 'B2']).setBackground('#ff0000')],
    ];
    for (const [name, write] of writes) expect(write, name).toThrow(PROTECTED);
    expect(f.snapshot()).toEqual(before);
  });

  it('lets the owner protect a sheet without locking themselves out (permissions mirror the spreadsheet)', () => {
    const { sheet } = fake();
    const p = sheet('Empty').protect();
    expect(p.canEdit()).toBe(true);
    sheet('Empty').getRange('A1').setValue('still editable');
    expect(sheet('Empty').getRange('A1').getValue()).toBe('still editable');
  });
});

describe('backgrounds and font colours', () => {
  it('gives lower-case #rrggbb, #ffffff for no fill, and resets with null', () => {
    const { f, sheet } = fake();
    const r = sheet('Plan').getRange('E2:E3');
    expect(r.getBackgrounds()).toEqual([['#ffffff'], ['#ffffff']]);
    expect(r.getFontColors()).toEqual([['#000000'], ['#000000']]);
    r.setBackgrounds([['#CFE4DC'], ['#abc']]);
    r.setFontColors([['#083D29'], ['red']]);
    expect(r.getBackgrounds()).toEqual([['#cfe4dc'], ['#aabbcc']]);
    expect(r.getFontColors()).toEqual([['#083d29'], ['#ff0000']]);
    expect(f.book.sheet('Plan').cell('E2')?.background).toBe('#cfe4dc');
    r.setBackground(null);
    expect(r.getBackgrounds()).toEqual([['#ffffff'], ['#ffffff']]);
    expect(f.book.sheet('Plan').cell('E2')?.background).toBeNull();
  });

  it('reads fills seeded as an old tracker records RAG (fill only, no text)', () => {
    const f = createFakeAppsScript({ sheets: [{ name: 'Old', rows: [['Status'], [null]], backgrounds: [[null], ['#FF0000']] }] });
    const r = f.globals.SpreadsheetApp.getActive().getRange('Old!A1:A2');
    expect(r.getBackgrounds()).toEqual([['#ffffff'], ['#ff0000']]);
    expect(r.getValues()).toEqual([['Status'], ['']]);
  });

  it('clearFormat keeps number formats (as documented); clear() removes everything', () => {
    const { sheet } = fake();
    const r = sheet('Plan').getRange('D2');
    r.setBackground('#ff0000');
    r.clearFormat();
    expect(r.getBackground()).toBe('#ffffff');
    expect(r.getValue()).toBeInstanceOf(Date);
    r.clear();
    expect(r.getValue()).toBe('');
    expect(r.getNumberFormat()).toBe('0.###############');
  });
});

describe('RangeList', () => {
  it('formats many ranges in one call each, and chains', () => {
    const { f, sheet } = fake();
    const list = sheet('Empty').getRangeList(['A1:B1', 'D3']);
    f.resetCalls();
    list.setBackground('#E5E6E7').setFontWeight('bold').setFontColor('#505a5f');
    expect(Object.fromEntries(f.calls)).toEqual({ 'RangeList.setBackground': 1, 'RangeList.setFontWeight': 1, 'RangeList.setFontColor': 1 });
    expect(list.getRanges().map((r) => r.getA1Notation())).toEqual(['A1:B1', 'D3']);
    const s = f.book.sheet('Empty');
    for (const a1 of ['A1', 'B1', 'D3']) expect(s.cell(a1)).toMatchObject({ background: '#e5e6e7', fontWeight: 'bold', fontColor: '#505a5f' });
    expect(s.cell('C1')).toBeUndefined();
  });
});

describe('sheets, ranges and A1', () => {
  it('getDataRange is A1 to the last row and column with content; A1 on an empty sheet', () => {
    const { sheet } = fake();
    expect(sheet('Plan').getDataRange().getA1Notation()).toBe('A1:E3');
    expect(sheet('Empty').getDataRange().getA1Notation()).toBe('A1');
    expect(sheet('Empty').getLastRow()).toBe(0);
    sheet('Empty').getRange('F9').setBackground('#ff0000');
    expect(sheet('Empty').getDataRange().getA1Notation()).toBe('A1');
    sheet('Empty').getRange('C4').setValue(0);
    expect(sheet('Empty').getDataRange().getA1Notation()).toBe('A1:C4');
  });

  it('parses A1, whole columns and rows, and sheet-qualified notation', () => {
    const { ss, sheet } = fake();
    const col = sheet('Plan').getRange('E:E');
    expect([col.getA1Notation(), col.getNumRows(), col.getRow(), col.getLastRow()]).toEqual(['E:E', 1000, 1, 1000]);
    const row = sheet('Plan').getRange('2:3');
    expect([row.getA1Notation(), row.getNumColumns(), row.getNumRows()]).toEqual(['2:3', 26, 2]);
    expect(sheet('Plan').getRange('B2:A1').getA1Notation()).toBe('A1:B2');
    expect(sheet('Plan').getRange('$A$1').getA1Notation()).toBe('A1');
    const f2 = createFakeAppsScript({ sheets: [{ name: 'My plan', rows: [['a', 'b']] }, { name: 'Other' }], activeSheet: 'Other' });
    expect(f2.globals.SpreadsheetApp.getActive().getRange("'My plan'!A1:B1").getValues()).toEqual([['a', 'b']]);
    expect(f2.globals.SpreadsheetApp.getActive().getSheetByName('My plan')?.getRange("'My plan'!B1").getValue()).toBe('b');
    expect(() => ss.getRange('Nowhere!A1')).toThrow('Range not found');
    expect(() => sheet('Plan').getRange('A0')).toThrow('Range not found');
  });

  it('checks numeric coordinates as Apps Script does', () => {
    const { sheet } = fake();
    const s = sheet('Plan');
    expect(() => s.getRange(0, 1)).toThrow('The starting row of the range is too small.');
    expect(() => s.getRange(1, 0)).toThrow('The starting column of the range is too small.');
    expect(() => s.getRange(1, 1, 0)).toThrow('The number of rows in the range must be at least 1.');
    expect(() => s.getRange(1, 1, 1, 0)).toThrow('The number of columns in the range must be at least 1.');
    expect(() => s.getRange(1000, 1, 2)).toThrow('The coordinates of the range are outside the dimensions of the sheet.');
    expect(s.getRange(2, 2, 2, 3).getA1Notation()).toBe('B2:D3');
  });

  it('insertSheet refuses a name in use (case-insensitively), makes the new sheet active, takes a 0-based index', () => {
    const { f, ss } = fake();
    expect(() => ss.insertSheet('plan')).toThrow('A sheet with the name "plan" already exists. Please enter another name.');
    const s = ss.insertSheet('Summary', 0);
    expect(s.getIndex()).toBe(1);
    expect(ss.getActiveSheet().getName()).toBe('Summary');
    expect(ss.getSheets().map((x) => x.getName())).toEqual(['Summary', 'Plan', 'Empty']);
    expect(ss.getSheetByName('SUMMARY')?.getName()).toBe('Summary');
    expect(ss.getSheetByName('nope')).toBeNull();
    expect([s.getMaxRows(), s.getMaxColumns()]).toEqual([1000, 26]);
    expect(f.book.sheets.map((x) => x.name)).toEqual(['Summary', 'Plan', 'Empty']);
  });

  it('hides rows and sheets, sets widths, selects', () => {
    const { f, ss, sheet } = fake();
    const s = sheet('Plan');
    s.hideRows(2);
    s.hideRows(5, 2);
    expect([2, 3, 5, 6].map((r) => s.isRowHiddenByUser(r))).toEqual([true, false, true, true]);
    s.showRows(5);
    expect(s.isRowHiddenByUser(5)).toBe(false);
    expect(() => s.hideRows(1000, 2)).toThrow('Those rows are out of bounds.');
    s.setColumnWidth(2, 210);
    expect(s.getColumnWidth(2)).toBe(210);
    expect(s.getColumnWidth(3)).toBe(100);
    sheet('Empty').hideSheet();
    expect(sheet('Empty').isSheetHidden()).toBe(true);
    expect(() => s.hideSheet()).toThrow("You can't hide all the sheets in a document.");
    s.activate();
    s.setActiveSelection('B3');
    expect(ss.getActiveRange()?.getA1Notation()).toBe('B3');
    expect(f.book.sheet('Plan').activeRange).toBe('B3');
    expect([...f.book.sheet('Plan').hiddenRows]).toEqual([2, 6]);
  });
});

describe('merges', () => {
  it('reports merges that overlap the range, records new ones, keeps only the top-left value', () => {
    const f = createFakeAppsScript({ sheets: [{ name: 'Plan', rows: [['Title', '', ''], ['a', 'b', 'c']], merges: ['A1:C1'] }] });
    const s = f.globals.SpreadsheetApp.getActive().getSheetByName('Plan') as GoogleAppsScript.Spreadsheet.Sheet;
    expect(s.getRange('B1:B2').getMergedRanges().map((r) => r.getA1Notation())).toEqual(['A1:C1']);
    expect(s.getRange('A2:C2').getMergedRanges()).toEqual([]);
    s.getRange('A2:B2').merge();
    expect(f.book.sheet('Plan').merges).toEqual(['A1:C1', 'A2:B2']);
    expect(s.getRange('A2:C2').getValues()).toEqual([['a', '', 'c']]);
    expect(() => s.getRange('B1:D1').merge()).toThrow('You must select all cells in a merged range to merge or unmerge them.');
    s.getRange('A1:C1').breakApart();
    expect(f.book.sheet('Plan').merges).toEqual(['A2:B2']);
  });
});

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

  it('serves HTML files to sidebars and dialogs', () => {
    const { f, app } = fake({ files: { Sidebar: '<div data-start="panel"></div>' } });
    const html = f.globals.HtmlService.createHtmlOutputFromFile('Sidebar');
    app.getUi().showSidebar(f.globals.HtmlService.createHtmlOutput(html.getContent()).setTitle('Plan Monitor'));
    app.getUi().showModalDialog(f.globals.HtmlService.createHtmlOutput('<p>hi</p>').setWidth(400).setHeight(300), 'Settings');
    expect(f.ui.sidebars).toEqual([{ title: 'Plan Monitor', html: '<div data-start="panel"></div>' }]);
    expect(f.ui.dialogs).toEqual([{ title: 'Settings', html: '<p>hi</p>', width: 400, height: 300, modal: true }]);
    expect(() => f.globals.HtmlService.createHtmlOutputFromFile('Missing')).toThrow('No HTML file named Missing was found.');
  });
});

describe('LockService', () => {
  it('grants the document lock when free', () => {
    const { f } = fake();
    const lock = f.globals.LockService.getDocumentLock();
    expect(lock.hasLock()).toBe(false);
    expect(lock.tryLock(10_000)).toBe(true);
    expect(lock.hasLock()).toBe(true);
    lock.releaseLock();
    expect(lock.hasLock()).toBe(false);
    lock.waitLock(10_000);
    expect(f.locks.document).toMatchObject({ held: true, acquisitions: 2, releases: 1 });
  });

  it('refuses it when another execution holds it', () => {
    const { f } = fake({ lockHeldByAnother: true });
    const lock = f.globals.LockService.getDocumentLock();
    expect(lock.tryLock(10_000)).toBe(false);
    expect(lock.hasLock()).toBe(false);
    expect(() => lock.waitLock(10_000)).toThrow('Lock timeout: another process was holding the lock for too long.');
    f.locks.document.heldByAnother = false;
    expect(lock.tryLock(10_000)).toBe(true);
  });

  it('gives no document lock outside a bound document, and drops locks across an alert', () => {
    expect(fake({ boundToDocument: false }).f.globals.LockService.getDocumentLock()).toBeNull();
    const { f, app } = fake();
    const lock = f.globals.LockService.getDocumentLock();
    lock.waitLock(1000);
    app.getUi().alert('Paused');
    expect(lock.hasLock()).toBe(false);
    expect(f.locks.document.lostToDialogs).toBe(1);
  });
});

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
  it('runs onOpen from a script string and the menu appears', () => {
    const f = createFakeAppsScript({ sheets: [{ name: 'Plan' }] });
    const ctx = vm.createContext(f.globals);
    vm.runInContext('function onOpen(){ SpreadsheetApp.getUi().createAddonMenu().addItem("Check plan","checkPlan").addToUi(); } onOpen();', ctx);
    expect(f.ui.menus).toEqual([{ name: 'Untitled project', addon: true, items: [{ caption: 'Check plan', functionName: 'checkPlan' }], entries: [{ kind: 'item', caption: 'Check plan', functionName: 'checkPlan' }] }]);
    expect(Object.fromEntries(f.calls)).toEqual({ 'SpreadsheetApp.getUi': 1, 'Ui.createAddonMenu': 1, 'Menu.addItem': 1, 'Menu.addToUi': 1 });
  });

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

  it('installInto copies the globals onto another object and uses its realm once it is a context', () => {
    const f = createFakeAppsScript({ sheets: [{ name: 'Plan', rows: planRows }] });
    const sandbox: Record<string, unknown> = { marker: 1 };
    f.installInto(sandbox);
    const ctx = vm.createContext(sandbox);
    expect(vm.runInContext('SpreadsheetApp.getActiveSheet().getRange("D2").getValue() instanceof Date', ctx)).toBe(true);
  });
});

describe('set-up warnings', () => {
  it('warns when the Node process time zone is not the script time zone', () => {
    const tz = Intl.DateTimeFormat().resolvedOptions().timeZone;
    expect(createFakeAppsScript({ sheets: [{ name: 'Plan' }], timeZone: tz }).warnings).toEqual([]);
    const other = tz === 'Asia/Tokyo' ? 'America/New_York' : 'Asia/Tokyo';
    expect(createFakeAppsScript({ sheets: [{ name: 'Plan' }], scriptTimeZone: other }).warnings[0]).toContain(`process.env.TZ = '${other}'`);
  });

  it('prints and stringifies fake objects as {} (no internals)', () => {
    const { sheet } = fake();
    expect(JSON.stringify(sheet('Plan').getRange('A1'))).toBe('{}');
    expect(String(sheet('Plan'))).toBe('Sheet');
  });
});

describe('Session, Utilities, Logger', () => {
  it('gives the script time zone, formats dates with Java patterns, counts Logger.log', () => {
    const f = createFakeAppsScript({ sheets: [{ name: 'Plan' }], timeZone: 'Europe/London', scriptTimeZone: 'America/New_York' });
    expect(f.globals.Session.getScriptTimeZone()).toBe('America/New_York');
    const d = new Date(Date.UTC(2018, 6, 4, 13, 5, 9));
    expect(f.globals.Utilities.formatDate(d, 'Europe/London', 'EEE d MMM yyyy HH:mm:ss z')).toBe('Wed 4 Jul 2018 14:05:09 BST');
    expect(f.globals.Utilities.formatDate(d, 'Europe/London', "h:mm a, yy-M-d 'q'''")).toBe("2:05 PM, 18-7-4 q'");
    f.globals.Logger.log('%s rows', 3);
    expect(f.logs).toEqual(['3 rows']);
    expect(f.calls.get('Logger.log')).toBe(1);
    expect(f.calls.get('Utilities.formatDate')).toBe(2);
  });
});
