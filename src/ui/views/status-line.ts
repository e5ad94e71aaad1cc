/// <reference lib="dom" />
/**
 * The panel's status line (progress, what was done, read out politely) and its alert (what failed,
 * read out at once). The spinner shows only when work is slower than a blink.
 */
import { BusyIndicator, defaultBusyDelayMs } from '../busy';
import type { Controls } from '../controls';
import { h } from '../dom';

export interface StatusLine {
  status: HTMLElement;
  alert: HTMLElement;
  /** Shows `text`; `spoken` is read out after it but not shown (e.g. the headline the results show). */
  set(text: string, spoken?: string): void;
  error(message: string): void;
  clearError(): void;
  busy: BusyIndicator;
}

export function statusLine(root: HTMLElement, controls: Controls, busyDelayMs = defaultBusyDelayMs): StatusLine {
  const spinner = controls.spinner();
  const statusText = h('span', { class: 'pm-status-text' });
  const spokenText = h('span', { class: 'pm-visually-hidden' });
  const status = h('div', { class: 'pm-status pm-status-empty', attrs: { role: 'status', 'aria-live': 'polite' } }, spinner, statusText, spokenText);
  const alert = h('div', { class: 'pm-alert', attrs: { role: 'alert' } });

  function set(text: string, spoken = ''): void {
    statusText.textContent = text;
    spokenText.textContent = spoken;
    status.classList.toggle('pm-status-empty', text === '' && spinner.hidden === true);
  }
  const busy = new BusyIndicator(
    {
      show(text) {
        spinner.hidden = false;
        set(text);
        root.classList.add('pm-show-busy');
      },
      hide() {
        spinner.hidden = true;
        status.classList.toggle('pm-status-empty', statusText.textContent === '');
        root.classList.remove('pm-show-busy');
      },
    },
    busyDelayMs,
  );
  return {
    status,
    alert,
    set,
    error(message) {
      alert.replaceChildren(h('strong', { class: 'pm-alert-title' }, 'Plan Monitor could not finish. '), message);
    },
    clearError() {
      alert.replaceChildren();
    },
    busy,
  };
}
