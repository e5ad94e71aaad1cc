// What the fake host's own tests share: Microsoft's real Excel client loaded once per test file
// and made the globals, a fresh workbook + host + transport per test, and the failure helper.
// Test support only: it models no Excel behaviour.
import { afterAll, beforeAll, beforeEach, expect } from 'vitest';
import { FakeExcelHost, type FakeExcelHostOptions, FakeWorkbook, type RichApiRequest } from './fake-excel-host.js';
import { type ExcelClient, type Transport, loadExcelClient, useGlobals } from './load-excel-client.js';

export interface Rig {
  book: FakeWorkbook;
  host: FakeExcelHost;
  transport: Transport;
}

export interface Harness {
  /** The client of this test file (loaded in beforeAll). */
  readonly client: ExcelClient;
  /** A new workbook of these sheets, a host on it and the client's transport to that host. */
  rig(sheets?: string[], options?: FakeExcelHostOptions): Rig;
  /** Runs fn and returns the OfficeExtension.Error it rejects with. */
  failure(fn: () => Promise<unknown>): Promise<OfficeExtension.Error>;
  /**
   * The rig of the test running: a new default rig (Plan, Data) before each test of the enclosing
   * describe, then `setup` on it. Its book, host and transport are always the current test's.
   */
  each(setup?: (r: Rig) => void): Rig;
}

/** Loads the client for the test file that calls it (beforeAll) and restores the globals after. */
export function excelHarness(): Harness {
  let loaded: ExcelClient | null = null;
  let restoreGlobals: (() => void) | null = null;
  beforeAll(() => {
    loaded = loadExcelClient();
    restoreGlobals = useGlobals(loaded);
  });
  afterAll(() => restoreGlobals?.());
  const client = (): ExcelClient => {
    if (!loaded) throw new Error('the Excel client loads in beforeAll');
    return loaded;
  };
  const rig = (sheets = ['Plan', 'Data'], options: FakeExcelHostOptions = {}): Rig => {
    const book = new FakeWorkbook(sheets);
    const host = new FakeExcelHost(book, options);
    const transport = client().install(host);
    return { book, host, transport };
  };
  return {
    get client() {
      return client();
    },
    rig,
    async failure(fn) {
      try {
        await fn();
      } catch (e) {
        expect(e).toBeInstanceOf(client().OfficeExtension.Error);
        return e as OfficeExtension.Error;
      }
      throw new Error('expected a failure');
    },
    each(setup) {
      let current: Rig | null = null;
      beforeEach(() => {
        current = rig();
        setup?.(current);
      });
      const now = (): Rig => {
        if (!current) throw new Error('the rig is made in beforeEach');
        return current;
      };
      return {
        get book() {
          return now().book;
        },
        get host() {
          return now().host;
        },
        get transport() {
          return now().transport;
        },
      };
    },
  };
}

/** The plan most read tests start from: a small table at B2:D4 with dates in column C. */
export function seedPlan(book: FakeWorkbook): void {
  book.setValues('Plan', 'B2', [
    ['Ref', 'Due', 'Status'],
    ['1.1', 43373, 'Green'],
    ['1.2', 43404, 'Amber'],
  ]);
  book.setNumberFormats('Plan', 'C3', [['dd/mm/yyyy'], ['dd/mm/yyyy']]);
}

/** The source data of the chart tests: RAG counts by theme. */
export const RAG_BY_THEME = [
  ['Theme', 'Complete', 'On track', 'Off track'],
  ['Housing', 4, 3, 1],
  ['Transport', 2, 5, 0],
  ['Health', 6, 1, 2],
  ['Finance', 3, 3, 3],
];

/** "ActionType:Name" of every action of a request body, e.g. "3:_ValidateArraySize". */
export function actionNames(body: unknown): string[] {
  return (body as RichApiRequest).Actions.map((a) => `${a.ActionType}:${a.Name ?? ''}`);
}
