import { afterAll, beforeAll } from 'vitest';
import { ExcelWorkbookPort } from '../../src/excel/excel-port';
import { dumpBook, fakeBook } from '../excel/excel-fixture';
import { FakeExcelHost } from '../excel/harness/fake-excel-host';
import { loadExcelClient, useGlobals, type ExcelClient } from '../excel/harness/load-excel-client';
import { adapterContract } from './adapter-contract';

let client: ExcelClient;
let restore: () => void;
beforeAll(() => {
  client = loadExcelClient();
  restore = useGlobals(client);
});
afterAll(() => {
  restore();
  client.close();
});

adapterContract('Office.js (real Excel client, fake host)', async (sheets) => {
  const book = fakeBook(sheets);
  client.install(new FakeExcelHost(book));
  return {
    port: new ExcelWorkbookPort(),
    dump: async () => dumpBook(book),
    selection: () => {
      const sel = book.snapshot().selection;
      if (!sel) return null;
      const [sheet = '', cell = ''] = sel.split('!');
      return { sheet, cell };
    },
  };
});
