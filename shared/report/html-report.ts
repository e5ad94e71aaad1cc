/**
 * The committee report as one self-contained HTML page (inline style, no scripts, no remote assets),
 * drawn from the report model: printable by a browser to A4 with page numbers ("Page 2 of 7"),
 * headings kept with what follows them, header rows repeated on every page, the detailed lists on
 * landscape pages, and pasteable into a Word committee report (plain bordered tables).
 * Pure: the same run always gives the same page; no clock is read.
 */
import type { PreparedRun } from '../run/prepare-run';
import type { Rag } from '../status/schemes';
import { buildReportModel, type ReportBlock, type ReportCell, type ReportChart, type ReportModel, type ReportSection, type ReportTable } from './report-model';
import { escapeHtml } from './svg-chart';

export { escapeHtml } from './svg-chart';
export { longDate } from './committee-text';

export interface HtmlReportOptions {
  /** The plan's title in the heading; wins over the settings' planTitle and the sheet's title rows. */
  title?: string | undefined;
}

/**
 * Print rules, all supported by Chromium's printing (Chrome 131 and later draw @page margin boxes,
 * so the page numbers come from the page itself rather than the browser's own header and footer).
 */
const css = `
@page {
  size: A4;
  margin: 15mm 15mm 18mm;
  @bottom-center { content: "Page " counter(page) " of " counter(pages); font-family: Arial, Helvetica, sans-serif; font-size: 9pt; color: #383F43; }
}
@page landscape { size: A4 landscape; }
html { background: #FFFFFF; }
body { font-family: Arial, Helvetica, sans-serif; font-size: 11pt; line-height: 1.4; color: #0B0C0C; background: #FFFFFF; margin: 0 auto; padding: 8mm; max-width: 180mm; }
h1 { font-size: 18pt; margin: 0 0 6pt; }
h2 { font-size: 14pt; margin: 18pt 0 6pt; }
h3 { font-size: 12pt; margin: 12pt 0 4pt; }
h1, h2, h3, .lead-in, caption { break-after: avoid; page-break-after: avoid; break-inside: avoid; }
p { margin: 0 0 8pt; orphans: 3; widows: 3; }
.council { font-size: 12pt; font-weight: bold; margin: 0 0 2pt; }
.meta { color: #383F43; }
ul.paragraphs { margin: 0 0 8pt; padding-left: 18pt; }
ul.paragraphs li { margin: 0 0 6pt; orphans: 3; widows: 3; }
table { border-collapse: collapse; width: 100%; margin: 0 0 12pt; font-size: 10pt; }
caption { caption-side: top; text-align: left; font-weight: bold; padding: 0 0 4pt; }
th, td { border: 1px solid #505A5F; padding: 3pt 5pt; text-align: left; vertical-align: top; }
thead th { background: #F3F2F1; -webkit-print-color-adjust: exact; print-color-adjust: exact; }
thead { display: table-header-group; }
tr { break-inside: avoid; page-break-inside: avoid; }
table.compact { width: auto; min-width: 60%; break-inside: avoid; page-break-inside: avoid; }
.num { text-align: right; }
tr.total th, tr.total td { font-weight: bold; border-top: 2px solid #0B0C0C; }
.rag { display: inline-block; white-space: nowrap; padding: 0 4pt; border: 1px solid; border-radius: 2pt; font-weight: bold; -webkit-print-color-adjust: exact; print-color-adjust: exact; }
figure { margin: 0 0 12pt; break-inside: avoid; page-break-inside: avoid; }
figcaption { font-weight: bold; margin: 0 0 4pt; }
svg.chart { max-width: 100%; height: auto; -webkit-print-color-adjust: exact; print-color-adjust: exact; }
section.landscape, footer.landscape { page: landscape; }
section.landscape table { font-size: 9pt; }
footer { margin-top: 18pt; padding-top: 6pt; border-top: 1px solid #B1B4B6; font-size: 9pt; color: #383F43; }
@media print { body { padding: 0; max-width: none; } }
`.trim();

/** A chip: the RAG fill with dark text and a darker edge; the words are always there. */
function chip(model: ReportModel, label: string, rag: Rag): string {
  const c = model.colours[rag];
  return `<span class="rag" style="background-color:${c.fill};color:${c.text};border-color:${c.outline}">${escapeHtml(label)}</span>`;
}

function cellHtml(model: ReportModel, c: ReportCell): string {
  const inner = c.rag ? chip(model, c.text, c.rag) : escapeHtml(c.text);
  const cls = c.num ? ' class="num"' : '';
  return c.header ? `<th scope="row"${cls}>${inner}</th>` : `<td${cls}>${inner}</td>`;
}

/** A plain bordered table: caption, column headers that repeat on every printed page, an optional total row. */
function tableHtml(model: ReportModel, t: ReportTable): string {
  const cls = t.compact ? ' class="compact"' : '';
  const cols = t.columns.some((c) => c.width !== undefined) ? `<colgroup>${t.columns.map((c) => (c.width !== undefined ? `<col style="width:${c.width}%">` : '<col>')).join('')}</colgroup>\n` : '';
  const head = `<thead><tr>${t.columns.map((c) => `<th scope="col"${c.num ? ' class="num"' : ''}>${escapeHtml(c.heading)}</th>`).join('')}</tr></thead>`;
  const body = t.rows.map((r) => `<tr>${r.map((c) => cellHtml(model, c)).join('')}</tr>`);
  if (t.total) body.push(`<tr class="total">${t.total.map((c) => cellHtml(model, c)).join('')}</tr>`);
  return `<table${cls} border="1">\n<caption>${escapeHtml(t.caption)}</caption>\n${cols}${head}\n<tbody>\n${body.join('\n')}\n</tbody>\n</table>`;
}

function chartHtml(c: ReportChart): string {
  return `<figure>\n<figcaption>${escapeHtml(c.title)}</figcaption>\n${c.svg}\n</figure>`;
}

/** `leadsIn`: a paragraph introducing a table, a list or a subsection stays on its page with it. */
function blockHtml(model: ReportModel, b: ReportBlock, leadsIn: boolean): string {
  switch (b.kind) {
    case 'paragraph':
      return leadsIn ? `<p class="lead-in">${escapeHtml(b.text)}</p>` : `<p>${escapeHtml(b.text)}</p>`;
    case 'list':
      return `<ul class="paragraphs">\n${b.items.map((i) => `<li>${escapeHtml(i)}</li>`).join('\n')}\n</ul>`;
    case 'table':
      return tableHtml(model, b);
    case 'chart':
      return chartHtml(b);
  }
}

function sectionHtml(model: ReportModel, s: ReportSection, level: 2 | 3): string {
  const cls = s.landscape ? ' class="landscape"' : '';
  return [
    `<section${cls} aria-labelledby="${s.id}">`,
    `<h${level} id="${s.id}">${escapeHtml(s.heading)}</h${level}>`,
    ...s.blocks.map((b, i) => {
      const next = s.blocks[i + 1];
      return blockHtml(model, b, next ? next.kind !== 'paragraph' : s.subsections.length > 0);
    }),
    ...s.subsections.map((sub) => sectionHtml(model, sub, 3)),
    '</section>',
  ].join('\n');
}

/**
 * The model as one HTML page. Every text that came from a cell (actions, commentary, leads, refs,
 * theme names, period labels, the sheet name, the council and plan title) is escaped; attributes
 * carry only fixed text, ids of our own and validated #RRGGBB colours.
 */
export function renderHtml(model: ReportModel): string {
  const header = ['<header>', ...(model.council !== null ? [`<p class="council">${escapeHtml(model.council)}</p>`] : []), `<h1>${escapeHtml(model.heading)}</h1>`, ...model.meta.map((m) => `<p class="meta">${escapeHtml(m)}</p>`), '</header>'];
  return [
    '<!DOCTYPE html>',
    '<html lang="en-GB">',
    '<head>',
    '<meta charset="utf-8">',
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    `<title>${escapeHtml(model.title)}</title>`,
    `<style>\n${css}\n</style>`,
    '</head>',
    '<body>',
    '<main>',
    ...header,
    ...model.sections.map((s) => sectionHtml(model, s, 2)),
    '</main>',
    // On the last section's page size, so it never takes a page of its own.
    `<footer${model.sections[model.sections.length - 1]?.landscape ? ' class="landscape"' : ''}><p>${escapeHtml(model.footer)}</p></footer>`,
    '</body>',
    '</html>',
    '',
  ].join('\n');
}

/** The committee report for a run, as one HTML page. */
export function renderHtmlReport(run: PreparedRun, options?: HtmlReportOptions): string {
  return renderHtml(buildReportModel(run, options));
}
