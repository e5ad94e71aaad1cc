import type { CarriedRowKind, CarriedWorkbook } from '../../../shared/carry/carry-forward';
import { cellAddress } from '../../../shared/grid/a1';
import type { CellValue } from '../../../shared/grid/grid';
import { worksheetXml as toolSheetXml, type NewCell } from '../write/worksheet-xml';
import { portableCodec, type ZipCodec } from '../zip/codec';
import { colsXml, dayFormat, frozenPaneXml, mainNs, monthFormat, printTitlesXml, relNs, sheetRowsXml, standardStylesXml, standardXfs, textFormat, valueCellXml, workbookPackage, xmlHead, yearFormat, type NewValue } from './parts';

/**
 * The workbook a carried-forward plan starts in, built from nothing: the plan sheet first, shown and
 * active, then the tool's own sheets (settings, history, audit) hidden, written as the .xlsx port
 * writes them. Text goes in as inline strings, so nothing written can become a formula; dates are
 * real date cells in a day, month or year format as the old plan showed them. The plan is not
 * protected: it is the council's to edit. The same plan gives the same bytes.
 */

/** cellXfs, in order. Fonts: 0 plain, 1 bold, 2 bold 14pt, 3 italic. Fills: 2 header grey, 3 heading grey. */
const xfs = [
  { key: 'default', xf: standardXfs.default },
  { key: 'title', xf: standardXfs.title },
  { key: 'note', xf: standardXfs.note },
  { key: 'header', xf: standardXfs.header },
  { key: 'heading', xf: `<xf numFmtId="${textFormat}" fontId="1" fillId="3" borderId="1" xfId="0" applyNumberFormat="1" applyFont="1" applyFill="1" applyBorder="1" applyAlignment="1"><alignment vertical="top" wrapText="1"/></xf>` },
  { key: 'text', xf: `<xf numFmtId="${textFormat}" fontId="0" fillId="0" borderId="1" xfId="0" applyNumberFormat="1" applyBorder="1" applyAlignment="1"><alignment vertical="top" wrapText="1"/></xf>` },
  { key: 'number', xf: '<xf numFmtId="0" fontId="0" fillId="0" borderId="1" xfId="0" applyBorder="1" applyAlignment="1"><alignment horizontal="left" vertical="top"/></xf>' },
  { key: 'day', xf: `<xf numFmtId="${dayFormat}" fontId="0" fillId="0" borderId="1" xfId="0" applyNumberFormat="1" applyBorder="1" applyAlignment="1"><alignment horizontal="left" vertical="top"/></xf>` },
  { key: 'month', xf: `<xf numFmtId="${monthFormat}" fontId="0" fillId="0" borderId="1" xfId="0" applyNumberFormat="1" applyBorder="1" applyAlignment="1"><alignment horizontal="left" vertical="top"/></xf>` },
  { key: 'year', xf: `<xf numFmtId="${yearFormat}" fontId="0" fillId="0" borderId="1" xfId="0" applyNumberFormat="1" applyBorder="1" applyAlignment="1"><alignment horizontal="left" vertical="top"/></xf>` },
  // The tool's sheets: every string in the Text format, as the .xlsx port writes them (hiddenSheetCells).
  { key: 'tool-text', xf: `<xf numFmtId="${textFormat}" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/>` },
] as const;
type StyleKey = (typeof xfs)[number]['key'];
const style = Object.fromEntries(xfs.map((x, i) => [x.key, i])) as Record<StyleKey, number>;

const stylesXml = standardStylesXml(
  xfs.map((x) => x.xf),
  [[yearFormat, 'yyyy']],
);

interface Cell {
  style: number;
  value: NewValue;
}

function valueOf(v: CellValue, error: string | null | undefined): NewValue {
  if (error) return { kind: 'error', text: error };
  if (v === null || v === '') return null;
  if (typeof v === 'number') return Number.isFinite(v) ? { kind: 'number', value: v } : null;
  if (typeof v === 'boolean') return { kind: 'boolean', value: v };
  return { kind: 'text', text: v };
}

/** Rows of the table (header, headings, actions) are bordered across the sheet's width, blanks too. */
const tableKinds: ReadonlySet<CarriedRowKind> = new Set(['header', 'heading', 'action', 'milestone']);

function planSheetXml(plan: CarriedWorkbook['plan']): string {
  const g = plan.grid;
  const width = plan.columnWidths.length;
  const rows: (Cell | null)[][] = g.values.map((cells, r) => {
    const kind = plan.kinds[r] ?? 'blank';
    const out: (Cell | null)[] = [];
    const n = tableKinds.has(kind) ? width : cells.length;
    for (let c = 0; c < n; c++) {
      const value = valueOf(cells[c] ?? null, g.errors?.[r]?.[c]);
      if (value === null && !tableKinds.has(kind)) {
        out.push(null);
        continue;
      }
      let key: StyleKey;
      if (kind === 'title' || kind === 'note' || kind === 'header' || kind === 'heading') key = kind;
      else if (kind === 'blank') key = 'default';
      else if (value?.kind === 'number' && g.dates?.[r]?.[c] === true) key = g.datePrecision?.[r]?.[c] ?? 'day';
      else if (value?.kind === 'number' || value?.kind === 'boolean' || value?.kind === 'error') key = 'number';
      else key = 'text';
      out.push({ style: style[key], value });
    }
    return out;
  });
  const { xml: sheetData, lastCol } = sheetRowsXml(rows, (ref, cell) => valueCellXml(ref, cell.style, cell.value));
  const at = cellAddress(plan.headerRow + 1, 1);
  const merges = g.merges ?? [];
  return (
    `${xmlHead}<worksheet xmlns="${mainNs}" xmlns:r="${relNs}">` +
    `<dimension ref="A1:${cellAddress(Math.max(rows.length, 1), Math.max(lastCol, 1))}"/>` +
    `<sheetViews><sheetView tabSelected="1" workbookViewId="0">${frozenPaneXml(plan.headerRow, at)}</sheetView></sheetViews>` +
    `<sheetFormatPr defaultRowHeight="15"/>${colsXml(plan.columnWidths.map((w) => ({ width: w })))}<sheetData>${sheetData}</sheetData>` +
    (merges.length > 0 ? `<mergeCells count="${merges.length}">${merges.map((m) => `<mergeCell ref="${m}"/>`).join('')}</mergeCells>` : '') +
    '<pageMargins left="0.7" right="0.7" top="0.75" bottom="0.75" header="0.3" footer="0.3"/><pageSetup paperSize="9" orientation="landscape"/></worksheet>'
  );
}

/** A tool's sheet as the .xlsx port writes one: literal text, columns 28 and 60 wide. */
function toolSheet(rows: readonly CellValue[][]): Uint8Array {
  const cells = rows.map((r) => r.map((v): NewCell => ({ value: v, style: typeof v === 'string' ? style['tool-text'] : 0 })));
  return toolSheetXml(cells, { mainNs, relNs, columnWidths: [28, 60] });
}

/** The carried plan as the bytes of an .xlsx file. */
export function planWorkbook(wb: CarriedWorkbook, codec: ZipCodec = portableCodec): Uint8Array {
  const sheets = [{ name: wb.plan.name, xml: planSheetXml(wb.plan) }, ...wb.toolSheets.map((s) => ({ name: s.name, xml: toolSheet(s.rows), hidden: true }))];
  return workbookPackage(sheets, stylesXml, printTitlesXml(wb.plan.name, 0, wb.plan.headerRow), codec);
}
