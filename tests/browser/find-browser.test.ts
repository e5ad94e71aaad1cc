import { chmodSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { browserModule } from '../helpers/browser';

const dir = mkdtempSync(path.join(tmpdir(), 'pm-browser-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('finding a browser', () => {
  it('takes PLAN_MONITOR_BROWSER first, and says so when it is not a program', async () => {
    const { findBrowser } = await browserModule();
    const fake = path.join(dir, 'my-chrome');
    writeFileSync(fake, '#!/bin/sh\n');
    chmodSync(fake, 0o755);
    expect(await findBrowser({ PLAN_MONITOR_BROWSER: fake, PATH: '' })).toEqual({ executablePath: fake });
    await expect(findBrowser({ PLAN_MONITOR_BROWSER: path.join(dir, 'nothing'), PATH: '' })).rejects.toThrow(
      `PLAN_MONITOR_BROWSER is '${path.join(dir, 'nothing')}', which is not a program this user can run.`,
    );
  });

  it('finds chromium on the PATH when no Chrome or Edge is installed', async () => {
    const { findBrowser } = await browserModule();
    const bin = path.join(dir, 'bin');
    const chromium = path.join(bin, 'chromium');
    mkdirSync(bin);
    writeFileSync(chromium, '#!/bin/sh\n');
    chmodSync(chromium, 0o755);
    const found = await findBrowser({ PATH: bin });
    // An installed Chrome or Edge comes first; otherwise the one on the PATH.
    expect(found).toEqual(found?.channel ? { channel: found.channel } : { executablePath: chromium });
  });

  it('returns null when there is none, and launching then fails with one line saying what to install', async () => {
    const { findBrowser, launchFoundBrowser, installHint } = await browserModule();
    const found = await findBrowser({ PATH: path.join(dir, 'empty') });
    if (found === null) await expect(launchFoundBrowser(null)).rejects.toThrow(installHint);
    else expect(found.executablePath).toBeUndefined(); // only an installed Chrome/Edge channel can answer here
    expect(installHint).not.toContain('\n');
    expect(installHint).toMatch(/apt-get install chromium/);
  });
});
