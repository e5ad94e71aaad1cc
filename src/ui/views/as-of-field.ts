/// <reference lib="dom" />
/**
 * The as-of date: typed and shown as dd/mm/yyyy whatever the browser's locale (a native date input
 * shows mm/dd/yyyy in an en-US browser), with a calendar button where the browser can open one.
 */
import { parseAsOf } from '../../../shared/app/run-options';
import { dayFromIso, isoFromDay } from '../../../shared/dates/day';
import { formatDay } from '../../../shared/dates/format-date';
import { h } from '../dom';

export interface AsOfField {
  node: HTMLElement;
  input: HTMLInputElement;
  /** What to send: null unless the user typed or picked a date (the use case then decides). */
  asked(): string | null;
  /** Shows the date a run used (ISO), unless the user has chosen one. */
  showUsed(iso: string): void;
}

export function asOfField(id: string): AsOfField {
  const hintId = `${id}-asof-hint`;
  const input = h('input', {
    class: 'pm-input pm-date',
    attrs: { type: 'text', id: `${id}-asof`, inputmode: 'numeric', autocomplete: 'off', placeholder: 'dd/mm/yyyy', maxlength: 10, 'aria-describedby': hintId },
  });
  // Empty until a run shows the date it used; only a date the user gives is sent, so a date saved in
  // the settings is used here exactly as by the ribbon, the Sheets menu and the CLI.
  let chosen = false;
  input.addEventListener('input', () => {
    chosen = input.value.trim() !== '';
  });

  // The calendar: a date input kept out of sight and out of the tab order, opened by a real button.
  const picker = h('input', { class: 'pm-date-picker', attrs: { type: 'date', tabindex: '-1', 'aria-hidden': 'true' } });
  const pick = h('button', { class: 'pm-button pm-subtle pm-icon-button', attrs: { type: 'button', 'aria-label': 'Choose the as-of date from a calendar', title: 'Calendar' } }, '📅');
  // showPicker() is refused in a cross-origin frame (Excel on the web, the Sheets sidebar): no button there.
  const canPick = typeof (picker as HTMLInputElement & { showPicker?: unknown }).showPicker === 'function' && sameOriginTop();
  pick.hidden = !canPick;
  pick.addEventListener('click', () => {
    const typed = parseAsOf(input.value);
    if (typed !== null) picker.value = isoFromDay(typed);
    try {
      picker.showPicker();
    } catch {
      input.focus(); // a browser that refuses (no user activation): typing still works
    }
  });
  picker.addEventListener('change', () => {
    const day = dayFromIso(picker.value);
    if (day === null) return;
    input.value = formatDay(day);
    chosen = true;
    input.focus();
  });

  const node = h(
    'div',
    { class: 'pm-field' },
    h('label', { class: 'pm-label', attrs: { for: `${id}-asof` } }, 'As of'),
    h('div', { class: 'pm-date-row' }, input, pick, picker),
    h('p', { class: 'pm-hint', attrs: { id: hintId } }, 'Actions due before this date count as overdue. Type it as dd/mm/yyyy.'),
  );
  return {
    node,
    input,
    asked: () => (chosen ? input.value : null),
    showUsed(iso) {
      const day = dayFromIso(iso);
      if (!chosen && day !== null) input.value = formatDay(day);
    },
  };
}

function sameOriginTop(): boolean {
  try {
    return window.top === window.self || window.top?.location.origin === window.location.origin;
  } catch {
    return false;
  }
}
