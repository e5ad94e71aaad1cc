/**
 * Small, independent OOXML readers for the corpus tests. Deliberately not the product's code:
 * a test that read the package with the code under test would prove nothing.
 */
import path from 'node:path';
import { strFromU8, unzipSync } from 'fflate';
import { SaxesParser } from 'saxes';

export const NS = {
  main: ['http://schemas.openxmlformats.org/spreadsheetml/2006/main', 'http://purl.oclc.org/ooxml/spreadsheetml/main'],
  rel: ['http://schemas.openxmlformats.org/officeDocument/2006/relationships', 'http://purl.oclc.org/ooxml/officeDocument/relationships'],
  pkgRels: 'http://schemas.openxmlformats.org/package/2006/relationships',
  contentTypes: 'http://schemas.openxmlformats.org/package/2006/content-types',
} as const;

export const WORKSHEET_REL_TYPES = ['http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet', 'http://purl.oclc.org/ooxml/officeDocument/relationships/worksheet'];

/** Zip entries in stored order (fflate keeps it; [Content_Types].xml stays first). */
export function unzip(bytes: Uint8Array): Map<string, Uint8Array> {
  return new Map(Object.entries(unzipSync(bytes)));
}

export function utf8(u8: Uint8Array): string {
  return strFromU8(u8);
}

export function bytesEqual(a: Uint8Array, b: Uint8Array): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

/** Where two byte arrays first differ, as a short human-readable note (text parts shown as text). */
export function firstDifference(a: Uint8Array, b: Uint8Array): string {
  let i = 0;
  while (i < a.length && i < b.length && a[i] === b[i]) i++;
  const show = (u: Uint8Array) => JSON.stringify(strFromU8(u.subarray(Math.max(0, i - 40), i + 60)));
  return `${a.length} vs ${b.length} bytes, first difference at byte ${i}: ${show(a)} vs ${show(b)}`;
}

/** Same for strings. */
export function firstTextDifference(a: string, b: string): string {
  let i = 0;
  while (i < a.length && i < b.length && a[i] === b[i]) i++;
  return `first difference at char ${i}: ${JSON.stringify(a.slice(Math.max(0, i - 60), i + 80))} vs ${JSON.stringify(b.slice(Math.max(0, i - 60), i + 80))}`;
}

type Attrs = Record<string, { uri: string; local: string; value: string }>;

/** Namespace-aware walk over start tags; throws on malformed XML (so it doubles as a well-formedness check). */
export function walkElements(xml: string, onOpen: (uri: string, local: string, attrs: Attrs, depth: number) => void): void {
  const parser = new SaxesParser({ xmlns: true, position: false });
  let depth = 0;
  let error: Error | undefined;
  parser.on('error', (e) => {
    error ??= e;
  });
  parser.on('opentag', (tag) => {
    const attrs: Attrs = {};
    for (const a of Object.values(tag.attributes)) attrs[a.name] = { uri: a.uri, local: a.local, value: a.value };
    onOpen(tag.uri, tag.local, attrs, depth);
    if (!tag.isSelfClosing) depth++;
  });
  parser.on('closetag', (tag) => {
    if (!tag.isSelfClosing) depth--;
  });
  parser.write(xml.replace(/^\uFEFF/, '')).close();
  if (error) throw error;
}

function attrNs(attrs: Attrs, uris: readonly string[], local: string): string | undefined {
  return Object.values(attrs).find((a) => a.local === local && uris.includes(a.uri))?.value;
}

function attrPlain(attrs: Attrs, local: string): string | undefined {
  return Object.values(attrs).find((a) => a.local === local && a.uri === '')?.value;
}

export interface SheetEntry {
  name: string;
  sheetId: string;
  state: string | undefined;
  rid: string | undefined;
}

/** The <sheet> elements of workbook.xml, in order, whatever prefix they use. */
export function readSheets(workbookXml: string): SheetEntry[] {
  const sheets: SheetEntry[] = [];
  walkElements(workbookXml, (uri, local, attrs) => {
    if (local !== 'sheet' || !(NS.main as readonly string[]).includes(uri)) return;
    sheets.push({ name: attrPlain(attrs, 'name') ?? '', sheetId: attrPlain(attrs, 'sheetId') ?? '', state: attrPlain(attrs, 'state'), rid: attrNs(attrs, NS.rel, 'id') });
  });
  return sheets;
}

export interface Rel {
  id: string;
  type: string;
  target: string;
  external: boolean;
}

export function readRels(relsXml: string): Rel[] {
  const rels: Rel[] = [];
  walkElements(relsXml, (uri, local, attrs) => {
    if (local !== 'Relationship' || uri !== NS.pkgRels) return;
    rels.push({ id: attrPlain(attrs, 'Id') ?? '', type: attrPlain(attrs, 'Type') ?? '', target: attrPlain(attrs, 'Target') ?? '', external: attrPlain(attrs, 'TargetMode') === 'External' });
  });
  return rels;
}

/** A relationship target as a zip entry name, relative to the part that owns the rels. */
export function resolveTarget(sourcePart: string, target: string): string {
  const t = decodeURIComponent(target.split('#')[0] ?? '');
  return t.startsWith('/') ? t.slice(1) : path.posix.normalize(path.posix.join(path.posix.dirname(sourcePart), t));
}

/** The part of a named sheet: workbook.xml → its r:id → workbook.xml.rels → entry name. */
export function sheetPart(entries: Map<string, Uint8Array>, name: string): string | undefined {
  const wb = entries.get('xl/workbook.xml');
  const rels = entries.get('xl/_rels/workbook.xml.rels');
  if (!wb || !rels) return undefined;
  const sheet = readSheets(utf8(wb)).find((s) => s.name === name);
  const rel = sheet && readRels(utf8(rels)).find((r) => r.id === sheet.rid);
  return rel ? resolveTarget('xl/workbook.xml', rel.target) : undefined;
}

export interface Tag {
  start: number;
  end: number;
  kind: 'open' | 'close' | 'empty';
  local: string;
  text: string;
}

/** Every element tag of a part with its exact source span; skips comments, CDATA, PIs and the doctype. */
export function* scanTags(xml: string): Generator<Tag> {
  let i = 0;
  for (;;) {
    const lt = xml.indexOf('<', i);
    if (lt < 0) return;
    if (xml.startsWith('<!--', lt)) {
      i = xml.indexOf('-->', lt) + 3;
      continue;
    }
    if (xml.startsWith('<![CDATA[', lt)) {
      i = xml.indexOf(']]>', lt) + 3;
      continue;
    }
    if (xml.startsWith('<?', lt)) {
      i = xml.indexOf('?>', lt) + 2;
      continue;
    }
    // Quote-aware: an attribute value may hold '>'.
    let j = lt + 1;
    let quote = '';
    for (; j < xml.length; j++) {
      const ch = xml[j];
      if (quote) {
        if (ch === quote) quote = '';
      } else if (ch === '"' || ch === "'") quote = ch;
      else if (ch === '>') break;
    }
    const text = xml.slice(lt, j + 1);
    i = j + 1;
    if (text.startsWith('<!')) continue;
    const close = text.startsWith('</');
    const qname = /^<\/?([^\s/>]+)/.exec(text)?.[1] ?? '';
    const local = qname.slice(qname.indexOf(':') + 1);
    yield { start: lt, end: j + 1, kind: close ? 'close' : text.endsWith('/>') ? 'empty' : 'open', local, text };
  }
}

/** The exact source text of every element with this local name (outermost matches only). */
export function elementTexts(xml: string, local: string): string[] {
  const out: string[] = [];
  let depth = 0;
  let start = -1;
  for (const t of scanTags(xml)) {
    if (t.local !== local) continue;
    if (t.kind === 'empty' && depth === 0) out.push(t.text);
    else if (t.kind === 'open') {
      if (depth++ === 0) start = t.start;
    } else if (t.kind === 'close' && depth > 0 && --depth === 0) out.push(xml.slice(start, t.end));
  }
  return out;
}

/** The exact source text of each direct child element of the (single) element `parentXml`. */
export function childTexts(parentXml: string): string[] {
  const out: string[] = [];
  let depth = 0;
  let start = -1;
  for (const t of scanTags(parentXml)) {
    if (t.kind === 'open') {
      if (depth === 1) start = t.start;
      depth++;
    } else if (t.kind === 'close') {
      depth--;
      if (depth === 1) out.push(parentXml.slice(start, t.end));
    } else if (depth === 1) out.push(t.text);
  }
  return out;
}

/** An attribute of a start tag's text, by its qualified name. */
const attrPatterns = new Map<string, RegExp>();

export function tagAttr(tagText: string, qname: string): string | undefined {
  let re = attrPatterns.get(qname);
  if (!re) attrPatterns.set(qname, (re = new RegExp(`\\s${qname.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\s*=\\s*("([^"]*)"|'([^']*)')`)));
  const m = re.exec(tagText);
  return m ? (m[2] ?? m[3]) : undefined;
}

/** XML text escaping for element content and attribute values. */
export function escapeXml(s: string): string {
  // eslint-disable-next-line no-control-regex
  if (/[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/.test(s)) throw new Error(`not representable in XML 1.0: ${JSON.stringify(s)}`);
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}
