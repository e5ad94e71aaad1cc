// The committee report as a Word document: unzipped and read as WordprocessingML (headings with
// Word's style ids, repeating header rows, PAGE / NUMPAGES fields, the chart's image part and its
// alternative text, the title in the core properties), then opened by LibreOffice, a real reader,
// which must give back the report's words and print it with its page numbers.
import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { strFromU8, unzipSync } from 'fflate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildReportModel, type ReportChart, type ReportModel } from '../../shared/report/report-model';
import { renderDocx } from '../../src/report/docx-report';
import { pngFromSvg } from '../../src/report/png-from-svg';
import { aptInstall, isRootOnDebian } from '../helpers/apt';
import { convertWithSoffice, findSoffice } from '../helpers/soffice';
import { tempDir } from '../helpers/xlsx';
import { paragraphs } from '../helpers/docx';
import { readPdf } from './pdf-text';
import { sampleQuarter } from './sample-quarter';

let model: ReportModel;
let bytes: Uint8Array;
let parts: Record<string, Uint8Array>;
let dir: string;
const part = (name: string): string => {
  const p = parts[name];
  if (!p) throw new Error(`no part ${name}`);
  return strFromU8(p);
};

beforeAll(async () => {
  const { run } = await sampleQuarter();
  model = buildReportModel(run);
  const png = pngFromSvg();
  if (!png) throw new Error('@resvg/resvg-js is a dependency: run npm ci');
  bytes = await renderDocx(model, { pngForSvg: png });
  parts = unzipSync(bytes);
  dir = tempDir();
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('the committee report as a .docx', () => {
  it('has real Word headings: Title, then Heading 1 per section and Heading 2 per subsection, in the report’s order', () => {
    const doc = part('word/document.xml');
    const headings = paragraphs(doc).filter((p) => p.style === 'Title' || p.style === 'Heading1' || p.style === 'Heading2');
    const expected = [{ style: 'Title', text: 'Corporate Improvement Plan – progress up to 30 September 2018' }];
    for (const s of model.sections) {
      expected.push({ style: 'Heading1', text: s.heading });
      for (const sub of s.subsections) expected.push({ style: 'Heading2', text: sub.heading });
    }
    expect(headings).toEqual(expected);
    expect(headings.map((h) => h.text)).toContain('Areas of slippage');
    // The styles are Word's own, so a council's template restyles them.
    const styles = part('word/styles.xml');
    for (const [id, name] of [['Title', 'Title'], ['Heading1', 'Heading 1'], ['Heading2', 'Heading 2'], ['Caption', 'caption']]) {
      expect(styles).toMatch(new RegExp(`<w:style w:type="paragraph" w:styleId="${id}"><w:name w:val="${name}"/>`));
    }
  });

  it('says the report’s sentences, the council above the title', () => {
    const texts = paragraphs(part('word/document.xml')).map((p) => p.text);
    expect(texts[0]).toBe('Northmoor City Council');
    expect(texts).toContain('The Corporate Improvement Plan now contains 62 actions. 32 actions have now been completed, with 8 showing some slippage. Revised timescales are proposed in this report.');
    expect(texts).toContain('There are eight areas of slippage where actions are taking place and revised timescales are requested:');
    expect(texts.find((t) => t.startsWith('Undertake LGA Member / Member training (4.2) – '))).toMatch(/The original date was April 2018, revised to September 2018 and will now be extended to 30 November 2018\. How the date moved: April 2018 → September 2018 \(June 2018\) → 30 November 2018 \(Sept 2018\)\.$/);
  });

  it('has real tables whose header rows repeat on every page, and RAG cells coloured with their words', () => {
    const doc = part('word/document.xml');
    const tables = doc.match(/<w:tbl>/g) ?? [];
    const tableCount = model.sections.flatMap((s) => [s, ...s.subsections]).flatMap((s) => s.blocks).filter((b) => b.kind === 'table').length;
    expect(tables).toHaveLength(tableCount);
    expect(tableCount).toBe(8); // status, themes, status changes, added, re-profiled, slipped, overdue, not started (removed and due soon: "None.")
    // One header row per table, marked to repeat: <w:trPr> … <w:tblHeader/>.
    expect(doc.match(/<w:tblHeader\/>/g)).toHaveLength(tableCount);
    const amber = model.colours.amber;
    expect(doc).toContain(`<w:shd w:fill="${amber.fill.slice(1)}" w:color="auto" w:val="clear"/>`);
    expect(doc).toMatch(new RegExp(`<w:color w:val="${amber.text.slice(1)}"/>[^]*?<w:t xml:space="preserve">Some slippage</w:t>`));
  });

  it('puts the detailed lists on A4 landscape pages after A4 portrait ones, with "Page X of Y" fields in every footer', () => {
    const doc = part('word/document.xml');
    expect(doc.match(/<w:pgSz [^>]*\/>/g)).toEqual(['<w:pgSz w:w="11906" w:h="16838" w:orient="portrait"/>', '<w:pgSz w:w="16838" w:h="11906" w:orient="landscape"/>']);
    const footers = Object.keys(parts).filter((k) => /^word\/footer\d+\.xml$/.test(k));
    expect(footers).toHaveLength(2);
    for (const f of footers) {
      const xml = part(f);
      expect(paragraphs(xml).map((p) => p.text)).toEqual(['Page  of ']);
      expect([...xml.matchAll(/<w:instrText[^>]*>([^<]*)<\/w:instrText>/g)].map((m) => m[1]?.trim())).toEqual(['PAGE', 'NUMPAGES']);
      expect(xml.match(/<w:fldChar w:fldCharType="begin"\/>/g)).toHaveLength(2);
    }
  });

  it('draws the chart as a PNG image part, with the chart’s text alternative', () => {
    const chart = model.sections.flatMap((s) => s.blocks).find((b): b is ReportChart => b.kind === 'chart');
    if (!chart) throw new Error('no chart');
    const png = parts['word/media/image1.png'];
    expect(png && [...png.subarray(0, 8)]).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
    // Drawn at twice its CSS size: 1280 pixels wide.
    expect(png && new DataView(png.buffer, png.byteOffset + 16, 8).getUint32(0)).toBe(chart.width * 2);
    expect(part('word/_rels/document.xml.rels')).toMatch(/Type="http:\/\/schemas.openxmlformats.org\/officeDocument\/2006\/relationships\/image" Target="media\/image1.png"/);
    const doc = part('word/document.xml');
    const docPr = /<wp:docPr [^>]*\/>/.exec(doc)?.[0] ?? '';
    expect(docPr).toContain(`name="${chart.title}"`);
    expect(docPr).toContain(`descr="${chart.description}"`);
    expect(part('[Content_Types].xml')).toContain('<Default ContentType="image/png" Extension="png"/>');
  });

  it('carries the report’s title in the core properties', () => {
    const core = part('docProps/core.xml');
    expect(core).toContain('<dc:title>Northmoor City Council: Corporate Improvement Plan – progress up to 30 September 2018</dc:title>');
    expect(core).toContain('<dc:creator>Plan Monitor</dc:creator>');
    expect(core).toContain('<dc:subject>Corporate Improvement Plan</dc:subject>');
  });

  it('leaves the chart’s words in its place when no PNG can be drawn', async () => {
    const plain = unzipSync(await renderDocx(model));
    expect(Object.keys(plain).filter((k) => k.startsWith('word/media/'))).toEqual([]);
    expect(strFromU8(plain['word/document.xml'] ?? new Uint8Array())).toContain('One bar per theme, split by status, all on one scale.');
  });
});

/** LibreOffice converts a .docx only with Writer, which the Calc-only package the other tests install leaves out. */
function convertDocx(soffice: string, filter: string, file: string, ext: string): string {
  const out = path.join(dir, `${path.basename(file, '.docx')}.${ext}`);
  let r = convertWithSoffice(soffice, filter, [file], dir);
  if (!existsSync(out) && isRootOnDebian()) {
    aptInstall(['libreoffice-writer-nogui'], 'LibreOffice cannot open a .docx without Writer');
    r = convertWithSoffice(soffice, filter, [file], dir);
  }
  if (!existsSync(out)) throw new Error(`LibreOffice did not convert the .docx to ${ext} (install libreoffice-writer): ${r.stderr.trim()}`);
  return out;
}

describe('LibreOffice opens the .docx', () => {
  it('reads back the report’s words, and prints it to A4 with "Page 1 of N" in the footer', async () => {
    const soffice = findSoffice();
    const file = path.join(dir, 'committee-report.docx');
    writeFileSync(file, bytes);
    const text = readFileSync(convertDocx(soffice, 'txt:Text (encoded):UTF8', file, 'txt'), 'utf8').replace(/^\uFEFF/, '');
    const lines = text.split(/\r?\n/);
    expect(lines.slice(0, 3)).toEqual(['Northmoor City Council', 'Corporate Improvement Plan – progress up to 30 September 2018', 'Monitoring sheet: CIP Monitoring']);
    expect(lines).toContain('Areas of slippage');
    expect(lines).toContain("There is one action which is 'not started':");
    expect(text).toContain('Review the four yearly election cycle (1.5) – Not yet started.');

    const pages = await readPdf(readFileSync(convertDocx(soffice, 'pdf', file, 'pdf')));
    expect(pages.length).toBeGreaterThan(4);
    pages.forEach((p, i) => expect(p.lines.map((l) => l.text)).toContain(`Page ${i + 1} of ${pages.length}`));
    // Portrait A4 first, landscape A4 for the lists at the end.
    expect([Math.round(pages[0]?.width ?? 0), Math.round(pages[0]?.height ?? 0)]).toEqual([595, 842]);
    const last = pages[pages.length - 1];
    expect([Math.round(last?.width ?? 0), Math.round(last?.height ?? 0)]).toEqual([842, 595]);
  }, 900_000);
});
