// Sheet: data range, A1 and numeric getRange, hiding, widths, selection (sheet.ts).
import { describe, expect, it } from 'vitest';
import { createFakeAppsScript } from './fake-apps-script';
import { fake } from './test-fixture';

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
  it('insertRowsAfter mid-sheet moves cells, merges and hidden rows below, and gives the new rows the formats of the row they follow', () => {
    const { f, sheet } = fake();
    const s = sheet('Plan');
    s.getRange('E2').setBackground('#c4e5cd');
    s.getRange('A3:B3').merge();
    s.hideRows(3);
    f.resetCalls();
    s.insertRowsAfter(2, 2);
    expect(f.totalCalls()).toBe(1);
    expect(s.getRange('A1:A5').getValues().map((r) => r[0])).toEqual(['Ref', '1.1', '', '', '1.2']);
    expect([s.getRange('E3').getBackground(), s.getRange('E4').getBackground(), s.getRange('E5').getBackground()]).toEqual(['#c4e5cd', '#c4e5cd', '#ffffff']);
    expect([f.book.sheet('Plan').merges, [...f.book.sheet('Plan').hiddenRows], s.getMaxRows()]).toEqual([['A5:B5'], [5], 1002]);
    expect(() => s.insertRowsAfter(0, 1)).toThrow();
  });
});
