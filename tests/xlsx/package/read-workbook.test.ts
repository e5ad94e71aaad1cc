/** Reading: every cell form other writers use, dates by format and system, and the limits. */
import { strToU8, zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { XlsxWorkbookPort } from '../../../src/xlsx/xlsx-port';
import { XlsxError, type XlsxProblem } from '../../../src/xlsx/xlsx-error';
import { buildPackage } from './build-package';

async function grid(spec: Parameters<typeof buildPackage>[0], sheet = 0) {
  const snap = await XlsxWorkbookPort.open(buildPackage(spec)).readWorkbook();
  return (snap.sheets[sheet] as (typeof snap.sheets)[number]).grid;
}

async function problem(bytes: Uint8Array, limits?: Parameters<typeof XlsxWorkbookPort.open>[1]): Promise<XlsxProblem | null> {
  try {
    await XlsxWorkbookPort.open(bytes, limits).readWorkbook();
    return null;
  } catch (e) {
    if (e instanceof XlsxError) return e.problem;
    throw e;
  }
}

describe('reading cells', () => {
  it('reads shared, inline (rich, with phonetic guides left out), formula and escaped strings', async () => {
    const g = await grid({
      sharedStrings: '<si><t>plain</t></si><si><r><t>rich </t></r><r><rPr><b/></rPr><t>text</t></r><rPh><t>ふりがな</t></rPh></si><si><t>line_x000D_\nnext _x005F_x0041_</t></si>',
      sheets: {
        Plan: '<row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="s"><v>1</v></c><c r="C1" t="s"><v>2</v></c><c r="D1" t="inlineStr"><is><r><t>in</t></r><r><t xml:space="preserve"> line</t></r><rPh><t>x</t></rPh></is></c><c r="E1" t="str"><f>A1</f><v>=not a formula</v></c></row>',
      },
    });
    expect(g.values[0]).toEqual(['plain', 'rich text', 'line\r\nnext _x0041_', 'in line', '=not a formula']);
  });

  it('reads numbers, booleans, errors and ISO dates, and dates by built-in and custom formats', async () => {
    const g = await grid({
      styles: { numFmts: '<numFmt numFmtId="164" formatCode="dd/mm/yyyy;@"/>', xfs: '<xf numFmtId="14" fontId="0" fillId="0" borderId="0"/><xf numFmtId="164" fontId="0" fillId="0" borderId="0"/><xf numFmtId="20" fontId="0" fillId="0" borderId="0"/>' },
      sheets: {
        Plan: '<row r="2"><c r="A2"><v>1.5</v></c><c r="B2" t="b"><v>1</v></c><c r="C2" t="e"><v>#REF!</v></c><c r="D2" t="d"><v>2018-03-31T00:00:00Z</v></c><c r="E2" s="1"><v>43190</v></c><c r="F2" s="2"><v>43190</v></c><c r="G2" s="3"><v>0.5</v></c><c r="H2" t="d"><v>2018-03-31T12:00:00.000Z</v></c><c r="I2" t="d"><v>not a date</v></c></row>',
      },
    });
    expect(g.values[1]).toEqual([1.5, true, null, 43190, 43190, 43190, 0.5, 43190.5, 'not a date']);
    expect(g.dates?.[1]).toEqual([undefined, undefined, undefined, true, true, true, undefined, true].map((d) => d));
    expect(g.errors?.[1]?.[2]).toBe('#REF!');
  });

  it.each(['1', 'true'])('moves 1904-system dates (date1904="%s") onto the 1900 count, and only dates', async (flag) => {
    const g = await grid({ workbookPr: `<workbookPr date1904="${flag}"/>`, styles: { xfs: '<xf numFmtId="14" fontId="0" fillId="0" borderId="0"/>' }, sheets: { Plan: '<row r="1"><c r="A1" s="1"><v>41728</v></c><c r="B1"><v>41728</v></c><c r="C1" t="d"><v>2018-03-31</v></c></row>' } });
    expect(g.values[0]).toEqual([43190, 41728, 43190]);
  });

  it('gives blank cells’ solid fills (rgb, theme with tint, indexed), keeps only the master of a merge, and reads hidden rows and protection', async () => {
    const snap = await XlsxWorkbookPort.open(
      buildPackage({
        styles: {
          fills: '<fill><patternFill patternType="solid"><fgColor rgb="FFFF0000"/></patternFill></fill><fill><patternFill patternType="solid"><fgColor theme="9" tint="0.5"/></patternFill></fill><fill><patternFill patternType="solid"><fgColor indexed="13"/></patternFill></fill>',
          xfs: '<xf numFmtId="0" fontId="0" fillId="2" borderId="0"/><xf numFmtId="0" fontId="0" fillId="3" borderId="0"/><xf numFmtId="0" fontId="0" fillId="4" borderId="0"/>',
        },
        sheets: {
          Plan: '<?xml version="1.0"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData><row r="1"><c r="A1" s="1"/><c r="B1" s="2"/><c r="C1" s="3"/><c r="D1" s="1"><v>5</v></c></row><row r="3" hidden="1"><c r="A3" t="inlineStr"><is><t>top</t></is></c><c r="B3" t="inlineStr"><is><t>under</t></is></c></row></sheetData><sheetProtection sheet="1"/><mergeCells count="1"><mergeCell ref="A3:C3"/></mergeCells></worksheet>',
        },
      }),
    ).readWorkbook();
    const s = snap.sheets[0] as (typeof snap.sheets)[number];
    expect(s.grid.fills?.[0]).toEqual(['#FF0000', '#B8D6A3', '#FFFF00']);
    expect(s.grid.values[2]).toEqual(['top', null]);
    expect(s.grid.hiddenRows).toEqual([3]);
    expect(s.protected).toBe(true);
  });

  it('reads prefixed SpreadsheetML (x:c) as plainly as the default namespace', async () => {
    const g = await grid({ sheets: { Plan: '<x:worksheet xmlns:x="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><x:sheetData><x:row r="1"><x:c r="B1" t="inlineStr"><x:is><x:t>Ref</x:t></x:is></x:c></x:row></x:sheetData></x:worksheet>' } });
    expect(g.values[0]).toEqual([null, 'Ref']);
  });

  it('lists chartsheets by name with no cells, so their names are never reused', async () => {
    const bytes = buildPackage({ sheets: { Data: '', Chart1: '' } });
    // Turn the second sheet's relationship into a chartsheet one.
    const text = (await import('fflate')).unzipSync(bytes);
    const rels = new TextDecoder().decode(text['xl/_rels/workbook.xml.rels']).replace('rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet', 'rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/chartsheet');
    text['xl/_rels/workbook.xml.rels'] = strToU8(rels);
    const snap = await XlsxWorkbookPort.open(zipSync(text)).readWorkbook();
    expect(snap.sheets.map((s) => [s.name, s.grid.values.length])).toEqual([
      ['Data', 0],
      ['Chart1', 0],
    ]);
  });
});

describe('files that are not workbooks, and workbooks too large', () => {
  it.each<[string, Uint8Array, XlsxProblem['code']]>([
    ['an OLE2 file (.xls or password-protected)', new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0]), 'ole-file'],
    ['a text file', strToU8('Ref,Action\n1.1,Do it\n'), 'not-zip'],
    ['an OpenDocument spreadsheet', zipSync({ mimetype: strToU8('application/vnd.oasis.opendocument.spreadsheet'), 'content.xml': strToU8('<a/>') }), 'ods-file'],
    ['a zip of something else', zipSync({ 'readme.txt': strToU8('hello') }), 'not-workbook'],
  ])('%s', async (_, bytes, code) => {
    expect((await problem(bytes))?.code).toBe(code);
  });

  it('refuses a sheet past the row limit and a workbook past the cell limit, naming the sheet', async () => {
    const rows = Array.from({ length: 50 }, (_, i) => `<row r="${i + 1}"><c r="A${i + 1}"><v>${i}</v></c><c r="B${i + 1}"><v>1</v></c></row>`).join('');
    const bytes = buildPackage({ sheets: { Big: rows } });
    expect(await problem(bytes, { limits: { unpackedBytes: 1e9, cells: 1e9, rows: 40 } })).toEqual({ code: 'too-large', what: 'rows', limit: 40, sheet: 'Big' });
    expect(await problem(bytes, { limits: { unpackedBytes: 1e9, cells: 60, rows: 1e6 } })).toEqual({ code: 'too-large', what: 'cells', limit: 60, sheet: 'Big' });
    expect(await problem(bytes, { limits: { unpackedBytes: 2000, cells: 1e9, rows: 1e6 } })).toMatchObject({ code: 'too-large', what: 'unpacked' });
  });

  it('refuses a million-row sheet in seconds without reading it all', async () => {
    const rows: string[] = [];
    for (let r = 1; r <= 1_048_576; r++) rows.push(`<row r="${r}"><c r="A${r}"><v>1</v></c></row>`);
    const body = rows.join('');
    const bytes = buildPackage({ sheets: { Huge: body } });
    const t0 = performance.now();
    expect(await problem(bytes)).toMatchObject({ code: 'too-large', what: 'rows', sheet: 'Huge' });
    const ms = performance.now() - t0;
    expect(ms).toBeLessThan(10_000);
  });
});
