/// <reference lib="dom" />
/**
 * The Google Sheets sidebar: the same panel as the Excel task pane, in Google's add-on look, over
 * google.script.run. The engine runs here in the sidebar; the server only reads and writes.
 */
import { h } from '../ui/dom';
import { localToday } from '../host/local-clock';
import { PanelController } from '../ui/panel-controller';
import { mountPanel } from '../ui/panel-view';
import { docxLoader, runScriptText } from '../ui/docx-loader';
import { callServer, ScriptRunPort, type ScriptRun } from './script-run-port';

declare const google: { script: { run: ScriptRun } } | undefined;

function start(): void {
  const root = document.getElementById('app') ?? document.body.appendChild(h('div', { attrs: { id: 'app' } }));
  if (typeof google === 'undefined' || !google?.script?.run) {
    root.replaceChildren(h('p', null, 'Plan Monitor runs inside Google Sheets: open it from Extensions › Plan Monitor › Open sidebar.'));
    return;
  }
  const run = google.script.run;
  const controller = new PanelController(new ScriptRunPort(() => run), () => localToday(), {
    // Apps Script serves the sidebar no files: the renderer's script comes from the server as text.
    loadDocx: docxLoader(async () => runScriptText(await callServer<string>(() => run, 'pmDocxRenderer'))),
  });
  mountPanel(root, controller, { look: 'google', hostName: 'Google Sheets' });
  // Opened from the Settings menu item: go straight to the settings view.
  if (document.body.dataset.start === 'settings') root.querySelector<HTMLButtonElement>('button[aria-controls$="-settings"]')?.click();
}

start();
