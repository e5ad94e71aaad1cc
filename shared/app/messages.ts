/**
 * Every sentence the use cases' results become, in one place: the task pane, the sidebar, the Sheets
 * menu, the ribbon and the CLI all say the same thing in the same words.
 */
import type { CheckedPlan } from '../check-plan';
import { formatDay } from '../dates/format-date';
import type { EditPlan } from '../edit-plan/edit-plan';
import type { RecordedPeriod } from '../history/record-period';
import { mergeReport } from '../merge/merge-messages';
import { addReport } from '../add/add-messages';
import type { AddResult } from '../add/plan-additions';
import type { MergeResult } from '../merge/merge-replies';
import type { PreparedRun } from '../run/prepare-run';
import type { ApplyReport } from '../workbook/workbook';
import type { InsertBlocker, WriteRefusal } from '../workbook/write-refusal';
import type { AppProblem } from './problems';
import type { AsOfSource } from './run-options';
import { plural } from '../text/plural';

export function describeProblem(p: AppProblem): string {
  switch (p.code) {
    case 'cannot-read-plan':
    case 'bad-settings':
      return p.message;
    case 'bad-period-name':
      return p.reason === 'empty' ? 'Give the period a name, such as "Sept 2018" or "Q2 2018/19".' : 'A period name must be at most 40 characters.';
    case 'period-exists':
      return `A period called “${p.label}” is already recorded (as of ${formatDay(p.asOf)}). Replace it with the plan as it stands now?`;
  }
}

/** Why a write was refused, in the words every host shows. */
export function describeRefusal(r: WriteRefusal): string {
  switch (r.code) {
    case 'sheet-protected':
      return `Sheet '${r.sheet}' is protected, so Plan Monitor could not change it. Nothing was changed. Ask its owner to remove the protection, then try again.`;
    case 'sheet-not-ours':
      return `A sheet called '${r.sheet}' already exists and was not made by Plan Monitor, so Plan Monitor left it alone and saved nothing. Rename that sheet, then try again.`;
    case 'sheet-gone':
      return `Sheet '${r.sheet}' has been renamed or deleted since it was read. Nothing was changed. Run Check plan again.`;
    case 'busy':
      return 'Someone else is updating this spreadsheet with Plan Monitor right now. Nothing was changed. Try again in a minute.';
    case 'rows-would-break':
      return `Plan Monitor could not insert the new rows into '${r.sheet}' in this file without rewriting ${insertBlockers[r.what]} (${r.where}), which it does not risk, so nothing was changed. Add them from the Plan Monitor panel in Excel, which moves everything with the rows, or remove that from below the new rows' place, then try again.`;
  }
}

/** What stops rows going into an .xlsx file, as the refusal names it. */
const insertBlockers: Record<InsertBlocker, string> = {
  formula: 'a formula that refers to rows that would move',
  'shared-formula': 'a shared or array formula in rows that would move',
  reference: 'a reference elsewhere in the workbook to rows that would move',
  'defined-name': 'a defined name that refers to rows that would move',
  table: 'an Excel table that reaches the rows that would move',
  drawing: 'a chart, picture or shape placed on rows that would move',
  comment: 'a note or comment on rows that would move',
  control: 'a form control or button on the sheet',
  'pivot-table': 'a pivot table on the sheet',
  'merged-cells': 'merged cells across the place the rows go',
  extension: 'conditional formats, validations or sparklines kept in a newer Excel format that refer to rows that would move',
};

/** "'CIP Monitoring' as of 30/09/2018: 62 actions, 0 errors, 4 warnings, 1 overdue." */
export function headline(c: CheckedPlan): string {
  return `'${c.sheet}' as of ${formatDay(c.asOf)}: ${plural(c.summary.actions, 'action')}, ${plural(c.errors, 'error')}, ${plural(c.warnings, 'warning')}, ${c.summary.overdue.length} overdue.`;
}

/** Where the as-of date came from, when it was not asked for: the officer should know the tool did not use today. */
export function asOfNote(c: CheckedPlan, source: AsOfSource): string | null {
  return source === 'settings' ? `As of ${formatDay(c.asOf)}, the date saved in the settings.` : null;
}

/** The notes a run's output shows: where the as-of date came from when it was not asked for, then how the plan was read. */
export function notesOf(run: Pick<PreparedRun, 'checked' | 'asOfSource' | 'notes'>): string[] {
  const asOf = asOfNote(run.checked, run.asOfSource);
  return asOf === null ? [...run.notes] : [asOf, ...run.notes];
}

/** What an apply did, in one or two sentences. */
export function appliedMessage(plan: EditPlan, report: ApplyReport): string {
  const parts: string[] = [];
  if (plan.fills.length > 0 || report.colouredCells > 0) parts.push(`Coloured ${plural(report.colouredCells, 'status cell')} on '${plan.sheet}'.`);
  if (report.summarySheet) parts.push(`Wrote the summary to sheet '${report.summarySheet}'.`);
  if (plan.summaryChoice?.renamed) parts.push(`A sheet called '${plan.summaryChoice.wanted}' already exists and was not made by Plan Monitor, so it was left alone.`);
  return parts.join(' ');
}

export function recordedMessage(recorded: RecordedPeriod, label: string, c: CheckedPlan): string {
  return `${recorded.replaced ? 'Replaced' : 'Recorded'} “${label.trim()}”: ${plural(recorded.actions, 'action')} as of ${formatDay(c.asOf)}, kept in the hidden sheet '${recorded.sheet}'. The summary now compares with it.`;
}

export function settingsSavedMessage(sheet: string): string {
  return `Saved in the workbook (hidden sheet '${sheet}'), so everyone who opens it gets these settings.`;
}

/** What a report run wrote: "Wrote the committee report for 'CIP Monitoring' to out/report.html and out/report.docx." */
export function reportWrittenMessage(sheet: string, files: readonly string[]): string {
  const list = files.length <= 1 ? (files[0] ?? '') : `${files.slice(0, -1).join(', ')} and ${files[files.length - 1] ?? ''}`;
  return `Wrote the committee report for '${sheet}' to ${list}.`;
}

/** What a merge did, line by line: the merge's report, then the rows the audit trail gained. */
export function mergedMessage(result: MergeResult): string[] {
  const lines = mergeReport(result);
  if (result.audit) lines.push('', `Added ${plural(result.audit.added, 'row')} to the audit trail (hidden sheet '${result.audit.sheet}').`);
  return lines;
}

/** What adding new actions did, line by line: the add's report, then the rows the audit trail gained. */
export function addedMessage(result: AddResult): string[] {
  const lines = addReport(result);
  if (result.audit && result.problems.length === 0 && result.added.length > 0) lines.push('', `Added ${plural(result.audit.added, 'row')} to the audit trail (hidden sheet '${result.audit.sheet}').`);
  return lines;
}
