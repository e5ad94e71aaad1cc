// Finds a Chromium-based browser already on this machine for playwright-core, which never
// downloads one here. Used by the browser tests (which may also install Debian's chromium) and by
// the scripts that print or photograph pages.
//
// Looked for, in order: PLAN_MONITOR_BROWSER (a path to Chrome, Chromium or Edge); Google Chrome
// and Microsoft Edge where their installers put them (playwright-core's "chrome" and "msedge"
// channels); chromium, google-chrome or microsoft-edge on the PATH.
import { accessSync, constants } from 'node:fs';
import path from 'node:path';
import { chromium } from 'playwright-core';

export const launchArgs = ['--no-sandbox', '--headless', '--disable-gpu', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];

/** What to install when no browser is found, in one line. */
export const installHint =
  'No Chrome, Edge or Chromium found: install Google Chrome or Microsoft Edge, or run `apt-get install chromium` on Debian/Ubuntu, or set PLAN_MONITOR_BROWSER to the path of one.';

const onPath = ['chromium', 'chromium-browser', 'google-chrome', 'google-chrome-stable', 'microsoft-edge', 'microsoft-edge-stable'];

function executable(file) {
  try {
    accessSync(file, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

function onThePath(env) {
  for (const dir of (env.PATH ?? '').split(path.delimiter)) {
    for (const name of onPath) {
      const file = path.join(dir, name);
      if (dir && executable(file)) return file;
    }
  }
  return null;
}

/**
 * How to launch a browser found here: `{ executablePath }` or `{ channel }`, or null when there is
 * none. A PLAN_MONITOR_BROWSER that is not an executable is an error, not a reason to look elsewhere.
 */
export async function findBrowser(env = process.env) {
  const asked = env.PLAN_MONITOR_BROWSER;
  if (asked) {
    if (!executable(asked)) throw new Error(`PLAN_MONITOR_BROWSER is '${asked}', which is not a program this user can run.`);
    return { executablePath: asked };
  }
  for (const channel of ['chrome', 'msedge']) {
    try {
      // Throws at once, launching nothing, when the channel's browser is not installed.
      const browser = await chromium.launch({ channel, args: launchArgs });
      await browser.close();
      return { channel };
    } catch {
      // not installed: try the next
    }
  }
  const found = onThePath(env);
  return found ? { executablePath: found } : null;
}

/** Launches the browser findBrowser found; none found is an error with installHint. */
export async function launchFoundBrowser(found) {
  const where = found === undefined ? await findBrowser() : found;
  if (!where) throw new Error(installHint);
  return chromium.launch({ ...where, args: launchArgs });
}
