import { XlsxError } from '../xlsx-error';

/**
 * What a raw scan reports: positions in the document, nothing cut out of it, so a reader of a large
 * sheet allocates only what it keeps. Offsets are into the whole document.
 */
export interface RawXmlEvents {
  /** A start (or empty-element) tag from its `<` at `start` to just after its `>` at `end`; its name ends at nameEnd. */
  open?(doc: string, start: number, nameEnd: number, end: number, selfClosing: boolean): void;
  /** An end tag; its name runs from start + 2 to nameEnd. */
  close?(doc: string, start: number, nameEnd: number, end: number): void;
  /** Character data between tags, doc[start, end), references not yet resolved (see decodeText). */
  text?(doc: string, start: number, end: number): void;
  /** A CDATA section's text, as it is. */
  cdata?(text: string): void;
}

/** The convenient form: names and raw tag text as strings. */
export interface XmlEvents {
  open?(name: string, tag: string, selfClosing: boolean, start: number, end: number): void;
  close?(name: string, start: number, end: number): void;
  /** Character data (references resolved, CDATA as it is). */
  text?(text: string): void;
}

const GT = 62;
const SLASH = 47;
const BANG = 33;
const QUERY = 63;
const DQ = 34;
const SQ = 39;

function isNameEnd(c: number): boolean {
  return c === 32 || c === 9 || c === 10 || c === 13 || c === SLASH || c === GT;
}

/** The index of the `>` that ends the tag opened at `from`, skipping quoted attribute values; -1 when the text ends first. */
function tagEnd(s: string, from: number): number {
  const gt = s.indexOf('>', from);
  if (gt < 0) return -1;
  // Most tags hold no quote before their first `>`, or quotes that all close before it: the slow way only then.
  let quote = 0;
  for (let i = from; i < gt; i++) {
    const c = s.charCodeAt(i);
    if (quote !== 0) {
      if (c === quote) quote = 0;
    } else if (c === DQ || c === SQ) quote = c;
  }
  if (quote === 0) return gt;
  for (let i = gt; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (quote !== 0) {
      if (c === quote) quote = 0;
    } else if (c === DQ || c === SQ) quote = c;
    else if (c === GT) return i;
  }
  return -1;
}

function damaged(detail: string): XlsxError {
  return new XlsxError({ code: 'damaged', detail: `its XML is malformed (${detail})` });
}

/**
 * A small XML tokenizer for the parts of a workbook. It reads the XML a workbook holds (elements,
 * attributes, character and entity references, CDATA, comments, processing instructions) and refuses a
 * document type declaration, which no workbook part has and which is the way in for entity-expansion
 * attacks. It checks no namespaces: callers match local names in context. General parsers (saxes,
 * htmlparser2) build an attribute object per element and ran at about 17 MB/s here, a third of what a
 * 100,000-action sheet needs; this reports positions instead. The test suite checks it against saxes
 * on every XML part of the Excel-saved corpus.
 */
export function scanXmlRaw(s: string, ev: RawXmlEvents): void {
  let depth = 0;
  let seenRoot = false;
  let i = 0;
  for (;;) {
    const lt = s.indexOf('<', i);
    if (lt < 0) {
      if (i < s.length && ev.text) ev.text(s, i, s.length);
      break;
    }
    if (lt > i && ev.text) ev.text(s, i, lt);
    const c = s.charCodeAt(lt + 1);
    if (c === SLASH) {
      const gt = s.indexOf('>', lt + 2);
      if (gt < 0) throw damaged('a tag is not closed at the end');
      let e = gt;
      while (e > lt + 2 && s.charCodeAt(e - 1) <= 32) e--;
      if (--depth < 0) throw damaged('a closing tag has no opening tag');
      ev.close?.(s, lt, e, gt + 1);
      i = gt + 1;
    } else if (c === BANG) {
      if (s.startsWith('<!--', lt)) {
        const e = s.indexOf('-->', lt + 4);
        if (e < 0) throw damaged('a comment is not closed');
        i = e + 3;
      } else if (s.startsWith('<![CDATA[', lt)) {
        const e = s.indexOf(']]>', lt + 9);
        if (e < 0) throw damaged('a CDATA section is not closed');
        ev.cdata?.(s.slice(lt + 9, e));
        i = e + 3;
      } else throw damaged('it has a document type declaration, which workbook parts never have');
    } else if (c === QUERY) {
      const e = s.indexOf('?>', lt + 2);
      if (e < 0) throw damaged('a processing instruction is not closed');
      i = e + 2;
    } else {
      const gt = tagEnd(s, lt + 1);
      if (gt < 0) throw damaged('a tag is not closed at the end');
      let n = lt + 1;
      while (n < gt && !isNameEnd(s.charCodeAt(n))) n++;
      if (n === lt + 1) throw damaged('a tag has no name');
      const selfClosing = s.charCodeAt(gt - 1) === SLASH;
      if (depth === 0) {
        if (seenRoot) throw damaged('it has more than one root element');
        seenRoot = true;
      }
      if (!selfClosing) depth++;
      ev.open?.(s, lt, n, gt + 1, selfClosing);
      i = gt + 1;
    }
  }
  if (depth !== 0 || !seenRoot) throw damaged(seenRoot ? 'an element is not closed' : 'it has no root element');
}

/** Scans a whole document, handing over names and tag text as strings (for the small parts). */
export function scanXml(xml: string, events: XmlEvents): void {
  const { open, close, text } = events;
  scanXmlRaw(xml, {
    open: open ? (s, start, nameEnd, end, selfClosing) => open(s.slice(start + 1, nameEnd), s.slice(start, end), selfClosing, start, end) : undefined,
    close: close ? (s, start, nameEnd, end) => close(s.slice(start + 2, nameEnd), start, end) : undefined,
    text: text ? (s, start, end) => text(decodeText(s.slice(start, end))) : undefined,
    cdata: text,
  });
}

const entity = /&(#x[0-9a-fA-F]+|#[0-9]+|lt|gt|amp|quot|apos);/g;
const named: Record<string, string> = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" };

/** Character data with its entity and character references resolved, and line ends as XML reads them (CR LF and CR are LF). */
export function decodeText(text: string): string {
  const raw = text.indexOf('\r') < 0 ? text : text.replace(/\r\n?/g, '\n');
  if (raw.indexOf('&') < 0) return raw;
  return raw.replace(entity, (_, ref: string) => {
    if (ref.charCodeAt(0) !== 35) return named[ref] ?? '';
    const cp = ref.charCodeAt(1) === 120 ? parseInt(ref.slice(2), 16) : parseInt(ref.slice(1), 10);
    return cp > 0 && cp <= 0x10ffff ? String.fromCodePoint(cp) : '';
  });
}

/** The part of a qualified name after its prefix: `x:c` and `c` are both `c`. */
export function localName(name: string): string {
  const colon = name.indexOf(':');
  return colon < 0 ? name : name.slice(colon + 1);
}

/** The prefix of a qualified name with its colon (`x:`), or '' for none: new elements in a part take its root's. */
export function prefixOf(name: string): string {
  const colon = name.indexOf(':');
  return colon < 0 ? '' : name.slice(0, colon + 1);
}

/** Where the local name starts in doc[from, to): after the prefix's colon, if any. */
export function localStart(doc: string, from: number, to: number): number {
  for (let i = from; i < to; i++) if (doc.charCodeAt(i) === 58) return i + 1;
  return from;
}

/** Whether doc[from, to) spells `word`, without cutting it out. */
export function spells(doc: string, from: number, to: number, word: string): boolean {
  if (to - from !== word.length) return false;
  for (let i = 0; i < word.length; i++) if (doc.charCodeAt(from + i) !== word.charCodeAt(i)) return false;
  return true;
}

/**
 * Where the value of attribute `name` lies within the tag doc[start, end), as [valueStart, valueEnd],
 * or null. Found by its name followed by `=` and a quote, after white space.
 */
export function attrSpan(doc: string, start: number, end: number, name: string): [number, number] | null {
  const first = name.charCodeAt(0);
  const last = end - name.length;
  // Searched within the tag only: indexOf would run on through the rest of a 30 MB sheet for a name the tag lacks.
  for (let at = start + 1; at < last; at++) {
    if (doc.charCodeAt(at) !== first) continue;
    const before = doc.charCodeAt(at - 1);
    if (before !== 32 && before !== 9 && before !== 10 && before !== 13) continue;
    let k = 1;
    while (k < name.length && doc.charCodeAt(at + k) === name.charCodeAt(k)) k++;
    if (k < name.length) continue;
    let j = at + name.length;
    while (j < end && doc.charCodeAt(j) <= 32) j++;
    if (doc.charCodeAt(j) !== 61) continue;
    j++;
    while (j < end && doc.charCodeAt(j) <= 32) j++;
    const quote = doc.charCodeAt(j);
    if (quote !== DQ && quote !== SQ) continue;
    let close = j + 1;
    while (close < end && doc.charCodeAt(close) !== quote) close++;
    if (close >= end) return null;
    return [j + 1, close];
  }
  return null;
}

/**
 * Calls `fn` with the positions of each attribute's name and value in the tag doc[start, end), whose
 * name ends at nameEnd. Nothing is cut out or allocated: a large sheet's million tags cost no garbage.
 */
export function forEachAttribute(doc: string, nameEnd: number, end: number, fn: (nameStart: number, nameStop: number, valueStart: number, valueEnd: number) => void): void {
  let i = nameEnd;
  for (;;) {
    while (i < end && doc.charCodeAt(i) <= 32) i++;
    const c = doc.charCodeAt(i);
    if (i >= end || c === SLASH || c === GT) return;
    const nameStart = i;
    while (i < end && doc.charCodeAt(i) !== 61 && doc.charCodeAt(i) > 32) i++;
    const nameStop = i;
    while (i < end && doc.charCodeAt(i) !== 61) i++;
    i++;
    while (i < end && doc.charCodeAt(i) <= 32) i++;
    const quote = doc.charCodeAt(i);
    if (quote !== DQ && quote !== SQ) return;
    let close = i + 1;
    while (close < end && doc.charCodeAt(close) !== quote) close++;
    if (close >= end) return;
    fn(nameStart, nameStop, i + 1, close);
    i = close + 1;
  }
}

/** A whole number written at doc[from, to) (digits only), or NaN. */
export function intAt(doc: string, from: number, to: number): number {
  if (to <= from) return NaN;
  let n = 0;
  for (let i = from; i < to; i++) {
    const c = doc.charCodeAt(i) - 48;
    if (c < 0 || c > 9) return NaN;
    n = n * 10 + c;
  }
  return n;
}
