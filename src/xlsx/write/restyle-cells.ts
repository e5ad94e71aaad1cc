import { spliceEdits } from '../xml/splice';
import { setAttribute } from '../xml/attributes';
import { attrSpan, intAt, localStart, prefixOf, scanXmlRaw, spells } from '../xml/scanner';
import { cellRefAt } from '../read/cell-ref';
import { cellAddress } from '../../../shared/grid/a1';
import type { StyleBook, StyleChange } from './style-book';

/** Cells to restyle, by 1-based row, then column. */
export type CellTargets = Map<number, Map<number, StyleChange>>;

interface Edit {
  start: number;
  end: number;
  text: string;
}

/**
 * The worksheet's XML with only the `s` (format) attribute of the target cells changed, every other
 * byte as it was; a target cell the sheet does not hold yet is added, empty, where it belongs. Returns
 * null when no cell's format changes, so the part is not rewritten at all.
 */
export function restyleCells(xml: string, targets: CellTargets, styles: StyleBook): string | null {
  const edits: Edit[] = [];
  const targetRows = [...targets.keys()].sort((a, b) => a - b);
  let nextRow = 0;
  let inSheetData = false;
  let p = '';
  let row = 0;
  let col = 0;
  let pending: number[] = [];
  let rowChanges: Map<number, StyleChange> | undefined;

  const newCell = (r: number, c: number, change: StyleChange) => {
    const s = styles.derive(0, change);
    return `<${p}c r="${cellAddress(r, c)}"${s === 0 ? '' : ` s="${s}"`}/>`;
  };
  const cellsOf = (r: number, cols: readonly number[], changes: Map<number, StyleChange>) => cols.map((c) => newCell(r, c, changes.get(c) as StyleChange)).join('');
  const wholeRow = (r: number) => {
    const changes = targets.get(r) as Map<number, StyleChange>;
    return `<${p}row r="${r}">${cellsOf(r, [...changes.keys()].sort((a, b) => a - b), changes)}</${p}row>`;
  };
  /** Rows with targets that come before `r` and that the sheet lacks. */
  const missingRowsBefore = (r: number) => {
    let text = '';
    while (nextRow < targetRows.length && (targetRows[nextRow] as number) < r) text += wholeRow(targetRows[nextRow++] as number);
    return text;
  };

  scanXmlRaw(xml, {
    open(doc, start, nameEnd, end, selfClosing) {
      const l = localStart(doc, start + 1, nameEnd);
      if (spells(doc, l, nameEnd, 'sheetData')) {
        const name = doc.slice(start + 1, nameEnd);
        p = prefixOf(name);
        if (selfClosing) {
          const rows = missingRowsBefore(Infinity);
          if (rows) edits.push({ start, end, text: `<${name}>${rows}</${name}>` });
        } else inSheetData = true;
        return;
      }
      if (!inSheetData) return;
      if (spells(doc, l, nameEnd, 'row')) {
        const r = attrSpan(doc, start, end, 'r');
        row = r === null ? row + 1 : intAt(doc, r[0], r[1]);
        col = 0;
        const before = missingRowsBefore(row);
        if (before) edits.push({ start, end: start, text: before });
        if (targetRows[nextRow] === row) nextRow++;
        rowChanges = targets.get(row);
        pending = rowChanges ? [...rowChanges.keys()].sort((a, b) => a - b) : [];
        if (selfClosing && rowChanges && pending.length > 0) {
          const tag = doc.slice(start, end);
          edits.push({ start, end, text: `${tag.slice(0, -2).replace(/\s+$/, '')}>${cellsOf(row, pending, rowChanges)}</${doc.slice(start + 1, nameEnd)}>` });
          pending = [];
        }
      } else if (spells(doc, l, nameEnd, 'c')) {
        const ref = attrSpan(doc, start, end, 'r');
        const at = ref === null ? null : cellRefAt(doc, ref[0], ref[1]);
        col = at ? at.col : col + 1;
        if (!rowChanges) return;
        if (pending.length > 0 && (pending[0] as number) < col) {
          const missing: number[] = [];
          while (pending.length > 0 && (pending[0] as number) < col) missing.push(pending.shift() as number);
          edits.push({ start, end: start, text: cellsOf(row, missing, rowChanges) });
        }
        const change = rowChanges.get(col);
        if (!change) return;
        if (pending[0] === col) pending.shift();
        const sSpan = attrSpan(doc, start, end, 's');
        const base = sSpan === null ? 0 : intAt(doc, sSpan[0], sSpan[1]) || 0;
        const s = styles.derive(base, change);
        if (s === base) return;
        // Only the value of s changes (or s is added): the rest of the tag stays as written.
        if (sSpan) edits.push({ start: sSpan[0], end: sSpan[1], text: String(s) });
        else edits.push({ start, end, text: setAttribute(doc.slice(start, end), 's', String(s)) });
      }
    },
    close(doc, start, nameEnd) {
      if (!inSheetData) return;
      const l = localStart(doc, start + 2, nameEnd);
      if (spells(doc, l, nameEnd, 'row')) {
        if (rowChanges && pending.length > 0) edits.push({ start, end: start, text: cellsOf(row, pending, rowChanges) });
        pending = [];
        rowChanges = undefined;
      } else if (spells(doc, l, nameEnd, 'sheetData')) {
        inSheetData = false;
        const rows = missingRowsBefore(Infinity);
        if (rows) edits.push({ start, end: start, text: rows });
      }
    },
  });
  if (edits.length === 0) return null;
  return spliceEdits(xml, edits);
}
