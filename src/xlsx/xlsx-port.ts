import type { EditPlan } from '../../shared/edit-plan/edit-plan';
import { parseCellAddress, parseRangeAddress } from '../../shared/grid/a1';
import type { CellValue } from '../../shared/grid/grid';
import { hiddenSheetRefusal, protectedRefusal, type ApplyReport, type SheetVisibility, type WorkbookPort, type WorkbookSnapshot } from '../../shared/workbook/workbook';
import { WriteRefused } from '../../shared/workbook/write-refusal';
import { XlsxPackage } from './package/package';
import { contentTypes, relsPartOf } from './package/opc';
import { defaultReadLimits, type ReadLimits } from './read/limits';
import { openPackage, readWorkbook, type WorkbookLayout, type WorkbookRead } from './read/read-workbook';
import { cellFormats, parseStyles } from './read/styles';
import { addWorksheet, insertBeforeRootEnd, sheetNamespaces } from './write/add-sheet';
import { restyleCells, type CellTargets } from './write/restyle-cells';
import { setCellValues, sheetCellFacts, type CellWrites } from './write/set-cell-values';
import { defaultStylesXml, StyleBook } from './write/style-book';
import { hiddenSheetCells, summaryCells } from './write/summary-cells';
import { worksheetXml, type NewCell } from './write/worksheet-xml';
import { XlsxError } from './xlsx-error';
import type { ZipCodec } from './zip/codec';
import type { CellEdit } from '../../shared/merge/cell-edits';
import { landingRows, type RowInsertion } from '../../shared/add/row-insertion';
import type { InsertBlocker } from '../../shared/workbook/write-refusal';
import { areaBottom, commentRefs, drawingRows, InsertBlocked, insertRowsXml, movedDefinedName, partRefersBelow, rowMover, rowRefs, vmlRows, type RowBlock } from './write/insert-rows';
import { parseRelationships } from './package/opc';
import { attr, escapeAttribute, escapeText } from './xml/attributes';
import { decodeText } from './xml/scanner';
import { spliceEdits, type TextEdit } from './xml/splice';

/**
 * The WorkbookPort over an .xlsx package: the CLI's adapter, and the browser's reader of a reply
 * workbook. It reads the sheets it needs and edits only what an edit plan names: the status cells'
 * formats, styles.xml (appended to), its own sheets, and the workbook parts that list sheets.
 */
export class XlsxWorkbookPort implements WorkbookPort {
  private last: WorkbookRead | null = null;

  constructor(
    readonly pkg: XlsxPackage,
    private readonly limits: ReadLimits = defaultReadLimits,
  ) {}

  static open(bytes: Uint8Array, options: { limits?: ReadLimits; codec?: ZipCodec } = {}): XlsxWorkbookPort {
    const limits = options.limits ?? defaultReadLimits;
    return new XlsxWorkbookPort(openPackage(bytes, limits, options.codec), limits);
  }

  /** The whole workbook as a grid per sheet; throws XlsxError for a file it cannot read. */
  async readWorkbook(): Promise<WorkbookSnapshot> {
    return snapshotOf(this.read());
  }

  /** Whether the workbook is macro-enabled (.xlsm): it must be saved under that extension. */
  get macroEnabled(): boolean {
    return this.read().layout.macroEnabled;
  }

  private read(): WorkbookRead {
    this.pkg.budget.left = this.pkg.budget.limit;
    this.last ??= readWorkbook(this.pkg, this.limits);
    return this.last;
  }

  async applyEditPlan(plan: EditPlan): Promise<ApplyReport> {
    const read = this.read();
    // Each step draws on a budget of its own: an edit unpacks again what the read unpacked.
    this.pkg.budget.left = this.pkg.budget.limit;
    const refusal = protectedRefusal(plan, (name) => read.sheets.find((s) => s.name === name)?.protected === true);
    if (refusal) throw new WriteRefused(refusal);
    const summaryTarget = plan.summary ? read.sheets.find((s) => s.name.toLowerCase() === (plan.summary as { name: string }).name.toLowerCase()) : undefined;
    if (plan.summary && !summaryTarget && read.layout.workbook.structureProtected) throw new XlsxError({ code: 'structure-protected' });

    const styles = this.styleBook(read.layout);
    const planSheet = read.sheets.find((s) => s.name === plan.sheet);
    if (plan.fills.length > 0) {
      if (!planSheet?.part) throw new WriteRefused({ code: 'sheet-gone', sheet: plan.sheet });
      const targets: CellTargets = new Map();
      for (const g of plan.fills) {
        for (const range of g.ranges) {
          const r = parseRangeAddress(range);
          if (!r) continue;
          for (let row = r.top; row <= r.bottom; row++) {
            let cols = targets.get(row);
            if (!cols) targets.set(row, (cols = new Map()));
            for (let col = r.left; col <= r.right; col++) cols.set(col, { fill: g.fill, fontColour: g.text });
          }
        }
      }
      const xml = restyleCells(this.pkg.text(planSheet.part), targets, styles);
      if (xml !== null) this.pkg.setText(planSheet.part, xml);
    }
    if (plan.summary) {
      const s = plan.summary;
      const cells = summaryCells(s, styles);
      this.putSheet(read.layout, summaryTarget?.part ?? null, s.name, cells, 'visible', { columnWidths: s.columnWidths, hiddenRows: s.hiddenRows });
    }
    this.saveStyles(read.layout, styles);
    this.last = null;
    return { colouredCells: plan.fills.reduce((n, g) => n + g.cells, 0), summarySheet: plan.summary?.name ?? null, roundTrips: 0 };
  }

  async writeHiddenSheet(name: string, rows: CellValue[][]): Promise<void> {
    const read = this.read();
    this.pkg.budget.left = this.pkg.budget.limit;
    const old = read.sheets.find((s) => s.name.toLowerCase() === name.toLowerCase());
    const a1 = old ? (old.grid.values[0]?.[0] ?? null) : undefined;
    const refusal = hiddenSheetRefusal(name, a1, rows);
    if (refusal) throw new WriteRefused(refusal);
    if (!old && read.layout.workbook.structureProtected) throw new XlsxError({ code: 'structure-protected' });
    const styles = this.styleBook(read.layout);
    this.putSheet(read.layout, old?.part ?? null, old?.name ?? name, hiddenSheetCells(rows, styles), 'hidden', { columnWidths: [28, 60] });
    this.saveStyles(read.layout, styles);
    this.last = null;
  }

  /** The cells of a worksheet that hold a formula (A1), which a merge must not overwrite. */
  formulaCells(sheet: string): Set<string> {
    const part = this.read().sheets.find((s) => s.name === sheet)?.part;
    this.pkg.budget.left = this.pkg.budget.limit;
    return part ? sheetCellFacts(this.pkg.text(part), () => false).formulas : new Set();
  }

  /**
   * Writes values into cells of one worksheet (the fields a merged reply updates): only those
   * cells' values change, text as inline strings (never a formula, the shared strings untouched),
   * a date as a serial in the cell's own date format, else its column's, else the cell's format
   * with a date format added to styles.xml. Every other byte of the part, and every other part, as
   * it was. A cell holding a formula is refused (ask formulaCells first).
   */
  async setCellValues(sheet: string, edits: readonly CellEdit[]): Promise<{ cells: number }> {
    const read = this.read();
    this.pkg.budget.left = this.pkg.budget.limit;
    const target = read.sheets.find((s) => s.name === sheet);
    if (!target?.part) throw new WriteRefused({ code: 'sheet-gone', sheet });
    if (target.protected) throw new WriteRefused({ code: 'sheet-protected', sheet });
    if (edits.length === 0) return { cells: 0 };
    const formats = cellFormats(read.layout.styles);
    const isDayDate = (s: number) => formats.isDate[s] === true && formats.precision[s] === undefined;
    const xml = this.pkg.text(target.part);
    const { dateStyles } = sheetCellFacts(xml, isDayDate);
    const styles = this.styleBook(read.layout);
    // The engine counts dates from 1900; a 1904 workbook stores them 1,462 days less.
    const shift = read.layout.workbook.date1904 ? 1462 : 0;
    const writes: CellWrites = new Map();
    for (const e of edits) {
      let cols = writes.get(e.row);
      if (!cols) writes.set(e.row, (cols = new Map()));
      cols.set(e.col, e.value.kind === 'date' ? { kind: 'date', serial: e.value.serial - shift } : e.value);
    }
    const out = setCellValues(xml, writes, (_row, col, style, write) => (write.kind !== 'date' || isDayDate(style) ? style : (dateStyles.get(col) ?? styles.derive(style, { numFmtId: 14 }))), styles);
    if (out !== null) this.pkg.setText(target.part, out);
    if (styles.changed) this.saveStyles(read.layout, styles);
    this.last = null;
    return { cells: edits.length };
  }

  /**
   * Inserts the blocks of new rows into one worksheet (see write/insert-rows.ts for what moves and
   * what is refused), then writes their values as setCellValues does. Everything is checked before
   * the first change: a protected sheet, and anything the move would need rewritten elsewhere
   * (tables, drawings, notes, pivot tables, other parts' references, defined names that are more
   * than references), are refused with nothing changed. What changes: the sheet's part, and
   * workbook.xml's plain-reference defined names to the moved rows (a print area, an autoFilter's).
   */
  async insertRows(sheet: string, insertions: readonly RowInsertion[]): Promise<{ rows: number }> {
    const read = this.read();
    this.pkg.budget.left = this.pkg.budget.limit;
    const target = read.sheets.find((s) => s.name === sheet);
    if (!target?.part) throw new WriteRefused({ code: 'sheet-gone', sheet });
    if (target.protected) throw new WriteRefused({ code: 'sheet-protected', sheet });
    const live = insertions.filter((b) => b.rows.length > 0);
    const blocks: RowBlock[] = live.map((b) => ({ afterRow: b.afterRow, count: b.rows.length, cols: [...new Set(b.rows.flatMap((r) => r.map((c) => c.col)))] }));
    if (blocks.length === 0) return { rows: 0 };
    const refuse = (what: InsertBlocker, where: string): never => {
      throw new WriteRefused({ code: 'rows-would-break', sheet, what, where });
    };
    const first = Math.min(...blocks.map((b) => b.afterRow));
    const move = rowMover(blocks);
    const part = target.part;

    // The sheet's own parts: tables, pivot tables, drawings, notes and controls placed on its rows.
    const relsPart = relsPartOf(part);
    const rels = this.pkg.has(relsPart) ? parseRelationships(this.pkg.text(relsPart), part) : [];
    const kind = (type: string) => type.slice(type.lastIndexOf('/') + 1);
    const hasComments = rels.some((r) => kind(r.type) === 'comments');
    for (const rel of rels) {
      if (rel.external || !this.pkg.has(rel.target)) continue;
      const t = kind(rel.type);
      if (t === 'pivotTable') refuse('pivot-table', rel.target);
      if (!['table', 'drawing', 'comments', 'threadedComment', 'vmlDrawing'].includes(t)) continue;
      const xml = this.pkg.text(rel.target);
      if (t === 'table' && areaBottom(/<(?:[\w.-]+:)?table\b[^>]*?\sref\s*=\s*["']([^"']+)["']/.exec(xml)?.[1] ?? '') > first) refuse('table', rel.target);
      if (t === 'drawing' && drawingRows(xml).some((r) => r >= first)) refuse('drawing', rel.target);
      if ((t === 'comments' || t === 'threadedComment') && commentRefs(xml).some((ref) => (parseCellAddress(ref)?.row ?? 0) > first)) refuse('comment', rel.target);
      if (t === 'vmlDrawing') {
        const v = vmlRows(xml);
        if (v.noteRows.some((r) => r >= first)) refuse('comment', rel.target);
        if (!hasComments && v.anchorRows.some((r) => r >= first)) refuse('control', rel.target);
      }
    }

    // Every other part that names the sheet: a reference there to a row that moves is refused.
    const layout = read.layout;
    const skip = new Set([part, layout.workbookPart, layout.stylesPart, layout.sharedStringsPart].filter((n): n is string => n !== null).map((n) => n.toLowerCase()));
    const quotedName = `sheet="${escapeAttribute(sheet)}"`;
    for (const name of this.pkg.names()) {
      const lower = name.toLowerCase();
      if (!lower.endsWith('.xml') || skip.has(lower) || lower.startsWith('docprops/') || lower.startsWith('customxml/') || lower.includes('/theme/') || lower.endsWith('calcchain.xml') || name === '[Content_Types].xml') continue;
      const xml = this.pkg.text(name);
      if (lower.includes('pivotcachedefinition') && xml.includes(quotedName)) refuse('pivot-table', name);
      if (partRefersBelow(xml, sheet, first)) refuse('reference', name);
    }

    // Defined names: plain references to the moved rows are moved with them; any other is refused.
    const workbookXml = this.pkg.text(layout.workbookPart);
    const nameEdits: TextEdit[] = [];
    for (const m of workbookXml.matchAll(/(<(?:[\w.-]+:)?definedName\b[^>]*>)([^<]*)(<\/)/g)) {
      const formula = decodeText(m[2] ?? '');
      if (!rowRefs(formula, sheet, false).some((x) => x.row > first)) continue;
      const moved = movedDefinedName(formula, sheet, move);
      if (moved === null) refuse('defined-name', attr(m[1] ?? '', 'name') ?? 'a defined name');
      const start = (m.index ?? 0) + (m[1] ?? '').length;
      // Escaped as the name was: Excel writes the quotes around a sheet's name as &apos;.
      const raw = m[2] ?? '';
      const text = escapeText(moved as string);
      nameEdits.push({ start, end: start + raw.length, text: raw.includes('&apos;') ? text.replace(/'/g, '&apos;') : text });
    }

    let sheetXml: string;
    try {
      sheetXml = insertRowsXml(this.pkg.text(part), sheet, blocks);
    } catch (e) {
      if (e instanceof InsertBlocked) refuse(e.blocked.what, e.blocked.where);
      throw e;
    }
    // Nothing refused: now the changes.
    this.pkg.setText(part, sheetXml);
    if (nameEdits.length > 0) this.pkg.setText(layout.workbookPart, spliceEdits(workbookXml, nameEdits));
    this.last = null;
    const lands = landingRows(live);
    const edits: CellEdit[] = live.flatMap((b, i) => b.rows.flatMap((cells, k) => cells.map((c) => ({ row: (lands[i] as number) + k, col: c.col, value: c.value }))));
    await this.setCellValues(sheet, edits);
    return { rows: blocks.reduce((n, b) => n + b.count, 0) };
  }

  async selectCell(): Promise<void> {
    // A file has no cursor to move.
  }

  /** The workbook as .xlsx bytes: every part not changed copied as it was. */
  toBytes(): Uint8Array {
    return this.pkg.toZip();
  }

  /** The read's styles.xml and its parse (the port reads again after every edit, so they are current). */
  private styleBook(layout: WorkbookLayout): StyleBook {
    if (layout.stylesXml !== null && layout.styles) return new StyleBook(layout.stylesXml, layout.styles);
    return new StyleBook(defaultStylesXml, parseStyles(defaultStylesXml));
  }

  private saveStyles(layout: WorkbookLayout, styles: StyleBook): void {
    if (!styles.changed && layout.stylesPart) return;
    if (layout.stylesPart) {
      this.pkg.setText(layout.stylesPart, styles.toXml());
      return;
    }
    // A workbook with no styles part gets one, with its relationship and content type.
    const dir = layout.workbookPart.slice(0, layout.workbookPart.lastIndexOf('/') + 1);
    const part = `${dir}styles.xml`;
    this.pkg.setText(part, styles.toXml());
    const relsPart = relsPartOf(layout.workbookPart);
    const rels = this.pkg.text(relsPart);
    let k = 1;
    while (rels.includes(`Id="rIdS${k}"`)) k++;
    const type = sheetNamespaces(this.pkg.text(layout.workbookPart)).worksheetRelType.replace(/worksheet$/, 'styles');
    this.pkg.setText(relsPart, insertBeforeRootEnd(rels, `<Relationship Id="rIdS${k}" Type="${type}" Target="styles.xml"/>`));
    this.pkg.setText('[Content_Types].xml', insertBeforeRootEnd(this.pkg.text('[Content_Types].xml'), `<Override PartName="/${part}" ContentType="${contentTypes.styles}"/>`));
  }

  private putSheet(layout: WorkbookLayout, part: string | null, name: string, cells: Iterable<NewCell[]>, visibility: SheetVisibility, options: { columnWidths?: number[]; hiddenRows?: number[] }): void {
    const ns = sheetNamespaces(this.pkg.text(layout.workbookPart));
    const xml = worksheetXml(cells, { mainNs: ns.mainNs, relNs: ns.relNs, ...options });
    // The tool's own sheet is rewritten in its part, keeping its place, name and visibility.
    if (part) this.pkg.setBytes(part, xml);
    else addWorksheet(this.pkg, layout.workbookPart, name, xml, visibility);
  }
}

function snapshotOf(read: WorkbookRead): WorkbookSnapshot {
  const sheets = read.sheets.map((s) => ({ name: s.name, visibility: s.visibility, grid: s.grid, ...(s.protected ? { protected: true } : {}) }));
  return read.activeSheet !== undefined ? { sheets, activeSheet: read.activeSheet } : { sheets };
}

