// The committee report carries a slipped action's timeline from the history and the audit trail:
// the sample quarter (June 2018 and Sept 2018 recorded), then a reply merged in October moving 4.2
// again, reported through buildCommitteeReport as the panel and the CLI do, as HTML and as .docx.
import { strFromU8, unzipSync } from 'fflate';
import { JSDOM } from 'jsdom';
import { beforeAll, describe, expect, it } from 'vitest';
import { fixedClock } from '../../shared/app/clock';
import { describeProblem } from '../../shared/app/messages';
import { buildCommitteeReport, mergeReplyFiles, type CommitteeReport } from '../../shared/app/use-cases';
import { dayFromIso } from '../../shared/dates/day';
import type { ReportSection } from '../../shared/report/report-model';
import { renderDocx } from '../../src/report/docx-report';
import { pngFromSvg } from '../../src/report/png-from-svg';
import { replyFor } from '../merge/helpers';
import { sampleQuarter } from './sample-quarter';

const asOf = dayFromIso('2018-09-30') ?? 0;
const clock = fixedClock(asOf, '2018-10-05T10:00:00');
const moved =
  "How the date moved: April 2018 → September 2018 (June 2018) → 30 November 2018 (Sept 2018) → January 2019 (merge of reply '04-head-of-democratic-services.xlsx').";

let report: CommitteeReport;

beforeAll(async () => {
  const { port, run } = await sampleQuarter();
  // The lead officer of 4.2 answers the October request with a new revised date.
  const reply = replyFor(run, 'Head of Democratic Services', '04-head-of-democratic-services.xlsx').set('4.2', 'revised', 'Jan 2019');
  const merged = await mergeReplyFiles(port, clock, [{ name: reply.file, workbook: reply.workbook }], { asOf });
  if (!merged.ok) throw new Error(describeProblem(merged.problem));
  expect(merged.value.result.changes.map((c) => [c.ref, c.field, c.old, c.new])).toEqual([['4.2', 'revised date', '30/11/2018', 'Jan 2019']]);
  const r = await buildCommitteeReport(port, clock, { asOf });
  if (!r.ok) throw new Error(describeProblem(r.problem));
  report = r.value;
});

const slippage = (): string[] => {
  const s = report.model.sections.find((x) => x.id === 'slippage') as ReportSection;
  return s.blocks.flatMap((b) => (b.kind === 'list' ? b.items : []));
};

describe('the slipped actions’ timelines in the committee report', () => {
  it('ends 4.2’s paragraph with each date and where it was first seen: two periods, then the merged reply', () => {
    const items = slippage();
    const item = items.find((i) => i.startsWith('Undertake LGA Member / Member training (4.2) – '));
    // The sentence before it tells the dates as the history compares them (June recorded, the plan now).
    expect(item).toMatch(/ The original date was April 2018, revised to September 2018 and will now be extended to January 2019\. How the date moved: /);
    expect(item?.endsWith(` ${moved}`)).toBe(true);
    // The others moved once: their paragraph says so already, and no more.
    expect(items.filter((i) => i.includes('How the date moved'))).toEqual([item]);
  });

  it('shows the same words in the HTML page, as text', () => {
    const doc = new JSDOM(report.html).window.document;
    const li = [...doc.querySelectorAll('section[aria-labelledby="slippage"] li')].map((e) => e.textContent ?? '');
    expect(li.filter((t) => t.includes('How the date moved')).map((t) => t.slice(t.indexOf('How the date moved')))).toEqual([moved]);
    expect(report.html).toContain('(merge of reply &#39;04-head-of-democratic-services.xlsx&#39;).</li>');
  });

  it('shows the same words in the Word document, through the same model', async () => {
    const png = pngFromSvg();
    if (!png) throw new Error('@resvg/resvg-js is a dependency: run npm ci');
    const xml = strFromU8(unzipSync(await renderDocx(report.model, { pngForSvg: png }))['word/document.xml'] ?? new Uint8Array());
    const texts = [...xml.matchAll(/<w:p>([\s\S]*?)<\/w:p>/g)].map(([, inner = '']) =>
      [...inner.matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((m) => m[1]).join('').replace(/&apos;/g, "'").replace(/&amp;/g, '&'),
    );
    expect(texts.filter((t) => t.includes('How the date moved')).map((t) => t.slice(t.indexOf('How the date moved')))).toEqual([moved]);
  });
});
