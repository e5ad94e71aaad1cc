/// <reference lib="dom" />
/**
 * A read-only picture of the in-memory workbook for the preview: the active sheet as a table (cell
 * text as text, fills as background colours, merges, hidden rows left out), the selected cell
 * outlined and scrolled into view, and a tab per visible sheet.
 */
import { dayFromSerial } from '../../shared/dates/day';
import { formatDay } from '../../shared/dates/format-date';
import { columnLetters, parseCellAddress, parseRangeAddress } from '../../shared/grid/a1';
import type { MemoryCell, MemorySheet, MemoryWorkbook } from '../memory/memory-workbook';
import { h } from '../ui/dom';

function isDateFormat(format: string | undefined): boolean {
  return format !== undefined && format !== '@' && /d/i.test(format) && /y/i.test(format);
}

/** The cell as a spreadsheet would show it: dates as dd/mm/yyyy, booleans as TRUE/FALSE. */
export function displayText(cell: MemoryCell | undefined): string {
  if (!cell || cell.value === null) return '';
  const v = cell.value;
  if (typeof v === 'number' && (cell.date || isDateFormat(cell.numberFormat))) {
    const day = dayFromSerial(v);
    return day === null ? String(v) : formatDay(day);
  }
  if (typeof v === 'boolean') return v ? 'TRUE' : 'FALSE';
  return String(v);
}

interface Extent {
  rows: number;
  cols: number;
}

function extentOf(sheet: MemorySheet): Extent {
  let rows = 0;
  let cols = 0;
  for (const addr of sheet.cells.keys()) {
    const p = parseCellAddress(addr);
    if (!p) continue;
    rows = Math.max(rows, p.row);
    cols = Math.max(cols, p.col);
  }
  for (const m of sheet.merges) {
    const r = parseRangeAddress(m);
    if (r) {
      rows = Math.max(rows, r.bottom);
      cols = Math.max(cols, r.right);
    }
  }
  // A little empty margin, as a spreadsheet shows past the last cell.
  return { rows: Math.max(rows + 2, 12), cols: Math.max(cols + 1, 6) };
}

export interface SheetViewOptions {
  /** Called when the officer picks another sheet's tab. */
  onActivate(sheet: string): void;
}

export function renderSheetView(container: HTMLElement, book: MemoryWorkbook, options: SheetViewOptions): void {
  const visible = book.sheets.filter((s) => s.visibility === 'visible');
  const active = (book.activeSheet !== null ? book.sheet(book.activeSheet) : undefined) ?? visible[0];
  container.replaceChildren();
  container.classList.add('sv');
  if (!active) {
    container.append(h('p', null, 'This workbook has no visible sheets.'));
    return;
  }

  const { rows, cols } = extentOf(active);
  const merges = new Map<string, { rowSpan: number; colSpan: number }>();
  const covered = new Set<string>();
  for (const m of active.merges) {
    const r = parseRangeAddress(m);
    if (!r) continue;
    merges.set(`${r.top}:${r.left}`, { rowSpan: r.bottom - r.top + 1, colSpan: r.right - r.left + 1 });
    for (let row = r.top; row <= r.bottom; row++) for (let col = r.left; col <= r.right; col++) if (row !== r.top || col !== r.left) covered.add(`${row}:${col}`);
  }

  // Column widths from the longest text, within limits, as a person would have sized them.
  const widths = Array.from({ length: cols }, () => 4);
  for (const [addr, cell] of active.cells) {
    const p = parseCellAddress(addr);
    if (!p || merges.has(`${p.row}:${p.col}`)) continue;
    const w = widths[p.col - 1];
    if (w !== undefined) widths[p.col - 1] = Math.min(Math.max(w, displayText(cell).length + 1), 22);
  }

  const selected = book.selection && book.selection.sheet === active.name ? parseCellAddress(book.selection.cell) : null;

  const colgroup = h('colgroup', null, h('col', { class: 'sv-rowhead-col' }));
  const headRow = h('tr', null, h('th', { class: 'sv-corner', attrs: { scope: 'col' } }, h('span', { class: 'sv-visually-hidden' }, 'Row')));
  for (let c = 1; c <= cols; c++) {
    const col = h('col');
    col.style.width = `${widths[c - 1] ?? 8}ch`;
    colgroup.append(col);
    headRow.append(h('th', { class: selected?.col === c ? 'sv-colhead sv-current' : 'sv-colhead', attrs: { scope: 'col' } }, columnLetters(c)));
  }

  const body = h('tbody');
  let selectedCell: HTMLElement | null = null;
  for (let r = 1; r <= rows; r++) {
    if (active.hiddenRows.has(r)) continue;
    const tr = h('tr', null, h('th', { class: selected?.row === r ? 'sv-rowhead sv-current' : 'sv-rowhead', attrs: { scope: 'row' } }, r));
    for (let c = 1; c <= cols; c++) {
      if (covered.has(`${r}:${c}`)) continue;
      const addr = `${columnLetters(c)}${r}`;
      const cell = active.cells.get(addr);
      const text = displayText(cell);
      const td = h('td', { attrs: { 'data-cell': addr } }, text);
      if (text.length > 12) td.title = text;
      // Like a spreadsheet, long text runs on over empty cells to its right.
      if (text !== '' && typeof cell?.value === 'string' && displayText(active.cells.get(`${columnLetters(c + 1)}${r}`)) === '') td.classList.add('sv-spill');
      const span = merges.get(`${r}:${c}`);
      if (span) {
        td.rowSpan = span.rowSpan;
        td.colSpan = span.colSpan;
        td.classList.add('sv-merged');
      }
      if (typeof cell?.value === 'number') td.classList.add('sv-number');
      if (cell?.fill) td.style.backgroundColor = cell.fill;
      if (cell?.fontColor) td.style.color = cell.fontColor;
      if (cell?.bold) td.classList.add('sv-bold');
      if (selected && selected.row === r && selected.col === c) {
        td.classList.add('sv-selected');
        td.setAttribute('aria-selected', 'true');
        selectedCell = td;
      }
      tr.append(td);
    }
    body.append(tr);
  }

  const totalCh = widths.reduce((sum, w) => sum + w, 0);
  const table = h(
    'table',
    { class: 'sv-grid' },
    h('caption', { class: 'sv-visually-hidden' }, `Sheet '${active.name}' (read-only preview)`),
    colgroup,
    h('thead', null, headRow),
    body,
  );
  // A fixed layout needs the table's own width: the sum of its columns.
  table.style.width = `calc(44px + ${totalCh + cols * 1.2}ch)`;
  const scroller = h('div', { class: 'sv-scroll', attrs: { tabindex: '0', role: 'group', 'aria-label': `Sheet '${active.name}'` } }, table);

  const tabs = h('nav', { class: 'sv-tabs', attrs: { 'aria-label': 'Sheets' } });
  for (const s of visible) {
    const current = s === active;
    const tab = h('button', { class: current ? 'sv-tab sv-tab-current' : 'sv-tab', attrs: { type: 'button', 'aria-current': current ? 'true' : undefined } }, s.name);
    tab.addEventListener('click', () => options.onActivate(s.name));
    tabs.append(tab);
  }

  const where = selected && book.selection ? `Selected: ${book.selection.cell}` : 'No cell selected';
  container.append(h('p', { class: 'sv-namebox', attrs: { 'aria-live': 'polite' } }, where), scroller, tabs);

  if (selectedCell) {
    const target = selectedCell;
    // After layout, so the browser knows where the cell is.
    requestAnimationFrame(() => target.scrollIntoView({ block: 'center', inline: 'nearest' }));
  }
}
