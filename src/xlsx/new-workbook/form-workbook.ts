import { strToU8 } from 'fflate';
import type { FormCell, FormList, FormRole, FormSheet } from '../../../shared/requests/form-sheet';
import { cellAddress, columnLetters, quoteSheetName } from '../../../shared/grid/a1';
import { contentTypes } from '../package/opc';
import { inlineString } from '../write/inline-string';
import { escapeAttribute, escapeText } from '../xml/attributes';
import { portableCodec, type ZipCodec } from '../zip/codec';
import { writeZip } from '../zip/write-zip';

/**
 * A new workbook holding one form sheet, built from nothing with the fewest parts Excel, LibreOffice
 * and openpyxl open: content types, the package and workbook relationships, the workbook, one
 * worksheet and the styles. Text goes in as inline strings, so nothing written can become a
 * formula; dates are real date cells with a date format. Every cell is locked except the inputs,
 * and the sheet is protected without a password, so an officer can type only where the form asks.
 * The same form gives the same bytes.
 */

const mainNs = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
const relNs = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const pkgRelNs = 'http://schemas.openxmlformats.org/package/2006/relationships';
const xmlHead = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';

/** Custom number formats: the date as a UK reader writes it, and a month. */
const dayFormat = 164;
const monthFormat = 165;
const textFormat = 49;

/** cellXfs, in order; each cell's `s` is its index. Fonts: 0 plain, 1 bold, 2 bold 14pt, 3 italic. Fills: 2 header grey, 3 read-only grey. */
const xfs = [
  { key: 'default', xf: '<xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>' },
  { key: 'title', xf: '<xf numFmtId="0" fontId="2" fillId="0" borderId="0" xfId="0" applyFont="1"/>' },
  { key: 'note', xf: '<xf numFmtId="0" fontId="3" fillId="0" borderId="0" xfId="0" applyFont="1"/>' },
  { key: 'header', xf: '<xf numFmtId="0" fontId="1" fillId="2" borderId="1" xfId="0" applyFont="1" applyFill="1" applyBorder="1" applyAlignment="1"><alignment vertical="top" wrapText="1"/></xf>' },
  { key: 'fixed-text', xf: `<xf numFmtId="${textFormat}" fontId="0" fillId="3" borderId="1" xfId="0" applyNumberFormat="1" applyFill="1" applyBorder="1" applyAlignment="1"><alignment vertical="top" wrapText="1"/></xf>` },
  { key: 'fixed-day', xf: `<xf numFmtId="${dayFormat}" fontId="0" fillId="3" borderId="1" xfId="0" applyNumberFormat="1" applyFill="1" applyBorder="1" applyAlignment="1"><alignment horizontal="left" vertical="top"/></xf>` },
  { key: 'fixed-month', xf: `<xf numFmtId="${monthFormat}" fontId="0" fillId="3" borderId="1" xfId="0" applyNumberFormat="1" applyFill="1" applyBorder="1" applyAlignment="1"><alignment horizontal="left" vertical="top"/></xf>` },
  { key: 'input-text', xf: `<xf numFmtId="${textFormat}" fontId="0" fillId="0" borderId="1" xfId="0" applyNumberFormat="1" applyBorder="1" applyAlignment="1" applyProtection="1"><alignment vertical="top" wrapText="1"/><protection locked="0"/></xf>` },
  { key: 'input-day', xf: `<xf numFmtId="${dayFormat}" fontId="0" fillId="0" borderId="1" xfId="0" applyNumberFormat="1" applyBorder="1" applyAlignment="1" applyProtection="1"><alignment horizontal="left" vertical="top"/><protection locked="0"/></xf>` },
  { key: 'input-month', xf: `<xf numFmtId="${monthFormat}" fontId="0" fillId="0" borderId="1" xfId="0" applyNumberFormat="1" applyBorder="1" applyAlignment="1" applyProtection="1"><alignment horizontal="left" vertical="top"/><protection locked="0"/></xf>` },
  { key: 'hidden', xf: `<xf numFmtId="${textFormat}" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/>` },
] as const;
type StyleKey = (typeof xfs)[number]['key'];
const styleIndex = new Map<string, number>(xfs.map((x, i) => [x.key, i]));

const stylesXml =
  `${xmlHead}<styleSheet xmlns="${mainNs}">` +
  `<numFmts count="2"><numFmt numFmtId="${dayFormat}" formatCode="dd/mm/yyyy"/><numFmt numFmtId="${monthFormat}" formatCode="mmm yyyy"/></numFmts>` +
  '<fonts count="4"><font><sz val="11"/><name val="Calibri"/><family val="2"/></font><font><b/><sz val="11"/><name val="Calibri"/><family val="2"/></font>' +
  '<font><b/><sz val="14"/><name val="Calibri"/><family val="2"/></font><font><i/><sz val="11"/><name val="Calibri"/><family val="2"/></font></fonts>' +
  '<fills count="4"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill>' +
  '<fill><patternFill patternType="solid"><fgColor rgb="FFD9D9D9"/><bgColor indexed="64"/></patternFill></fill>' +
  '<fill><patternFill patternType="solid"><fgColor rgb="FFF2F2F2"/><bgColor indexed="64"/></patternFill></fill></fills>' +
  '<borders count="2"><border><left/><right/><top/><bottom/><diagonal/></border>' +
  '<border><left style="thin"><color rgb="FFBFBFBF"/></left><right style="thin"><color rgb="FFBFBFBF"/></right><top style="thin"><color rgb="FFBFBFBF"/></top><bottom style="thin"><color rgb="FFBFBFBF"/></bottom><diagonal/></border></borders>' +
  '<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>' +
  `<cellXfs count="${xfs.length}">${xfs.map((x) => x.xf).join('')}</cellXfs>` +
  '<cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles></styleSheet>';

function styleOf(cell: FormCell): number {
  const role: FormRole = cell.role;
  const v = cell.value;
  let key: StyleKey;
  if (role === 'fixed') key = v?.kind === 'date' ? (v.shows === 'day' ? 'fixed-day' : 'fixed-month') : 'fixed-text';
  else if (role === 'input-date') key = v?.kind === 'date' && v.shows === 'month' ? 'input-month' : 'input-day';
  else key = role;
  return styleIndex.get(key) ?? 0;
}

function cellXml(ref: string, cell: FormCell): string {
  const s = styleOf(cell);
  const style = s === 0 ? '' : ` s="${s}"`;
  const v = cell.value;
  if (v === null) return `<c r="${ref}"${style}/>`;
  if (v.kind === 'date') return `<c r="${ref}"${style}><v>${v.serial}</v></c>`;
  return `<c r="${ref}"${style} t="inlineStr">${inlineString(v.text)}</c>`;
}

/** A list's allowed values as Excel's inline list ("A,B,C"), or null when one holds a comma or the list is too long for one. */
function inlineList(options: readonly string[]): string | null {
  if (options.some((o) => o.includes(','))) return null;
  const list = `"${options.map((o) => o.replace(/"/g, '""')).join(',')}"`;
  return list.length <= 257 ? list : null;
}

function worksheetXml(form: FormSheet): string {
  // A list that cannot be written inline is read from a hidden column after the form's own.
  const rows = form.rows.map((r) => [...r]);
  const extraColumns: { width: number; hidden: boolean }[] = [];
  const validations = form.lists.map((list: FormList) => {
    const inline = inlineList(list.options);
    if (inline !== null) return { list, formula: inline };
    const col = form.columns.length + extraColumns.length + 1;
    extraColumns.push({ width: 20, hidden: true });
    list.options.forEach((o, i) => {
      const line = (rows[i] ??= []);
      line[col - 1] = { value: { kind: 'text', text: o }, role: 'hidden' };
    });
    const letters = columnLetters(col);
    return { list, formula: `$${letters}$1:$${letters}$${list.options.length}` };
  });
  const columns = [...form.columns, ...extraColumns];
  let lastCol = 0;
  const sheetData = rows
    .map((cells, r) => {
      let line = '';
      cells.forEach((cell, c) => {
        if (!cell) return;
        lastCol = Math.max(lastCol, c + 1);
        line += cellXml(cellAddress(r + 1, c + 1), cell);
      });
      return line === '' ? '' : `<row r="${r + 1}">${line}</row>`;
    })
    .join('');
  const firstInput = rows.findIndex((cells, r) => r >= form.headerRows && cells.some((c) => c?.role.startsWith('input')));
  const inputCol = firstInput < 0 ? -1 : (rows[firstInput] ?? []).findIndex((c) => c?.role.startsWith('input'));
  const at = firstInput < 0 ? cellAddress(form.headerRows + 1, 1) : cellAddress(firstInput + 1, inputCol + 1);
  const pane = form.headerRows > 0 ? `<pane ySplit="${form.headerRows}" topLeftCell="${cellAddress(form.headerRows + 1, 1)}" activePane="bottomLeft" state="frozen"/><selection pane="bottomLeft" activeCell="${at}" sqref="${at}"/>` : '';
  const cols = columns.map((c, i) => `<col min="${i + 1}" max="${i + 1}" width="${c.width}" customWidth="1"${c.hidden ? ' hidden="1"' : ''}/>`).join('');
  const dataValidations =
    validations.length === 0
      ? ''
      : `<dataValidations count="${validations.length}">${validations
          .map(
            ({ list, formula }) =>
              `<dataValidation type="list" allowBlank="1" showInputMessage="1" showErrorMessage="1" errorTitle="Not in the list" error="${escapeAttribute('Pick one from the list.')}" sqref="${cellAddress(list.top, list.col)}:${cellAddress(list.bottom, list.col)}"><formula1>${escapeText(formula)}</formula1></dataValidation>`,
          )
          .join('')}</dataValidations>`;
  return (
    `${xmlHead}<worksheet xmlns="${mainNs}" xmlns:r="${relNs}">` +
    `<dimension ref="A1:${cellAddress(Math.max(rows.length, 1), Math.max(lastCol, 1))}"/>` +
    `<sheetViews><sheetView tabSelected="1" workbookViewId="0">${pane}</sheetView></sheetViews>` +
    `<sheetFormatPr defaultRowHeight="15"/><cols>${cols}</cols><sheetData>${sheetData}</sheetData>` +
    // No password: the protection keeps officers' typing in the right cells, it is not a lock.
    '<sheetProtection sheet="1" objects="1" scenarios="1" formatColumns="0" formatRows="0"/>' +
    dataValidations +
    '<pageMargins left="0.7" right="0.7" top="0.75" bottom="0.75" header="0.3" footer="0.3"/><pageSetup paperSize="9" orientation="landscape"/></worksheet>'
  );
}

/** The form as the bytes of an .xlsx file. */
export function formWorkbook(form: FormSheet, codec: ZipCodec = portableCodec): Uint8Array {
  const name = escapeAttribute(form.name);
  const printTitles = form.headerRows > 0 ? `<definedNames><definedName name="_xlnm.Print_Titles" localSheetId="0">${escapeText(`${quoteSheetName(form.name)}!$1:$${form.headerRows}`)}</definedName></definedNames>` : '';
  const parts: [string, string][] = [
    [
      '[Content_Types].xml',
      `${xmlHead}<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/>` +
        `<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="${contentTypes.worksheet}"/><Override PartName="/xl/styles.xml" ContentType="${contentTypes.styles}"/></Types>`,
    ],
    ['_rels/.rels', `${xmlHead}<Relationships xmlns="${pkgRelNs}"><Relationship Id="rId1" Type="${relNs}/officeDocument" Target="xl/workbook.xml"/></Relationships>`],
    [
      'xl/workbook.xml',
      `${xmlHead}<workbook xmlns="${mainNs}" xmlns:r="${relNs}"><bookViews><workbookView/></bookViews><sheets><sheet name="${name}" sheetId="1" r:id="rId1"/></sheets>${printTitles}</workbook>`,
    ],
    ['xl/_rels/workbook.xml.rels', `${xmlHead}<Relationships xmlns="${pkgRelNs}"><Relationship Id="rId1" Type="${relNs}/worksheet" Target="worksheets/sheet1.xml"/><Relationship Id="rId2" Type="${relNs}/styles" Target="styles.xml"/></Relationships>`],
    ['xl/worksheets/sheet1.xml', worksheetXml(form)],
    ['xl/styles.xml', stylesXml],
  ];
  return writeZip(
    parts.map(([partName, xml]) => ({ kind: 'content', name: partName, data: strToU8(xml) })),
    codec,
  );
}
