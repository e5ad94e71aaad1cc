/**
 * What both panels' Word downloads must be: the same document, paragraph for paragraph, that the
 * Node renderer (the CLI's `report --docx`) makes from the same sample plan on the same day, with
 * its headings, the PAGE / NUMPAGES footer and the chart drawn by the browser's canvas as a PNG.
 */
import { readFileSync } from 'node:fs';
import type { Download } from 'playwright-core';
import { expect } from 'vitest';
import { buildCommitteeReport } from '../../shared/app/use-cases';
import { dayFromIso } from '../../shared/dates/day';
import { renderDocx } from '../../src/report/docx-report';
import { pngFromSvg } from '../../src/report/png-from-svg';
import { MemoryWorkbook, MemoryWorkbookPort } from '../../src/memory/memory-workbook';
import { cipSept2018, isoToSerial } from '../fixtures/cip-sept-2018';
import { docxParts, paragraphs, pngSize } from '../helpers/docx';

/** The sample as the preview and the sidebar stub hold it, reported on 30 September 2018. */
async function expected(): Promise<{ paragraphs: { style: string | null; text: string }[]; chart: { width: number; height: number } }> {
  const book = new MemoryWorkbook();
  book.addSheet(cipSept2018.sheetName, cipSept2018.rows.map((r) => r.map((c) => (c !== null && typeof c === 'object' ? { date: isoToSerial(c.date) } : c))), cipSept2018.merges);
  const today = dayFromIso('2018-09-30') ?? 0;
  const made = await buildCommitteeReport(new MemoryWorkbookPort(book), { today: () => today, now: () => '2018-09-30T12:00:00' });
  if (!made.ok) throw new Error(made.problem.code);
  const chart = made.value.model.sections.flatMap((s) => s.blocks).find((b) => b.kind === 'chart');
  if (chart?.kind !== 'chart') throw new Error('the sample report has no chart');
  return { paragraphs: paragraphs(docxParts(await renderDocx(made.value.model, { pngForSvg: pngFromSvg() ?? undefined })).text('word/document.xml')).filter((p) => p.text !== ''), chart };
}

export async function expectWordReport(download: Download): Promise<void> {
  expect(download.suggestedFilename()).toBe('committee-report-2018-09-30.docx');
  const file = docxParts(new Uint8Array(readFileSync(await download.path())));
  const doc = file.text('word/document.xml');
  const got = paragraphs(doc).filter((p) => p.text !== '');
  const want = await expected();
  expect(got).toEqual(want.paragraphs);
  expect(got.slice(0, 2)).toEqual([
    { style: 'Subtitle', text: 'Northmoor City Council' },
    { style: 'Title', text: 'Corporate Improvement Plan – progress up to 30 September 2018' },
  ]);
  expect(got.filter((p) => p.style === 'Heading1').map((p) => p.text)).toContain('Areas of slippage');
  expect(doc.match(/<w:tblHeader\/>/g)?.length).toBeGreaterThan(0);
  const footer = file.names.find((n) => /^word\/footer\d+\.xml$/.test(n)) ?? '';
  expect([...file.text(footer).matchAll(/<w:instrText[^>]*>([^<]*)<\/w:instrText>/g)].map((m) => m[1]?.trim())).toEqual(['PAGE', 'NUMPAGES']);
  // The chart, drawn by the page's canvas at twice its CSS size, with its text alternative.
  expect(pngSize(file.bytes('word/media/image1.png'))).toEqual({ width: want.chart.width * 2, height: want.chart.height * 2 });
  expect(/<wp:docPr [^>]*descr="([^"]+)"/.exec(doc)?.[1]).toMatch(/^One bar per theme/);
}
