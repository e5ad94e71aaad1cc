// Bundles every target with esbuild and lays out dist/:
//   dist/cli/plan-monitor.cjs                      the command line (Node)
//   dist/taskpane.js, commands.js, result.js       the Excel add-in's pages (browser; office.js stays on Microsoft's CDN)
//   dist/report-tools.js, file-tools.js            the committee report (HTML and Word) and the file tools (merge, add), which the panel loads when first asked
//   dist/preview.js                                the browser preview (npm run preview)
//   dist/*.html, panel.css, preview.css, assets/   the pages, styles and icons they use
//   dist/manifest.xml                              manifest.xml for the server, when scripts/manifest.mjs is present
//   dist/gas/Code.js, Sidebar.html, ReportTools.html, FileTools.html, appsscript.json  the Google Sheets add-on, ready for clasp push
//
//   node scripts/build.mjs [--production] [--base-url https://example.org/plan-monitor]
//
// --production (or NODE_ENV=production) minifies the browser bundles. The base URL defaults to
// $PLAN_MONITOR_BASE_URL, then the manifest's own https://localhost:3000. Every file is written to a
// temporary name and renamed, so a test that runs the CLI while a build runs never reads half a file.
import { build } from 'esbuild';
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const dist = path.join(root, 'dist');

function writeAtomic(file, contents) {
  mkdirSync(path.dirname(file), { recursive: true });
  const temporary = `${file}.${process.pid}.tmp`;
  writeFileSync(temporary, contents);
  renameSync(temporary, file);
}

function copyInto(dir, from, filter) {
  if (!existsSync(from)) return;
  for (const name of readdirSync(from)) if (filter(name)) writeAtomic(path.join(dir, name), readFileSync(path.join(from, name)));
}

async function bundle(options) {
  const result = await build({ absWorkingDir: root, bundle: true, write: false, logLevel: 'warning', ...options });
  for (const file of result.outputFiles) writeAtomic(file.path, file.contents);
}

/** Writes dist/manifest.xml, and dist/manifest-excel-2019.xml without the shared runtime, with scripts/manifest.mjs. */
async function writeManifest(baseUrl) {
  const script = path.join(root, 'scripts', 'manifest.mjs');
  const source = path.join(root, 'manifest.xml');
  if (!existsSync(script) || !existsSync(source)) return;
  const mod = await import(pathToFileURL(script).href);
  const base = baseUrl ?? mod.DEV_BASE_URL ?? 'https://localhost:3000';
  const rendered = mod.renderManifest(readFileSync(source, 'utf8'), base);
  writeAtomic(path.join(dist, 'manifest.xml'), rendered);
  writeAtomic(path.join(dist, 'manifest-excel-2019.xml'), mod.withoutSharedRuntime(rendered));
}

/** Functions Apps Script must find at the top level of Code.js: every menu and google.script.run target these files export. */
function gasEntryPoints(files) {
  const names = files.flatMap((f) => [...readFileSync(path.join(root, 'src', 'sheets', f), 'utf8').matchAll(/^export function ((?:on|pm)\w+)\(/gm)].map((m) => m[1]));
  return [...new Set(names)];
}

async function bundleText(options) {
  const result = await build({ absWorkingDir: root, bundle: true, write: false, logLevel: 'warning', ...options });
  return result.outputFiles[0].text;
}

/**
 * dist/gas: Code.js is the server bundle (an iife in one global) followed by top-level stubs, since
 * Apps Script only calls top-level functions; Sidebar.html carries the panel's script and CSS inline.
 */
async function buildAppsScript(production) {
  await writeCode('gas', 'src/sheets/server.ts', ['server.ts'], true);
  // The opt-in weekly reminder: its own build, with the extra scopes it needs (appsscript.reminders.json),
  // so the default add-on keeps its two narrow ones. No @OnlyCurrentDoc: it opens the spreadsheet by id.
  await writeCode('gas-reminders', 'src/sheets/reminders.ts', ['server.ts', 'reminders.ts'], false);

  // The sidebar has Google's look only: PLAN_MONITOR_FLUENT false lets esbuild drop Fluent UI's code from its page.
  const sidebar = await bundleText({ entryPoints: ['src/sheets/sidebar.ts'], platform: 'browser', target: 'es2019', format: 'iife', minify: production, define: { 'globalThis.PLAN_MONITOR_FLUENT': 'false' } });
  const css = readFileSync(path.join(root, 'src', 'ui', 'panel.css'), 'utf8');
  // "</script" inside the inlined bundle would end the script element early.
  const page = readFileSync(path.join(root, 'src', 'sheets', 'sidebar.html'), 'utf8')
    .replace('/*PANEL_CSS*/', () => css)
    .replace('/*SIDEBAR_JS*/', () => sidebar.replace(/<\/script/gi, '<\\/script'));
  // The on-demand scripts as HtmlService includes, which pmPanelScript hands to the sidebar when asked.
  const includes = await Promise.all(
    [['ReportTools', 'src/ui/on-demand/report-tools.ts'], ['FileTools', 'src/ui/on-demand/file-tools.ts']].map(async ([name, entry]) => {
      const js = await bundleText({ entryPoints: [entry], platform: 'browser', target: 'es2019', format: 'iife', minify: true, legalComments: 'none' });
      return [name, `<script>${js.replace(/<\/script/gi, '<\\/script')}</script>\n`];
    }),
  );
  for (const [dir, manifest] of [['gas', 'appsscript.json'], ['gas-reminders', 'appsscript.reminders.json']]) {
    writeAtomic(path.join(dist, dir, 'Sidebar.html'), page);
    for (const [name, include] of includes) writeAtomic(path.join(dist, dir, `${name}.html`), include);
    writeAtomic(path.join(dist, dir, 'appsscript.json'), readFileSync(path.join(root, manifest)));
  }
}

async function writeCode(dir, entry, files, currentDocOnly) {
  const server = await bundleText({ entryPoints: [entry], platform: 'neutral', target: 'es2020', format: 'iife', globalName: 'PlanMonitorServer', minify: false });
  const stubs = gasEntryPoints(files).map((name) => `function ${name}() { return PlanMonitorServer.${name}.apply(this, arguments); }`);
  const code = [...(currentDocOnly ? ['/** @OnlyCurrentDoc */'] : []), '// Plan Monitor for Google Sheets. Built by scripts/build.mjs from src/sheets: do not edit.', server, ...stubs, ''].join('\n');
  writeAtomic(path.join(dist, dir, 'Code.js'), code);
}

async function main(argv) {
  const { values } = parseArgs({
    args: argv,
    options: { production: { type: 'boolean' }, 'base-url': { type: 'string' } },
    strict: true,
    allowPositionals: false,
  });
  const production = values.production === true || process.env.NODE_ENV === 'production';
  const baseUrl = values['base-url'] ?? (process.env.PLAN_MONITOR_BASE_URL || undefined);

  await Promise.all([
    bundle({
      entryPoints: ['src/cli/plan-monitor.ts'],
      outfile: 'dist/cli/plan-monitor.cjs',
      platform: 'node',
      target: 'node20',
      format: 'cjs',
      // plan-monitor --version says the package's version.
      define: { PLAN_MONITOR_VERSION: JSON.stringify(JSON.parse(readFileSync('package.json', 'utf8')).version) },
    }),
    bundle({
      entryPoints: {
        taskpane: 'src/excel/taskpane.ts',
        commands: 'src/excel/commands.ts',
        result: 'src/excel/result.ts',
        preview: 'src/preview/preview.ts',
        // Loaded by the panel only when first asked for (src/ui/on-demand.ts): the Word renderer, the reply reader.
        'report-tools': 'src/ui/on-demand/report-tools.ts',
        'file-tools': 'src/ui/on-demand/file-tools.ts',
      },
      outdir: 'dist',
      platform: 'browser',
      // Office's older webviews (Excel 2016/2019 on Windows use IE11/EdgeHTML-era engines for some users: ES2019 is the floor we support).
      target: 'es2019',
      format: 'iife',
      minify: production,
      sourcemap: false,
      legalComments: production ? 'none' : 'inline',
      define: { 'process.env.NODE_ENV': JSON.stringify(production ? 'production' : 'development') },
    }),
    buildAppsScript(production),
  ]);

  const html = (name) => name.endsWith('.html');
  copyInto(dist, path.join(root, 'src', 'excel'), html);
  copyInto(dist, path.join(root, 'src', 'preview'), (name) => html(name) || name.endsWith('.css'));
  copyInto(dist, path.join(root, 'src', 'ui'), (name) => name.endsWith('.css'));
  copyInto(path.join(dist, 'assets'), path.join(root, 'assets'), (name) => name.endsWith('.png'));
  await writeManifest(baseUrl);
}

try {
  await main(process.argv.slice(2));
} catch (e) {
  // esbuild has already printed its own errors; anything else gets one plain line.
  if (!(e && typeof e === 'object' && 'errors' in e)) console.error(`build: ${e instanceof Error ? e.message : String(e)}`);
  process.exitCode = 1;
}
