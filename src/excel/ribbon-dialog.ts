/// <reference lib="dom" />
/**
 * The ribbon where Excel has no shared runtime (Excel 2019: manifest-excel-2019.xml): each button
 * runs in the ribbon's own page (commands.html), without the task pane, and reports in a small
 * dialog (result.html).
 */
import { localToday } from '../host/local-clock';
import { PanelController, plainMessage } from '../ui/panel-controller';
import { ExcelWorkbookPort } from './excel-port';
import type { CommandHandlers, CommandName } from './ribbon';

/** What a ribbon button reports: the plain-English result of the run, and whether it failed. */
export interface CommandReport {
  message: string;
  failed: boolean;
}

/** Office cuts long dialog URLs: the message is short anyway, but never let it break the dialog. */
const maxMessageLength = 1500;

/** A ribbon command times out after five minutes; close the dialog a little before that. */
const dialogTimeoutMs = 4.5 * 60 * 1000;

/** What the dialog says for Record period, which needs a name only the panel can ask for. */
export const recordInPanel = 'To record a period, open the Plan Monitor panel (Home › Plan Monitor › Open panel), name the period, then choose Record period.';

export async function runCommand(name: CommandName, controller: PanelController): Promise<CommandReport> {
  // No as-of date: the ribbon asks as the panel does, so the settings' date (else today) is used.
  const asOf = null;
  if (name === 'recordPeriod') return { message: recordInPanel, failed: false };
  if (name === 'checkPlan') {
    const r = await controller.check(asOf);
    if (!r.ok) return { message: r.message, failed: true };
    const problems = r.value.errors.length + r.value.warnings.length;
    const more = problems > 0 || r.value.overdue.length > 0 ? ' Open the Plan Monitor panel to see each one and go to its cell.' : '';
    return { message: `${r.value.headline}${more}`, failed: false };
  }
  const what = name === 'applyColours' ? { colours: true, summary: false } : { colours: false, summary: true };
  const r = await controller.apply(asOf, what);
  if (!r.ok) return { message: r.message, failed: true };
  return { message: r.value.message || r.value.result.headline, failed: false };
}

export function resultUrl(report: CommandReport, base: string): string {
  const message = report.message.length > maxMessageLength ? `${report.message.slice(0, maxMessageLength - 1)}…` : report.message;
  const url = new URL('result.html', base);
  url.searchParams.set('m', message);
  if (report.failed) url.searchParams.set('kind', 'error');
  return url.toString();
}

/**
 * Opens the result dialog and resolves when it is closed (its Close button, the window's X, or the
 * time limit), so the command stays alive while the officer reads it. Resolves false if it could not open.
 */
function showResult(report: CommandReport): Promise<boolean> {
  return new Promise((resolve) => {
    const url = resultUrl(report, window.location.href);
    Office.context.ui.displayDialogAsync(url, { width: 30, height: 25, displayInIframe: true }, (opened) => {
      if (opened.status !== Office.AsyncResultStatus.Succeeded) {
        resolve(false);
        return;
      }
      const dialog = opened.value;
      let finished = false;
      const finish = () => {
        if (finished) return;
        finished = true;
        clearTimeout(timer);
        resolve(true);
      };
      const timer = setTimeout(() => {
        dialog.close();
        finish();
      }, dialogTimeoutMs);
      dialog.addEventHandler(Office.EventType.DialogMessageReceived, () => {
        dialog.close();
        finish();
      });
      // Closed with the window's own X, or the page failed to load.
      dialog.addEventHandler(Office.EventType.DialogEventReceived, finish);
    });
  });
}

function handler(name: CommandName): (event: Office.AddinCommands.Event) => Promise<void> {
  return async (event) => {
    try {
      let report: CommandReport;
      try {
        report = await runCommand(name, new PanelController(new ExcelWorkbookPort(), () => localToday()));
      } catch (e) {
        report = { message: plainMessage(e), failed: true };
      }
      // Another dialog may still be closing (Office allows one at a time): try once more.
      if (!(await showResult(report))) {
        await new Promise((r) => setTimeout(r, 700));
        await showResult(report);
      }
    } finally {
      event.completed();
    }
  };
}

/** Every button's handler for a host without a shared runtime: run, then report in the dialog. */
export function dialogHandlers(): CommandHandlers {
  return { checkPlan: handler('checkPlan'), applyColours: handler('applyColours'), buildSummary: handler('buildSummary'), recordPeriod: handler('recordPeriod') };
}
