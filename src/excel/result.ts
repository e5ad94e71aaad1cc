/// <reference lib="dom" />
/**
 * The small dialog a ribbon command opens: shows result.html?m=<message> as text and closes on
 * request. The message is never parsed as HTML.
 */
import { h } from '../ui/dom';

function close(): void {
  try {
    if (typeof Office !== 'undefined' && Office.context?.ui?.messageParent) {
      Office.context.ui.messageParent('close');
      return;
    }
  } catch {
    // Office is not ready yet (or this page was opened outside Office): close the window itself.
  }
  window.close();
}

function render(): void {
  const params = new URLSearchParams(window.location.search);
  const message = params.get('m') ?? 'Plan Monitor has finished.';
  const failed = params.get('kind') === 'error';
  const root = document.getElementById('app') ?? document.body;
  root.className = 'pm-panel fluent pm-dialog';
  const button = h('button', { class: 'pm-button pm-primary', attrs: { type: 'button' } }, 'Close');
  button.addEventListener('click', close);
  root.replaceChildren(
    h('h1', { class: 'pm-title' }, failed ? 'Plan Monitor could not finish' : 'Plan Monitor'),
    h('p', { class: failed ? 'pm-alert' : 'pm-dialog-message', attrs: { role: failed ? 'alert' : 'status' } }, message),
    button,
    h('p', { class: 'pm-hint' }, 'You can also close this window with its X.'),
  );
  button.focus();
  document.addEventListener('keydown', (event) => {
    if (event.key === 'Escape') close();
  });
}

render();
if (typeof Office !== 'undefined') {
  // messageParent needs Office to be ready; the text is shown before that so nothing waits on it.
  void Office.onReady();
}
