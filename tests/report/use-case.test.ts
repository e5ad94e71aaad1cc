// buildCommitteeReport: the one use case the panel and the CLI call for the committee report.
import { describe, expect, it } from 'vitest';
import { fixedClock } from '../../shared/app/clock';
import { describeProblem, reportWrittenMessage } from '../../shared/app/messages';
import { buildCommitteeReport } from '../../shared/app/use-cases';
import { dayFromIso } from '../../shared/dates/day';
import { renderHtml } from '../../shared/report/html-report';
import { MemoryWorkbook, MemoryWorkbookPort } from '../../src/memory/memory-workbook';
import { sampleQuarter } from './sample-quarter';

const clock = fixedClock(dayFromIso('2018-09-30') ?? 0);

describe('buildCommitteeReport', () => {
  it('reads the workbook afresh and gives the report model with its HTML page', async () => {
    const { port } = await sampleQuarter();
    const r = await buildCommitteeReport(port, clock, { title: 'Improvement Plan' });
    if (!r.ok) throw new Error(describeProblem(r.problem));
    expect(r.value.asOfSource).toBe('today');
    expect(r.value.model.heading).toBe('Improvement Plan – progress up to 30 September 2018');
    expect(r.value.model.sections.map((s) => s.id)).toEqual(['summary', 'status', 'themes', 'slippage', 'not-started', 'changes', 'reprofiled', 'lists']);
    expect(r.value.html).toBe(renderHtml(r.value.model));
    expect(r.value.html).toContain('<h1>Improvement Plan – progress up to 30 September 2018</h1>');
  });

  it('returns the coded problem when there is no plan to report on', async () => {
    const book = new MemoryWorkbook();
    book.addSheet('Notes', [['Nothing here']]);
    const r = await buildCommitteeReport(new MemoryWorkbookPort(book), clock);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.problem).toMatchObject({ code: 'cannot-read-plan', reason: 'no-plan' });
  });

  it('says what it wrote in one sentence', () => {
    expect(reportWrittenMessage('CIP Monitoring', ['r.html'])).toBe("Wrote the committee report for 'CIP Monitoring' to r.html.");
    expect(reportWrittenMessage('CIP Monitoring', ['r.html', 'r.docx', 'r.pdf'])).toBe("Wrote the committee report for 'CIP Monitoring' to r.html, r.docx and r.pdf.");
  });
});
