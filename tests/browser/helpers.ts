/**
 * Browser test helpers: build dist/, serve it on a free port in-process (scripts/serve.mjs), and
 * drive a Chromium-based browser found on the machine (tests/helpers/browser.ts) with playwright-core.
 * No browser is ever downloaded.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { launchTestBrowser } from '../helpers/browser';

export const root = path.resolve(__dirname, '../..');
export const dist = path.join(root, 'dist');
export const artifacts = path.join(root, 'tests', 'artifacts');

export function buildDist(): void {
  const r = spawnSync(process.execPath, [path.join(root, 'scripts', 'build.mjs')], { cwd: root, encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`npm run build failed:\n${r.stdout}\n${r.stderr}`);
}

interface ServeModule {
  startServer(options: { root?: string; port?: number; host?: string }): Promise<{ url: string; port: number; close(): Promise<void> }>;
}

/** scripts/serve.mjs is plain JavaScript with no type declarations: import it untyped, then type it. */
export async function serveDist(): Promise<{ url: string; close(): Promise<void> }> {
  const specifier = '../../scripts/serve.mjs';
  const mod = (await import(/* @vite-ignore */ specifier)) as ServeModule;
  return mod.startServer({ root: dist, port: 0, host: '127.0.0.1' });
}

export function launchChromium(): Promise<Browser> {
  return launchTestBrowser();
}

export function artifact(name: string): string {
  mkdirSync(artifacts, { recursive: true });
  return path.join(artifacts, name);
}

/** #RRGGBB as the rgb() string getComputedStyle gives. */
export function rgb(hex: string): string {
  const n = (i: number) => parseInt(hex.slice(i, i + 2), 16);
  return `rgb(${n(1)}, ${n(3)}, ${n(5)})`;
}

/** A page opened by a browser test, with what it showed the user: dialogs and page errors. */
export interface Opened {
  page: Page;
  dialogs: string[];
  errors: string[];
  close(): Promise<void>;
}

/**
 * Records what a page showed the user: dialogs (dismissed) and page errors, and console errors unless
 * `console` is false (a page whose remote script is refused on purpose logs one).
 */
export function watchPage(page: Page, options: { console?: boolean } = {}): { dialogs: string[]; errors: string[] } {
  const dialogs: string[] = [];
  const errors: string[] = [];
  page.on('dialog', (d) => {
    dialogs.push(d.message());
    void d.dismiss();
  });
  page.on('pageerror', (e) => errors.push(e.message));
  if (options.console !== false) {
    page.on('console', (m) => {
      if (m.type() === 'error') errors.push(m.text());
    });
  }
  return { dialogs, errors };
}

const requireHere = createRequire(__filename);

/**
 * axe-core's violations on the page as it stands (every rule axe runs by default: WCAG 2.x A and AA
 * and its best practices), one line each: rule, impact, and where. axe is injected as a script
 * (node_modules/axe-core/axe.js) and looks into open shadow roots, Fluent's included.
 */
export async function axeViolations(page: Page): Promise<string[]> {
  if (!(await page.evaluate(() => 'axe' in window))) await page.addScriptTag({ path: requireHere.resolve('axe-core') });
  return page.evaluate(async () => {
    interface AxeNode {
      target: unknown[];
      failureSummary?: string;
    }
    interface AxeResult {
      id: string;
      impact?: string;
      nodes: AxeNode[];
    }
    const axe = (window as unknown as { axe: { run(context: Document, options: object): Promise<{ violations: AxeResult[] }> } }).axe;
    const { violations } = await axe.run(document, { resultTypes: ['violations'] });
    return violations.map((v) => `${v.id} (${v.impact ?? '?'}): ${v.nodes.map((n) => `${JSON.stringify(n.target)} ${(n.failureSummary ?? '').replace(/\s+/g, ' ')}`).join(' | ')}`);
  });
}

/**
 * How the focused element shows its focus: 'visible …' for an outline, or a box-shadow ring (Fluent's
 * buttons draw theirs so), at least 1px wide and 3:1 against the background around it (WCAG 1.4.11);
 * else 'none …' with what was found. Runs in the page.
 */
export function focusRing(): string {
  const el = document.activeElement as HTMLElement | null;
  if (!el || el === document.body) return 'none: nothing focused';
  const parse = (c: string): number[] => (c.match(/[\d.]+/g) ?? []).map(Number);
  const lum = ([r, g, b]: number[]) => {
    const ch = (v: number) => {
      const s = v / 255;
      return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
    };
    return 0.2126 * ch(r ?? 0) + 0.7152 * ch(g ?? 0) + 0.0722 * ch(b ?? 0);
  };
  const ratio = (a: number[], b: number[]) => (Math.max(lum(a), lum(b)) + 0.05) / (Math.min(lum(a), lum(b)) + 0.05);
  let bg = [255, 255, 255];
  for (let e = el.parentElement; e; e = e.parentElement) {
    const c = parse(getComputedStyle(e).backgroundColor);
    if (c.length === 3 || (c.length === 4 && (c[3] ?? 0) > 0.5)) {
      bg = c.slice(0, 3);
      break;
    }
  }
  const style = getComputedStyle(el);
  const found: string[] = [];
  const outline = parse(style.outlineColor);
  const outlineAlpha = outline.length === 4 ? (outline[3] ?? 0) : 1;
  if (style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) >= 1 && outlineAlpha > 0.5) {
    const r = ratio(outline.slice(0, 3), bg);
    if (r >= 3) return `visible outline ${style.outlineWidth} ${style.outlineStyle} ${style.outlineColor}, ${r.toFixed(1)}:1`;
    found.push(`outline ${style.outlineColor} only ${r.toFixed(2)}:1`);
  } else found.push(`outline ${style.outlineStyle} ${style.outlineWidth} ${style.outlineColor}`);
  // box-shadow: "rgb(0, 0, 0) 0px 0px 0px 2px, …": a ring has no offset and a spread.
  for (const shadow of style.boxShadow.split(/,(?![^(]*\))/)) {
    const color = /rgba?\([^)]*\)/.exec(shadow)?.[0] ?? '';
    const lengths = shadow.replace(color, '').trim().split(/\s+/).map(parseFloat);
    const [x = 0, y = 0, , spread = 0] = lengths;
    const c = parse(color);
    const alpha = c.length === 4 ? (c[3] ?? 0) : 1;
    if (shadow.includes('inset') || x !== 0 || y !== 0 || spread < 1 || alpha <= 0.5) continue;
    const r = ratio(c.slice(0, 3), bg);
    if (r >= 3) return `visible ring ${spread}px ${color}, ${r.toFixed(1)}:1`;
    found.push(`ring ${color} only ${r.toFixed(2)}:1`);
  }
  return `none: ${el.tagName.toLowerCase()} ${found.join('; ')} on rgb(${bg.join(', ')})`;
}
