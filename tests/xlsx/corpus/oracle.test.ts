/**
 * The corpus tests are only as good as their checks: each check must pass a correct output and
 * fire on the damage it is named for, and the injector must edit only what it says. The correct
 * output is made by hand here, not by the CLI, so these tests hold whatever state the CLI is in.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { strToU8, zipSync, type Zippable } from 'fflate';
import * as XLSX from 'xlsx';
import { beforeAll, describe, expect, it } from 'vitest';
import { compareApplied, compareRuns, expectedSummaryName, locksStructure, stripStatusStyles, SUMMARY_SHEET } from './checks';
import { CORPUS_DIR } from './corpus';
import { actionRows, injectPlan, injectSheet, MONITORING_SHEET, monitoringSheetXml, planRows, STATUS_COLUMN, type Injection } from './inject-plan';
import { bytesEqual, escapeXml, NS, readRels, readSheets, sheetPart, unzip, utf8 } from './ooxml';

const FILE = 'autofilter02.xlsx'; // defined names, shared strings, a theme: most checks have something to bite on
let injection: Injection;
let output: Uint8Array;

/** Appends one child to a style collection and fixes its count; returns the new child's index. */
function appendStyle(styles: string, collection: string, child: string): { styles: string; index: number } {
  const m = new RegExp(`<${collection} count="(\\d+)">([\\s\\S]*?)</${collection}>`).exec(styles);
  if (!m) throw new Error(`no <${collection} count=…> in styles.xml`);
  const index = Number(m[1]);
  return { styles: styles.replace(m[0], `<${collection} count="${index + 1}">${m[2]}${child}</${collection}>`), index };
}

/** What a correct apply writes: the status cells restyled by s= alone, styles appended, a summary sheet added. */
function correctOutput(inj: Injection): Uint8Array {
  const summary = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<worksheet xmlns="${NS.main[0]}"><sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>Plan summary</t></is></c></row></sheetData></worksheet>`;
  const entries = unzip(injectSheet(inj.bytes, SUMMARY_SHEET, summary).bytes);
  const fill = appendStyle(utf8(entries.get('xl/styles.xml') as Uint8Array), 'fills', '<fill><patternFill patternType="solid"><fgColor rgb="FF00B050"/><bgColor indexed="64"/></patternFill></fill>');
  const xf = appendStyle(fill.styles, 'cellXfs', `<xf numFmtId="0" fontId="0" fillId="${fill.index}" borderId="0" xfId="0" applyFill="1"/>`);
  const statusCells = new Set(actionRows.map((a) => `${STATUS_COLUMN}${a.row}`));
  const sheet = utf8(entries.get(inj.part) as Uint8Array).replace(/<c r="([A-Z]+\d+)"/g, (tag, ref: string) => (statusCells.has(ref) ? `${tag} s="${xf.index}"` : tag));
  const z: Zippable = Object.fromEntries(entries);
  z['xl/styles.xml'] = strToU8(xf.styles);
  z[inj.part] = strToU8(sheet);
  return zipSync(z);
}

beforeAll(() => {
  injection = injectPlan(readFileSync(path.join(CORPUS_DIR, FILE)));
  output = correctOutput(injection);
});

/** The output with some entries replaced (string), removed (null) or added. */
function mutate(bytes: Uint8Array, edits: Record<string, string | null | ((xml: string) => string)>): Uint8Array {
  const z: Zippable = {};
  const entries = unzip(bytes);
  for (const [name, data] of entries) {
    const e = edits[name];
    if (e === null) continue;
    z[name] = e === undefined ? data : strToU8(typeof e === 'function' ? e(utf8(data)) : e);
  }
  for (const [name, e] of Object.entries(edits)) if (!entries.has(name) && typeof e === 'string') z[name] = strToU8(e);
  return zipSync(z);
}

const labels = async (out: Uint8Array) => (await compareApplied({ input: injection.bytes, monitoringPart: injection.part, output: out })).map((l) => /^\([a-z]+\)/.exec(l)?.[0]);

function replaceOnce(xml: string, from: string | RegExp, to: string): string {
  const next = xml.replace(from, to);
  if (next === xml) throw new Error(`mutation did not apply: ${from}`);
  return next;
}

describe('the checks fire on the damage they are named for', () => {
  it('pass on a correct output', async () => {
    expect(await labels(output)).toEqual([]);
  });

  it.each<[string, string, Record<string, string | null | ((xml: string) => string)>]>([
    ['(a)', 'a byte of the theme changes', { 'xl/theme/theme1.xml': (x) => replaceOnce(x, 'Office Theme', 'Office Themf') }],
    ['(a)', 'an entry is dropped', { 'docProps/core.xml': null }],
    ['(a)', 'a stray entry is added', { 'xl/extra.xml': '<x/>' }],
    ['(b)', 'a sheetId changes', { 'xl/workbook.xml': (x) => replaceOnce(x, 'sheetId="1"', 'sheetId="7"') }],
    ['(b)', 'the summary is misnamed', { 'xl/workbook.xml': (x) => replaceOnce(x, 'name="Plan Summary"', 'name="Summary"') }],
    ['(rels)', 'a relationship is retargeted', { 'xl/_rels/workbook.xml.rels': (x) => replaceOnce(x, 'Target="theme/theme1.xml"', 'Target="theme/theme2.xml"') }],
    ['(ct)', 'a content type is lost', { '[Content_Types].xml': (x) => replaceOnce(x, /<Override PartName="\/docProps\/core.xml"[^>]*\/>/, '') }],
    ['(wb)', 'the 1904 date system is dropped', { 'xl/workbook.xml': (x) => replaceOnce(x, '<workbookPr ', '<workbookPr date1904="1" ') }],
    ['(c)', 'a defined name loses an attribute', { 'xl/workbook.xml': (x) => replaceOnce(x, ' hidden="1"', '') }],
    ['(d)', 'an existing font changes', { 'xl/styles.xml': (x) => replaceOnce(x, '<sz val="11"/>', '<sz val="12"/>') }],
    ['(d)', 'a count is wrong', { 'xl/styles.xml': (x) => replaceOnce(x, /<fonts count="\d+"/, '<fonts count="99"') }],
    ['(d)', 'something outside the collections changes', { 'xl/styles.xml': (x) => replaceOnce(x, /<cellStyles\b/, '<colors><mruColors><color rgb="FF000000"/></mruColors></colors><cellStyles') }],
    ['(xml)', 'styles.xml is not well-formed', { 'xl/styles.xml': (x) => x.replace('</styleSheet>', '') }],
  ])('%s when %s', async (label, _what, edits) => {
    expect(await labels(mutate(output, edits))).toContain(label);
  });

  it('(e) when a cell of the plan other than a status changes', async () => {
    const part = sheetPart(unzip(output), MONITORING_SHEET) as string;
    expect(await labels(mutate(output, { [part]: (x) => replaceOnce(x, 'Northmoor City Council', 'Northmoor City Counci1') }))).toContain('(e)');
  });

  it('(e) when a status cell is left uncoloured', async () => {
    const part = sheetPart(unzip(output), MONITORING_SHEET) as string;
    const first = `${STATUS_COLUMN}${actionRows[0]?.row}`;
    expect(await labels(mutate(output, { [part]: (x) => replaceOnce(x, new RegExp(`(<c r="${first}"[^>]*?)\\ss="\\d+"`), '$1') }))).toContain('(e)');
  });

  it('(f) when a value changes, even with everything else in place', async () => {
    // (a) sees the bytes; (f) must see the value too, as SheetJS reads it.
    const sheet1 = 'xl/worksheets/sheet1.xml';
    const out = mutate(output, { [sheet1]: (x) => replaceOnce(x, /<v>(\d+)<\/v>/, '<v>987654</v>') });
    expect(await labels(out)).toEqual(expect.arrayContaining(['(a)', '(f)']));
  });

  it('(idem) when two runs differ in any entry', () => {
    expect(compareRuns(output, output)).toEqual([]);
    expect(compareRuns(output, mutate(output, { 'docProps/app.xml': (x) => `${x} ` })).join()).toMatch(/^\(idem\) docProps\/app\.xml differs/);
  });
});

describe('helpers', () => {
  it('expectedSummaryName skips taken names, case-insensitively', () => {
    expect(expectedSummaryName(['Sheet1'])).toBe('Plan Summary');
    expect(expectedSummaryName(['plan summary', 'Plan Summary (2)'])).toBe('Plan Summary (3)');
  });

  it('locksStructure reads lockStructure="1" or "true" in any prefix', () => {
    expect(locksStructure(`<workbook xmlns="${NS.main[0]}"><workbookProtection lockStructure="1"/></workbook>`)).toBe(true);
    expect(locksStructure(`<x:workbook xmlns:x="${NS.main[0]}"><x:workbookProtection lockStructure="true"/></x:workbook>`)).toBe(true);
    expect(locksStructure(`<workbook xmlns="${NS.main[0]}"><workbookProtection lockWindows="1"/></workbook>`)).toBe(false);
  });

  it('stripStatusStyles removes s= from status cells only', () => {
    const row = actionRows[0]?.row as number;
    const xml = `<c r="${STATUS_COLUMN}${row}" s="5" t="inlineStr"/><c r="A${row}" s="5"/>`;
    expect(stripStatusStyles(xml)).toBe(`<c r="${STATUS_COLUMN}${row}" t="inlineStr"/><c r="A${row}" s="5"/>`);
  });
});

describe('injectPlan', () => {
  const original = readFileSync(path.join(CORPUS_DIR, 'comment01.xlsx'));

  it('appends the sheet and edits only workbook.xml, its rels and [Content_Types].xml', () => {
    const inj = injectPlan(original);
    const before = unzip(original);
    const after = unzip(inj.bytes);
    const edited = ['xl/workbook.xml', 'xl/_rels/workbook.xml.rels', '[Content_Types].xml'];
    for (const [name, data] of before) if (!edited.includes(name)) expect(bytesEqual(data, after.get(name) ?? new Uint8Array()), name).toBe(true);
    expect([...after.keys()].filter((n) => !before.has(n))).toEqual([inj.part]);
    const sheets = readSheets(utf8(after.get('xl/workbook.xml') as Uint8Array));
    expect(sheets.map((s) => s.name)).toEqual([...readSheets(utf8(before.get('xl/workbook.xml') as Uint8Array)).map((s) => s.name), MONITORING_SHEET]);
    expect(sheets.at(-1)).toMatchObject({ sheetId: String(inj.sheetId), rid: inj.relId });
    const rels = readRels(utf8(after.get('xl/_rels/workbook.xml.rels') as Uint8Array));
    expect(new Set(rels.map((r) => r.id)).size).toBe(rels.length);
    expect(sheetPart(after, MONITORING_SHEET)).toBe(inj.part);
    expect(utf8(after.get('[Content_Types].xml') as Uint8Array)).toContain(`<Override PartName="/${inj.part}" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>`);
  });

  it('writes a self-contained sheet: no s=, inline strings, dates as text, escaped', () => {
    const xml = monitoringSheetXml();
    expect(xml).not.toMatch(/\ss="/);
    expect(xml).not.toMatch(/<c [^>]*t="s"/);
    expect(xml).toContain('<t>31/08/2018</t>'); // 6.4's target, a {date} in the fixture
    expect(xml).toContain('<t xml:space="preserve">completed </t>');
    expect(xml).toContain("<t>Develop and agree a shared partnership vision for the city ('closing the gap')</t>");
    const wb = XLSX.read(injectPlan(original).bytes, { type: 'array' });
    const rows = XLSX.utils.sheet_to_json<(string | number)[]>(wb.Sheets[MONITORING_SHEET] as XLSX.WorkSheet, { header: 1, defval: null, raw: true });
    expect(rows).toEqual(planRows);
  });

  it('handles a prefixed workbook.xml and an r: prefix declared elsewhere', () => {
    const entries = unzip(original);
    const wb = utf8(entries.get('xl/workbook.xml') as Uint8Array);
    const prefixed = wb
      .replace(/<(\/?)([A-Za-z]\w*)(?=[\s/>])/g, '<$1x:$2')
      .replace(` xmlns="${NS.main[0]}"`, ` xmlns:x="${NS.main[0]}"`)
      .replace(` xmlns:r="${NS.rel[0]}"`, '')
      .replace(/<x:sheet /g, `<x:sheet xmlns:r="${NS.rel[0]}" `);
    const z: Zippable = Object.fromEntries(entries);
    z['xl/workbook.xml'] = strToU8(prefixed);
    const inj = injectPlan(zipSync(z));
    const out = utf8(unzip(inj.bytes).get('xl/workbook.xml') as Uint8Array);
    expect(out).toContain(`<x:sheet name="${MONITORING_SHEET}" sheetId="${inj.sheetId}" xmlns:pmr="${NS.rel[0]}" pmr:id="${inj.relId}"/></x:sheets>`);
    expect(readSheets(out).at(-1)).toEqual({ name: MONITORING_SHEET, sheetId: String(inj.sheetId), state: undefined, rid: inj.relId });
  });

  it('escapes markup and refuses what XML 1.0 cannot hold', () => {
    expect(escapeXml('A & B <C> "d"')).toBe('A &amp; B &lt;C&gt; &quot;d&quot;');
    expect(() => escapeXml('bell\u0007')).toThrow(/not representable/);
  });
});
