// Spreadsheet: insertSheet (spreadsheet.ts).
import { describe, expect, it } from 'vitest';
import { fake } from './test-fixture';

describe('sheets, ranges and A1', () => {
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
});
