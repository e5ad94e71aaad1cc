// The fake's engine: the one object every fake service object holds (as `_f`). It keeps the
// spreadsheet (`book`), what the UI recorded, the locks, the logs and the set-up's answers, and
// does what several objects share: one Sheet object per sheet, the active sheet, finding sheets by
// name (case-insensitively), A1 parsing for getRange, and the protection check before every edit.
//
// Models: an edit throws Apps Script's protection message, and changes nothing, when a protection
// the user may not edit covers the sheet or meets the edited area (a RANGE protection blocks only
// the areas it meets). A1 text that does not parse, or falls off the grid, gives "Range not found".
// Kinder than the real host: a warning-only protection never blocks; R1C1 notation is not
// implemented and says so.

import { type Area, intersects, isR1C1, parseA1Range } from './a1';
import { type FakeLocks, newLockState } from './lock-service';
import { PROTECTED, signature } from './messages';
import { RawRange } from './range';
import { type FakeSetup, bookFromSetup } from './setup';
import { RawSheet } from './sheet';
import { RawSpreadsheet } from './spreadsheet';
import { type FakeSheetState, type FakeSpreadsheetState, newSheetState } from './state';
import { type FakeButtonName, type FakeUiRecords, RawUi } from './ui';
import { AppsScriptException, FakeNotImplemented, isValidTimeZone } from './values';

export class Fake {
  readonly book: FakeSpreadsheetState;
  readonly ui: FakeUiRecords = { menus: [], alerts: [], prompts: [], toasts: [], sidebars: [], dialogs: [] };
  readonly locks: FakeLocks;
  readonly logs: string[] = [];
  readonly files: Record<string, string>;
  readonly scriptTimeZone: string;
  readonly scriptName: string;
  readonly userEmail: string;
  readonly boundToDocument: boolean;
  readonly alertResponses: FakeButtonName[];
  readonly promptResponses: { button: FakeButtonName; text: string }[];
  private nextSheetId: number;
  private readonly sheetObjects = new Map<FakeSheetState, RawSheet>();
  readonly spreadsheet: RawSpreadsheet;
  readonly uiObject: RawUi;

  constructor(setup: FakeSetup) {
    const timeZone = setup.timeZone ?? 'Europe/London';
    if (!isValidTimeZone(timeZone)) throw new Error(`Fake SpreadsheetApp: unknown time zone ${timeZone}`);
    this.scriptTimeZone = setup.scriptTimeZone ?? timeZone;
    this.scriptName = setup.scriptName ?? 'Untitled project';
    this.userEmail = setup.userEmail ?? '';
    this.boundToDocument = setup.boundToDocument ?? true;
    this.files = setup.files ?? {};
    this.alertResponses = [...(setup.alertResponses ?? [])];
    this.promptResponses = [...(setup.promptResponses ?? [])];
    const heldByAnother = setup.lockHeldByAnother ?? false;
    this.locks = { document: newLockState(heldByAnother), script: newLockState(heldByAnother), user: newLockState(heldByAnother) };
    this.book = bookFromSetup(setup, timeZone);
    this.nextSheetId = this.book.sheets.length;
    this.spreadsheet = new RawSpreadsheet(this);
    this.uiObject = new RawUi(this);
  }

  newSheet(name: string, index: number): FakeSheetState {
    const sheet = newSheetState(name, this.nextSheetId++, 1000, 26);
    this.book.sheets.splice(index, 0, sheet);
    return sheet;
  }

  sheetObject(state: FakeSheetState): RawSheet {
    let s = this.sheetObjects.get(state);
    if (!s) {
      s = new RawSheet(this, state);
      this.sheetObjects.set(state, s);
    }
    return s;
  }

  activeSheet(): FakeSheetState {
    const s = this.book.sheets.find((x) => x.sheetId === this.book.activeSheetId) ?? this.book.sheets[0];
    return s as FakeSheetState;
  }

  sheetNamed(name: string): FakeSheetState | null {
    return this.book.sheets.find((s) => s.name.toLowerCase() === name.toLowerCase()) ?? null;
  }

  /** Throws Apps Script's protection error when the user may not edit (any part of) the area. */
  assertWritable(sheet: FakeSheetState, area?: Area): void {
    for (const p of sheet.protections) {
      if (p.canEdit || p.warningOnly) continue;
      if (p.type === 'SHEET' || !area) throw new AppsScriptException(PROTECTED);
      const pa = parseA1Range(p.range, sheet.maxRows, sheet.maxColumns);
      if (pa && intersects(pa, area)) throw new AppsScriptException(PROTECTED);
    }
  }

  range(sheet: FakeSheetState, area: Area): RawRange {
    return new RawRange(this, sheet, area);
  }

  /** Sheet.getRange(a1) / Spreadsheet.getRange(a1): "Range not found" for anything else. */
  parseRangeOn(sheet: FakeSheetState, text: string, cls: string): RawRange {
    if (typeof text !== 'string') throw signature(cls, 'getRange', [text]);
    if (isR1C1(text)) throw new FakeNotImplemented(`R1C1 notation (${text})`);
    const area = parseA1Range(text, sheet.maxRows, sheet.maxColumns);
    if (!area) throw new AppsScriptException('Range not found');
    return this.range(sheet, area);
  }
}
