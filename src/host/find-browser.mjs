// Finds a Chromium-based browser (Chrome, Edge or Chromium) already on this machine: the one
// finder, shared by the CLI's `report --pdf` (bundled by esbuild into dist/cli) and by
// scripts/browser.mjs (the browser tests and the scripts that print or photograph pages, which add
// playwright-core's channels). Plain JavaScript so that plain `node scripts/…` can import it too;
// its types are in find-browser.d.mts. Nothing is ever downloaded.
//
// Looked for, in order: PLAN_MONITOR_BROWSER (a path to Chrome, Chromium or Edge); playwright-core's
// "chrome" and "msedge" channels, where the caller has playwright; Chrome and Edge where their
// installers put them; chromium, google-chrome or microsoft-edge on the PATH.
import { accessSync, constants } from 'node:fs';
import path from 'node:path';
import process from 'node:process';

/** What to install when no browser is found, in one line. */
export const installHint =
  'No Chrome, Edge or Chromium found: install Google Chrome or Microsoft Edge, or run `apt-get install chromium` on Debian/Ubuntu, or set PLAN_MONITOR_BROWSER to the path of one.';

const onPath = ['chromium', 'chromium-browser', 'google-chrome', 'google-chrome-stable', 'microsoft-edge', 'microsoft-edge-stable'];
const onPathWindows = ['chrome.exe', 'msedge.exe', 'chromium.exe'];

/** Where Chrome's and Edge's installers put them (the places playwright-core's channels look). */
export function installedLocations(platform = process.platform, env = process.env) {
  if (platform === 'darwin') {
    return ['/Applications/Google Chrome.app/Contents/MacOS/Google Chrome', '/Applications/Microsoft Edge.app/Contents/MacOS/Microsoft Edge', '/Applications/Chromium.app/Contents/MacOS/Chromium'];
  }
  if (platform === 'win32') {
    const roots = [env.LOCALAPPDATA, env.PROGRAMFILES, env['PROGRAMFILES(X86)']].filter((r) => typeof r === 'string' && r !== '');
    return roots.flatMap((root) => [path.win32.join(root, 'Google', 'Chrome', 'Application', 'chrome.exe'), path.win32.join(root, 'Microsoft', 'Edge', 'Application', 'msedge.exe')]);
  }
  return ['/opt/google/chrome/chrome', '/opt/microsoft/msedge/msedge'];
}

function executable(file) {
  try {
    accessSync(file, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

function onThePath(env, platform) {
  const names = platform === 'win32' ? onPathWindows : onPath;
  for (const dir of (env.PATH ?? env.Path ?? '').split(platform === 'win32' ? ';' : path.delimiter)) {
    for (const name of names) {
      const file = path.join(dir, name);
      if (dir && executable(file)) return file;
    }
  }
  return null;
}

/**
 * How to start a browser found here: `{ executablePath }`, `{ channel }` (only when `options.probe`
 * says playwright-core can launch that channel), or null when there is none. A PLAN_MONITOR_BROWSER
 * that is not an executable is an error, not a reason to look elsewhere.
 */
export async function findBrowser(env = process.env, options = {}) {
  const platform = options.platform ?? process.platform;
  const asked = env.PLAN_MONITOR_BROWSER;
  if (asked) {
    if (!executable(asked)) throw new Error(`PLAN_MONITOR_BROWSER is '${asked}', which is not a program this user can run.`);
    return { executablePath: asked };
  }
  if (options.probe) {
    for (const channel of ['chrome', 'msedge']) if (await options.probe(channel)) return { channel };
  }
  const installed = installedLocations(platform, env).find(executable);
  if (installed) return { executablePath: installed };
  const found = onThePath(env, platform);
  return found ? { executablePath: found } : null;
}
