/// <reference lib="dom" />
/**
 * The Excel task pane: mounts the panel over the Excel adapter once Office is ready, and registers
 * the ribbon's buttons, which run in this page where Excel has a shared runtime. Outside Excel (the
 * page opened in a browser, office.js not loaded) it says so in plain words instead.
 */
import { luminance } from '../../shared/rag/palette';
import { h } from '../ui/dom';
import { localToday } from '../host/local-clock';
import { onDemand, onDemandScripts, scriptBesidePage } from '../ui/on-demand';
import { PanelController } from '../ui/panel-controller';
import { mountPanel } from '../ui/panel-view';
import { ExcelWorkbookPort } from './excel-port';
import { hasSharedRuntime, paneHandlers, registerCommands } from './ribbon';
import { dialogHandlers } from './ribbon-dialog';

function app(): HTMLElement {
  const el = document.getElementById('app');
  if (el) return el;
  const made = h('div', { attrs: { id: 'app' } });
  document.body.append(made);
  return made;
}

function showPlainMessage(text: string): void {
  const root = app();
  root.className = 'pm-panel fluent';
  root.replaceChildren(h('h1', { class: 'pm-title' }, 'Plan Monitor'), h('p', null, text));
}

/** Follows Office's own theme (Dark Grey, Black) rather than the system's, where Office says which. */
function applyOfficeTheme(root: HTMLElement): void {
  const background = Office.context?.officeTheme?.bodyBackgroundColor;
  if (typeof background !== 'string' || !/^#[0-9a-f]{6}$/i.test(background)) return;
  const dark = luminance(background) < 0.2;
  root.classList.toggle('dark', dark);
  root.classList.toggle('light', !dark);
}

function start(): void {
  if (typeof Office === 'undefined') {
    showPlainMessage('Plan Monitor runs inside Excel. Office could not be reached: check the internet connection, then open Plan Monitor again from the Home tab.');
    return;
  }
  Office.onReady()
    .then((info) => {
    if (info.host !== Office.HostType.Excel) {
      showPlainMessage('Plan Monitor runs inside Excel. Open a workbook in Excel, then choose Plan Monitor on the Home tab.');
      return;
    }
    const root = app();
    applyOfficeTheme(root);
    const pane = mountPanel(root, new PanelController(new ExcelWorkbookPort(), () => localToday(), { loadReport: onDemand(onDemandScripts.report, scriptBesidePage), loadFiles: onDemand(onDemandScripts.files, scriptBesidePage) }), { look: 'fluent', hostName: 'Excel' });
    // In a shared runtime this page is also the ribbon's: its buttons run here and show in the pane.
    return registerCommands(hasSharedRuntime() ? paneHandlers(pane) : dialogHandlers());
  })
    .catch((e: unknown) => {
    showPlainMessage(`Plan Monitor could not start: ${e instanceof Error ? e.message : String(e)}. Close the panel and open it again.`);
  });
}

start();
