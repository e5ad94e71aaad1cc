import ExcelJS from 'exceljs';
import { XlsxWorkbookPort } from '../../src/cli/xlsx/xlsx-port';
import { adapterContract, type SheetDump } from './adapter-contract';

/** Reads the workbook back from bytes, so the dump is what a saved file holds. */
async function dumpOf(wb: ExcelJS.Workbook): Promise<SheetDump[]> {
  const copy = new ExcelJS.Workbook();
  await copy.xlsx.load(await wb.xlsx.writeBuffer());
  return copy.worksheets.map((ws) => {
    const values: SheetDump['values'] = {};
    const fills: SheetDump['fills'] = {};
    const formulas: string[] = [];
    ws.eachRow({ includeEmpty: true }, (row) =>
      row.eachCell({ includeEmpty: true }, (cell) => {
        if (cell.isMerged && cell.master !== cell) return;
        const v = cell.value;
        if (v instanceof Date) values[cell.address] = v.getTime() / 86_400_000 + 25569;
        else if (v !== null && typeof v === 'object' && 'formula' in v) {
          values[cell.address] = `=${v.formula}`;
          formulas.push(cell.address);
        } else if (v !== null && v !== undefined && v !== '') values[cell.address] = v as string | number | boolean;
        const fill = cell.fill;
        if (fill && fill.type === 'pattern' && fill.pattern === 'solid' && fill.fgColor?.argb) fills[cell.address] = `#${fill.fgColor.argb.slice(2).toUpperCase()}`;
      }),
    );
    return { name: ws.name, visibility: ws.state, values, fills, formulas };
  });
}

adapterContract('ExcelJS (CLI)', async (sheets) => {
  const wb = new ExcelJS.Workbook();
  for (const s of sheets) {
    const ws = wb.addWorksheet(s.name);
    s.rows.forEach((r, i) =>
      r.forEach((v, c) => {
        if (v === null) return;
        const cell = ws.getCell(i + 1, c + 1);
        if (typeof v === 'object') {
          cell.value = new Date(`${v.date}T00:00:00Z`);
          cell.numFmt = 'dd/mm/yyyy';
        } else cell.value = v;
      }),
    );
    for (const m of s.merges ?? []) ws.mergeCells(m);
  }
  return { port: new XlsxWorkbookPort(wb), dump: () => dumpOf(wb) };
});
