// The Excel task pane's budget: what taskpane.html loads from us (its scripts and stylesheets, not
// office.js from Microsoft's CDN) is under 100 KB gzipped, Fluent UI Web Components included. The
// build is the tests' usual one (scripts/build.mjs into dist/); its scripts are minified here as
// `--production` minifies them (esbuild, no legal comments), and every file is gzipped at zlib's
// default level, as a web server sends it. The stylesheet is measured as served (the build copies it).
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { transform } from 'esbuild';
import { JSDOM } from 'jsdom';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildDist, dist } from './helpers';

const budgetBytes = 100 * 1024;

beforeAll(() => {
  buildDist();
}, 300_000);

/** The local scripts and stylesheets a built page loads, in page order. */
function localAssets(page: string): { scripts: string[]; styles: string[] } {
  const doc = new JSDOM(readFileSync(path.join(dist, page), 'utf8')).window.document;
  const local = (u: string) => !/^(https?:)?\/\//i.test(u);
  return {
    scripts: Array.from(doc.querySelectorAll('script[src]'), (s) => s.getAttribute('src') ?? '').filter(local),
    styles: Array.from(doc.querySelectorAll('link[rel="stylesheet"][href]'), (l) => l.getAttribute('href') ?? '').filter(local),
  };
}

async function gzippedSizes(page: string): Promise<{ file: string; gzip: number }[]> {
  const { scripts, styles } = localAssets(page);
  const sizes: { file: string; gzip: number }[] = [];
  for (const src of scripts) {
    const code = readFileSync(path.join(dist, src), 'utf8');
    const minified = await transform(code, { loader: 'js', minify: true, legalComments: 'none', target: 'es2019' });
    sizes.push({ file: src, gzip: gzipSync(minified.code).length });
  }
  for (const href of styles) sizes.push({ file: href, gzip: gzipSync(readFileSync(path.join(dist, href))).length });
  return sizes;
}

describe('the task pane bundle', () => {
  it('taskpane.html loads under 100 KB gzipped of our JS and CSS, with the Fluent components in it', async () => {
    const sizes = await gzippedSizes('taskpane.html');
    expect(sizes.map((s) => s.file)).toEqual(['./taskpane.js', './panel.css']);
    const total = sizes.reduce((sum, s) => sum + s.gzip, 0);
    const summary = sizes.map((s) => `${s.file} ${(s.gzip / 1024).toFixed(1)} KB`).join(', ');
    expect(total, `${summary}: ${(total / 1024).toFixed(1)} KB in all`).toBeLessThan(budgetBytes);
    // The budget is met with Fluent in the bundle, not by leaving it out.
    const js = readFileSync(path.join(dist, 'taskpane.js'), 'utf8');
    expect(js).toContain('@fluentui/web-components');
    expect(js).toContain('@microsoft/fast-element');
  });

  it('leaves the report tools out of the pane’s own script: report-tools.js loads on demand, itself under 150 KB gzipped', async () => {
    const pane = readFileSync(path.join(dist, 'taskpane.js'), 'utf8');
    expect(pane).not.toContain('node_modules/docx/');
    expect(pane).not.toContain('node_modules/jszip/');
    const docx = readFileSync(path.join(dist, 'report-tools.js'), 'utf8');
    expect(docx).toContain('node_modules/docx/');
    const minified = await transform(docx, { loader: 'js', minify: true, legalComments: 'none', target: 'es2019' });
    const gzip = gzipSync(minified.code).length;
    // Fetched once, with the first committee report: the engine again (an iife shares no modules) and docx.
    expect(gzip, `report-tools.js ${(gzip / 1024).toFixed(1)} KB`).toBeLessThan(150 * 1024);
  });

  it('imports only the Fluent components the panel uses', () => {
    const js = readFileSync(path.join(dist, 'taskpane.js'), 'utf8');
    // esbuild's development bundle names each module it took in a comment: the components' folders.
    const components = new Set(Array.from(js.matchAll(/node_modules\/@fluentui\/web-components\/dist\/esm\/([a-z-]+)\//g), (m) => m[1]));
    const used = ['button', 'field', 'spinner'];
    const helpers = ['patterns', 'styles', 'theme', 'utils'];
    expect([...components].filter((c) => !used.includes(c ?? '') && !helpers.includes(c ?? ''))).toEqual([]);
    for (const c of used) expect(components.has(c), c).toBe(true);
  });
});
