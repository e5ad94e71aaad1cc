import type { EditPlan } from '../../shared/edit-plan/edit-plan';
import { landingRows, shiftedRow, type RowInsertion } from '../../shared/add/row-insertion';
import { cellAddress, parseRangeAddress, rangeAddress } from '../../shared/grid/a1';
import { fillColour, type CellValue, type GridSnapshot } from '../../shared/grid/grid';
import { datePrecisionOf } from '../../shared/grid/number-format';
import type { CellEdit } from '../../shared/merge/cell-edits';
import { dateFormatFor, formulaCellRefused, hiddenSheetRefusal, protectedRefusal, type ApplyReport, type SheetVisibility, type WorkbookPort, type WorkbookSnapshot } from '../../shared/workbook/workbook';
import { WriteRefused } from '../../shared/workbook/write-refusal';

export interface MemoryCell {
  value: CellValue;
  /** Marks a date cell, as a host's number format would. */
  date?: boolean;
  numberFormat?: string;
  fill?: string;
  fontColor?: string;
  bold?: boolean;
  italic?: boolean;
  /** Points. */
  size?: number;
  wrap?: boolean;
  /** A formula, as typed ("=A1/0"); `value` is its result, or null when that is an error. */
  formula?: string;
  /** The error a formula shows (#REF!, #N/A…). */
  error?: string;
}

export interface MemorySheet {
  name: string;
  visibility: SheetVisibility;
  /** Keyed by A1 address. */
  cells: Map<string, MemoryCell>;
  merges: string[];
  hiddenRows: Set<number>;
  /** Protected against edits, as a host's sheet protection: every write to it is refused. */
  protected?: boolean;
}

/**
 * A workbook held in memory: the browser preview's host and the reference adapter of the contract
 * suite. It stores what it is told, like a spreadsheet would, and nothing more.
 */
export class MemoryWorkbook {
  sheets: MemorySheet[] = [];
  activeSheet: string | null = null;
  selection: { sheet: string; cell: string } | null = null;

  addSheet(name: string, rows: (CellValue | { date: number; format?: string } | { formula: string; error: string })[][] = [], merges: string[] = []): MemorySheet {
    const sheet: MemorySheet = { name, visibility: 'visible', cells: new Map(), merges: [...merges], hiddenRows: new Set() };
    rows.forEach((row, r) =>
      row.forEach((v, c) => {
        if (v === null) return;
        const cell: MemoryCell = typeof v !== 'object' ? { value: v } : 'date' in v ? { value: v.date, date: true, numberFormat: v.format ?? 'dd/mm/yyyy' } : { value: null, formula: v.formula, error: v.error };
        sheet.cells.set(cellAddress(r + 1, c + 1), cell);
      }),
    );
    this.sheets.push(sheet);
    this.activeSheet ??= name;
    return sheet;
  }

  sheet(name: string): MemorySheet | undefined {
    return this.sheets.find((s) => s.name.toLowerCase() === name.toLowerCase());
  }

  gridOf(sheet: MemorySheet): GridSnapshot {
    let bottom = 0;
    let right = 0;
    const at: { r: number; c: number; cell: MemoryCell }[] = [];
    const fills: (string | null)[][] = [];
    const errors: (string | null)[][] = [];
    // As in every spreadsheet, a merged area's value is its top-left cell's.
    const covered = new Set<string>();
    for (const m of sheet.merges) {
      const a = parseRangeAddress(m);
      if (a)
        forEachCell(m, (addr, r, c) => {
          if (r !== a.top || c !== a.left) covered.add(addr);
        });
    }
    for (const [addr, cell] of sheet.cells) {
      const p = parseRangeAddress(addr);
      if (!p) continue;
      if (cell.error !== undefined && !covered.has(addr)) {
        (errors[p.top - 1] ??= [])[p.left - 1] = cell.error;
        bottom = Math.max(bottom, p.top);
        right = Math.max(right, p.left);
        continue;
      }
      if (cell.value === null || cell.value === '' || covered.has(addr)) {
        // Fills of blank cells only: a status given as a colour alone.
        const fill = covered.has(addr) ? null : fillColour(cell.fill);
        if (fill) (fills[p.top - 1] ??= [])[p.left - 1] = fill;
        continue;
      }
      at.push({ r: p.top, c: p.left, cell });
      bottom = Math.max(bottom, p.top);
      right = Math.max(right, p.left);
    }
    const values: CellValue[][] = Array.from({ length: bottom }, () => Array<CellValue>(right).fill(null));
    const dates: boolean[][] = Array.from({ length: bottom }, () => []);
    const precisions: ('month' | 'year' | undefined)[][] = [];
    for (const { r, c, cell } of at) {
      (values[r - 1] as CellValue[])[c - 1] = cell.value;
      if (cell.date) {
        (dates[r - 1] as boolean[])[c - 1] = true;
        const shows = datePrecisionOf(cell.numberFormat);
        if (shows !== 'day') (precisions[r - 1] ??= [])[c - 1] = shows;
      }
    }
    const hiddenRows = [...sheet.hiddenRows].filter((r) => r <= bottom).sort((a, b) => a - b);
    const grid: GridSnapshot = { sheet: sheet.name, top: 1, left: 1, values, dates, merges: [...sheet.merges], fills, hiddenRows };
    if (precisions.length > 0) grid.datePrecision = precisions;
    if (errors.length > 0) grid.errors = errors;
    return grid;
  }
}

function forEachCell(range: string, fn: (addr: string, r: number, c: number) => void): void {
  const p = parseRangeAddress(range);
  if (!p) throw new Error(`bad range ${range}`);
  for (let r = p.top; r <= p.bottom; r++) for (let c = p.left; c <= p.right; c++) fn(cellAddress(r, c), r, c);
}

export class MemoryWorkbookPort implements WorkbookPort {
  constructor(readonly book: MemoryWorkbook) {}

  async readWorkbook(): Promise<WorkbookSnapshot> {
    const snapshot: WorkbookSnapshot = { sheets: this.book.sheets.map((s) => ({ name: s.name, visibility: s.visibility, grid: this.book.gridOf(s) })) };
    if (this.book.activeSheet !== null) snapshot.activeSheet = this.book.activeSheet;
    return snapshot;
  }

  async applyEditPlan(plan: EditPlan): Promise<ApplyReport> {
    const sheet = this.book.sheet(plan.sheet);
    if (!sheet) throw new WriteRefused({ code: 'sheet-gone', sheet: plan.sheet });
    // Every sheet it will touch is checked before the first write: nothing half-written.
    const refusal = protectedRefusal(plan, (name) => this.book.sheet(name)?.protected === true);
    if (refusal) throw new WriteRefused(refusal);
    const paint = (s: MemorySheet, groups: EditPlan['fills']) => {
      for (const g of groups)
        for (const range of g.ranges)
          forEachCell(range, (addr) => {
            const cell = s.cells.get(addr) ?? { value: null };
            s.cells.set(addr, { ...cell, fill: g.fill, fontColor: g.text });
          });
    };
    paint(sheet, plan.fills);
    if (plan.summary) {
      const summary = plan.summary;
      let target = this.book.sheet(summary.name);
      if (target) target.cells.clear();
      else target = this.book.addSheet(summary.name);
      const t = target;
      summary.values.forEach((row, r) =>
        row.forEach((v, c) => {
          if (v === null) return;
          t.cells.set(cellAddress(r + 1, c + 1), { value: v, numberFormat: summary.formats[r]?.[c] ?? 'General' });
        }),
      );
      // Each row style's look as the edit plan resolved it.
      for (const [style, ranges] of Object.entries(summary.styles) as [keyof typeof summary.looks, string[]][]) {
        const look = summary.looks[style];
        for (const range of ranges)
          forEachCell(range, (addr) => {
            const cell: MemoryCell = { ...(t.cells.get(addr) ?? { value: null }) };
            if (look.bold) cell.bold = true;
            if (look.italic) cell.italic = true;
            if (look.size !== undefined) cell.size = look.size;
            if (look.fontColour) cell.fontColor = look.fontColour;
            if (look.fill) cell.fill = look.fill;
            if (look.wrapTop) cell.wrap = true;
            t.cells.set(addr, cell);
          });
      }
      paint(t, summary.fills);
      t.hiddenRows = new Set(summary.hiddenRows);
    }
    return { colouredCells: plan.fills.reduce((n, g) => n + g.cells, 0), summarySheet: plan.summary?.name ?? null, roundTrips: 0 };
  }

  async writeHiddenSheet(name: string, rows: CellValue[][]): Promise<void> {
    const existing = this.book.sheet(name);
    const refusal = hiddenSheetRefusal(name, existing ? (existing.cells.get('A1')?.value ?? null) : undefined, rows);
    if (refusal) throw new WriteRefused(refusal);
    if (existing) this.book.sheets = this.book.sheets.filter((s) => s !== existing);
    const sheet = this.book.addSheet(name, rows);
    sheet.visibility = 'hidden';
  }

  async formulaCells(sheet: string): Promise<ReadonlySet<string>> {
    return new Set([...(this.book.sheet(sheet)?.cells ?? [])].filter(([, c]) => c.formula !== undefined).map(([addr]) => addr));
  }

  /** Only the target cells' values change: text as text, a date in the cell's or its column's date format, a blank keeping its format. */
  async setCellValues(sheet: string, edits: readonly CellEdit[]): Promise<{ cells: number }> {
    const s = this.book.sheet(sheet);
    if (!s) throw new WriteRefused({ code: 'sheet-gone', sheet });
    if (s.protected) throw new WriteRefused({ code: 'sheet-protected', sheet });
    const at = edits.map((e) => ({ e, addr: cellAddress(e.row, e.col) }));
    const formula = at.find(({ addr }) => s.cells.get(addr)?.formula !== undefined);
    if (formula) throw formulaCellRefused(sheet, formula.addr);
    const columnFormats = (col: number) => [...s.cells].filter(([addr]) => parseRangeAddress(addr)?.left === col).map(([, c]) => c.numberFormat);
    for (const { e, addr } of at) {
      const old: MemoryCell = { ...(s.cells.get(addr) ?? { value: null }) };
      delete old.date;
      const v = e.value;
      if (v.kind === 'date') s.cells.set(addr, { ...old, value: v.serial, date: true, numberFormat: dateFormatFor(old.numberFormat, columnFormats(e.col)) });
      else s.cells.set(addr, { ...old, value: v.kind === 'text' ? v.text : null });
    }
    return { cells: edits.length };
  }

  /**
   * New rows, as a spreadsheet inserts them: every cell, fill, merge and hidden row below each
   * block moves down; a merge across the place grows; each new row takes the formats of the row it
   * follows, then its values (a date in the cell's date format, else its column's).
   */
  async insertRows(sheet: string, insertions: readonly RowInsertion[]): Promise<{ rows: number }> {
    const s = this.book.sheet(sheet);
    if (!s) throw new WriteRefused({ code: 'sheet-gone', sheet });
    if (s.protected) throw new WriteRefused({ code: 'sheet-protected', sheet });
    const columnFormats = (col: number) => [...s.cells].filter(([addr]) => parseRangeAddress(addr)?.left === col).map(([, c]) => c.numberFormat);
    // Each column's formats as read, before anything moves: a date takes its column's format from these.
    const formatsOf = new Map<number, (string | undefined)[]>();
    for (const b of insertions) for (const row of b.rows) for (const c of row) if (c.value.kind === 'date' && !formatsOf.has(c.col)) formatsOf.set(c.col, columnFormats(c.col));
    const moved = new Map<string, MemoryCell>();
    for (const [addr, cell] of s.cells) {
      const p = parseRangeAddress(addr);
      if (p) moved.set(cellAddress(shiftedRow(p.top, insertions), p.left), cell);
    }
    s.merges = s.merges.map((m) => {
      const r = parseRangeAddress(m);
      if (!r) return m;
      // A merge that spans a block's place grows with it, as in Excel and Sheets; one below moves.
      return rangeAddress(shiftedRow(r.top, insertions), r.left, r.bottom + insertions.filter((b) => b.afterRow < r.bottom).reduce((n, b) => n + b.rows.length, 0), r.right);
    });
    s.hiddenRows = new Set([...s.hiddenRows].map((r) => shiftedRow(r, insertions)));
    const lands = landingRows(insertions);
    insertions.forEach((b, i) => {
      const above = [...s.cells].flatMap(([addr, cell]) => {
        const p = parseRangeAddress(addr);
        return p && p.top === b.afterRow ? [{ col: p.left, cell }] : [];
      });
      b.rows.forEach((cells, k) => {
        const row = (lands[i] as number) + k;
        for (const { col, cell } of above) {
          const look: MemoryCell = { value: null };
          for (const key of ['numberFormat', 'fill', 'fontColor', 'bold', 'italic', 'size', 'wrap'] as const) if (cell[key] !== undefined) (look as unknown as Record<string, unknown>)[key] = cell[key];
          moved.set(cellAddress(row, col), look);
        }
        for (const c of cells) {
          const addr = cellAddress(row, c.col);
          const old: MemoryCell = moved.get(addr) ?? { value: null };
          const v = c.value;
          if (v.kind === 'date') moved.set(addr, { ...old, value: v.serial, date: true, numberFormat: dateFormatFor(old.numberFormat, formatsOf.get(c.col) ?? []) });
          else if (v.kind === 'text') moved.set(addr, { ...old, value: v.text });
        }
      });
    });
    s.cells = moved;
    return { rows: insertions.reduce((n, b) => n + b.rows.length, 0) };
  }

  async selectCell(sheet: string, cell: string): Promise<void> {
    const s = this.book.sheet(sheet);
    if (!s) throw new WriteRefused({ code: 'sheet-gone', sheet });
    this.book.activeSheet = s.name;
    this.book.selection = { sheet: s.name, cell };
  }
}
