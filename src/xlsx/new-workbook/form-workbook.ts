import type { FormCell, FormList, FormRole, FormSheet } from '../../../shared/requests/form-sheet';
import { cellAddress, columnLetters } from '../../../shared/grid/a1';
import { escapeAttribute, escapeText } from '../xml/attributes';
import { portableCodec, type ZipCodec } from '../zip/codec';
import { colsXml, dayFormat, frozenPaneXml, mainNs, monthFormat, printTitlesXml, relNs, sheetRowsXml, standardStylesXml, standardXfs, textFormat, valueCellXml, workbookPackage, xmlHead } from './parts';

/**
 * A new workbook holding one form sheet, built from nothing with the fewest parts Excel, LibreOffice
 * and openpyxl open: content types, the package and workbook relationships, the workbook, one
 * worksheet and the styles. Text goes in as inline strings, so nothing written can become a
 * formula; dates are real date cells with a date format. Every cell is locked except the inputs,
 * and the sheet is protected without a password, so an officer can type only where the form asks.
 * The same form gives the same bytes.
 */

/** cellXfs, in order; each cell's `s` is its index. Fonts: 0 plain, 1 bold, 2 bold 14pt, 3 italic. Fills: 2 header grey, 3 read-only grey. */
const xfs = [
  { key: 'default', xf: standardXfs.default },
  { key: 'title', xf: standardXfs.title },
  { key: 'note', xf: standardXfs.note },
  { key: 'header', xf: standardXfs.header },
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

const stylesXml = standardStylesXml(xfs.map((x) => x.xf));

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
  const v = cell.value;
  return valueCellXml(ref, styleOf(cell), v === null ? null : v.kind === 'date' ? { kind: 'number', value: v.serial } : v);
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
  const { xml: sheetData, lastCol } = sheetRowsXml(rows, cellXml);
  const firstInput = rows.findIndex((cells, r) => r >= form.headerRows && cells.some((c) => c?.role.startsWith('input')));
  const inputCol = firstInput < 0 ? -1 : (rows[firstInput] ?? []).findIndex((c) => c?.role.startsWith('input'));
  const at = firstInput < 0 ? cellAddress(form.headerRows + 1, 1) : cellAddress(firstInput + 1, inputCol + 1);
  const pane = frozenPaneXml(form.headerRows, at);
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
    `<sheetFormatPr defaultRowHeight="15"/>${colsXml(columns)}<sheetData>${sheetData}</sheetData>` +
    // No password: the protection keeps officers' typing in the right cells, it is not a lock.
    '<sheetProtection sheet="1" objects="1" scenarios="1" formatColumns="0" formatRows="0"/>' +
    dataValidations +
    '<pageMargins left="0.7" right="0.7" top="0.75" bottom="0.75" header="0.3" footer="0.3"/><pageSetup paperSize="9" orientation="landscape"/></worksheet>'
  );
}

/** The form as the bytes of an .xlsx file. */
export function formWorkbook(form: FormSheet, codec: ZipCodec = portableCodec): Uint8Array {
  return workbookPackage([{ name: form.name, xml: worksheetXml(form) }], stylesXml, printTitlesXml(form.name, 0, form.headerRows), codec);
}
