/**
 * A browser for the browser tests: found on this machine (scripts/browser.mjs), or Debian's chromium
 * installed when we are root on Debian/Ubuntu, never skipped; elsewhere one line says what to install.
 */
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
