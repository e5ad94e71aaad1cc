/// <reference lib="dom" />
/**
 * Fluent UI Web Components (Microsoft's @fluentui/web-components 3) for the panel's 'fluent' look,
 * the Excel task pane's: only the three components the panel uses are imported, each defined once,
 * and only when a panel in that look is mounted (the Sheets sidebar, in the 'google' look, carries
 * the code in its bundle but never defines an element).
 *
 *   <fluent-button>   every command button (Check plan, Settings, Save settings, the calendar…)
 *   <fluent-field>    the label, control and hint of a single-control field (Period name, the settings)
 *   <fluent-spinner>  the busy indicator
 *
 * The other controls stay native elements, styled in panel.css with the same Fluent tokens, because
 * Fluent's versions lose what the panel promises (measured in Chromium with axe-core):
 *   - <fluent-text-input> keeps its real <input> in its shadow root: an outside <label for> or a
 *     <fluent-field> label does not name it (axe: label), and the hint's aria-describedby cannot reach
 *     it; inputmode is not passed on. So the as-of date, the period name and the number stay <input>.
 *   - <fluent-dropdown>'s combobox gets no name from <label for> or <fluent-field> (axe: button-name,
 *     aria-required-attr), and it is no <select>: no options/selectedOptions, no native picker in a
 *     300 px pane. So the settings' choices stay <select>.
 *   - <fluent-label> is not a <label>: it would not label anything. Labels stay <label>.
 * The rows of the results lists (each one selects a cell) stay native buttons: they are list rows of
 * text, not Fluent command buttons. The results' collapsible sections are native <details> and
 * <summary> rather than <fluent-accordion>: the browser gives them keyboard use and their open state
 * to screen readers, in both looks, with no code in the bundle.
 */
import { webDarkTheme, webLightTheme, type Theme } from '@fluentui/tokens';
import { Button } from '@fluentui/web-components/button/class.js';
import { definition as buttonDefinition } from '@fluentui/web-components/button/definition.js';
import { Field } from '@fluentui/web-components/field/class.js';
import { definition as fieldDefinition } from '@fluentui/web-components/field/definition.js';
import { Spinner } from '@fluentui/web-components/spinner/class.js';
import { definition as spinnerDefinition } from '@fluentui/web-components/spinner/definition.js';

/** The Fluent elements the panel makes. */
export const fluentTags = ['fluent-button', 'fluent-field', 'fluent-spinner'] as const;

let defined: boolean | null = null;

/**
 * Whether this browser runs Fluent UI Web Components (custom elements and ElementInternals: every
 * evergreen engine; not the EdgeHTML webview of some perpetual Office 2019 installs, which then gets
 * the native elements in the same look).
 */
export function fluentSupported(): boolean {
  return typeof customElements !== 'undefined' && typeof HTMLElement !== 'undefined' && typeof HTMLElement.prototype.attachInternals === 'function';
}

/** Defines the Fluent elements (once per page) and adds their theme tokens; false where the browser cannot run them. */
export function defineFluent(): boolean {
  if (defined !== null) return defined;
  if (!fluentSupported()) return (defined = false);
  try {
    if (!customElements.get('fluent-button')) Button.define(buttonDefinition);
    if (!customElements.get('fluent-field')) Field.define(fieldDefinition);
    if (!customElements.get('fluent-spinner')) Spinner.define(spinnerDefinition);
    addThemeTokens();
    defined = true;
  } catch {
    // A browser that refuses the definitions gets the native elements: the panel still works.
    defined = false;
  }
  return defined;
}

/** `--name: value;` for every token of a theme (the tokens are Microsoft's constants, not user text). */
function declarations(theme: Theme): string {
  return Object.entries(theme)
    .filter(([name, value]) => /^[a-zA-Z][a-zA-Z0-9]*$/.test(name) && !/[;{}]/.test(String(value)))
    .map(([name, value]) => `--${name}: ${String(value)};`)
    .join('\n');
}

/**
 * Fluent's light and dark tokens as CSS custom properties on the panel, chosen exactly as panel.css
 * chooses its own colours: .dark or .light from the host (Office's theme), else the system's.
 */
function addThemeTokens(): void {
  if (document.getElementById('pm-fluent-tokens')) return;
  const light = declarations(webLightTheme);
  const dark = declarations(webDarkTheme);
  const style = document.createElement('style');
  style.id = 'pm-fluent-tokens';
  style.textContent = [
    `.pm-panel.fluent {\n${light}\n}`,
    `.pm-panel.fluent.dark {\n${dark}\n}`,
    `@media (prefers-color-scheme: dark) {\n.pm-panel.fluent:not(.light) {\n${dark}\n}\n}`,
  ].join('\n');
  // First in <head>, so panel.css (loaded by the page) can still adjust any token.
  document.head.prepend(style);
}
