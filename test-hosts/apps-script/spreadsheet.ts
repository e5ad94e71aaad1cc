// SpreadsheetApp and Spreadsheet: the active spreadsheet, its sheets in tab order, the active sheet
// and range, insertSheet and deleteSheet, and toast.
//
// Models: sheet names compare case-insensitively (getSheetByName, insertSheet); insertSheet takes a
// 0-based index, refuses a name in use with Apps Script's message, makes a 1000 x 26 sheet and makes
// it active; getRange takes sheet-qualified A1 ('My plan'!A1:B2); a spreadsheet cannot lose its
// last visible sheet. See README.md ("Sheets") for what these rest on.
// Kinder than the real host: SpreadsheetApp.flush() does nothing, because every write lands at once.
// Apps Script may bundle spreadsheet operations until flush() (Spreadsheet service overview), so
// code that needs a flush still passes here. toast() is only recorded (fake.ui.toasts).
// insertSheet with an options object is not implemented and says so.

import { splitSheetQualifier } from './a1';
import type { Fake } from './engine';
import { signature } from './messages';
import { ProtectionType } from './protection';
import type { RawRange } from './range';
import { FakeObject } from './service-proxy';
import { RawSheet } from './sheet';
import type { FakeSheetState } from './state';
import type { RawUi } from './ui';
import { AppsScriptException, FakeNotImplemented } from './values';

export class RawSpreadsheetApp extends FakeObject {
  readonly kind = 'SpreadsheetApp';
  readonly ProtectionType = ProtectionType;
  constructor(private readonly _f: Fake) {
    super();
  }
  getActiveSpreadsheet(): RawSpreadsheet {
    return this._f.spreadsheet;
  }
  getActive(): RawSpreadsheet {
    return this._f.spreadsheet;
  }
  /** The one spreadsheet the fake holds, by its id (a time-driven trigger has no active one). */
  openById(id: string): RawSpreadsheet {
    if (id !== this._f.book.id) throw new AppsScriptException(`Unexpected error while getting the method or property openById on object SpreadsheetApp.`);
    return this._f.spreadsheet;
  }
  getActiveSheet(): RawSheet {
    return this._f.sheetObject(this._f.activeSheet());
  }
  getActiveRange(): RawRange {
    const sheet = this._f.activeSheet();
    return this._f.parseRangeOn(sheet, sheet.activeRange, 'SpreadsheetApp');
  }
  getUi(): RawUi {
    return this._f.uiObject;
  }
  flush(): void {}
}

export class RawSpreadsheet extends FakeObject {
  readonly kind = 'Spreadsheet';
  constructor(private readonly _f: Fake) {
    super();
  }
  getSheets(): RawSheet[] {
    return this._f.book.sheets.map((s) => this._f.sheetObject(s));
  }
  getNumSheets(): number {
    return this._f.book.sheets.length;
  }
  getSheetByName(name: string): RawSheet | null {
    const s = this._f.sheetNamed(String(name));
    return s ? this._f.sheetObject(s) : null;
  }
  getSheetById(id: number): RawSheet | null {
    const s = this._f.book.sheets.find((x) => x.sheetId === id);
    return s ? this._f.sheetObject(s) : null;
  }
  getActiveSheet(): RawSheet {
    return this._f.sheetObject(this._f.activeSheet());
  }
  setActiveSheet(sheet: unknown): RawSheet {
    if (!(sheet instanceof RawSheet)) throw signature('Spreadsheet', 'setActiveSheet', [sheet]);
    this._f.book.activeSheetId = sheet._state.sheetId;
    return sheet;
  }
  getActiveRange(): RawRange {
    const sheet = this._f.activeSheet();
    return this._f.parseRangeOn(sheet, sheet.activeRange, 'Spreadsheet');
  }
  getRange(a1: string): RawRange {
    const { sheet, range } = splitSheetQualifier(String(a1));
    const target = sheet === null ? this._f.activeSheet() : this._f.sheetNamed(sheet);
    if (!target) throw new AppsScriptException('Range not found');
    return this._f.parseRangeOn(target, range, 'Spreadsheet');
  }
  getDataRange(): RawRange {
    return this._f.sheetObject(this._f.activeSheet()).getDataRange();
  }
  getName(): string {
    return this._f.book.name;
  }
  getId(): string {
    return this._f.book.id;
  }
  getUrl(): string {
    return `https://docs.google.com/spreadsheets/d/${this._f.book.id}/edit`;
  }
  getSpreadsheetTimeZone(): string {
    return this._f.book.timeZone;
  }
  getSpreadsheetLocale(): string {
    return this._f.book.locale;
  }
  toast(msg: unknown, title?: unknown, timeoutSeconds?: unknown): void {
    this._f.ui.toasts.push({ message: String(msg), title: title === undefined || title === null ? '' : String(title), timeoutSeconds: typeof timeoutSeconds === 'number' ? timeoutSeconds : null });
  }
  /** insertSheet(), (index), (name), (name, index); 0-based index; the new sheet becomes active. */
  insertSheet(...args: unknown[]): RawSheet {
    const book = this._f.book;
    let name: string | null = null;
    let index = book.sheets.length;
    const [a, b, c] = args;
    if (typeof a === 'string') name = a;
    else if (typeof a === 'number') index = a;
    else if (a !== undefined) throw new FakeNotImplemented('Spreadsheet.insertSheet with options');
    if (typeof b === 'number') index = b;
    else if (b !== undefined || c !== undefined) throw new FakeNotImplemented('Spreadsheet.insertSheet with options');
    if (!Number.isInteger(index) || index < 0 || index > book.sheets.length) throw new AppsScriptException(`The sheet index ${index} is out of range.`);
    if (name === null) {
      let n = book.sheets.length + 1;
      while (this._f.sheetNamed(`Sheet${n}`)) n++;
      name = `Sheet${n}`;
    }
    if (name.trim() === '') throw new AppsScriptException('The sheet name cannot be empty.');
    if (this._f.sheetNamed(name)) throw new AppsScriptException(`A sheet with the name "${name}" already exists. Please enter another name.`);
    const state = this._f.newSheet(name, index);
    book.activeSheetId = state.sheetId;
    return this._f.sheetObject(state);
  }
  deleteSheet(sheet: unknown): void {
    if (!(sheet instanceof RawSheet)) throw signature('Spreadsheet', 'deleteSheet', [sheet]);
    const book = this._f.book;
    const i = book.sheets.indexOf(sheet._state);
    if (i < 0) throw new AppsScriptException('Sheet not found');
    this._f.assertWritable(sheet._state);
    if (book.sheets.filter((s) => !s.hidden && s !== sheet._state).length === 0) throw new AppsScriptException("You can't remove all the sheets in a document.");
    book.sheets.splice(i, 1);
    if (book.activeSheetId === sheet._state.sheetId) {
      const next = book.sheets.slice(0, i).reverse().find((s) => !s.hidden) ?? book.sheets.find((s) => !s.hidden);
      book.activeSheetId = (next as FakeSheetState).sheetId;
    }
  }
}
