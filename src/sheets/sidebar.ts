/// <reference lib="dom" />
/**
 * The Google Sheets sidebar: the same panel as the Excel task pane, in Google's add-on look, over
 * google.script.run. The engine runs here in the sidebar; the server only reads and writes.
 */
import { h } from '../ui/dom';
import { localToday } from '../host/local-clock';
import { PanelController } from '../ui/panel-controller';
import { mountPanel } from '../ui/panel-view';
import { onDemand, onDemandScripts, runScriptText, type ScriptLoader } from '../ui/on-demand';
import { callServer, ScriptRunPort, type ScriptRun } from './script-run-port';

declare const google: { script: { run: ScriptRun } } | undefined;

function start(): void {
  const root = document.getElementById('app') ?? document.body.appendChild(h('div', { attrs: { id: 'app' } }));
  if (typeof google === 'undefined' || !google?.script?.run) {
    root.replaceChildren(h('p', null, 'Plan Monitor runs inside Google Sheets: open it from Extensions › Plan Monitor › Open sidebar.'));
    return;
  }
  const run = google.script.run;
  // Apps Script serves the sidebar no files: an on-demand script comes from the server as text.
  const fromServer: ScriptLoader = async (script) => runScriptText(script, await callServer<string>(() => run, 'pmPanelScript', script.include));
  const controller = new PanelController(new ScriptRunPort(() => run), () => localToday(), {
    loadReport: onDemand(onDemandScripts.report, fromServer),
    loadFiles: onDemand(onDemandScripts.files, fromServer),
  });
  mountPanel(root, controller, { look: 'google', hostName: 'Google Sheets' });
  // Opened from the Settings menu item: go straight to the settings view.
  if (document.body.dataset.start === 'settings') root.querySelector<HTMLButtonElement>('button[aria-controls$="-settings"]')?.click();
}

start();
