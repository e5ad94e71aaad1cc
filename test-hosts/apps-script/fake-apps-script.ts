/// <reference types="google-apps-script" />
// A faithful fake of the Apps Script services the Google Sheets add-on uses (SpreadsheetApp,
// LockService, HtmlService, Session, Utilities, Logger) over an in-memory spreadsheet, counting
// every service call. See README.md in this folder for what counts as a call and what is modelled.

import { type Area, areaA1, contains, intersects, isR1C1, lastColumnOf, lastRowOf, parseA1Range, splitSheetQualifier } from './a1';
import { FakeObject, ServiceProxies } from './service-proxy';
import {
  type FakeCellState,
  type FakeChartState,
  type FakeProtectionState,
  type FakeSheetState,
  type FakeSpreadsheetState,
  cellForWrite,
  contentExtent,
  getCell,
  newSheetState,
  snapshotOf,
  tidyCell,
} from './state';
import {
  AUTOMATIC_FORMAT,
  AppsScriptException,
  FakeNotImplemented,
  type StoredValue,
  dateOfSerial,
  defaultDateFormat,
  formatJavaDate,
  formatSheetsDate,
  formatSheetsNumber,
  isDate,
  isDateFormat,
  isTextFormat,
  isValidTimeZone,
  normaliseColour,
  offsetMs,
  serialOf,
  typeInput,
  typeName,
} from './values';

export type { FakeCellState, FakeChartState, FakeProtectionState, FakeSheetState, FakeSpreadsheetState } from './state';

// ---------------------------------------------------------------------------------------------
// Public API

export type FakeCell = string | number | boolean | Date | null;

export interface FakeSheetSetup {
  name: string;
  /** Stored as given (no typed-input parsing), except that "=…" text becomes a formula unless its format is "@". */
  rows?: FakeCell[][];
  /** A1 areas, e.g. ["A1:D1"]. */
  merges?: string[];
  hidden?: boolean;
  /** Protected against the user running the script: every edit throws and changes nothing. */
  protected?: boolean;
  /** Ranges protected against the user (RANGE protections), e.g. ["A1:A10"]. */
  protectedRanges?: string[];
  numberFormats?: (string | null)[][];
  backgrounds?: (string | null)[][];
  fontColors?: (string | null)[][];
  /** 1-based rows hidden by the user. */
  hiddenRows?: number[];
  /** A filter over this A1 range whose criteria hide these 1-based rows. */
  filter?: { range: string; hiddenRows: number[] };
  frozenRows?: number;
  /** Grid size; defaults to max(1000, rows) × max(26, widest row), as a new Google sheet. */
  maxRows?: number;
  maxColumns?: number;
}

export type FakeButtonName = 'OK' | 'CANCEL' | 'YES' | 'NO' | 'CLOSE';

export interface FakeSetup {
  name?: string;
  id?: string;
  /** The spreadsheet's time zone (IANA). Default Europe/London. */
  timeZone?: string;
  /** Session.getScriptTimeZone(); defaults to the spreadsheet's. */
  scriptTimeZone?: string;
  /** Spreadsheet locale: decides how "1/2/2024" typed into a cell is read. Default en_GB. */
  locale?: string;
  sheets: FakeSheetSetup[];
  activeSheet?: string;
  /** Another execution holds every lock: tryLock gives false, waitLock throws. */
  lockHeldByAnother?: boolean;
  /** false: the script is not bound to a document, so LockService.getDocumentLock() gives null. */
  boundToDocument?: boolean;
  /** HTML files of the script project, by name ("Sidebar" or "Sidebar.html"). */
  files?: Record<string, string>;
  /** The add-on's name: the title of the sub-menu createAddonMenu() builds. Default "Untitled project". */
  scriptName?: string;
  userEmail?: string;
  /** Buttons the user presses in alert() dialogs, in turn; when used up, the first button of the set. */
  alertResponses?: FakeButtonName[];
  /** Answers to prompt() dialogs, in turn; when used up, OK with empty text. */
  promptResponses?: { button: FakeButtonName; text: string }[];
}

export interface FakeMenuItem {
  caption: string;
  functionName: string;
}

export type FakeMenuEntry = ({ kind: 'item' } & FakeMenuItem) | { kind: 'separator' } | { kind: 'subMenu'; menu: FakeMenuRecord };

export interface FakeMenuRecord {
  name: string;
  /** Built with createAddonMenu (it sits in the Extensions menu under the add-on's name). */
  addon: boolean;
  /** The menu's own items, in order (separators and sub-menus are in `entries`). */
  items: FakeMenuItem[];
  entries: FakeMenuEntry[];
}

export interface FakeUiRecords {
  menus: FakeMenuRecord[];
  alerts: { title: string; prompt: string; buttons: string; response: FakeButtonName }[];
  prompts: { title: string; prompt: string; buttons: string; response: FakeButtonName; text: string }[];
  toasts: { message: string; title: string; timeoutSeconds: number | null }[];
  sidebars: { title: string; html: string }[];
  dialogs: { title: string; html: string; width: number | null; height: number | null; modal: boolean }[];
}

export interface FakeLockState {
  /** Held by the running script. */
  held: boolean;
  /** Held by another execution (tests may flip this between calls). */
  heldByAnother: boolean;
  acquisitions: number;
  releases: number;
  /** Times an alert or prompt dropped the lock (Apps Script does not keep locks across them). */
  lostToDialogs: number;
}

export type FakeGlobals = {
  SpreadsheetApp: GoogleAppsScript.Spreadsheet.SpreadsheetApp;
  LockService: GoogleAppsScript.Lock.LockService;
  HtmlService: GoogleAppsScript.HTML.HtmlService;
  Logger: GoogleAppsScript.Base.Logger;
  Session: GoogleAppsScript.Base.Session;
  Utilities: GoogleAppsScript.Utilities.Utilities;
  Charts: GoogleAppsScript.Charts.Charts;
};

export interface FakeAppsScript {
  /** Globals to install (globalThis or a vm context). Typed as Apps Script's own services. */
  globals: FakeGlobals;
  /** Service calls by "Class.method" (e.g. "Range.getValues"); see README.md for what counts. */
  calls: Map<string, number>;
  /** The same calls in order. */
  callLog: string[];
  totalCalls(): number;
  resetCalls(): void;
  /** The in-memory spreadsheet, for assertions (edit it only to arrange a test). */
  book: FakeSpreadsheetState;
  ui: FakeUiRecords;
  locks: { document: FakeLockState; script: FakeLockState; user: FakeLockState };
  /** What Logger.log was given. */
  logs: string[];
  /**
   * Set-up problems the fake cannot fix, e.g. the Node process's time zone differs from the
   * script's: Apps Script runs scripts in the script time zone, so `date.getDate()` there reads the
   * script's calendar; under Node it reads process.env.TZ (set it before the code under test runs).
   */
  warnings: string[];
  /** Deep, JSON-comparable dump of the spreadsheet's content and structure (not selection, not UI). */
  snapshot(): unknown;
  /**
   * Copies the globals onto `target` (globalThis, or an object for vm.createContext) and, once it
   * is a vm context, returns Dates, arrays and errors made in that context.
   */
  installInto(target: object): void;
}

export function createFakeAppsScript(setup: FakeSetup): FakeAppsScript {
  return new Fake(setup).api();
}

// ---------------------------------------------------------------------------------------------
// Messages Apps Script gives (see README.md for sources)

const PROTECTED = 'You are trying to edit a protected cell or object. Please contact the spreadsheet owner to remove protection if you need to edit.';
const LOCK_TIMEOUT = 'Lock timeout: another process was holding the lock for too long.';
const MERGE_PARTIAL = 'You must select all cells in a merged range to merge or unmerge them.';

function signature(cls: string, method: string, args: unknown[]): AppsScriptException {
  return new AppsScriptException(`The parameters (${args.map(typeName).join(',')}) don't match the method signature for SpreadsheetApp.${cls}.${method}.`);
}

// ---------------------------------------------------------------------------------------------
// Enums: plain objects, as in Apps Script; reading them is not a call.

class FakeEnumValue {
  constructor(
    private readonly typeName_: string,
    private readonly name_: string,
    private readonly ordinal_: number,
  ) {}
  name(): string {
    return this.name_;
  }
  ordinal(): number {
    return this.ordinal_;
  }
  toString(): string {
    return this.name_;
  }
  toJSON(): string {
    return this.name_;
  }
  get enumType(): string {
    return this.typeName_;
  }
}

function makeEnum<K extends string>(type: string, names: readonly K[]): Readonly<Record<K, FakeEnumValue>> {
  const out = {} as Record<K, FakeEnumValue>;
  names.forEach((n, i) => (out[n] = new FakeEnumValue(type, n, i)));
  return Object.freeze(out);
}

const ProtectionType = makeEnum('ProtectionType', ['RANGE', 'SHEET'] as const);
const Button = makeEnum('Button', ['CLOSE', 'OK', 'CANCEL', 'YES', 'NO'] as const);
const ButtonSet = makeEnum('ButtonSet', ['OK', 'OK_CANCEL', 'YES_NO', 'YES_NO_CANCEL'] as const);
const BUTTONS_OF: Record<string, FakeButtonName[]> = { OK: ['OK'], OK_CANCEL: ['OK', 'CANCEL'], YES_NO: ['YES', 'NO'], YES_NO_CANCEL: ['YES', 'NO', 'CANCEL'] };
const XFrameOptionsMode = makeEnum('XFrameOptionsMode', ['ALLOWALL', 'DEFAULT'] as const);
const SandboxMode = makeEnum('SandboxMode', ['EMULATED', 'IFRAME', 'NATIVE'] as const);

// ---------------------------------------------------------------------------------------------
// The engine

class Fake {
  readonly proxies = new ServiceProxies();
  readonly book: FakeSpreadsheetState;
  readonly ui: FakeUiRecords = { menus: [], alerts: [], prompts: [], toasts: [], sidebars: [], dialogs: [] };
  readonly locks: FakeAppsScript['locks'];
  readonly logs: string[] = [];
  readonly files: Record<string, string>;
  readonly scriptTimeZone: string;
  readonly scriptName: string;
  readonly userEmail: string;
  readonly boundToDocument: boolean;
  readonly alertResponses: FakeButtonName[];
  readonly promptResponses: { button: FakeButtonName; text: string }[];
  private nextSheetId = 0;
  private readonly sheetObjects = new Map<FakeSheetState, RawSheet>();
  readonly spreadsheet: RawSpreadsheet;
  readonly uiObject: RawUi;
  private readonly globals: FakeGlobals;

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
    const lock = (): FakeLockState => ({ held: false, heldByAnother: setup.lockHeldByAnother ?? false, acquisitions: 0, releases: 0, lostToDialogs: 0 });
    this.locks = { document: lock(), script: lock(), user: lock() };
    const sheets: FakeSheetState[] = [];
    const book: FakeSpreadsheetState = {
      name: setup.name ?? 'Untitled spreadsheet',
      id: setup.id ?? 'fake-spreadsheet-id',
      timeZone,
      locale: setup.locale ?? 'en_GB',
      sheets,
      activeSheetId: 0,
      sheet(name: string): FakeSheetState {
        const s = sheets.find((x) => x.name.toLowerCase() === name.toLowerCase());
        if (!s) throw new Error(`Fake SpreadsheetApp: no sheet named ${JSON.stringify(name)} (sheets: ${sheets.map((x) => x.name).join(', ')})`);
        return s;
      },
    };
    this.book = book;
    if (setup.sheets.length === 0) throw new Error('Fake SpreadsheetApp: a spreadsheet needs at least one sheet');
    for (const s of setup.sheets) this.seedSheet(s);
    const active = setup.activeSheet ? book.sheet(setup.activeSheet) : (sheets.find((s) => !s.hidden) ?? (sheets[0] as FakeSheetState));
    book.activeSheetId = active.sheetId;
    this.spreadsheet = new RawSpreadsheet(this);
    this.uiObject = new RawUi(this);
    const p = this.proxies;
    this.globals = {
      SpreadsheetApp: p.proxy(new RawSpreadsheetApp(this)) as unknown as GoogleAppsScript.Spreadsheet.SpreadsheetApp,
      LockService: p.proxy(new RawLockService(this)) as unknown as GoogleAppsScript.Lock.LockService,
      HtmlService: p.proxy(new RawHtmlService(this)) as unknown as GoogleAppsScript.HTML.HtmlService,
      Logger: p.proxy(new RawLogger(this)) as unknown as GoogleAppsScript.Base.Logger,
      Session: p.proxy(new RawSession(this)) as unknown as GoogleAppsScript.Base.Session,
      Utilities: p.proxy(new RawUtilities(this)) as unknown as GoogleAppsScript.Utilities.Utilities,
      // Charts is only read for its ChartType enum here: property reads are not calls.
      Charts: { ChartType: { BAR: 'BAR', COLUMN: 'COLUMN', PIE: 'PIE', LINE: 'LINE' } } as unknown as GoogleAppsScript.Charts.Charts,
    };
    p.addRealmSource(this.globals);
  }

  api(): FakeAppsScript {
    const p = this.proxies;
    return {
      globals: this.globals,
      calls: p.calls,
      callLog: p.callLog,
      totalCalls: () => [...p.calls.values()].reduce((a, b) => a + b, 0),
      resetCalls: () => p.reset(),
      book: this.book,
      ui: this.ui,
      locks: this.locks,
      logs: this.logs,
      warnings: this.warnings(),
      snapshot: () => snapshotOf(this.book),
      installInto: (target: object) => {
        Object.assign(target, this.globals);
        p.addRealmSource(target);
      },
    };
  }

  private warnings(): string[] {
    const local = Intl.DateTimeFormat().resolvedOptions().timeZone;
    const probe = [Date.UTC(2020, 0, 15), Date.UTC(2020, 6, 15)];
    const same = probe.every((ms) => -new Date(ms).getTimezoneOffset() * 60_000 === offsetMs(ms, this.scriptTimeZone));
    return same ? [] : [`The Node process runs in ${local}, the script in ${this.scriptTimeZone}: local-time Date methods (getDate, getHours…) in code under test will not read as in Apps Script. Set process.env.TZ = '${this.scriptTimeZone}'.`];
  }

  private seedSheet(s: FakeSheetSetup): void {
    if (this.book.sheets.some((x) => x.name.toLowerCase() === s.name.toLowerCase())) throw new Error(`Fake SpreadsheetApp: two sheets named ${JSON.stringify(s.name)}`);
    const grids = [s.rows ?? [], s.numberFormats ?? [], s.backgrounds ?? [], s.fontColors ?? []];
    const height = Math.max(0, ...grids.map((g) => g.length));
    // A loop, not Math.max(...): spreading 100,000 rows overflows the call stack.
    let width = 0;
    for (const g of grids) for (const r of g) width = Math.max(width, r.length);
    const maxRows = s.maxRows ?? Math.max(1000, height);
    const maxColumns = s.maxColumns ?? Math.max(26, width);
    if (maxRows < height || maxColumns < width) throw new Error(`Fake SpreadsheetApp: sheet ${s.name} is smaller than its data`);
    const sheet = newSheetState(s.name, this.nextSheetId++, maxRows, maxColumns);
    sheet.hidden = s.hidden ?? false;
    sheet.frozenRows = s.frozenRows ?? 0;
    const tz = this.book.timeZone;
    for (let r = 0; r < height; r++) {
      for (let c = 0; c < width; c++) {
        const value = s.rows?.[r]?.[c] ?? null;
        const format = s.numberFormats?.[r]?.[c] ?? null;
        const background = s.backgrounds?.[r]?.[c] ?? null;
        const fontColor = s.fontColors?.[r]?.[c] ?? null;
        if ((value === null || value === '') && format === null && background === null && fontColor === null) continue;
        const cell = cellForWrite(sheet, r + 1, c + 1);
        cell.numberFormat = format;
        cell.background = normaliseColour(background, 'setBackground');
        cell.fontColor = normaliseColour(fontColor, 'setFontColor');
        if (typeof value === 'string' && value.startsWith('=') && !isTextFormat(format)) {
          cell.formula = value;
          cell.value = '#NAME?';
        } else if (isDate(value)) {
          cell.value = new Date(value.getTime());
          if (cell.numberFormat === null) cell.numberFormat = defaultDateFormat(value, tz, this.book.locale);
        } else cell.value = value === '' ? null : value;
        tidyCell(sheet, cell);
      }
    }
    for (const m of s.merges ?? []) {
      const area = parseA1Range(m, maxRows, maxColumns);
      if (!area) throw new Error(`Fake SpreadsheetApp: bad merge ${m}`);
      sheet.merges.push(areaA1({ ...area, openRows: false, openColumns: false }));
      // As merging does in Sheets, only the top-left value survives.
      for (const c of sheet.cells.values()) {
        if (c.row >= area.row && c.row <= lastRowOf(area) && c.column >= area.column && c.column <= lastColumnOf(area) && !(c.row === area.row && c.column === area.column)) {
          c.value = null;
          c.formula = null;
        }
      }
    }
    for (const r of s.hiddenRows ?? []) sheet.hiddenRows.add(r);
    if (s.filter) sheet.filter = { range: s.filter.range, hiddenRows: new Set(s.filter.hiddenRows) };
    if (s.protected) sheet.protections.push({ type: 'SHEET', range: areaA1({ row: 1, column: 1, numRows: maxRows, numColumns: maxColumns }), description: '', canEdit: false, warningOnly: false });
    for (const a1 of s.protectedRanges ?? []) sheet.protections.push({ type: 'RANGE', range: a1, description: '', canEdit: false, warningOnly: false });
    this.book.sheets.push(sheet);
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

  releaseLocksForDialog(): void {
    for (const l of Object.values(this.locks)) {
      if (l.held) {
        l.held = false;
        l.lostToDialogs++;
      }
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

// ---------------------------------------------------------------------------------------------
// SpreadsheetApp, Spreadsheet

class RawSpreadsheetApp extends FakeObject {
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

class RawSpreadsheet extends FakeObject {
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

// ---------------------------------------------------------------------------------------------
// Sheet

class RawSheet extends FakeObject {
  readonly kind = 'Sheet';
  constructor(
    private readonly _f: Fake,
    readonly _state: FakeSheetState,
  ) {
    super();
  }
  private _checkRows(row: unknown, n: unknown, what: 'rows' | 'columns'): [number, number] {
    const max = what === 'rows' ? this._state.maxRows : this._state.maxColumns;
    if (typeof row !== 'number' || typeof n !== 'number' || !Number.isInteger(row) || !Number.isInteger(n)) throw signature('Sheet', what === 'rows' ? 'hideRows' : 'hideColumns', [row, n]);
    if (row < 1 || n < 1 || row + n - 1 > max) throw new AppsScriptException(`Those ${what} are out of bounds.`);
    return [row, n];
  }
  getName(): string {
    return this._state.name;
  }
  getSheetName(): string {
    return this._state.name;
  }
  setName(name: string): RawSheet {
    const other = this._f.sheetNamed(String(name));
    if (other && other !== this._state) throw new AppsScriptException(`A sheet with the name "${name}" already exists. Please enter another name.`);
    this._f.assertWritable(this._state);
    this._state.name = String(name);
    return this;
  }
  getSheetId(): number {
    return this._state.sheetId;
  }
  getIndex(): number {
    return this._f.book.sheets.indexOf(this._state) + 1;
  }
  getParent(): RawSpreadsheet {
    return this._f.spreadsheet;
  }
  getMaxRows(): number {
    return this._state.maxRows;
  }
  getMaxColumns(): number {
    return this._state.maxColumns;
  }
  getLastRow(): number {
    return contentExtent(this._state).lastRow;
  }
  getLastColumn(): number {
    return contentExtent(this._state).lastColumn;
  }
  /** getRange(a1) | getRange(row, column[, numRows[, numColumns]]). */
  getRange(...args: unknown[]): RawRange {
    const s = this._state;
    if (args.length === 1) {
      const { sheet, range } = splitSheetQualifier(String(args[0]));
      if (sheet !== null && sheet.toLowerCase() !== s.name.toLowerCase()) throw new FakeNotImplemented(`Sheet.getRange("${String(args[0])}") naming another sheet`);
      return this._f.parseRangeOn(s, range, 'Sheet');
    }
    const [row, column, numRows = 1, numColumns = 1] = args;
    if (args.length > 4 || ![row, column, numRows, numColumns].every((x) => typeof x === 'number' && Number.isInteger(x))) throw signature('Sheet', 'getRange', args);
    const area: Area = { row: row as number, column: column as number, numRows: numRows as number, numColumns: numColumns as number };
    if (area.row < 1) throw new AppsScriptException('The starting row of the range is too small.');
    if (area.column < 1) throw new AppsScriptException('The starting column of the range is too small.');
    if (area.numRows < 1) throw new AppsScriptException('The number of rows in the range must be at least 1.');
    if (area.numColumns < 1) throw new AppsScriptException('The number of columns in the range must be at least 1.');
    if (lastRowOf(area) > s.maxRows || lastColumnOf(area) > s.maxColumns) throw new AppsScriptException('The coordinates of the range are outside the dimensions of the sheet.');
    return this._f.range(s, area);
  }
  /** A1 to (getLastRow(), getLastColumn()); A1 alone on an empty sheet. */
  getDataRange(): RawRange {
    const { lastRow, lastColumn } = contentExtent(this._state);
    return this._f.range(this._state, { row: 1, column: 1, numRows: Math.max(1, lastRow), numColumns: Math.max(1, lastColumn) });
  }
  getSheetValues(row: number, column: number, numRows: number, numColumns: number): unknown[][] {
    const { lastRow, lastColumn } = contentExtent(this._state);
    const nr = numRows === -1 ? lastRow - row + 1 : numRows;
    const nc = numColumns === -1 ? lastColumn - column + 1 : numColumns;
    return this.getRange(row, column, nr, nc).getValues();
  }
  getRangeList(a1Notations: unknown): RawRangeList {
    if (!Array.isArray(a1Notations)) throw signature('Sheet', 'getRangeList', [a1Notations]);
    if (a1Notations.length === 0) throw new AppsScriptException('Range not found');
    return new RawRangeList(this._f, a1Notations.map((a) => this.getRange(String(a))));
  }
  /** EmbeddedChartBuilder, as Sheet.newChart documents it: build() then insertChart(). */
  newChart(): RawChartBuilder {
    return new RawChartBuilder(this._f, this);
  }
  insertChart(chart: unknown): void {
    if (!(chart instanceof RawChart)) throw signature('Sheet', 'insertChart', [chart]);
    this._f.assertWritable(this._state);
    if (this._state.charts.some((c) => c.chartId === chart._state.chartId)) throw new AppsScriptException('The chart is already on the sheet.');
    this._state.charts.push(chart._state);
  }
  getCharts(): RawChart[] {
    return this._state.charts.map((c) => new RawChart(c));
  }
  removeChart(chart: unknown): void {
    if (!(chart instanceof RawChart)) throw signature('Sheet', 'removeChart', [chart]);
    this._f.assertWritable(this._state);
    this._state.charts = this._state.charts.filter((c) => c.chartId !== chart._state.chartId);
  }
  /** Adds rows after a position. Only growth at the end is modelled (all Plan Monitor needs); inserting mid-sheet throws. */
  insertRowsAfter(afterPosition: unknown, howMany: unknown): RawSheet {
    if (typeof afterPosition !== 'number' || typeof howMany !== 'number' || !Number.isInteger(afterPosition) || !Number.isInteger(howMany) || howMany < 1) {
      throw signature('Sheet', 'insertRowsAfter', [afterPosition, howMany]);
    }
    this._f.assertWritable(this._state);
    if (afterPosition !== this._state.maxRows) throw new Error('Fake SpreadsheetApp: Sheet.insertRowsAfter is modelled only at the end of the sheet');
    this._state.maxRows += howMany;
    return this;
  }
  /** Adds columns after a position; like insertRowsAfter, only growth at the end is modelled. */
  insertColumnsAfter(afterPosition: unknown, howMany: unknown): RawSheet {
    if (typeof afterPosition !== 'number' || typeof howMany !== 'number' || !Number.isInteger(afterPosition) || !Number.isInteger(howMany) || howMany < 1) {
      throw signature('Sheet', 'insertColumnsAfter', [afterPosition, howMany]);
    }
    this._f.assertWritable(this._state);
    if (afterPosition !== this._state.maxColumns) throw new Error('Fake SpreadsheetApp: Sheet.insertColumnsAfter is modelled only at the end of the sheet');
    this._state.maxColumns += howMany;
    return this;
  }
  hideRows(row: unknown, numRows: unknown = 1): void {
    const [r, n] = this._checkRows(row, numRows, 'rows');
    this._f.assertWritable(this._state);
    for (let i = r; i < r + n; i++) this._state.hiddenRows.add(i);
  }
  showRows(row: unknown, numRows: unknown = 1): void {
    const [r, n] = this._checkRows(row, numRows, 'rows');
    this._f.assertWritable(this._state);
    for (let i = r; i < r + n; i++) this._state.hiddenRows.delete(i);
  }
  hideRow(range: unknown): void {
    if (!(range instanceof RawRange)) throw signature('Sheet', 'hideRow', [range]);
    this.hideRows(range._area.row, range._area.numRows);
  }
  unhideRow(range: unknown): void {
    if (!(range instanceof RawRange)) throw signature('Sheet', 'unhideRow', [range]);
    this.showRows(range._area.row, range._area.numRows);
  }
  isRowHiddenByUser(row: number): boolean {
    return this._state.hiddenRows.has(row);
  }
  isRowHiddenByFilter(row: number): boolean {
    return this._state.filter?.hiddenRows.has(row) === true;
  }
  /** The sheet's filter, or null (only its range is modelled). */
  getFilter(): RawFilter | null {
    const f = this._state.filter;
    return f ? new RawFilter(this._f, this._state, f.range) : null;
  }
  hideColumns(column: unknown, numColumns: unknown = 1): void {
    const [c, n] = this._checkRows(column, numColumns, 'columns');
    this._f.assertWritable(this._state);
    for (let i = c; i < c + n; i++) this._state.hiddenColumns.add(i);
  }
  showColumns(column: unknown, numColumns: unknown = 1): void {
    const [c, n] = this._checkRows(column, numColumns, 'columns');
    this._f.assertWritable(this._state);
    for (let i = c; i < c + n; i++) this._state.hiddenColumns.delete(i);
  }
  isColumnHiddenByUser(column: number): boolean {
    return this._state.hiddenColumns.has(column);
  }
  setColumnWidth(column: unknown, width: unknown): RawSheet {
    return this.setColumnWidths(column, 1, width);
  }
  setColumnWidths(startColumn: unknown, numColumns: unknown, width: unknown): RawSheet {
    const [c, n] = this._checkRows(startColumn, numColumns, 'columns');
    if (typeof width !== 'number' || !Number.isFinite(width) || width < 0) throw signature('Sheet', 'setColumnWidths', [startColumn, numColumns, width]);
    this._f.assertWritable(this._state);
    for (let i = c; i < c + n; i++) this._state.columnWidths.set(i, Math.round(width));
    return this;
  }
  getColumnWidth(column: number): number {
    return this._state.columnWidths.get(column) ?? 100;
  }
  setFrozenRows(rows: number): void {
    this._f.assertWritable(this._state);
    this._state.frozenRows = rows;
  }
  getFrozenRows(): number {
    return this._state.frozenRows;
  }
  setFrozenColumns(columns: number): void {
    this._f.assertWritable(this._state);
    this._state.frozenColumns = columns;
  }
  getFrozenColumns(): number {
    return this._state.frozenColumns;
  }
  hideSheet(): RawSheet {
    if (this._state.hidden) return this;
    const book = this._f.book;
    if (!book.sheets.some((s) => s !== this._state && !s.hidden)) throw new AppsScriptException("You can't hide all the sheets in a document.");
    this._f.assertWritable(this._state);
    this._state.hidden = true;
    if (book.activeSheetId === this._state.sheetId) book.activeSheetId = (book.sheets.find((s) => !s.hidden) as FakeSheetState).sheetId;
    return this;
  }
  showSheet(): RawSheet {
    if (!this._state.hidden) return this;
    this._f.assertWritable(this._state);
    this._state.hidden = false;
    return this;
  }
  isSheetHidden(): boolean {
    return this._state.hidden;
  }
  activate(): RawSheet {
    this._f.book.activeSheetId = this._state.sheetId;
    return this;
  }
  /** Selects the range (A1 text or a Range of this sheet) and makes this the active sheet. */
  setActiveSelection(range: unknown): RawRange {
    const r = typeof range === 'string' ? this.getRange(range) : range;
    if (!(r instanceof RawRange) || r._sheet !== this._state) throw signature('Sheet', 'setActiveSelection', [range]);
    return r.activate();
  }
  setActiveRange(range: unknown): RawRange {
    if (!(range instanceof RawRange) || range._sheet !== this._state) throw signature('Sheet', 'setActiveRange', [range]);
    return range.activate();
  }
  getActiveRange(): RawRange {
    return this.getRange(this._state.activeRange);
  }
  getActiveCell(): RawRange {
    const a = this.getActiveRange()._area;
    return this._f.range(this._state, { row: a.row, column: a.column, numRows: 1, numColumns: 1 });
  }
  clear(options?: unknown): RawSheet {
    this._f.range(this._state, { row: 1, column: 1, numRows: this._state.maxRows, numColumns: this._state.maxColumns }).clear(options);
    return this;
  }
  clearContents(): RawSheet {
    this._f.range(this._state, { row: 1, column: 1, numRows: this._state.maxRows, numColumns: this._state.maxColumns }).clearContent();
    return this;
  }
  /** Clears every format, number formats included (Range.clearFormat keeps those). */
  clearFormats(): RawSheet {
    this._f.assertWritable(this._state);
    for (const c of [...this._state.cells.values()]) {
      clearFormatOf(c, true);
      tidyCell(this._state, c);
    }
    return this;
  }
  getProtections(type: unknown): RawProtection[] {
    if (type !== ProtectionType.SHEET && type !== ProtectionType.RANGE) throw signature('Sheet', 'getProtections', [type]);
    const want = type === ProtectionType.SHEET ? 'SHEET' : 'RANGE';
    return this._state.protections.filter((p) => p.type === want).map((p) => new RawProtection(this._f, this._state, p));
  }
  /** Protects the sheet; if it is already protected, gives that protection. */
  protect(): RawProtection {
    const existing = this._state.protections.find((p) => p.type === 'SHEET');
    if (existing) return new RawProtection(this._f, this._state, existing);
    const p: FakeProtectionState = { type: 'SHEET', range: areaA1({ row: 1, column: 1, numRows: this._state.maxRows, numColumns: this._state.maxColumns }), description: '', canEdit: true, warningOnly: false };
    this._state.protections.push(p);
    return new RawProtection(this._f, this._state, p);
  }
  appendRow(rowContents: unknown): RawSheet {
    if (!Array.isArray(rowContents) || rowContents.length === 0) throw signature('Sheet', 'appendRow', [rowContents]);
    this._f.assertWritable(this._state);
    const row = contentExtent(this._state).lastRow + 1;
    if (row > this._state.maxRows) this._state.maxRows = row;
    if (rowContents.length > this._state.maxColumns) this._state.maxColumns = rowContents.length;
    this._f.range(this._state, { row, column: 1, numRows: 1, numColumns: rowContents.length }).setValues([rowContents]);
    return this;
  }
}

// ---------------------------------------------------------------------------------------------
// Range

type Format = Exclude<keyof FakeCellState, 'row' | 'column' | 'value' | 'formula'>;

function clearFormatOf(c: FakeCellState, numberFormatToo: boolean): void {
  c.background = null;
  c.fontColor = null;
  c.fontWeight = null;
  c.fontStyle = null;
  c.fontSize = null;
  c.wrap = null;
  c.verticalAlignment = null;
  c.horizontalAlignment = null;
  if (numberFormatToo) c.numberFormat = null;
}

/** What getValues gives for a stored value under a number format (dates live in the format, as in Sheets). */
function readValue(c: FakeCellState | undefined, tz: string): StoredValue {
  if (!c || c.value === null) return '';
  const v = c.value;
  const format = c.numberFormat ?? AUTOMATIC_FORMAT;
  if (isDate(v)) return isDateFormat(format) || isTextFormat(format) ? new Date(v.getTime()) : serialOf(v, tz);
  if (typeof v === 'number' && isDateFormat(format)) return dateOfSerial(v, tz);
  return v;
}

function displayValue(c: FakeCellState | undefined, tz: string): string {
  const v = readValue(c, tz);
  if (v === '' || v === null) return '';
  if (typeof v === 'boolean') return v ? 'TRUE' : 'FALSE';
  if (typeof v === 'string') return v;
  const format = c?.numberFormat ?? null;
  if (isDate(v)) return formatSheetsDate(v, format ?? 'dd/MM/yyyy', tz);
  return formatSheetsNumber(v, format);
}

class RawRange extends FakeObject {
  readonly kind = 'Range';
  constructor(
    private readonly _f: Fake,
    readonly _sheet: FakeSheetState,
    readonly _area: Area,
  ) {
    super();
  }

  private _grid<T>(fn: (cell: FakeCellState | undefined, row: number, column: number) => T): T[][] {
    const { row, column, numRows, numColumns } = this._area;
    const out: T[][] = [];
    for (let r = 0; r < numRows; r++) {
      const line: T[] = [];
      for (let c = 0; c < numColumns; c++) line.push(fn(getCell(this._sheet, row + r, column + c), row + r, column + c));
      out.push(line);
    }
    return out;
  }

  private _topLeft(): FakeCellState | undefined {
    return getCell(this._sheet, this._area.row, this._area.column);
  }

  /** Apps Script's dimension checks for a 2-D argument. */
  private _check2D(values: unknown, method: string): unknown[][] {
    if (!Array.isArray(values) || !values.every((r) => Array.isArray(r))) throw signature('Range', method, [values]);
    const rows = values as unknown[][];
    if (rows.length !== this._area.numRows) throw new AppsScriptException(`The number of rows in the data does not match the number of rows in the range. The data has ${rows.length} but the range has ${this._area.numRows}.`);
    for (const r of rows) if (r.length !== this._area.numColumns) throw new AppsScriptException(`The number of columns in the data does not match the number of columns in the range. The data has ${r.length} but the range has ${this._area.numColumns}.`);
    return rows;
  }

  /** Writes after every check has passed: the whole range or nothing. */
  private _write(values: unknown[][] | null, apply: (cell: FakeCellState, v: unknown) => void): RawRange {
    this._f.assertWritable(this._sheet, this._area);
    const { row, column, numRows, numColumns } = this._area;
    for (let r = 0; r < numRows; r++) {
      for (let c = 0; c < numColumns; c++) {
        const cell = cellForWrite(this._sheet, row + r, column + c);
        apply(cell, values ? values[r]?.[c] : undefined);
        tidyCell(this._sheet, cell);
      }
    }
    return this;
  }

  /** Every existing cell record in the range (cheap on big, sparse ranges). */
  private _existing(): FakeCellState[] {
    const out: FakeCellState[] = [];
    for (const c of this._sheet.cells.values()) if (c.row >= this._area.row && c.row <= lastRowOf(this._area) && c.column >= this._area.column && c.column <= lastColumnOf(this._area)) out.push(c);
    return out;
  }

  private _storeTyped(cell: FakeCellState, input: unknown): void {
    const book = this._f.book;
    const t = typeInput(input, cell.numberFormat, book.timeZone, book.locale);
    cell.value = t.value;
    cell.formula = t.formula;
    if (cell.numberFormat === null && t.format !== null) cell.numberFormat = t.format;
    if (cell.numberFormat === null && isDate(t.value)) cell.numberFormat = defaultDateFormat(t.value, book.timeZone, book.locale);
  }

  // Values ------------------------------------------------------------------------------------
  getValues(): StoredValue[][] {
    const tz = this._f.book.timeZone;
    return this._grid((c) => readValue(c, tz));
  }
  getValue(): StoredValue {
    return readValue(this._topLeft(), this._f.book.timeZone);
  }
  getDisplayValues(): string[][] {
    const tz = this._f.book.timeZone;
    return this._grid((c) => displayValue(c, tz));
  }
  getDisplayValue(): string {
    return displayValue(this._topLeft(), this._f.book.timeZone);
  }
  setValues(values: unknown): RawRange {
    const rows = this._check2D(values, 'setValues');
    return this._write(rows, (cell, v) => this._storeTyped(cell, v));
  }
  setValue(value: unknown): RawRange {
    return this._write(null, (cell) => this._storeTyped(cell, value));
  }
  getFormulas(): string[][] {
    return this._grid((c) => c?.formula ?? '');
  }
  getFormula(): string {
    return this._topLeft()?.formula ?? '';
  }
  setFormula(formula: unknown): RawRange {
    if (typeof formula !== 'string') throw signature('Range', 'setFormula', [formula]);
    return this._write(null, (cell) => this._storeTyped(cell, formula));
  }
  setFormulas(formulas: unknown): RawRange {
    const rows = this._check2D(formulas, 'setFormulas');
    return this._write(rows, (cell, v) => this._storeTyped(cell, v === null || v === undefined ? '' : String(v)));
  }
  isBlank(): boolean {
    return this._existing().every((c) => c.value === null && c.formula === null);
  }

  // Formats -----------------------------------------------------------------------------------
  private _setFormat<K extends Format>(key: K, value: FakeCellState[K]): RawRange {
    return this._write(null, (cell) => {
      cell[key] = value;
    });
  }
  private _setFormats<K extends Format>(key: K, values: unknown, method: string, read: (v: unknown) => FakeCellState[K]): RawRange {
    const rows = this._check2D(values, method);
    const converted = rows.map((r) => r.map(read));
    return this._write(converted, (cell, v) => {
      cell[key] = v as FakeCellState[K];
    });
  }
  getNumberFormats(): string[][] {
    return this._grid((c) => c?.numberFormat ?? AUTOMATIC_FORMAT);
  }
  getNumberFormat(): string {
    return this._topLeft()?.numberFormat ?? AUTOMATIC_FORMAT;
  }
  setNumberFormat(format: unknown): RawRange {
    if (typeof format !== 'string') throw signature('Range', 'setNumberFormat', [format]);
    return this._setFormat('numberFormat', format);
  }
  setNumberFormats(formats: unknown): RawRange {
    return this._setFormats('numberFormat', formats, 'setNumberFormats', (v) => (v === null || v === undefined ? null : String(v)));
  }
  getBackgrounds(): string[][] {
    return this._grid((c) => c?.background ?? '#ffffff');
  }
  getBackground(): string {
    return this._topLeft()?.background ?? '#ffffff';
  }
  setBackground(color: unknown): RawRange {
    return this._setFormat('background', normaliseColour(color, 'setBackground'));
  }
  setBackgroundRGB(red: number, green: number, blue: number): RawRange {
    const hex = [red, green, blue].map((n) => Math.max(0, Math.min(255, Math.round(n))).toString(16).padStart(2, '0')).join('');
    return this._setFormat('background', `#${hex}`);
  }
  setBackgrounds(colors: unknown): RawRange {
    return this._setFormats('background', colors, 'setBackgrounds', (v) => normaliseColour(v, 'setBackgrounds'));
  }
  /** Deprecated in Apps Script (getFontColorObjects replaces it) but still there. */
  getFontColors(): string[][] {
    return this._grid((c) => c?.fontColor ?? '#000000');
  }
  getFontColor(): string {
    return this._topLeft()?.fontColor ?? '#000000';
  }
  setFontColor(color: unknown): RawRange {
    return this._setFormat('fontColor', normaliseColour(color, 'setFontColor'));
  }
  setFontColors(colors: unknown): RawRange {
    return this._setFormats('fontColor', colors, 'setFontColors', (v) => normaliseColour(v, 'setFontColors'));
  }
  getFontWeights(): string[][] {
    return this._grid((c) => c?.fontWeight ?? 'normal');
  }
  getFontWeight(): string {
    return this._topLeft()?.fontWeight ?? 'normal';
  }
  setFontWeight(weight: unknown): RawRange {
    return this._setFormat('fontWeight', fontWeightOf(weight));
  }
  setFontWeights(weights: unknown): RawRange {
    return this._setFormats('fontWeight', weights, 'setFontWeights', fontWeightOf);
  }
  getFontStyles(): string[][] {
    return this._grid((c) => c?.fontStyle ?? 'normal');
  }
  getFontStyle(): string {
    return this._topLeft()?.fontStyle ?? 'normal';
  }
  setFontStyle(style: unknown): RawRange {
    return this._setFormat('fontStyle', fontStyleOf(style));
  }
  setFontStyles(styles: unknown): RawRange {
    return this._setFormats('fontStyle', styles, 'setFontStyles', fontStyleOf);
  }
  getFontSizes(): number[][] {
    return this._grid((c) => c?.fontSize ?? 10);
  }
  getFontSize(): number {
    return this._topLeft()?.fontSize ?? 10;
  }
  setFontSize(size: unknown): RawRange {
    if (typeof size !== 'number') throw signature('Range', 'setFontSize', [size]);
    return this._setFormat('fontSize', size);
  }
  setFontSizes(sizes: unknown): RawRange {
    return this._setFormats('fontSize', sizes, 'setFontSizes', (v) => (typeof v === 'number' ? v : null));
  }
  setWrap(wrap: unknown): RawRange {
    if (typeof wrap !== 'boolean') throw signature('Range', 'setWrap', [wrap]);
    return this._setFormat('wrap', wrap);
  }
  setWraps(wraps: unknown): RawRange {
    return this._setFormats('wrap', wraps, 'setWraps', (v) => (typeof v === 'boolean' ? v : null));
  }
  getVerticalAlignments(): string[][] {
    return this._grid((c) => c?.verticalAlignment ?? 'bottom');
  }
  getVerticalAlignment(): string {
    return this._topLeft()?.verticalAlignment ?? 'bottom';
  }
  setVerticalAlignment(alignment: unknown): RawRange {
    return this._setFormat('verticalAlignment', alignmentOf(alignment, ['top', 'middle', 'bottom'], 'setVerticalAlignment'));
  }
  setVerticalAlignments(alignments: unknown): RawRange {
    return this._setFormats('verticalAlignment', alignments, 'setVerticalAlignments', (v) => alignmentOf(v, ['top', 'middle', 'bottom'], 'setVerticalAlignments'));
  }
  setHorizontalAlignment(alignment: unknown): RawRange {
    return this._setFormat('horizontalAlignment', alignmentOf(alignment, ['left', 'center', 'right', 'normal'], 'setHorizontalAlignment'));
  }
  setHorizontalAlignments(alignments: unknown): RawRange {
    return this._setFormats('horizontalAlignment', alignments, 'setHorizontalAlignments', (v) => alignmentOf(v, ['left', 'center', 'right', 'normal'], 'setHorizontalAlignments'));
  }

  // Clearing ----------------------------------------------------------------------------------
  /** clear() | clear({ contentsOnly, formatOnly, … }): contents and every format by default. */
  clear(options?: unknown): RawRange {
    const o = (options ?? {}) as { contentsOnly?: boolean; formatOnly?: boolean; commentsOnly?: boolean; validationsOnly?: boolean };
    if (o.commentsOnly || o.validationsOnly) {
      this._f.assertWritable(this._sheet, this._area);
      return this;
    }
    const contents = !o.formatOnly || o.contentsOnly === true;
    const formats = !o.contentsOnly || o.formatOnly === true;
    this._f.assertWritable(this._sheet, this._area);
    for (const c of this._existing()) {
      if (contents) {
        c.value = null;
        c.formula = null;
      }
      if (formats) clearFormatOf(c, true);
      tidyCell(this._sheet, c);
    }
    return this;
  }
  clearContent(): RawRange {
    return this.clear({ contentsOnly: true });
  }
  /** Documented: clears text formatting "but does not reset any number formatting rules". */
  clearFormat(): RawRange {
    this._f.assertWritable(this._sheet, this._area);
    for (const c of this._existing()) {
      clearFormatOf(c, false);
      tidyCell(this._sheet, c);
    }
    return this;
  }

  // Geometry ----------------------------------------------------------------------------------
  getA1Notation(): string {
    return areaA1(this._area);
  }
  getRow(): number {
    return this._area.row;
  }
  getRowIndex(): number {
    return this._area.row;
  }
  getColumn(): number {
    return this._area.column;
  }
  getNumRows(): number {
    return this._area.numRows;
  }
  getNumColumns(): number {
    return this._area.numColumns;
  }
  getHeight(): number {
    return this._area.numRows;
  }
  getWidth(): number {
    return this._area.numColumns;
  }
  /** The range's own end row (not the sheet's last row with content). */
  getLastRow(): number {
    return lastRowOf(this._area);
  }
  getLastColumn(): number {
    return lastColumnOf(this._area);
  }
  getSheet(): RawSheet {
    return this._f.sheetObject(this._sheet);
  }
  getGridId(): number {
    return this._sheet.sheetId;
  }
  getCell(row: number, column: number): RawRange {
    if (!Number.isInteger(row) || !Number.isInteger(column) || row < 1 || column < 1 || row > this._area.numRows || column > this._area.numColumns) throw new AppsScriptException('Cell reference out of range');
    return this._f.range(this._sheet, { row: this._area.row + row - 1, column: this._area.column + column - 1, numRows: 1, numColumns: 1 });
  }
  offset(rowOffset: number, columnOffset: number, numRows?: number, numColumns?: number): RawRange {
    return this._f.sheetObject(this._sheet).getRange(this._area.row + rowOffset, this._area.column + columnOffset, numRows ?? this._area.numRows, numColumns ?? this._area.numColumns);
  }
  activate(): RawRange {
    this._sheet.activeRange = areaA1(this._area);
    this._f.book.activeSheetId = this._sheet.sheetId;
    return this;
  }
  activateAsCurrentCell(): RawRange {
    if (this._area.numRows !== 1 || this._area.numColumns !== 1) throw new AppsScriptException('The range must be a single cell.');
    return this.activate();
  }
  canEdit(): boolean {
    try {
      this._f.assertWritable(this._sheet, this._area);
      return true;
    } catch {
      return false;
    }
  }

  // Merges ------------------------------------------------------------------------------------
  private _merges(): Area[] {
    return this._sheet.merges.map((m) => parseA1Range(m, this._sheet.maxRows, this._sheet.maxColumns) as Area);
  }
  /** Merged areas that lie in or overlap this range. */
  getMergedRanges(): RawRange[] {
    return this._merges()
      .filter((m) => intersects(m, this._area))
      .map((m) => this._f.range(this._sheet, m));
  }
  isPartOfMerge(): boolean {
    return this._merges().some((m) => intersects(m, this._area));
  }
  private _mergeAreas(areas: Area[]): RawRange {
    const existing = this._merges();
    for (const m of existing) if (intersects(m, this._area) && !contains(this._area, m)) throw new AppsScriptException(MERGE_PARTIAL);
    this._f.assertWritable(this._sheet, this._area);
    this._sheet.merges = existing.filter((m) => !contains(this._area, m)).map((m) => areaA1(m));
    for (const a of areas) {
      if (a.numRows === 1 && a.numColumns === 1) continue;
      this._sheet.merges.push(areaA1({ row: a.row, column: a.column, numRows: a.numRows, numColumns: a.numColumns }));
      // Only the top-left value survives a merge.
      for (const c of [...this._sheet.cells.values()]) {
        if (c.row >= a.row && c.row <= lastRowOf(a) && c.column >= a.column && c.column <= lastColumnOf(a) && !(c.row === a.row && c.column === a.column)) {
          c.value = null;
          c.formula = null;
          tidyCell(this._sheet, c);
        }
      }
    }
    return this;
  }
  merge(): RawRange {
    return this._mergeAreas([{ ...this._area, openRows: false, openColumns: false }]);
  }
  mergeAcross(): RawRange {
    const a = this._area;
    return this._mergeAreas(Array.from({ length: a.numRows }, (_, i) => ({ row: a.row + i, column: a.column, numRows: 1, numColumns: a.numColumns })));
  }
  mergeVertically(): RawRange {
    const a = this._area;
    return this._mergeAreas(Array.from({ length: a.numColumns }, (_, i) => ({ row: a.row, column: a.column + i, numRows: a.numRows, numColumns: 1 })));
  }
  breakApart(): RawRange {
    const existing = this._merges();
    for (const m of existing) if (intersects(m, this._area) && !contains(this._area, m)) throw new AppsScriptException(MERGE_PARTIAL);
    this._f.assertWritable(this._sheet, this._area);
    this._sheet.merges = existing.filter((m) => !contains(this._area, m)).map((m) => areaA1(m));
    return this;
  }
}

function fontWeightOf(v: unknown): 'bold' | 'normal' | null {
  if (v === null || v === undefined) return null;
  if (v === 'bold' || v === 'normal') return v;
  throw new AppsScriptException(`Invalid argument: fontWeight (${String(v)})`);
}

function fontStyleOf(v: unknown): 'italic' | 'normal' | null {
  if (v === null || v === undefined) return null;
  if (v === 'italic' || v === 'normal') return v;
  throw new AppsScriptException(`Invalid argument: fontStyle (${String(v)})`);
}

function alignmentOf(v: unknown, allowed: string[], method: string): string | null {
  if (v === null || v === undefined) return null;
  if (typeof v === 'string' && allowed.includes(v.toLowerCase())) return v.toLowerCase();
  throw new AppsScriptException(`Invalid argument: ${method} (${String(v)})`);
}

// ---------------------------------------------------------------------------------------------
// RangeList: every write checks every range before changing any.

class RawRangeList extends FakeObject {
  readonly kind = 'RangeList';
  constructor(
    private readonly _f: Fake,
    readonly _ranges: RawRange[],
  ) {
    super();
  }
  private _each(fn: (r: RawRange) => unknown): RawRangeList {
    for (const r of this._ranges) this._f.assertWritable(r._sheet, r._area);
    for (const r of this._ranges) fn(r);
    return this;
  }
  getRanges(): RawRange[] {
    return [...this._ranges];
  }
  setBackground(color: unknown): RawRangeList {
    const c = normaliseColour(color, 'setBackground');
    return this._each((r) => r.setBackground(c));
  }
  setBackgroundRGB(red: number, green: number, blue: number): RawRangeList {
    return this._each((r) => r.setBackgroundRGB(red, green, blue));
  }
  setFontColor(color: unknown): RawRangeList {
    const c = normaliseColour(color, 'setFontColor');
    return this._each((r) => r.setFontColor(c));
  }
  setFontWeight(weight: unknown): RawRangeList {
    fontWeightOf(weight);
    return this._each((r) => r.setFontWeight(weight));
  }
  setFontStyle(style: unknown): RawRangeList {
    fontStyleOf(style);
    return this._each((r) => r.setFontStyle(style));
  }
  setFontSize(size: unknown): RawRangeList {
    return this._each((r) => r.setFontSize(size));
  }
  setNumberFormat(format: unknown): RawRangeList {
    if (typeof format !== 'string') throw signature('RangeList', 'setNumberFormat', [format]);
    return this._each((r) => r.setNumberFormat(format));
  }
  setValue(value: unknown): RawRangeList {
    return this._each((r) => r.setValue(value));
  }
  setFormula(formula: unknown): RawRangeList {
    return this._each((r) => r.setFormula(formula));
  }
  setWrap(wrap: unknown): RawRangeList {
    return this._each((r) => r.setWrap(wrap));
  }
  setVerticalAlignment(alignment: unknown): RawRangeList {
    return this._each((r) => r.setVerticalAlignment(alignment));
  }
  setHorizontalAlignment(alignment: unknown): RawRangeList {
    return this._each((r) => r.setHorizontalAlignment(alignment));
  }
  clear(options?: unknown): RawRangeList {
    return this._each((r) => r.clear(options));
  }
  clearContent(): RawRangeList {
    return this._each((r) => r.clearContent());
  }
  clearFormat(): RawRangeList {
    return this._each((r) => r.clearFormat());
  }
  breakApart(): RawRangeList {
    return this._each((r) => r.breakApart());
  }
  /** Selects the ranges; the last one becomes the active range. */
  activate(): RawRangeList {
    const last = this._ranges[this._ranges.length - 1];
    last?.activate();
    return this;
  }
}

// ---------------------------------------------------------------------------------------------
// Protection

class RawFilter extends FakeObject {
  readonly kind = 'Filter';
  constructor(
    private readonly _f: Fake,
    private readonly _sheet: FakeSheetState,
    private readonly _range: string,
  ) {
    super();
  }
  getRange(): RawRange {
    return this._f.parseRangeOn(this._sheet, this._range, 'Filter');
  }
}

class RawProtection extends FakeObject {
  readonly kind = 'Protection';
  constructor(
    private readonly _f: Fake,
    private readonly _sheet: FakeSheetState,
    private readonly _p: FakeProtectionState,
  ) {
    super();
  }
  canEdit(): boolean {
    return this._p.canEdit;
  }
  getProtectionType(): unknown {
    return this._p.type === 'SHEET' ? ProtectionType.SHEET : ProtectionType.RANGE;
  }
  getDescription(): string {
    return this._p.description;
  }
  setDescription(description: string): RawProtection {
    if (!this._p.canEdit) throw new AppsScriptException(PROTECTED);
    this._p.description = String(description);
    return this;
  }
  isWarningOnly(): boolean {
    return this._p.warningOnly;
  }
  setWarningOnly(warningOnly: boolean): RawProtection {
    if (!this._p.canEdit) throw new AppsScriptException(PROTECTED);
    this._p.warningOnly = Boolean(warningOnly);
    return this;
  }
  getRange(): RawRange {
    return this._f.parseRangeOn(this._sheet, this._p.range, 'Protection');
  }
  getEditors(): unknown[] {
    return [];
  }
  remove(): void {
    if (!this._p.canEdit) throw new AppsScriptException(PROTECTED);
    this._sheet.protections = this._sheet.protections.filter((p) => p !== this._p);
  }
}

// ---------------------------------------------------------------------------------------------
// Ui, Menu

class RawUi extends FakeObject {
  readonly kind = 'Ui';
  readonly Button = Button;
  readonly ButtonSet = ButtonSet;
  constructor(private readonly _f: Fake) {
    super();
  }
  private _buttons(set: unknown, method: string): string {
    if (set === undefined) return 'OK';
    const name = set instanceof FakeEnumValue && set.enumType === 'ButtonSet' ? set.name() : null;
    if (name === null) throw new AppsScriptException(`The parameters (${typeName(set)}) don't match the method signature for Ui.${method}.`);
    return name;
  }
  private _answer(set: string, queue: FakeButtonName[]): FakeButtonName {
    const allowed = BUTTONS_OF[set] as FakeButtonName[];
    const next = queue.shift();
    if (next === undefined) return allowed[0] as FakeButtonName;
    if (next !== 'CLOSE' && !allowed.includes(next)) throw new Error(`Fake SpreadsheetApp: alertResponses gave ${next}, which ButtonSet.${set} does not offer`);
    return next;
  }
  /** alert(prompt) | alert(prompt, buttons) | alert(title, prompt, buttons). Locks do not survive it. */
  alert(...args: unknown[]): unknown {
    const [title, prompt, set] = args.length >= 3 ? [String(args[0]), String(args[1]), args[2]] : args.length === 2 && typeof args[1] !== 'string' ? ['', String(args[0]), args[1]] : ['', String(args[0]), undefined];
    const buttons = this._buttons(set, 'alert');
    const response = this._answer(buttons, this._f.alertResponses);
    this._f.releaseLocksForDialog();
    this._f.ui.alerts.push({ title, prompt, buttons, response });
    return Button[response];
  }
  prompt(...args: unknown[]): RawPromptResponse {
    const [title, prompt, set] = args.length >= 3 ? [String(args[0]), String(args[1]), args[2]] : args.length === 2 && typeof args[1] !== 'string' ? ['', String(args[0]), args[1]] : ['', String(args[0]), undefined];
    const buttons = this._buttons(set, 'prompt');
    const queued = this._f.promptResponses.shift();
    const response = queued ? this._answer(buttons, [queued.button]) : (BUTTONS_OF[buttons]?.[0] as FakeButtonName);
    const text = queued?.text ?? '';
    this._f.releaseLocksForDialog();
    this._f.ui.prompts.push({ title, prompt, buttons, response, text });
    return new RawPromptResponse(response, text);
  }
  createMenu(caption: string): RawMenu {
    if (typeof caption !== 'string') throw signature('Ui', 'createMenu', [caption]);
    return new RawMenu(this._f, { name: caption, addon: false, items: [], entries: [] });
  }
  createAddonMenu(): RawMenu {
    return new RawMenu(this._f, { name: this._f.scriptName, addon: true, items: [], entries: [] });
  }
  showSidebar(userInterface: unknown): void {
    if (!(userInterface instanceof RawHtmlOutput)) throw new AppsScriptException(`The parameters (${typeName(userInterface)}) don't match the method signature for Ui.showSidebar.`);
    this._f.ui.sidebars.push({ title: userInterface._title, html: userInterface._content });
  }
  showModalDialog(userInterface: unknown, title: string): void {
    this._dialog(userInterface, title, true, 'showModalDialog');
  }
  showModelessDialog(userInterface: unknown, title: string): void {
    this._dialog(userInterface, title, false, 'showModelessDialog');
  }
  private _dialog(ui: unknown, title: string, modal: boolean, method: string): void {
    if (!(ui instanceof RawHtmlOutput) || typeof title !== 'string') throw new AppsScriptException(`The parameters (${typeName(ui)},${typeName(title)}) don't match the method signature for Ui.${method}.`);
    this._f.ui.dialogs.push({ title, html: ui._content, width: ui._width, height: ui._height, modal });
  }
}

class RawPromptResponse extends FakeObject {
  readonly kind = 'PromptResponse';
  constructor(
    private readonly _button: FakeButtonName,
    private readonly _text: string,
  ) {
    super();
  }
  getSelectedButton(): unknown {
    return Button[this._button];
  }
  getResponseText(): string {
    return this._text;
  }
}

class RawMenu extends FakeObject {
  readonly kind = 'Menu';
  constructor(
    private readonly _f: Fake,
    readonly _record: FakeMenuRecord,
  ) {
    super();
  }
  addItem(caption: unknown, functionName: unknown): RawMenu {
    if (typeof caption !== 'string' || typeof functionName !== 'string') throw new AppsScriptException(`The parameters (${typeName(caption)},${typeName(functionName)}) don't match the method signature for Menu.addItem.`);
    this._record.items.push({ caption, functionName });
    this._record.entries.push({ kind: 'item', caption, functionName });
    return this;
  }
  addSeparator(): RawMenu {
    this._record.entries.push({ kind: 'separator' });
    return this;
  }
  addSubMenu(menu: unknown): RawMenu {
    if (!(menu instanceof RawMenu)) throw new AppsScriptException(`The parameters (${typeName(menu)}) don't match the method signature for Menu.addSubMenu.`);
    this._record.entries.push({ kind: 'subMenu', menu: menu._record });
    return this;
  }
  /** Adds the menu to the editor. There is one add-on menu: adding it again replaces it. */
  addToUi(): void {
    const menus = this._f.ui.menus;
    const copy: FakeMenuRecord = structuredClone(this._record);
    const i = this._record.addon ? menus.findIndex((m) => m.addon) : -1;
    if (i >= 0) menus[i] = copy;
    else menus.push(copy);
  }
}

// ---------------------------------------------------------------------------------------------
// HtmlService

class RawHtmlOutput extends FakeObject {
  readonly kind = 'HtmlOutput';
  _title = '';
  _width: number | null = null;
  _height: number | null = null;
  constructor(public _content: string) {
    super();
  }
  getContent(): string {
    return this._content;
  }
  setContent(content: string): RawHtmlOutput {
    this._content = String(content);
    return this;
  }
  append(html: string): RawHtmlOutput {
    this._content += String(html);
    return this;
  }
  appendUntrusted(text: string): RawHtmlOutput {
    this._content += String(text).replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;');
    return this;
  }
  clear(): RawHtmlOutput {
    this._content = '';
    return this;
  }
  setTitle(title: string): RawHtmlOutput {
    this._title = String(title);
    return this;
  }
  getTitle(): string {
    return this._title;
  }
  setWidth(width: number): RawHtmlOutput {
    this._width = width;
    return this;
  }
  getWidth(): number | null {
    return this._width;
  }
  setHeight(height: number): RawHtmlOutput {
    this._height = height;
    return this;
  }
  getHeight(): number | null {
    return this._height;
  }
  setXFrameOptionsMode(): RawHtmlOutput {
    return this;
  }
  setSandboxMode(): RawHtmlOutput {
    return this;
  }
  addMetaTag(): RawHtmlOutput {
    return this;
  }
  setFaviconUrl(): RawHtmlOutput {
    return this;
  }
}

class RawHtmlService extends FakeObject {
  readonly kind = 'HtmlService';
  readonly XFrameOptionsMode = XFrameOptionsMode;
  readonly SandboxMode = SandboxMode;
  constructor(private readonly _f: Fake) {
    super();
  }
  createHtmlOutput(html?: unknown): RawHtmlOutput {
    if (html !== undefined && typeof html !== 'string') throw new FakeNotImplemented('HtmlService.createHtmlOutput from a blob or template');
    return new RawHtmlOutput(html ?? '');
  }
  createHtmlOutputFromFile(filename: string): RawHtmlOutput {
    const name = String(filename);
    const content = this._f.files[name] ?? this._f.files[`${name}.html`] ?? (name.endsWith('.html') ? this._f.files[name.slice(0, -5)] : undefined);
    if (content === undefined) throw new AppsScriptException(`No HTML file named ${name} was found.`);
    return new RawHtmlOutput(content);
  }
}

// ---------------------------------------------------------------------------------------------
// LockService, Session, Utilities, Logger

class RawLock extends FakeObject {
  readonly kind = 'Lock';
  constructor(private readonly _s: FakeLockState) {
    super();
  }
  /** Has no effect when the lock is already held. */
  tryLock(timeoutInMillis: unknown): boolean {
    if (typeof timeoutInMillis !== 'number') throw new AppsScriptException(`The parameters (${typeName(timeoutInMillis)}) don't match the method signature for Lock.tryLock.`);
    if (this._s.held) return true;
    if (this._s.heldByAnother) return false;
    this._s.held = true;
    this._s.acquisitions++;
    return true;
  }
  waitLock(timeoutInMillis: unknown): void {
    if (typeof timeoutInMillis !== 'number') throw new AppsScriptException(`The parameters (${typeName(timeoutInMillis)}) don't match the method signature for Lock.waitLock.`);
    if (!this.tryLock(timeoutInMillis)) throw new AppsScriptException(LOCK_TIMEOUT);
  }
  /** Has no effect when the lock is not held. */
  releaseLock(): void {
    if (!this._s.held) return;
    this._s.held = false;
    this._s.releases++;
  }
  hasLock(): boolean {
    return this._s.held;
  }
}

class RawLockService extends FakeObject {
  readonly kind = 'LockService';
  constructor(private readonly _f: Fake) {
    super();
  }
  /** null when the script is not bound to a document. */
  getDocumentLock(): RawLock | null {
    return this._f.boundToDocument ? new RawLock(this._f.locks.document) : null;
  }
  getScriptLock(): RawLock {
    return new RawLock(this._f.locks.script);
  }
  getUserLock(): RawLock {
    return new RawLock(this._f.locks.user);
  }
}

class RawUser extends FakeObject {
  readonly kind = 'User';
  constructor(private readonly _email: string) {
    super();
  }
  getEmail(): string {
    return this._email;
  }
}

class RawSession extends FakeObject {
  readonly kind = 'Session';
  constructor(private readonly _f: Fake) {
    super();
  }
  getScriptTimeZone(): string {
    return this._f.scriptTimeZone;
  }
  getActiveUserLocale(): string {
    return this._f.book.locale.split('_')[0] ?? 'en';
  }
  getActiveUser(): RawUser {
    return new RawUser(this._f.userEmail);
  }
  getEffectiveUser(): RawUser {
    return new RawUser(this._f.userEmail);
  }
}

class RawUtilities extends FakeObject {
  readonly kind = 'Utilities';
  constructor(private readonly _f: Fake) {
    super();
  }
  /** Java SimpleDateFormat patterns: "yyyy-MM-dd", "d MMM yyyy", "HH:mm" … */
  formatDate(date: unknown, timeZone: unknown, format: unknown): string {
    if (!isDate(date) || typeof timeZone !== 'string' || typeof format !== 'string') throw new AppsScriptException(`The parameters (${[date, timeZone, format].map(typeName).join(',')}) don't match the method signature for Utilities.formatDate.`);
    if (!isValidTimeZone(timeZone)) throw new FakeNotImplemented(`Utilities.formatDate in time zone ${JSON.stringify(timeZone)}`);
    return formatJavaDate(date, timeZone, format);
  }
  sleep(milliseconds: number): void {
    this._f.logs.push(`[Utilities.sleep ${milliseconds}]`);
  }
  getUuid(): string {
    return globalThis.crypto.randomUUID();
  }
}

class RawLogger extends FakeObject {
  readonly kind = 'Logger';
  constructor(private readonly _f: Fake) {
    super();
  }
  log(data: unknown, ...values: unknown[]): RawLogger {
    let text = typeof data === 'string' ? data : JSON.stringify(data) ?? String(data);
    for (const v of values) text = text.replace(/%s|%d|%f|%o/, String(v));
    this._f.logs.push(text);
    return this;
  }
  getLog(): string {
    return this._f.logs.join('\n');
  }
  clear(): void {
    this._f.logs.length = 0;
  }
}


let nextChartId = 1;

/** Sheet.newChart(): collects the chart's settings; build() makes an EmbeddedChart to insert. */
class RawChartBuilder extends FakeObject {
  readonly kind = 'EmbeddedChartBuilder';
  private readonly _chart: FakeChartState = { chartId: 0, type: 'BAR', ranges: [], options: {}, numHeaders: -1, position: { row: 1, column: 1, offsetX: 0, offsetY: 0 } };
  constructor(
    private readonly _f: Fake,
    private readonly _sheet: RawSheet,
  ) {
    super();
  }
  setChartType(type: unknown): RawChartBuilder {
    if (typeof type !== 'string') throw signature('EmbeddedChartBuilder', 'setChartType', [type]);
    this._chart.type = type;
    return this;
  }
  addRange(range: unknown): RawChartBuilder {
    if (!(range instanceof RawRange)) throw signature('EmbeddedChartBuilder', 'addRange', [range]);
    this._chart.ranges.push(range.getA1Notation());
    return this;
  }
  setOption(name: unknown, value: unknown): RawChartBuilder {
    if (typeof name !== 'string') throw signature('EmbeddedChartBuilder', 'setOption', [name, value]);
    this._chart.options[name] = value;
    return this;
  }
  setNumHeaders(n: unknown): RawChartBuilder {
    if (typeof n !== 'number') throw signature('EmbeddedChartBuilder', 'setNumHeaders', [n]);
    this._chart.numHeaders = n;
    return this;
  }
  setPosition(anchorRow: unknown, anchorColumn: unknown, offsetX: unknown, offsetY: unknown): RawChartBuilder {
    if (![anchorRow, anchorColumn, offsetX, offsetY].every((x) => typeof x === 'number')) throw signature('EmbeddedChartBuilder', 'setPosition', [anchorRow, anchorColumn, offsetX, offsetY]);
    this._chart.position = { row: anchorRow as number, column: anchorColumn as number, offsetX: offsetX as number, offsetY: offsetY as number };
    return this;
  }
  build(): RawChart {
    if (this._chart.ranges.length === 0) throw new AppsScriptException('A chart needs at least one range of data.');
    void this._f;
    void this._sheet;
    return new RawChart({ ...this._chart, chartId: nextChartId++, ranges: [...this._chart.ranges], options: { ...this._chart.options } });
  }
}

class RawChart extends FakeObject {
  readonly kind = 'EmbeddedChart';
  constructor(readonly _state: FakeChartState) {
    super();
  }
  getChartId(): number {
    return this._state.chartId;
  }
  getRanges(): string[] {
    return [...this._state.ranges];
  }
  getOptions(): Record<string, unknown> {
    return { ...this._state.options };
  }
}
