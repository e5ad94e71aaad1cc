// A Chromium-based browser for playwright-core, which never downloads one here: the finder in
// src/host/find-browser.mjs (the same one the CLI's `report --pdf` uses), with playwright-core's
// "chrome" and "msedge" channels added. Used by the browser tests (which may also install Debian's
// chromium) and by the scripts that print or photograph pages.
import { chromium } from 'playwright-core';
import { findBrowser as locate, installHint } from '../src/host/find-browser.mjs';

export { installHint };

export const launchArgs = ['--no-sandbox', '--headless', '--disable-gpu', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];

/** Whether playwright-core can launch this channel: it throws at once, launching nothing, when the channel's browser is not installed. */
async function channelInstalled(channel) {
  try {
    const browser = await chromium.launch({ channel, args: launchArgs });
    await browser.close();
    return true;
  } catch {
    return false;
  }
}

/** How to launch a browser found here: `{ executablePath }` or `{ channel }`, or null when there is none. */
export function findBrowser(env = process.env) {
  return locate(env, { probe: channelInstalled });
}

/** Launches the browser findBrowser found; none found is an error with installHint. */
export async function launchFoundBrowser(found) {
  const where = found === undefined ? await findBrowser() : found;
  if (!where) throw new Error(installHint);
  return chromium.launch({ ...where, args: launchArgs });
}
