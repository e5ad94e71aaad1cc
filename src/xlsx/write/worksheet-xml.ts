import { cellAddress } from '../../../shared/grid/a1';
import { escapeText } from '../xml/attributes';
import { encodeXstring } from '../read/escapes';

export interface NewCell {
  value: string | number | boolean | null;
  /** Index into cellXfs. */
  style: number;
}

export interface NewSheetOptions {
  /** The workbook's SpreadsheetML namespace (transitional or strict), so the part matches its package. */
  mainNs: string;
  relNs: string;
  columnWidths?: readonly number[];
  hiddenRows?: readonly number[];
}

/**
 * A worksheet part for one of the tool's own sheets. Text goes in as inline strings, so the shared
 * strings part is never touched, and a string is always a string: nothing written here can become a formula.
 */
export function worksheetXml(rows: readonly (readonly (NewCell | undefined)[])[], options: NewSheetOptions): string {
  const hidden = new Set(options.hiddenRows ?? []);
  let lastCol = 0;
  const body: string[] = [];
  const rowCount = Math.max(rows.length, ...[...hidden, 0]);
  for (let r = 0; r < rowCount; r++) {
    const cells = rows[r] ?? [];
    let line = '';
    for (let c = 0; c < cells.length; c++) {
      const cell = cells[c];
      if (!cell) continue;
      if (c + 1 > lastCol) lastCol = c + 1;
      const ref = cellAddress(r + 1, c + 1);
      const s = cell.style === 0 ? '' : ` s="${cell.style}"`;
      const v = cell.value;
      if (v === null || (typeof v === 'number' && !Number.isFinite(v))) line += `<c r="${ref}"${s}/>`;
      else if (typeof v === 'number') line += `<c r="${ref}"${s}><v>${v}</v></c>`;
      else if (typeof v === 'boolean') line += `<c r="${ref}"${s} t="b"><v>${v ? 1 : 0}</v></c>`;
      else {
        const space = /^\s|\s$/.test(v) ? ' xml:space="preserve"' : '';
        line += `<c r="${ref}"${s} t="inlineStr"><is><t${space}>${escapeText(encodeXstring(v))}</t></is></c>`;
      }
    }
    const isHidden = hidden.has(r + 1);
    if (line || isHidden) body.push(`<row r="${r + 1}"${isHidden ? ' hidden="1"' : ''}>${line}</row>`);
  }
  const widths = options.columnWidths ?? [];
  const cols = widths.length > 0 ? `<cols>${widths.map((w, i) => `<col min="${i + 1}" max="${i + 1}" width="${w}" customWidth="1"/>`).join('')}</cols>` : '';
  const dimension = lastCol > 0 ? `<dimension ref="A1:${cellAddress(Math.max(rowCount, 1), lastCol)}"/>` : '';
  return (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n' +
    `<worksheet xmlns="${options.mainNs}" xmlns:r="${options.relNs}">${dimension}<sheetViews><sheetView workbookViewId="0"/></sheetViews>` +
    `<sheetFormatPr defaultRowHeight="15"/>${cols}<sheetData>${body.join('')}</sheetData>` +
    '<pageMargins left="0.7" right="0.7" top="0.75" bottom="0.75" header="0.3" footer="0.3"/></worksheet>'
  );
}
