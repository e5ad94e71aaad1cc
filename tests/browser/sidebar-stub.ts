/// <reference lib="dom" />
/**
 * A stand-in for Apps Script's google.script.run, for the Sheets sidebar in a real browser. Bundled
 * by tests/browser/sidebar.test.ts with esbuild (iife) and injected with page.addInitScript before
 * dist/gas/Sidebar.html loads.
 *
 * The "server" is a MemoryWorkbook holding the sample plan, behind a MemoryWorkbookPort. As in Apps
 * Script, each runner call answers later (setTimeout), arguments and results cross as copies (JSON),
 * and an argument that is not plain data (a Date, a function, a Map, NaN, ...) fails the call with
 * an Error in the failure handler instead of reaching the server. A return value that is not plain
 * data reaches the success handler as null, as Apps Script does with a Date.
 *
 * Globals: window.__book (the MemoryWorkbook), window.__calls (every call with its outcome), and
 * window.__sidebarStub (options; set before injection, and read again on every call, so a test can
 * make a server function fail, or stop failing, at any time).
 */
import { MemoryWorkbook, MemoryWorkbookPort } from '../../src/memory/memory-workbook';
import { cipSept2018, isoToSerial } from '../fixtures/cip-sept-2018';

export interface SidebarStubOptions {
  /** Server function name → message of the Error its failure handler receives. */
  fail?: Record<string, string>;
  /** Written into the title (column B) and commentary (column I) of action `ref` before the sidebar loads. */
  hostile?: { ref: string; text: string };
  /** How long each round trip takes, in milliseconds (default 5). */
  delayMs?: number;
}

export interface StubCall {
  name: string;
  /** The arguments as the page passed them (same objects: Dates stay Dates). */
  raw: unknown[];
  /** The arguments as the server received them (a JSON copy), or null if they were refused. */
  sent: unknown[] | null;
  outcome: 'pending' | 'ok' | 'failed';
  error?: string;
  /** Where an argument or the result was not plain data (e.g. "0.fills[0].when: a Date"). */
  illegal?: string;
}

type Handler = (value: unknown) => void;

interface StubRunner {
  withSuccessHandler(fn: Handler): StubRunner;
  withFailureHandler(fn: (error: Error) => void): StubRunner;
  withUserObject(object: unknown): StubRunner;
  [serverFunction: string]: unknown;
}

interface StubWindow {
  __sidebarStub?: SidebarStubOptions;
  __book: MemoryWorkbook;
  __port: MemoryWorkbookPort;
  __calls: StubCall[];
  google: { script: { run: StubRunner } };
}

const w = window as unknown as StubWindow;
const options = (): SidebarStubOptions => w.__sidebarStub ?? {};

function sampleBook(): MemoryWorkbook {
  const rows = cipSept2018.rows.map((row) => row.map((c) => (c !== null && typeof c === 'object' ? { date: isoToSerial(c.date) } : c)));
  const hostile = options().hostile;
  if (hostile) {
    const row = rows.find((r) => r[0] === hostile.ref);
    if (!row) throw new Error(`sidebar-stub: no action ${hostile.ref} in the sample`);
    row[1] = hostile.text;
    row[8] = hostile.text;
  }
  const book = new MemoryWorkbook();
  book.addSheet(cipSept2018.sheetName, rows, cipSept2018.merges);
  book.addSheet('Notes', [['Notes for the next committee meeting: Plan Monitor does not read or change this sheet.']]);
  book.activeSheet = cipSept2018.sheetName;
  return book;
}

/**
 * Where `value` holds something google.script.run would not carry as it is, or null if it is plain
 * data: primitives (finite numbers), null, arrays and plain objects of those (an undefined
 * property or array element is let through: it is dropped, or arrives as null, as JSON does).
 */
export function notPlainData(value: unknown, at = ''): string | null {
  const where = at === '' ? 'the value' : at;
  if (value === null || typeof value === 'string' || typeof value === 'boolean') return null;
  if (typeof value === 'number') return Number.isFinite(value) ? null : `${where}: ${value} (not a finite number)`;
  if (value === undefined) return `${where}: undefined`;
  if (typeof value === 'function') return `${where}: a function`;
  if (typeof value !== 'object') return `${where}: a ${typeof value}`;
  if (value instanceof Date) return `${where}: a Date`;
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) {
      // A hole or undefined in an array arrives as null, as JSON makes it: allowed.
      if (value[i] === undefined) continue;
      const problem = notPlainData(value[i], `${at}[${i}]`);
      if (problem) return problem;
    }
    return null;
  }
  const proto = Object.getPrototypeOf(value) as unknown;
  if (proto !== Object.prototype && proto !== null) return `${where}: a ${(value as object).constructor?.name ?? 'non-plain object'}`;
  for (const [key, v] of Object.entries(value)) {
    // An undefined property is dropped in transit, as JSON drops it: harmless.
    if (v === undefined) continue;
    const problem = notPlainData(v, at === '' ? key : `${at}.${key}`);
    if (problem) return problem;
  }
  return null;
}

const copy = <T>(value: T): T => (value === undefined ? value : (JSON.parse(JSON.stringify(value)) as T));

const book = sampleBook();
const port = new MemoryWorkbookPort(book);
const calls: StubCall[] = [];

const server: Record<string, (...args: never[]) => Promise<unknown>> = {
  pmReadWorkbook: () => port.readWorkbook(),
  pmApplyEditPlan: (plan: Parameters<MemoryWorkbookPort['applyEditPlan']>[0]) => port.applyEditPlan(plan),
  pmWriteHiddenSheet: (name: string, rows: Parameters<MemoryWorkbookPort['writeHiddenSheet']>[1]) => port.writeHiddenSheet(name, rows),
  pmSelectCell: (sheet: string, cell: string) => port.selectCell(sheet, cell),
  pmSetCellValues: (sheet: string, edits: Parameters<MemoryWorkbookPort['setCellValues']>[1]) => port.setCellValues(sheet, edits),
  pmInsertRows: (sheet: string, insertions: Parameters<MemoryWorkbookPort['insertRows']>[1]) => port.insertRows(sheet, insertions),
  // A list: a Set does not cross google.script.run.
  pmFormulaCells: async (sheet: string) => [...(await port.formulaCells(sheet))],
  // HtmlService.createHtmlOutputFromFile(name).getContent(): the built file, beside Sidebar.html.
  pmPanelScript: async (name: string) => (await fetch(`./${name}.html`)).text(),
};

/** One script runner: with* return a new runner with that handler set, as Apps Script's do. */
function runner(onSuccess: Handler | null, onFailure: ((error: Error) => void) | null): StubRunner {
  const r: StubRunner = {
    withSuccessHandler: (fn) => runner(fn, onFailure),
    withFailureHandler: (fn) => runner(onSuccess, fn),
    withUserObject: () => runner(onSuccess, onFailure),
  };
  for (const [name, fn] of Object.entries(server)) {
    r[name] = (...args: unknown[]): void => {
      const call: StubCall = { name, raw: args, sent: null, outcome: 'pending' };
      calls.push(call);
      const fail = (message: string) => {
        call.outcome = 'failed';
        call.error = message;
        if (onFailure) onFailure(new Error(message));
        // Apps Script logs an unhandled failure to the console: so does the stub (the tests count console errors).
        // eslint-disable-next-line no-console
        else console.error(`google.script.run ${name}: ${message}`);
      };
      const illegal = notPlainData(args);
      let sent: unknown[] | null = null;
      if (illegal) call.illegal = illegal;
      else sent = call.sent = copy(args);
      const failWith = options().fail?.[name];
      setTimeout(() => {
        if (illegal) {
          fail(`Failed due to illegal value in ${illegal}.`);
          return;
        }
        if (failWith !== undefined) {
          fail(failWith);
          return;
        }
        (fn as (...a: unknown[]) => Promise<unknown>)(...(sent ?? [])).then(
          (value) => {
            const bad = notPlainData(value === undefined ? null : value);
            if (bad) call.illegal = `result: ${bad}`;
            call.outcome = 'ok';
            onSuccess?.(bad ? null : copy(value));
          },
          (e: unknown) => fail(e instanceof Error ? e.message : String(e)),
        );
      }, options().delayMs ?? 5);
    };
  }
  return r;
}

w.__book = book;
w.__port = port;
w.__calls = calls;
w.google = { script: { run: runner(null, null) } };
