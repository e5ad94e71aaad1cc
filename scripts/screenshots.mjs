// Pictures of the panel for the docs (npm run screenshots): the Excel task pane (the preview's
// panel, in the Fluent look) at 300 and 350 px wide and the Google Sheets sidebar (dist/gas/Sidebar.html
// over the tests' stand-in for google.script.run) at 300 px, each light and dark, after Check plan on
// the sample plan as at 30/09/2018. Written as PNGs into docs/screenshots/:
//
//   taskpane-300-light.png  taskpane-300-dark.png  taskpane-350-light.png  taskpane-350-dark.png
//   sidebar-300-light.png   sidebar-300-dark.png
//
//   node scripts/screenshots.mjs [--out DIR]
//
// dist/ is built first if it is missing or older than the sources. The browser is one found on this
// machine (scripts/browser.mjs); nothing is downloaded. Each picture is the whole panel, however
// long, at one device pixel per CSS pixel, so a picture is exactly as wide as the pane or sidebar.
/* global document, HTMLElement -- in the functions page.evaluate runs in the browser */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { build } from 'esbuild';
import { launchFoundBrowser } from './browser.mjs';
import { startServer } from './serve.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const dist = path.join(root, 'dist');
export const defaultOutDir = path.join(root, 'docs', 'screenshots');

/** The pictures, by file name: which page, how wide, which colour scheme. */
export const shots = [
  ...[300, 350].flatMap((width) => ['light', 'dark'].map((scheme) => ({ file: `taskpane-${width}-${scheme}.png`, page: 'taskpane', width, scheme }))),
  ...['light', 'dark'].map((scheme) => ({ file: `sidebar-300-${scheme}.png`, page: 'sidebar', width: 300, scheme })),
];

/** The sample's day: the sidebar's clock stands on it, as the preview's calendar does. */
const sampleMorning = new Date('2018-09-30T11:00:00Z');

function newestIn(dir) {
  let newest = 0;
  if (!existsSync(dir)) return newest;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const file = path.join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestIn(file) : statSync(file).mtimeMs);
  }
  return newest;
}

/** Builds dist/ unless the pages photographed are there and newer than every source. */
export function buildIfNeeded() {
  const outputs = ['preview.html', 'preview.js', 'panel.css', 'preview.css', path.join('gas', 'Sidebar.html')].map((f) => path.join(dist, f));
  const built = outputs.every((f) => existsSync(f)) ? Math.min(...outputs.map((f) => statSync(f).mtimeMs)) : 0;
  const sources = Math.max(newestIn(path.join(root, 'src')), newestIn(path.join(root, 'shared')), statSync(path.join(root, 'package-lock.json')).mtimeMs);
  if (built > sources) return false;
  const r = spawnSync(process.execPath, [path.join(root, 'scripts', 'build.mjs')], { cwd: root, encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`The build failed:\n${r.stdout}\n${r.stderr}`);
  return true;
}

/** The tests' stand-in for google.script.run (tests/browser/sidebar-stub.ts), as one script. */
async function sidebarStub() {
  const bundled = await build({
    entryPoints: [path.join(root, 'tests', 'browser', 'sidebar-stub.ts')],
    bundle: true,
    write: false,
    format: 'iife',
    platform: 'browser',
    target: 'es2019',
    logLevel: 'silent',
  });
  return `window.__sidebarStub = {};\n${bundled.outputFiles[0].text}`;
}

/** No hover or focus left on a control: the picture shows the panel at rest. */
async function atRest(page) {
  await page.mouse.move(0, 0);
  await page.evaluate(() => {
    if (document.activeElement instanceof HTMLElement) document.activeElement.blur();
  });
}

/** Grows the viewport to the panel's full height, then photographs just the panel. */
async function photograph(page, selector, width, file) {
  const panel = page.locator(selector);
  await atRest(page);
  // A run scrolls the preview pane to its results: photograph the panel from its top.
  await panel.evaluate((el) => el.closest(".pv-pane")?.scrollTo(0, 0));
  const top = await panel.evaluate((el) => el.getBoundingClientRect().top);
  const height = await panel.evaluate((el) => Math.ceil(el.scrollHeight));
  const viewport = page.viewportSize();
  await page.setViewportSize({ width: viewport?.width ?? width, height: Math.ceil(top) + height + 40 });
  await panel.screenshot({ path: file, animations: 'disabled', caret: 'hide' });
}

async function taskpaneShot(browser, url, shot, file) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 860 }, deviceScaleFactor: 1, reducedMotion: 'reduce', locale: 'en-GB', colorScheme: shot.scheme });
  try {
    const page = await context.newPage();
    await page.goto(`${url}/preview.html?look=fluent&pane=${shot.width}`);
    const panel = page.locator('#panel');
    await panel.locator('.pm-title').waitFor();
    await panel.getByRole('button', { name: 'Check plan', exact: true }).click();
    await panel.locator('.pm-headline').waitFor();
    await photograph(page, '#panel', shot.width, file);
  } finally {
    await context.close();
  }
}

async function sidebarShot(browser, url, stub, shot, file) {
  const context = await browser.newContext({
    viewport: { width: shot.width, height: 800 },
    deviceScaleFactor: 1,
    reducedMotion: 'reduce',
    locale: 'en-GB',
    timezoneId: 'Europe/London',
    colorScheme: shot.scheme,
  });
  try {
    await context.clock.setFixedTime(sampleMorning);
    const page = await context.newPage();
    await page.route('**/favicon.ico', (route) => route.fulfill({ status: 204, body: '' }));
    await page.addInitScript({ content: stub });
    await page.goto(`${url}/gas/Sidebar.html`);
    const app = page.locator('#app');
    await app.locator('.pm-title').waitFor();
    await app.getByRole('button', { name: 'Check plan', exact: true }).click();
    await app.locator('.pm-headline').waitFor();
    // The whole sidebar as Sheets shows it, body margin and all: exactly the sidebar's width.
    await atRest(page);
    await page.screenshot({ path: file, fullPage: true, animations: 'disabled', caret: 'hide' });
  } finally {
    await context.close();
  }
}

/**
 * Writes every picture into outDir and returns their paths. `browser` is used (and left open) when
 * given; else one found on this machine is launched and closed. `build: false` skips the build check.
 */
export async function takeScreenshots({ outDir = defaultOutDir, browser: given, build: check = true } = {}) {
  if (check) buildIfNeeded();
  mkdirSync(outDir, { recursive: true });
  const server = await startServer({ root: dist, port: 0, host: '127.0.0.1' });
  const browser = given ?? (await launchFoundBrowser());
  try {
    const stub = await sidebarStub();
    const written = [];
    for (const shot of shots) {
      const file = path.join(outDir, shot.file);
      if (shot.page === 'taskpane') await taskpaneShot(browser, server.url, shot, file);
      else await sidebarShot(browser, server.url, stub, shot, file);
      written.push(file);
    }
    return written;
  } finally {
    if (!given) await browser.close();
    await server.close();
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  try {
    const { values } = parseArgs({ options: { out: { type: 'string' } }, strict: true });
    const files = await takeScreenshots({ outDir: values.out ? path.resolve(values.out) : defaultOutDir });
    for (const f of files) console.log(path.relative(process.cwd(), f));
  } catch (e) {
    console.error(`screenshots: ${e instanceof Error ? e.message : String(e)}`);
    process.exitCode = 1;
  }
}
