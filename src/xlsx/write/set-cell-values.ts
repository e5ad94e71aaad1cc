import { spliceEdits } from '../xml/splice';
import { cellAddress } from '../../../shared/grid/a1';
import type { CellWrite } from '../../../shared/merge/cell-edits';
import { cellRefAt } from '../read/cell-ref';
import { attributes, setAttribute } from '../xml/attributes';
import { attrSpan, intAt, localStart, prefixOf, scanXmlRaw, spells } from '../xml/scanner';
import { inlineString } from './inline-string';
import { restyleCells, type CellTargets } from './restyle-cells';
import type { StyleBook } from './style-book';

/** Values to write, by 1-based row, then column. */
export type CellWrites = Map<number, Map<number, CellWrite>>;

/** The format (cellXfs index) a written cell takes, given the one it has (0 for a new cell). */
export type StyleFor = (row: number, col: number, style: number, write: CellWrite) => number;

/** Thrown when a cell to write holds a formula: the caller refuses those before it writes. */
export class FormulaCellError extends Error {
  constructor(readonly cell: string) {
    super(`cell ${cell} holds a formula`);
  }
}

interface Edit {
  start: number;
  end: number;
  text: string;
}

/** The tag with one attribute taken out (and the white space before it); the rest as written. */
function withoutAttribute(tag: string, name: string): string {
  const a = attributes(tag).find((x) => x.name === name);
  if (!a) return tag;
  let from = tag.lastIndexOf(name, a.valueStart);
  while (from > 0 && tag.charCodeAt(from - 1) <= 32) from--;
  return tag.slice(0, from) + tag.slice(a.valueEnd + 1);
}

/**
 * A cell element with a new value: its start tag as it was but for the type (`t`, and the value
 * metadata `vm`/`cm` that belonged to the old value) and, where the value needs it, the format
 * (`s`); its content only the new value. Text is an inline string, so it is never a formula.
 */
function rewrittenCell(startTag: string, cellName: string, p: string, write: CellWrite, style: number): string {
  let open = startTag.endsWith('/>') ? `${startTag.slice(0, -2).replace(/\s+$/, '')}>` : startTag;
  for (const name of ['t', 'vm', 'cm']) open = withoutAttribute(open, name);
  const sSpan = attrSpan(open, 0, open.length, 's');
  const old = sSpan === null ? 0 : intAt(open, sSpan[0], sSpan[1]) || 0;
  if (style !== old) open = setAttribute(open, 's', String(style));
  if (write.kind === 'blank') return `${open.slice(0, -1)}/>`;
  if (write.kind === 'date') return `${open}<${p}v>${write.serial}</${p}v></${cellName}>`;
  return `${setAttribute(open, 't', 'inlineStr')}${inlineString(write.text, p)}</${cellName}>`;
}

/**
 * The worksheet's XML with only the target cells' values changed: each target cell's content and
 * type, and its format only where a date needs a date format; every other byte as it was. A target
 * the sheet does not hold yet is added where it belongs. A target holding a formula is refused
 * (FormulaCellError): see sheetCellFacts. Returns null when there is nothing to write.
 */
export function setCellValues(xml: string, writes: CellWrites, styleFor: StyleFor, styles: StyleBook): string | null {
  if (writes.size === 0) return null;
  // First the cells the sheet lacks, added empty where they belong: restyling with no change does just that.
  const ensure: CellTargets = new Map([...writes].map(([r, cols]) => [r, new Map([...cols.keys()].map((c) => [c, {}]))]));
  const doc = restyleCells(xml, ensure, styles) ?? xml;
  const edits: Edit[] = [];
  let inSheetData = false;
  let row = 0;
  let col = 0;
  let rowWrites: Map<number, CellWrite> | undefined;
  /** A target cell whose end tag is still to come. */
  let open: { start: number; tag: string; name: string; write: CellWrite } | null = null;
  const rewrite = (start: number, end: number, tag: string, name: string, write: CellWrite) => {
    const sSpan = attrSpan(tag, 0, tag.length, 's');
    const style = sSpan === null ? 0 : intAt(tag, sSpan[0], sSpan[1]) || 0;
    edits.push({ start, end, text: rewrittenCell(tag, name, prefixOf(name), write, styleFor(row, col, style, write)) });
  };
  scanXmlRaw(doc, {
    open(d, start, nameEnd, end, selfClosing) {
      const l = localStart(d, start + 1, nameEnd);
      if (open) {
        if (spells(d, l, nameEnd, 'f')) throw new FormulaCellError(cellAddress(row, col));
      } else if (spells(d, l, nameEnd, 'sheetData')) inSheetData = !selfClosing;
      else if (!inSheetData) return;
      else if (spells(d, l, nameEnd, 'row')) {
        const r = attrSpan(d, start, end, 'r');
        row = r === null ? row + 1 : intAt(d, r[0], r[1]);
        col = 0;
        rowWrites = writes.get(row);
      } else if (spells(d, l, nameEnd, 'c')) {
        const ref = attrSpan(d, start, end, 'r');
        const at = ref === null ? null : cellRefAt(d, ref[0], ref[1]);
        col = at ? at.col : col + 1;
        const write = rowWrites?.get(col);
        if (!write) return;
        const name = d.slice(start + 1, nameEnd);
        if (selfClosing) rewrite(start, end, d.slice(start, end), name, write);
        else open = { start, tag: d.slice(start, end), name, write };
      }
    },
    close(d, start, nameEnd, end) {
      const l = localStart(d, start + 2, nameEnd);
      if (open && spells(d, l, nameEnd, 'c')) {
        rewrite(open.start, end, open.tag, open.name, open.write);
        open = null;
      } else if (spells(d, l, nameEnd, 'sheetData')) inSheetData = false;
    },
  });
  return spliceEdits(doc, edits);
}

export interface SheetCellFacts {
  /** Cells holding a formula (A1). */
  formulas: Set<string>;
  /** Per 1-based column, the format most of its cells with a whole-date format have. */
  dateStyles: Map<number, number>;
}

/** What a merge must know of the plan sheet before it writes: where the formulas are, and each column's date format. */
export function sheetCellFacts(xml: string, isDayDate: (style: number) => boolean): SheetCellFacts {
  const formulas = new Set<string>();
  const counts = new Map<number, Map<number, number>>();
  let inSheetData = false;
  let inCell = false;
  let row = 0;
  let col = 0;
  scanXmlRaw(xml, {
    open(doc, start, nameEnd, end, selfClosing) {
      const l = localStart(doc, start + 1, nameEnd);
      if (inCell) {
        if (spells(doc, l, nameEnd, 'f')) formulas.add(cellAddress(row, col));
        return;
      }
      if (spells(doc, l, nameEnd, 'sheetData')) inSheetData = !selfClosing;
      else if (!inSheetData) return;
      else if (spells(doc, l, nameEnd, 'row')) {
        const r = attrSpan(doc, start, end, 'r');
        row = r === null ? row + 1 : intAt(doc, r[0], r[1]);
        col = 0;
      } else if (spells(doc, l, nameEnd, 'c')) {
        const ref = attrSpan(doc, start, end, 'r');
        const at = ref === null ? null : cellRefAt(doc, ref[0], ref[1]);
        col = at ? at.col : col + 1;
        inCell = !selfClosing;
        const s = attrSpan(doc, start, end, 's');
        const style = s === null ? 0 : intAt(doc, s[0], s[1]) || 0;
        if (!isDayDate(style)) return;
        let byStyle = counts.get(col);
        if (!byStyle) counts.set(col, (byStyle = new Map()));
        byStyle.set(style, (byStyle.get(style) ?? 0) + 1);
      }
    },
    close(doc, start, nameEnd) {
      const l = localStart(doc, start + 2, nameEnd);
      if (inCell && spells(doc, l, nameEnd, 'c')) inCell = false;
      else if (spells(doc, l, nameEnd, 'sheetData')) inSheetData = false;
    },
  });
  const dateStyles = new Map<number, number>();
  for (const [c, byStyle] of counts) {
    let best = -1;
    let most = 0;
    for (const [s, n] of byStyle) if (n > most) [best, most] = [s, n];
    if (best >= 0) dateStyles.set(c, best);
  }
  return { formulas, dateStyles };
}
