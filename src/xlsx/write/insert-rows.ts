/**
 * Inserting rows into a worksheet of an .xlsx file, surgically: new actions' rows under their themes.
 *
 * What moves with the rows, in the sheet's own part: each `<row r>` and `<c r>` below the place;
 * the sheet's extent (`dimension`), merged cells (one across the place grows), conditional formats'
 * and data validations' ranges (`sqref`, one across the place grows), hyperlinks, the autoFilter
 * and its sort state, protected ranges, ignored-error ranges, cell watches and row page breaks.
 * In workbook.xml, a defined name that is nothing but references to the sheet's cells (a print
 * area, print titles, an autoFilter's hidden `_FilterDatabase`) has those references moved. The new
 * rows copy the row they follow: its row attributes (height, style, outline level; not hidden) and
 * each cell's format, with no value (the values are written afterwards, as a merge writes cells).
 * Every other byte of the sheet, and every other part, stays as it was.
 *
 * What is REFUSED (WriteRefused 'rows-would-break', before anything is changed), since moving it
 * would mean rewriting formulas or parts this writer does not rewrite:
 * - a formula in a row that would move (its own references and the calculation chain would need
 *   rewriting), and a formula anywhere in the sheet referring to a row that would move;
 * - a shared or array formula whose range reaches a row that would move;
 * - a conditional format or data validation whose formula refers to a row that would move, or
 *   whose range starts below the place and whose formula has a relative row reference;
 * - a hyperlink whose target is a cell of the sheet that would move;
 * - anywhere else in the workbook (other sheets' formulas, charts, pivot caches, external links,
 *   defined names other than plain references) a reference to a row of this sheet that would move;
 * - an Excel table (tableParts) reaching a row that would move; a pivot table on the sheet; a pivot
 *   cache built from the sheet;
 * - a drawing (chart, picture, shape) anchored on or across a row that would move; a note or
 *   threaded comment on such a row; a VML drawing or form control anchored there; any `controls`
 *   or `oleObjects`;
 * - conditional formats, validations or sparklines kept in the sheet's extLst (newer Excel) whose
 *   ranges or formulas reach a row that would move.
 * Not recognised (so not refused): 3-D references across a range of sheets ('Jan:Mar'!A5), and
 * references inside a structured table reference (those only exist where a table is, refused above).
 */
import { decodeText, attrSpan, intAt, localStart, prefixOf, scanXmlRaw, spells } from '../xml/scanner';
import { attr, escapeText, setAttribute } from '../xml/attributes';
import { spliceEdits, type TextEdit } from '../xml/splice';
import { columnLetters } from '../../../shared/grid/a1';
import { cellRefAt } from '../read/cell-ref';
import type { InsertBlocker } from '../../../shared/workbook/write-refusal';

/** Where a block of new rows goes: right after `afterRow`, `count` of them. */
export interface RowBlock {
  afterRow: number;
  count: number;
  /** The columns its rows write: a merge across the place that covers one of them is refused. */
  cols?: readonly number[];
}

export type Blocked = { what: InsertBlocker; where: string };

export class InsertBlocked extends Error {
  constructor(readonly blocked: Blocked) {
    super(`rows cannot be inserted: ${blocked.what} at ${blocked.where}`);
  }
}

/** Where a row is once the blocks are in: every row below a block's place moves down by its rows. */
export function rowMover(blocks: readonly RowBlock[]): (row: number) => number {
  const sorted = [...blocks].sort((a, b) => a.afterRow - b.afterRow);
  return (row) => {
    let r = row;
    for (const b of sorted) if (row > b.afterRow) r += b.count;
    return r;
  };
}

/** One end of an area as written: "$A$5", "B7", "$4" (a row), "C" (a column). */
const endPattern = /^(\$?)([A-Z]{1,3})?(\$?)(\d+)?$/;

/**
 * An area ("A5", "A5:I5", "$A$4:$I$76", "4:4", "A:A") with its rows moved, `$` signs kept. An end
 * below a block's place moves, so an area across the place grows; text that is not an area is kept.
 */
export function moveArea(area: string, move: (row: number) => number): string {
  return area
    .split(':')
    .map((end) => {
      const m = endPattern.exec(end);
      if (!m || m[4] === undefined) return end;
      return `${m[1]}${m[2] ?? ''}${m[3]}${move(Number(m[4]))}`;
    })
    .join(':');
}

/** A space-separated list of areas (sqref) moved. */
function moveSqref(sqref: string, move: (row: number) => number): string {
  return sqref
    .split(/(\s+)/)
    .map((part) => (/^\s*$/.test(part) ? part : moveArea(part, move)))
    .join('');
}

/** A row reference found in a formula: the row, and whether it is absolute ($5). */
export interface RowRef {
  row: number;
  absolute: boolean;
}

// An optional sheet ('Quoted name'! or Plain!), then a cell, a range of cells, or a range of rows.
const refPattern = /(?<![\w.$\]])(?:'((?:[^']|'')+)'!|([A-Za-z_\u00a1-\uffff][\w.\u00a1-\uffff]*)!)?(\$?[A-Z]{1,3}\$?\d{1,7}(?::\$?[A-Z]{1,3}\$?\d{1,7})?|\$?\d{1,7}:\$?\d{1,7})(?![\w(!])/g;

/**
 * The rows a formula refers to on one sheet: references naming it, and, when the formula lives on
 * that sheet, references naming no sheet. String literals are skipped. Conservative: a defined
 * name spelt like a cell counts as one, so the answer can only err towards refusing.
 */
export function rowRefs(formula: string, sheet: string, onSheet: boolean): RowRef[] {
  const text = formula.replace(/"(?:[^"]|"")*"/g, (s) => ' '.repeat(s.length));
  const out: RowRef[] = [];
  for (const m of text.matchAll(refPattern)) {
    const named = m[1] !== undefined ? m[1].replace(/''/g, "'") : m[2];
    if (named === undefined ? !onSheet : named.toLowerCase() !== sheet.toLowerCase()) continue;
    for (const end of (m[3] ?? '').split(':')) {
      const e = /(\$?)(\d+)$/.exec(end);
      if (e) out.push({ row: Number(e[2]), absolute: e[1] === '$' });
    }
  }
  return out;
}

/** The highest row of an area's text ("A4:I76" → 76), or 0 for whole columns. */
function bottomOf(area: string): number {
  let bottom = 0;
  for (const end of area.split(':')) {
    const m = endPattern.exec(end.trim());
    if (m?.[4] !== undefined) bottom = Math.max(bottom, Number(m[4]));
  }
  return bottom;
}

/** The lowest row of an area's text ("H5:H70" → 5), or 0 for whole columns. */
function topOf(area: string): number {
  const m = endPattern.exec(area.split(':')[0]?.trim() ?? '');
  return m?.[4] !== undefined ? Number(m[4]) : 0;
}

const containers = new Set(['f', 'formula', 'formula1', 'formula2', 'sqref']);

/**
 * The worksheet's XML with the blocks' rows in (see the file's comment), or InsertBlocked thrown
 * naming what stops it. `sheet` is the sheet's name, for references that name it.
 */
export function insertRowsXml(xml: string, sheet: string, blocks: readonly RowBlock[]): string {
  const live = blocks.filter((b) => b.count > 0);
  if (live.length === 0) return xml;
  const move = rowMover(live);
  const first = Math.min(...live.map((b) => b.afterRow));
  const moves = (row: number) => row > first;
  const byAfter = new Map(live.map((b) => [b.afterRow, b.count]));
  const edits: TextEdit[] = [];
  const stack: string[] = [];
  let inSheetData = false;
  let inExt = 0;
  let row = 0;
  let col = 0;
  let p = '';
  /** The row a block follows, while it is read: its start tag and its cells' formats. */
  let source: { tag: string; name: string; cells: { col: number; s: string }[] } | null = null;
  /** The text of the formula-like element being read, and what it belongs to. */
  let text: { kind: 'cell' | 'rule' | 'ext'; cell: string; buf: string; anchorMoves: boolean; where: string } | null = null;
  /** The conditional format or validation being read: whether its range starts below the place. */
  let rule: { anchorMoves: boolean; where: string } | null = null;

  const blocked = (what: InsertBlocker, where: string): never => {
    throw new InsertBlocked({ what, where });
  };
  const editAttr = (doc: string, start: number, end: number, name: string, rewrite: (value: string) => string) => {
    const span = attrSpan(doc, start, end, name);
    if (!span) return;
    const value = doc.slice(span[0], span[1]);
    const next = rewrite(value);
    if (next !== value) edits.push({ start: span[0], end: span[1], text: next });
  };
  const newRows = (afterRow: number, count: number, src: NonNullable<typeof source>, selfClosing: boolean) => {
    let out = '';
    for (let k = 1; k <= count; k++) {
      const r = afterRow + k + (move(afterRow) - afterRow);
      let tag = setAttribute(src.tag, 'r', String(r));
      // A hidden row's copy is shown: a new action is meant to be seen.
      for (const name of ['hidden', 'collapsed']) tag = tag.replace(new RegExp(`\\s${name}\\s*=\\s*("[^"]*"|'[^']*')`), '');
      const cells = src.cells.map((c) => `<${p}c r="${columnLetters(c.col)}${r}" s="${c.s}"/>`).join('');
      if (selfClosing || cells === '') out += tag.endsWith('/>') ? tag : `${tag.slice(0, -1).replace(/\s+$/, '')}/>`;
      else out += `${tag.endsWith('/>') ? `${tag.slice(0, -2).replace(/\s+$/, '')}>` : tag}${cells}</${src.name}>`;
    }
    return out;
  };

  scanXmlRaw(xml, {
    open(doc, start, nameEnd, end, selfClosing) {
      const l = localStart(doc, start + 1, nameEnd);
      const local = doc.slice(l, nameEnd);
      if (!selfClosing) stack.push(local);
      if (local === 'extLst') inExt++;
      if (inExt > 0) {
        if (containers.has(local) && !selfClosing) text = { kind: 'ext', cell: '', buf: '', anchorMoves: false, where: 'extLst' };
        return;
      }
      if (local === 'sheetData') {
        inSheetData = !selfClosing;
        p = prefixOf(doc.slice(start + 1, nameEnd));
        return;
      }
      if (inSheetData) {
        if (local === 'row') {
          const r = attrSpan(doc, start, end, 'r');
          row = r === null ? row + 1 : intAt(doc, r[0], r[1]);
          col = 0;
          if (r && move(row) !== row) edits.push({ start: r[0], end: r[1], text: String(move(row)) });
          const count = byAfter.get(row);
          source = count !== undefined ? { tag: doc.slice(start, end), name: doc.slice(start + 1, nameEnd), cells: [] } : null;
          if (source && selfClosing) {
            edits.push({ start: end, end, text: newRows(row, count as number, source, true) });
            source = null;
          }
        } else if (spells(doc, l, nameEnd, 'c')) {
          const ref = attrSpan(doc, start, end, 'r');
          const at = ref === null ? null : cellRefAt(doc, ref[0], ref[1]);
          col = at ? at.col : col + 1;
          if (ref && move(row) !== row) edits.push({ start: ref[0], end: ref[1], text: `${columnLetters(col)}${move(row)}` });
          const s = attr(doc.slice(start, end), 's');
          if (source && s !== null && s !== '0') source.cells.push({ col, s });
        } else if (local === 'f') {
          const cell = `${columnLetters(col)}${row}`;
          if (moves(row)) blocked('formula', cell);
          const tag = doc.slice(start, end);
          const range = attr(tag, 'ref');
          if (range !== null && moves(bottomOf(range))) blocked('shared-formula', cell);
          if (!selfClosing) text = { kind: 'cell', cell, buf: '', anchorMoves: false, where: cell };
        }
        return;
      }
      const tag = doc.slice(start, end);
      switch (local) {
        case 'mergeCell': {
          // A merge across the place grows over the new rows; a value written into it would be hidden.
          const ref = attr(tag, 'ref') ?? '';
          const [a, b] = ref.split(':');
          const from = a ? cellRefAt(a, 0, a.length) : null;
          const to = b ? cellRefAt(b, 0, b.length) : from;
          if (from && to && live.some((x) => from.row <= x.afterRow && x.afterRow < to.row && (x.cols ?? []).some((c) => c >= from.col && c <= to.col))) blocked('merged-cells', ref);
          editAttr(doc, start, end, 'ref', (v) => moveArea(v, move));
          return;
        }
        case 'dimension':
        case 'autoFilter':
        case 'sortState':
        case 'sortCondition':
          editAttr(doc, start, end, 'ref', (v) => moveArea(v, move));
          return;
        case 'conditionalFormatting':
        case 'dataValidation': {
          const sqref = attr(tag, 'sqref') ?? '';
          rule = { anchorMoves: moves(topOf(sqref.trim().split(/\s+/)[0] ?? '')), where: `${local === 'dataValidation' ? 'data validation' : 'conditional format'} ${sqref}` };
          editAttr(doc, start, end, 'sqref', (v) => moveSqref(v, move));
          return;
        }
        case 'formula':
        case 'formula1':
        case 'formula2':
          if (rule && !selfClosing) text = { kind: 'rule', cell: '', buf: '', anchorMoves: rule.anchorMoves, where: rule.where };
          return;
        case 'hyperlink': {
          editAttr(doc, start, end, 'ref', (v) => moveArea(v, move));
          const location = attr(tag, 'location');
          if (location !== null && rowRefs(location, sheet, true).some((x) => moves(x.row))) blocked('reference', `hyperlink ${attr(tag, 'ref') ?? ''}`);
          return;
        }
        case 'protectedRange':
        case 'ignoredError':
          editAttr(doc, start, end, 'sqref', (v) => moveSqref(v, move));
          return;
        case 'cellWatch':
          editAttr(doc, start, end, 'r', (v) => moveArea(v, move));
          return;
        case 'brk':
          if (stack.includes('rowBreaks')) editAttr(doc, start, end, 'id', (v) => (/^\d+$/.test(v) ? String(move(Number(v))) : v));
          return;
        case 'controls':
        case 'oleObjects':
          blocked('control', local);
      }
    },
    text(doc, start, end) {
      if (text) text.buf += doc.slice(start, end);
    },
    cdata(t) {
      if (text) text.buf += t;
    },
    close(doc, start, nameEnd, end) {
      const l = localStart(doc, start + 2, nameEnd);
      const local = doc.slice(l, nameEnd);
      stack.pop();
      if (text && containers.has(local)) {
        const refs = rowRefs(decodeText(text.buf), sheet, true);
        const breaks = refs.some((x) => moves(x.row)) || (text.kind === 'rule' && text.anchorMoves && refs.some((x) => !x.absolute));
        if (breaks) blocked(text.kind === 'ext' ? 'extension' : 'formula', text.where);
        text = null;
      }
      if (local === 'extLst') inExt--;
      if (inExt > 0) return;
      if (local === 'conditionalFormatting' || local === 'dataValidation') rule = null;
      if (local === 'sheetData') inSheetData = false;
      if (inSheetData && local === 'row' && source) {
        edits.push({ start: end, end, text: newRows(row, byAfter.get(row) as number, source, false) });
        source = null;
      }
    },
  });
  edits.sort((a, b) => a.start - b.start);
  return spliceEdits(xml, edits);
}

/** The sheet's name as it may appear in a part's XML: as typed, and with its characters escaped. */
function spellings(sheet: string): string[] {
  return [...new Set([sheet, escapeText(sheet), sheet.replace(/'/g, '&apos;'), escapeText(sheet).replace(/'/g, '&apos;')])];
}

/**
 * Whether a part other than the sheet refers to one of its rows that would move (a chart's series,
 * another sheet's formula, an external link), by references naming the sheet. Parts that never
 * mention the sheet's name are passed over without decoding.
 */
export function partRefersBelow(text: string, sheet: string, first: number): boolean {
  if (!spellings(sheet).some((s) => text.includes(s))) return false;
  return rowRefs(decodeText(text), sheet, false).some((x) => x.row > first);
}

/** A defined name's formula with its references to the sheet moved, or null when it is more than plain references (a formula to refuse). */
export function movedDefinedName(formula: string, sheet: string, move: (row: number) => number): string | null {
  const parts = formula.split(',');
  const out: string[] = [];
  for (const part of parts) {
    const m = /^\s*((?:'(?:[^']|'')+'|[A-Za-z_\u00a1-\uffff][\w.\u00a1-\uffff]*)!)(\$?[A-Z]{0,3}\$?\d*(?::\$?[A-Z]{0,3}\$?\d*)?)\s*$/.exec(part);
    if (!m) return null;
    const qualifier = m[1] ?? '';
    const name = qualifier.startsWith("'") ? qualifier.slice(1, -2).replace(/''/g, "'") : qualifier.slice(0, -1);
    out.push(name.toLowerCase() === sheet.toLowerCase() ? `${qualifier}${moveArea(m[2] ?? '', move)}` : part);
  }
  return out.join(',');
}

/** The rows (0-based, as drawings count them) a drawing part anchors its objects to. */
export function drawingRows(xml: string): number[] {
  return [...xml.matchAll(/<(?:[\w.-]+:)?row>\s*(\d+)\s*<\/(?:[\w.-]+:)?row>/g)].map((m) => Number(m[1]));
}

/** The rows (0-based) a VML drawing's shapes sit on: notes' cells (x:Row) and every anchor's top and bottom rows. */
export function vmlRows(xml: string): { noteRows: number[]; anchorRows: number[] } {
  const noteRows = [...xml.matchAll(/<x:Row>\s*(\d+)\s*<\/x:Row>/gi)].map((m) => Number(m[1]));
  const anchorRows = [...xml.matchAll(/<x:Anchor>([^<]*)<\/x:Anchor>/gi)].flatMap((m) => {
    const n = (m[1] ?? '').split(',').map((x) => Number(x.trim()));
    return [n[2], n[6]].filter((x): x is number => x !== undefined && Number.isFinite(x));
  });
  return { noteRows, anchorRows };
}

/** The cells (A1) a comments or threaded-comments part puts notes on. */
export function commentRefs(xml: string): string[] {
  return [...xml.matchAll(/<(?:[\w.-]+:)?(?:comment|threadedComment)\b[^>]*?\sref\s*=\s*["']([^"']+)["']/g)].map((m) => m[1] ?? '');
}

/** The bottom row of an area's text, exported for the port's table check. */
export function areaBottom(area: string): number {
  return bottomOf(area);
}
