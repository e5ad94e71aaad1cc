// npm run screenshots (scripts/screenshots.mjs): its function, run into a temporary folder (never
// over docs/screenshots), writes the six pictures with the names the docs use, each a PNG exactly
// as wide as its pane.
import { mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildDist, launchChromium } from './helpers';

interface ScreenshotsModule {
  takeScreenshots(options: { outDir?: string; browser?: Browser; build?: boolean }): Promise<string[]>;
  shots: { file: string; width: number }[];
}

let browser: Browser;
let outDir: string;

beforeAll(async () => {
  buildDist();
  browser = await launchChromium();
  outDir = mkdtempSync(path.join(tmpdir(), 'pm-screenshots-'));
}, 900_000); // long enough for apt-get to install chromium on a fresh Debian machine

afterAll(async () => {
  await browser?.close();
  if (outDir) rmSync(outDir, { recursive: true, force: true });
});

/** Width and height from a PNG's IHDR chunk, after checking the signature. */
function pngSize(file: string): { width: number; height: number } {
  const bytes = readFileSync(file);
  expect(bytes.subarray(0, 8).toString('hex'), `${file} is a PNG`).toBe('89504e470d0a1a0a');
  expect(bytes.subarray(12, 16).toString('latin1')).toBe('IHDR');
  return { width: bytes.readUInt32BE(16), height: bytes.readUInt32BE(20) };
}

describe('npm run screenshots', () => {
  it('writes the task pane at 300 and 350 px and the sidebar at 300 px, light and dark, each as wide as its pane', async () => {
    const specifier = '../../scripts/screenshots.mjs';
    const mod = (await import(/* @vite-ignore */ specifier)) as ScreenshotsModule;
    const written = await mod.takeScreenshots({ outDir, browser, build: false });
    const expected = ['taskpane-300-light.png', 'taskpane-300-dark.png', 'taskpane-350-light.png', 'taskpane-350-dark.png', 'sidebar-300-light.png', 'sidebar-300-dark.png'];
    expect(written.map((f) => path.basename(f))).toEqual(expected);
    expect(readdirSync(outDir).sort()).toEqual([...expected].sort());
    for (const name of expected) {
      const { width, height } = pngSize(path.join(outDir, name));
      expect(width, name).toBe(Number(/-(\d+)-/.exec(name)?.[1]));
      // The whole panel after Check plan: the results run far below one screen.
      expect(height, name).toBeGreaterThan(1000);
    }
    // Light and dark are different pictures.
    expect(readFileSync(path.join(outDir, 'taskpane-300-light.png')).equals(readFileSync(path.join(outDir, 'taskpane-300-dark.png')))).toBe(false);
  });
});
