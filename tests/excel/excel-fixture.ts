import { afterAll, beforeAll } from 'vitest';
import { loadExcelClient, useGlobals, type ExcelClient, type GlobalsOptions } from '../../test-hosts/excel/load-excel-client';
import { widestRow } from '../../shared/grid/grid';
import { cellAddress } from '../../shared/grid/a1';
import { lookDump, type LookDump, type SheetSetup, type WorkbookSetup } from '../contract/adapter-contract';
import { summaryMarker } from '../../shared/summary/summary-sheet';
import type { SheetDump } from '../contract/adapter-contract';
import { isoToSerial } from '../fixtures/cip-sept-2018';
import { FakeWorkbook } from '../../test-hosts/excel/fake-excel-host';
import { isErrorValue } from '../../test-hosts/excel/cell-values';

/** A fake Excel workbook holding these sheets: date cells as serials with a dd/mm/yyyy format, merges applied. */
export function fakeBook(sheets: SheetSetup[], workbook: WorkbookSetup = {}): FakeWorkbook {
  const book = new FakeWorkbook(sheets.map((s) => s.name));
  // A 1904 workbook holds each date as a serial 1,462 smaller.
  book.date1904 = workbook.date1904 === true;
  const shift = book.date1904 ? 1462 : 0;
  for (const s of sheets) {
    const width = Math.max(1, widestRow(s.rows));
    const values = s.rows.map((r) => Array.from({ length: width }, (_, i) => {
      const v = r[i] ?? null;
      if (v !== null && typeof v === 'object') return 'date' in v ? isoToSerial(v.date) - shift : '';
      return v ?? '';
    }));
    if (values.length > 0) book.setValues(s.name, 'A1', values);
    s.rows.forEach((r, i) =>
      r.forEach((v, c) => {
        if (v !== null && typeof v === 'object' && 'formula' in v) book.setFormula(s.name, cellAddress(i + 1, c + 1), v.formula, v.error);
        else if (v !== null && typeof v === 'object') book.setNumberFormats(s.name, cellAddress(i + 1, c + 1), [[v.format ?? 'dd/mm/yyyy']]);
        // A user's "#REF!" text is text in their sheet (typed into a Text cell), as in the other fixtures.
        else if (typeof v === 'string' && isErrorValue(v)) book.setNumberFormats(s.name, cellAddress(i + 1, c + 1), [['@']]);
      }),
    );
    for (const m of s.merges ?? []) book.merge(s.name, m);
  }
  return book;
}

/** The fake workbook as the contract suite compares it: formulas as their text, fills upper case. */
export function dumpBook(book: FakeWorkbook): SheetDump[] {
  return book.snapshot().sheets.map((s) => {
    const values: SheetDump['values'] = {};
    const fills: SheetDump['fills'] = {};
    const formulas: string[] = [];
    const looks: Record<string, LookDump> = {};
    const isSummary = s.cells.A1?.value === summaryMarker;
    for (const [addr, cell] of Object.entries(s.cells)) {
      if (cell.formula !== null) {
        values[addr] = cell.formula;
        formulas.push(addr);
      } else if (cell.value !== null && cell.value !== '') values[addr] = cell.value;
      if (cell.fill) fills[addr] = cell.fill.toUpperCase();
      const look = isSummary ? lookDump({ bold: cell.bold, italic: cell.italic, size: cell.size, fontColour: cell.fontColor, wrap: cell.wrapText }) : null;
      if (look) looks[addr] = look;
    }
    return { name: s.name, visibility: s.visibility.toLowerCase() === 'visible' ? 'visible' : 'hidden', values, fills, formulas, ...(isSummary ? { looks } : {}) };
  });
}

/** Loads Microsoft's Excel client once for the test file, installs its globals, and removes them after: the one setup every Excel suite shares. */
export function excelClientForSuite(options: GlobalsOptions = {}): () => ExcelClient {
  let client: ExcelClient | null = null;
  let restore: () => void = () => undefined;
  beforeAll(() => {
    client = loadExcelClient();
    restore = useGlobals(client, options);
  });
  afterAll(() => {
    restore();
    client?.close();
  });
  return () => {
    if (!client) throw new Error('the Excel client is loaded in beforeAll');
    return client;
  };
}
