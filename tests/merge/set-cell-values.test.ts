// The surgical value writer: only the target cells' values (and a date's format where it needs one)
// change; every other byte of the sheet stays as it was.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { strFromU8, unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import type { CellWrite } from '../../shared/merge/cell-edits';
import { FormulaCellError, setCellValues, sheetCellFacts, type CellWrites } from '../../src/xlsx/write/set-cell-values';
import { XlsxWorkbookPort } from '../../src/xlsx/xlsx-port';
import { parseStyles } from '../../src/xlsx/read/styles';
import { StyleBook } from '../../src/xlsx/write/style-book';
import { buildPackage } from '../xlsx/package/build-package';

const head = '<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>';
const tail = '</sheetData><pageMargins left="0.7"/></worksheet>';
const sheet = (rows: string) => `${head}${rows}${tail}`;

function writes(list: [number, number, CellWrite][]): CellWrites {
  const out: CellWrites = new Map();
  for (const [r, c, w] of list) {
    let cols = out.get(r);
    if (!cols) out.set(r, (cols = new Map()));
    cols.set(c, w);
  }
  return out;
}

/** Styles: 7 is a date format; a date into anything else takes 7 here. */
const keepOr7 = (_r: number, _c: number, s: number, w: CellWrite) => (w.kind === 'date' && s !== 7 ? 7 : s);
const text = (t: string): CellWrite => ({ kind: 'text', text: t });
/** A stylesheet of ten formats, so every `s` in these sheets is a real one. */
const stylesXml = `<styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><cellXfs count="10">${'<xf numFmtId="0" fontId="0" fillId="0" borderId="0"/>'.repeat(10)}</cellXfs></styleSheet>`;
const write = (xml: string, w: CellWrites) => setCellValues(xml, w, keepOr7, new StyleBook(stylesXml, parseStyles(stylesXml)));

describe('setCellValues', () => {
  const cases: [string, string, [number, number, CellWrite][], string][] = [
    ['a shared string becomes an inline string', '<row r="2"><c r="A2" s="3" t="s"><v>4</v></c><c r="B2" t="s"><v>5</v></c></row>', [[2, 2, text('Done')]], '<row r="2"><c r="A2" s="3" t="s"><v>4</v></c><c r="B2" t="inlineStr"><is><t>Done</t></is></c></row>'],
    ['text that looks like a formula stays text', '<row r="2"><c r="B2" s="1"/></row>', [[2, 2, text('=cmd|calc')]], '<row r="2"><c r="B2" s="1" t="inlineStr"><is><t>=cmd|calc</t></is></c></row>'],
    ['escapes and kept spaces', '<row r="2"><c r="B2"/></row>', [[2, 2, text(' a < b & _x0041_\r')]], '<row r="2"><c r="B2" t="inlineStr"><is><t xml:space="preserve"> a &lt; b &amp; _x005F_x0041__x000D_</t></is></c></row>'],
    ['a date keeps a date format', '<row r="2"><c r="C2" s="7"><v>43000</v></c></row>', [[2, 3, { kind: 'date', serial: 43465 }]], '<row r="2"><c r="C2" s="7"><v>43465</v></c></row>'],
    ['a date into a text cell gets a date format, its type dropped', '<row r="2"><c r="C2" s="2" t="s"><v>9</v></c></row>', [[2, 3, { kind: 'date', serial: 43465 }]], '<row r="2"><c r="C2" s="7"><v>43465</v></c></row>'],
    ['an ISO date cell (t="d") rewritten as a serial', '<row r="2"><c r="C2" s="7" t="d"><v>2018-01-01T00:00:00</v></c></row>', [[2, 3, { kind: 'date', serial: 43465 }]], '<row r="2"><c r="C2" s="7"><v>43465</v></c></row>'],
    ['emptied, keeping its format', '<row r="2"><c r="B2" s="4" t="inlineStr"><is><t>x</t></is></c></row>', [[2, 2, { kind: 'blank' }]], '<row r="2"><c r="B2" s="4"/></row>'],
    ['value metadata of the old value goes with it', '<row r="2"><c r="B2" vm="1" t="e"><v>#VALUE!</v></c></row>', [[2, 2, text('x')]], '<row r="2"><c r="B2" t="inlineStr"><is><t>x</t></is></c></row>'],
    ['a cell the row lacks, in its place', '<row r="2"><c r="A2"><v>1</v></c><c r="D2"><v>4</v></c></row>', [[2, 2, text('b')], [2, 6, text('f')]], '<row r="2"><c r="A2"><v>1</v></c><c r="B2" t="inlineStr"><is><t>b</t></is></c><c r="D2"><v>4</v></c><c r="F2" t="inlineStr"><is><t>f</t></is></c></row>'],
    ['a row the sheet lacks, in its place', '<row r="1"><c r="A1"><v>1</v></c></row><row r="5"><c r="A5"><v>5</v></c></row>', [[3, 2, text('x')], [9, 1, text('y')]], '<row r="1"><c r="A1"><v>1</v></c></row><row r="3"><c r="B3" t="inlineStr"><is><t>x</t></is></c></row><row r="5"><c r="A5"><v>5</v></c></row><row r="9"><c r="A9" t="inlineStr"><is><t>y</t></is></c></row>'],
    ['an empty row opened', '<row r="2" ht="20" customHeight="1"/>', [[2, 2, text('x')]], '<row r="2" ht="20" customHeight="1"><c r="B2" t="inlineStr"><is><t>x</t></is></c></row>'],
  ];
  it.each(cases)('%s', (_name, rows, list, expected) => {
    expect(write(sheet(rows), writes(list))).toBe(sheet(expected));
  });

  it('writes in a prefixed sheet with its prefix', () => {
    const xml = '<x:worksheet xmlns:x="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><x:sheetData><x:row r="2"><x:c r="B2" t="s"><x:v>1</x:v></x:c></x:row></x:sheetData></x:worksheet>';
    expect(write(xml, writes([[2, 2, text('x')], [2, 3, { kind: 'date', serial: 1 }]]))).toBe(
      '<x:worksheet xmlns:x="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><x:sheetData><x:row r="2"><x:c r="B2" t="inlineStr"><x:is><x:t>x</x:t></x:is></x:c><x:c r="C2" s="7"><x:v>1</x:v></x:c></x:row></x:sheetData></x:worksheet>',
    );
  });

  it('refuses a cell holding a formula, and says nothing to write when there is nothing', () => {
    expect(() => write(sheet('<row r="2"><c r="B2"><f>A1</f><v>1</v></c></row>'), writes([[2, 2, text('x')]]))).toThrow(FormulaCellError);
    expect(write(sheet('<row r="2"/>'), new Map())).toBeNull();
  });

  it('finds the formulas and each column’s usual date format', () => {
    const xml = sheet('<row r="1"><c r="A1" s="7"><v>1</v></c><c r="B1"><f>A1</f><v>1</v></c></row><row r="2"><c r="A2" s="7"/><c r="A3" s="8"><v>2</v></c><c r="C2" s="8"/></row>');
    const facts = sheetCellFacts(xml, (s) => s === 7 || s === 8);
    expect([...facts.formulas]).toEqual(['B1']);
    expect([...facts.dateStyles]).toEqual([
      [1, 7],
      [3, 8],
    ]);
  });
});

describe('the port writes values into a sheet', () => {
  const sample = readFileSync(path.resolve(__dirname, '../../samples/cip-monitoring-sept-2018.xlsx'));

  it('changes only the plan sheet (and styles.xml only to add a date format), copying every other part', async () => {
    const port = XlsxWorkbookPort.open(sample);
    // G6 is an empty revised date (General); F6 holds a date.
    await port.setCellValues('CIP Monitoring', [
      { row: 6, col: 7, value: { kind: 'date', serial: 43465 } },
      { row: 6, col: 8, value: { kind: 'text', text: 'Completed' } },
    ]);
    const before = unzipSync(sample);
    const after = unzipSync(port.toBytes());
    const changed = Object.keys(after).filter((k) => !Buffer.from(after[k] as Uint8Array).equals(Buffer.from(before[k] as Uint8Array)));
    expect(changed).toEqual(['xl/worksheets/sheet1.xml']);
    const xml = strFromU8(after['xl/worksheets/sheet1.xml'] as Uint8Array);
    expect(xml).toContain('<c r="G6" s="7"><v>43465</v></c><c r="H6" s="5" t="inlineStr"><is><t>Completed</t></is></c>');
    const old = strFromU8(before['xl/worksheets/sheet1.xml'] as Uint8Array);
    expect(xml.replace('<c r="G6" s="7"><v>43465</v></c><c r="H6" s="5" t="inlineStr"><is><t>Completed</t></is></c>', '')).toBe(old.replace(/<c r="G6" s="5"\/><c r="H6" s="5" t="s"><v>\d+<\/v><\/c>/, ''));
    const read = await port.readWorkbook();
    expect(read.sheets[0]?.grid.values[5]?.slice(6, 8)).toEqual([43465, 'Completed']);
    expect(read.sheets[0]?.grid.dates?.[5]?.[6]).toBe(true);
  });

  it('adds a date format to the cell’s own when neither it nor its column has one', async () => {
    const bytes = buildPackage({ sheets: { Plan: sheet('<row r="1"><c r="A1" s="1"><v>1</v></c></row>') }, styles: { xfs: '<xf numFmtId="2" fontId="0" fillId="0" borderId="0" xfId="0"/>' } });
    const port = XlsxWorkbookPort.open(bytes);
    await port.setCellValues('Plan', [{ row: 1, col: 1, value: { kind: 'date', serial: 43465 } }]);
    const parts = unzipSync(port.toBytes());
    expect(strFromU8(parts['xl/worksheets/sheet1.xml'] as Uint8Array)).toContain('<c r="A1" s="2"><v>43465</v></c>');
    expect(strFromU8(parts['xl/styles.xml'] as Uint8Array)).toContain('<cellXfs count="3"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/><xf numFmtId="2" fontId="0" fillId="0" borderId="0" xfId="0"/><xf numFmtId="14" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/></cellXfs>');
    expect((await port.readWorkbook()).sheets[0]?.grid.dates?.[0]?.[0]).toBe(true);
  });

  it('writes a 1904 workbook’s dates in its own count', async () => {
    const bytes = buildPackage({ sheets: { Plan: sheet('<row r="1"><c r="A1"><v>1</v></c></row>') }, workbookPr: '<workbookPr date1904="1"/>' });
    const port = XlsxWorkbookPort.open(bytes);
    await port.setCellValues('Plan', [{ row: 1, col: 1, value: { kind: 'date', serial: 43465 } }]);
    expect(strFromU8(unzipSync(port.toBytes())['xl/worksheets/sheet1.xml'] as Uint8Array)).toContain('<v>42003</v>');
    expect((await port.readWorkbook()).sheets[0]?.grid.values[0]?.[0]).toBe(43465);
  });

  it('refuses a protected sheet, and says where the formulas are', async () => {
    const locked = XlsxWorkbookPort.open(buildPackage({ sheets: { Plan: sheet('<row r="1"><c r="A1"><f>1+1</f><v>2</v></c></row>').replace('</sheetData>', '</sheetData><sheetProtection sheet="1"/>') } }));
    expect(locked.formulaCells('Plan')).toEqual(new Set(['A1']));
    await expect(locked.setCellValues('Plan', [{ row: 1, col: 2, value: { kind: 'blank' } }])).rejects.toThrow(/sheet-protected/);
  });
});
