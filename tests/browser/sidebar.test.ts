// The Google Sheets sidebar (dist/gas/Sidebar.html, the panel's JS and CSS inline) in a real browser,
// over a stand-in for google.script.run (tests/browser/sidebar-stub.ts: the sample plan in a
// MemoryWorkbook, round trips answered later, with JSON copies, non-plain arguments refused). The
// viewport is the sidebar's 300 px and the clock stands on 30 September 2018, the sample's date.
// Screenshots go to tests/artifacts/sidebar-*.png.
import path from 'node:path';
import { build } from 'esbuild';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { defaultPalette } from '../../shared/rag/palette';
import { artifact, axeViolations, buildDist, focusRing, launchChromium, serveDist, type Opened, watchPage } from './helpers';
import type { SidebarStubOptions, StubCall } from './sidebar-stub';
import { makeList, makeReply } from './reply-file';
import { expectWordReport } from './word-download';

const payload = '<img src=x onerror=alert(1)>';
const sidebarWidth = 300;
const sheet = 'CIP Monitoring';

let browser: Browser;
let context: BrowserContext;
let server: { url: string; close(): Promise<void> };
let stubJs: string;

beforeAll(async () => {
  buildDist();
  const [bundled, served, launched] = await Promise.all([
    build({ entryPoints: [path.join(__dirname, 'sidebar-stub.ts')], bundle: true, write: false, format: 'iife', platform: 'browser', target: 'es2019', logLevel: 'silent' }),
    serveDist(),
    launchChromium(),
  ]);
  stubJs = bundled.outputFiles[0]?.text ?? '';
  server = served;
  browser = launched;
  context = await browser.newContext({ viewport: { width: sidebarWidth, height: 800 }, reducedMotion: 'reduce', locale: 'en-GB', timezoneId: 'Europe/London' });
  // The sample is the plan as at 30 September 2018: today is that day (timers still run).
  await context.clock.setFixedTime(new Date('2018-09-30T11:00:00Z'));
}, 900_000); // long enough for apt-get to install chromium on a fresh Debian machine

afterAll(async () => {
  await browser?.close();
  await server?.close();
});


/** Opens the built sidebar with the stub in place; `start: 'settings'` serves it as pmOpenSettings does. */
async function open(stub: SidebarStubOptions = {}, start: 'panel' | 'settings' = 'panel'): Promise<Opened> {
  const page = await context.newPage();
  const { dialogs, errors } = watchPage(page);
  // Apps Script's sidebar iframe asks for no favicon; the static server has none to give.
  await page.route('**/favicon.ico', (route) => route.fulfill({ status: 204, body: '' }));
  await page.addInitScript({ content: `window.__sidebarStub = ${JSON.stringify(stub)};\n${stubJs}` });
  const url = `${server.url}/gas/Sidebar.html`;
  if (start === 'settings') {
    // The same file at the same address, with the attribute server.ts's showSidebar('settings') sets.
    await page.route(url, async (route) => {
      const response = await route.fetch();
      const html = await response.text();
      expect(html).toContain('data-start="panel"');
      await route.fulfill({ response, body: html.replace('data-start="panel"', 'data-start="settings"') });
    });
  }
  await page.goto(url);
  await page.locator('#app .pm-title').waitFor();
  return { page, dialogs, errors, close: () => page.close() };
}

const app = (page: Page) => page.locator('#app');
const button = (page: Page, name: string) => app(page).getByRole('button', { name, exact: true });
const statusText = (page: Page) => app(page).getByRole('status');
/** The status line as shown (the status region also holds the headline, read out but not shown). */
const shownStatus = (page: Page) => app(page).locator('.pm-status-text');
const alertText = (page: Page) => app(page).getByRole('alert');

const calls = (page: Page) => page.evaluate(() => (window as unknown as { __calls: StubCall[] }).__calls.map((c) => ({ name: c.name, sent: c.sent, outcome: c.outcome, error: c.error, illegal: c.illegal })));

interface CellSeen {
  value: unknown;
  fill?: string;
  fontColor?: string;
}
interface BookView {
  sheets: { name: string; visibility: string }[];
  selection: { sheet: string; cell: string } | null;
}

/** A cell of the stub's workbook, as the "server" holds it. */
function bookCell(page: Page, sheetName: string, cell: string): Promise<CellSeen | null> {
  return page.evaluate(
    ([s, c]) => {
      const book = (window as unknown as { __book: { sheet(n: string): { cells: Map<string, CellSeen> } | undefined } }).__book;
      return book.sheet(s ?? '')?.cells.get(c ?? '') ?? null;
    },
    [sheetName, cell],
  );
}

function bookState(page: Page): Promise<BookView> {
  return page.evaluate(() => {
    const book = (window as unknown as { __book: { sheets: { name: string; visibility: string }[]; selection: BookView['selection'] } }).__book;
    return { sheets: book.sheets.map((s) => ({ name: s.name, visibility: s.visibility })), selection: book.selection };
  });
}

async function checkPlan(page: Page): Promise<void> {
  await button(page, 'Check plan').click();
  await expect.poll(() => app(page).locator('.pm-headline').count()).toBe(1);
}

describe('the Google Sheets sidebar over google.script.run', () => {
  it('loads in the Google look, and Check plan shows the headline, status counts and findings', async () => {
    const { page, errors, close } = await open();
    const root = app(page);
    expect(await root.getAttribute('class')).toContain('google');
    expect(await root.getAttribute('class')).not.toContain('fluent');
    expect(await root.getAttribute('aria-label')).toBe('Plan Monitor for Google Sheets');
    expect(await root.getByLabel('As of').inputValue()).toBe('');
    expect(await root.locator('.pm-settings').isHidden()).toBe(true);
    expect(await calls(page)).toEqual([]); // nothing is read until asked

    await checkPlan(page);
    const headline = await root.locator('.pm-headline').textContent();
    expect(headline).toBe("'CIP Monitoring' as of 30/09/2018: 62 actions, 0 errors, 4 warnings, 1 overdue.");
    expect(await statusText(page).textContent()).toContain('62 actions');
    const rows = await root
      .locator('details[data-section="status"] table tbody tr')
      .evaluateAll((trs) => trs.map((tr) => [tr.querySelector('th')?.textContent, tr.querySelector('td')?.textContent]));
    expect(rows).toEqual([
      ['Completed', '32'],
      ['On track', '21'],
      ['Some slippage', '8'],
      ['Major slippage', '0'],
      ['Not started', '1'],
    ]);
    expect(await root.locator('details[data-section="status"] table tfoot').textContent()).toBe('Grand Total62');
    expect(await root.locator('.pm-results h3').allTextContents()).toEqual([
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
    ]);
    expect(await root.locator('button.pm-warning').evaluateAll((bs) => bs.map((b) => b.getAttribute('data-cell')))).toEqual(['A16', 'A17', 'H49', 'G72']);
    expect(await calls(page)).toEqual([{ name: 'pmReadWorkbook', sent: [], outcome: 'ok', error: undefined, illegal: undefined }]);
    expect(await alertText(page).textContent()).toBe('');

    const height = await page.evaluate(() => document.documentElement.scrollHeight);
    await page.screenshot({ path: artifact('sidebar-check.png'), fullPage: true });
    expect(height).toBeGreaterThan(800); // the results scroll in the sidebar, vertically only
    expect(errors).toEqual([]);
    await close();
  });

  it('clicking a finding selects its cell through pmSelectCell', async () => {
    const { page, errors, close } = await open();
    await checkPlan(page);
    await app(page).locator('button.pm-warning[data-cell="H49"]').click();
    await expect.poll(() => shownStatus(page).textContent()).toBe("Selected H49 on 'CIP Monitoring' (warning).");
    const selects = (await calls(page)).filter((c) => c.name === 'pmSelectCell');
    expect(selects).toEqual([{ name: 'pmSelectCell', sent: [sheet, 'H49'], outcome: 'ok', error: undefined, illegal: undefined }]);
    expect((await bookState(page)).selection).toEqual({ sheet, cell: 'H49' });

    // Another finding, then the overdue action (6.4), whose button goes to its status cell.
    await app(page).locator('button.pm-warning[data-cell="G72"]').click();
    await expect.poll(async () => (await bookState(page)).selection).toEqual({ sheet, cell: 'G72' });
    await app(page).locator('.pm-results button', { hasText: 'Workforce Planning' }).click();
    await expect.poll(async () => (await bookState(page)).selection).toEqual({ sheet, cell: 'H49' });
    expect(await shownStatus(page).textContent()).toBe("Selected H49 on 'CIP Monitoring' (action 6.4).");
    expect(errors).toEqual([]);
    await close();
  });

  it('Committee report opens the report to print from the sidebar too, read through google.script.run, with a download beside it', async () => {
    const { page, errors, close } = await open();
    const [popup] = await Promise.all([page.waitForEvent('popup'), button(page, 'Committee report').click()]);
    await popup.waitForLoadState();
    expect(await popup.title()).toBe('Northmoor City Council: Corporate Improvement Plan – progress up to 30 September 2018');
    expect(await popup.locator('p', { hasText: 'now contains 62 actions' }).count()).toBe(1);
    await popup.close();
    // The report tools come from the server as text (pmPanelScript) with the first report, then the plan is read.
    expect((await calls(page)).map((c) => c.name)).toEqual(['pmPanelScript', 'pmReadWorkbook']);
    const link = app(page).getByRole('link', { name: 'Download the committee report (committee-report-2018-09-30.html)' });
    const [download] = await Promise.all([page.waitForEvent('download'), link.click()]);
    expect(download.suggestedFilename()).toBe('committee-report-2018-09-30.html');
    // As Word, twice: the tools are not fetched again.
    const [word] = await Promise.all([page.waitForEvent('download'), button(page, 'Download as Word (.docx)').click()]);
    await expectWordReport(word);
    const [again] = await Promise.all([page.waitForEvent('download'), button(page, 'Download as Word (.docx)').click()]);
    expect(again.suggestedFilename()).toBe('committee-report-2018-09-30.docx');
    expect((await calls(page)).map((c) => [c.name, c.outcome])).toEqual([['pmPanelScript', 'ok'], ['pmReadWorkbook', 'ok']]);
    expect((await calls(page)).find((c) => c.name === 'pmPanelScript')?.sent).toEqual(['ReportTools']);
    expect(await alertText(page).textContent()).toBe('');
    expect(errors).toEqual([]);
    await close();
  });

  it('Merge replies… reads the picked reply in the sidebar and writes its cells through pmSetCellValues, with the audit trail', async () => {
    const reply = makeReply();
    const { page, errors, close } = await open();
    const [chooser] = await Promise.all([page.waitForEvent('filechooser'), button(page, 'Merge replies…').click()]);
    await chooser.setFiles(reply.file);
    await expect.poll(() => shownStatus(page).textContent()).toBe("Merged 4 changes from 1 reply into 'CIP Monitoring'.");
    expect(await app(page).getByRole('region', { name: 'Merged replies' }).locator('li').count()).toBe(4);
    const sheet = 'CIP Monitoring';
    expect(await Promise.all(['H24', 'I24', 'H49'].map(async (c) => (await bookCell(page, sheet, c))?.value))).toEqual(['Some slippage', '=cmd|calc', 'Completed']);
    // Read, the reader's script, the formula cells, the four cells in one call, the audit sheet, and the plan read again.
    const made = await calls(page);
    expect(made.map((c) => [c.name, c.outcome])).toEqual([
      ['pmPanelScript', 'ok'],
      ['pmReadWorkbook', 'ok'],
      ['pmFormulaCells', 'ok'],
      ['pmSetCellValues', 'ok'],
      ['pmWriteHiddenSheet', 'ok'],
      ['pmReadWorkbook', 'ok'],
    ]);
    expect(made[0]?.sent).toEqual(['FileTools']);
    expect((made[3]?.sent?.[1] as unknown[]).length).toBe(4);
    expect(made[4]?.sent?.[0]).toBe('Plan Monitor Audit');
    expect((await bookState(page)).sheets.find((s) => s.name === 'Plan Monitor Audit')?.visibility).toBe('hidden');
    expect(await alertText(page).textContent()).toBe('');
    expect(errors).toEqual([]);
    await close();
  });

  it('Add actions from a list… inserts the new rows through pmInsertRows, colours their statuses and writes the audit trail', async () => {
    const list = makeList();
    const { page, errors, close } = await open();
    const [chooser] = await Promise.all([page.waitForEvent('filechooser'), button(page, 'Add actions from a list…').click()]);
    await chooser.setFiles(list.file);
    await expect.poll(() => shownStatus(page).textContent()).toBe("Added 2 new actions to 'CIP Monitoring' from 'peer-review.csv'.");
    const sheet = 'CIP Monitoring';
    expect(await Promise.all(['A27', 'B27', 'A78'].map(async (c) => (await bookCell(page, sheet, c))?.value))).toEqual(['3.7', 'Review the senior leadership development programme', '10.4']);
    expect((await calls(page)).map((c) => [c.name, c.outcome])).toEqual([
      ['pmPanelScript', 'ok'],
      ['pmReadWorkbook', 'ok'],
      ['pmInsertRows', 'ok'],
      ['pmApplyEditPlan', 'ok'],
      ['pmWriteHiddenSheet', 'ok'],
      ['pmReadWorkbook', 'ok'],
    ]);
    expect(await alertText(page).textContent()).toBe('');
    expect(errors).toEqual([]);
    await close();
  });

  it('Apply RAG colours fills the status cells with the palette; Build summary adds the Plan Summary sheet', async () => {
    const { page, errors, close } = await open();
    expect((await bookCell(page, sheet, 'H49'))?.fill).toBeUndefined();
    await button(page, 'Apply RAG colours').click();
    await expect.poll(() => shownStatus(page).textContent()).toBe("Coloured 62 status cells on 'CIP Monitoring'.");
    const h49 = await bookCell(page, sheet, 'H49'); // On track
    expect(h49?.value).toBe('On track');
    expect(h49?.fill?.toUpperCase()).toBe('#C4E5CD');
    expect(h49?.fill?.toUpperCase()).toBe(defaultPalette.green.fill.toUpperCase());
    expect(h49?.fontColor?.toUpperCase()).toBe(defaultPalette.green.text.toUpperCase());
    expect((await bookCell(page, sheet, 'H6'))?.fill?.toUpperCase()).toBe(defaultPalette.blue.fill.toUpperCase()); // Completed
    expect((await bookCell(page, sheet, 'G6'))?.fill).toBeUndefined(); // nothing else touched
    expect(await app(page).locator('.pm-headline').textContent()).toContain('62 actions');

    await button(page, 'Build summary').click();
    await expect.poll(() => shownStatus(page).textContent()).toBe("Wrote the summary to sheet 'Plan Summary'.");
    expect((await bookState(page)).sheets).toEqual([
      { name: sheet, visibility: 'visible' },
      { name: 'Notes', visibility: 'visible' },
      { name: 'Plan Summary', visibility: 'visible' },
    ]);
    const summaryText = await page.evaluate(() => {
      const book = (window as unknown as { __book: { sheet(n: string): { cells: Map<string, { value: unknown }> } | undefined } }).__book;
      return [...(book.sheet('Plan Summary')?.cells.values() ?? [])].map((c) => String(c.value));
    });
    expect(summaryText).toContain('Grand Total');
    expect((await calls(page)).map((c) => `${c.name} ${c.outcome}`)).toEqual(['pmReadWorkbook ok', 'pmApplyEditPlan ok', 'pmReadWorkbook ok', 'pmApplyEditPlan ok']);
    expect(errors).toEqual([]);
    await close();
  });

  it('opened from the Settings menu item (body data-start="settings"), the settings view comes first', async () => {
    const { page, errors, close } = await open({}, 'settings');
    expect(await page.evaluate(() => document.body.dataset.start)).toBe('settings');
    const settings = app(page).locator('.pm-settings');
    await settings.getByRole('heading', { name: 'Settings' }).waitFor();
    expect(await app(page).getByRole('button', { name: 'Close settings' }).getAttribute('aria-expanded')).toBe('true');
    expect(await button(page, 'Check plan').isHidden()).toBe(true);
    expect(await app(page).getByLabel('As of').isHidden()).toBe(true);
    expect(await settings.getByLabel('Status', { exact: true }).locator('option').first().textContent()).toBe('Detected: Status (column H)');
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Settings'); // the heading has focus
    expect((await calls(page)).map((c) => c.name)).toEqual(['pmReadWorkbook']);
    await page.screenshot({ path: artifact('sidebar-settings.png'), fullPage: true });

    // Escape goes back to the panel, where Check plan works.
    await page.keyboard.press('Escape');
    await expect.poll(() => settings.isHidden()).toBe(true);
    await checkPlan(page);
    expect(await app(page).locator('.pm-headline').textContent()).toContain('62 actions');
    expect(errors).toEqual([]);
    await close();
  });

  it('a failing server call shows its message in the alert, in plain English, and the panel carries on', async () => {
    const protectedMessage = "Sheet 'CIP Monitoring' is protected, so Plan Monitor could not change it. Nothing was changed. Ask its owner to remove the protection, then try again.";
    const { page, errors, dialogs, close } = await open({ fail: { pmApplyEditPlan: protectedMessage } });
    await checkPlan(page);
    await button(page, 'Apply RAG colours').click();
    await expect.poll(() => alertText(page).textContent()).toContain(protectedMessage);
    const shown = (await alertText(page).textContent()) ?? '';
    expect(shown.startsWith('Plan Monitor could not finish. ')).toBe(true);
    expect(shown).not.toMatch(/undefined|\[object|Error:|Exception|\n\s+at /);
    expect(await shownStatus(page).textContent()).toBe('');
    // Nothing changed, nothing stuck: the buttons work again, the last results stay.
    expect((await bookCell(page, sheet, 'H49'))?.fill).toBeUndefined();
    expect(await app(page).getAttribute('aria-busy')).toBeNull();
    expect(await button(page, 'Check plan').getAttribute('aria-disabled')).toBeNull();
    expect(await app(page).locator('.pm-headline').textContent()).toContain('62 actions');
    expect((await calls(page)).at(-1)).toMatchObject({ name: 'pmApplyEditPlan', outcome: 'failed', error: protectedMessage });

    // A read that fails during Check plan is shown the same way.
    await page.evaluate(() => {
      (window as unknown as { __sidebarStub: SidebarStubOptions }).__sidebarStub.fail = { pmReadWorkbook: 'Service Spreadsheets timed out while accessing document with id 1AbC.' };
    });
    await button(page, 'Check plan').click();
    await expect.poll(() => alertText(page).textContent()).toContain('Service Spreadsheets timed out while accessing document');

    // Once the server answers again, the same action succeeds and the alert clears.
    await page.evaluate(() => {
      (window as unknown as { __sidebarStub: SidebarStubOptions }).__sidebarStub.fail = {};
    });
    await button(page, 'Apply RAG colours').click();
    await expect.poll(() => shownStatus(page).textContent()).toBe("Coloured 62 status cells on 'CIP Monitoring'.");
    expect(await alertText(page).textContent()).toBe('');
    expect((await bookCell(page, sheet, 'H49'))?.fill?.toUpperCase()).toBe('#C4E5CD');
    expect(errors).toEqual([]);
    expect(dialogs).toEqual([]);
    await close();
  });

  it('shows hostile cell text as text: no <img> is made and no dialog opens', async () => {
    const { page, dialogs, errors, close } = await open({ hostile: { ref: '6.4', text: payload } });
    expect(await bookCell(page, sheet, 'B49')).toMatchObject({ value: payload });
    expect(await bookCell(page, sheet, 'I49')).toMatchObject({ value: payload });
    await checkPlan(page);
    // 6.4 is the overdue action, so its title is in the panel's list.
    const overdue = app(page).locator('.pm-results section', { has: page.getByRole('heading', { name: 'Overdue (1)' }) });
    expect(await overdue.locator('button .pm-cell').textContent()).toBe('6.4');
    expect(await overdue.locator('button .pm-msg').textContent()).toBe(payload);
    await button(page, 'Build summary').click();
    await expect.poll(() => statusText(page).textContent()).toContain("Wrote the summary to sheet 'Plan Summary'.");
    await app(page).locator('.pm-results button', { hasText: payload }).click();
    await expect.poll(async () => (await bookState(page)).selection).toEqual({ sheet, cell: 'H49' });
    await page.waitForTimeout(200);
    expect(await page.locator('img').count()).toBe(0);
    expect(await app(page).evaluate((el, p) => el.innerHTML.includes(p), payload)).toBe(false);
    expect(dialogs).toEqual([]);
    expect(errors).toEqual([]);
    await close();
  });

  it('fits 300 px, names every focusable control, and runs Check plan from the keyboard', async () => {
    const { page, errors, close } = await open();
    // Tab from the top of the page reaches Check plan; Enter runs it.
    let reached = false;
    for (let i = 0; i < 12 && !reached; i++) {
      await page.keyboard.press('Tab');
      reached = await page.evaluate(() => document.activeElement?.textContent === 'Check plan');
    }
    expect(reached).toBe(true);
    expect(await calls(page)).toEqual([]);
    await page.keyboard.press('Enter');
    await expect.poll(() => app(page).locator('.pm-headline').count()).toBe(1);
    // The run brings the results into view and focuses their heading.
    await expect.poll(() => page.evaluate(() => document.activeElement?.textContent)).toBe('Results');

    await assertFits(page, 'after Check plan');
    expect(await unnamedControls(page)).toEqual([]);
    // Every control by Tab alone, each with a visible focus ring.
    await app(page).getByLabel('As of').focus();
    const stops: string[] = [];
    for (let i = 0; i < 40; i++) {
      const name = await page.evaluate(() => {
        const el = document.activeElement as HTMLElement | null;
        if (!el || !el.closest('#app')) return null;
        return el.getAttribute('aria-label') ?? (el as HTMLInputElement).labels?.[0]?.textContent ?? el.textContent ?? '';
      });
      if (name === null) break;
      stops.push(name);
      expect(await page.evaluate(focusRing), `stop ${stops.length - 1}: ${name}`).toMatch(/^visible/);
      await page.keyboard.press('Tab');
    }
    expect(stops.slice(0, 11)).toEqual(['As of', 'Choose the as-of date from a calendar', 'Check plan', 'Apply RAG colours', 'Build summary', 'Committee report', 'Merge replies…', 'Add actions from a list…', 'Settings', 'Period name', 'Record period']);
    // Then the results: the three tables' section headings, the two filters, the lists' headings
    // with the rows of those open (four warnings, one overdue action).
    expect(stops.slice(11, 16)).toEqual(['Actions by status (62)', 'Themes (10)', 'By lead officer (16)', 'Theme', 'Lead officer']);
    expect(stops.at(-1)).toBe('Chase lead officers (1)');
    expect(stops.length).toBe(30);
    // Every section opened, every control in it is named too, and the sidebar still fits.
    const closed = app(page).locator('.pm-results details:not([open]) > summary');
    for (let i = 0; i < 20 && (await closed.count()) > 0; i++) await closed.first().click();
    expect(await app(page).locator('.pm-results details:not([open])').count()).toBe(0);
    await assertFits(page, 'with every section open');
    expect(await unnamedControls(page)).toEqual([]);
    // The check itself sees a control without a name.
    await app(page).evaluate((el) => el.append(Object.assign(document.createElement('button'), { id: 'unnamed-probe' })));
    expect(await unnamedControls(page)).toEqual([expect.stringMatching(/^button: <button id="unnamed-probe"/)]);
    await page.locator('#unnamed-probe').evaluate((el) => el.remove());

    // An error message fits too.
    await app(page).getByLabel('Period name').fill('');
    await app(page).getByRole('button', { name: 'Record period', exact: true }).click();
    await expect.poll(() => alertText(page).textContent()).toContain('Give the period a name');
    await assertFits(page, 'with an error');

    // And the settings view, every field named.
    await app(page).getByLabel('As of').fill('2018-09-30');
    await button(page, 'Settings').click();
    await app(page).getByRole('heading', { name: 'Settings' }).waitFor();
    await assertFits(page, 'settings');
    const unnamed = await unnamedControls(page);
    expect(unnamed).toEqual([]);
    expect(errors).toEqual([]);
    await close();
  });

  for (const scheme of ['light', 'dark'] as const) {
    it(`has no axe-core violations (${scheme}): on opening, after Check plan, with an error, with Settings open`, async () => {
      const { page, errors, close } = await open();
      await page.emulateMedia({ colorScheme: scheme });
      expect(await axeViolations(page), 'on opening').toEqual([]);
      await checkPlan(page);
      expect(await axeViolations(page), 'after Check plan').toEqual([]);
      await app(page).getByRole('button', { name: 'Record period', exact: true }).click();
      await expect.poll(() => alertText(page).textContent()).toContain('Give the period a name');
      expect(await axeViolations(page), 'with an error').toEqual([]);
      await button(page, 'Settings').click();
      await app(page).getByRole('heading', { name: 'Settings' }).waitFor();
      expect(await axeViolations(page), 'with Settings open').toEqual([]);
      await page.emulateMedia({ colorScheme: 'light' });
      expect(errors).toEqual([]);
      await close();
    });
  }

  it('what pmApplyEditPlan and pmWriteHiddenSheet are sent survives JSON unchanged (no Date, no function)', async () => {
    const { page, errors, close } = await open();
    await button(page, 'Apply RAG colours').click();
    await expect.poll(() => statusText(page).textContent()).toContain('Coloured 62 status cells');
    await button(page, 'Build summary').click();
    await expect.poll(() => statusText(page).textContent()).toContain('Wrote the summary');
    await button(page, 'Settings').click();
    const settings = app(page).locator('.pm-settings');
    await settings.getByLabel('Due soon means due within (days)').fill('21');
    await settings.getByRole('button', { name: 'Save settings' }).click();
    await expect.poll(() => statusText(page).textContent()).toContain('Saved in the workbook');

    const sentCalls = await page.evaluate(() => {
      const all = (window as unknown as { __calls: StubCall[] }).__calls;
      return all
        .filter((c) => c.name !== 'pmReadWorkbook')
        .map((c) => ({ name: c.name, outcome: c.outcome, illegal: c.illegal ?? null, raw: c.raw, sent: c.sent, same: JSON.stringify(c.raw) === JSON.stringify(c.sent) }));
    });
    expect(sentCalls.map((c) => c.name)).toEqual(['pmApplyEditPlan', 'pmApplyEditPlan', 'pmWriteHiddenSheet']);
    for (const c of sentCalls) {
      expect(c.illegal, c.name).toBeNull();
      expect(c.outcome, c.name).toBe('ok');
      expect(c.same, c.name).toBe(true);
      // Playwright carries Dates, Maps and NaN across as themselves: the raw arguments equal their JSON copy.
      expect(c.raw, c.name).toStrictEqual(c.sent);
    }
    const [colours, summary] = sentCalls as unknown as [{ raw: [{ sheet: string; fills: unknown[]; summary?: unknown }] }, { raw: [{ fills: unknown[]; summary?: { name: string } }] }];
    expect(colours.raw[0].sheet).toBe(sheet);
    expect(colours.raw[0].fills.length).toBeGreaterThan(0);
    expect(summary.raw[0].summary?.name).toBe('Plan Summary');
    expect((await bookState(page)).sheets.find((s) => s.name === 'Plan Monitor Settings')?.visibility).toBe('hidden');

    // The stub's check bites: a Date (or a function) fails the call, as google.script.run would.
    const refused = await page.evaluate(
      () =>
        new Promise<string[]>((resolve) => {
          const run = (window as unknown as { google: { script: { run: Record<string, (...a: unknown[]) => unknown> } } }).google.script.run;
          const out: string[] = [];
          const each = (arg: unknown) =>
            new Promise<void>((done) => {
              const r = run.withSuccessHandler?.(() => {
                out.push('accepted');
                done();
              }) as Record<string, (...a: unknown[]) => unknown>;
              const rr = r.withFailureHandler?.((e: Error) => {
                out.push(e.message);
                done();
              }) as Record<string, (...a: unknown[]) => unknown>;
              rr.pmApplyEditPlan?.(arg);
            });
          void each({ sheet: 'CIP Monitoring', when: new Date(0) })
            .then(() => each({ sheet: 'CIP Monitoring', fills: [], onDone: () => 0 }))
            .then(() => resolve(out));
        }),
    );
    expect(refused).toEqual(['Failed due to illegal value in [0].when: a Date.', 'Failed due to illegal value in [0].onDone: a function.']);
    expect(errors).toEqual([]);
    await close();
  });
});

/** No horizontal scrolling, and nothing drawn past the sidebar's right edge. */
async function assertFits(page: Page, when: string): Promise<void> {
  const r = await page.evaluate(() => {
    const doc = document.documentElement;
    const width = doc.clientWidth;
    const outside = Array.from(document.querySelectorAll<HTMLElement>('#app *'))
      .filter((el) => el.getClientRects().length > 0 && !el.closest('.pm-visually-hidden'))
      .filter((el) => el.getBoundingClientRect().right > width + 0.5 || el.getBoundingClientRect().left < -0.5)
      .map((el) => `${el.tagName.toLowerCase()}.${el.className}: ${Math.round(el.getBoundingClientRect().left)}–${Math.round(el.getBoundingClientRect().right)}`);
    return { width, scroll: doc.scrollWidth, bodyScroll: document.body.scrollWidth, outside };
  });
  expect(r.width, when).toBe(sidebarWidth);
  expect(r.scroll, when).toBeLessThanOrEqual(r.width);
  expect(r.bodyScroll, when).toBeLessThanOrEqual(r.width);
  expect(r.outside, when).toEqual([]);
}

/**
 * Focusable controls in the sidebar whose accessible name, as Chromium computes it for screen
 * readers (DevTools protocol, Accessibility domain), is empty.
 */
async function unnamedControls(page: Page): Promise<string[]> {
  const count = await page.evaluate(() => {
    // The content of a closed <details> keeps its boxes (Chromium hides it with content-visibility), but is out of reach until opened.
    const inClosedSection = (el: HTMLElement): boolean => {
      for (let d = el.closest('details'); d; d = d.parentElement?.closest('details') ?? null) {
        if (!d.open && !d.querySelector(':scope > summary')?.contains(el)) return true;
      }
      return false;
    };
    const focusable = Array.from(document.querySelectorAll<HTMLElement>('#app button, #app input, #app select, #app textarea, #app summary, #app a[href], #app [tabindex]')).filter(
      (el) => el.tabIndex >= 0 && !(el as HTMLButtonElement).disabled && el.getClientRects().length > 0 && !inClosedSection(el),
    );
    focusable.forEach((el, i) => (el.dataset.nameCheck = String(i)));
    return focusable.length;
  });
  expect(count).toBeGreaterThan(4);
  const cdp = await context.newCDPSession(page);
  try {
    const { root: doc } = await cdp.send('DOM.getDocument', { depth: 0 });
    const { nodeIds } = await cdp.send('DOM.querySelectorAll', { nodeId: doc.nodeId, selector: '[data-name-check]' });
    expect(nodeIds.length).toBe(count);
    const unnamed: string[] = [];
    for (const nodeId of nodeIds) {
      const { nodes } = await cdp.send('Accessibility.getPartialAXTree', { nodeId, fetchRelatives: false });
      const node = nodes[0];
      const name = String(node?.name?.value ?? '').trim();
      if (name === '') {
        const { outerHTML } = await cdp.send('DOM.getOuterHTML', { nodeId });
        unnamed.push(`${String(node?.role?.value ?? '?')}: ${outerHTML.slice(0, 120)}`);
      }
    }
    return unnamed;
  } finally {
    await cdp.detach();
    await page.evaluate(() => document.querySelectorAll<HTMLElement>('[data-name-check]').forEach((el) => delete el.dataset.nameCheck));
  }
}
