/// <reference lib="dom" />
/** Record period: names the quarter and records every action as it stands, asking before it replaces one. */
import { h } from '../dom';

export interface PeriodForm {
  node: HTMLElement;
  input: HTMLInputElement;
  recordButton: HTMLButtonElement;
  /** Asks whether to replace a period of the same name: the answer comes back through onRecord(true) or onKeep. */
  confirm(message: string): void;
  hideConfirm(): void;
}

export function periodForm(id: string, onRecord: (replace: boolean) => void, onKeep: () => void): PeriodForm {
  const input = h('input', { class: 'pm-input', attrs: { type: 'text', id: `${id}-period`, placeholder: 'e.g. Sept 2018', maxlength: 40, 'aria-describedby': `${id}-period-hint` } });
  const recordButton = h('button', { class: 'pm-button pm-action', attrs: { type: 'button' } }, 'Record period');
  const confirmText = h('p', { class: 'pm-hint' });
  const replaceButton = h('button', { class: 'pm-button pm-primary', attrs: { type: 'button' } }, 'Replace it');
  const keepButton = h('button', { class: 'pm-button', attrs: { type: 'button' } }, 'Keep the old one');
  const confirmBox = h('div', { class: 'pm-confirm', attrs: { hidden: true, role: 'group', 'aria-label': 'Replace a recorded period?' } }, confirmText, replaceButton, keepButton);
  const node = h(
    'div',
    { class: 'pm-field pm-period' },
    h('label', { class: 'pm-label', attrs: { for: `${id}-period` } }, 'Period name'),
    input,
    h('p', { class: 'pm-hint', attrs: { id: `${id}-period-hint` } }, 'Record the plan as it stands, to compare with next quarter.'),
    recordButton,
    confirmBox,
  );
  recordButton.addEventListener('click', () => onRecord(false));
  replaceButton.addEventListener('click', () => onRecord(true));
  keepButton.addEventListener('click', () => {
    confirmBox.hidden = true;
    onKeep();
    recordButton.focus();
  });
  return {
    node,
    input,
    recordButton,
    confirm(message) {
      confirmText.textContent = message;
      confirmBox.hidden = false;
      replaceButton.focus();
    },
    hideConfirm() {
      confirmBox.hidden = true;
    },
  };
}
