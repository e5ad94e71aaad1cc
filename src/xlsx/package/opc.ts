import { attr } from '../xml/attributes';
import { localName, scanXml } from '../xml/scanner';

/** Relationship types this tool follows (transitional and strict OOXML spell them differently). */
export const relTypes = {
  officeDocument: ['http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument', 'http://purl.oclc.org/ooxml/officeDocument/relationships/officeDocument'],
  worksheet: ['http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet', 'http://purl.oclc.org/ooxml/officeDocument/relationships/worksheet'],
  sharedStrings: ['http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings', 'http://purl.oclc.org/ooxml/officeDocument/relationships/sharedStrings'],
  styles: ['http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles', 'http://purl.oclc.org/ooxml/officeDocument/relationships/styles'],
  theme: ['http://schemas.openxmlformats.org/officeDocument/2006/relationships/theme', 'http://purl.oclc.org/ooxml/officeDocument/relationships/theme'],
  extendedProperties: ['http://schemas.openxmlformats.org/officeDocument/2006/relationships/extended-properties', 'http://purl.oclc.org/ooxml/officeDocument/relationships/extendedProperties'],
} as const;

export const contentTypes = {
  worksheet: 'application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml',
  styles: 'application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml',
  macroWorkbook: 'application/vnd.ms-excel.sheet.macroEnabled.main+xml',
};

export interface Relationship {
  id: string;
  type: string;
  /** The target part's name (no leading slash), resolved against the source part; the raw target when external. */
  target: string;
  external: boolean;
}

/** `xl/workbook.xml` → `xl/_rels/workbook.xml.rels`; the package itself (`''`) → `_rels/.rels`. */
export function relsPartOf(part: string): string {
  const slash = part.lastIndexOf('/');
  return `${part.slice(0, slash + 1)}_rels/${part.slice(slash + 1)}.rels`;
}

/** A relationship target resolved against the part that holds it (ECMA-376 Part 2, 9.3). */
export function resolveTarget(sourcePart: string, target: string): string {
  const raw = target.split('#')[0] ?? '';
  const segments = raw.startsWith('/') ? [] : sourcePart.split('/').slice(0, -1);
  for (const seg of raw.split('/')) {
    if (seg === '' || seg === '.') continue;
    if (seg === '..') segments.pop();
    else segments.push(decodeURIComponentSafe(seg));
  }
  return segments.join('/');
}

function decodeURIComponentSafe(s: string): string {
  try {
    return decodeURIComponent(s);
  } catch {
    return s;
  }
}

export function parseRelationships(xml: string, sourcePart: string): Relationship[] {
  const rels: Relationship[] = [];
  scanXml(xml, {
    open(name, tag) {
      if (localName(name) !== 'Relationship') return;
      const id = attr(tag, 'Id');
      const type = attr(tag, 'Type');
      const target = attr(tag, 'Target');
      if (id === null || type === null || target === null) return;
      const external = attr(tag, 'TargetMode') === 'External';
      rels.push({ id, type, target: external ? target : resolveTarget(sourcePart, target), external });
    },
  });
  return rels;
}

export function isType(rel: Relationship, types: readonly string[]): boolean {
  return types.includes(rel.type);
}

export interface ContentTypes {
  defaults: Map<string, string>;
  overrides: Map<string, string>;
}

export function parseContentTypes(xml: string): ContentTypes {
  const defaults = new Map<string, string>();
  const overrides = new Map<string, string>();
  scanXml(xml, {
    open(name, tag) {
      const local = localName(name);
      const type = attr(tag, 'ContentType');
      if (type === null) return;
      if (local === 'Default') {
        const ext = attr(tag, 'Extension');
        if (ext !== null) defaults.set(ext.toLowerCase(), type);
      } else if (local === 'Override') {
        const part = attr(tag, 'PartName');
        if (part !== null) overrides.set(part.replace(/^\//, '').toLowerCase(), type);
      }
    },
  });
  return { defaults, overrides };
}

export function contentTypeOf(types: ContentTypes, part: string): string | null {
  const key = part.toLowerCase();
  const o = types.overrides.get(key);
  if (o !== undefined) return o;
  const dot = key.lastIndexOf('.');
  return dot < 0 ? null : (types.defaults.get(key.slice(dot + 1)) ?? null);
}
