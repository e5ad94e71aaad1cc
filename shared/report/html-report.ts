/**
 * The committee-ready report: one self-contained HTML page (inline style, no scripts, no remote
 * assets) in the shape of a council's Corporate Improvement Plan update — the status table by
 * period, progress by theme, what changed, re-profiled timescales and the slippage lists.
 * Printable to A4 and pasteable into a Word committee report (plain bordered tables).
 * Pure: the same run always gives the same page; no clock is read.
 */
import { ymdFromDay, type Day } from '../dates/day';
import { formatParsedDate } from '../dates/format-date';
import { signed } from '../summary/summary-sheet';
import type { PeriodComparison } from '../history/compare';
import type { PreparedRun } from '../run/prepare-run';
import type { Swatch } from '../rag/palette';
import { activePalette } from '../settings/settings';
import type { Rag, StatusDef } from '../status/schemes';
import { unrecognisedStatus, type ListedAction } from '../summary/summary';
import type { ThemeRollup } from '../summary/themes';
import { chipColours, escapeHtml, ragWords, statusByThemeSvg, type ChartStatus } from './svg-chart';
import { plural } from '../text/plural';

export { escapeHtml } from './svg-chart';

export interface HtmlReportOptions {
  /** The plan's name in the heading; default "Corporate Improvement Plan". */
  title?: string;
}

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

/** "30 September 2018", as a committee report writes a date in prose. */
export function longDate(day: Day): string {
  const { y, m, d } = ymdFromDay(day);
  return `${d} ${MONTHS[m - 1] ?? String(m)} ${y}`;
}

const css = `
@page { size: A4; margin: 15mm; }
html { background: #FFFFFF; }
body { font-family: Arial, Helvetica, sans-serif; font-size: 11pt; line-height: 1.4; color: #0B0C0C; background: #FFFFFF; margin: 0 auto; padding: 8mm; max-width: 180mm; }
h1 { font-size: 18pt; margin: 0 0 6pt; }
h2 { font-size: 14pt; margin: 18pt 0 6pt; }
h3 { font-size: 12pt; margin: 12pt 0 4pt; }
h1, h2, h3 { break-after: avoid; page-break-after: avoid; }
p { margin: 0 0 8pt; }
.meta { color: #383F43; }
table { border-collapse: collapse; width: 100%; margin: 0 0 12pt; font-size: 10pt; }
caption { caption-side: top; text-align: left; font-weight: bold; padding: 0 0 4pt; break-after: avoid; page-break-after: avoid; }
th, td { border: 1px solid #505A5F; padding: 3pt 5pt; text-align: left; vertical-align: top; }
thead th { background: #F3F2F1; }
thead { display: table-header-group; break-inside: avoid; break-after: avoid; page-break-after: avoid; }
tr { break-inside: avoid; page-break-inside: avoid; }
table.compact { width: auto; min-width: 60%; break-inside: avoid; page-break-inside: avoid; }
.num { text-align: right; }
tr.total th, tr.total td { font-weight: bold; border-top: 2px solid #0B0C0C; }
.rag { display: inline-block; white-space: nowrap; padding: 0 4pt; border: 1px solid; border-radius: 2pt; font-weight: bold; -webkit-print-color-adjust: exact; print-color-adjust: exact; }
figure { margin: 0 0 12pt; break-inside: avoid; page-break-inside: avoid; }
figcaption { font-weight: bold; margin: 0 0 4pt; }
svg.chart { max-width: 100%; height: auto; -webkit-print-color-adjust: exact; print-color-adjust: exact; }
footer { margin-top: 18pt; padding-top: 6pt; border-top: 1px solid #B1B4B6; font-size: 9pt; color: #383F43; }
@media print { body { padding: 0; max-width: none; } }
`.trim();

interface Column {
  heading: string;
  /** Percentage width, for wide lists on A4. */
  width?: number;
  num?: boolean;
}

interface Cell {
  /** Already-escaped HTML. */
  html: string;
  num?: boolean;
  /** A row header (th scope="row"). */
  header?: boolean;
}

/** Plain text from a cell, escaped; a blank stays blank. */
const text = (s: string | null | undefined): string => escapeHtml(s ?? '');
const cell = (s: string | null | undefined): Cell => ({ html: text(s) });
const numCell = (n: number | string): Cell => ({ html: escapeHtml(String(n)), num: true });

function renderCell(c: Cell): string {
  const cls = c.num ? ' class="num"' : '';
  return c.header ? `<th scope="row"${cls}>${c.html}</th>` : `<td${cls}>${c.html}</td>`;
}

/** A plain bordered table with a caption, column headers and optional total row. */
function table(caption: string, columns: Column[], rows: Cell[][], options: { compact?: boolean; total?: Cell[] } = {}): string {
  const cls = options.compact ? ' class="compact"' : '';
  const cols = columns.some((c) => c.width !== undefined) ? `<colgroup>${columns.map((c) => (c.width !== undefined ? `<col style="width:${c.width}%">` : '<col>')).join('')}</colgroup>` : '';
  const head = `<thead><tr>${columns.map((c) => `<th scope="col"${c.num ? ' class="num"' : ''}>${escapeHtml(c.heading)}</th>`).join('')}</tr></thead>`;
  const body = rows.map((r) => `<tr>${r.map(renderCell).join('')}</tr>`);
  if (options.total) body.push(`<tr class="total">${options.total.map(renderCell).join('')}</tr>`);
  return `<table${cls} border="1">\n<caption>${escapeHtml(caption)}</caption>\n${cols}${head}\n<tbody>\n${body.join('\n')}\n</tbody>\n</table>`;
}


/** Writes a chip: the RAG fill with dark text and a darker edge; the words are always there. */
function chip(label: string, rag: Rag, palette: Record<Rag, Swatch>): string {
  const c = chipColours(rag, palette);
  return `<span class="rag" style="background-color:${c.fill};color:${c.text};border-color:${c.outline}">${escapeHtml(label)}</span>`;
}

interface Context {
  run: PreparedRun;
  palette: Record<Rag, Swatch>;
  /** Scheme statuses by canonical label. */
  statusByLabel: Map<string, StatusDef>;
}

/** A status as the committee reads it: the chip when it is a scheme status, else its text as typed. */
function statusHtml(ctx: Context, label: string): string {
  const def = ctx.statusByLabel.get(label);
  if (def) return chip(def.label, def.rag, ctx.palette);
  return escapeHtml(label === '' ? 'Status missing' : label);
}

function titleSection(ctx: Context, title: string): string {
  const { checked, comparison } = ctx.run;
  const s = checked.summary;
  const completeLabels = checked.scheme.statuses.filter((d) => d.complete).map((d) => d.label);
  const completed = s.statusCounts.filter((c) => completeLabels.includes(c.status)).reduce((n, c) => n + c.count, 0);
  const unrecognised = s.statusCounts.find((c) => c.status === unrecognisedStatus)?.count ?? 0;
  const slipped = s.slipped.length;

  const sentences = [`The plan contains ${plural(s.actions, 'action')}.`];
  const slipping = slipped === 0 ? 'none showing slippage' : `${slipped} showing some slippage`;
  if (completeLabels.length > 0) {
    const done = completed === 0 ? 'No actions have been completed yet' : `${plural(completed, 'action')} ${completed === 1 ? 'has' : 'have'} now been completed`;
    sentences.push(`${done}, with ${slipping}.`);
  } else {
    sentences.push(slipped === 0 ? 'No actions are showing slippage.' : `${plural(slipped, 'action')} ${slipped === 1 ? 'is' : 'are'} showing some slippage.`);
  }
  const notStarted = s.notStarted.length;
  const overdue = s.overdue.length;
  if (notStarted > 0 || overdue > 0) {
    const parts: string[] = [];
    if (notStarted > 0) parts.push(`${plural(notStarted, 'action')} ${notStarted === 1 ? 'has' : 'have'} not started`);
    if (overdue > 0) parts.push(`${plural(overdue, 'action')} ${overdue === 1 ? 'is' : 'are'} past ${overdue === 1 ? 'its' : 'their'} due date`);
    const joined = parts.join(', and ');
    sentences.push(`${joined.charAt(0).toUpperCase()}${joined.slice(1)}.`);
  }
  if (unrecognised > 0) sentences.push(`${plural(unrecognised, 'action')} ${unrecognised === 1 ? 'has a status' : 'have statuses'} missing or not recognised.`);
  if (comparison.previousLabel !== null) {
    const changed = comparison.changes.length;
    sentences.push(`Since ${comparison.previousLabel}, ${plural(changed, 'action')} ${changed === 1 ? 'has' : 'have'} changed status.`);
  }

  return [
    '<header>',
    `<h1>${escapeHtml(`${title} \u2013 progress as of ${longDate(checked.asOf)}`)}</h1>`,
    `<p class="meta">Monitoring sheet: ${text(checked.sheet)}</p>`,
    '</header>',
    '<section aria-labelledby="summary">',
    '<h2 id="summary">Summary</h2>',
    `<p>${escapeHtml(sentences.join(' '))}</p>`,
    '</section>',
  ].join('\n');
}

/** The seed's table 4.4: Status, one column per period, the change, zero rows kept, Grand Total. */
function statusSection(ctx: Context): string {
  const cmp: PeriodComparison = ctx.run.comparison;
  const cols = cmp.columns;
  const withChange = cols.length > 1;
  const change = (values: number[]): Cell[] => (withChange ? [numCell(signed((values[values.length - 1] ?? 0) - (values[values.length - 2] ?? 0)))] : []);
  const rows = cmp.statuses.map((status, i) => {
    const counts = cols.map((c) => c.counts[i] ?? 0);
    return [{ html: statusHtml(ctx, status), header: true }, ...counts.map(numCell), ...change(counts)];
  });
  const totals = cols.map((c) => c.total);
  const columns: Column[] = [{ heading: 'Status' }, ...cols.map((c) => ({ heading: c.label, num: true })), ...(withChange ? [{ heading: 'Change', num: true }] : [])];
  const caption = withChange ? `Actions by status: ${cols.map((c) => c.label).join(', ')}` : `Actions by status: ${cols[0]?.label ?? ''}`;
  return [
    '<section aria-labelledby="status">',
    '<h2 id="status">Progress by status</h2>',
    table(caption, columns, rows, { compact: true, total: [{ html: 'Grand Total', header: true }, ...totals.map(numCell), ...change(totals)] }),
    '</section>',
  ].join('\n');
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

function themeSection(ctx: Context): string {
  const { themes, statuses } = normalisedThemes(ctx);
  const columns: Column[] = [{ heading: 'Theme' }, { heading: 'RAG' }, ...statuses.map((s) => ({ heading: s.label, num: true })), { heading: 'Total', num: true }];
  const rows = themes.map((t) => {
    const counts = statuses.map((s) => t.counts[s.label] ?? 0);
    return [{ html: text(t.theme), header: true }, { html: chip(ragWords[t.rag], t.rag, ctx.palette) }, ...counts.map(numCell), numCell(counts.reduce((a, b) => a + b, 0))];
  });
  const totals = statuses.map((s) => themes.reduce((n, t) => n + (t.counts[s.label] ?? 0), 0));
  const total = [{ html: 'Grand Total', header: true }, { html: '' }, ...totals.map(numCell), numCell(totals.reduce((a, b) => a + b, 0))];
  const rule =
    ctx.run.settings.themeRag === 'majority'
      ? "A theme's RAG is its most common status; a theme whose actions are all complete is Blue."
      : "A theme's RAG is the most serious status among its unfinished actions; a theme whose actions are all complete is Blue.";
  return [
    '<section aria-labelledby="themes">',
    '<h2 id="themes">Progress by theme</h2>',
    `<p>${escapeHtml(rule)}</p>`,
    themes.length > 0 ? table('Actions by theme and status', columns, rows, { total }) : '<p>None.</p>',
    themes.length > 0
      ? `<figure>\n<figcaption>Status of actions in each theme</figcaption>\n${statusByThemeSvg(themes, statuses, ctx.palette)}\n</figure>`
      : '',
    '</section>',
  ]
    .filter((s) => s !== '')
    .join('\n');
}

const none = '<p>None.</p>';

function changesSection(ctx: Context): string {
  const cmp = ctx.run.comparison;
  if (cmp.previousLabel === null) return '';
  const since = `since ${cmp.previousLabel}`;
  const refAction: Column[] = [{ heading: 'Ref', width: 8 }, { heading: 'Action' }];
  const listTable = (title: string, items: { ref: string | null; action: string | null }[]) =>
    items.length === 0 ? none : table(`${title} ${since} (${items.length})`, refAction, items.map((a) => [cell(a.ref), cell(a.action)]));
  return [
    '<section aria-labelledby="changes">',
    `<h2 id="changes">${escapeHtml(`What changed ${since}`)}</h2>`,
    '<h3>Status changes</h3>',
    cmp.changes.length === 0
      ? none
      : table(
          `Status changes ${since} (${cmp.changes.length})`,
          [{ heading: 'Ref', width: 8 }, { heading: 'Action', width: 52 }, { heading: 'From', width: 20 }, { heading: 'To', width: 20 }],
          cmp.changes.map((c) => [cell(c.ref), cell(c.action), { html: statusHtml(ctx, c.from) }, { html: statusHtml(ctx, c.to) }]),
        ),
    '<h3>Actions added</h3>',
    listTable('Actions added', cmp.added),
    '<h3>Actions removed</h3>',
    listTable('Actions removed', cmp.removed),
    '</section>',
  ].join('\n');
}

function reprofiledSection(ctx: Context): string {
  const cmp = ctx.run.comparison;
  const intro =
    cmp.previousLabel === null
      ? 'Actions whose target date has been revised: the original target, then the revised date.'
      : 'Actions whose target date has moved: the original target, then each revision as recorded, then the date now.';
  return [
    '<section aria-labelledby="reprofiled">',
    '<h2 id="reprofiled">Re-profiled timescales</h2>',
    cmp.reprofiled.length === 0
      ? none
      : `<p>${escapeHtml(intro)}</p>\n${table(
          `Re-profiled timescales (${cmp.reprofiled.length})`,
          [{ heading: 'Ref', width: 8 }, { heading: 'Action', width: 50 }, { heading: 'Dates', width: 34 }, { heading: 'Times', width: 8, num: true }],
          cmp.reprofiled.map((r) => [cell(r.ref), cell(r.action), cell(r.dates.join(' \u2192 ')), numCell(r.times)]),
        )}`,
    '</section>',
  ].join('\n');
}

function listSection(id: string, heading: string, intro: string, items: ListedAction[], columns: Column[], cells: (a: ListedAction) => Cell[]): string {
  return [
    `<section aria-labelledby="${id}">`,
    `<h2 id="${id}">${escapeHtml(heading)}</h2>`,
    items.length === 0 ? none : `<p>${escapeHtml(intro)}</p>\n${table(`${heading} (${items.length})`, columns, items.map(cells))}`,
    '</section>',
  ].join('\n');
}

function listsSection(ctx: Context): string {
  const s = ctx.run.checked.summary;
  const slipped = s.slipped.length;
  const overdue = s.overdue.length;
  const notStarted = s.notStarted.length;
  const date = (d: Parameters<typeof formatParsedDate>[0]) => cell(formatParsedDate(d));
  const status = (a: ListedAction): Cell => ({ html: statusHtml(ctx, a.status) });
  return [
    listSection(
      'slippage',
      'Areas of slippage',
      `There ${slipped === 1 ? 'is 1 area' : `are ${slipped} areas`} of slippage, with the original and revised target dates:`,
      s.slipped,
      [
        { heading: 'Ref', width: 6 },
        { heading: 'Action', width: 22 },
        { heading: 'Lead officer', width: 12 },
        { heading: 'Original date', width: 10 },
        { heading: 'Revised date', width: 10 },
        { heading: 'Status', width: 10 },
        { heading: 'Commentary', width: 30 },
      ],
      (a) => [cell(a.ref), cell(a.action), cell(a.lead), date(a.original), date(a.revised), status(a), cell(a.commentary)],
    ),
    listSection(
      'overdue',
      'Overdue actions',
      `${plural(overdue, 'action')} ${overdue === 1 ? 'is' : 'are'} unfinished and past ${overdue === 1 ? 'its' : 'their'} due date, most overdue first:`,
      s.overdue,
      [
        { heading: 'Ref', width: 6 },
        { heading: 'Action', width: 24 },
        { heading: 'Lead', width: 12 },
        { heading: 'Due', width: 10 },
        { heading: 'Days overdue', width: 8, num: true },
        { heading: 'Status', width: 10 },
        { heading: 'Commentary', width: 30 },
      ],
      (a) => [cell(a.ref), cell(a.action), cell(a.lead), date(a.due), numCell(a.daysOverdue), status(a), cell(a.commentary)],
    ),
    listSection(
      'not-started',
      'Not started',
      `${plural(notStarted, 'action')} ${notStarted === 1 ? 'has' : 'have'} not started:`,
      s.notStarted,
      [
        { heading: 'Ref', width: 6 },
        { heading: 'Action', width: 30 },
        { heading: 'Lead', width: 14 },
        { heading: 'Due', width: 10 },
        { heading: 'Commentary', width: 40 },
      ],
      (a) => [cell(a.ref), cell(a.action), cell(a.lead), date(a.due), cell(a.commentary)],
    ),
  ].join('\n');
}

/**
 * The whole report as one HTML page; every text that came from a cell (actions, commentary,
 * leads, refs, theme names, period labels, the sheet name) is escaped; attributes carry only
 * fixed text and validated #RRGGBB colours.
 */
export function renderHtmlReport(run: PreparedRun, options?: HtmlReportOptions): string {
  const title = options?.title?.trim() || 'Corporate Improvement Plan';
  const ctx: Context = {
    run,
    palette: activePalette(run.settings),
    statusByLabel: new Map(run.checked.scheme.statuses.map((s) => [s.label, s])),
  };
  const heading = `${title} \u2013 progress as of ${longDate(run.checked.asOf)}`;
  const body = [
    titleSection(ctx, title),
    statusSection(ctx),
    themeSection(ctx),
    changesSection(ctx),
    reprofiledSection(ctx),
    listsSection(ctx),
  ].filter((s) => s !== '');
  const footer = `<footer><p>${escapeHtml(`Prepared with Plan Monitor from sheet '${run.checked.sheet}' as of ${longDate(run.checked.asOf)}.`)}</p></footer>`;
  return [
    '<!DOCTYPE html>',
    '<html lang="en-GB">',
    '<head>',
    '<meta charset="utf-8">',
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    `<title>${escapeHtml(heading)}</title>`,
    `<style>\n${css}\n</style>`,
    '</head>',
    '<body>',
    '<main>',
    ...body,
    '</main>',
    footer,
    '</body>',
    '</html>',
    '',
  ].join('\n');
}
