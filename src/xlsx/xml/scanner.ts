import { XlsxError } from '../xlsx-error';

/**
 * What a scan reports. Offsets are into the whole document, so a caller can cut an element's raw text
 * out of it, or copy everything but one tag unchanged.
 */
export interface XmlEvents {
  /** A start (or empty-element) tag: its qualified name and its raw text from `<` to `>`. */
  open?(name: string, tag: string, selfClosing: boolean, start: number, end: number): void;
  close?(name: string, start: number, end: number): void;
  /** Character data (entities decoded, CDATA as it is); white space between tags included. */
  text?(text: string): void;
}

const LT = 60;
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
  const dq = s.indexOf('"', from);
  const sq = s.indexOf("'", from);
  // Most tags have no quote before their `>`, or only double quotes that pair up: check the slow way only then.
  if ((dq < 0 || dq > gt) && (sq < 0 || sq > gt)) return gt;
  let quote = 0;
  for (let i = from; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (quote !== 0) {
      if (c === quote) quote = 0;
    } else if (c === DQ || c === SQ) quote = c;
    else if (c === GT) return i;
  }
  return -1;
}

/**
 * A small XML tokenizer for the parts of a workbook, fed in chunks as they unpack. It reads the XML a
 * workbook holds (elements, attributes, character and entity references, CDATA, comments, processing
 * instructions) and refuses a document type declaration, which no workbook part has and which is the
 * way in for entity-expansion attacks. It checks no namespaces: callers match local names in context.
 * General parsers (saxes, htmlparser2) build an attribute object per element and ran at about 17 MB/s
 * here, a third of what a 100,000-action sheet needs; this hands over each tag's raw text instead.
 * The test suite checks it against saxes on every part of the Excel-saved corpus.
 */
export class XmlScanner {
  private buf = '';
  /** Offset in the document of buf[0]. */
  private base = 0;
  private depth = 0;
  private seenRoot = false;

  constructor(private readonly events: XmlEvents) {}

  write(chunk: string): void {
    this.buf = this.buf.length === 0 ? chunk : this.buf + chunk;
    const used = this.scan(false);
    this.base += used;
    this.buf = used >= this.buf.length ? '' : this.buf.slice(used);
  }

  end(): void {
    const used = this.scan(true);
    if (used < this.buf.length && /\S/.test(this.buf.slice(used))) throw damaged('a tag is not closed at the end');
    if (this.depth !== 0 || !this.seenRoot) throw damaged(this.seenRoot ? 'an element is not closed' : 'it has no root element');
    this.buf = '';
  }

  /** Scans what it can; returns how many characters of buf it consumed. */
  private scan(final: boolean): number {
    const s = this.buf;
    const ev = this.events;
    const base = this.base;
    let i = 0;
    for (;;) {
      const lt = s.indexOf('<', i);
      if (lt < 0) {
        // Text may end mid entity: hold it back until more comes, or until the end.
        if (final && i < s.length && ev.text) ev.text(decodeText(s.slice(i)));
        return final ? s.length : i;
      }
      if (lt > i && ev.text) ev.text(decodeText(s.slice(i, lt)));
      const c = s.charCodeAt(lt + 1);
      if (Number.isNaN(c)) return lt;
      if (c === SLASH) {
        const gt = s.indexOf('>', lt + 2);
        if (gt < 0) return lt;
        let e = gt;
        while (e > lt + 2 && s.charCodeAt(e - 1) <= 32) e--;
        this.depth--;
        if (this.depth < 0) throw damaged('a closing tag has no opening tag');
        ev.close?.(s.slice(lt + 2, e), base + lt, base + gt + 1);
        i = gt + 1;
      } else if (c === BANG) {
        if (s.startsWith('<!--', lt)) {
          const e = s.indexOf('-->', lt + 4);
          if (e < 0) return lt;
          i = e + 3;
        } else if (s.startsWith('<![CDATA[', lt)) {
          const e = s.indexOf(']]>', lt + 9);
          if (e < 0) return lt;
          ev.text?.(s.slice(lt + 9, e));
          i = e + 3;
        } else {
          if (s.length - lt < 9 && !final) return lt;
          throw damaged('it has a document type declaration, which workbook parts never have');
        }
      } else if (c === QUERY) {
        const e = s.indexOf('?>', lt + 2);
        if (e < 0) return lt;
        i = e + 2;
      } else {
        const gt = tagEnd(s, lt + 1);
        if (gt < 0) return lt;
        let n = lt + 1;
        while (n < gt && !isNameEnd(s.charCodeAt(n))) n++;
        const selfClosing = s.charCodeAt(gt - 1) === SLASH;
        if (this.depth === 0) {
          if (this.seenRoot) throw damaged('it has more than one root element');
          this.seenRoot = true;
        }
        if (!selfClosing) this.depth++;
        ev.open?.(s.slice(lt + 1, n), s.slice(lt, gt + 1), selfClosing, base + lt, base + gt + 1);
        i = gt + 1;
      }
    }
  }
}

function damaged(detail: string): XlsxError {
  return new XlsxError({ code: 'damaged', detail: `its XML is malformed (${detail})` });
}

/** Scans a whole document in one go. */
export function scanXml(xml: string, events: XmlEvents): void {
  const scanner = new XmlScanner(events);
  scanner.write(xml);
  scanner.end();
}

const entity = /&(#x[0-9a-fA-F]+|#[0-9]+|lt|gt|amp|quot|apos);/g;
const named: Record<string, string> = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" };

/** Character data with its entity and character references resolved. */
export function decodeText(raw: string): string {
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
