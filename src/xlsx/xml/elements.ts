import { localName, scanXml } from './scanner';

/** A child element of an element's raw text, with where it lies in that text. */
export interface ChildElement {
  local: string;
  start: number;
  end: number;
}

export interface ElementShape {
  /** End of the start tag. */
  openEnd: number;
  /** Start of the end tag; equal to openEnd's element length when self-closing. */
  closeStart: number;
  selfClosing: boolean;
  children: ChildElement[];
}

/** The direct children of one element given as raw text (`<font><b/><sz val="11"/></font>`). */
export function elementShape(raw: string): ElementShape {
  let depth = 0;
  let openEnd = raw.length;
  let closeStart = raw.length;
  let selfClosing = false;
  const children: ChildElement[] = [];
  let childStart = -1;
  let childLocal = '';
  scanXml(raw, {
    open(name, _tag, self, start, end) {
      if (depth === 0) {
        openEnd = end;
        selfClosing = self;
      } else if (depth === 1) {
        childLocal = localName(name);
        childStart = start;
        if (self) children.push({ local: childLocal, start, end });
      }
      if (!self) depth++;
    },
    close(_name, start, end) {
      depth--;
      if (depth === 0) closeStart = start;
      else if (depth === 1) children.push({ local: childLocal, start: childStart, end });
    },
  });
  return { openEnd, closeStart, selfClosing, children };
}

/** The element with `inner` as its whole content: a self-closing tag is opened and closed around it. */
export function withContent(raw: string, shape: ElementShape, qualifiedName: string, inner: string): string {
  if (shape.selfClosing) {
    const open = raw.slice(0, raw.length - 2).replace(/\s+$/, '');
    return `${open}>${inner}</${qualifiedName}>`;
  }
  return raw.slice(0, shape.openEnd) + inner + raw.slice(shape.closeStart);
}
