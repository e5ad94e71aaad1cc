/// <reference lib="dom" />
/** Record period: names the quarter and records every action as it stands, asking before it replaces one. */
import type { Controls } from '../controls';
import { h } from '../dom';

export interface PeriodForm {
  node: HTMLElement;
  input: HTMLInputElement;
  recordButton: HTMLElement;
  /** Asks whether to replace a period of the same name: the answer comes back through onRecord(true) or onKeep. */
  confirm(message: string): void;
  hideConfirm(): void;
}

export function periodForm(id: string, controls: Controls, onRecord: (replace: boolean) => void, onKeep: () => void): PeriodForm {
  const input = h('input', { class: 'pm-input', attrs: { type: 'text', id: `${id}-period`, placeholder: 'e.g. Sept 2018', maxlength: 40, 'aria-describedby': `${id}-period-hint` } });
  const recordButton = controls.button('Record period', { class: 'pm-action' });
  const confirmText = h('p', { class: 'pm-hint' });
  const replaceButton = controls.button('Replace it', { kind: 'primary' });
  const keepButton = controls.button('Keep the old one');
  const confirmBox = h('div', { class: 'pm-confirm', attrs: { hidden: true, role: 'group', 'aria-label': 'Replace a recorded period?' } }, confirmText, replaceButton, keepButton);
  const node = h(
    'div',
    { class: 'pm-period' },
    controls.field({ label: 'Period name', control: input, hint: { id: `${id}-period-hint`, text: 'Record the plan as it stands, to compare with next quarter.' } }),
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
