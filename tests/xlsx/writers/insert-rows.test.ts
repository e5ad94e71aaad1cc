// Inserting rows into an .xlsx surgically (src/xlsx/write/insert-rows.ts): what moves in the sheet,
// what is refused and with which code, a defined name moved in workbook.xml, and, over every
// workbook of the Excel-saved corpus, that an insert either changes only the sheet (and its
// plain-reference names, and styles.xml for a date's format) with every cell where the move puts
// it, or is refused leaving the file as it was; LibreOffice and openpyxl open what it wrote.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { strToU8, zipSync, type Zippable } from 'fflate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RowInsertion } from '../../../shared/add/row-insertion';
import type { GridSnapshot } from '../../../shared/grid/grid';
import { refusalOf } from '../../../shared/workbook/write-refusal';
import { InsertBlocked, insertRowsXml, movedDefinedName, moveArea, rowMover, rowRefs, type RowBlock } from '../../../src/xlsx/write/insert-rows';
import { XlsxWorkbookPort } from '../../../src/xlsx/xlsx-port';
import { ensureDebianPython } from '../../helpers/python';
import { convertWithSoffice, findSoffice } from '../../helpers/soffice';
import { CORPUS_DIR, corpusFiles } from '../corpus/corpus';
import { changedParts } from '../../helpers/xlsx';
import { unzip, utf8 } from '../corpus/ooxml';

const ns = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
const sheet = (body: string) => `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<worksheet xmlns="${ns}" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">${body}</worksheet>`;
const blockedBy = (xml: string, blocks: RowBlock[]) => {
  try {
    insertRowsXml(xml, 'Plan', blocks);
    return null;
  } catch (e) {
    if (e instanceof InsertBlocked) return e.blocked;
    throw e;
  }
};

describe('moving references', () => {
  const move = rowMover([
    { afterRow: 10, count: 2 },
    { afterRow: 20, count: 1 },
  ]);

  it('moves rows below each place, keeps rows above, grows an area across a place, keeps $ signs', () => {
    expect(['A5', 'B11', '$C$21', 'A4:I76', '$A$4:$I$10', '10:11', '$4:$4', 'A:A', 'B10:B20', 'Plan'].map((a) => moveArea(a, move))).toEqual(['A5', 'B13', '$C$24', 'A4:I79', '$A$4:$I$10', '10:13', '$4:$4', 'A:A', 'B10:B22', 'Plan']);
  });

  it('finds the rows a formula refers to on a sheet: unqualified only on that sheet, never inside strings or function names', () => {
    expect(rowRefs('=SUM(A1:A9)+\'Other sheet\'!B50+Plan!$C$7+"A99"+LOG10(4)+COUNTIF(H:H,"x")+ROWS(5:6)', 'Plan', true)).toEqual([
      { row: 1, absolute: false },
      { row: 9, absolute: false },
      { row: 7, absolute: true },
      { row: 5, absolute: false },
      { row: 6, absolute: false },
    ]);
    expect(rowRefs("='CIP Monitoring'!H5:H70+A3", 'CIP Monitoring', false)).toEqual([
      { row: 5, absolute: false },
      { row: 70, absolute: false },
    ]);
  });

  it('moves a defined name that is only references to the sheet; anything more is left to refuse', () => {
    expect(movedDefinedName("'CIP Monitoring'!$A$4:$I$76,'CIP Monitoring'!$4:$4", 'CIP Monitoring', move)).toBe("'CIP Monitoring'!$A$4:$I$79,'CIP Monitoring'!$4:$4");
    expect(movedDefinedName('Other!$A$1:$A$50', 'Plan', move)).toBe('Other!$A$1:$A$50');
    expect(movedDefinedName('OFFSET(Plan!$A$1,0,0,COUNTA(Plan!$A:$A),1)', 'Plan', move)).toBeNull();
  });
});

describe('the sheet’s XML', () => {
  it('renumbers rows and cells below, copies the row it follows (formats, height; not hidden), and moves the sheet’s own references', () => {
    const xml = sheet(
      '<dimension ref="A1:C4"/><sheetData>' +
        '<row r="1"><c r="A1" t="inlineStr"><is><t>Ref</t></is></c></row>' +
        '<row r="2" ht="30" customHeight="1" hidden="1" spans="1:3"><c r="A2" s="3" t="inlineStr"><is><t>1.1</t></is></c><c r="B2"/><c r="C2" s="5"><v>43555</v></c></row>' +
        '<row r="3"><c r="A3" t="inlineStr"><is><t>1.2</t></is></c></row>' +
        '<row r="4"><c r="C4"><f>SUM(C1:C2)</f><v>1</v></c></row>' +
        '</sheetData><autoFilter ref="A1:C4"/><mergeCells count="1"><mergeCell ref="A3:C3"/></mergeCells>' +
        '<conditionalFormatting sqref="C2:C4 A3"><cfRule type="cellIs" priority="1" operator="equal"><formula>"Red"</formula></cfRule></conditionalFormatting>' +
        '<dataValidations count="1"><dataValidation type="list" sqref="B2:B4"><formula1>"Yes,No"</formula1></dataValidation></dataValidations>' +
        '<hyperlinks><hyperlink ref="A3" r:id="rId1"/></hyperlinks><rowBreaks count="1" manualBreakCount="1"><brk id="3" max="16383" man="1"/></rowBreaks>',
    );
    // The formula in row 4 sums rows above the place: it stays right, but its cell moves, which is refused.
    expect(blockedBy(xml, [{ afterRow: 2, count: 2 }])).toEqual({ what: 'formula', where: 'C4' });
    const ok = xml.replace('<c r="C4"><f>SUM(C1:C2)</f><v>1</v></c>', '<c r="C4"><v>1</v></c>');
    expect(insertRowsXml(ok, 'Plan', [{ afterRow: 2, count: 2 }])).toBe(
      sheet(
        '<dimension ref="A1:C6"/><sheetData>' +
          '<row r="1"><c r="A1" t="inlineStr"><is><t>Ref</t></is></c></row>' +
          '<row r="2" ht="30" customHeight="1" hidden="1" spans="1:3"><c r="A2" s="3" t="inlineStr"><is><t>1.1</t></is></c><c r="B2"/><c r="C2" s="5"><v>43555</v></c></row>' +
          '<row r="3" ht="30" customHeight="1" spans="1:3"><c r="A3" s="3"/><c r="C3" s="5"/></row>' +
          '<row r="4" ht="30" customHeight="1" spans="1:3"><c r="A4" s="3"/><c r="C4" s="5"/></row>' +
          '<row r="5"><c r="A5" t="inlineStr"><is><t>1.2</t></is></c></row>' +
          '<row r="6"><c r="C6"><v>1</v></c></row>' +
          '</sheetData><autoFilter ref="A1:C6"/><mergeCells count="1"><mergeCell ref="A5:C5"/></mergeCells>' +
          '<conditionalFormatting sqref="C2:C6 A5"><cfRule type="cellIs" priority="1" operator="equal"><formula>"Red"</formula></cfRule></conditionalFormatting>' +
          '<dataValidations count="1"><dataValidation type="list" sqref="B2:B6"><formula1>"Yes,No"</formula1></dataValidation></dataValidations>' +
          '<hyperlinks><hyperlink ref="A5" r:id="rId1"/></hyperlinks><rowBreaks count="1" manualBreakCount="1"><brk id="5" max="16383" man="1"/></rowBreaks>',
      ),
    );
  });

  it('two places at once: each block after its row, the rows between moved by the first, below by both', () => {
    const xml = sheet('<sheetData><row r="1"><c r="A1"><v>1</v></c></row><row r="2"><c r="A2"><v>2</v></c></row><row r="3"><c r="A3"><v>3</v></c></row></sheetData>');
    expect(insertRowsXml(xml, 'Plan', [{ afterRow: 1, count: 1 }, { afterRow: 2, count: 2 }])).toBe(
      sheet('<sheetData><row r="1"><c r="A1"><v>1</v></c></row><row r="2"/><row r="3"><c r="A3"><v>2</v></c></row><row r="4"/><row r="5"/><row r="6"><c r="A6"><v>3</v></c></row></sheetData>'),
    );
  });

  it('refuses what it would have to rewrite, naming it', () => {
    const rows = '<row r="1"><c r="A1"><v>1</v></c></row><row r="5"><c r="A5"><v>5</v></c></row>';
    const at2: RowBlock[] = [{ afterRow: 2, count: 1, cols: [1] }];
    expect(blockedBy(sheet(`<sheetData><row r="1"><c r="B1"><f>A5*2</f><v>10</v></c></row>${rows.slice(rows.indexOf('<row r="5"'))}</sheetData>`), at2)).toEqual({ what: 'formula', where: 'B1' });
    expect(blockedBy(sheet(`<sheetData><row r="1"><c r="B1"><f t="shared" ref="B1:B5" si="0">A1</f><v>1</v></c></row></sheetData>`), at2)).toEqual({ what: 'shared-formula', where: 'B1' });
    expect(blockedBy(sheet(`<sheetData>${rows}</sheetData><conditionalFormatting sqref="A1:A5"><cfRule type="expression" priority="1"><formula>$A$5&gt;1</formula></cfRule></conditionalFormatting>`), at2)).toEqual({ what: 'formula', where: 'conditional format A1:A5' });
    // A relative reference in a rule whose range starts below the place would need rewriting too.
    expect(blockedBy(sheet(`<sheetData>${rows}</sheetData><conditionalFormatting sqref="A5:A9"><cfRule type="expression" priority="1"><formula>$A1&gt;1</formula></cfRule></conditionalFormatting>`), at2)).toEqual({ what: 'formula', where: 'conditional format A5:A9' });
    expect(blockedBy(sheet(`<sheetData>${rows}</sheetData><conditionalFormatting sqref="A1:A5"><cfRule type="expression" priority="1"><formula>$A1&gt;1</formula></cfRule></conditionalFormatting>`), at2)).toBeNull();
    expect(blockedBy(sheet(`<sheetData>${rows}</sheetData><hyperlinks><hyperlink ref="A1" location="'Plan'!A5"/></hyperlinks>`), at2)).toEqual({ what: 'reference', where: 'hyperlink A1' });
    expect(blockedBy(sheet(`<sheetData>${rows}</sheetData><mergeCells count="1"><mergeCell ref="A1:A5"/></mergeCells>`), at2)).toEqual({ what: 'merged-cells', where: 'A1:A5' });
    expect(blockedBy(sheet(`<sheetData>${rows}</sheetData><mergeCells count="1"><mergeCell ref="B1:C5"/></mergeCells>`), at2)).toBeNull();
    expect(blockedBy(sheet(`<sheetData>${rows}</sheetData><controls><control shapeId="1025" r:id="rId3"/></controls>`), at2)).toEqual({ what: 'control', where: 'controls' });
    const ext = `<extLst><ext uri="{78C0D931-6437-407d-A8EE-F0AAD7539E65}" xmlns:x14="http://schemas.microsoft.com/office/spreadsheetml/2009/9/main"><x14:conditionalFormattings><x14:conditionalFormatting xmlns:xm="http://schemas.microsoft.com/office/excel/2006/main"><xm:sqref>A1:A5</xm:sqref></x14:conditionalFormatting></x14:conditionalFormattings></ext></extLst>`;
    expect(blockedBy(sheet(`<sheetData>${rows}</sheetData>${ext}`), at2)).toEqual({ what: 'extension', where: 'extLst' });
    expect(blockedBy(sheet(`<sheetData>${rows}</sheetData>${ext.replace('A1:A5', 'A1:A2')}`), at2)).toBeNull();
  });
});

const samplePath = path.resolve(__dirname, '../../../samples/cip-monitoring-sept-2018.xlsx');
const rowsAt = (afterRow: number, texts: string[][]): RowInsertion => ({ afterRow, rows: texts.map((r) => r.map((text, i) => ({ col: i + 1, value: { kind: 'text' as const, text } }))) });

/** The same package with one part's text replaced. */
function withPart(bytes: Uint8Array, name: string, edit: (xml: string) => string): Uint8Array {
  const z: Zippable = {};
  for (const [n, d] of unzip(bytes)) z[n] = n === name ? strToU8(edit(utf8(d))) : d;
  return zipSync(z, { level: 6 });
}

describe('the .xlsx port', () => {
  it('inserts into the sample plan: only the sheet changes, a print area moves with the rows (as in Excel, a row added below its last row is outside it), the rest byte for byte', async () => {
    // The sample keeps its print titles (row 4, above every place); a print area down to row 76 is added.
    const original = withPart(new Uint8Array(readFileSync(samplePath)), 'xl/workbook.xml', (xml) => xml.replace('<definedNames>', `<definedNames><definedName name="_xlnm.Print_Area" localSheetId="0">&apos;CIP Monitoring&apos;!$A$1:$I$76</definedName>`));
    const port = XlsxWorkbookPort.open(original);
    await port.insertRows('CIP Monitoring', [rowsAt(26, [['3.7', 'New action']]), rowsAt(76, [['10.4', 'Another']])]);
    const out = port.toBytes();
    expect(changedParts(original, out)).toEqual(['xl/workbook.xml', 'xl/worksheets/sheet1.xml']);
    const wb = utf8(unzip(out).get('xl/workbook.xml') as Uint8Array);
    expect(wb).toBe(utf8(unzip(original).get('xl/workbook.xml') as Uint8Array).replace('&apos;CIP Monitoring&apos;!$A$1:$I$76', '&apos;CIP Monitoring&apos;!$A$1:$I$77'));
    const g = (await XlsxWorkbookPort.open(out).readWorkbook()).sheets[0]?.grid as GridSnapshot;
    expect([g.values[26]?.slice(0, 2), g.values[77]?.slice(0, 2), g.values[27]?.[0], g.values[76]?.[0]]).toEqual([['3.7', 'New action'], ['10.4', 'Another'], 'Theme 4 – Constructive Member relationships', '10.3']);
    expect(g.merges).toContain('A28:I28');
  });

  it('refuses, changing nothing, what it would have to rewrite elsewhere: a defined name that is a formula, another sheet’s formula, a note', async () => {
    const sample = new Uint8Array(readFileSync(samplePath));
    const cases: [Uint8Array, unknown][] = [
      [withPart(sample, 'xl/workbook.xml', (xml) => xml.replace('</sheets>', `</sheets><definedNames><definedName name="Open">COUNTIF('CIP Monitoring'!$H$5:$H$76,"On track")</definedName></definedNames>`)), { what: 'defined-name', where: 'Open' }],
      [withPart(sample, 'xl/worksheets/sheet2.xml', (xml) => xml.replace(/<c r="A1"([^>]*)\/>|<c r="A1"([^>]*)>.*?<\/c>/, '<c r="A1"><f>\'CIP Monitoring\'!H49</f><v>0</v></c>')), { what: 'reference', where: 'xl/worksheets/sheet2.xml' }],
    ];
    for (const [bytes, want] of cases) {
      const port = XlsxWorkbookPort.open(bytes);
      const refusal = await port.insertRows('CIP Monitoring', [rowsAt(26, [['3.7', 'New action']])]).then(
        () => null,
        (e: unknown) => refusalOf(e),
      );
      expect(refusal).toEqual({ code: 'rows-would-break', sheet: 'CIP Monitoring', ...(want as object) });
      expect(changedParts(bytes, port.toBytes())).toEqual([]);
    }
  });
});

/** Every cell of a grid by "row:col". */
function cellsOf(g: GridSnapshot): Map<string, unknown> {
  const m = new Map<string, unknown>();
  g.values.forEach((row, r) => row.forEach((v, c) => v !== null && m.set(`${g.top + r}:${g.left + c}`, v)));
  return m;
}

describe('every workbook of the Excel-saved corpus, two rows inserted in the middle of its first sheet with cells', () => {
  const outcomes = new Map<string, number>();
  const written = new Map<string, Uint8Array>();
  const afterRows = new Map<string, number>();
  const problems: string[] = [];

  beforeAll(async () => {
    for (const file of corpusFiles()) {
      const bytes = new Uint8Array(readFileSync(path.join(CORPUS_DIR, file)));
      const port = XlsxWorkbookPort.open(bytes);
      const first = (await port.readWorkbook()).sheets.find((s) => s.grid.values.length > 0);
      if (!first) {
        outcomes.set('no cells', (outcomes.get('no cells') ?? 0) + 1);
        continue;
      }
      const g = first.grid;
      const after = Math.max(1, Math.floor((2 * g.top + g.values.length - 1) / 2));
      try {
        await port.insertRows(first.name, [{ afterRow: after, rows: [[{ col: 1, value: { kind: 'text', text: '=new A' } }], [{ col: 2, value: { kind: 'date', serial: 43555 } }]] }]);
      } catch (e) {
        const r = refusalOf(e);
        if (!r) throw e;
        const key = r.code === 'rows-would-break' ? r.what : r.code;
        outcomes.set(key, (outcomes.get(key) ?? 0) + 1);
        if (changedParts(bytes, port.toBytes()).length > 0) problems.push(`${file}: refused (${key}) but changed ${changedParts(bytes, port.toBytes()).join(', ')}`);
        continue;
      }
      outcomes.set('inserted', (outcomes.get('inserted') ?? 0) + 1);
      const out = port.toBytes();
      written.set(file, out);
      afterRows.set(file, after);
      const sheetPart = `xl/worksheets/${/sheet\d+\.xml/.exec(changedParts(bytes, out).find((n) => n.startsWith('xl/worksheets/')) ?? '')?.[0] ?? ''}`;
      const others = changedParts(bytes, out).filter((n) => n !== sheetPart && n !== 'xl/workbook.xml' && n !== 'xl/styles.xml');
      if (others.length > 0) problems.push(`${file}: also changed ${others.join(', ')}`);
      const after2 = (await XlsxWorkbookPort.open(out).readWorkbook()).sheets.find((s) => s.name === first.name)?.grid as GridSnapshot;
      const want = new Map<string, unknown>();
      for (const [k, v] of cellsOf(g)) {
        const [r = 0, c = 0] = k.split(':').map(Number);
        want.set(`${r > after ? r + 2 : r}:${c}`, v);
      }
      want.set(`${after + 1}:1`, '=new A');
      want.set(`${after + 2}:2`, 43555);
      const got = cellsOf(after2);
      const diff = [...new Set([...want.keys(), ...got.keys()])].filter((k) => want.get(k) !== got.get(k));
      if (diff.length > 0) problems.push(`${file}: cells differ at ${diff.slice(0, 5).join(', ')}`);
      if (after2.dates?.[after + 2 - after2.top]?.[2 - after2.left] !== true) problems.push(`${file}: the date is not a date cell`);
    }
  }, 300_000);

  it('inserts or refuses every one, and a refusal changes nothing', () => {
    expect(problems).toEqual([]);
    expect(Object.fromEntries([...outcomes].sort())).toEqual({
      comment: 15,
      drawing: 390,
      formula: 13,
      inserted: 226,
      'merged-cells': 1,
      'no cells': 209,
      reference: 17,
      'shared-formula': 4,
      'sheet-protected': 4,
      table: 34,
    });
  });

  it('an autoFilter and its hidden name, a conditional format, a merge and a hyperlink move with the rows', () => {
    const part = (file: string, name: string) => utf8(unzip(written.get(file) as Uint8Array).get(name) as Uint8Array);
    expect(afterRows.get('autofilter02.xlsx')).toBe(26);
    expect(part('autofilter02.xlsx', 'xl/workbook.xml')).toContain('Sheet1!$A$1:$D$53</definedName>');
    expect(part('autofilter02.xlsx', 'xl/worksheets/sheet1.xml')).toMatch(/<dimension ref="A1:D53"\/>.*<autoFilter ref="A1:D53">/s);
    expect(afterRows.get('cond_format10.xlsx')).toBe(3);
    expect(part('cond_format10.xlsx', 'xl/worksheets/sheet1.xml')).toContain('<conditionalFormatting sqref="B3:B8">');
    expect(afterRows.get('hyperlink13.xlsx')).toBe(2);
    expect(part('hyperlink13.xlsx', 'xl/worksheets/sheet1.xml')).toMatch(/<mergeCell ref="C6:E7"\/>.*<hyperlink ref="C6"/s);
  });

  describe('other readers open what it wrote', () => {
    const picks = ['autofilter02.xlsx', 'cond_format10.xlsx', 'hyperlink13.xlsx', 'merge_range01.xlsx', 'page_breaks03.xlsx', 'default_row01.xlsx', 'format13.xlsx', 'hyperlink01.xlsx'];
    let dir = '';
    beforeAll(() => {
      dir = mkdtempSync(path.join(tmpdir(), 'plan-monitor-insert-'));
      for (const f of picks) writeFileSync(path.join(dir, f), written.get(f) as Uint8Array);
    });
    afterAll(() => {
      if (dir) rmSync(dir, { recursive: true, force: true });
    });

    it('openpyxl reads the new cells where they were put, text as text', () => {
      const python = ensureDebianPython(['openpyxl']);
      const script = 'import json,sys,openpyxl\nout={}\nfor f in sys.argv[2:]:\n  ws=openpyxl.load_workbook(sys.argv[1]+"/"+f).worksheets[0]\n  out[f]=[[v.isoformat() if hasattr(v,"isoformat") else v for v in row] for row in ws.iter_rows(min_row=1,max_col=2,values_only=True)]\nprint(json.dumps(out))';
      const r = spawnSync(python, ['-c', script, dir, ...picks], { encoding: 'utf8' });
      expect(r.stderr).toBe('');
      const read = JSON.parse(r.stdout) as Record<string, unknown[][]>;
      for (const f of picks) {
        const after = afterRows.get(f) as number;
        expect([read[f]?.[after]?.[0], read[f]?.[after + 1]?.[1]], f).toEqual(['=new A', '2019-03-31T00:00:00']);
      }
    });

    it('LibreOffice converts each without complaint and shows the new cells', () => {
      const soffice = findSoffice();
      const csvDir = path.join(dir, 'csv');
      const run = convertWithSoffice(soffice, 'csv:Text - txt - csv (StarCalc):44,34,76,1', picks.map((f) => path.join(dir, f)), csvDir);
      expect(run.status).toBe(0);
      for (const f of picks) {
        const lines = readFileSync(path.join(csvDir, f.replace(/\.xlsx$/, '.csv')), 'utf8').split(/\r?\n/);
        const after = afterRows.get(f) as number;
        // Text in quotes, as LibreOffice writes a text cell; the date as its en-US short date.
        expect([lines[after]?.split(',')[0], lines[after + 1]?.split(',')[1]], f).toEqual(['"=new A"', '3/31/2019']);
      }
    }, 300_000);
  });
});
