import { formatDay } from '../dates/format-date';
import { rangeAddress } from '../grid/a1';
import type { CellValue } from '../grid/grid';
import type { Swatch } from '../rag/palette';
import type { Rag } from '../status/schemes';
import type { PeriodComparison } from '../history/compare';
import type { CrossTab, PlanSummary } from './summary';
import { actionLists } from './action-lists';
import { plural } from '../text/plural';
import type { ThemeRollup } from './themes';
import type { FillGroup } from '../rag/status-fills';

/** A1 of every summary sheet holds this, in a hidden row: how the tool knows a sheet is its own. */
export const summaryMarker = 'plan-monitor:summary:v1';

export type SummaryCell = string | number | null;
export type CellStyle = 'title' | 'note' | 'tableTitle' | 'header' | 'body' | 'total';

/** Number formats: '@' keeps text literal (never a formula), '0' for counts. */
export type NumberFormat = '@' | '0' | 'General';

/** How a row style looks, resolved: hosts set exactly this, so the summary looks the same in every one. */
export interface CellLook {
  bold?: boolean;
  italic?: boolean;
  /** Points. */
  size?: number;
  /** #RRGGBB */
  fill?: string;
  /** #RRGGBB */
  fontColour?: string;
  /** Wrap text, aligned to the top of the cell. */
  wrapTop?: boolean;
}

/** The summary's look, in one place (a dark grey note passes 7:1 on white; the header fill is light grey). */
export const summaryLooks: Readonly<Record<CellStyle, CellLook>> = {
  title: { bold: true, size: 14 },
  note: { italic: true, fontColour: '#505A5F' },
  tableTitle: { bold: true, size: 12 },
  header: { bold: true, fill: '#E5E6E7', wrapTop: true },
  body: { wrapTop: true },
  total: { bold: true },
};

export interface SummarySheetPlan {
  name: string;
  /** Rectangular, from A1. Every string is literal text to be written as text. */
  values: SummaryCell[][];
  /** Same shape as values. */
  formats: NumberFormat[][];
  /** Rows by style, as A1 ranges across the table's width. */
  styles: Record<CellStyle, string[]>;
  /** What each style looks like: hosts apply these and add nothing of their own. */
  looks: Record<CellStyle, CellLook>;
  /** Fills on the summary sheet: the status table's labels carry their RAG colour. */
  fills: FillGroup[];
  /** Column widths in characters. */
  columnWidths: number[];
  /** 1-based rows to hide (the marker row). */
  hiddenRows: number[];
  /** A native stacked bar chart of status by theme, for hosts that can draw one (Excel, Sheets). */
  chart: ChartPlan | null;
}

export interface ChartPlan {
  title: string;
  /** The theme table's headings and theme rows (no totals), A1 on the summary sheet; first column the themes. */
  range: string;
  /** One series per status column, in order, with its fill. */
  series: { name: string; fill: string }[];
  /** Where the chart sits: top-left and bottom-right cells (1-based). */
  from: { row: number; col: number };
  to: { row: number; col: number };
}

export interface SummarySheetOptions {
  name: string;
  palette: Record<Rag, Swatch>;
  dueSoonDays: number;
  /** The recorded periods beside the current state; without it the status table has one column. */
  comparison?: PeriodComparison | undefined;
  themes?: ThemeRollup[] | undefined;
}

const ragWords: Record<Rag, string> = { red: 'Red', amber: 'Amber', green: 'Green', blue: 'Blue (complete)', grey: 'Grey (not started)' };

/** "+15", "−20", "0": the committee's change column, with a true minus sign. */
export function signed(n: number): string {
  return n > 0 ? `+${n}` : n < 0 ? `\u2212${-n}` : '0';
}


/** Makes the summary sheet: every table one below another, as a committee report would show them. */
export function buildSummarySheet(summary: PlanSummary, options: SummarySheetOptions): SummarySheetPlan {
  const rows: { cells: SummaryCell[]; style: CellStyle }[] = [];
  // Cells coloured like the plan's status cells: the status names, and each theme's RAG word.
  const ragCells: { rag: Rag; row: number; col: number }[] = [];
  const push = (cells: SummaryCell[], style: CellStyle) => rows.push({ cells, style });
  const blank = () => push([], 'body');

  push([summaryMarker], 'note');
  push([`Plan summary – ${summary.sheet}`], 'title');
  // Milestones are the actions' detail: named beside the count, never in it.
  const milestones = summary.milestones > 0 ? `, with ${plural(summary.milestones, 'milestone')}` : '';
  push([`As of ${formatDay(summary.asOf)}: ${plural(summary.actions, 'action')}${milestones}. Made by Plan Monitor; rebuilt each time, so type nothing here.`], 'note');
  blank();

  // The status table in the committee's shape: one column per period, the current one last, and the change.
  const cmp = options.comparison;
  const periods = cmp && (cmp.columns.length > 1 || !cmp.currentLabel.startsWith('As of ')) ? cmp.columns : null;
  push(['Actions by status'], 'tableTitle');
  if (periods && cmp) {
    const withChange = periods.length > 1;
    push(['Status', ...periods.map((p) => p.label), ...(withChange ? ['Change'] : [])], 'header');
    cmp.statuses.forEach((status, i) => {
      const counts = periods.map((p) => p.counts[i] ?? 0);
      const change = withChange ? [signed((counts[counts.length - 1] ?? 0) - (counts[counts.length - 2] ?? 0))] : [];
      push([status, ...counts, ...change], 'body');
      const rag = summary.statusCounts.find((c) => c.status === status)?.rag;
      if (rag) ragCells.push({ rag, row: rows.length, col: 1 });
    });
    const totals = periods.map((p) => p.total);
    push(['Grand Total', ...totals, ...(withChange ? [signed((totals[totals.length - 1] ?? 0) - (totals[totals.length - 2] ?? 0))] : [])], 'total');
  } else {
    push(['Status', 'Actions'], 'header');
    for (const s of summary.statusCounts) {
      push([s.status, s.count], 'body');
      if (s.rag) ragCells.push({ rag: s.rag, row: rows.length, col: 1 });
    }
    push(['Grand Total', summary.total], 'total');
  }
  blank();

  const crossTabRows = (title: string, t: CrossTab) => {
    push([title], 'tableTitle');
    push([t.dimension, ...t.statuses, 'Total'], 'header');
    for (const r of t.rows) push([r.label, ...r.counts, r.total], 'body');
    push(['Grand Total', ...t.totals, t.total], 'total');
    blank();
  };
  const themeTableHeader = rows.length + 2;
  crossTabRows('Actions by theme and status', summary.byTheme);
  const themeRows = summary.byTheme.rows.length;
  if (options.themes && options.themes.length > 0) {
    push(['Theme RAG'], 'tableTitle');
    push(['Theme', 'RAG'], 'header');
    for (const t of options.themes) {
      push([t.theme, ragWords[t.rag]], 'body');
      ragCells.push({ rag: t.rag, row: rows.length, col: 2 });
    }
    blank();
  }
  if (summary.milestoneRollup.length > 0) {
    // Each action with milestones, and the RAG they roll it up to (an overdue milestone counts as at least amber).
    push([`Actions with milestones (${summary.milestoneRollup.length})`], 'tableTitle');
    push(['Ref', 'Action', 'Own RAG', 'RAG with its milestones', 'Milestones', 'Milestones overdue'], 'header');
    for (const m of summary.milestoneRollup) {
      push([m.ref, m.action, m.own === null ? 'No status' : ragWords[m.own], ragWords[m.derived], m.milestones, m.overdue], 'body');
      ragCells.push({ rag: m.derived, row: rows.length, col: 4 });
    }
    blank();
  }
  if (cmp?.previousLabel) {
    const since = `since ${cmp.previousLabel}`;
    push([`Status changes ${since} (${cmp.changes.length})`], 'tableTitle');
    push(['Ref', 'Action', 'From', 'To'], 'header');
    if (cmp.changes.length === 0) push(['None.'], 'body');
    for (const c of cmp.changes) push([c.ref, c.action, c.from, c.to], 'body');
    blank();
    for (const [title, list] of [[`Actions added ${since}`, cmp.added], [`Actions removed ${since}`, cmp.removed]] as const) {
      push([`${title} (${list.length})`], 'tableTitle');
      push(['Ref', 'Action'], 'header');
      if (list.length === 0) push(['None.'], 'body');
      for (const a of list) push([a.ref, a.action], 'body');
      blank();
    }
  }
  if (cmp && cmp.reprofiled.length > 0) {
    push([`Re-profiled timescales (${cmp.reprofiled.length})`], 'tableTitle');
    push(['Ref', 'Action', 'Dates', 'Times re-profiled'], 'header');
    for (const r of cmp.reprofiled) push([r.ref, r.action, r.dates.join(' \u2192 '), r.times], 'body');
    blank();
  }

  for (const t of actionLists(summary, options.dueSoonDays)) {
    push([`${t.title} (${t.rows.length})`], 'tableTitle');
    push(t.headings, 'header');
    if (t.rows.length === 0) push(['None.'], 'body');
    for (const r of t.rows) push(r, 'body');
    blank();
  }

  crossTabRows('Actions by lead officer and status', summary.byLead);
  if (summary.bySource) crossTabRows('Actions by source and status', summary.bySource);
  if (summary.bySeniorLead) crossTabRows('Actions by senior management lead and status', summary.bySeniorLead);
  rows.pop();

  const width = rows.reduce((w, r) => Math.max(w, r.cells.length), 1);
  const values: SummaryCell[][] = rows.map((r) => {
    const out = r.cells.map((c) => (c === undefined ? null : c));
    while (out.length < width) out.push(null);
    return out;
  });
  const formats: NumberFormat[][] = values.map((r) => r.map((c) => (typeof c === 'number' ? '0' : c === null ? 'General' : '@')));
  const styles: Record<CellStyle, string[]> = { title: [], note: [], tableTitle: [], header: [], body: [], total: [] };
  rows.forEach((r, i) => {
    if (r.style === 'body' && r.cells.length === 0) return;
    const w = r.style === 'title' || r.style === 'note' || r.style === 'tableTitle' ? 1 : r.cells.length;
    styles[r.style].push(rangeAddress(i + 1, 1, i + 1, w));
  });

  // The chart beside the tables, over the theme table (its headings row, then one row per theme).
  const statusCols = summary.byTheme.statuses.length;
  const ragOfStatus = new Map(summary.statusCounts.map((c) => [c.status, c.rag]));
  const chart: ChartPlan | null =
    themeRows > 0
      ? {
          title: 'Actions by theme and status',
          range: rangeAddress(themeTableHeader, 1, themeTableHeader + themeRows, 1 + statusCols),
          series: summary.byTheme.statuses.map((name) => ({ name, fill: options.palette[ragOfStatus.get(name) ?? 'grey'].fill })),
          from: { row: 5, col: width + 2 },
          to: { row: 5 + Math.max(18, themeRows * 2 + 6), col: width + 10 },
        }
      : null;

  // One group per colour, however many themes: each group costs a host a call or two, whatever its size.
  const byRag = new Map<Rag, FillGroup>();
  for (const { rag, row, col } of ragCells) {
    const sw = options.palette[rag];
    let g = byRag.get(rag);
    if (!g) byRag.set(rag, (g = { rag, fill: sw.fill, text: sw.text, ranges: [], cells: 0 }));
    g.ranges.push(rangeAddress(row, col, row, col));
    g.cells++;
  }
  const fills = [...byRag.values()];

  return {
    name: options.name,
    values,
    formats,
    styles,
    looks: { ...summaryLooks },
    fills,
    columnWidths: [32, 48, 24, 16, 16, 16, 60, 14, 14].slice(0, width).concat(Array(Math.max(0, width - 9)).fill(14)),
    hiddenRows: [1],
    chart,
  };
}

/** True when a sheet's A1 shows it was made by Plan Monitor (so it may be rewritten). */
export function isOwnSummarySheet(a1: CellValue): boolean {
  return a1 === summaryMarker;
}

export interface SheetInfo {
  name: string;
  /** A1's value, to recognise the tool's own sheets. */
  a1: CellValue;
}

export interface SummarySheetChoice {
  name: string;
  /** True when the wanted name belongs to a sheet the user made, so another name was taken. */
  renamed: boolean;
  wanted: string;
  /** True when the sheet exists already (the tool's own, to be rewritten); false when it must be added. */
  exists: boolean;
}

/**
 * Picks where the summary goes: the wanted name when it is free or already the tool's; otherwise
 * "Name (2)", "Name (3)"… — never a sheet the user made. Sheet names compare case-insensitively, as Excel compares them.
 */
export function chooseSummarySheetName(wanted: string, sheets: readonly SheetInfo[]): SummarySheetChoice {
  const byName = new Map(sheets.map((s) => [s.name.toLowerCase(), s]));
  for (let n = 1; n < 1000; n++) {
    const suffix = n === 1 ? '' : ` (${n})`;
    const name = wanted.slice(0, 31 - suffix.length) + suffix;
    const existing = byName.get(name.toLowerCase());
    if (!existing || isOwnSummarySheet(existing.a1)) return { name: existing?.name ?? name, renamed: n > 1, wanted, exists: existing !== undefined };
  }
  throw new Error('no free sheet name'); // a workbook with 1,000 sheets of that name
}
