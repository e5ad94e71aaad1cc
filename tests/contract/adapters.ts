/**
 * The four adapters under test, each built from the same sheets and dumped the same way: the one
 * home of the setup shared by the contract suite and the hostile-input corpus.
 */
import ExcelJS from 'exceljs';
import { XlsxWorkbookPort } from '../../src/xlsx/xlsx-port';
import { ExcelWorkbookPort } from '../../src/excel/excel-port';
import { MemoryWorkbook, MemoryWorkbookPort } from '../../src/memory/memory-workbook';
import { SheetsWorkbookPort } from '../../src/sheets/sheets-port';
import { lookDump, type AdapterUnderTest, type LookDump, type SheetDump, type SheetSetup, type WorkbookSetup } from './adapter-contract';
import { summaryMarker } from '../../shared/summary/summary-sheet';
import { dumpBook, fakeBook } from '../excel/excel-fixture';
import { FakeExcelHost, type FakeExcelHostOptions } from '../../test-hosts/excel/fake-excel-host';
import type { ExcelClient } from '../../test-hosts/excel/load-excel-client';
import { isoToSerial } from '../fixtures/cip-sept-2018';
import { dumpSpreadsheet, fakeSpreadsheet } from '../sheets/sheets-fixture';

/** A sheet to set up, with what a user may have done to it besides typing. */
export type HostileSheet = SheetSetup & {
  hidden?: boolean;
  /** 1-based rows the user hid. */
  hiddenRows?: number[];
  /** 1-based rows a filter hides (Sheets keeps them apart from hidden rows; in Excel files they are hidden rows). */
  filteredRows?: number[];
  /** Cell fills by A1 address, #RRGGBB. */
  fills?: Record<string, string>;
  /** Protected against edits. */
  protected?: boolean;
};

export type HostileFactory = (sheets: HostileSheet[], workbook?: WorkbookSetup) => Promise<AdapterUnderTest>;

export type AdapterName = 'in-memory' | '.xlsx package (CLI)' | 'Office.js (real client, fake host)' | 'Apps Script (fake SpreadsheetApp)';

export const memoryFactory: HostileFactory = async (sheets) => {
  const book = new MemoryWorkbook();
  for (const s of sheets) {
    const sheet = book.addSheet(
      s.name,
      s.rows.map((r) => r.map((v) => (v !== null && typeof v === 'object' && 'date' in v ? { date: isoToSerial(v.date), ...(v.format ? { format: v.format } : {}) } : v))),
      s.merges ?? [],
    );
    if (s.hidden) sheet.visibility = 'hidden';
    for (const r of [...(s.hiddenRows ?? []), ...(s.filteredRows ?? [])]) sheet.hiddenRows.add(r);
    for (const [addr, fill] of Object.entries(s.fills ?? {})) sheet.cells.set(addr, { ...(sheet.cells.get(addr) ?? { value: null }), fill });
    if (s.protected) sheet.protected = true;
  }
  return {
    port: new MemoryWorkbookPort(book),
    selection: () => book.selection,
    numberFormat: async (sheet, cell) => book.sheet(sheet)?.cells.get(cell)?.numberFormat ?? null,
    async dump(): Promise<SheetDump[]> {
      return book.sheets.map((s) => {
        const values: SheetDump['values'] = {};
        const fills: SheetDump['fills'] = {};
        const formulas: string[] = [];
        const looks: Record<string, LookDump> = {};
        const isSummary = s.cells.get('A1')?.value === summaryMarker;
        for (const [addr, c] of s.cells) {
          if (c.formula !== undefined) {
            values[addr] = c.formula;
            formulas.push(addr);
          } else if (c.value !== null && c.value !== '') values[addr] = c.value;
          if (c.fill) fills[addr] = c.fill.toUpperCase();
          const look = isSummary ? lookDump({ bold: c.bold, italic: c.italic, size: c.size, fontColour: c.fontColor, wrap: c.wrap }) : null;
          if (look) looks[addr] = look;
        }
        return { name: s.name, visibility: s.visibility, values, fills, formulas: formulas.sort(), ...(isSummary ? { looks } : {}) };
      });
    },
  };
};

/** Reads the workbook back from bytes, so the dump is what a saved file holds. */
async function xlsxDump(bytes: Uint8Array): Promise<SheetDump[]> {
  const copy = new ExcelJS.Workbook();
  await copy.xlsx.load(bytes as unknown as ArrayBuffer);
  return copy.worksheets.map((ws) => {
    const values: SheetDump['values'] = {};
    const fills: SheetDump['fills'] = {};
    const formulas: string[] = [];
    const looks: Record<string, LookDump> = {};
    const isSummary = ws.getCell('A1').value === summaryMarker;
    ws.eachRow({ includeEmpty: true }, (row) =>
      row.eachCell({ includeEmpty: true }, (cell) => {
        if (cell.isMerged && cell.master !== cell) return;
        const argb = cell.font?.color?.argb;
        const look = isSummary ? lookDump({ bold: cell.font?.bold, italic: cell.font?.italic, size: cell.font?.size, fontColour: argb ? `#${argb.slice(2)}` : null, wrap: cell.alignment?.wrapText }) : null;
        if (look) looks[cell.address] = look;
        const v = cell.value;
        if (v instanceof Date) values[cell.address] = v.getTime() / 86_400_000 + 25569;
        else if (v !== null && typeof v === 'object' && 'formula' in v) {
          values[cell.address] = `=${v.formula}`;
          formulas.push(cell.address);
        } else if (v !== null && typeof v === 'object') values[cell.address] = `[non-plain cell ${JSON.stringify(v)}]`;
        else if (v !== null && v !== undefined && v !== '') values[cell.address] = v as string | number | boolean;
        const fill = cell.fill;
        if (fill && fill.type === 'pattern' && fill.pattern === 'solid' && fill.fgColor?.argb) fills[cell.address] = `#${fill.fgColor.argb.slice(2).toUpperCase()}`;
      }),
    );
    return { name: ws.name, visibility: ws.state, values, fills, formulas, ...(isSummary ? { looks } : {}) };
  });
}

export const xlsxFactory: HostileFactory = async (sheets, workbook = {}) => {
  const wb = new ExcelJS.Workbook();
  // ExcelJS writes its Date values on the 1904 count and marks the workbook so.
  if (workbook.date1904) wb.properties.date1904 = true;
  for (const s of sheets) {
    const ws = wb.addWorksheet(s.name);
    s.rows.forEach((r, i) =>
      r.forEach((v, c) => {
        if (v === null) return;
        const cell = ws.getCell(i + 1, c + 1);
        if (typeof v === 'object' && 'formula' in v) cell.value = { formula: v.formula.replace(/^=/, ''), result: { error: v.error as ExcelJS.CellErrorValue['error'] } };
        else if (typeof v === 'object') {
          // ExcelJS stores a Date as (ms / day + 25569): go through the serial so dates before March 1900 land on Excel's own.
          cell.value = new Date((isoToSerial(v.date) - 25569) * 86_400_000);
          cell.numFmt = v.format ?? 'dd/mm/yyyy';
        } else cell.value = v;
      }),
    );
    for (const m of s.merges ?? []) ws.mergeCells(m);
    if (s.hidden) ws.state = 'hidden';
    for (const r of [...(s.hiddenRows ?? []), ...(s.filteredRows ?? [])]) ws.getRow(r).hidden = true;
    for (const [addr, fill] of Object.entries(s.fills ?? {})) ws.getCell(addr).fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: `FF${fill.slice(1).toUpperCase()}` } };
    if (s.protected) await ws.protect('', {});
  }
  // ExcelJS writes the test's workbook; the CLI's port reads and edits its bytes; ExcelJS reads the result back.
  const port = XlsxWorkbookPort.open(new Uint8Array(await wb.xlsx.writeBuffer()));
  return {
    port,
    dump: () => xlsxDump(port.toBytes()),
    async numberFormat(sheet, cell) {
      const copy = new ExcelJS.Workbook();
      await copy.xlsx.load(port.toBytes() as unknown as ArrayBuffer);
      return copy.getWorksheet(sheet)?.getCell(cell).numFmt ?? null;
    },
  };
};

/** Office.js over the real Excel client: the caller loads the client once per file and passes it here. */
export function excelFactory(client: () => ExcelClient, hostOptions: FakeExcelHostOptions = {}): HostileFactory {
  return async (sheets, workbook = {}) => {
    const book = fakeBook(sheets, workbook);
    for (const s of sheets) {
      if (s.hidden) book.setVisibility(s.name, 'Hidden');
      for (const r of [...(s.hiddenRows ?? []), ...(s.filteredRows ?? [])]) book.setRowsHidden(s.name, `${r}:${r}`);
      for (const [addr, fill] of Object.entries(s.fills ?? {})) book.setFill(s.name, addr, fill);
      if (s.protected) book.protect(s.name);
    }
    client().install(new FakeExcelHost(book, hostOptions));
    return {
      port: new ExcelWorkbookPort(),
      dump: async () => dumpBook(book),
      numberFormat: async (sheet, cell) => book.cellAt(sheet, cell).numberFormat,
      selection: () => {
        const sel = book.snapshot().selection;
        if (!sel) return null;
        const [sheet = '', cell = ''] = sel.split('!');
        return { sheet, cell };
      },
    };
  };
}

/** Apps Script over the fake SpreadsheetApp; `installed` collects the globals to delete after each test. */
export function sheetsFactory(installed: string[]): HostileFactory {
  const g = globalThis as Record<string, unknown>;
  return async (sheets) => {
    const fake = fakeSpreadsheet(sheets);
    fake.installInto(g);
    installed.push(...Object.keys(fake.globals));
    return {
      port: new SheetsWorkbookPort(),
      dump: async () => dumpSpreadsheet(fake),
      numberFormat: async (sheet, cell) => fake.book.sheet(sheet).cell(cell)?.numberFormat ?? null,
      selection: () => {
        const active = fake.book.sheets.find((s) => s.sheetId === fake.book.activeSheetId);
        return active ? { sheet: active.name, cell: active.activeRange } : null;
      },
    };
  };
}

