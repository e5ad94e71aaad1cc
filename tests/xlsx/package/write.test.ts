/** Writing: formats appended, only the status cells' s attribute changed, and every run the same bytes. */
import { describe, expect, it } from 'vitest';
import { parseStyles } from '../../../src/xlsx/read/styles';
import { addSheetTitle } from '../../../src/xlsx/write/add-sheet';
import { restyleCells, type CellTargets } from '../../../src/xlsx/write/restyle-cells';
import { StyleBook } from '../../../src/xlsx/write/style-book';
import { MAIN } from './build-package';

const styles = (inner: string, p = '') => `<?xml version="1.0"?>\n<${p}styleSheet xmlns${p ? `:${p.slice(0, -1)}` : ''}="${MAIN}">${inner}</${p}styleSheet>`;
const base = '<fonts count="1" x14ac:knownFonts="1"><font><b val="0"/><sz val="11"/><color theme="1"/><name val="Calibri"/></font></fonts><fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills><borders count="1"><border/></borders><cellXfs count="2"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/><xf numFmtId="14" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"><alignment horizontal="left"/></xf></cellXfs><cellStyles count="1"/>';

function book(xml: string) {
  return new StyleBook(xml, parseStyles(xml));
}

describe('the style book', () => {
  it('appends a font, a fill and a format, keeps every existing one where and as it was, and counts them', () => {
    const xml = styles(base);
    const b = book(xml);
    const s = b.derive(1, { fill: '#F4D7D7', fontColour: '#651B1B' });
    expect(s).toBe(2);
    const out = b.toXml();
    expect(out).toBe(
      xml
        .replace('<fonts count="1" x14ac:knownFonts="1">', '<fonts count="2" x14ac:knownFonts="1">')
        .replace('</font></fonts>', '</font><font><b val="0"/><sz val="11"/><color rgb="FF651B1B"/><name val="Calibri"/></font></fonts>')
        .replace('<fills count="2">', '<fills count="3">')
        .replace('</fill></fills>', '</fill><fill><patternFill patternType="solid"><fgColor rgb="FFF4D7D7"/><bgColor indexed="64"/></patternFill></fill></fills>')
        .replace('<cellXfs count="2">', '<cellXfs count="3">')
        .replace('</xf></cellXfs>', '</xf><xf numFmtId="14" fontId="1" fillId="2" borderId="0" xfId="0" applyNumberFormat="1" applyFont="1" applyFill="1"><alignment horizontal="left"/></xf></cellXfs>'),
    );
  });

  it('is a fixed point: the format it made, asked for again, is itself, so a second run adds nothing', () => {
    const first = book(styles(base));
    const s = first.derive(0, { fill: '#CFE4DC', fontColour: '#083D29' });
    const again = book(first.toXml());
    expect(again.derive(s, { fill: '#CFE4DC', fontColour: '#083D29' })).toBe(s);
    expect(again.derive(0, { fill: '#CFE4DC', fontColour: '#083D29' })).toBe(s);
    expect(again.changed).toBe(false);
  });

  it('makes bold, italic, sized, wrapped and numbered formats in Excel’s child order, with the part’s prefix', () => {
    const xml = styles(base.replace(/<(\/?)(\w+)/g, '<$1x:$2'), 'x:');
    const b = book(xml);
    const s = b.derive(0, { bold: true, italic: true, size: 14, numFmtId: 49, wrapTop: true });
    const out = b.toXml();
    expect(out).toContain('<x:font><x:b/><x:i/><x:sz val="14"/><x:color theme="1"/><x:name val="Calibri"/></x:font></x:fonts>');
    expect(out).toContain(`<x:xf numFmtId="49" fontId="1" fillId="0" borderId="0" xfId="0" applyFont="1" applyNumberFormat="1" applyAlignment="1"><x:alignment vertical="top" wrapText="1"/></x:xf></x:cellXfs>`);
    expect(s).toBe(2);
  });

  it('adds a collection the stylesheet lacks in its schema place', () => {
    const xml = styles('<fonts count="1"><font/></fonts><cellXfs count="1"><xf numFmtId="0" fontId="0" xfId="0"/></cellXfs>');
    const b = book(xml);
    b.derive(0, { fill: '#D2E2F1' });
    expect(b.toXml()).toContain('</fonts><fills count="1"><fill><patternFill patternType="solid"><fgColor rgb="FFD2E2F1"/><bgColor indexed="64"/></patternFill></fill></fills><cellXfs count="2">');
  });
});

describe('restyling status cells', () => {
  const sheet = (data: string) => `<?xml version="1.0"?>\n<worksheet xmlns="${MAIN}"><dimension ref="A1:C9"/><sheetData>${data}</sheetData><mergeCells count="1"><mergeCell ref="A1:C1"/></mergeCells></worksheet>`;
  const change = { fill: '#F4D7D7', fontColour: '#651B1B' };
  const targets = (cells: [number, number][]): CellTargets => {
    const t: CellTargets = new Map();
    for (const [r, c] of cells) {
      if (!t.has(r)) t.set(r, new Map());
      t.get(r)?.set(c, change);
    }
    return t;
  };

  it('changes only the s attribute of the target cells (or adds it), every other byte as it was', () => {
    const xml = sheet('<row r="2" spans="1:3"><c r="A2" t="s"><v>0</v></c><c r="B2" s="1" t="s"><v>1</v></c><c r="C2" t="s"><v>2</v></c></row><row r="3"><c r="B3" t="s"><v>3</v></c></row>');
    const b = book(styles(base));
    const out = restyleCells(xml, targets([[2, 2], [3, 2]]), b);
    expect(out).toBe(xml.replace('<c r="B2" s="1" t="s">', '<c r="B2" s="2" t="s">').replace('<c r="B3" t="s">', '<c r="B3" t="s" s="3">'));
  });

  it('adds a target cell the row lacks in column order, a row the sheet lacks in row order, and opens a self-closing row', () => {
    const xml = sheet('<row r="2"><c r="A2"><v>1</v></c><c r="C2"><v>2</v></c></row><row r="4" ht="20" customHeight="1"/><row r="6"><c r="A6"><v>1</v></c></row>');
    const out = restyleCells(xml, targets([[2, 2], [4, 2], [5, 2], [9, 2]]), book(styles(base)));
    expect(out).toBe(
      xml
        .replace('<c r="C2">', '<c r="B2" s="2"/><c r="C2">')
        .replace('<row r="4" ht="20" customHeight="1"/>', '<row r="4" ht="20" customHeight="1"><c r="B4" s="2"/></row><row r="5"><c r="B5" s="2"/></row>')
        .replace('</row></sheetData>', '</row><row r="9"><c r="B9" s="2"/></row></sheetData>'),
    );
  });

  it('returns null when every target already has its format, so the part is not rewritten', () => {
    const b = book(styles(base));
    const s = b.derive(0, change);
    const xml = sheet(`<row r="2"><c r="B2" s="${s}"><v>1</v></c></row>`);
    expect(restyleCells(xml, targets([[2, 2]]), b)).toBeNull();
  });
});

describe('docProps/app.xml', () => {
  const app = (titles: string[], counts: string) =>
    `<Properties xmlns="x" xmlns:vt="v"><HeadingPairs><vt:vector size="4" baseType="variant">${counts}</vt:vector></HeadingPairs><TitlesOfParts><vt:vector size="${titles.length}" baseType="lpstr">${titles.map((t) => `<vt:lpstr>${t}</vt:lpstr>`).join('')}</vt:vector></TitlesOfParts></Properties>`;
  const pairs = (ws: number, names: number) => `<vt:variant><vt:lpstr>Worksheets</vt:lpstr></vt:variant><vt:variant><vt:i4>${ws}</vt:i4></vt:variant><vt:variant><vt:lpstr>Named Ranges</vt:lpstr></vt:variant><vt:variant><vt:i4>${names}</vt:i4></vt:variant>`;

  it('adds the new sheet’s title after the other worksheets and before the named ranges, and counts it', () => {
    expect(addSheetTitle(app(['Sheet1', 'Plan', 'Print_Area'], pairs(2, 1)), 'Plan & Summary')).toBe(app(['Sheet1', 'Plan', 'Plan &amp; Summary', 'Print_Area'], pairs(3, 1)));
  });

  it('leaves a list it cannot account for alone', () => {
    expect(addSheetTitle(app(['Sheet1'], pairs(2, 1)), 'X')).toBeNull();
  });
});
