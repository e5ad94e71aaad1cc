/// <reference lib="dom" />
/**
 * An action on files the officer picks (Merge replies…, Add actions from a list…): a button that
 * opens a hidden file picker, so it looks like the host's own button, a hint describing it, and a
 * box for what the work did, drawn from its report lines as the CLI prints them (a lead line, then
 * its indented items; a blank line starts a new group). Text only, never HTML.
 */
import type { Controls } from '../controls';
import { h } from '../dom';
import type { PickedFile } from '../panel-controller';

export interface FileActionOptions {
  /** The element ids' stem: unique within the panel. */
  id: string;
  label: string;
  accept: string;
  multiple: boolean;
  hint: string;
  /** The box's heading, once the work has run. */
  title: string;
}

export interface FileAction {
  button: HTMLElement;
  /** The picker, the hint and the box, to place in the panel. */
  nodes: HTMLElement[];
  box: HTMLElement;
  /** Opens the picker (a click on the button does). */
  pick(): void;
  /** Shows what the work did. */
  render(lines: readonly string[]): void;
}

export function fileAction(controls: Controls, o: FileActionOptions, picked: (files: File[]) => void): FileAction {
  const button = controls.button(o.label, { class: 'pm-action', attrs: { 'aria-describedby': `${o.id}-hint` } });
  const input = h('input', { attrs: { type: 'file', accept: o.accept, multiple: o.multiple, hidden: true, tabindex: -1, 'aria-hidden': 'true' } }) as HTMLInputElement;
  const hint = h('p', { class: 'pm-hint', attrs: { id: `${o.id}-hint`, hidden: true } }, o.hint);
  const box = h('section', { class: 'pm-file-report', attrs: { 'aria-labelledby': `${o.id}-h`, hidden: true } });
  input.addEventListener('change', () => {
    const files = Array.from(input.files ?? []);
    if (files.length > 0) picked(files);
  });
  return {
    button,
    nodes: [input, hint, box],
    box,
    pick() {
      // Cleared first, so picking the same file again is a change too.
      input.value = '';
      input.click();
    },
    render(lines) {
      const groups: string[][] = [[]];
      for (const l of lines) {
        if (l === '') groups.push([]);
        else groups[groups.length - 1]?.push(l);
      }
      const nodes: Node[] = [h('h2', { class: 'pm-section-title', attrs: { id: `${o.id}-h`, tabindex: -1 } }, o.title)];
      for (const [lead, ...items] of groups.filter((g) => g.length > 0)) {
        nodes.push(h('p', null, lead ?? ''));
        if (items.length > 0) nodes.push(h('ul', { class: 'pm-list' }, ...items.map((i) => h('li', null, i.trim()))));
      }
      box.replaceChildren(...nodes);
      box.hidden = false;
    },
  };
}

/** The picked files' bytes, for the controller. */
export function readPicked(files: readonly File[]): Promise<PickedFile[]> {
  return Promise.all(files.map(async (f) => ({ name: f.name, bytes: new Uint8Array(await f.arrayBuffer()) })));
}
