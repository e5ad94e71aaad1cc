import { decodeText } from './scanner';

export interface RawAttribute {
  name: string;
  /** The value as written, entities not yet resolved. */
  raw: string;
  /** Where the value sits inside the tag text (between its quotes). */
  valueStart: number;
  valueEnd: number;
}

function isSpace(c: number): boolean {
  return c === 32 || c === 9 || c === 10 || c === 13;
}

/** Every attribute of a start tag's raw text (`<c r="A1" s="2">`), in order. */
export function attributes(tag: string): RawAttribute[] {
  const out: RawAttribute[] = [];
  let i = 1;
  while (i < tag.length && !isSpace(tag.charCodeAt(i)) && tag.charCodeAt(i) !== 47 && tag.charCodeAt(i) !== 62) i++;
  for (;;) {
    while (i < tag.length && isSpace(tag.charCodeAt(i))) i++;
    const c = tag.charCodeAt(i);
    if (i >= tag.length || c === 47 || c === 62) return out;
    const nameStart = i;
    while (i < tag.length && tag.charCodeAt(i) !== 61 && !isSpace(tag.charCodeAt(i))) i++;
    const name = tag.slice(nameStart, i);
    while (i < tag.length && tag.charCodeAt(i) !== 61) i++;
    i++;
    while (i < tag.length && isSpace(tag.charCodeAt(i))) i++;
    const quote = tag.charCodeAt(i);
    if (quote !== 34 && quote !== 39) return out;
    const end = tag.indexOf(quote === 34 ? '"' : "'", i + 1);
    if (end < 0) return out;
    out.push({ name, raw: tag.slice(i + 1, end), valueStart: i + 1, valueEnd: end });
    i = end + 1;
  }
}

/**
 * One attribute's value, entities resolved, or null. The cell loop calls this for r, s and t of every
 * cell, so it looks for the name directly rather than listing every attribute.
 */
export function attr(tag: string, name: string): string | null {
  let from = 1;
  for (;;) {
    const at = tag.indexOf(name, from);
    if (at < 0) return null;
    const before = tag.charCodeAt(at - 1);
    let j = at + name.length;
    while (isSpace(tag.charCodeAt(j))) j++;
    if (isSpace(before) && tag.charCodeAt(j) === 61) {
      j++;
      while (isSpace(tag.charCodeAt(j))) j++;
      const quote = tag.charCodeAt(j);
      if (quote === 34 || quote === 39) {
        const end = tag.indexOf(quote === 34 ? '"' : "'", j + 1);
        if (end < 0) return null;
        // The name matched inside another attribute's value would not be followed by = and a quote
        // at a point where a value could start; values in these parts never hold `name="`.
        return attributeValue(tag.slice(j + 1, end));
      }
    }
    from = at + name.length;
  }
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
  while (insertAt > 0 && isSpace(tag.charCodeAt(insertAt - 1))) insertAt--;
  return `${tag.slice(0, insertAt)} ${name}="${escaped}"${tag.slice(insertAt)}`;
}
