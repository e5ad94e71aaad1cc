// What a test hands createFakeAppsScript (FakeSetup, FakeSheetSetup), and how it becomes the
// in-memory spreadsheet of state.ts. Setting up is not an Apps Script call and is never counted.
//
// Models: a new sheet's grid, max(1000, rows) x max(26, widest row), as a new Google sheet; a set-up
// merge keeps only its top-left value, as merging in Sheets does; sheet names compare
// case-insensitively; colours are read as the setters read them; a Date with no format gets the
// locale's default date format (README.md: those defaults have not been checked against Sheets).
// Kinder than the real host: set-up rows are stored as given, with no typed-input parsing ("12"
// stays text), except that "=…" text becomes a formula unless its format is "@". Only the setters
// (Range.setValues and the others) parse typed input.

import { areaA1, lastColumnOf, lastRowOf, parseA1Range } from './a1';
import { type FakeSheetState, type FakeSpreadsheetState, cellForWrite, newSheetState, tidyCell } from './state';
import type { FakeButtonName } from './ui';
import { defaultDateFormat, isDate, isTextFormat, normaliseColour } from './values';

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

/** The spreadsheet a set-up describes: its sheets seeded in order (sheet ids 0, 1, …), one of them active. */
export function bookFromSetup(setup: FakeSetup, timeZone: string): FakeSpreadsheetState {
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
  if (setup.sheets.length === 0) throw new Error('Fake SpreadsheetApp: a spreadsheet needs at least one sheet');
  let sheetId = 0;
  for (const s of setup.sheets) seedSheet(book, s, sheetId++);
  const active = setup.activeSheet ? book.sheet(setup.activeSheet) : (sheets.find((s) => !s.hidden) ?? (sheets[0] as FakeSheetState));
  book.activeSheetId = active.sheetId;
  return book;
}

function seedSheet(book: FakeSpreadsheetState, s: FakeSheetSetup, sheetId: number): void {
  if (book.sheets.some((x) => x.name.toLowerCase() === s.name.toLowerCase())) throw new Error(`Fake SpreadsheetApp: two sheets named ${JSON.stringify(s.name)}`);
  const grids = [s.rows ?? [], s.numberFormats ?? [], s.backgrounds ?? [], s.fontColors ?? []];
  const height = Math.max(0, ...grids.map((g) => g.length));
  // A loop, not Math.max(...): spreading 100,000 rows overflows the call stack.
  let width = 0;
  for (const g of grids) for (const r of g) width = Math.max(width, r.length);
  const maxRows = s.maxRows ?? Math.max(1000, height);
  const maxColumns = s.maxColumns ?? Math.max(26, width);
  if (maxRows < height || maxColumns < width) throw new Error(`Fake SpreadsheetApp: sheet ${s.name} is smaller than its data`);
  const sheet = newSheetState(s.name, sheetId, maxRows, maxColumns);
  sheet.hidden = s.hidden ?? false;
  sheet.frozenRows = s.frozenRows ?? 0;
  const tz = book.timeZone;
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
        if (cell.numberFormat === null) cell.numberFormat = defaultDateFormat(value, tz, book.locale);
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
  book.sheets.push(sheet);
}
