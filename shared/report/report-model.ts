/**
 * The committee report as a document, before any format: sections with headings, paragraphs,
 * tables with header rows, and the chart as data with its text alternative. The HTML page and the
 * Word document are both drawn from it, so they say the same things in the same order.
 * Pure: the same run always gives the same model; no clock is read.
 */
import { actionTimelines, timelineSteps } from '../audit/timeline';
import type { Day } from '../dates/day';
import type { PreparedRun } from '../run/prepare-run';
import { activePalette } from '../settings/settings';
import type { Rag, StatusDef } from '../status/schemes';
import { actionLists, type ListCell } from '../summary/action-lists';
import { unrecognisedStatus } from '../summary/summary';
import { signed } from '../summary/summary-sheet';
import type { ThemeRollup } from '../summary/themes';
import {
  coverageParagraph,
  datesOf,
  longDate,
  notStartedIntro,
  notStartedParagraph,
  slippageIntro,
  slippedParagraph,
  statusIntro,
  summaryParagraph,
  type SummaryInput,
} from './committee-text';
import { chartDescription, chartTitle, chipColours, ragWords, statusByThemeSvg, type ChartStatus, type ChipColours } from './svg-chart';
import { readTitleRows } from './title-rows';

export interface ReportCell {
  text: string;
  /** A number: right-aligned. */
  num?: boolean;
  /** The row's header cell (a screen reader announces it with each cell of the row). */
  header?: boolean;
  /** A status or RAG: drawn in its colours, with its words always printed. */
  rag?: Rag;
}

export interface ReportColumn {
  heading: string;
  /** Percentage of the table's width. */
  width?: number;
  num?: boolean;
}

export interface ReportParagraph {
  kind: 'paragraph';
  text: string;
}

/** Paragraphs set as a bulleted list, one an action (the report's 4.8). */
export interface ReportList {
  kind: 'list';
  items: string[];
}

export interface ReportTable {
  kind: 'table';
  caption: string;
  columns: ReportColumn[];
  rows: ReportCell[][];
  /** The Grand Total row, set apart. */
  total?: ReportCell[];
  /** As narrow as its content (the status table), not the page's width. */
  compact?: boolean;
}

export interface ReportChart {
  kind: 'chart';
  title: string;
  /** The text alternative: every number the bars show. */
  description: string;
  /** The chart drawn as SVG, in CSS pixels. */
  svg: string;
  width: number;
  height: number;
  themes: ThemeRollup[];
  statuses: ChartStatus[];
}

export type ReportBlock = ReportParagraph | ReportList | ReportTable | ReportChart;

export interface ReportSection {
  id: string;
  heading: string;
  blocks: ReportBlock[];
  /** One level down (h3 / Heading 2 below this section's h2 / Heading 1). */
  subsections: ReportSection[];
  /** Wide lists with commentary: printed on landscape pages. */
  landscape?: boolean;
}

export interface ReportModel {
  /** "Northmoor City Council", or null when neither the settings nor the sheet's title rows name one. */
  council: string | null;
  /** "Corporate Improvement Plan". */
  planTitle: string;
  /** The first heading: "Corporate Improvement Plan – progress up to 30 September 2018". */
  heading: string;
  /** The document's title (HTML title, Word's core properties): the council, then the heading. */
  title: string;
  asOf: Day;
  sheet: string;
  /** Lines under the heading: the sheet and date it was prepared from. */
  meta: string[];
  /** The colours each RAG is drawn in (validated #RRGGBB). */
  colours: Record<Rag, ChipColours>;
  sections: ReportSection[];
  /** The closing line. */
  footer: string;
}

export interface ReportOptions {
  /** The plan's title; wins over the settings' planTitle and the sheet's title rows. */
  title?: string | undefined;
}

/** The plan's title when nothing names it. */
export const defaultPlanTitle = 'Corporate Improvement Plan';

const paragraph = (text: string): ReportParagraph => ({ kind: 'paragraph', text });
const none = paragraph('None.');
const text = (s: string | null | undefined): ReportCell => ({ text: s ?? '' });
const num = (n: number | string): ReportCell => ({ text: String(n), num: true });

interface Context {
  run: PreparedRun;
  statusByLabel: Map<string, StatusDef>;
}

/** A status as the committee reads it: in its colours when it is a scheme status, else its text as typed. */
function statusCell(ctx: Context, label: string, header = false): ReportCell {
  const def = ctx.statusByLabel.get(label);
  const cell: ReportCell = def ? { text: def.label, rag: def.rag } : { text: label === '' ? 'Status missing' : label };
  return header ? { ...cell, header } : cell;
}

function section(id: string, heading: string, blocks: ReportBlock[], subsections: ReportSection[] = [], landscape = false): ReportSection {
  return landscape ? { id, heading, blocks, subsections, landscape } : { id, heading, blocks, subsections };
}

function summarySection(ctx: Context, input: SummaryInput): ReportSection {
  const unrecognised = ctx.run.checked.summary.statusCounts.find((c) => c.status === unrecognisedStatus)?.count ?? 0;
  return section('summary', 'Summary', [paragraph(summaryParagraph(input)), paragraph(coverageParagraph(input, unrecognised))]);
}

/** The report's table 4.4: Status, one column per period, the change, zero rows kept, Grand Total. */
function statusSection(ctx: Context): ReportSection {
  const { comparison: cmp, checked, history } = ctx.run;
  const cols = cmp.columns;
  const withChange = cols.length > 1;
  const change = (values: number[]): ReportCell[] => (withChange ? [num(signed((values[values.length - 1] ?? 0) - (values[values.length - 2] ?? 0)))] : []);
  const rows = cmp.statuses.map((status, i) => {
    const counts = cols.map((c) => c.counts[i] ?? 0);
    return [statusCell(ctx, status, true), ...counts.map(num), ...change(counts)];
  });
  const totals = cols.map((c) => c.total);
  const columns: ReportColumn[] = [{ heading: 'Status' }, ...cols.map((c) => ({ heading: c.label, num: true })), ...(withChange ? [{ heading: 'Change', num: true }] : [])];
  const recorded = history.some((p) => p.asOf === checked.asOf) ? cmp.currentLabel : null;
  return section('status', 'Progress by status', [
    paragraph(statusIntro(recorded, checked.asOf)),
    { kind: 'table', caption: `Actions by status: ${cols.map((c) => c.label).join(', ')}`, columns, rows, total: [{ text: 'Grand Total', header: true }, ...totals.map(num), ...change(totals)], compact: true },
  ]);
}

/** Themes with every status the scheme knows; statuses it does not know folded into one bucket. */
function normalisedThemes(ctx: Context): { themes: ThemeRollup[]; statuses: ChartStatus[] } {
  const known = ctx.run.checked.scheme.statuses;
  let anyUnknown = false;
  const themes = ctx.run.themes.map((t) => {
    const counts: Record<string, number> = {};
    for (const s of known) counts[s.label] = 0;
    for (const [label, n] of Object.entries(t.counts)) {
      const key = ctx.statusByLabel.has(label) ? label : unrecognisedStatus;
      if (key === unrecognisedStatus && n > 0) anyUnknown = true;
      counts[key] = (counts[key] ?? 0) + n;
    }
    return { ...t, counts };
  });
  const statuses: ChartStatus[] = known.map((s) => ({ label: s.label, rag: s.rag }));
  if (anyUnknown) statuses.push({ label: unrecognisedStatus, rag: 'grey', dashed: true });
  return { themes, statuses };
}

/** The SVG's own width and height, from its opening tag. */
function svgSize(svg: string): { width: number; height: number } {
  const m = /^<svg [^>]*\bwidth="(\d+)" height="(\d+)"/.exec(svg);
  return { width: Number(m?.[1] ?? 640), height: Number(m?.[2] ?? 1) };
}

function themeSection(ctx: Context): ReportSection {
  const { themes, statuses } = normalisedThemes(ctx);
  const columns: ReportColumn[] = [{ heading: 'Theme' }, { heading: 'RAG' }, ...statuses.map((s) => ({ heading: s.label, num: true })), { heading: 'Total', num: true }];
  const rows = themes.map((t) => {
    const counts = statuses.map((s) => t.counts[s.label] ?? 0);
    return [{ text: t.theme, header: true }, { text: ragWords[t.rag], rag: t.rag }, ...counts.map(num), num(counts.reduce((a, b) => a + b, 0))];
  });
  const totals = statuses.map((s) => themes.reduce((n, t) => n + (t.counts[s.label] ?? 0), 0));
  // A scheme with no complete status (RAG-only) has no Blue theme to speak of; milestones count where there are some.
  const blue = ctx.run.checked.scheme.statuses.some((s) => s.complete) ? '; a theme whose actions are all complete is Blue' : '';
  const milestones = ctx.run.checked.summary.milestones > 0 ? ' An action with milestones counts at the RAG its milestones put it at.' : '';
  const rule =
    ctx.run.settings.themeRag === 'majority'
      ? `A theme's RAG is its most common status${blue}.${milestones}`
      : `A theme's RAG is the most serious status among its unfinished actions${blue}.${milestones}`;
  if (themes.length === 0) return section('themes', 'Progress by theme', [paragraph(rule), none]);
  const svg = statusByThemeSvg(themes, statuses, activePalette(ctx.run.settings));
  return section('themes', 'Progress by theme', [
    paragraph(rule),
    { kind: 'table', caption: 'Actions by theme and status', columns, rows, total: [{ text: 'Grand Total', header: true }, text(''), ...totals.map(num), num(totals.reduce((a, b) => a + b, 0))] },
    { kind: 'chart', title: chartTitle, description: chartDescription(themes, statuses), svg, ...svgSize(svg), themes, statuses },
    // Each theme's own narrative from its heading row, as the plan's owners wrote it.
    ...themes.filter((t) => t.narrative !== undefined).map((t) => paragraph(`${t.theme} (${ragWords[t.rag]}): ${t.narrative ?? ''}`)),
  ]);
}

/**
 * The report's 4.8: one paragraph per slipped action, with its date history, and, for an action whose
 * date has moved more than once, its timeline from the history and the audit trail.
 */
function slippageSection(ctx: Context): ReportSection {
  const { run } = ctx;
  const slipped = run.checked.summary.slipped;
  const dates = datesOf(slipped, run.comparison.reprofiled);
  const blocks: ReportBlock[] = [paragraph(slippageIntro(slipped.length))];
  const timelines = new Map(actionTimelines(run.checked, run.history, run.audit).map((t) => [t.row, t]));
  const movedOf = (row: number): string | undefined => {
    const t = timelines.get(row);
    return t && t.moves > 1 ? timelineSteps(t.steps) : undefined;
  };
  if (slipped.length > 0) blocks.push({ kind: 'list', items: slipped.map((a, i) => slippedParagraph(a, dates[i] ?? [], movedOf(a.row))) });
  return section('slippage', 'Areas of slippage', blocks);
}

/** The report's 4.9; left out when the scheme has no not-started status. */
function notStartedSection(ctx: Context): ReportSection | null {
  const label = ctx.run.checked.scheme.statuses.find((s) => s.notStarted)?.label;
  if (label === undefined) return null;
  const items = ctx.run.checked.summary.notStarted;
  const blocks: ReportBlock[] = [paragraph(notStartedIntro(items.length, label))];
  if (items.length > 0) blocks.push({ kind: 'list', items: items.map(notStartedParagraph) });
  return section('not-started', label, blocks);
}

function changesSection(ctx: Context): ReportSection | null {
  const cmp = ctx.run.comparison;
  if (cmp.previousLabel === null) return null;
  const since = `since ${cmp.previousLabel}`;
  const refAction: ReportColumn[] = [{ heading: 'Ref', width: 8 }, { heading: 'Action' }];
  const list = (id: string, title: string, items: { ref: string | null; action: string | null }[]): ReportSection =>
    section(id, title, items.length === 0 ? [none] : [{ kind: 'table', caption: `${title} ${since} (${items.length})`, columns: refAction, rows: items.map((a) => [text(a.ref), text(a.action)]) }]);
  return section(
    'changes',
    `What changed ${since}`,
    [],
    [
      section(
        'status-changes',
        'Status changes',
        cmp.changes.length === 0
          ? [none]
          : [
              {
                kind: 'table',
                caption: `Status changes ${since} (${cmp.changes.length})`,
                columns: [{ heading: 'Ref', width: 8 }, { heading: 'Action', width: 52 }, { heading: 'From', width: 20 }, { heading: 'To', width: 20 }],
                rows: cmp.changes.map((c) => [text(c.ref), text(c.action), statusCell(ctx, c.from), statusCell(ctx, c.to)]),
              },
            ],
      ),
      list('added', 'Actions added', cmp.added),
      list('removed', 'Actions removed', cmp.removed),
    ],
  );
}

function reprofiledSection(ctx: Context): ReportSection {
  const cmp = ctx.run.comparison;
  const intro =
    cmp.previousLabel === null
      ? 'Actions whose target date has been revised: the original target, then the revised date.'
      : 'Actions whose target date has moved: the original target, then each revision as recorded, then the date now.';
  return section(
    'reprofiled',
    'Re-profiled timescales',
    cmp.reprofiled.length === 0
      ? [none]
      : [
          paragraph(intro),
          {
            kind: 'table',
            caption: `Re-profiled timescales (${cmp.reprofiled.length})`,
            columns: [{ heading: 'Ref', width: 8 }, { heading: 'Action', width: 50 }, { heading: 'Dates', width: 34 }, { heading: 'Times', width: 8, num: true }],
            rows: cmp.reprofiled.map((r) => [text(r.ref), text(r.action), text(r.dates.join(' \u2192 ')), num(r.times)]),
          },
        ],
  );
}

/** Column widths on a landscape page: commentary gets what the short columns leave. */
const listWidths: Record<string, number> = { Ref: 5, 'Milestone of': 6, Action: 22, 'Lead officer': 12, Status: 9 };

/** The summary's lists of actions (the same model as the summary sheet's), on landscape pages. */
function listsSection(ctx: Context): ReportSection {
  const lists = actionLists(ctx.run.checked.summary, ctx.run.settings.dueSoonDays);
  // The report already has a "Not started" section (its 4.9): this list's own name keeps the two apart.
  const titled = lists.map((l) => (l.id === 'notStarted' ? { ...l, title: 'Actions not started' } : l));
  const subsections = titled.map((l) => {
    const fixed = l.headings.reduce((n, h) => n + (h === 'Commentary' ? 0 : (listWidths[h] ?? 8)), 0);
    const columns: ReportColumn[] = l.headings.map((h) => ({ heading: h, width: h === 'Commentary' ? 100 - fixed : (listWidths[h] ?? 8), ...(h.startsWith('Days') ? { num: true } : {}) }));
    const statusAt = l.headings.indexOf('Status');
    const cellOf = (v: ListCell, i: number): ReportCell => (i === statusAt && typeof v === 'string' ? statusCell(ctx, v) : typeof v === 'number' ? num(v) : text(v));
    return section(`list-${l.id}`, l.title, l.rows.length === 0 ? [none] : [{ kind: 'table', caption: `${l.title} (${l.rows.length})`, columns, rows: l.rows.map((r) => r.map(cellOf)) }]);
  });
  return section('lists', 'The actions in detail', [paragraph('Each list gives the lead officer, the dates and the latest commentary as recorded on the monitoring sheet.')], subsections, true);
}

/** The council and the plan's title: the options, then the settings, then the sheet's title rows. */
function names(run: PreparedRun, options: ReportOptions | undefined): { council: string | null; planTitle: string } {
  const grid = run.workbook.sheets.find((s) => s.name === run.checked.sheet)?.grid;
  const fromRows = grid ? readTitleRows(grid, run.checked.header.row) : { council: null, plan: null };
  const asked = options?.title?.trim();
  return {
    council: run.settings.councilName ?? fromRows.council,
    planTitle: asked || run.settings.planTitle || fromRows.plan || defaultPlanTitle,
  };
}

/** The committee report for a prepared run. */
export function buildReportModel(run: PreparedRun, options?: ReportOptions): ReportModel {
  const { council, planTitle } = names(run, options);
  const ctx: Context = { run, statusByLabel: new Map(run.checked.scheme.statuses.map((s) => [s.label, s])) };
  const palette = activePalette(run.settings);
  const colours = Object.fromEntries((Object.keys(palette) as Rag[]).map((r) => [r, chipColours(r, palette)])) as Record<Rag, ChipColours>;
  const asOf = longDate(run.checked.asOf);
  const heading = `${planTitle} \u2013 progress up to ${asOf}`;
  const input: SummaryInput = { planTitle, scheme: run.checked.scheme, summary: run.checked.summary, comparison: run.comparison };
  const sections = [
    summarySection(ctx, input),
    statusSection(ctx),
    themeSection(ctx),
    slippageSection(ctx),
    notStartedSection(ctx),
    changesSection(ctx),
    reprofiledSection(ctx),
    listsSection(ctx),
  ].filter((s): s is ReportSection => s !== null);
  return {
    council,
    planTitle,
    heading,
    title: council === null ? heading : `${council}: ${heading}`,
    asOf: run.checked.asOf,
    sheet: run.checked.sheet,
    meta: [`Monitoring sheet: ${run.checked.sheet}`],
    colours,
    sections,
    footer: `Prepared with Plan Monitor from sheet '${run.checked.sheet}' as of ${asOf}.`,
  };
}
