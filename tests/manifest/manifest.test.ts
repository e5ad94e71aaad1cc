// The Excel add-in's manifest: schema-valid offline (libxml2 in WebAssembly + ../shared/office-manifest-xsd), the
// ribbon buttons the function file registers, every resource defined, every icon present at the
// size the manifest states, and the production rendering done by scripts/manifest.mjs.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { JSDOM } from 'jsdom';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const root = path.resolve(__dirname, '../..');
const manifestFile = path.join(root, 'manifest.xml');
const schema = path.resolve(root, '../shared/office-manifest-xsd/OfficeAppManifestV1_1.xsd');
const DEV = 'https://localhost:3000';
const PROD = 'https://plans.example.gov.uk/plan-monitor';

const NS = {
  app: 'http://schemas.microsoft.com/office/appforoffice/1.1',
  ov: 'http://schemas.microsoft.com/office/taskpaneappversionoverrides',
  bt: 'http://schemas.microsoft.com/office/officeappbasictypes/1.0',
  xsi: 'http://www.w3.org/2001/XMLSchema-instance',
} as const;

// ---------------------------------------------------------------------------------------------
// Helpers

/** Validates against the Office schemas with the same validator as `npm run validate` (libxml2 in WebAssembly). */
async function validate(file: string): Promise<{ ok: boolean; line: string }> {
  const { validateFile } = (await import(pathToFileURL(path.join(root, 'scripts/validate-manifest.mjs')).href)) as { validateFile: (f: string) => Promise<{ ok: boolean; line: string }> };
  return validateFile(file);
}

function runScript(script: string, args: string[], env: NodeJS.ProcessEnv = process.env) {
  const r = spawnSync(process.execPath, [path.join(root, 'scripts', script), ...args], { encoding: 'utf8', cwd: root, env });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

interface ManifestModule {
  renderManifest(xmlText: string, baseUrl: string): string;
  withoutSharedRuntime(xmlText: string): string;
  sharedRuntimeProblems(xmlText: string): string[];
}

/** scripts/manifest.mjs is plain JavaScript with no type declarations: import it untyped, then type it. */
async function loadManifestModule(): Promise<ManifestModule> {
  const specifier = '../../scripts/manifest.mjs';
  return (await import(/* @vite-ignore */ specifier)) as ManifestModule;
}

function parseXml(xml: string): Document {
  const doc = new new JSDOM('').window.DOMParser().parseFromString(xml, 'application/xml');
  const error = doc.getElementsByTagName('parsererror')[0];
  if (error) throw new Error(`manifest is not well-formed XML: ${error.textContent ?? ''}`);
  return doc;
}

const all = (scope: Document | Element, ns: string, name: string): Element[] => Array.from(scope.getElementsByTagNameNS(ns, name));

function one(scope: Document | Element, ns: string, name: string): Element {
  const found = all(scope, ns, name);
  if (found.length !== 1) throw new Error(`expected one <${name}>, found ${found.length}`);
  return found[0] as Element;
}

/** Direct children with a given namespace and local name. */
const children = (el: Element, ns: string, name: string): Element[] =>
  Array.from(el.children).filter((c) => c.namespaceURI === ns && c.localName === name);

function child(el: Element, ns: string, name: string): Element {
  const found = children(el, ns, name);
  if (found.length !== 1) throw new Error(`expected one <${name}> in <${el.localName}>, found ${found.length}`);
  return found[0] as Element;
}

function attr(el: Element, name: string): string {
  const v = el.getAttribute(name);
  if (v === null) throw new Error(`<${el.localName}> has no ${name} attribute`);
  return v;
}

const xsiType = (el: Element): string | null => el.getAttributeNS(NS.xsi, 'type');
const text = (el: Element): string => (el.textContent ?? '').trim();

type ResourceKind = 'image' | 'url' | 'short' | 'long';

/** Resources by kind: id -> DefaultValue. Throws on a duplicate id. */
function resources(doc: Document): Record<ResourceKind, Map<string, string>> {
  const res = child(one(doc, NS.ov, 'VersionOverrides'), NS.ov, 'Resources');
  const collect = (group: string, item: string) => {
    const map = new Map<string, string>();
    for (const el of children(child(res, NS.bt, group), NS.bt, item)) {
      const id = attr(el, 'id');
      if (map.has(id)) throw new Error(`resource id ${id} is defined twice`);
      map.set(id, attr(el, 'DefaultValue'));
    }
    return map;
  };
  return { image: collect('Images', 'Image'), url: collect('Urls', 'Url'), short: collect('ShortStrings', 'String'), long: collect('LongStrings', 'String') };
}

/** Which resource collection a resid on this element must point into. */
function kindOf(el: Element): ResourceKind {
  switch (el.localName) {
    case 'Image':
      return 'image';
    case 'SourceLocation':
    case 'FunctionFile':
    case 'Runtime':
    case 'LearnMoreUrl':
      return 'url';
    case 'Label':
    case 'Title':
      return 'short';
    case 'Description':
      return 'long';
    default:
      throw new Error(`unexpected resid on <${el.localName}>`);
  }
}

function resolve(doc: Document, el: Element): string {
  const kind = kindOf(el);
  const id = attr(el, 'resid');
  const value = resources(doc)[kind].get(id);
  if (value === undefined) throw new Error(`<${el.localName} resid="${id}"> refers to a ${kind} resource that is not defined`);
  return value;
}

/** Every URL the manifest gives Office (the top-level ones and the URL/image resources). */
function urlsIn(doc: Document): string[] {
  const top = ['IconUrl', 'HighResolutionIconUrl', 'SupportUrl'].map((n) => attr(one(doc, NS.app, n), 'DefaultValue'));
  const source = attr(child(one(doc, NS.app, 'DefaultSettings'), NS.app, 'SourceLocation'), 'DefaultValue');
  const res = resources(doc);
  return [...top, source, ...res.image.values(), ...res.url.values()];
}

/** Width and height from a PNG's IHDR chunk. */
function pngSize(file: string): { width: number; height: number } {
  const b = readFileSync(file);
  const signature = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  if (b.length < 24 || !b.subarray(0, 8).equals(signature) || b.toString('ascii', 12, 16) !== 'IHDR') {
    throw new Error(`${path.relative(root, file)} is not a PNG file`);
  }
  return { width: b.readUInt32BE(16), height: b.readUInt32BE(20) };
}

/** The file in assets/ a dev URL under /assets/ names. */
function assetFile(url: string): string {
  const prefix = `${DEV}/assets/`;
  if (!url.startsWith(prefix)) throw new Error(`${url} is not under ${prefix}`);
  return path.join(root, 'assets', url.slice(prefix.length));
}

interface Button {
  id: string;
  label: string;
  action: string | null;
  functionName?: string;
  taskpaneId?: string;
  source?: string;
  tipTitle: string;
  tipDescription: string;
  iconSizes: number[];
}

function buttons(doc: Document): Button[] {
  return all(doc, NS.ov, 'Control').map((c) => {
    expect(xsiType(c)).toBe('Button');
    const action = child(c, NS.ov, 'Action');
    const type = xsiType(action);
    const supertip = child(c, NS.ov, 'Supertip');
    const b: Button = {
      id: attr(c, 'id'),
      label: resolve(doc, child(c, NS.ov, 'Label')),
      action: type,
      tipTitle: resolve(doc, child(supertip, NS.ov, 'Title')),
      tipDescription: resolve(doc, child(supertip, NS.ov, 'Description')),
      iconSizes: children(child(c, NS.ov, 'Icon'), NS.bt, 'Image').map((i) => Number(attr(i, 'size'))),
    };
    if (type === 'ExecuteFunction') b.functionName = text(child(action, NS.ov, 'FunctionName'));
    if (type === 'ShowTaskpane') {
      b.taskpaneId = text(child(action, NS.ov, 'TaskpaneId'));
      b.source = resolve(doc, child(action, NS.ov, 'SourceLocation'));
    }
    return b;
  });
}

// ---------------------------------------------------------------------------------------------

let xml: string;
let doc: Document;
let dir: string;

beforeAll(() => {
  xml = readFileSync(manifestFile, 'utf8');
  doc = parseXml(xml);
  dir = mkdtempSync(path.join(tmpdir(), 'plan-monitor-manifest-'));
});

afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
});

describe('schema validation (offline, libxml2 in WebAssembly)', () => {
  it('has the schemas (missing ones fail the suite, they are not skipped)', () => {
    expect(existsSync(schema), `schemas expected at ${schema}`).toBe(true);
  });

  it('manifest.xml validates against OfficeAppManifestV1_1.xsd', async () => {
    expect(await validate(manifestFile)).toMatchObject({ ok: true });
  });

  it('the schemas are strict enough to catch a misplaced element', async () => {
    // Permissions must come after DefaultSettings; a moved copy must fail, or the check above means nothing.
    const moved = xml
      .replace(/\s*<Permissions>ReadWriteDocument<\/Permissions>/, '')
      .replace('<DefaultSettings>', '<Permissions>ReadWriteDocument</Permissions>\n  <DefaultSettings>');
    const file = path.join(dir, 'misordered.xml');
    writeFileSync(file, moved);
    const r = await validate(file);
    expect(r.ok).toBe(false);
    expect(r.line).toMatch(/NOT valid: line \d+: Element 'Permissions': This element is not expected/);
  });

  it('npm run validate (scripts/validate-manifest.mjs) passes manifest.xml and fails a broken one with a plain line', () => {
    const ok = runScript('validate-manifest.mjs', ['manifest.xml']);
    expect(ok.stdout.trim()).toBe('manifest.xml: valid');
    expect(ok.code).toBe(0);

    const broken = path.join(dir, 'broken.xml');
    writeFileSync(broken, xml.replace('<FunctionName>checkPlan</FunctionName>', '<Function>checkPlan</Function>'));
    const bad = runScript('validate-manifest.mjs', [broken]);
    expect(bad.code).toBe(1);
    expect(bad.stdout.trim().split('\n')).toHaveLength(1);
    expect(bad.stdout).toMatch(/broken\.xml: NOT valid: line \d+: Element 'Function': This element is not expected/);
  });

  it('checks the shared runtime, which the offline schemas predate, by shape: a wrong page or lifetime fails with a plain line', async () => {
    const m = await loadManifestModule();
    expect(m.sharedRuntimeProblems(xml)).toEqual([]);
    expect(m.sharedRuntimeProblems(xml.replace('<FunctionFile resid="Taskpane.Url"/>', '<FunctionFile resid="Commands.Url"/>'))).toEqual([
      "<FunctionFile resid> must be the runtime's page (Taskpane.Url), not Commands.Url",
    ]);
    expect(m.sharedRuntimeProblems(xml.replace('lifetime="long"', 'lifetime="short"'))).toEqual(['<Runtime lifetime> must be "long", so the ribbon can run while the pane is closed']);
    const broken = path.join(dir, 'short-runtime.xml');
    writeFileSync(broken, xml.replace('lifetime="long"', 'lifetime="short"'));
    const bad = runScript('validate-manifest.mjs', [broken]);
    expect(bad.code).toBe(1);
    expect(bad.stdout.trim()).toBe(`${broken}: NOT valid: shared runtime: <Runtime lifetime> must be "long", so the ribbon can run while the pane is closed`);
  });

  it('the Excel 2019 manifest is this one without the shared runtime: the ribbon in commands.html, and it validates', async () => {
    const m = await loadManifestModule();
    const classic = m.withoutSharedRuntime(xml);
    expect(classic).not.toMatch(/<Runtimes?\b/);
    expect(classic).toContain('<FunctionFile resid="Commands.Url"/>');
    // Nothing else differs: the same buttons, resources and requirements.
    const lines = (t: string) => t.split('\n').filter((l) => !/runtime|FunctionFile/i.test(l));
    expect(lines(classic)).toEqual(lines(xml));
    const file = path.join(dir, 'excel-2019.xml');
    writeFileSync(file, classic);
    expect(await validate(file)).toMatchObject({ ok: true });
  });

  it('needs no system program: validates with nothing on PATH but node', () => {
    const r = runScript('validate-manifest.mjs', ['manifest.xml'], { ...process.env, PATH: path.dirname(process.execPath) });
    expect(r.stdout.trim()).toBe('manifest.xml: valid');
    expect(r.code).toBe(0);
  });
});

describe('add-in identity', () => {
  it('is an en-GB task pane add-in for Excel that reads and writes the workbook', () => {
    expect(xsiType(doc.documentElement)).toBe('TaskPaneApp');
    expect(text(one(doc, NS.app, 'Id'))).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/);
    expect(text(one(doc, NS.app, 'Version'))).toBe('1.0.0.0');
    expect(text(one(doc, NS.app, 'DefaultLocale'))).toBe('en-GB');
    expect(text(one(doc, NS.app, 'ProviderName'))).toBe('Plan Monitor');
    expect(attr(one(doc, NS.app, 'DisplayName'), 'DefaultValue')).toBe('Plan Monitor');
    expect(attr(one(doc, NS.app, 'Description'), 'DefaultValue')).toBe(
      "Check an improvement plan's monitoring sheet, colour its RAG statuses and build the committee summary.",
    );
    expect(text(one(doc, NS.app, 'Permissions'))).toBe('ReadWriteDocument');
    const hosts = children(child(doc.documentElement, NS.app, 'Hosts'), NS.app, 'Host').map((h) => attr(h, 'Name'));
    expect(hosts).toEqual(['Workbook']);
    const voHosts = children(child(one(doc, NS.ov, 'VersionOverrides'), NS.ov, 'Hosts'), NS.ov, 'Host').map(xsiType);
    expect(voHosts).toEqual(['Workbook']);
  });

  it('asks for ExcelApi 1.7, the highest set it calls without a fallback: Excel 2019 (1.7) loads it, Excel 2016 (1.1) does not; SharedRuntime is not required', () => {
    const sets = all(child(doc.documentElement, NS.app, 'Requirements'), NS.app, 'Set').map((s) => [attr(s, 'Name'), s.getAttribute('MinVersion')]);
    expect(sets).toEqual([['ExcelApi', '1.7']]);
  });

  it('serves the task pane, commands, help and icons from https://localhost:3000 in development', () => {
    expect(attr(child(one(doc, NS.app, 'DefaultSettings'), NS.app, 'SourceLocation'), 'DefaultValue')).toBe(`${DEV}/taskpane.html`);
    expect(attr(one(doc, NS.app, 'SupportUrl'), 'DefaultValue')).toBe(`${DEV}/help.html`);
    // One runtime: the ribbon's buttons run in the task pane's page.
    expect(resolve(doc, one(doc, NS.ov, 'FunctionFile'))).toBe(`${DEV}/taskpane.html`);
    for (const url of urlsIn(doc)) expect(url.startsWith(`${DEV}/`), url).toBe(true);
  });
});

describe('ribbon', () => {
  it('has a "Plan Monitor" group on the Home tab', () => {
    const tab = one(doc, NS.ov, 'OfficeTab');
    expect(attr(tab, 'id')).toBe('TabHome');
    const group = child(tab, NS.ov, 'Group');
    expect(resolve(doc, child(group, NS.ov, 'Label'))).toBe('Plan Monitor');
    expect(xsiType(one(doc, NS.ov, 'ExtensionPoint'))).toBe('PrimaryCommandSurface');
  });

  it('has the five buttons, with the function names src/excel/ribbon.ts registers', () => {
    const found = buttons(doc).map(({ label, action, functionName, taskpaneId, source }) => ({ label, action, functionName, taskpaneId, source }));
    expect(found).toEqual([
      { label: 'Check plan', action: 'ExecuteFunction', functionName: 'checkPlan', taskpaneId: undefined, source: undefined },
      { label: 'Apply RAG colours', action: 'ExecuteFunction', functionName: 'applyColours', taskpaneId: undefined, source: undefined },
      { label: 'Build summary', action: 'ExecuteFunction', functionName: 'buildSummary', taskpaneId: undefined, source: undefined },
      { label: 'Record period', action: 'ExecuteFunction', functionName: 'recordPeriod', taskpaneId: undefined, source: undefined },
      { label: 'Open panel', action: 'ShowTaskpane', functionName: undefined, taskpaneId: 'PlanMonitorPane', source: `${DEV}/taskpane.html` },
    ]);
  });

  it('gives every button a plain-English supertip and 16/32/80 px icons', () => {
    const ids = new Set<string>();
    for (const b of buttons(doc)) {
      expect(ids.has(b.id), `duplicate control id ${b.id}`).toBe(false);
      ids.add(b.id);
      expect(b.tipTitle).toBe(b.label);
      expect(b.tipDescription.length, b.label).toBeGreaterThan(40);
      expect(b.tipDescription, b.label).toMatch(/^[A-Z][^<>{}]*\.$/);
      expect(b.iconSizes, b.label).toEqual([16, 32, 80]);
    }
    expect(ids.size).toBe(5);
  });
});

describe('resources', () => {
  it('defines every resource that is referenced, in the right collection, and nothing unused', () => {
    const res = resources(doc);
    const used: Record<ResourceKind, Set<string>> = { image: new Set(), url: new Set(), short: new Set(), long: new Set() };
    const refs = Array.from(one(doc, NS.ov, 'VersionOverrides').querySelectorAll('[resid]'));
    expect(refs.length).toBeGreaterThan(20);
    for (const el of refs) {
      const kind = kindOf(el);
      const id = attr(el, 'resid');
      expect(res[kind].has(id), `<${el.localName} resid="${id}"> is not defined among the ${kind} resources`).toBe(true);
      used[kind].add(id);
    }
    // The Excel 2019 manifest, made from this one, points its FunctionFile at the ribbon's own page.
    used.url.add('Commands.Url');
    for (const kind of Object.keys(res) as ResourceKind[]) {
      expect([...res[kind].keys()].filter((id) => !used[kind].has(id)), `unused ${kind} resources`).toEqual([]);
    }
  });

  it('has every icon it references in assets/, at the size it states', () => {
    const checks: { url: string; size: number }[] = [
      { url: attr(one(doc, NS.app, 'IconUrl'), 'DefaultValue'), size: 32 },
      { url: attr(one(doc, NS.app, 'HighResolutionIconUrl'), 'DefaultValue'), size: 64 },
    ];
    const voImages = all(one(doc, NS.ov, 'VersionOverrides'), NS.bt, 'Image').filter((i) => i.hasAttribute('resid'));
    for (const ref of voImages) checks.push({ url: resolve(doc, ref), size: Number(attr(ref, 'size')) });
    expect(checks.length).toBe(2 + 6 * 3);
    for (const { url, size } of checks) {
      const file = assetFile(url);
      expect(existsSync(file), `${url} -> ${path.relative(root, file)} is missing`).toBe(true);
      expect(pngSize(file), path.relative(root, file)).toEqual({ width: size, height: size });
    }
  });

});

describe('renderManifest (scripts/manifest.mjs)', () => {
  it('moves every URL to the production base URL; the result validates and mentions no localhost', async () => {
    const { renderManifest } = await loadManifestModule();
    const rendered = renderManifest(xml, PROD);
    expect(rendered).not.toContain('localhost');
    expect(rendered.split(PROD).length).toBe(xml.split(DEV).length);
    const prodDoc = parseXml(rendered);
    for (const url of urlsIn(prodDoc)) expect(url.startsWith(`${PROD}/`), url).toBe(true);
    expect(resolve(prodDoc, one(prodDoc, NS.ov, 'FunctionFile'))).toBe(`${PROD}/taskpane.html`);

    const file = path.join(dir, 'manifest.prod.xml');
    writeFileSync(file, rendered);
    expect(await validate(file)).toMatchObject({ ok: true });
  });

  it('drops a trailing slash and leaves the development manifest unchanged for the dev URL', async () => {
    const { renderManifest } = await loadManifestModule();
    expect(renderManifest(xml, `${PROD}/`)).toBe(renderManifest(xml, PROD));
    expect(renderManifest(xml, DEV)).toBe(xml);
  });

  it.each([
    ['http://plans.example.gov.uk/plan-monitor', /must start with https:\/\//],
    ['ftp://plans.example.gov.uk/plan-monitor', /must start with https:\/\//],
    ['not a url', /is not a URL/],
    ['plans.example.gov.uk/plan-monitor', /is not a URL/],
    ['', /No base URL given/],
    ['https://plans.example.gov.uk/plan-monitor?v=2', /must not have a query/],
  ])('rejects the base URL %j with a plain message', async (bad, message) => {
    const { renderManifest } = await loadManifestModule();
    let error: unknown;
    try {
      renderManifest(xml, bad);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(Error);
    const text = (error as Error).message;
    expect(text).toMatch(message);
    expect(text).not.toMatch(/ERR_|TypeError|\n/);
  });

  it('works from the command line, with --base-url, with $PLAN_MONITOR_BASE_URL, and fails plainly on a bad URL', async () => {
    const out = path.join(dir, 'cli', 'dist', 'manifest.xml');
    const r = runScript('manifest.mjs', ['--base-url', PROD, '--out', out]);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(readFileSync(out, 'utf8')).toContain(`${PROD}/taskpane.html`);
    expect((await validate(out)).ok).toBe(true);

    const fromEnv = path.join(dir, 'cli', 'env.xml');
    const e = runScript('manifest.mjs', ['--out', fromEnv], { ...process.env, PLAN_MONITOR_BASE_URL: 'https://env.example.org' });
    expect(e.code).toBe(0);
    expect(readFileSync(fromEnv, 'utf8')).toContain('https://env.example.org/commands.html');

    const bad = runScript('manifest.mjs', ['--base-url', 'http://plans.example.gov.uk', '--out', path.join(dir, 'cli', 'bad.xml')]);
    expect(bad.code).toBe(1);
    expect(bad.stderr.trim().split('\n')).toHaveLength(1);
    expect(bad.stderr).toMatch(/^manifest: The base URL must start with https:\/\//);
    expect(existsSync(path.join(dir, 'cli', 'bad.xml'))).toBe(false);

    const both = runScript('validate-manifest.mjs', ['manifest.xml', out]);
    expect(both.code).toBe(0);
    expect(both.stdout.trim().split('\n')).toEqual(['manifest.xml: valid', `${out}: valid`]);
  });
});

describe('npm run start:excel', () => {
  it('on Linux, where desktop Excel does not run, fails with the Excel-on-the-web route in one line', () => {
    const r = runScript('start-excel.mjs', [], { ...process.env, PLAN_MONITOR_PLATFORM: 'linux' });
    expect(r.code).toBe(1);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect(r.stderr).toMatch(/^Desktop Excel does not run on linux\. Use Excel on the web: run 'npm run dev-server'.*Upload My Add-in/);
  });
});
