import { strToU8 } from 'fflate';
import { cellAddress, quoteSheetName } from '../../../shared/grid/a1';
import { contentTypes } from '../package/opc';
import { inlineString } from '../write/inline-string';
import { escapeAttribute, escapeText } from '../xml/attributes';
import type { ZipCodec } from '../zip/codec';
import { writeZip } from '../zip/write-zip';

/**
 * The pieces every workbook built from nothing shares (the update request, the carried plan): the
 * package with the fewest parts Excel, LibreOffice and openpyxl open, a stylesheet, and cells whose
 * text is always an inline string, so nothing written can become a formula.
 */

export const mainNs = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
export const relNs = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const pkgRelNs = 'http://schemas.openxmlformats.org/package/2006/relationships';
export const xmlHead = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';

/** Fonts: plain, bold, bold 14pt (titles), italic (notes). */
const fonts = {
  plain: '<font><sz val="11"/><name val="Calibri"/><family val="2"/></font>',
  bold: '<font><b/><sz val="11"/><name val="Calibri"/><family val="2"/></font>',
  title: '<font><b/><sz val="14"/><name val="Calibri"/><family val="2"/></font>',
  italic: '<font><i/><sz val="11"/><name val="Calibri"/><family val="2"/></font>',
} as const;

/** The two fills every stylesheet starts with, then a solid one of this colour. */
const baseFills = ['<fill><patternFill patternType="none"/></fill>', '<fill><patternFill patternType="gray125"/></fill>'] as const;
const solidFill = (argb: string) => `<fill><patternFill patternType="solid"><fgColor rgb="${argb}"/><bgColor indexed="64"/></patternFill></fill>`;

const borders = {
  none: '<border><left/><right/><top/><bottom/><diagonal/></border>',
  thin: '<border><left style="thin"><color rgb="FFBFBFBF"/></left><right style="thin"><color rgb="FFBFBFBF"/></right><top style="thin"><color rgb="FFBFBFBF"/></top><bottom style="thin"><color rgb="FFBFBFBF"/></bottom><diagonal/></border>',
} as const;

/** Custom number formats: the date as a UK reader writes it, a month, a year; and Excel's Text format. */
export const dayFormat = 164;
export const monthFormat = 165;
export const yearFormat = 166;
export const textFormat = 49;

interface StyleSheet {
  numFmts: readonly (readonly [id: number, code: string])[];
  fonts: readonly string[];
  fills: readonly string[];
  borders: readonly string[];
  /** cellXfs, in order: a cell's `s` is its index. */
  cellXfs: readonly string[];
}

function styleSheetXml(s: StyleSheet): string {
  const list = (tag: string, items: readonly string[]) => `<${tag} count="${items.length}">${items.join('')}</${tag}>`;
  return (
    `${xmlHead}<styleSheet xmlns="${mainNs}">` +
    list('numFmts', s.numFmts.map(([id, code]) => `<numFmt numFmtId="${id}" formatCode="${escapeAttribute(code)}"/>`)) +
    list('fonts', s.fonts) +
    list('fills', s.fills) +
    list('borders', s.borders) +
    '<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>' +
    list('cellXfs', s.cellXfs) +
    '<cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles></styleSheet>'
  );
}

/**
 * The stylesheet both workbooks use: fonts 0 plain, 1 bold, 2 bold 14pt, 3 italic; fills 2 header
 * grey, 3 light grey; borders 0 none, 1 thin grey; a day and a month format, and any others given.
 */
export function standardStylesXml(cellXfs: readonly string[], moreFormats: readonly (readonly [id: number, code: string])[] = []): string {
  return styleSheetXml({
    numFmts: [[dayFormat, 'dd/mm/yyyy'], [monthFormat, 'mmm yyyy'], ...moreFormats],
    fonts: [fonts.plain, fonts.bold, fonts.title, fonts.italic],
    fills: [...baseFills, solidFill('FFD9D9D9'), solidFill('FFF2F2F2')],
    borders: [borders.none, borders.thin],
    cellXfs,
  });
}

/** The cell formats both workbooks start with, under the standard stylesheet's fonts and fills. */
export const standardXfs = {
  default: '<xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>',
  title: '<xf numFmtId="0" fontId="2" fillId="0" borderId="0" xfId="0" applyFont="1"/>',
  note: '<xf numFmtId="0" fontId="3" fillId="0" borderId="0" xfId="0" applyFont="1"/>',
  header: '<xf numFmtId="0" fontId="1" fillId="2" borderId="1" xfId="0" applyFont="1" applyFill="1" applyBorder="1" applyAlignment="1"><alignment vertical="top" wrapText="1"/></xf>',
} as const;

/** A cell's value as these workbooks write it: text (inline), a number (a date is a number in a date format), TRUE/FALSE, or an error such as #REF!. */
export type NewValue = { kind: 'text'; text: string } | { kind: 'number'; value: number } | { kind: 'boolean'; value: boolean } | { kind: 'error'; text: string } | null;

export function valueCellXml(ref: string, style: number, v: NewValue): string {
  const s = style === 0 ? '' : ` s="${style}"`;
  if (v === null) return `<c r="${ref}"${s}/>`;
  switch (v.kind) {
    case 'number':
      return `<c r="${ref}"${s}><v>${v.value}</v></c>`;
    case 'boolean':
      return `<c r="${ref}"${s} t="b"><v>${v.value ? 1 : 0}</v></c>`;
    case 'error':
      return `<c r="${ref}"${s} t="e"><v>${escapeText(v.text)}</v></c>`;
    case 'text':
      return `<c r="${ref}"${s} t="inlineStr">${inlineString(v.text)}</c>`;
  }
}

/** `<sheetData>`'s rows from row 1, each cell given as its XML by `cell`; and the last column used. */
export function sheetRowsXml<T>(rows: readonly (readonly (T | null | undefined)[])[], cell: (ref: string, value: T) => string): { xml: string; lastCol: number } {
  let lastCol = 0;
  const xml = rows
    .map((cells, r) => {
      let line = '';
      cells.forEach((value, c) => {
        if (value === null || value === undefined) return;
        lastCol = Math.max(lastCol, c + 1);
        line += cell(cellAddress(r + 1, c + 1), value);
      });
      return line === '' ? '' : `<row r="${r + 1}">${line}</row>`;
    })
    .join('');
  return { xml, lastCol };
}

/** The sheet view's frozen heading rows, with the cursor at `activeCell`; nothing without heading rows. */
export function frozenPaneXml(headerRows: number, activeCell: string): string {
  return headerRows > 0 ? `<pane ySplit="${headerRows}" topLeftCell="${cellAddress(headerRows + 1, 1)}" activePane="bottomLeft" state="frozen"/><selection pane="bottomLeft" activeCell="${activeCell}" sqref="${activeCell}"/>` : '';
}

export function colsXml(columns: readonly { width: number; hidden?: boolean | undefined }[]): string {
  return `<cols>${columns.map((c, i) => `<col min="${i + 1}" max="${i + 1}" width="${c.width}" customWidth="1"${c.hidden ? ' hidden="1"' : ''}/>`).join('')}</cols>`;
}

/** The rows repeated on each printed page of a sheet (its heading rows), as a defined name. */
export function printTitlesXml(sheet: string, localSheetId: number, headerRows: number): string {
  return headerRows > 0 ? `<definedName name="_xlnm.Print_Titles" localSheetId="${localSheetId}">${escapeText(`${quoteSheetName(sheet)}!$1:$${headerRows}`)}</definedName>` : '';
}

export interface NewSheetPart {
  name: string;
  xml: string | Uint8Array;
  /** A tool's own sheet, out of the way as the tool keeps it. */
  hidden?: boolean;
}

/** The package: content types, relationships, the workbook listing the sheets (the first one shown), the worksheets and the styles. */
export function workbookPackage(sheets: readonly NewSheetPart[], stylesXml: string, definedNames: string, codec: ZipCodec): Uint8Array {
  const n = sheets.length;
  const overrides = sheets.map((_, i) => `<Override PartName="/xl/worksheets/sheet${i + 1}.xml" ContentType="${contentTypes.worksheet}"/>`).join('');
  const parts: [string, string | Uint8Array][] = [
    [
      '[Content_Types].xml',
      `${xmlHead}<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/>` +
        `<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>${overrides}<Override PartName="/xl/styles.xml" ContentType="${contentTypes.styles}"/></Types>`,
    ],
    ['_rels/.rels', `${xmlHead}<Relationships xmlns="${pkgRelNs}"><Relationship Id="rId1" Type="${relNs}/officeDocument" Target="xl/workbook.xml"/></Relationships>`],
    [
      'xl/workbook.xml',
      `${xmlHead}<workbook xmlns="${mainNs}" xmlns:r="${relNs}"><bookViews><workbookView/></bookViews><sheets>${sheets
        .map((s, i) => `<sheet name="${escapeAttribute(s.name)}" sheetId="${i + 1}"${s.hidden ? ' state="hidden"' : ''} r:id="rId${i + 1}"/>`)
        .join('')}</sheets>${definedNames === '' ? '' : `<definedNames>${definedNames}</definedNames>`}</workbook>`,
    ],
    [
      'xl/_rels/workbook.xml.rels',
      `${xmlHead}<Relationships xmlns="${pkgRelNs}">${sheets.map((_, i) => `<Relationship Id="rId${i + 1}" Type="${relNs}/worksheet" Target="worksheets/sheet${i + 1}.xml"/>`).join('')}<Relationship Id="rId${n + 1}" Type="${relNs}/styles" Target="styles.xml"/></Relationships>`,
    ],
    ...sheets.map((s, i): [string, string | Uint8Array] => [`xl/worksheets/sheet${i + 1}.xml`, s.xml]),
    ['xl/styles.xml', stylesXml],
  ];
  return writeZip(
    parts.map(([name, data]) => ({ kind: 'content', name, data: typeof data === 'string' ? strToU8(data) : data })),
    codec,
  );
}
