import { strToU8 } from 'fflate';
import { cellAddress } from '../../../shared/grid/a1';
import { escapeText } from '../xml/attributes';
import { concatBytes } from '../zip/bytes';
import { encodeXstring } from '../read/escapes';

/** Any character that escaping or an ST_Xstring escape would change: most text has none. */
// eslint-disable-next-line no-control-regex
const needsEscape = /[&<>_\u0000-\u001f\ud800-\udfff\ufffe\uffff]/;

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
 * strings part is never touched, and a string is always a string: nothing written here can become a
 * formula. Rows come one at a time and are encoded in batches, so a summary of 100,000 actions is
 * never one 80 MB string.
 */
export function worksheetXml(rows: Iterable<readonly (NewCell | undefined)[]>, options: NewSheetOptions): Uint8Array {
  const hidden = new Set(options.hiddenRows ?? []);
  const chunks: Uint8Array[] = [];
  let batch: string[] = [];
  const flush = () => {
    if (batch.length === 0) return;
    chunks.push(strToU8(batch.join('')));
    batch = [];
  };
  let lastCol = 0;
  let r = 0;
  const emptyRow = (n: number) => (hidden.has(n) ? `<row r="${n}" hidden="1"></row>` : '');
  for (const cells of rows) {
    r++;
    let line = '';
    for (let c = 0; c < cells.length; c++) {
      const cell = cells[c];
      if (!cell) continue;
      if (c + 1 > lastCol) lastCol = c + 1;
      const ref = cellAddress(r, c + 1);
      const s = cell.style === 0 ? '' : ` s="${cell.style}"`;
      const v = cell.value;
      if (v === null || (typeof v === 'number' && !Number.isFinite(v))) line += `<c r="${ref}"${s}/>`;
      else if (typeof v === 'number') line += `<c r="${ref}"${s}><v>${v}</v></c>`;
      else if (typeof v === 'boolean') line += `<c r="${ref}"${s} t="b"><v>${v ? 1 : 0}</v></c>`;
      else {
        const space = /^\s|\s$/.test(v) ? ' xml:space="preserve"' : '';
        line += `<c r="${ref}"${s} t="inlineStr"><is><t${space}>${needsEscape.test(v) ? escapeText(encodeXstring(v)) : v}</t></is></c>`;
      }
    }
    batch.push(line ? `<row r="${r}"${hidden.has(r) ? ' hidden="1"' : ''}>${line}</row>` : emptyRow(r));
    if (batch.length >= 2000) flush();
  }
  for (const h of [...hidden].filter((n) => n > r).sort((a, b) => a - b)) batch.push(emptyRow(h));
  flush();
  const rowCount = Math.max(r, ...[...hidden, 0]);
  const widths = options.columnWidths ?? [];
  const cols = widths.length > 0 ? `<cols>${widths.map((w, i) => `<col min="${i + 1}" max="${i + 1}" width="${w}" customWidth="1"/>`).join('')}</cols>` : '';
  const dimension = lastCol > 0 ? `<dimension ref="A1:${cellAddress(Math.max(rowCount, 1), lastCol)}"/>` : '';
  const head = strToU8(
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n' +
      `<worksheet xmlns="${options.mainNs}" xmlns:r="${options.relNs}">${dimension}<sheetViews><sheetView workbookViewId="0"/></sheetViews>` +
      `<sheetFormatPr defaultRowHeight="15"/>${cols}<sheetData>`,
  );
  const tail = strToU8('</sheetData><pageMargins left="0.7" right="0.7" top="0.75" bottom="0.75" header="0.3" footer="0.3"/></worksheet>');
  return concatBytes([head, ...chunks, tail]);
}
