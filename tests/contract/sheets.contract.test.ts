import { afterEach } from 'vitest';
import { SheetsWorkbookPort } from '../../src/sheets/sheets-port';
import { dumpSpreadsheet, fakeSpreadsheet } from '../sheets/sheets-fixture';
import { adapterContract } from './adapter-contract';

const g = globalThis as Record<string, unknown>;
const installed: string[] = [];
afterEach(() => {
  for (const k of installed.splice(0)) delete g[k];
});

adapterContract('Apps Script (fake SpreadsheetApp)', async (sheets) => {
  const fake = fakeSpreadsheet(sheets);
  fake.installInto(g);
  installed.push(...Object.keys(fake.globals));
  return {
    port: new SheetsWorkbookPort(),
    dump: async () => dumpSpreadsheet(fake),
    selection: () => {
      const active = fake.book.sheets.find((s) => s.sheetId === fake.book.activeSheetId);
      return active ? { sheet: active.name, cell: active.activeRange } : null;
    },
  };
});
