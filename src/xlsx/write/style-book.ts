import { attr, setAttribute } from '../xml/attributes';
import { elementShape, withContent } from '../xml/elements';
import type { CollectionSpan, StyleCollection, StylesPart } from '../read/styles';

/** What a cell's look needs on top of the format it has: the tool only ever adds to a format. */
export interface StyleChange {
  /** #RRGGBB solid fill. */
  fill?: string;
  /** #RRGGBB text colour. */
  fontColour?: string;
  bold?: boolean;
  italic?: boolean;
  /** Points. */
  size?: number;
  numFmtId?: number;
  wrapTop?: boolean;
}

const argb = (hex: string) => `FF${hex.replace('#', '').toUpperCase()}`;

/** A minimal stylesheet for a workbook that has none (Excel requires the first two fills to be these). */
export const defaultStylesXml =
  '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">' +
  '<fonts count="1"><font><sz val="11"/><color theme="1"/><name val="Calibri"/><family val="2"/><scheme val="minor"/></font></fonts>' +
  '<fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills>' +
  '<borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>' +
  '<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>' +
  '<cellXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/></cellXfs>' +
  '<cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles></styleSheet>';

/** Schema order of the collections in a stylesheet (CT_Stylesheet), for putting a missing one in its place. */
const order: StyleCollection[] = ['numFmts', 'fonts', 'fills', 'borders', 'cellStyleXfs', 'cellXfs'];

class Collection {
  readonly items: string[];
  private readonly index = new Map<string, number>();
  readonly existing: number;

  constructor(
    xml: string,
    readonly span: CollectionSpan | undefined,
  ) {
    this.items = span ? span.items.map((s) => xml.slice(s.start, s.end)) : [];
    this.existing = this.items.length;
    this.items.forEach((t, i) => {
      if (!this.index.has(t)) this.index.set(t, i);
    });
  }

  /** The index of an item with exactly this text, appending it if there is none. */
  intern(text: string): number {
    const found = this.index.get(text);
    if (found !== undefined) return found;
    this.items.push(text);
    this.index.set(text, this.items.length - 1);
    return this.items.length - 1;
  }

  get added(): boolean {
    return this.items.length > this.existing;
  }
}

/**
 * The workbook's cell formats, extended by appending: existing fonts, fills and formats keep their
 * indices and their text, and a format the tool asks for twice (or finds already there, written by an
 * earlier run) is reused, so applying twice changes nothing.
 */
export class StyleBook {
  private readonly p: string;
  private readonly fonts: Collection;
  private readonly fills: Collection;
  private readonly xfs: Collection;
  /** Answers already given: a 100,000-action plan asks the same few questions 100,000 times. */
  private readonly answers = new Map<string, number>();

  constructor(
    private readonly xml: string,
    private readonly styles: StylesPart,
  ) {
    this.p = styles.prefix;
    this.fonts = new Collection(xml, styles.collections.fonts);
    this.fills = new Collection(xml, styles.collections.fills);
    this.xfs = new Collection(xml, styles.collections.cellXfs);
  }

  /** The cell format that is `base` with the change made; `base` itself when it already looks so. */
  derive(base: number, change: StyleChange): number {
    const key = `${base}|${change.fill ?? ''}|${change.fontColour ?? ''}|${change.bold ? 1 : 0}${change.italic ? 1 : 0}${change.wrapTop ? 1 : 0}|${change.size ?? ''}|${change.numFmtId ?? ''}`;
    let answer = this.answers.get(key);
    if (answer === undefined) {
      answer = this.deriveOnce(base, change);
      this.answers.set(key, answer);
    }
    return answer;
  }

  private deriveOnce(base: number, change: StyleChange): number {
    const baseXf = this.xfs.items[base] ?? this.xfs.items[0] ?? `<${this.p}xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>`;
    let xf = baseXf;
    if (change.fontColour !== undefined || change.bold || change.italic || change.size !== undefined) {
      const fontId = Number(attr(xf, 'fontId') ?? 0) || 0;
      const font = this.fonts.items[fontId] ?? this.fonts.items[0] ?? `<${this.p}font/>`;
      xf = setStartTag(xf, (t) => setAttribute(setAttribute(t, 'fontId', String(this.fonts.intern(this.changeFont(font, change)))), 'applyFont', '1'));
    }
    if (change.fill !== undefined) {
      const fill = `<${this.p}fill><${this.p}patternFill patternType="solid"><${this.p}fgColor rgb="${argb(change.fill)}"/><${this.p}bgColor indexed="64"/></${this.p}patternFill></${this.p}fill>`;
      xf = setStartTag(xf, (t) => setAttribute(setAttribute(t, 'fillId', String(this.fills.intern(fill))), 'applyFill', '1'));
    }
    if (change.numFmtId !== undefined) {
      const id = String(change.numFmtId);
      xf = setStartTag(xf, (t) => setAttribute(setAttribute(t, 'numFmtId', id), 'applyNumberFormat', '1'));
    }
    if (change.wrapTop) xf = this.withAlignment(setStartTag(xf, (t) => setAttribute(t, 'applyAlignment', '1')));
    if (xf === baseXf && base < this.xfs.items.length) return base;
    return this.xfs.intern(xf);
  }

  /** The font with the change made: children rewritten in place, or added where Excel puts them (CT_Font order). */
  private changeFont(font: string, change: StyleChange): string {
    const p = this.p;
    let raw = font;
    const put = (local: string, text: string, after: readonly string[]) => {
      let shape = elementShape(raw);
      if (shape.selfClosing) {
        raw = withContent(raw, shape, `${p}font`, '');
        shape = elementShape(raw);
      }
      const child = shape.children.find((c) => c.local === local);
      if (child) {
        raw = raw.slice(0, child.start) + text + raw.slice(child.end);
        return;
      }
      const prev = shape.children.filter((c) => after.includes(c.local)).pop();
      const at = prev ? prev.end : shape.openEnd;
      raw = raw.slice(0, at) + text + raw.slice(at);
    };
    const beforeSize = ['b', 'i', 'strike', 'condense', 'extend', 'outline', 'shadow', 'u', 'vertAlign'];
    if (change.bold) put('b', `<${p}b/>`, []);
    if (change.italic) put('i', `<${p}i/>`, ['b']);
    if (change.size !== undefined) put('sz', `<${p}sz val="${change.size}"/>`, beforeSize);
    if (change.fontColour !== undefined) put('color', `<${p}color rgb="${argb(change.fontColour)}"/>`, [...beforeSize, 'sz']);
    return raw;
  }

  private withAlignment(xf: string): string {
    const p = this.p;
    const shape = elementShape(xf);
    const inner = shape.selfClosing ? '' : xf.slice(shape.openEnd, shape.closeStart);
    const align = shape.children.find((c) => c.local === 'alignment');
    let next: string;
    if (align) {
      const rel = (n: number) => n - shape.openEnd;
      const tag = xf.slice(align.start, align.end);
      next = inner.slice(0, rel(align.start)) + setAttribute(setAttribute(tag, 'wrapText', '1'), 'vertical', 'top') + inner.slice(rel(align.end));
    } else next = `<${p}alignment vertical="top" wrapText="1"/>${inner}`;
    return withContent(xf, shape, `${p}xf`, next);
  }

  get changed(): boolean {
    return this.fonts.added || this.fills.added || this.xfs.added;
  }

  /** styles.xml with the new fonts, fills and formats appended and each count set; every other byte as it was. */
  toXml(): string {
    const edits: { at: number; end: number; text: string }[] = [];
    const s = this.styles;
    const p = this.p;
    for (const [name, coll] of [['fonts', this.fonts], ['fills', this.fills], ['cellXfs', this.xfs]] as const) {
      if (!coll.added) continue;
      const added = coll.items.slice(coll.existing).join('');
      const span = coll.span;
      if (span) {
        const open = this.xml.slice(span.open.start, span.open.end);
        const counted = setAttribute(open, 'count', String(coll.items.length));
        if (span.selfClosing) edits.push({ at: span.open.start, end: span.open.end, text: `${counted.slice(0, -2).replace(/\s+$/, '')}>${added}</${p}${name}>` });
        else {
          edits.push({ at: span.open.start, end: span.open.end, text: counted });
          const close = span.close as { start: number };
          edits.push({ at: close.start, end: close.start, text: added });
        }
      } else {
        // A stylesheet without the collection: add it after the last one that comes before it in the schema.
        const before = order.slice(0, order.indexOf(name)).map((n) => s.collections[n]).filter((c): c is CollectionSpan => c !== undefined).pop();
        const at = before ? (before.close ?? before.open).end : s.rootOpen.end;
        edits.push({ at, end: at, text: `<${p}${name} count="${coll.items.length}">${added}</${p}${name}>` });
      }
    }
    edits.sort((a, b) => a.at - b.at);
    let out = '';
    let from = 0;
    for (const e of edits) {
      out += this.xml.slice(from, e.at) + e.text;
      from = e.end;
    }
    return out + this.xml.slice(from);
  }
}

/** Applies a change to the start tag of an element's raw text, leaving its children as they are. */
function setStartTag(raw: string, change: (tag: string) => string): string {
  const shape = elementShape(raw);
  return change(raw.slice(0, shape.openEnd)) + raw.slice(shape.openEnd);
}
