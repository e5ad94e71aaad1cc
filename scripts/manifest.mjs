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

/**
 * Reads manifest.xml, renders it for baseUrl and writes it to out (folders are created).
 * @param {{ baseUrl: string, out: string, source?: string }} options
 * @returns {string} the path written
 */
export function writeManifest({ baseUrl, out, source = manifestPath }) {
  const xml = renderManifest(readFileSync(source, 'utf8'), baseUrl);
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
