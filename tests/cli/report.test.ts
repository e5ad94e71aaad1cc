// plan-monitor report end to end on the sample workbook: HTML, Word and PDF in one run, the council
// and plan title from the title rows, the settings and --title, and the one-line refusals.
import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { strFromU8, unzipSync } from 'fflate';
import { beforeAll, describe, expect, it } from 'vitest';
import { installedLocations, installHint } from '../../src/host/find-browser.mjs';
import { browserModule, launchTestBrowser } from '../helpers/browser';
import { tempDir } from '../helpers/xlsx';
import { readPdf } from '../report/pdf-text';

const root = path.resolve(__dirname, '../..');
const sample = path.join(root, 'samples/cip-monitoring-sept-2018.xlsx');

function cli(args: string[], env: NodeJS.ProcessEnv = process.env) {
  const r = spawnSync(process.execPath, [path.join(root, 'bin/plan-monitor.cjs'), ...args], { encoding: 'utf8', cwd: root, env });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

let dir: string;
/** The environment the CLI finds a browser in: the one the browser tests use. */
let withBrowser: NodeJS.ProcessEnv;
beforeAll(async () => {
  dir = tempDir();
  // Installs Debian's chromium first when there is none and we may (root on Debian).
  await (await launchTestBrowser()).close();
  const found = await (await browserModule()).findBrowser();
  withBrowser = found?.executablePath ? { ...process.env, PLAN_MONITOR_BROWSER: found.executablePath } : { ...process.env };
}, 900_000);

const out = (name: string) => path.join(dir, name);

describe('plan-monitor report', () => {
  it('writes the HTML page, the Word document and the PDF in one run', async () => {
    const [html, docx, pdf] = [out('report.html'), out('report.docx'), out('report.pdf')];
    const r = cli(['report', sample, '--as-of', '2018-09-30', '--html', html, '--docx', docx, '--pdf', pdf], withBrowser);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.stdout).toBe(`Wrote the committee report for 'CIP Monitoring' to ${html}, ${docx} and ${pdf}.\n`);

    const page = readFileSync(html, 'utf8');
    expect(page).toContain('<p class="council">Northmoor City Council</p>');
    expect(page).toContain('<h1>Corporate Improvement Plan – progress up to 30 September 2018</h1>');
    expect(page).toContain('The Corporate Improvement Plan now contains 62 actions. 32 actions have now been completed, with 8 showing some slippage.');

    const parts = unzipSync(readFileSync(docx));
    expect(strFromU8(parts['docProps/core.xml'] ?? new Uint8Array())).toContain('<dc:title>Northmoor City Council: Corporate Improvement Plan – progress up to 30 September 2018</dc:title>');
    expect(parts['word/media/image1.png']?.length).toBeGreaterThan(10_000);

    const pages = await readPdf(readFileSync(pdf));
    expect(pages.length).toBeGreaterThanOrEqual(6);
    pages.forEach((p, i) => expect(p.lines[p.lines.length - 1]?.text).toBe(`Page ${i + 1} of ${pages.length}`));
    expect(pages[0]?.lines.slice(0, 2).map((l) => l.text)).toEqual(['Northmoor City Council', 'Corporate Improvement Plan – progress up to 30']);
  }, 120_000);

  it('takes the council and plan title from --settings, and --title over both', () => {
    const settings = out('settings.json');
    writeFileSync(settings, JSON.stringify({ councilName: 'Eastwick Borough Council', planTitle: 'Council Improvement Plan' }));
    const html = out('named.html');
    expect(cli(['report', sample, '--as-of', '2018-09-30', '--settings', settings, '--html', html]).code).toBe(0);
    const page = readFileSync(html, 'utf8');
    expect(page).toContain('<p class="council">Eastwick Borough Council</p>');
    expect(page).toContain('<h1>Council Improvement Plan – progress up to 30 September 2018</h1>');
    expect(cli(['report', sample, '--as-of', '2018-09-30', '--settings', settings, '--title', 'Recovery Plan', '--html', html]).code).toBe(0);
    expect(readFileSync(html, 'utf8')).toContain('<h1>Recovery Plan – progress up to 30 September 2018</h1>');
  });

  it('refuses what it cannot do in one plain line, exit 2, writing nothing', () => {
    const oneLine = (r: ReturnType<typeof cli>) => {
      expect(r.code).toBe(2);
      expect(r.stdout).toBe('');
      expect(r.stderr.trim().split('\n')).toHaveLength(1);
      return r.stderr.trim();
    };
    expect(oneLine(cli(['report', sample]))).toMatch(/^plan-monitor: report needs --html OUT\.html, --docx OUT\.docx or --pdf OUT\.pdf \(any of them\)\. Usage: plan-monitor report FILE/);
    expect(oneLine(cli(['report', sample, '--docx', out('r.doc')]))).toBe(`plan-monitor: --docx must name a .docx file (got '${out('r.doc')}').`);
    expect(oneLine(cli(['report', sample, '--html', out('same.html'), '--pdf', out('same.html')]))).toBe(`plan-monitor: --pdf must name a .pdf file (got '${out('same.html')}').`);
    const settings = out('bad.json');
    writeFileSync(settings, JSON.stringify({ planTitle: '' }));
    expect(oneLine(cli(['report', sample, '--settings', settings, '--html', out('bad.html')]))).toBe(`plan-monitor: In '${settings}': Setting 'planTitle' must not be empty.`);
    expect(existsSync(out('bad.html'))).toBe(false);
  });

  it('--pdf with no browser says what to install, before writing anything', () => {
    const env: NodeJS.ProcessEnv = { ...process.env, PATH: '' };
    delete env.PLAN_MONITOR_BROWSER;
    const html = out('no-browser.html');
    const r = cli(['report', sample, '--html', html, '--pdf', out('no-browser.pdf')], env);
    if (installedLocations().some((f) => existsSync(f))) {
      // Chrome or Edge is installed where its installer puts it: the CLI finds it without the PATH.
      expect(r.code).toBe(0);
      return;
    }
    expect(r.code).toBe(2);
    expect(r.stderr).toBe(`plan-monitor: --pdf needs a browser to print with. ${installHint} (--html and --docx need none.)\n`);
    expect(existsSync(html)).toBe(false);
  });

  it('runs as the one-file bundle with no node_modules: the Word document gives the chart in words', () => {
    const lone = path.join(tempDir(), 'plan-monitor.cjs');
    copyFileSync(path.join(root, 'dist/cli/plan-monitor.cjs'), lone);
    const docx = out('lone.docx');
    const r = spawnSync(process.execPath, [lone, 'report', sample, '--as-of', '2018-09-30', '--docx', docx], { encoding: 'utf8', cwd: path.dirname(lone) });
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    expect(r.stdout.split('\n')[1]).toBe("The Word document gives the chart in words: drawing it needs @resvg/resvg-js, which is not installed beside plan-monitor (run 'npm install' in its folder).");
    const parts = unzipSync(readFileSync(docx));
    expect(Object.keys(parts).filter((k) => k.startsWith('word/media/'))).toEqual([]);
    expect(strFromU8(parts['word/document.xml'] ?? new Uint8Array())).toContain('One bar per theme, split by status, all on one scale.');
  });

  it('--pdf names a PLAN_MONITOR_BROWSER that is not a program', () => {
    const r = cli(['report', sample, '--pdf', out('p.pdf')], { ...process.env, PLAN_MONITOR_BROWSER: out('no-such-browser') });
    expect(r.code).toBe(2);
    expect(r.stderr).toBe(`plan-monitor: PLAN_MONITOR_BROWSER is '${out('no-such-browser')}', which is not a program this user can run.\n`);
  });
});
