/**
 * The Apps Script side of the Google Sheets add-on: the menu, its handlers, and the functions the
 * sidebar calls through google.script.run. Everything here is synchronous, as Apps Script is.
 */
import type { EditPlan } from '../../shared/edit-plan/edit-plan';
import type { CellValue } from '../../shared/grid/grid';
import type { CellEdit } from '../../shared/merge/cell-edits';
import type { RowInsertion } from '../../shared/add/row-insertion';
import { describeHostError } from '../host/host-errors';
import { appliedMessage, asOfNote, describeProblem, headline, recordedMessage } from '../../shared/app/messages';
import { runRequest } from '../../shared/app/run-options';
import { periodToRecord } from '../../shared/app/use-cases';
import { planEdits, prepareRun, type PreparedRun } from '../../shared/run/prepare-run';
import type { ApplyReport, WorkbookSnapshot } from '../../shared/workbook/workbook';
import { localClock } from '../host/local-clock';
import { SheetsAdapter } from './sheets-port';

const title = 'Plan Monitor';

/** The add-on's menu; the reminder build adds its own items at the end. */
export function buildMenu(extra: readonly (readonly [label: string, fn: string])[] = []): void {
  let menu = SpreadsheetApp.getUi()
    .createAddonMenu()
    .addItem('Check plan', 'pmCheckPlan')
    .addItem('Apply RAG colours', 'pmApplyColours')
    .addItem('Build summary', 'pmBuildSummary')
    .addItem('Record period…', 'pmRecordPeriod')
    .addSeparator()
    .addItem('Open sidebar', 'pmOpenSidebar')
    .addItem('Settings', 'pmOpenSettings');
  if (extra.length > 0) menu = menu.addSeparator();
  for (const [label, fn] of extra) menu = menu.addItem(label, fn);
  menu.addToUi();
}

export function onOpen(): void {
  buildMenu();
}

export function onInstall(): void {
  onOpen();
}

interface Outcome {
  message: string;
  alert: boolean;
}

/**
 * Runs a menu action on the plan as it is now and tells the user how it went; never leaves an error
 * in the log only. The same steps as the async use cases (shared/app), run synchronously as Apps
 * Script's menu needs: no as-of date is asked, so the settings' date, else today.
 */
function report(action: (run: PreparedRun) => Outcome): void {
  const ui = SpreadsheetApp.getUi();
  let outcome: Outcome;
  try {
    const run = prepareRun(new SheetsAdapter().readWorkbook(), runRequest({}, localClock));
    outcome = run.ok ? action(run) : { message: run.message, alert: true };
  } catch (e) {
    outcome = { message: describeHostError(e), alert: true };
  }
  if (outcome.alert) ui.alert(title, outcome.message, ui.ButtonSet.OK);
  else SpreadsheetApp.getActiveSpreadsheet().toast(outcome.message, title, 10);
}

const seeThem = 'Open the sidebar (Extensions › Plan Monitor › Open sidebar) to see each one with its cell.';

export function pmCheckPlan(): void {
  report((run) => {
    const c = run.checked;
    const problems = c.errors + c.warnings + c.summary.overdue.length;
    // A toast has no room for notes (a filter on, bad settings rows): point to where they are.
    const notes = run.notes.length > 0 ? ` The sidebar has ${run.notes.length === 1 ? 'a note' : `${run.notes.length} notes`} on how the plan was read.` : '';
    const asOf = asOfNote(c, run.asOfSource);
    return { message: `${problems > 0 ? `${headline(c)} ${seeThem}` : headline(c)}${asOf ? ` ${asOf}` : ''}${notes}`, alert: c.errors > 0 };
  });
}

function applyFromMenu(what: { colours: boolean; summary: boolean }): void {
  report((run) => {
    const plan = planEdits(run, what);
    const done = new SheetsAdapter().applyEditPlan(plan);
    return { message: `${appliedMessage(plan, done)} ${run.checked.errors > 0 ? `${headline(run.checked)} ${seeThem}` : ''}`.trim(), alert: false };
  });
}

export function pmApplyColours(): void {
  applyFromMenu({ colours: true, summary: false });
}

export function pmBuildSummary(): void {
  applyFromMenu({ colours: false, summary: true });
}

/** Asks for the period's name, and before replacing a period of the same name. */
export function pmRecordPeriod(): void {
  const ui = SpreadsheetApp.getUi();
  const answer = ui.prompt(title, 'Name this period, such as "Sept 2018". Plan Monitor records every action as it stands now, to compare with next quarter.', ui.ButtonSet.OK_CANCEL);
  if (answer.getSelectedButton() !== ui.Button.OK) return;
  const label = answer.getResponseText();
  report((run) => {
    let recorded = periodToRecord(run, label, false, localClock);
    if (!recorded.ok && recorded.problem.code === 'period-exists') {
      if (ui.alert(title, describeProblem(recorded.problem), ui.ButtonSet.YES_NO) !== ui.Button.YES) return { message: 'Kept the period already recorded. Nothing was changed.', alert: false };
      recorded = periodToRecord(run, label, true, localClock);
    }
    if (!recorded.ok) return { message: describeProblem(recorded.problem), alert: true };
    const sheets = new SheetsAdapter();
    sheets.writeHiddenSheet(recorded.value.sheet, recorded.value.rows);
    if (recorded.value.audit) sheets.writeHiddenSheet(recorded.value.audit.sheet, recorded.value.audit.rows);
    return { message: recordedMessage(recorded.value, label, run.checked), alert: false };
  });
}

function showSidebar(start: 'panel' | 'settings'): void {
  const page = HtmlService.createHtmlOutputFromFile('Sidebar');
  const html = start === 'settings' ? page.getContent().replace('data-start="panel"', 'data-start="settings"') : page.getContent();
  SpreadsheetApp.getUi().showSidebar(HtmlService.createHtmlOutput(html).setTitle(title));
}

export function pmOpenSidebar(): void {
  showSidebar('panel');
}

export function pmOpenSettings(): void {
  showSidebar('settings');
}

// google.script.run targets: plain data in and out (no Date objects cross; dates are serial numbers).
export function pmReadWorkbook(): WorkbookSnapshot {
  return new SheetsAdapter().readWorkbook();
}

export function pmApplyEditPlan(plan: EditPlan): ApplyReport {
  return new SheetsAdapter().applyEditPlan(plan);
}

export function pmWriteHiddenSheet(name: string, rows: CellValue[][]): void {
  new SheetsAdapter().writeHiddenSheet(name, rows);
}

export function pmSelectCell(sheet: string, cell: string): void {
  new SheetsAdapter().selectCell(sheet, cell);
}

/** A merged reply's values, written into the plan sheet (the sidebar reads the reply and merges it in the browser). */
export function pmSetCellValues(sheet: string, edits: CellEdit[]): { cells: number } {
  return new SheetsAdapter().setCellValues(sheet, edits);
}

/** The plan sheet's formula cells (A1), which a merge never overwrites: a list, since a Set does not cross google.script.run. */
export function pmFormulaCells(sheet: string): string[] {
  return new SheetsAdapter().formulaCells(sheet);
}

/** New actions' rows, inserted under their themes (the sidebar reads the list and plans them in the browser). */
export function pmInsertRows(sheet: string, insertions: RowInsertion[]): { rows: number } {
  return new SheetsAdapter().insertRows(sheet, insertions);
}


/** The scripts the sidebar loads on demand (src/ui/on-demand.ts): only these files are ever handed out. */
const panelScripts = ['ReportTools', 'FileTools'];

/**
 * An on-demand script of the panel (the report tools, the file tools) as a `<script>` include,
 * for the sidebar to run when first asked for: some 300 KB it does not load on every opening.
 */
export function pmPanelScript(name: string): string {
  if (!panelScripts.includes(name)) throw new Error(`Plan Monitor has no panel script called '${String(name)}'.`);
  return HtmlService.createHtmlOutputFromFile(name).getContent();
}
