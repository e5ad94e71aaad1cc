/// <reference types="google-apps-script" />
// Shared set-up for the fake's own tests (the *.test.ts files in this folder): a plan sheet with two
// actions next to an empty sheet. The protection message is written out again here, not imported
// from messages.ts, so that the tests check the text the fake gives.
import { type FakeCell, type FakeSetup, createFakeAppsScript } from './fake-apps-script';

export const PROTECTED = 'You are trying to edit a protected cell or object. Please contact the spreadsheet owner to remove protection if you need to edit.';

/** Midnight on that day in Europe/London (the fake's default spreadsheet time zone). */
export function londonMidnight(y: number, m: number, d: number): Date {
  const utc = Date.UTC(y, m - 1, d);
  const bst = m > 3 && m < 10; // good enough for the dates used below
  return new Date(utc - (bst ? 3_600_000 : 0));
}

export const planRows: FakeCell[][] = [
  ['Ref', 'Action', 'Lead Officer', 'Target Date', 'Status'],
  ['1.1', 'Publish the plan', 'J Smith', londonMidnight(2018, 9, 30), 'On track'],
  ['1.2', 'Consult residents', 'A Khan', londonMidnight(2018, 12, 31), 'Delayed'],
];

export function fake(extra: Partial<FakeSetup> = {}) {
  const f = createFakeAppsScript({ sheets: [{ name: 'Plan', rows: planRows }, { name: 'Empty' }], ...extra });
  const app = f.globals.SpreadsheetApp;
  const ss = app.getActiveSpreadsheet();
  const sheet = (name: string) => ss.getSheetByName(name) as GoogleAppsScript.Spreadsheet.Sheet;
  f.resetCalls();
  return { f, app, ss, sheet };
}
