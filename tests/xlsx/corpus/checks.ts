/**
 * What "nothing lost" means for one corpus workbook after apply, as a list of differences
 * (empty when all is kept). Each line starts with its check's label, so failures can be tallied:
 * (xml) the rewritten package parts are well-formed; (a) every other entry byte-identical, the only
 * new entry the summary's worksheet part; (b) <sheet>s kept, one more at the end; (wb) the rest of
 * workbook.xml byte-identical; (rels) workbook relationships kept; (ct) content types kept;
 * (c) <definedNames> byte-identical; (d) styles only appended to; (e) the monitoring sheet changed
 * only by s= on its status cells, which are coloured; (f) SheetJS reads every cell's v, t, z, f
 * the same; (g) ExcelJS still loads it.
 */
import ExcelJS from 'exceljs';
import * as XLSX from 'xlsx';
import { actionRows, MONITORING_SHEET, STATUS_COLUMN } from './inject-plan';
import { bytesEqual, childTexts, elementTexts, firstDifference, firstTextDifference, readRels, readSheets, resolveTarget, scanTags, sheetPart, tagAttr, unzip, utf8, walkElements, WORKSHEET_REL_TYPES } from './ooxml';

export const SUMMARY_SHEET = 'Plan Summary';

/** Entries apply may rewrite; everything else must keep its bytes. */
const REWRITABLE = ['xl/workbook.xml', 'xl/_rels/workbook.xml.rels', '[Content_Types].xml', 'xl/styles.xml', 'docProps/app.xml'];

/** Indexed style collections: cells, dxfs and cellStyles point at children by position. */
const STYLE_COLLECTIONS = ['numFmts', 'fonts', 'fills', 'borders', 'cellStyleXfs', 'cellXfs', 'cellStyles', 'dxfs'];

const MAX_PER_CHECK = 4;

export class Findings {
  readonly lines: string[] = [];
  private perLabel = new Map<string, number>();

  add(label: string, text: string): void {
    const n = (this.perLabel.get(label) ?? 0) + 1;
    this.perLabel.set(label, n);
    if (n <= MAX_PER_CHECK) this.lines.push(`${label} ${text}`);
    else if (n === MAX_PER_CHECK + 1) this.lines.push(`${label} … and more`);
  }

  /** Runs one check; a check that throws (say, on malformed XML) is a finding, not a crash. */
  run(label: string, check: () => void): void {
    try {
      check();
    } catch (e) {
      this.add(label, `could not be checked: ${e instanceof Error ? e.message : String(e)}`);
    }
  }

  async runAsync(label: string, check: () => Promise<void>): Promise<void> {
    try {
      await check();
    } catch (e) {
      this.add(label, `could not be checked: ${e instanceof Error ? e.message : String(e)}`);
    }
  }
}

/** The name the summary must get: "Plan Summary", or "(2)", "(3)"… if taken (names compare case-insensitively). */
export function expectedSummaryName(existing: readonly string[]): string {
  const taken = new Set(existing.map((n) => n.toLowerCase()));
  for (let n = 1; ; n++) {
    const name = n === 1 ? SUMMARY_SHEET : `${SUMMARY_SHEET} (${n})`;
    if (!taken.has(name.toLowerCase())) return name;
  }
}

/** Whether workbook.xml locks the structure (Excel then refuses to add a sheet). */
export function locksStructure(workbookXml: string): boolean {
  let locked = false;
  walkElements(workbookXml, (_uri, local, attrs) => {
    if (local !== 'workbookProtection') return;
    const v = Object.values(attrs).find((a) => a.local === 'lockStructure' && a.uri === '')?.value;
    if (v === '1' || v === 'true') locked = true;
  });
  return locked;
}

const statusRefs = new Set(actionRows.map((a) => `${STATUS_COLUMN}${a.row}`));

// <c> start tags: their attributes (r, s, t, cm, vm, ph) never hold '>', so a regex is exact and fast.
const CELL_START = /<(?:[\w.-]+:)?c\s[^>]*>/g;

/** The sheet XML with s="…" removed from the start tags of the status cells only. */
export function stripStatusStyles(xml: string): string {
  return xml.replace(CELL_START, (tag) => (statusRefs.has(tagAttr(tag, 'r') ?? '') ? tag.replace(/\ss\s*=\s*("[^"]*"|'[^']*')/, '') : tag));
}

/** Each cell's s attribute, by its r. */
function cellStyles(xml: string): Map<string, string | undefined> {
  const out = new Map<string, string | undefined>();
  for (const m of xml.matchAll(CELL_START)) out.set(tagAttr(m[0], 'r') ?? '', tagAttr(m[0], 's'));
  return out;
}

function readText(entries: Map<string, Uint8Array>, name: string): string {
  const d = entries.get(name);
  if (!d) throw new Error(`${name} is missing`);
  return utf8(d);
}

type CellKey = 'v' | 't' | 'z' | 'f';
const CELL_KEYS: CellKey[] = ['v', 't', 'z', 'f'];

function sheetJsRead(bytes: Uint8Array): XLSX.WorkBook {
  // No HTML or formatted text: neither is compared, and both cost time.
  return XLSX.read(bytes, { type: 'array', cellNF: true, cellDates: false, cellHTML: false, cellText: false });
}

export interface CheckInput {
  /** The injected workbook given to apply. */
  input: Uint8Array;
  /** Its monitoring sheet part. */
  monitoringPart: string;
  /** The workbook apply wrote. */
  output: Uint8Array;
}

export async function compareApplied({ input, monitoringPart, output }: CheckInput): Promise<string[]> {
  const f = new Findings();
  const inE = unzip(input);
  let outE: Map<string, Uint8Array>;
  try {
    outE = unzip(output);
  } catch (e) {
    return [`(zip) the output is not a readable zip: ${e instanceof Error ? e.message : String(e)}`];
  }
  const inWb = readText(inE, 'xl/workbook.xml');
  const added = [...outE.keys()].filter((n) => !inE.has(n));
  let outWb = '';
  f.run('(xml)', () => {
    outWb = readText(outE, 'xl/workbook.xml');
    // Sheet parts are left to (e) (exact text) and (g) (ExcelJS parses strictly): saxes on them costs seconds.
    for (const name of ['xl/workbook.xml', 'xl/_rels/workbook.xml.rels', '[Content_Types].xml', 'xl/styles.xml']) {
      try {
        walkElements(readText(outE, name), () => undefined);
      } catch (e) {
        f.add('(xml)', `${name} is not well-formed: ${e instanceof Error ? e.message : String(e)}`);
      }
    }
  });
  const inSheets = readSheets(inWb);
  const summaryName = expectedSummaryName(inSheets.map((s) => s.name));

  f.run('(a)', () => {
    const rewritable = new Set([...REWRITABLE, monitoringPart]);
    for (const [name, data] of inE) {
      const o = outE.get(name);
      if (!o) {
        if (name !== monitoringPart) f.add('(a)', `${name} is missing`);
      } else if (!rewritable.has(name) && !bytesEqual(data, o)) f.add('(a)', `${name} changed: ${firstDifference(data, o)}`);
    }
    const bad = added.filter((n) => !/^xl\/worksheets\/[^/]+\.xml$/.test(n));
    if (bad.length || added.length > 1) f.add('(a)', `new entries beyond one worksheet part for the summary: ${added.join(', ')}`);
  });

  f.run('(b)', () => {
    const outSheets = readSheets(outWb);
    // state="visible" is the default: absent and explicit are the same sheet.
    const show = (s: (typeof inSheets)[number] | undefined) => (s ? JSON.stringify([s.name, s.sheetId, s.state ?? 'visible', s.rid ?? null]) : 'none');
    for (let i = 0; i < inSheets.length; i++) {
      if (show(inSheets[i]) !== show(outSheets[i])) f.add('(b)', `sheet #${i + 1} was ${show(inSheets[i])}, now ${show(outSheets[i])}`);
    }
    const last = outSheets[inSheets.length];
    if (outSheets.length !== inSheets.length + 1 || last?.name !== summaryName) {
      f.add('(b)', `expected exactly one more sheet at the end, '${summaryName}'; got [${outSheets.slice(inSheets.length).map((s) => s.name).join(', ')}] after ${inSheets.length} sheets`);
    } else {
      if ((last.state ?? 'visible') !== 'visible') f.add('(b)', `'${summaryName}' is ${last.state}`);
      if (new Set(outSheets.map((s) => s.sheetId)).size !== outSheets.length) f.add('(b)', `sheetIds repeat: ${outSheets.map((s) => s.sheetId).join(',')}`);
      const rel = readRels(readText(outE, 'xl/_rels/workbook.xml.rels')).find((r) => r.id === last.rid);
      const target = rel && resolveTarget('xl/workbook.xml', rel.target);
      if (!rel || !WORKSHEET_REL_TYPES.includes(rel.type) || target === undefined || !added.includes(target)) {
        f.add('(b)', `'${summaryName}' (r:id ${last.rid}) should point at a new worksheet part; rel: ${JSON.stringify(rel ?? null)}, new entries: ${added.join(', ')}`);
      }
    }
  });

  f.run('(rels)', () => {
    const outRels = readRels(readText(outE, 'xl/_rels/workbook.xml.rels'));
    const key = (r: { id: string; type: string; target: string }) => `${r.id} ${r.type} ${resolveTarget('xl/workbook.xml', r.target)}`;
    const kept = new Set(outRels.map(key));
    for (const r of readRels(readText(inE, 'xl/_rels/workbook.xml.rels'))) if (!kept.has(key(r))) f.add('(rels)', `workbook relationship lost or changed: ${key(r)}`);
  });

  f.run('(ct)', () => {
    const decls = (xml: string) =>
      new Set(
        [...scanTags(xml)]
          .filter((t) => t.kind !== 'close' && (t.local === 'Default' || t.local === 'Override'))
          .map((t) => (t.local === 'Default' ? `Default ${tagAttr(t.text, 'Extension')?.toLowerCase()} ${tagAttr(t.text, 'ContentType')}` : `Override ${tagAttr(t.text, 'PartName')?.toLowerCase()} ${tagAttr(t.text, 'ContentType')}`)),
      );
    const outDecls = decls(readText(outE, '[Content_Types].xml'));
    // The monitoring sheet's part may be renamed; its Override must follow it.
    const from = `Override /${monitoringPart.toLowerCase()} `;
    const to = `Override /${(sheetPart(outE, MONITORING_SHEET) ?? monitoringPart).toLowerCase()} `;
    for (const d of decls(readText(inE, '[Content_Types].xml'))) {
      const want = d.startsWith(from) ? to + d.slice(from.length) : d;
      if (!outDecls.has(want)) f.add('(ct)', `content type lost or changed: ${want}`);
    }
  });

  f.run('(wb)', () => {
    // date1904, calcPr, bookViews, protection…: all of workbook.xml but <sheets> stays as it was.
    const rest = (xml: string) => xml.replace(elementTexts(xml, 'sheets')[0] ?? '', '');
    if (rest(inWb) !== rest(outWb)) f.add('(wb)', `workbook.xml outside <sheets> changed: ${firstTextDifference(rest(inWb), rest(outWb))}`);
  });

  f.run('(c)', () => {
    const before = elementTexts(inWb, 'definedNames')[0];
    if (before !== undefined && !outWb.includes(before)) f.add('(c)', `<definedNames> changed: ${firstTextDifference(before, elementTexts(outWb, 'definedNames')[0] ?? '(none)')}`);
  });

  f.run('(d)', () => {
    const inSt = readText(inE, 'xl/styles.xml');
    const outSt = readText(outE, 'xl/styles.xml');
    let inRest = inSt;
    let outRest = outSt;
    for (const name of STYLE_COLLECTIONS) {
      const a = elementTexts(inSt, name)[0];
      const b = elementTexts(outSt, name)[0];
      if (a !== undefined) inRest = inRest.replace(a, '');
      if (b !== undefined) outRest = outRest.replace(b, '');
      const aKids = a === undefined ? [] : childTexts(a);
      if (b === undefined) {
        if (aKids.length) f.add('(d)', `<${name}> is gone`);
        continue;
      }
      const bKids = childTexts(b);
      for (let i = 0; i < aKids.length; i++) {
        if (aKids[i] !== bKids[i]) f.add('(d)', `${name}[${i}] changed: ${JSON.stringify(aKids[i])} → ${JSON.stringify(bKids[i] ?? '(none)')}`);
      }
      const head = scanTags(b).next().value;
      const count = head ? tagAttr(head.text, 'count') : undefined;
      if (count !== undefined && count !== String(bKids.length)) f.add('(d)', `${name} count="${count}" but has ${bKids.length} children`);
      if (count === undefined && ['fonts', 'fills', 'cellXfs'].includes(name)) f.add('(d)', `${name} has no count attribute (${bKids.length} children)`);
    }
    if (inRest !== outRest) f.add('(d)', `styles.xml outside the style collections changed: ${firstTextDifference(inRest, outRest)}`);
  });

  f.run('(e)', () => {
    const before = readText(inE, monitoringPart);
    const partOut = sheetPart(outE, MONITORING_SHEET);
    if (!partOut) throw new Error(`no part for '${MONITORING_SHEET}' in the output`);
    const after = readText(outE, partOut);
    const stripped = stripStatusStyles(after);
    if (stripped !== before) f.add('(e)', `'${MONITORING_SHEET}' (${partOut}) differs beyond the status cells' s=: ${firstTextDifference(before, stripped)}`);
    // The status cells must be coloured: s= naming an existing xf with a solid fill.
    const styles = readText(outE, 'xl/styles.xml');
    const xfs = childTexts(elementTexts(styles, 'cellXfs')[0] ?? '<cellXfs/>');
    const fills = childTexts(elementTexts(styles, 'fills')[0] ?? '<fills/>');
    const styled = cellStyles(after);
    const uncoloured = actionRows.filter((a) => {
      const s = styled.get(`${STATUS_COLUMN}${a.row}`);
      const xf = s === undefined ? undefined : xfs[Number(s)];
      const fill = xf === undefined ? undefined : fills[Number(tagAttr(xf, 'fillId') ?? 0)];
      return !fill || !/patternType="solid"/.test(fill);
    });
    if (uncoloured.length) f.add('(e)', `${uncoloured.length} of ${actionRows.length} status cells have no solid fill, e.g. ${STATUS_COLUMN}${uncoloured[0]?.row}`);
  });

  f.run('(f)', () => {
    let a: XLSX.WorkBook;
    try {
      a = sheetJsRead(input);
    } catch (e) {
      throw new Error(`SheetJS cannot read the injected input (${e instanceof Error ? e.message : String(e)})`, { cause: e });
    }
    const b = sheetJsRead(output);
    const names = b.SheetNames.filter((n) => n !== summaryName);
    if (JSON.stringify(a.SheetNames) !== JSON.stringify(names)) f.add('(f)', `SheetJS sheet names ${JSON.stringify(a.SheetNames)} → ${JSON.stringify(b.SheetNames)}`);
    for (const name of a.SheetNames) {
      const sa = a.Sheets[name] ?? {};
      const sb = b.Sheets[name] ?? {};
      const refs = new Set([...Object.keys(sa), ...Object.keys(sb)].filter((k) => !k.startsWith('!')));
      for (const ref of refs) {
        const ca = sa[ref] as XLSX.CellObject | undefined;
        const cb = sb[ref] as XLSX.CellObject | undefined;
        const diff = CELL_KEYS.filter((k) => JSON.stringify(ca?.[k]) !== JSON.stringify(cb?.[k]));
        if (diff.length) f.add('(f)', `'${name}'!${ref} ${diff.map((k) => `${k}: ${JSON.stringify(ca?.[k])} → ${JSON.stringify(cb?.[k])}`).join(', ')}`);
      }
    }
  });

  await f.runAsync('(g)', async () => {
    // Output first: only when it fails does the input need loading (halves the cost).
    try {
      await new ExcelJS.Workbook().xlsx.load(output as unknown as ArrayBuffer);
    } catch (e) {
      const inputLoads = await new ExcelJS.Workbook().xlsx.load(input as unknown as ArrayBuffer).then(
        () => true,
        () => false,
      );
      if (inputLoads) f.add('(g)', `ExcelJS loads the input but not the output: ${e instanceof Error ? e.message : String(e)}`);
    }
  });

  return f.lines;
}

/** Idempotence: two applies, same bytes in every entry. */
export function compareRuns(first: Uint8Array, second: Uint8Array): string[] {
  const f = new Findings();
  const a = unzip(first);
  const b = unzip(second);
  const names = [...new Set([...a.keys(), ...b.keys()])];
  for (const n of names) {
    const x = a.get(n);
    const y = b.get(n);
    if (!x || !y) f.add('(idem)', `${n} only in the ${x ? 'first' : 'second'} output`);
    else if (!bytesEqual(x, y)) f.add('(idem)', `${n} differs: ${firstDifference(x, y)}`);
  }
  return f.lines;
}
