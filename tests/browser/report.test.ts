/**
 * The committee report in Chromium (self-contained, A4) and the panel's period comparison after
 * recording a period in the preview. Screenshots go to tests/artifacts/.
 */
import { writeFileSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dayFromIso } from '../../shared/dates/day';
import { recordPeriod } from '../../shared/history/record-period';
import { renderHtmlReport } from '../../shared/report/html-report';
import { prepareRun } from '../../shared/run/prepare-run';
import { MemoryWorkbook, MemoryWorkbookPort } from '../../src/memory/memory-workbook';
import { cipJune2018 } from '../fixtures/cip-june-2018';
import { cipSept2018, isoToSerial, type SamplePlan } from '../fixtures/cip-sept-2018';
import { artifact, axeViolations, buildDist, launchChromium, serveDist } from './helpers';

let browser: Browser;
let server: { url: string; close(): Promise<void> };
beforeAll(async () => {
  buildDist();
  server = await serveDist();
  browser = await launchChromium();
}, 900_000); // long enough for apt-get to install chromium on a fresh Debian machine
afterAll(async () => {
  await browser?.close();
  await server?.close();
});

function book(plan: SamplePlan): MemoryWorkbook {
  const b = new MemoryWorkbook();
  b.addSheet(plan.sheetName, plan.rows.map((r) => r.map((v) => (v !== null && typeof v === 'object' ? { date: isoToSerial(v.date) } : v))), plan.merges);
  return b;
}

/** June recorded on the June sheet, then the September sheet with that history: the seed's two quarters. */
async function quarterToQuarterHtml(): Promise<string> {
  const june = new MemoryWorkbookPort(book(cipJune2018()));
  const juneRun = prepareRun(await june.readWorkbook(), { today: dayFromIso('2018-06-30') ?? 0 });
  if (!juneRun.ok) throw new Error(juneRun.message);
  const recorded = recordPeriod(juneRun, 'June 2018', '2018-07-02T09:00:00');
  if ('problem' in recorded) throw new Error(recorded.problem);
  const sept = book(cipSept2018);
  const port = new MemoryWorkbookPort(sept);
  await port.writeHiddenSheet(recorded.sheet, recorded.rows);
  const run = prepareRun(await port.readWorkbook(), { today: dayFromIso('2018-09-30') ?? 0 });
  if (!run.ok) throw new Error(run.message);
  const again = recordPeriod(run, 'Sept 2018', '2018-10-01T09:00:00');
  if ('problem' in again) throw new Error(again.problem);
  await port.writeHiddenSheet(again.sheet, again.rows);
  const final = prepareRun(await port.readWorkbook(), { today: dayFromIso('2018-09-30') ?? 0 });
  if (!final.ok) throw new Error(final.message);
  return renderHtmlReport(final);
}

describe('the committee report in a browser', () => {
  it('shows the seed’s table, loads nothing remote, and prints to A4', async () => {
    const file = artifact('committee-report.html');
    writeFileSync(file, await quarterToQuarterHtml());
    const page = await browser.newPage();
    const remote: string[] = [];
    await page.route(/^https?:/, (route) => {
      remote.push(route.request().url());
      return route.abort();
    });
    await page.goto(pathToFileURL(file).href);
    const table = page.locator('table').first();
    expect(await table.locator('thead th').allTextContents()).toEqual(['Status', 'June 2018', 'Sept 2018', 'Change']);
    const rows = await table.locator('tbody tr, tfoot tr').allInnerTexts();
    expect(rows.map((r) => r.replace(/\s+/g, ' ').trim())).toEqual([
      'Completed 17 32 +15',
      'On track 41 21 −20',
      'Some slippage 1 8 +7',
      'Major slippage 0 0 0',
      'Not started 2 1 −1',
      'Grand Total 61 62 +1',
    ]);
    expect(await page.locator('svg').count()).toBeGreaterThan(0);
    expect(remote).toEqual([]);
    expect(await axeViolations(page)).toEqual([]);
    await page.screenshot({ path: artifact('committee-report.png'), fullPage: true });
    const pdf = await page.pdf({ format: 'A4', printBackground: true, preferCSSPageSize: true });
    // A4 is 595 × 842 points (Chromium writes 594.96 × 841.92).
    const box = /\/MediaBox \[0 0 ([\d.]+) ([\d.]+)\]/.exec(pdf.toString('latin1'));
    expect([Math.round(Number(box?.[1])), Math.round(Number(box?.[2]))]).toEqual([595, 842]);
    await page.close();
  });
});

describe('the panel compares with a recorded period', () => {
  it('records "June 2018" in the preview, then shows it beside this quarter', async () => {
    const page = await browser.newPage({ viewport: { width: 1280, height: 860 }, locale: 'en-GB' });
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await page.goto(`${server.url}/preview.html`);
    const panel = page.locator('#panel');
    await panel.locator('.pm-title').waitFor();
    await panel.getByLabel('As of').fill('2018-06-30');
    await panel.getByLabel('Period name').fill('June 2018');
    await panel.getByRole('button', { name: 'Record period', exact: true }).click();
    await expect.poll(() => panel.getByRole('status').textContent()).toContain('Recorded “June 2018”');
    await panel.getByLabel('As of').fill('2018-09-30');
    await panel.getByRole('button', { name: 'Check plan', exact: true }).click();
    const table = panel.locator('table.pm-table').first();
    await expect.poll(() => table.locator('thead th').allTextContents()).toEqual(['Status', 'June 2018', 'Actions', 'Change']);
    expect((await table.locator('tbody tr').allInnerTexts()).map((r) => r.replace(/\s+/g, ' ').trim())).toEqual(['Completed 32 32 0', 'On track 21 21 0', 'Some slippage 8 8 0', 'Major slippage 0 0 0', 'Not started 1 1 0']);
    expect((await table.locator('tfoot tr').innerText()).replace(/\s+/g, ' ').trim()).toBe('Grand Total 62 62 0');
    // What changed since June: nothing, on the same sheet; and the commentary is June's word for word, so the chase asks for it.
    const changes = panel.locator('details[data-section="changes"]');
    expect(await changes.locator('h3').textContent()).toBe('Changes since June 2018 (0)');
    await changes.locator('summary').click();
    expect(await changes.textContent()).toContain('No status changed, and no action was added or removed, since June 2018.');
    const chase = panel.locator('details[data-section="chase"]');
    expect(await chase.locator('h3').textContent()).toMatch(/^Chase lead officers \([1-9]\d*\)$/);
    await chase.locator('summary').click();
    expect(await chase.locator('.pm-chase-counts').allTextContents()).toContainEqual(expect.stringContaining('commentary unchanged'));
    expect(await axeViolations(page)).toEqual([]);
    // Recording the same name again asks first; keeping the old one changes nothing.
    await panel.getByLabel('Period name').fill('june 2018');
    await panel.getByRole('button', { name: 'Record period', exact: true }).click();
    await expect.poll(() => panel.getByRole('group', { name: 'Replace a recorded period?' }).isVisible()).toBe(true);
    await page.screenshot({ path: artifact('panel-period-comparison.png') });
    await panel.getByRole('button', { name: 'Keep the old one', exact: true }).click();
    await expect.poll(() => panel.getByRole('status').textContent()).toContain('Kept the period already recorded');
    expect(errors).toEqual([]);
    await page.close();
  });
});
