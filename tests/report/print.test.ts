// The committee report printed to PDF by Chromium, as an officer prints it (playwright-core's
// page.pdf, the browser found by scripts/browser.mjs) and as `plan-monitor report --pdf` does
// (headless --print-to-pdf), then read back with pdf.js: A4 pages, portrait then landscape for the
// lists, "Page X of N" on every page from the page's own @page margin boxes, header rows repeated
// where a table runs on, and no heading or caption left at the foot of a page.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { renderHtml } from '../../shared/report/html-report';
import { buildReportModel, type ReportModel, type ReportSection } from '../../shared/report/report-model';
import { printPdf } from '../../src/report/print-pdf';
import { browserModule, ensureArialMetrics, launchTestBrowser } from '../helpers/browser';
import { readPdf, type PdfPage } from './pdf-text';
import { sampleQuarter } from './sample-quarter';

const artifacts = path.resolve(__dirname, '../artifacts');
let browser: Browser;
let model: ReportModel;
let html: string;

beforeAll(async () => {
  ensureArialMetrics();
  browser = await launchTestBrowser();
  const { run } = await sampleQuarter();
  model = buildReportModel(run);
  html = renderHtml(model);
  mkdirSync(artifacts, { recursive: true });
}, 900_000); // long enough for apt-get to install chromium on a fresh Debian machine
afterAll(async () => {
  await browser?.close();
});

const size = (p: PdfPage): [number, number] => [Math.round(p.width), Math.round(p.height)];
const footer = (i: number, n: number) => `Page ${i + 1} of ${n}`;

/** Every heading and table caption the report has: none may end a page. */
function keptWithNext(m: ReportModel): Set<string> {
  const out = new Set<string>();
  const walk = (s: ReportSection) => {
    out.add(s.heading);
    for (const b of s.blocks) if (b.kind === 'table') out.add(b.caption);
    s.subsections.forEach(walk);
  };
  m.sections.forEach(walk);
  return out;
}

/** No heading or caption is the last thing on its page. */
function checkKept(pages: PdfPage[]): void {
  const kept = keptWithNext(model);
  pages.forEach((p, i) => {
    const body = p.lines.filter((l) => l.text !== footer(i, pages.length));
    const last = body[body.length - 1]?.text ?? '';
    expect(kept.has(last), `page ${i + 1} ends with the heading “${last}”`).toBe(false);
  });
}

function checkPrint(pages: PdfPage[]): void {
  const n = pages.length;
  // Measured here: 8 pages (6 portrait, 2 landscape). Fonts differ between machines, so the count may move by one.
  expect(n).toBeGreaterThanOrEqual(7);
  expect(n).toBeLessThanOrEqual(9);

  // "Page X of N" at the foot of every page, and nothing else there of the browser's (no date, URL or file name).
  pages.forEach((p, i) => {
    const last = p.lines[p.lines.length - 1];
    expect(last?.text).toBe(footer(i, n));
    expect(p.lines.map((l) => l.text).join(' ')).not.toMatch(/file:|report\.html|\d{1,2}\/\d{1,2}\/\d{2,4},/);
  });

  // A4 portrait, then A4 landscape from the detailed lists to the end.
  const firstWide = pages.findIndex((p) => p.width > p.height);
  expect(firstWide).toBeGreaterThan(0);
  pages.forEach((p, i) => expect(size(p)).toEqual(i < firstWide ? [595, 842] : [842, 595]));
  expect(pages[firstWide]?.lines[0]?.text).toBe('The actions in detail');
  expect(pages[firstWide - 1]?.lines.some((l) => l.text === 'The actions in detail')).toBe(false);

  checkKept(pages);

  // The theme table runs on to a second page, and its header row comes again at the top there.
  const caption = pages.findIndex((p) => p.lines.some((l) => l.text === 'Actions by theme and status'));
  const lastTheme = pages.findIndex((p) => p.lines.some((l) => l.text.startsWith('Theme 10 – Innovative')));
  expect(lastTheme).toBe(caption + 1);
  expect(pages[lastTheme]?.lines[0]?.text).toMatch(/^Theme RAG Completed On Some Major Not Total$/);
}

describe('the committee report printed by Chromium', () => {
  it('prints from the page (playwright) with page numbers, landscape lists and kept headings', async () => {
    const page = await browser.newPage();
    await page.setContent(html, { waitUntil: 'load' });
    const pdf = await page.pdf({ format: 'A4', printBackground: true, preferCSSPageSize: true });
    await page.close();
    writeFileSync(path.join(artifacts, 'committee-report.pdf'), pdf);
    const pages = await readPdf(pdf);
    checkPrint(pages);
    expect(pages.length).toBe(8);
  });

  it('keeps every heading with what follows it wherever the page breaks fall', async () => {
    // Lines added at the top move every break: without the page's keep rules these very shifts
    // leave "Areas of slippage", "Status changes" and "Re-profiled timescales" at the foot of a page.
    const page = await browser.newPage();
    for (const lines of [2, 3, 5, 6, 7]) {
      await page.setContent(html.replace('<main>', `<main>${'<p>Shift.</p>'.repeat(lines)}`), { waitUntil: 'load' });
      checkKept(await readPdf(await page.pdf({ format: 'A4', printBackground: true, preferCSSPageSize: true })));
    }
    await page.close();
  });

  it('prints the same from the command line’s headless --print-to-pdf', async () => {
    const found = await (await browserModule()).findBrowser();
    // The CLI starts a program by its path; a playwright channel's browser sits at its installer's path, which the CLI's finder also knows.
    const { findBrowser } = await import('../../src/host/find-browser.mjs');
    const program = found?.executablePath ?? (await findBrowser(process.env))?.executablePath;
    if (!program) throw new Error('no browser program to print with');
    const out = path.join(artifacts, 'committee-report-cli.pdf');
    const printed = await printPdf(html, out, program);
    expect(printed).toEqual({ ok: true });
    checkPrint(await readPdf(readFileSync(out)));
  }, 120_000);
});
