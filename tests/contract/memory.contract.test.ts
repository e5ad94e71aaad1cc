import { MemoryWorkbook, MemoryWorkbookPort } from '../../src/memory/memory-workbook';
import { isoToSerial } from '../fixtures/cip-sept-2018';
import { adapterContract, type SheetDump } from './adapter-contract';

adapterContract('in-memory', async (sheets) => {
  const book = new MemoryWorkbook();
  for (const s of sheets) {
    book.addSheet(
      s.name,
      s.rows.map((r) => r.map((v) => (v !== null && typeof v === 'object' ? { date: isoToSerial(v.date) } : v))),
      s.merges ?? [],
    );
  }
  return {
    port: new MemoryWorkbookPort(book),
    async dump(): Promise<SheetDump[]> {
      return book.sheets.map((s) => {
        const values: SheetDump['values'] = {};
        const fills: SheetDump['fills'] = {};
        for (const [addr, c] of s.cells) {
          if (c.value !== null && c.value !== '') values[addr] = c.value;
          if (c.fill) fills[addr] = c.fill.toUpperCase();
        }
        return { name: s.name, visibility: s.visibility, values, fills, formulas: [] };
      });
    },
    selection: () => book.selection,
  };
});
