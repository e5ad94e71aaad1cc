/**
 * A browser for the browser tests: found on this machine (scripts/browser.mjs), or Debian's chromium
 * installed when we are root on Debian/Ubuntu, never skipped; elsewhere one line says what to install.
 */
import { spawnSync } from 'node:child_process';
import type { Browser } from 'playwright-core';
import { aptInstall, isRootOnDebian } from './apt';

interface Found {
  executablePath?: string;
  channel?: string;
}
interface BrowserModule {
  findBrowser(env?: NodeJS.ProcessEnv): Promise<Found | null>;
  launchFoundBrowser(found?: Found | null): Promise<Browser>;
  installHint: string;
}

/** scripts/browser.mjs is plain JavaScript: import it untyped, then type it. */
export async function browserModule(): Promise<BrowserModule> {
  const specifier = '../../scripts/browser.mjs';
  return (await import(/* @vite-ignore */ specifier)) as BrowserModule;
}

let found: Found | null = null;

/** Launches the browser, installing Debian's chromium first (which can take minutes) if we may and must. */
export async function launchTestBrowser(): Promise<Browser> {
  const mod = await browserModule();
  found ??= await mod.findBrowser();
  if (!found && isRootOnDebian()) {
    aptInstall(['chromium'], 'No browser for the browser tests');
    found = await mod.findBrowser();
  }
  if (!found) throw new Error(mod.installHint);
  return mod.launchFoundBrowser(found);
}

/**
 * Arial's metrics for the pages a print test measures: the report asks for Arial, which a council's
 * machines have; where fontconfig would stand a wider font in for it (DejaVu Sans, on a bare Debian),
 * Liberation Sans, drawn to Arial's widths, is installed (Debian's fonts-liberation), so page breaks
 * fall where they do in print on those machines. Elsewhere one line says what to install.
 */
export function ensureArialMetrics(): void {
  const match = () => spawnSync('fc-match', ['Arial'], { encoding: 'utf8' }).stdout ?? '';
  if (/Liberation Sans|Arial/i.test(match())) return;
  aptInstall(['fonts-liberation'], 'The print tests measure pages in Arial’s metrics, and no font with them is installed');
  if (!/Liberation Sans|Arial/i.test(match())) throw new Error('fonts-liberation was installed but fontconfig does not give Liberation Sans for Arial.');
}
