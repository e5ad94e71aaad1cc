/**
 * The committee report's HTML printed to an A4 PDF by a Chromium-based browser already on the machine
 * (Chrome, Edge or Chromium, found by src/host/find-browser.mjs): started headless with
 * --print-to-pdf, no playwright at run time. Node only (the CLI).
 *
 * The page numbers ("Page 2 of 7") are the page's own CSS @page margin boxes, so the browser's own
 * header and footer (date, file name, URL) are switched off.
 */
import { spawn } from 'node:child_process';
import { mkdtemp, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';

export interface PrintResult {
  ok: boolean;
  /** Why it failed, in one line: the browser's last words. */
  problem?: string;
}

/** How long a print may take before it is given up: a cold start of Chrome on a slow machine is seconds, not minutes. */
const timeoutMs = 120_000;

function run(program: string, args: string[]): Promise<{ code: number | null; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(program, args, { stdio: ['ignore', 'ignore', 'pipe'] });
    let stderr = '';
    child.stderr.setEncoding('utf8').on('data', (d: string) => {
      stderr = (stderr + d).slice(-4000);
    });
    const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs);
    child.on('error', (e) => {
      clearTimeout(timer);
      resolve({ code: -1, stderr: e.message });
    });
    child.on('close', (code) => {
      clearTimeout(timer);
      resolve({ code, stderr });
    });
  });
}

/**
 * Prints `html` to `out` with `browser`. The page is the report's own (escaped text, no scripts, no
 * remote assets), so the browser runs it in a fresh profile it deletes after, and without its
 * sandbox (which cannot start as root or in many containers). (Turning JavaScript off with
 * --blink-settings stops headless Chromium 156 printing at all.) `out` is written whole or not at all.
 */
export async function printPdf(html: string, out: string, browser: string): Promise<PrintResult> {
  const dir = await mkdtemp(path.join(tmpdir(), 'plan-monitor-print-'));
  try {
    const page = path.join(dir, 'report.html');
    const pdf = path.join(dir, 'report.pdf');
    await writeFile(page, html, 'utf8');
    const args = [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--no-first-run',
      '--no-default-browser-check',
      '--disable-extensions',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      `--user-data-dir=${path.join(dir, 'profile')}`,
      '--no-pdf-header-footer',
      '--print-to-pdf-no-header',
      `--print-to-pdf=${pdf}`,
      pathToFileURL(page).href,
    ];
    const r = await run(browser, args);
    const bytes = await readFile(pdf).catch(() => null);
    if (r.code !== 0 || bytes === null || bytes.subarray(0, 5).toString('latin1') !== '%PDF-') {
      const last = r.stderr.trim().split('\n').filter((l) => l.trim() !== '').pop() ?? `exit code ${String(r.code)}`;
      return { ok: false, problem: last.trim() };
    }
    const temporary = path.join(path.dirname(path.resolve(out)), `.${path.basename(out)}.${process.pid}.tmp`);
    await writeFile(temporary, bytes);
    await rename(temporary, out);
    return { ok: true };
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
