import { datePrecisionOf, isDateFormat } from '../../../shared/grid/number-format';
import { fillColour } from '../../../shared/grid/grid';
import { attr } from '../xml/attributes';
import { localName, prefixOf, scanXml } from '../xml/scanner';

/** Excel's built-in number formats (ECMA-376 Part 1, 18.8.30) that a cell may name by id alone. */
const builtinFormats: Record<number, string> = {
  0: 'General', 1: '0', 2: '0.00', 3: '#,##0', 4: '#,##0.00', 9: '0%', 10: '0.00%', 11: '0.00E+00', 12: '# ?/?', 13: '# ??/??',
  14: 'mm-dd-yy', 15: 'd-mmm-yy', 16: 'd-mmm', 17: 'mmm-yy', 18: 'h:mm AM/PM', 19: 'h:mm:ss AM/PM', 20: 'h:mm', 21: 'h:mm:ss', 22: 'm/d/yy h:mm',
  37: '#,##0 ;(#,##0)', 38: '#,##0 ;[Red](#,##0)', 39: '#,##0.00;(#,##0.00)', 40: '#,##0.00;[Red](#,##0.00)', 45: 'mm:ss', 46: '[h]:mm:ss', 47: 'mmss.0', 48: '##0.0E+0', 49: '@',
};

/** Ids Excel reserves for East Asian date formats, whose codes depend on the locale: dates whatever they show. */
function isEastAsianDateId(id: number): boolean {
  return (id >= 27 && id <= 36) || (id >= 50 && id <= 58);
}

/** The legacy palette an `indexed` colour names (ECMA-376 Part 1, 18.8.27), unless the workbook brings its own. */
const defaultIndexed = [
  '000000', 'FFFFFF', 'FF0000', '00FF00', '0000FF', 'FFFF00', 'FF00FF', '00FFFF', '000000', 'FFFFFF', 'FF0000', '00FF00', '0000FF', 'FFFF00', 'FF00FF', '00FFFF',
  '800000', '008000', '000080', '808000', '800080', '008080', 'C0C0C0', '808080', '9999FF', '993366', 'FFFFCC', 'CCFFFF', '660066', 'FF8080', '0066CC', 'CCCCFF',
  '000080', 'FF00FF', 'FFFF00', '00FFFF', '800080', '800000', '008080', '0000FF', '00CCFF', 'CCFFFF', 'CCFFCC', 'FFFF99', '99CCFF', 'FF99CC', 'CC99FF', 'FFCC99',
  '3366FF', '33CCCC', '99CC00', 'FFCC00', 'FF9900', 'FF6600', '666699', '969696', '003366', '339966', '003300', '333300', '993300', '993366', '333399', '333333',
];

/** The default Office theme (2013 on), in the order fills index it: lt1, dk1, lt2, dk2, accent1–6, hlink, folHlink. */
export const officeThemeColours = ['FFFFFF', '000000', 'E7E6E6', '44546A', '4472C4', 'ED7D31', 'A5A5A5', 'FFC000', '5B9BD5', '70AD47', '0563C1', '954F72'];

/** Excel's tint: towards white when positive, towards black when negative. */
function tinted(hex: string, tint: number): string {
  const n = parseInt(hex, 16);
  const ch = [(n >> 16) & 255, (n >> 8) & 255, n & 255].map((v) => Math.round(tint >= 0 ? v + (255 - v) * tint : v * (1 + tint)));
  return ch.map((v) => v.toString(16).padStart(2, '0')).join('').toUpperCase();
}

/** Where an element's raw text lies in the part, to copy or extend it. */
export interface Span {
  start: number;
  end: number;
}

export type StyleCollection = 'numFmts' | 'fonts' | 'fills' | 'borders' | 'cellStyleXfs' | 'cellXfs';

export interface CollectionSpan {
  /** The collection's start tag (the whole element when self-closing). */
  open: Span;
  selfClosing: boolean;
  /** Its end tag, when not self-closing. */
  close: Span | null;
  items: Span[];
}

export interface StylesPart {
  /** The root's namespace prefix with its colon, '' for none: new elements take it. */
  prefix: string;
  rootClose: Span | null;
  rootOpen: Span;
  numFmts: Map<number, string>;
  /** Per cell format (the `s` of a cell): its number format id and fill id. */
  xfs: { numFmtId: number; fillId: number; fontId: number }[];
  /** Per fill: the solid colour it shows as #RRGGBB, or null. */
  fills: (string | null)[];
  collections: Partial<Record<StyleCollection, CollectionSpan>>;
}

const collectionNames = new Set<string>(['numFmts', 'fonts', 'fills', 'borders', 'cellStyleXfs', 'cellXfs']);

/** Reads styles.xml: what the reader needs (date formats, fills) and where each piece lies for the writer. */
export function parseStyles(xml: string, theme: readonly string[] = officeThemeColours): StylesPart {
  const numFmts = new Map<number, string>();
  const xfs: StylesPart['xfs'] = [];
  const fills: (string | null)[] = [];
  const collections: StylesPart['collections'] = {};
  let indexed = defaultIndexed;
  const customIndexed: string[] = [];
  let prefix = '';
  let rootOpen: Span = { start: 0, end: 0 };
  let rootClose: Span | null = null;
  const stack: string[] = [];
  let current: CollectionSpan | null = null;
  let currentName = '';
  let itemStart = -1;
  let fill: { pattern: string | null; colour: string | null } | null = null;
  scanXml(xml, {
    open(name, tag, selfClosing, start, end) {
      const local = localName(name);
      const depth = stack.length;
      if (depth === 0) {
        prefix = prefixOf(name);
        rootOpen = { start, end };
      } else if (depth === 1 && collectionNames.has(local)) {
        current = { open: { start, end }, selfClosing, close: null, items: [] };
        currentName = local;
        collections[local as StyleCollection] = current;
      } else if (depth === 2 && current) {
        itemStart = start;
        if (selfClosing) (current as CollectionSpan).items.push({ start, end });
        if (currentName === 'numFmts' && local === 'numFmt') {
          const id = Number(attr(tag, 'numFmtId'));
          const code = attr(tag, 'formatCode');
          if (Number.isInteger(id) && code !== null) numFmts.set(id, code);
        } else if (currentName === 'cellXfs' && local === 'xf') {
          xfs.push({ numFmtId: Number(attr(tag, 'numFmtId') ?? 0) || 0, fillId: Number(attr(tag, 'fillId') ?? 0) || 0, fontId: Number(attr(tag, 'fontId') ?? 0) || 0 });
        } else if (currentName === 'fills' && local === 'fill') {
          fill = { pattern: null, colour: null };
          if (selfClosing) fills.push(null);
        }
      } else if (fill && local === 'patternFill') {
        fill.pattern = attr(tag, 'patternType');
      } else if (fill && local === 'fgColor') {
        fill.colour = colourOf(tag, theme, indexed);
      } else if (local === 'rgbColor' && stack[stack.length - 1] !== undefined && localName(stack[stack.length - 1] as string) === 'indexedColors') {
        const rgb = attr(tag, 'rgb');
        if (rgb) customIndexed.push(rgb.slice(-6).toUpperCase());
      }
      if (!selfClosing) stack.push(name);
    },
    close(name, start, end) {
      stack.pop();
      const depth = stack.length;
      const local = localName(name);
      if (depth === 0) rootClose = { start, end };
      else if (depth === 1 && current && local === currentName) {
        current.close = { start, end };
        current = null;
      } else if (depth === 2 && current) {
        current.items.push({ start: itemStart, end });
        if (currentName === 'fills' && fill) {
          fills.push(fill.pattern === 'solid' ? fill.colour : null);
          fill = null;
        }
      } else if (local === 'indexedColors' && customIndexed.length > 0) indexed = customIndexed;
    },
  });
  return { prefix, rootOpen, rootClose, numFmts, xfs, fills, collections };
}

function colourOf(tag: string, theme: readonly string[], indexed: readonly string[]): string | null {
  const rgb = attr(tag, 'rgb');
  if (rgb && /^[0-9a-f]{6,8}$/i.test(rgb)) return fillColour(rgb.slice(-6));
  const t = attr(tag, 'theme');
  if (t !== null) {
    const base = theme[Number(t)];
    return base ? fillColour(tinted(base, Number(attr(tag, 'tint') ?? 0) || 0)) : null;
  }
  const i = attr(tag, 'indexed');
  if (i !== null) {
    const hex = indexed[Number(i)];
    return hex ? fillColour(hex) : null;
  }
  return null;
}

/** What the reader needs per cell format: is it a date, and the solid fill it shows. */
export interface CellFormats {
  isDate: boolean[];
  /** Date formats that show no day: the cell means the whole month or year. */
  precision: ('month' | 'year' | undefined)[];
  fill: (string | null)[];
}

export function cellFormats(styles: StylesPart | null): CellFormats {
  if (!styles) return { isDate: [], precision: [], fill: [] };
  const codeOf = (id: number) => styles.numFmts.get(id) ?? builtinFormats[id];
  return {
    isDate: styles.xfs.map((xf) => isEastAsianDateId(xf.numFmtId) || isDateFormat(codeOf(xf.numFmtId))),
    precision: styles.xfs.map((xf) => {
      const p = isEastAsianDateId(xf.numFmtId) ? 'day' : datePrecisionOf(codeOf(xf.numFmtId));
      return p === 'day' ? undefined : p;
    }),
    fill: styles.xfs.map((xf) => styles.fills[xf.fillId] ?? null),
  };
}

/** The colour scheme of a theme part, in fill index order, or the Office default where it cannot be read. */
export function parseThemeColours(xml: string): string[] {
  const order = ['lt1', 'dk1', 'lt2', 'dk2', 'accent1', 'accent2', 'accent3', 'accent4', 'accent5', 'accent6', 'hlink', 'folHlink'];
  const found = new Map<string, string>();
  let inScheme = false;
  let slot: string | null = null;
  scanXml(xml, {
    open(name, tag) {
      const local = localName(name);
      if (local === 'clrScheme') inScheme = true;
      else if (inScheme && order.includes(local)) slot = local;
      else if (inScheme && slot && (local === 'srgbClr' || local === 'sysClr')) {
        const v = local === 'srgbClr' ? attr(tag, 'val') : attr(tag, 'lastClr');
        if (v && /^[0-9a-f]{6}$/i.test(v) && !found.has(slot)) found.set(slot, v.toUpperCase());
      }
    },
    close(name) {
      const local = localName(name);
      if (local === 'clrScheme') inScheme = false;
      else if (local === slot) slot = null;
    },
  });
  return order.map((k, i) => found.get(k) ?? (officeThemeColours[i] as string));
}
