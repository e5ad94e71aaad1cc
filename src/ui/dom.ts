/// <reference lib="dom" />
/**
 * The only way the panel, the preview and the dialog page make elements: createElement and text
 * nodes. Text from the workbook (actions, commentary, headings) is never parsed as HTML, so a cell
 * reading `<img src=x onerror=alert(1)>` shows as those characters.
 */

export type Child = Node | string | number | null | undefined | false;

export interface Props {
  /** Space-separated class names. */
  class?: string;
  /** Attributes, set with setAttribute (never parsed as markup); `false`/`undefined` leaves one out. */
  attrs?: Record<string, string | number | boolean | undefined>;
}

/** Creates an element with the given classes, attributes and children (strings become text nodes). */
export function h<K extends keyof HTMLElementTagNameMap>(tag: K, props: Props | null = null, ...children: Child[]): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  if (props?.class) node.className = props.class;
  if (props?.attrs) {
    for (const [name, value] of Object.entries(props.attrs)) {
      if (value === undefined || value === false) continue;
      node.setAttribute(name, value === true ? '' : String(value));
    }
  }
  append(node, ...children);
  return node;
}

export function append(parent: Node, ...children: Child[]): void {
  for (const c of children) {
    if (c === null || c === undefined || c === false) continue;
    parent.appendChild(typeof c === 'string' || typeof c === 'number' ? document.createTextNode(String(c)) : c);
  }
}

const svgNs = 'http://www.w3.org/2000/svg';

/** A 20 × 20 icon drawn from one SVG path (made with createElementNS, never parsed), hidden from screen readers. */
export function icon(pathData: string): SVGSVGElement {
  const svg = document.createElementNS(svgNs, 'svg');
  svg.setAttribute('viewBox', '0 0 20 20');
  svg.setAttribute('width', '20');
  svg.setAttribute('height', '20');
  svg.setAttribute('aria-hidden', 'true');
  svg.setAttribute('focusable', 'false');
  svg.setAttribute('class', 'pm-icon');
  const path = document.createElementNS(svgNs, 'path');
  path.setAttribute('d', pathData);
  path.setAttribute('fill', 'currentColor');
  svg.append(path);
  return svg;
}

let counter = 0;

/** A prefix for element ids that is unique in the page, so two panels never share an id. */
export function uniquePrefix(name: string): string {
  counter += 1;
  return `${name}${counter}`;
}
