/// <reference lib="dom" />
/**
 * The as-of date: typed and shown as dd/mm/yyyy whatever the browser's locale (a native date input
 * shows mm/dd/yyyy in an en-US browser), with a calendar button where the browser can open one.
 */
import { parseAsOf } from '../../../shared/app/run-options';
import { dayFromIso, isoFromDay } from '../../../shared/dates/day';
import { formatDay } from '../../../shared/dates/format-date';
import type { Controls } from '../controls';
import { h, icon } from '../dom';

/** calendar_ltr_20_regular, from Microsoft's Fluent UI System Icons (MIT), as the ribbon's icons are. */
const calendarIcon =
  'M7 11a1 1 0 1 0 0-2 1 1 0 0 0 0 2m1 2a1 1 0 1 1-2 0 1 1 0 0 1 2 0m2-2a1 1 0 1 0 0-2 1 1 0 0 0 0 2m1 2a1 1 0 1 1-2 0 1 1 0 0 1 2 0m2-2a1 1 0 1 0 0-2 1 1 0 0 0 0 2m4-5.5A2.5 2.5 0 0 0 14.5 3h-9A2.5 2.5 0 0 0 3 5.5v9A2.5 2.5 0 0 0 5.5 17h9a2.5 2.5 0 0 0 2.5-2.5zM4 7h12v7.5c0 .83-.67 1.5-1.5 1.5h-9A1.5 1.5 0 0 1 4 14.5zm1.5-3h9c.83 0 1.5.67 1.5 1.5V6H4v-.5C4 4.67 4.67 4 5.5 4';

export interface AsOfField {
  node: HTMLElement;
  input: HTMLInputElement;
  /** What to send: null unless the user typed or picked a date (the use case then decides). */
  asked(): string | null;
  /** Shows the date a run used (ISO), unless the user has chosen one. */
  showUsed(iso: string): void;
}

/**
 * Two controls (the text box and the calendar button) in one row, so this field is a plain <div>
 * even in the 'fluent' look: a <fluent-field> names and describes the one control in its input slot.
 */
export function asOfField(id: string, controls: Controls): AsOfField {
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
  const pick = controls.button(icon(calendarIcon), { kind: 'subtle', class: 'pm-icon-button', label: 'Choose the as-of date from a calendar', attrs: { title: 'Calendar' } });
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
