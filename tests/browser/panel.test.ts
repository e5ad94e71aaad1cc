// The panel in a real browser (Debian's Chromium through playwright-core), over the preview's
// in-memory sample workbook: checking, going to cells, colours, the summary, settings, hostile cell
// text, the keyboard, the 300 px width, contrast in both looks and themes, and the built pages'
// remote resources. Screenshots go to tests/artifacts/.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { JSDOM } from 'jsdom';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { defaultPalette } from '../../shared/rag/palette';
import { makeList, makeReply } from './reply-file';
import { expectWordReport } from './word-download';
import { artifact, axeViolations, buildDist, dist, focusRing, launchChromium, rgb, serveDist, type Opened, watchPage } from './helpers';

const officeJs = 'https://appsforoffice.microsoft.com/lib/1/hosted/office.js';
const payload = '<img src=x onerror=alert(1)>';

let browser: Browser;
let context: BrowserContext;
let server: { url: string; close(): Promise<void> };

beforeAll(async () => {
  buildDist();
  server = await serveDist();
  browser = await launchChromium();
  context = await browser.newContext({ viewport: { width: 1280, height: 860 }, reducedMotion: 'reduce', locale: 'en-GB' });
}, 900_000); // long enough for apt-get to install chromium on a fresh Debian machine

afterAll(async () => {
  await browser?.close();
  await server?.close();
});


async function open(query = '', colorScheme: 'light' | 'dark' = 'light'): Promise<Opened> {
  const page = await context.newPage();
  await page.emulateMedia({ colorScheme });
  const { dialogs, errors } = watchPage(page);
  await page.goto(`${server.url}/preview.html${query}`);
  await page.locator('#panel .pm-title').waitFor();
  return { page, dialogs, errors, close: () => page.close() };
}

const panel = (page: Page) => page.locator('#panel');
const button = (page: Page, name: string) => panel(page).getByRole('button', { name, exact: true });
const statusText = (page: Page) => panel(page).getByRole('status');

/** The status table: the first table of the results, in the "Actions by status" section. */
const statusTable = (page: Page) => panel(page).locator('details[data-section="status"] table');
const section = (page: Page, key: string) => panel(page).locator(`details[data-section="${key}"]`);

/** Every section of the sample's results, in order, with its count (no period is recorded yet). */
const sampleHeadings = [
  'Actions by status (62)',
  'Themes (10)',
  'By lead officer (16)',
  'Errors (0)',
  'Warnings (4)',
  'Overdue (1)',
  'Due in the next 14 days (0)',
  'Slipped actions (8)',
  'Re-profiled timescales (8)',
  'Not started (1)',
  'Changes since the last period (0)',
  'Chase lead officers (1)',
];

/** Opens every section of the results, as a user clicking each heading would. */
async function openAll(page: Page): Promise<void> {
  const closed = panel(page).locator('.pm-results details:not([open]) > summary');
  for (let i = 0; i < 20 && (await closed.count()) > 0; i++) await closed.first().click();
  await expect.poll(() => panel(page).locator('.pm-results details:not([open])').count()).toBe(0);
}

async function checkPlan(page: Page): Promise<void> {
  await button(page, 'Check plan').click();
  await expect.poll(() => panel(page).locator('.pm-headline').count()).toBe(1);
}

function sheetCell(page: Page, cell: string) {
  return page.locator(`#sheet td[data-cell="${cell}"]`);
}

describe('the preview and the panel', () => {
  it('loads the sample sheet, and Check plan shows the headline, status counts and findings', async () => {
    const { page, errors, close } = await open();
    await expect.poll(() => page.locator('#sheet .sv-tab-current').textContent()).toBe('CIP Monitoring');
    expect(await sheetCell(page, 'A4').textContent()).toBe('Ref');
    expect(await sheetCell(page, 'H4').textContent()).toBe('Status');
    expect(await page.locator('#sheet .sv-tab').allTextContents()).toEqual(['CIP Monitoring', 'Notes']);
    expect(await panel(page).getByLabel('As of').inputValue()).toBe('');

    await checkPlan(page);
    // The run shows the date it used (today in the preview, 30/09/2018).
    expect(await panel(page).getByLabel('As of').inputValue()).toBe('30/09/2018');
    const headline = await panel(page).locator('.pm-headline').textContent();
    expect(headline).toContain('62 actions');
    expect(headline).toContain('0 errors');
    expect(headline).toContain('4 warnings');
    expect(await statusText(page).textContent()).toContain('62 actions');

    const rows = await statusTable(page)
      .locator('tbody tr')
      .evaluateAll((trs) => trs.map((tr) => [tr.querySelector('th')?.textContent, tr.querySelector('td')?.textContent]));
    expect(rows).toEqual([
      ['Completed', '32'],
      ['On track', '21'],
      ['Some slippage', '8'],
      ['Major slippage', '0'],
      ['Not started', '1'],
    ]);
    expect(await statusTable(page).locator('tfoot').textContent()).toBe('Grand Total62');
    // The chip carries the palette colour and the status text.
    const chip = panel(page).locator('.pm-chip', { hasText: 'On track' });
    expect(await chip.evaluate((el) => getComputedStyle(el).backgroundColor)).toBe(rgb(defaultPalette.green.fill));

    const headings = await panel(page).locator('.pm-results h3').allTextContents();
    expect(headings).toEqual(sampleHeadings);
    expect(await panel(page).locator('button.pm-warning').evaluateAll((bs) => bs.map((b) => b.getAttribute('data-cell')))).toEqual(['A16', 'A17', 'H49', 'G72']);
    expect(await panel(page).locator('.pm-results li button', { hasText: 'Workforce Planning' }).first().textContent()).toContain('30 days overdue');
    await page.screenshot({ path: artifact('preview-after-check.png') });
    expect(errors).toEqual([]);
    await close();
  });

  it('shows the whole quarter in sections with the sample’s counts, each list row selecting its cell', async () => {
    const { page, errors, close } = await open();
    await checkPlan(page);
    expect(await panel(page).locator('.pm-results h3').allTextContents()).toEqual(sampleHeadings);
    // Open as they come: the status table and the lists to act on first; the rest by their heading.
    const opened = await panel(page)
      .locator('.pm-results details')
      .evaluateAll((ds) => ds.filter((d) => (d as HTMLDetailsElement).open).map((d) => (d as HTMLElement).dataset.section));
    expect(opened).toEqual(['status', 'errors', 'warnings', 'overdue', 'due-soon']);
    expect(await section(page, 'slipped').locator('button.pm-item').first().isVisible()).toBe(false);
    await openAll(page);

    // Themes with their RAG as a word in its colour.
    const themes = section(page, 'themes').locator('tbody tr');
    expect(await themes.count()).toBe(10);
    const theme6 = themes.filter({ hasText: 'Theme 6 – Productive and skilled workforce' });
    expect(await theme6.locator('.pm-chip').textContent()).toBe('Green');
    expect(await theme6.locator('.pm-chip').evaluate((el) => getComputedStyle(el).backgroundColor)).toBe(rgb(defaultPalette.green.fill));
    expect(await themes.filter({ hasText: 'Amber' }).count()).toBe(7);
    expect(await section(page, 'leads').locator('tbody tr').count()).toBe(16);

    // The one overdue action, 6.4, and the lists of the quarter.
    const overdue = section(page, 'overdue').locator('button.pm-item');
    expect(await overdue.locator('.pm-cell').allTextContents()).toEqual(['6.4']);
    expect(await overdue.locator('.pm-meta').allTextContents()).toEqual(['Due 31/08/2018, 30 days overdue.', 'Status: On track.']);
    expect(await section(page, 'slipped').locator('button.pm-item .pm-cell').allTextContents()).toEqual(['1.4', '2.4', '2.4', '3.1', '4.2', '5.12', '9.6', '10.1']);
    const slipped = section(page, 'slipped').locator('button.pm-item').first();
    expect(await slipped.locator('.pm-meta').first().textContent()).toBe('Original Sep 2018 → revised Dec 2018.');
    expect(await slipped.locator('.pm-commentary').textContent()).toContain('Safer Stronger Board');
    expect(await section(page, 'not-started').locator('button.pm-item .pm-cell').allTextContents()).toEqual(['1.5']);
    expect(await section(page, 'changes').textContent()).toContain('No earlier period is recorded');
    expect(await section(page, 'chase').locator('li.pm-chase h4').allTextContents()).toEqual(['Director of HR and OD']);
    expect(await section(page, 'chase').locator('.pm-chase-counts').allTextContents()).toEqual(['1 overdue.']);

    // A row selects its cell: the slipped action 1.4's status, then the not-started 1.5's.
    await slipped.click();
    await expect.poll(() => page.locator('#sheet td.sv-selected').getAttribute('data-cell')).toBe('H9');
    await section(page, 'not-started').locator('button.pm-item').click();
    await expect.poll(() => page.locator('#sheet td.sv-selected').getAttribute('data-cell')).toBe('H10');
    expect(await statusText(page).textContent()).toBe("Selected H10 on 'CIP Monitoring' (action 1.5).");
    await panelShot(page, 'panel-whole-quarter.png');
    expect(errors).toEqual([]);
    await close();
  });

  it('the filter by theme and by lead officer narrows every list, and says so', async () => {
    const { page, close } = await open();
    await checkPlan(page);
    const theme = panel(page).getByLabel('Theme', { exact: true });
    const lead = panel(page).getByLabel('Lead officer', { exact: true });
    expect(await theme.locator('option').count()).toBe(11); // All themes, then the ten
    expect(await lead.locator('option').count()).toBe(17);

    await theme.focus();
    await theme.selectOption({ label: 'Theme 1 – City leadership' });
    await expect.poll(() => panel(page).locator('.pm-results h3').allTextContents()).toEqual([
      'Actions by status (62)',
      'Themes (10)',
      'By lead officer (16)',
      'Errors (0)',
      'Warnings (0 of 4)',
      'Overdue (0 of 1)',
      'Due in the next 14 days (0)',
      'Slipped actions (1 of 8)',
      'Re-profiled timescales (1 of 8)',
      'Not started (1)',
      'Changes since the last period (0)',
      'Chase lead officers (0 of 1)',
    ]);
    expect(await statusText(page).textContent()).toBe('The lists show only the actions of Theme 1 – City leadership.');
    expect(await section(page, 'overdue').locator('button.pm-item').count()).toBe(0);
    // The focus stays on the select, for the next choice.
    expect(await theme.evaluate((el) => el === document.activeElement)).toBe(true);

    await theme.selectOption({ label: 'Theme 6 – Productive and skilled workforce' });
    await expect.poll(() => section(page, 'overdue').locator('h3').textContent()).toBe('Overdue (1)');
    expect(await section(page, 'overdue').locator('button.pm-item .pm-cell').allTextContents()).toEqual(['6.4']);
    expect(await section(page, 'warnings').locator('h3').textContent()).toBe('Warnings (1 of 4)');
    expect(await section(page, 'warnings').locator('button.pm-item').getAttribute('data-cell')).toBe('H49');

    await lead.selectOption({ label: 'Director of Finance' });
    await expect.poll(() => section(page, 'overdue').locator('h3').textContent()).toBe('Overdue (0 of 1)');
    expect(await statusText(page).textContent()).toBe('The lists show only the actions of Theme 6 – Productive and skilled workforce led by Director of Finance.');
    await theme.selectOption({ label: 'All themes' });
    await expect.poll(() => section(page, 'slipped').locator('h3').textContent()).toBe('Slipped actions (1 of 8)');
    await lead.selectOption({ label: 'All lead officers' });
    await expect.poll(() => panel(page).locator('.pm-results h3').allTextContents()).toEqual(sampleHeadings);

    // The filter stays for the next run.
    await theme.selectOption({ label: 'Theme 9 – Improved service outcomes' });
    await checkPlan(page);
    await expect.poll(() => section(page, 'warnings').locator('h3').textContent()).toBe('Warnings (1 of 4)');
    expect(await panel(page).getByLabel('Theme', { exact: true }).locator('option:checked').textContent()).toBe('Theme 9 – Improved service outcomes');
    await close();
  });

  it('chase: Draft e-mail opens the mailto: link, or shows the draft where it cannot; Copy puts the draft on the clipboard', async () => {
    const { page, close } = await open();
    await page.context().grantPermissions(['clipboard-read', 'clipboard-write'], { origin: server.url });
    // window.open recorded, not followed: no mail program in a test. The first call is refused, as some hosts do.
    await page.evaluate(() => {
      const w = window as unknown as { __opened: string[]; open: (url: string) => Window | null };
      w.__opened = [];
      w.open = (url: string) => (w.__opened.push(url), w.__opened.length === 1 ? null : window);
    });
    await checkPlan(page);
    await section(page, 'chase').locator('summary').click();
    const draft = panel(page).getByRole('button', { name: 'Draft e-mail to Director of HR and OD', exact: true });
    await draft.click();
    const box = panel(page).getByLabel('Text of the e-mail to Director of HR and OD');
    await expect.poll(() => box.isVisible()).toBe(true);
    const text = await box.inputValue();
    expect(text.split('\n').slice(0, 3)).toEqual(['Subject: Improvement plan update needed: 1 action as of 30/09/2018', '', 'Dear Director of HR and OD,']);
    expect(text).toContain('- 6.4 Produce a Workforce Planning and Development Strategy (due 31/08/2018, 30 days overdue). Status: On track.');
    expect(await box.getAttribute('readonly')).not.toBeNull();
    expect(await statusText(page).textContent()).toContain('could not be opened from here');
    await draft.click();
    await expect.poll(() => statusText(page).textContent()).toContain('Opened a draft e-mail to Director of HR and OD');
    const opened = await page.evaluate(() => (window as unknown as { __opened: string[] }).__opened);
    expect(opened).toHaveLength(2);
    const url = new URL(opened[1] ?? '');
    expect(url.protocol).toBe('mailto:');
    expect(url.searchParams.get('subject')).toBe('Improvement plan update needed: 1 action as of 30/09/2018');
    expect(url.searchParams.get('body')).toBe(text.split('\n').slice(2).join('\r\n'));

    await panel(page).getByRole('button', { name: 'Copy the e-mail to Director of HR and OD', exact: true }).click();
    await expect.poll(() => statusText(page).textContent()).toBe('Copied the e-mail to Director of HR and OD: paste it into a new e-mail.');
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(text);
    await close();
  });

  it('Committee report opens the same report as the CLI in a new window to print, and offers it to download', async () => {
    const { page, errors, close } = await open();
    // The report tools are not in the pane's own script: they load with the first report, once.
    const toolScripts = () => page.evaluate(() => [...document.scripts].map((s) => s.getAttribute('src')).filter((s) => s?.includes('report-tools')));
    expect(await toolScripts()).toEqual([]);
    const [popup] = await Promise.all([page.waitForEvent('popup'), button(page, 'Committee report').click()]);
    await popup.waitForLoadState();
    expect(new URL(popup.url()).protocol).toBe('blob:');
    expect(await popup.title()).toBe('Northmoor City Council: Corporate Improvement Plan – progress up to 30 September 2018');
    expect(await popup.locator('h2').first().textContent()).toBe('Summary');
    expect(await popup.locator('p', { hasText: 'now contains 62 actions' }).textContent()).toContain('32 actions have now been completed, with 8 showing some slippage');
    expect(await popup.locator('table').first().locator('tr.total').innerText()).toMatch(/^Grand Total\s+62$/);
    await popup.close();
    await expect.poll(() => statusText(page).textContent()).toContain('Opened the committee report, “Northmoor City Council: Corporate Improvement Plan – progress up to 30 September 2018”, in a new window');
    // The run's results show in the panel too.
    expect(await panel(page).locator('.pm-headline').textContent()).toContain('62 actions');
    const link = panel(page).getByRole('link', { name: 'Download the committee report (committee-report-2018-09-30.html)' });
    const [download] = await Promise.all([page.waitForEvent('download'), link.click()]);
    expect(download.suggestedFilename()).toBe('committee-report-2018-09-30.html');
    const file = await download.path();
    expect(readFileSync(file, 'utf8')).toContain('<h2 id="summary">Summary</h2>');

    // The same report as Word, from the tools already loaded.
    expect(await toolScripts()).toEqual(['./report-tools.js']);
    const [word] = await Promise.all([page.waitForEvent('download'), button(page, 'Download as Word (.docx)').click()]);
    await expectWordReport(word);
    await expect.poll(() => statusText(page).textContent()).toContain('Downloaded the committee report as a Word document, committee-report-2018-09-30.docx');
    expect(await toolScripts()).toEqual(['./report-tools.js']);
    expect(await panel(page).getByRole('link', { name: 'Download the Word document again (committee-report-2018-09-30.docx)' }).count()).toBe(1);

    // Where no window opens (a host that blocks it), the download is offered and focused.
    await page.evaluate(() => (window.open = () => null));
    await button(page, 'Committee report').click();
    await expect.poll(() => statusText(page).textContent()).toContain('is ready to download');
    expect(await link.evaluate((el) => el === document.activeElement)).toBe(true);
    expect(await axeViolations(page)).toEqual([]);
    expect(errors).toEqual([]);
    await close();
  });

  it('Merge replies… reads a picked reply with the CLI’s .xlsx reader in the page and merges it into the sheet', async () => {
    const reply = makeReply();
    const { page, errors, close } = await open();
    expect(await page.evaluate(() => [...document.scripts].some((s) => s.getAttribute('src')?.includes('file-tools')))).toBe(false);
    const [chooser] = await Promise.all([page.waitForEvent('filechooser'), button(page, 'Merge replies…').click()]);
    expect(chooser.isMultiple()).toBe(true);
    await chooser.setFiles(reply.file);
    await expect.poll(() => statusText(page).textContent()).toContain("Merged 4 changes from 1 reply into 'CIP Monitoring'.");
    const box = panel(page).getByRole('region', { name: 'Merged replies' });
    expect(await box.locator('p').allTextContents()).toEqual(["Merged 4 changes from 1 reply into 'CIP Monitoring'.", "Added 4 rows to the audit trail (hidden sheet 'Plan Monitor Audit')."]);
    expect(await box.locator('li').allTextContents()).toEqual([
      `H24: action 3.4 status “On track” → “Some slippage” (from '${reply.name}', E4)`,
      `G24: action 3.4 revised date (empty) → “31/01/2019” (from '${reply.name}', D4)`,
      `I24: action 3.4 commentary “Post approved by Personnel Committee in September 2018; rec…” → “=cmd|calc” (from '${reply.name}', F4)`,
      `H49: action 6.4 status “On track” → “Completed” (from '${reply.name}', E8)`,
    ]);
    // The sheet holds the replies' values, the commentary as text; the results are the plan's as it now stands.
    expect(await sheetCell(page, 'H24').textContent()).toBe('Some slippage');
    expect(await sheetCell(page, 'I24').textContent()).toBe('=cmd|calc');
    expect(await sheetCell(page, 'H49').textContent()).toBe('Completed');
    expect(await panel(page).locator('.pm-headline').textContent()).toContain('62 actions');
    expect(await page.evaluate(() => [...document.scripts].filter((s) => s.getAttribute('src')?.includes('file-tools')).length)).toBe(1);

    // The same reply again changes nothing, and says so.
    const [again] = await Promise.all([page.waitForEvent('filechooser'), button(page, 'Merge replies…').click()]);
    await again.setFiles(reply.file);
    await expect.poll(() => statusText(page).textContent()).toContain("No changes to merge from 1 reply into 'CIP Monitoring'.");

    // A file that is not a workbook is refused in words that name it, and nothing is written.
    const [bad] = await Promise.all([page.waitForEvent('filechooser'), button(page, 'Merge replies…').click()]);
    await bad.setFiles({ name: 'notes.xlsx', mimeType: 'application/octet-stream', buffer: Buffer.from('not a workbook') });
    await expect.poll(() => panel(page).getByRole('alert').textContent()).toContain("'notes.xlsx' is not an Excel workbook (.xlsx). Nothing was merged.");
    expect(await axeViolations(page)).toEqual([]);
    expect(errors).toEqual([]);
    await close();
  });

  it('Add actions from a list… puts a picked CSV’s new actions under their themes with the next free refs', async () => {
    const list = makeList();
    const { page, errors, close } = await open();
    const [chooser] = await Promise.all([page.waitForEvent('filechooser'), button(page, 'Add actions from a list…').click()]);
    expect(chooser.isMultiple()).toBe(false);
    await chooser.setFiles(list.file);
    await expect.poll(() => statusText(page).textContent()).toContain("Added 2 new actions to 'CIP Monitoring' from 'peer-review.csv'.");
    const box = panel(page).getByRole('region', { name: 'Added actions' });
    expect(await box.locator('li').allTextContents()).toEqual([
      '3.7 in row 27, under Theme 3 – Effective management: “Review the senior leadership development programme” (Not started)',
      '10.4 in row 78, under Theme 10 – Innovative transformation: “Adopt a "digital first" customer strategy” (Not started)',
    ]);
    expect(await sheetCell(page, 'A27').textContent()).toBe('3.7');
    expect(await sheetCell(page, 'B27').textContent()).toBe('Review the senior leadership development programme');
    expect(await panel(page).locator('.pm-headline').textContent()).toContain('64 actions');
    expect(await axeViolations(page)).toEqual([]);
    expect(errors).toEqual([]);
    await close();
  });

  it('clicking a finding moves the selection in the sheet to its cell', async () => {
    const { page, close } = await open();
    await checkPlan(page);
    await panel(page).locator('button.pm-warning[data-cell="H49"]').click();
    await expect.poll(() => page.locator('#sheet td.sv-selected').getAttribute('data-cell')).toBe('H49');
    expect(await page.locator('#sheet .sv-namebox').textContent()).toBe('Selected: H49');
    expect(await statusText(page).textContent()).toContain("Selected H49 on 'CIP Monitoring'");
    // The overdue list goes to the action's status cell too.
    await panel(page).locator('.pm-results button', { hasText: 'Workforce Planning' }).first().click();
    await expect.poll(() => page.locator('#sheet td.sv-selected').getAttribute('data-cell')).toBe('H49');
    await panel(page).locator('button.pm-warning[data-cell="G72"]').click();
    await expect.poll(() => page.locator('#sheet td.sv-selected').getAttribute('data-cell')).toBe('G72');
    await close();
  });

  it('Apply RAG colours colours the status cells, and Build summary adds the Plan Summary sheet', async () => {
    const { page, close } = await open();
    const background = (cell: string) => sheetCell(page, cell).evaluate((el) => getComputedStyle(el).backgroundColor);
    expect(await background('H49')).toBe('rgba(0, 0, 0, 0)');
    await button(page, 'Apply RAG colours').click();
    await expect.poll(() => statusText(page).textContent()).toContain("Coloured 62 status cells on 'CIP Monitoring'.");
    expect(await background('H49')).toBe(rgb(defaultPalette.green.fill)); // On track
    expect(await background('H6')).toBe(rgb(defaultPalette.blue.fill)); // Completed
    expect(await sheetCell(page, 'H6').evaluate((el) => getComputedStyle(el).color)).toBe(rgb(defaultPalette.blue.text));
    expect(await background('G6')).toBe('rgba(0, 0, 0, 0)'); // nothing else touched
    expect(await panel(page).locator('.pm-headline').textContent()).toContain('62 actions');
    await panel(page).locator('button.pm-warning[data-cell="H49"]').click();
    await expect.poll(() => page.locator('#sheet td.sv-selected').getAttribute('data-cell')).toBe('H49');
    await page.screenshot({ path: artifact('preview-after-apply.png') });

    await button(page, 'Build summary').click();
    await expect.poll(() => statusText(page).textContent()).toContain("Wrote the summary to sheet 'Plan Summary'.");
    expect(await page.locator('#sheet .sv-tab').allTextContents()).toEqual(['CIP Monitoring', 'Notes', 'Plan Summary']);
    await page.locator('#sheet .sv-tab', { hasText: 'Plan Summary' }).click();
    await expect.poll(() => page.locator('#sheet .sv-tab-current').textContent()).toBe('Plan Summary');
    expect(await page.locator('#sheet td', { hasText: 'Grand Total' }).count()).toBeGreaterThan(0);
    await page.screenshot({ path: artifact('preview-summary-sheet.png') });
    await close();
  });

  it('settings: remapping the Status column is saved, explained and checked; remapping back restores the plan', async () => {
    const { page, close } = await open();
    await checkPlan(page);
    await button(page, 'Settings').click();
    const settings = panel(page).locator('.pm-settings');
    await settings.getByRole('heading', { name: 'Settings' }).waitFor();
    expect(await panel(page).getByRole('button', { name: 'Close settings' }).getAttribute('aria-expanded')).toBe('true');
    expect(await panel(page).locator('.pm-results').isHidden()).toBe(true);

    const status = settings.getByLabel('Status', { exact: true });
    const options = await status.locator('option').allTextContents();
    expect(options[0]).toBe('Detected: Status (column H)');
    expect(options).toContain('I: Progress Update');
    expect(options).not.toContain('Not used'); // Status is required
    expect(await settings.getByLabel('Lead member').locator('option').first().textContent()).toBe('Detected: Lead Member (column D)');
    expect(await settings.getByLabel('Theme', { exact: true }).locator('option').first().textContent()).toBe('Not used');
    expect(await settings.getByLabel('Due soon means due within (days)').inputValue()).toBe('14');
    expect(await settings.getByLabel('Green fill').inputValue()).toBe(defaultPalette.green.fill.toLowerCase());
    await panelShot(page, 'panel-settings.png');

    await status.selectOption({ label: 'I: Progress Update' });
    await settings.getByRole('button', { name: 'Save settings' }).click();
    await expect.poll(() => statusText(page).textContent()).toContain("Saved in the workbook (hidden sheet 'Plan Monitor Settings')");
    expect(await statusText(page).textContent()).toMatch(/62 actions, [1-9]\d* errors/);
    expect(await settings.isHidden()).toBe(true);
    const errorsHeading = await section(page, 'errors').locator('h3').textContent();
    expect(errorsHeading).toMatch(/^Errors \([1-9]\d*\)$/);
    expect(await panel(page).locator('button.pm-error').first().textContent()).toMatch(/^I\d+/);
    // The settings sheet is hidden, as in Excel: no new tab.
    expect(await page.locator('#sheet .sv-tab').allTextContents()).toEqual(['CIP Monitoring', 'Notes']);

    await button(page, 'Settings').click();
    await settings.getByRole('heading', { name: 'Settings' }).waitFor();
    expect(await settings.getByLabel('Status', { exact: true }).inputValue()).toBe('I');
    expect(await settings.getByLabel('Status', { exact: true }).locator('option').first().textContent()).toBe('Find it from the headings');
    await settings.getByLabel('Status', { exact: true }).selectOption({ label: 'H: Status' });
    await settings.getByRole('button', { name: 'Save settings' }).click();
    await expect.poll(() => panel(page).locator('.pm-headline').textContent()).toContain('0 errors');
    expect(await statusText(page).textContent()).toContain('Saved in the workbook');

    // A bad value is refused with a message naming it, and the form stays open to fix it.
    await button(page, 'Settings').click();
    await settings.getByRole('heading', { name: 'Settings' }).waitFor();
    await settings.getByLabel('Due soon means due within (days)').fill('400');
    await settings.getByRole('button', { name: 'Save settings' }).click();
    await expect.poll(() => panel(page).getByRole('alert').textContent()).toContain("Setting 'dueSoonDays' must be at most 366.");
    expect(await settings.isVisible()).toBe(true);
    await close();
  });

  it('shows hostile cell text as text: no <img> is made and no dialog opens', async () => {
    const { page, dialogs, errors, close } = await open('?xss=1');
    expect(await sheetCell(page, 'B49').textContent()).toBe(payload);
    expect(await sheetCell(page, 'I49').textContent()).toBe(payload);
    await checkPlan(page);
    const overdue = panel(page).locator('.pm-results button', { hasText: payload });
    expect(await overdue.count()).toBe(1);
    expect(await overdue.locator('.pm-msg').textContent()).toBe(payload);
    await button(page, 'Build summary').click();
    await expect.poll(() => page.locator('#sheet .sv-tab').count()).toBe(3);
    await page.locator('#sheet .sv-tab', { hasText: 'Plan Summary' }).click();
    expect(await page.locator('#sheet td', { hasText: payload }).count()).toBeGreaterThan(0);
    await page.waitForTimeout(200);
    expect(await page.locator('img').count()).toBe(0);
    expect(dialogs).toEqual([]);
    expect(errors).toEqual([]);
    await close();
  });

  it('is usable by keyboard: Enter runs Check plan, every control in tab order with a name, Escape closes settings', async () => {
    const { page, close } = await open();
    await button(page, 'Check plan').focus();
    await page.keyboard.press('Enter');
    await expect.poll(() => panel(page).locator('.pm-headline').textContent()).toContain('62 actions');
    // The run brings its results into view and focuses their heading (out of the tab order), as the ribbon's commands do.
    await expect.poll(() => page.evaluate(() => document.activeElement?.textContent)).toBe('Results');
    expect(await page.evaluate(() => (document.activeElement as HTMLElement).tabIndex)).toBe(-1);
    expect(await panel(page).locator('.pm-results h2').evaluate((el) => el.getBoundingClientRect().top)).toBeLessThan(860);

    // Number the panel's focusable controls in document order.
    const expected = await numberStops(page);
    // As of and its calendar, seven buttons, the period name and its button; then the results: the
    // headings of the three tables' sections, the two filters, and the lists' headings with the rows
    // of those open (four warnings, one overdue action).
    expect(expected.length).toBe(30);
    for (const c of expected) expect(c.name, `${c.tag} has no accessible name`).not.toBe('');
    expect(expected.slice(0, 11).map((c) => c.name)).toEqual(['As of', 'Choose the as-of date from a calendar', 'Check plan', 'Apply RAG colours', 'Build summary', 'Committee report', 'Merge replies…', 'Add actions from a list…', 'Settings', 'Period name', 'Record period']);
    expect(expected.slice(11).map((c) => `${c.tag} ${c.name}`)).toEqual([
      'summary Actions by status (62)',
      'summary Themes (10)',
      'summary By lead officer (16)',
      'select Theme',
      'select Lead officer',
      'summary Errors (0)',
      'summary Warnings (4)',
      ...['A16', 'A17', 'H49', 'G72'].map((cell) => expect.stringMatching(new RegExp(`^button ${cell} `))),
      'summary Overdue (1)',
      expect.stringMatching(/^button 6\.4 Produce a Workforce Planning/),
      'summary Due in the next 14 days (0)',
      'summary Slipped actions (8)',
      'summary Re-profiled timescales (8)',
      'summary Not started (1)',
      'summary Changes since the last period (0)',
      'summary Chase lead officers (1)',
    ]);
    await tabThrough(page, expected);

    // Every section opens from the keyboard, and everything in it is reached by Tab with a visible ring.
    for (let i = 0; i < 12; i++) {
      const closed = panel(page).locator('.pm-results details:not([open]) > summary').first();
      if ((await closed.count()) === 0) break;
      await closed.focus();
      await page.keyboard.press('Enter');
    }
    expect(await panel(page).locator('.pm-results details:not([open])').count()).toBe(0);
    const all = await numberStops(page);
    // Eight slipped, eight re-profiled and one not-started action, and the chase's Draft e-mail and Copy.
    expect(all.length).toBe(30 + 8 + 8 + 1 + 2);
    expect(all.slice(-2).map((c) => c.name)).toEqual(['Draft e-mail to Director of HR and OD', 'Copy the e-mail to Director of HR and OD']);
    await tabThrough(page, all);
    // Space closes a section again.
    await panel(page).locator('details[data-section="slipped"] > summary').focus();
    await page.keyboard.press('Space');
    expect(await section(page, 'slipped').evaluate((d) => (d as HTMLDetailsElement).open)).toBe(false);

    // The check itself sees a focus with no ring.
    await page.addStyleTag({ content: '#panel *:focus-visible { outline: none !important; box-shadow: none !important; }' });
    await button(page, 'Check plan').focus();
    await page.keyboard.press('Tab');
    expect(await page.evaluate(focusRing)).toMatch(/^none: fluent-button/);
    await page.evaluate(() => document.head.lastElementChild?.remove());

    // The focus ring is visible on a keyboard-focused button.
    await button(page, 'Build summary').focus();
    await page.keyboard.press('Shift+Tab');
    expect(await page.evaluate(() => (document.activeElement as HTMLElement).textContent)).toBe('Apply RAG colours');
    expect(await button(page, 'Apply RAG colours').evaluate((el) => getComputedStyle(el).outlineStyle)).toBe('solid');

    // Settings open by keyboard, start at the first column, and Escape closes them back to the button.
    await button(page, 'Settings').focus();
    await page.keyboard.press('Enter');
    await panel(page).getByRole('heading', { name: 'Settings' }).waitFor();
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => (document.activeElement as HTMLSelectElement).labels?.[0]?.textContent)).toBe('Ref');
    // Every settings control, by Tab alone, to Save and Cancel, each with a visible ring.
    const settingsStops: string[] = [];
    for (let i = 0; i < 40; i++) {
      const name = await page.evaluate(() => {
        const el = document.activeElement as HTMLElement | null;
        if (!el || !el.closest('.pm-settings')) return null;
        return (el as HTMLInputElement).labels?.[0]?.textContent ?? el.textContent ?? '';
      });
      if (name === null) break;
      settingsStops.push(name);
      expect(await page.evaluate(focusRing), `settings: ${name}`).toMatch(/^visible/);
      await page.keyboard.press('Tab');
    }
    expect(settingsStops.slice(-2)).toEqual(['Save settings', 'Cancel']);
    expect(settingsStops).toContain('Due soon means due within (days)');
    expect(settingsStops).toContain('Green fill');
    await button(page, 'Close settings').focus();
    await page.keyboard.press('Shift+Tab');
    await page.keyboard.press('Tab');
    expect(await page.evaluate(focusRing)).toMatch(/^visible/);
    await page.keyboard.press('Escape');
    await expect.poll(() => panel(page).locator('.pm-settings').isHidden()).toBe(true);
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Settings');
    expect(await panel(page).locator('.pm-results').isVisible()).toBe(true);
    await close();
  });

  it('fits 300 px without horizontal scrolling, with text contrast of at least 4.5:1, in both looks, light and dark', async () => {
    // Each look is its own panel (Fluent UI Web Components, or native controls): opened in that look,
    // then checked after Check plan, with an error showing, and with the settings open.
    for (const look of ['fluent', 'google'] as const) {
      const { page, close } = await open(`?look=${look}`);
      expect(await panel(page).evaluate((el, l) => el.classList.contains(l), look)).toBe(true);
      const schemes = async (shots: (scheme: string) => string | null) => {
        for (const scheme of ['light', 'dark'] as const) {
          await page.emulateMedia({ colorScheme: scheme });
          expect(await panel(page).evaluate((el, l) => el.classList.contains(l), look)).toBe(true);
          await assertFits(page);
          // Measured at rest: not while work is running, nor while a colour is still easing in (a button
          // fading back from its busy grey reads as low contrast for a moment on a loaded machine).
          await page.waitForFunction(() => !document.querySelector('[aria-busy="true"]') && document.getAnimations().every((a) => !(a instanceof CSSTransition) || a.playState !== 'running'));
          expect(await lowContrast(page), `${look} ${scheme}`).toEqual([]);
          const shot = shots(scheme);
          if (shot) await panelShot(page, shot);
        }
      };
      await checkPlan(page);
      await schemes(() => null);
      // Every section open, a chase draft showing: still no sideways scrolling, still readable.
      await openAll(page);
      await page.evaluate(() => (window.open = () => null));
      await panel(page).getByRole('button', { name: 'Draft e-mail to Director of HR and OD', exact: true }).click();
      await panel(page).getByLabel('Text of the e-mail to Director of HR and OD').waitFor();
      await schemes((scheme) => (scheme === 'dark' ? `panel-${look}-dark.png` : look === 'google' ? 'panel-google.png' : null));
      if (look === 'google') await page.screenshot({ path: artifact('preview-dark.png') });

      // An error message fits and reads well too.
      await panel(page).getByLabel('Period name').fill('');
      await panel(page).getByRole('button', { name: 'Record period', exact: true }).click();
      await expect.poll(() => panel(page).getByRole('alert').textContent()).toContain('Give the period a name');
      await schemes(() => null);

      // And the settings view.
      await panel(page).getByLabel('As of').fill('2018-09-30');
      await button(page, 'Settings').click();
      await panel(page).getByRole('heading', { name: 'Settings' }).waitFor();
      await schemes((scheme) => (look === 'fluent' && scheme === 'dark' ? 'panel-settings-dark.png' : null));
      await close();
    }
  });

  it('the preview’s Look menu mounts the panel again in that look: Fluent UI Web Components for Excel, native controls for Sheets', async () => {
    const { page, errors, close } = await open();
    const tags = () => panel(page).evaluate((root) => ({ fluent: root.querySelectorAll('fluent-button').length, native: root.querySelectorAll('button').length }));
    expect(await button(page, 'Check plan').evaluate((el) => el.tagName)).toBe('FLUENT-BUTTON');
    expect((await tags()).native).toBe(0);
    await page.locator('#look').selectOption('google');
    await expect.poll(() => button(page, 'Check plan').evaluate((el) => el.tagName)).toBe('BUTTON');
    expect((await tags()).fluent).toBe(0);
    expect(new URL(page.url()).searchParams.get('look')).toBe('google');
    await checkPlan(page); // the same workbook, in the new panel
    await page.locator('#look').selectOption('fluent');
    await expect.poll(() => button(page, 'Check plan').evaluate((el) => el.tagName)).toBe('FLUENT-BUTTON');
    await checkPlan(page);
    expect(await panel(page).locator('.pm-headline').textContent()).toContain('62 actions');
    expect(errors).toEqual([]);
    await close();
  });

  it('shows a busy indicator and progress for slow work, with the buttons unavailable until it ends', async () => {
    const { page, close } = await open('?slow=700');
    await button(page, 'Apply RAG colours').click();
    await expect.poll(() => statusText(page).textContent()).toContain('Writing colours…');
    expect(await panel(page).locator('.pm-spinner').isVisible()).toBe(true);
    expect(await button(page, 'Check plan').getAttribute('aria-disabled')).toBe('true');
    await panelShot(page, 'panel-busy.png');
    await expect.poll(() => statusText(page).textContent(), { timeout: 5000 }).toContain('Coloured 62 status cells');
    expect(await panel(page).locator('.pm-spinner').isVisible()).toBe(false);
    expect(await button(page, 'Check plan').getAttribute('aria-disabled')).toBeNull();
    await close();
  });

  it('follows the host theme class: .dark forces dark colours, .light keeps light ones under a dark system theme', async () => {
    const { page, close } = await open('?theme=dark', 'light');
    const background = () => panel(page).evaluate((el) => getComputedStyle(el).backgroundColor);
    expect(await background()).toBe('rgb(41, 41, 41)');
    await panel(page).evaluate((el) => el.classList.replace('dark', 'light'));
    await page.emulateMedia({ colorScheme: 'dark' });
    expect(await background()).toBe('rgb(255, 255, 255)');
    await panel(page).evaluate((el) => el.classList.remove('light'));
    expect(await background()).toBe('rgb(41, 41, 41)');
    await close();
  });
});

describe('accessibility: axe-core finds nothing', () => {
  // The whole preview page (the read-only sheet, the Look menu and the panel) in each look, light
  // and dark: as it opens, after Check plan, with an error showing, and with the settings open.
  for (const look of ['fluent', 'google'] as const) {
    for (const scheme of ['light', 'dark'] as const) {
      it(`the preview in the ${look} look, ${scheme}: on opening, after Check plan, with every section open, with an error, with Settings open`, async () => {
        const { page, errors, close } = await open(`?look=${look}`, scheme);
        expect(await axeViolations(page), 'on opening').toEqual([]);
        await checkPlan(page);
        expect(await axeViolations(page), 'after Check plan').toEqual([]);
        await openAll(page);
        await page.evaluate(() => (window.open = () => null));
        await panel(page).getByRole('button', { name: 'Draft e-mail to Director of HR and OD', exact: true }).click();
        await panel(page).getByLabel('Text of the e-mail to Director of HR and OD').waitFor();
        await panel(page).getByLabel('Theme', { exact: true }).selectOption({ label: 'Theme 6 – Productive and skilled workforce' });
        expect(await axeViolations(page), 'with every section open, a draft showing and a filter chosen').toEqual([]);
        await panel(page).getByRole('button', { name: 'Record period', exact: true }).click();
        await expect.poll(() => panel(page).getByRole('alert').textContent()).toContain('Give the period a name');
        expect(await axeViolations(page), 'with an error').toEqual([]);
        await button(page, 'Settings').click();
        await panel(page).getByRole('heading', { name: 'Settings' }).waitFor();
        expect(await axeViolations(page), 'with Settings open').toEqual([]);
        expect(errors).toEqual([]);
        await close();
      });
    }
  }

  it('the check itself finds a control without a name', async () => {
    const { page, close } = await open();
    // A Fluent button as the panel makes them (role="button"), with no text and no aria-label.
    await panel(page).evaluate((root) => root.append(Object.assign(document.createElement('fluent-button'), { role: 'button' })));
    expect(await axeViolations(page)).toEqual([expect.stringMatching(/^aria-command-name \(serious\): \["#panel > fluent-button"\]/)]);
    await close();
  });
});

/**
 * Numbers the panel's focusable controls in document order (data-tab-order), with their names:
 * every control a keyboard user should reach, the sections' <summary> headings included.
 */
function numberStops(page: Page): Promise<{ tag: string; name: string }[]> {
  return panel(page).evaluate((root) => {
    // The content of a closed <details> keeps its boxes (Chromium hides it with content-visibility), but no Tab reaches it.
    const inClosedSection = (el: HTMLElement): boolean => {
      for (let d = el.closest('details'); d; d = d.parentElement?.closest('details') ?? null) {
        if (!d.open && !d.querySelector(':scope > summary')?.contains(el)) return true;
      }
      return false;
    };
    const focusable = Array.from(root.querySelectorAll<HTMLElement>('button, input, select, textarea, summary, a[href], [tabindex]')).filter(
      (el) => el.tabIndex >= 0 && !(el as HTMLButtonElement).disabled && el.getClientRects().length > 0 && !inClosedSection(el),
    );
    const nameOf = (el: HTMLElement): string => {
      const aria = el.getAttribute('aria-label');
      if (aria) return aria;
      const by = el.getAttribute('aria-labelledby');
      if (by) return by.split(' ').map((id) => document.getElementById(id)?.textContent ?? '').join(' ');
      const labels = (el as HTMLInputElement).labels;
      if (labels && labels.length > 0) return Array.from(labels).map((l) => l.textContent ?? '').join(' ');
      return el.textContent ?? '';
    };
    root.querySelectorAll<HTMLElement>('[data-tab-order]').forEach((el) => delete el.dataset.tabOrder);
    return focusable.map((el, i) => {
      el.dataset.tabOrder = String(i);
      return { tag: el.tagName.toLowerCase(), name: nameOf(el).replace(/\s+/g, ' ').trim() };
    });
  });
}

/** Tabs from As of through every numbered stop, in order, each showing a visible focus ring. */
async function tabThrough(page: Page, expected: { name: string }[]): Promise<void> {
  await panel(page).getByLabel('As of').focus();
  const seen: number[] = [];
  const rings: string[] = [];
  for (let i = 0; i < expected.length * 4; i++) {
    const at = await page.evaluate(() => (document.activeElement as HTMLElement | null)?.dataset.tabOrder ?? 'outside');
    if (at === 'outside') break;
    if (seen[seen.length - 1] !== Number(at)) {
      seen.push(Number(at));
      // Reached by Tab, each stop shows a focus ring a sighted keyboard user can see.
      rings.push(await page.evaluate(focusRing));
    }
    await page.keyboard.press('Tab');
  }
  expect(seen).toEqual(expected.map((_, i) => i));
  for (const [i, ring] of rings.entries()) expect(ring, `stop ${i} (${expected[i]?.name ?? '?'})`).toMatch(/^visible/);
}

/** The whole panel, however long: the viewport grows to fit it for the picture, then goes back. */
async function panelShot(page: Page, name: string): Promise<void> {
  const height = await panel(page).evaluate((el) => Math.ceil(el.scrollHeight));
  await page.setViewportSize({ width: 1280, height: Math.max(860, height + 60) });
  await page.locator('.pv-pane').screenshot({ path: artifact(name) });
  await page.setViewportSize({ width: 1280, height: 860 });
}

async function assertFits(page: Page): Promise<void> {
  const sizes = await page.locator('.pv-pane').evaluate((pane) => ({ scroll: pane.scrollWidth, client: pane.clientWidth }));
  expect(sizes.scroll).toBeLessThanOrEqual(sizes.client);
  const panelSizes = await panel(page).evaluate((el) => ({ width: el.getBoundingClientRect().width, scroll: el.scrollWidth, client: el.clientWidth }));
  expect(panelSizes.width).toBe(300);
  expect(panelSizes.scroll).toBeLessThanOrEqual(panelSizes.client);
}

/** Text in the panel whose colour is under 4.5:1 on the background behind it (disabled controls excepted). */
function lowContrast(page: Page): Promise<string[]> {
  return panel(page).evaluate((root) => {
    const parse = (c: string): number[] => (c.match(/[\d.]+/g) ?? []).map(Number);
    const lum = ([r, g, b]: number[]) => {
      const ch = (v: number) => {
        const s = v / 255;
        return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
      };
      return 0.2126 * ch(r ?? 0) + 0.7152 * ch(g ?? 0) + 0.0722 * ch(b ?? 0);
    };
    const backgroundOf = (el: Element | null): number[] => {
      for (let e = el; e; e = e.parentElement) {
        const c = parse(getComputedStyle(e).backgroundColor);
        if (c.length === 3 || (c.length === 4 && (c[3] ?? 0) > 0.5)) return c.slice(0, 3);
      }
      return [255, 255, 255];
    };
    const bad: string[] = [];
    const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
    for (let n = walker.nextNode(); n; n = walker.nextNode()) {
      const el = n.parentElement;
      if (!el || !(n.textContent ?? '').trim() || el.getClientRects().length === 0) continue;
      if (el.closest('[disabled], [aria-disabled="true"], .sv-visually-hidden, option')) continue;
      const fg = parse(getComputedStyle(el).color);
      const bg = backgroundOf(el);
      const a = lum(fg);
      const b = lum(bg);
      const ratio = (Math.max(a, b) + 0.05) / (Math.min(a, b) + 0.05);
      if (ratio < 4.5) bad.push(`${ratio.toFixed(2)}: "${(n.textContent ?? '').trim().slice(0, 40)}" (${getComputedStyle(el).color} on rgb(${bg.join(', ')}))`);
    }
    return bad;
  });
}

/** A stand-in for office.js (routed in place of Microsoft's CDN, so tests never reach the network). */
const fakeOffice = `
window.__dialogs = [];
window.__associated = {};
window.Office = {
  HostType: { Excel: 'Excel' },
  AsyncResultStatus: { Succeeded: 'succeeded', Failed: 'failed' },
  EventType: { DialogMessageReceived: 'dialogMessageReceived', DialogEventReceived: 'dialogEventReceived' },
  context: {
    officeTheme: { bodyBackgroundColor: '#262626' },
    requirements: { isSetSupported: function () { return true; } },
    ui: {
      displayDialogAsync: function (url, options, callback) {
        var handlers = {};
        var dialog = { url: url, options: options, closed: false, handlers: handlers,
          addEventHandler: function (type, fn) { handlers[type] = fn; },
          close: function () { dialog.closed = true; } };
        window.__dialogs.push(dialog);
        callback({ status: 'succeeded', value: dialog });
      },
    },
  },
  actions: { associate: function (name, fn) { window.__associated[name] = fn; } },
  onReady: function (cb) { var info = { host: 'Excel', platform: 'PC' }; if (cb) cb(info); return Promise.resolve(info); },
};
window.Excel = { run: function () { var e = new Error('denied'); e.code = 'AccessDenied'; return Promise.reject(e); } };
`;

describe('the Excel pages, with office.js stood in for', () => {
  async function openOffice(file: string, withOffice: boolean): Promise<Opened> {
    const page = await context.newPage();
    const { dialogs, errors } = watchPage(page, { console: false });
    await page.route(officeJs, (route) =>
      withOffice ? route.fulfill({ status: 200, contentType: 'text/javascript', body: fakeOffice }) : route.abort('internetdisconnected'),
    );
    await page.goto(`${server.url}/${file}`);
    return { page, dialogs, errors, close: () => page.close() };
  }

  it('the task pane mounts the panel in Excel, takes Office’s dark theme, and shows a host failure in plain English', async () => {
    const { page, errors, close } = await openOffice('taskpane.html', true);
    await page.locator('#app .pm-title').waitFor();
    const app = page.locator('#app');
    expect(await app.getAttribute('class')).toContain('dark');
    expect(await app.getAttribute('class')).toContain('fluent');
    await app.getByRole('button', { name: 'Check plan' }).click();
    await expect.poll(() => app.getByRole('alert').textContent()).toContain('Excel would not let Plan Monitor read the workbook');
    await page.setViewportSize({ width: 320, height: 520 });
    await page.screenshot({ path: artifact('taskpane-dark-error.png') });
    await page.setViewportSize({ width: 1280, height: 860 });
    expect(errors).toEqual([]);
    await close();
  });

  it('the task pane page has no axe-core violations, with Office’s dark theme and a failure showing', async () => {
    const { page, close } = await openOffice('taskpane.html', true);
    await page.locator('#app .pm-title').waitFor();
    await page.setViewportSize({ width: 350, height: 700 });
    expect(await axeViolations(page), 'on opening').toEqual([]);
    await page.locator('#app').getByRole('button', { name: 'Check plan' }).click();
    await expect.poll(() => page.locator('#app').getByRole('alert').textContent()).toContain('Excel would not let Plan Monitor read the workbook');
    expect(await axeViolations(page), 'with the failure').toEqual([]);
    await page.setViewportSize({ width: 1280, height: 860 });
    await close();
  });

  it('outside Office the task pane says where Plan Monitor runs', async () => {
    const { page, close } = await openOffice('taskpane.html', false);
    await expect.poll(() => page.locator('#app').textContent()).toContain('Plan Monitor runs inside Excel');
    await close();
  });

  it('the ribbon commands report in a dialog and always complete', async () => {
    const { page, errors, close } = await openOffice('commands.html', true);
    await expect.poll(() => page.evaluate(() => Object.keys((window as unknown as { __associated: object }).__associated).sort())).toEqual(['applyColours', 'buildSummary', 'checkPlan', 'recordPeriod']);
    const run = (name: string) =>
      page.evaluate(async (n) => {
        const w = window as unknown as { __associated: Record<string, (e: { completed(): void }) => Promise<void>>; __dialogs: { url: string; options: { width: number; height: number }; handlers: Record<string, (a: unknown) => void> }[] };
        let completed = 0;
        const done = w.__associated[n]?.({ completed: () => (completed += 1) });
        await new Promise((r) => setTimeout(r, 50));
        const dialog = w.__dialogs[w.__dialogs.length - 1];
        const before = completed;
        dialog?.handlers.dialogMessageReceived?.({ message: 'close' });
        await done;
        return { url: dialog?.url ?? '', options: dialog?.options, before, after: completed };
      }, name);
    for (const name of ['checkPlan', 'applyColours', 'buildSummary']) {
      const r = await run(name);
      const url = new URL(r.url);
      expect(url.pathname).toBe('/result.html');
      expect(url.searchParams.get('m')).toContain(name === 'checkPlan' ? 'Excel would not let Plan Monitor read the workbook' : 'The sheet is protected');
      expect(url.searchParams.get('kind')).toBe('error');
      expect(r.options).toMatchObject({ width: 30, height: 25 });
      expect(r.before).toBe(0); // still running while the dialog is open
      expect(r.after).toBe(1);
    }
    // Record period needs a name only the panel can ask for: the dialog says where to go, as news, not an error.
    const record = await run('recordPeriod');
    const url = new URL(record.url);
    expect(url.pathname).toBe('/result.html');
    expect(url.searchParams.get('m')).toContain('To record a period, open the Plan Monitor panel');
    expect(url.searchParams.get('kind')).toBeNull();
    expect(record.after).toBe(1);
    expect(errors).toEqual([]);
    await close();
  });

  it('the result dialog shows its message as text and has a Close button', async () => {
    const { page, dialogs, close } = await openOffice(`result.html?kind=error&m=${encodeURIComponent(`Nothing was changed. ${payload}`)}`, false);
    await page.getByRole('button', { name: 'Close' }).waitFor();
    expect(await page.getByRole('alert').textContent()).toBe(`Nothing was changed. ${payload}`);
    expect(await page.locator('img').count()).toBe(0);
    expect(dialogs).toEqual([]);
    await page.screenshot({ path: artifact('result-dialog.png'), clip: { x: 0, y: 0, width: 420, height: 240 } });
    await close();
  });
});

describe('the built pages', () => {
  const remote = (file: string) => {
    const doc = new JSDOM(readFileSync(path.join(dist, file), 'utf8')).window.document;
    const scripts = Array.from(doc.querySelectorAll('script[src]')).map((s) => s.getAttribute('src') ?? '');
    const links = Array.from(doc.querySelectorAll('link[href]')).map((l) => l.getAttribute('href') ?? '');
    const other = Array.from(doc.querySelectorAll('[src], [href]'))
      .filter((e) => e.tagName !== 'SCRIPT' && e.tagName !== 'LINK')
      .map((e) => e.getAttribute('src') ?? e.getAttribute('href') ?? '');
    const isRemote = (u: string) => /^(https?:)?\/\//i.test(u);
    const headScripts = Array.from(doc.head.querySelectorAll('script[src]')).map((s) => s.getAttribute('src'));
    return { scripts, remoteScripts: scripts.filter(isRemote), remoteLinks: links.filter(isRemote), remoteOther: other.filter(isRemote), headScripts, inline: doc.querySelectorAll('script:not([src])').length };
  };

  for (const [file, local] of [
    ['taskpane.html', './taskpane.js'],
    ['commands.html', './commands.js'],
    ['result.html', './result.js'],
  ] as const) {
    it(`${file} loads office.js from Microsoft's CDN first, and no other remote script or stylesheet`, () => {
      const r = remote(file);
      expect(r.remoteScripts).toEqual([officeJs]);
      expect(r.headScripts[0]).toBe(officeJs);
      expect(r.scripts).toContain(local);
      expect(r.remoteLinks).toEqual([]);
      expect(r.remoteOther).toEqual([]);
      expect(r.inline).toBe(0);
    });
  }

  it('preview.html loads nothing remote', () => {
    const r = remote('preview.html');
    expect([...r.remoteScripts, ...r.remoteLinks, ...r.remoteOther]).toEqual([]);
  });
});
