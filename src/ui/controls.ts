/// <reference lib="dom" />
/**
 * The panel's controls in its two looks: Fluent UI Web Components in the 'fluent' look (where the
 * browser runs them, see fluent.ts), native elements in the 'google' look, which keeps Google's
 * add-on CSS conventions. Either way every name, hint and state is an attribute or text node, never
 * markup, and the views use the result through HTMLElement alone.
 */
import { append, h, type Child } from './dom';
import { defineFluent } from './fluent';

export interface Controls {
  /** True when the controls are Fluent UI Web Components. */
  readonly fluent: boolean;
  /**
   * A command button. `submit` makes a click submit its form (a Fluent button is not a submit button
   * to the browser's implicit submission, so the form view submits on Enter itself).
   */
  button(content: string | Node, options?: ButtonOptions): HTMLElement;
  /** A field: its label (for `control`), the control and the hint that describes it. */
  field(options: FieldOptions): HTMLElement;
  /** The busy indicator (hidden from screen readers: the status line says what is happening). */
  spinner(): HTMLElement;
}

export interface ButtonOptions {
  kind?: 'primary' | 'default' | 'subtle';
  class?: string;
  submit?: boolean;
  /** Names the button with `label` and shows only its content (an icon button). */
  label?: string;
  attrs?: Record<string, string | number | boolean | undefined>;
}

export interface FieldOptions {
  label: string;
  control: HTMLElement & { id: string };
  hint?: { id: string; text: string };
  class?: string;
}

/** Makes an element whose tag TypeScript's DOM types do not list (a custom element). */
function custom(tag: string, props: { class?: string; attrs?: Record<string, string | number | boolean | undefined> }, ...children: Child[]): HTMLElement {
  const node = document.createElement(tag);
  if (props.class) node.className = props.class;
  for (const [name, value] of Object.entries(props.attrs ?? {})) {
    if (value === undefined || value === false) continue;
    node.setAttribute(name, value === true ? '' : String(value));
  }
  append(node, ...children);
  return node;
}

function classes(...names: (string | undefined | false)[]): string {
  return names.filter(Boolean).join(' ');
}

const nativeControls: Controls = {
  fluent: false,
  button(content, o = {}) {
    const kind = o.kind ?? 'default';
    return h(
      'button',
      { class: classes('pm-button', kind === 'primary' && 'pm-primary', kind === 'subtle' && 'pm-subtle', o.class), attrs: { type: o.submit ? 'submit' : 'button', 'aria-label': o.label, ...o.attrs } },
      content,
    );
  },
  field(o) {
    return h(
      'div',
      { class: classes('pm-field', o.class) },
      h('label', { class: 'pm-label', attrs: { for: o.control.id } }, o.label),
      o.control,
      o.hint ? h('p', { class: 'pm-hint', attrs: { id: o.hint.id } }, o.hint.text) : null,
    );
  },
  spinner() {
    return h('span', { class: 'pm-spinner', attrs: { 'aria-hidden': 'true', hidden: true } });
  },
};

const fluentControls: Controls = {
  fluent: true,
  button(content, o = {}) {
    const kind = o.kind ?? 'default';
    const node = custom(
      'fluent-button',
      {
        class: classes('pm-button', kind === 'primary' && 'pm-primary', kind === 'subtle' && 'pm-subtle', o.class),
        attrs: {
          // Fluent gives the button its role through ElementInternals, which axe-core and older
          // screen-reader bridges do not read: the attribute says the same thing where all can see it.
          role: 'button',
          appearance: kind === 'default' ? undefined : kind,
          'aria-label': o.label,
          'icon-only': o.label !== undefined,
          ...o.attrs,
        },
      },
      content,
    );
    // Submits its form as a native submit button would: the form's own submit event, where the view
    // listens. (Fluent's type="submit" relies on form-associated custom elements, which not every
    // engine the panel meets has; requestSubmit() every one has.)
    if (o.submit) node.addEventListener('click', () => node.closest('form')?.requestSubmit());
    return node;
  },
  field(o) {
    o.control.setAttribute('slot', 'input');
    return custom(
      'fluent-field',
      { class: classes('pm-field', o.class), attrs: { 'label-position': 'above' } },
      h('label', { class: 'pm-label', attrs: { slot: 'label', for: o.control.id } }, o.label),
      o.control,
      o.hint ? h('p', { class: 'pm-hint', attrs: { id: o.hint.id, slot: 'message' } }, o.hint.text) : null,
    );
  },
  spinner() {
    return custom('fluent-spinner', { class: 'pm-spinner', attrs: { 'aria-hidden': 'true', hidden: true, size: 'tiny' } });
  },
};

/**
 * The controls for a look: Fluent's in the 'fluent' look where this browser runs them, else native ones.
 *
 * A bundle that only ever shows the 'google' look (the Sheets sidebar) can leave Fluent out: built
 * with esbuild's define { 'globalThis.PLAN_MONITOR_FLUENT': 'false' }, the first branch is all that
 * is left and Fluent's modules (side-effect free) are dropped, about 30 KB gzipped. The if/else
 * shape is what lets esbuild drop the other branch; no build defines it yet, so both are kept.
 */
export function controlsFor(look: 'fluent' | 'google'): Controls {
  if ((globalThis as { PLAN_MONITOR_FLUENT?: boolean }).PLAN_MONITOR_FLUENT === false) {
    return nativeControls;
  } else {
    return look === 'fluent' && defineFluent() ? fluentControls : nativeControls;
  }
}

/** Every command button of either look, for querySelectorAll. */
export const buttonSelector = 'button, fluent-button';
