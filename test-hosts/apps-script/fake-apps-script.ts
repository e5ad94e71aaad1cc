/// <reference types="google-apps-script" />
// A faithful fake of the Apps Script services the Google Sheets add-on uses (SpreadsheetApp,
// LockService, HtmlService, Session, Utilities, Logger) over an in-memory spreadsheet, counting
// every service call. See README.md in this folder for what counts as a call and what is modelled.
//
// This file is the package's entry point: it assembles the globals from the service objects (one
// file per object type, listed in README.md), wraps each in the counting proxy (service-proxy.ts),
// and re-exports the public types. Tests and the bench import only this file and values.ts.

import { chartsGlobal } from './chart';
import { Fake } from './engine';
import { RawHtmlService } from './html-service';
import { RawMailApp, RawPropertiesService, RawScriptApp, type FakeMail, type FakeTriggerState } from './triggers-and-mail';
import { type FakeLocks, RawLockService } from './lock-service';
import { RawLogger } from './logger';
import { ServiceProxies } from './service-proxy';
import { RawSession, timeZoneWarnings } from './session';
import type { FakeSetup } from './setup';
import { RawSpreadsheetApp } from './spreadsheet';
import { type FakeSpreadsheetState, snapshotOf } from './state';
import type { FakeUiRecords } from './ui';
import { RawUtilities } from './utilities';

export type { FakeLockState } from './lock-service';
export type { FakeMail, FakeTriggerState } from './triggers-and-mail';
export type { FakeCell, FakeSetup, FakeSheetSetup } from './setup';
export type { FakeCellState, FakeChartState, FakeProtectionState, FakeSheetState, FakeSpreadsheetState } from './state';
export type { FakeButtonName, FakeMenuEntry, FakeMenuItem, FakeMenuRecord, FakeUiRecords } from './ui';

export type FakeGlobals = {
  SpreadsheetApp: GoogleAppsScript.Spreadsheet.SpreadsheetApp;
  LockService: GoogleAppsScript.Lock.LockService;
  HtmlService: GoogleAppsScript.HTML.HtmlService;
  Logger: GoogleAppsScript.Base.Logger;
  Session: GoogleAppsScript.Base.Session;
  Utilities: GoogleAppsScript.Utilities.Utilities;
  Charts: GoogleAppsScript.Charts.Charts;
  ScriptApp: GoogleAppsScript.Script.ScriptApp;
  MailApp: GoogleAppsScript.Mail.MailApp;
  PropertiesService: GoogleAppsScript.Properties.PropertiesService;
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
  locks: FakeLocks;
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
  /** Mail MailApp was asked to send, in order (nothing is sent). */
  mail: FakeMail[];
  /** The project's triggers as ScriptApp holds them. */
  triggers(): FakeTriggerState[];
  userProperties(): Record<string, string>;
  /**
   * Copies the globals onto `target` (globalThis, or an object for vm.createContext) and, once it
   * is a vm context, returns Dates, arrays and errors made in that context.
   */
  installInto(target: object): void;
}

export function createFakeAppsScript(setup: FakeSetup): FakeAppsScript {
  const fake = new Fake(setup);
  const p = new ServiceProxies();
  const scriptApp = new RawScriptApp();
  const mailApp = new RawMailApp();
  const properties = new RawPropertiesService();
  const globals: FakeGlobals = {
    SpreadsheetApp: p.proxy(new RawSpreadsheetApp(fake)) as unknown as GoogleAppsScript.Spreadsheet.SpreadsheetApp,
    LockService: p.proxy(new RawLockService(fake)) as unknown as GoogleAppsScript.Lock.LockService,
    HtmlService: p.proxy(new RawHtmlService(fake)) as unknown as GoogleAppsScript.HTML.HtmlService,
    Logger: p.proxy(new RawLogger(fake)) as unknown as GoogleAppsScript.Base.Logger,
    Session: p.proxy(new RawSession(fake)) as unknown as GoogleAppsScript.Base.Session,
    Utilities: p.proxy(new RawUtilities(fake)) as unknown as GoogleAppsScript.Utilities.Utilities,
    Charts: chartsGlobal(),
    ScriptApp: p.proxy(scriptApp) as unknown as GoogleAppsScript.Script.ScriptApp,
    MailApp: p.proxy(mailApp) as unknown as GoogleAppsScript.Mail.MailApp,
    PropertiesService: p.proxy(properties) as unknown as GoogleAppsScript.Properties.PropertiesService,
  };
  p.addRealmSource(globals);
  return {
    globals,
    calls: p.calls,
    callLog: p.callLog,
    totalCalls: () => [...p.calls.values()].reduce((a, b) => a + b, 0),
    resetCalls: () => p.reset(),
    book: fake.book,
    ui: fake.ui,
    locks: fake.locks,
    logs: fake.logs,
    warnings: timeZoneWarnings(fake.scriptTimeZone),
    snapshot: () => snapshotOf(fake.book),
    mail: mailApp.sent,
    triggers: () => scriptApp.triggers.map((t) => ({ ...t.state })),
    userProperties: () => properties.user.getProperties(),
    installInto: (target: object) => {
      Object.assign(target, globals);
      p.addRealmSource(target);
    },
  };
}
