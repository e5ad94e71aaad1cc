import { attrSpan, decodeText, forEachAttribute } from './scanner';

export interface RawAttribute {
  name: string;
  /** The value as written, entities not yet resolved. */
  raw: string;
  /** Where the value sits inside the tag text (between its quotes). */
  valueStart: number;
  valueEnd: number;
}

/** Every attribute of a start tag's raw text (`<c r="A1" s="2">`), in order. */
export function attributes(tag: string): RawAttribute[] {
  const out: RawAttribute[] = [];
  let nameEnd = 1;
  while (nameEnd < tag.length && tag.charCodeAt(nameEnd) > 32 && tag.charCodeAt(nameEnd) !== 47 && tag.charCodeAt(nameEnd) !== 62) nameEnd++;
  forEachAttribute(tag, nameEnd, tag.length, (ns, ne, vs, ve) => out.push({ name: tag.slice(ns, ne), raw: tag.slice(vs, ve), valueStart: vs, valueEnd: ve }));
  return out;
}

/** One attribute's value, references resolved, or null. */
export function attr(tag: string, name: string): string | null {
  const span = attrSpan(tag, 0, tag.length, name);
  return span === null ? null : attributeValue(tag.slice(span[0], span[1]));
}

/** An attribute's value as XML reads it: literal tabs and line ends are spaces (XML 1.0, 3.3.3), then references resolved. */
export function attributeValue(raw: string): string {
  return decodeText(/[\t\n\r]/.test(raw) ? raw.replace(/\r\n|[\t\n\r]/g, ' ') : raw);
}

/** Escapes text for an attribute value in double quotes. */
export function escapeAttribute(value: string): string {
  return value.replace(/[&<>"\t\n\r]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', '\t': '&#9;', '\n': '&#10;', '\r': '&#13;' })[c] ?? c);
}

/** Escapes character data. */
export function escapeText(value: string): string {
  return value.replace(/[&<>]/g, (c) => (c === '&' ? '&amp;' : c === '<' ? '&lt;' : '&gt;'));
}

/**
 * The tag with one attribute set (replaced where it stands, else added after the last one), the rest
 * of its text unchanged. Setting a value a tag already has gives the same text back.
 */
export function setAttribute(tag: string, name: string, value: string): string {
  const escaped = escapeAttribute(value);
  const existing = attributes(tag).find((a) => a.name === name);
  if (existing) return tag.slice(0, existing.valueStart) + escaped + tag.slice(existing.valueEnd);
  const close = tag.endsWith('/>') ? tag.length - 2 : tag.length - 1;
  let insertAt = close;
  while (insertAt > 0 && tag.charCodeAt(insertAt - 1) <= 32) insertAt--;
  return `${tag.slice(0, insertAt)} ${name}="${escaped}"${tag.slice(insertAt)}`;
}
