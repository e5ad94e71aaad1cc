// Writes the add-in manifest for a server: manifest.xml points every URL at https://localhost:3000
// (development); this copies it with that origin replaced by a base URL, as Microsoft's template
// does with its urlProd.
//
//   node scripts/manifest.mjs [--base-url https://example.org/plan-monitor] [--out dist/manifest.xml]
//
// The base URL defaults to $PLAN_MONITOR_BASE_URL, then https://localhost:3000. The build script
// imports renderManifest / writeManifest instead of running this file.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

/** The origin manifest.xml uses for development. */
export const DEV_BASE_URL = 'https://localhost:3000';
/** The manifest in the repository. */
export const manifestPath = path.join(root, 'manifest.xml');

// The dev origin as a whole: not followed by more port digits or host characters.
const devOrigin = () => /https:\/\/localhost:3000(?![\w.:-])/g;

const xmlEscape = (s) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&apos;');

/**
 * Checks a base URL and returns it normalised, without a trailing slash
 * ("https://Example.org/plan-monitor/" -> "https://example.org/plan-monitor").
 * @param {unknown} baseUrl
 * @returns {string}
 */
export function normaliseBaseUrl(baseUrl) {
  const given = typeof baseUrl === 'string' ? baseUrl.trim() : '';
  const example = 'for example https://example.org/plan-monitor';
  if (given === '') throw new Error(`No base URL given: pass the https:// address the add-in is served from, ${example}.`);
  let url;
  try {
    url = new URL(given);
  } catch {
    throw new Error(`"${given}" is not a URL: give the full https:// address the add-in is served from, ${example}.`);
  }
  if (url.protocol !== 'https:') {
    throw new Error(`The base URL must start with https:// (Office only loads add-ins over HTTPS), not "${given}".`);
  }
  if (url.username || url.password) throw new Error(`The base URL must not contain a user name or password: "${given}".`);
  if (url.search || url.hash || given.includes('?') || given.includes('#')) {
    throw new Error(`The base URL must not have a query (?) or fragment (#), because page names are added after it: "${given}".`);
  }
  return (url.origin + url.pathname).replace(/\/+$/, '');
}

/**
 * Returns the manifest text with every https://localhost:3000 replaced by baseUrl.
 * @param {string} xmlText manifest.xml's text
 * @param {string} baseUrl https:// address the add-in's files are served from, e.g. https://example.org/plan-monitor
 * @returns {string}
 */
export function renderManifest(xmlText, baseUrl) {
  const base = normaliseBaseUrl(baseUrl);
  if (typeof xmlText !== 'string' || !devOrigin().test(xmlText)) {
    throw new Error(`The manifest has no ${DEV_BASE_URL} addresses to replace: pass the text of manifest.xml.`);
  }
  const escaped = xmlEscape(base);
  return xmlText.replace(devOrigin(), () => escaped);
}

// The shared runtime block as manifest.xml writes it: its comment, the element, and the line breaks.
const runtimesBlock = /\n[ \t]*<!--(?:(?!-->)[^])*-->(?=\s*<Runtimes>)|\n[ \t]*<Runtimes>[\s\S]*?<\/Runtimes>/g;

/**
 * The manifest for Excel 2019, which has no shared runtime: no <Runtimes>, and the ribbon's
 * buttons in their own page (commands.html), reporting in a dialog. Also what the offline
 * schemas, which predate <Runtimes>, can validate.
 * @param {string} xmlText
 * @returns {string}
 */
export function withoutSharedRuntime(xmlText) {
  const out = xmlText.replace(runtimesBlock, '').replace('<FunctionFile resid="Taskpane.Url"/>', '<FunctionFile resid="Commands.Url"/>');
  if (/<Runtimes\b/.test(out)) throw new Error('The manifest\'s <Runtimes> element is not in the shape withoutSharedRuntime knows.');
  return out;
}

/**
 * What is wrong with the manifest's shared runtime, which the offline schemas cannot check: one
 * <Runtimes> as the Workbook host's first child, holding one long-lived <Runtime> on the task
 * pane's page, and the ribbon's FunctionFile on that same page (Office loads no shared runtime
 * otherwise). Empty when it is right or absent.
 * @param {string} xmlText
 * @returns {string[]}
 */
export function sharedRuntimeProblems(xmlText) {
  const blocks = xmlText.match(/<Runtimes>[\s\S]*?<\/Runtimes>/g) ?? [];
  if (blocks.length === 0) return [];
  const problems = [];
  if (blocks.length > 1) problems.push('more than one <Runtimes> element');
  if (!/<Host xsi:type="Workbook">\s*(?:<!--[\s\S]*?-->\s*)?<Runtimes>/.test(xmlText)) problems.push('<Runtimes> must be the first element of <Host xsi:type="Workbook">');
  const runtimes = [...(blocks[0] ?? '').matchAll(/<Runtime\s+([^>]*?)\/?>/g)];
  if (runtimes.length !== 1) problems.push('<Runtimes> must hold exactly one <Runtime>');
  const attrs = runtimes[0]?.[1] ?? '';
  const resid = /resid="([^"]*)"/.exec(attrs)?.[1];
  if (resid !== 'Taskpane.Url') problems.push(`<Runtime resid> must be Taskpane.Url (the task pane's page), not ${resid ?? 'missing'}`);
  if (!/lifetime="long"/.test(attrs)) problems.push('<Runtime lifetime> must be "long", so the ribbon can run while the pane is closed');
  const functionFile = /<FunctionFile resid="([^"]*)"\/>/.exec(xmlText)?.[1];
  if (functionFile !== resid) problems.push(`<FunctionFile resid> must be the runtime's page (${resid ?? '?'}), not ${functionFile ?? 'missing'}`);
  if (!new RegExp(`<bt:Url id="${resid ?? 'Taskpane.Url'}" `).test(xmlText)) problems.push(`no <bt:Url id="${resid}"> resource`);
  return problems;
}

/**
 * Reads manifest.xml, renders it for baseUrl and writes it to out (folders are created).
 * @param {{ baseUrl: string, out: string, source?: string, excel2019?: boolean }} options excel2019: without the shared runtime (withoutSharedRuntime)
 * @returns {string} the path written
 */
export function writeManifest({ baseUrl, out, source = manifestPath, excel2019 = false }) {
  const rendered = renderManifest(readFileSync(source, 'utf8'), baseUrl);
  const xml = excel2019 ? withoutSharedRuntime(rendered) : rendered;
  mkdirSync(path.dirname(path.resolve(out)), { recursive: true });
  writeFileSync(out, xml);
  return out;
}

function main(argv) {
  let values;
  try {
    ({ values } = parseArgs({
      args: argv,
      options: { 'base-url': { type: 'string' }, out: { type: 'string' }, help: { type: 'boolean', short: 'h' } },
      strict: true,
      allowPositionals: false,
    }));
  } catch (e) {
    console.error(`manifest: ${e instanceof Error ? e.message : String(e)}`);
    console.error('Usage: node scripts/manifest.mjs [--base-url https://example.org/plan-monitor] [--out dist/manifest.xml]');
    return 2;
  }
  if (values.help) {
    console.log('Usage: node scripts/manifest.mjs [--base-url https://example.org/plan-monitor] [--out dist/manifest.xml]');
    console.log(`Base URL defaults to $PLAN_MONITOR_BASE_URL, then ${DEV_BASE_URL}.`);
    return 0;
  }
  const baseUrl = values['base-url'] ?? process.env.PLAN_MONITOR_BASE_URL ?? DEV_BASE_URL;
  const out = values.out ?? path.join('dist', 'manifest.xml');
  try {
    writeManifest({ baseUrl, out });
  } catch (e) {
    console.error(`manifest: ${e instanceof Error ? e.message : String(e)}`);
    return 1;
  }
  console.log(`Wrote ${out} for ${normaliseBaseUrl(baseUrl)}`);
  return 0;
}

if (process.argv[1] && import.meta.url === pathToFileURL(path.resolve(process.argv[1])).href) {
  process.exitCode = main(process.argv.slice(2));
}
