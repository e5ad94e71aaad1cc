/**
 * The use cases every entry point calls (task pane, sidebar, ribbon, Sheets menu, preview, CLI): each
 * takes a port, the options and a clock, and returns a coded result. Apps Script's menu, which is
 * synchronous, runs the same steps through the synchronous functions beside them.
 */
import type { EditPlan } from '../edit-plan/edit-plan';
import { addedStatusFills, planAdditions, type ActionList, type AddResult } from '../add/plan-additions';
import { recordPeriod, type RecordedPeriod } from '../history/record-period';
import { renderHtml } from '../report/html-report';
import { buildReportModel, type ReportModel } from '../report/report-model';
import { planEdits, type PreparedRun, type RunFailure } from '../run/prepare-run';
import { readRun } from '../run/read-run';
import { settingsSheetName, settingsSheetRows } from '../settings/settings-sheet';
import { parseSettings, renderSettingsProblem, type SettingsInput } from '../settings/settings';
import { mergeReplies, type MergeResult } from '../merge/merge-replies';
import { firstCell, hiddenSheetRefusal, type ApplyReport, type WorkbookPort, type WorkbookSnapshot } from '../workbook/workbook';
import { WriteRefused } from '../workbook/write-refusal';
import type { Clock } from './clock';
import type { AppResult } from './problems';
import { runRequest, type AsOfSource, type RunOptions } from './run-options';

export interface Checked {
  run: PreparedRun;
  asOfSource: AsOfSource;
}

function failed(run: RunFailure): AppResult<never> {
  return { ok: false, problem: { code: 'cannot-read-plan', reason: run.code, message: run.message } };
}

export async function checkPlan(port: WorkbookPort, clock: Clock, options: RunOptions = {}): Promise<AppResult<Checked>> {
  const { run } = await readRun(port, runRequest(options, clock));
  if (!run.ok) return failed(run);
  return { ok: true, value: { run, asOfSource: run.asOfSource } };
}

export interface Applied extends Checked {
  plan: EditPlan;
  report: ApplyReport;
}

/** Colours and/or the summary, always on a fresh read so the edits match the sheet as it is now. */
export async function applyPlan(port: WorkbookPort, clock: Clock, what: { colours: boolean; summary: boolean }, options: RunOptions = {}): Promise<AppResult<Applied>> {
  const checked = await checkPlan(port, clock, options);
  if (!checked.ok) return checked;
  const plan = planEdits(checked.value.run, what);
  const report = await port.applyEditPlan(plan);
  return { ok: true, value: { ...checked.value, plan, report } };
}

/**
 * The history sheet's rows with the plan recorded as `label`. A label already recorded is replaced
 * only when `replace` says so; otherwise the problem asks to confirm. Shared by the async use case
 * and the Sheets menu.
 */
export function periodToRecord(run: PreparedRun, label: string, replace: boolean, clock: Clock): AppResult<RecordedPeriod> {
  const exists = run.history.find((p) => p.label.toLowerCase() === label.replace(/\s+/g, ' ').trim().toLowerCase());
  if (exists && !replace) return { ok: false, problem: { code: 'period-exists', label: exists.label, asOf: exists.asOf } };
  const recorded = recordPeriod(run, label, clock.now());
  if ('problem' in recorded) return { ok: false, problem: { code: 'bad-period-name', reason: recorded.problem } };
  return { ok: true, value: recorded };
}

export interface Recorded extends Checked {
  recorded: RecordedPeriod;
  label: string;
}

export async function recordPlanPeriod(port: WorkbookPort, clock: Clock, label: string, replace: boolean, options: RunOptions = {}): Promise<AppResult<Recorded>> {
  const checked = await checkPlan(port, clock, options);
  if (!checked.ok) return checked;
  const recorded = periodToRecord(checked.value.run, label, replace, clock);
  if (!recorded.ok) return recorded;
  await port.writeHiddenSheet(recorded.value.sheet, recorded.value.rows);
  if (recorded.value.audit) await port.writeHiddenSheet(recorded.value.audit.sheet, recorded.value.audit.rows);
  return { ok: true, value: { ...checked.value, recorded: recorded.value, label } };
}

/** Validates and writes the settings sheet; a bad value is refused naming it, and nothing is written. */
export async function saveSettings(port: WorkbookPort, input: SettingsInput): Promise<AppResult<{ sheet: string }>> {
  const parsed = parseSettings(input);
  if (!parsed.ok) return { ok: false, problem: { code: 'bad-settings', message: parsed.problems.map(renderSettingsProblem).join(' ') } };
  await port.writeHiddenSheet(settingsSheetName, settingsSheetRows(input));
  return { ok: true, value: { sheet: settingsSheetName } };
}

export interface CommitteeReportOptions extends RunOptions {
  /** The plan's title in the heading; wins over the settings' planTitle and the sheet's title rows. */
  title?: string | undefined;
}

export interface CommitteeReport extends Checked {
  /** The report as a document: what the HTML page and the Word document are drawn from. */
  model: ReportModel;
  /** The report as one self-contained HTML page, printable to A4. */
  html: string;
}

/** The committee report on a fresh read: its model, and the model as an HTML page. The panel and the CLI both call this. */
export async function buildCommitteeReport(port: WorkbookPort, clock: Clock, options: CommitteeReportOptions = {}): Promise<AppResult<CommitteeReport>> {
  const checked = await checkPlan(port, clock, options);
  if (!checked.ok) return checked;
  const model = buildReportModel(checked.value.run, { title: options.title });
  return { ok: true, value: { ...checked.value, model, html: renderHtml(model) } };
}

/** A host that can merge: it writes cell values. */
export type MergePort = WorkbookPort & Required<Pick<WorkbookPort, 'setCellValues'>>;

export function canMerge(port: WorkbookPort): port is MergePort {
  return typeof port.setCellValues === 'function';
}

/** A reply the user picked, read by the caller (the CLI from its file, the panel with the .xlsx reader in the browser). */
export interface ReplyWorkbook {
  /** The file's name as the user gave it: it names the reply in messages and in the audit trail. */
  name: string;
  workbook: WorkbookSnapshot;
}

export interface MergedReplies extends Checked {
  result: MergeResult;
  /** Whether anything was written: nothing is when no change was placed, or when a file is not a reply. */
  written: boolean;
}

/**
 * Merges replies to update requests into the plan, on a fresh read: the cells the replies change,
 * then the audit trail, written through the port. All or nothing: when one file is not a reply
 * nothing is written, and what the port would refuse (a protected plan or audit sheet, a user's
 * sheet with the audit sheet's name) is refused before the first write.
 */
export async function mergeReplyFiles(port: MergePort, clock: Clock, replies: readonly ReplyWorkbook[], options: RunOptions = {}): Promise<AppResult<MergedReplies>> {
  const checked = await checkPlan(port, clock, options);
  if (!checked.ok) return checked;
  const run = checked.value.run;
  const sheet = run.checked.sheet;
  const formulaCells = port.formulaCells ? await port.formulaCells(sheet) : undefined;
  const result = mergeReplies(
    run,
    replies.map((r) => ({ file: r.name, workbook: r.workbook })),
    { when: clock.now(), ...(formulaCells ? { formulaCells } : {}) },
  );
  const done = (written: boolean): AppResult<MergedReplies> => ({ ok: true, value: { ...checked.value, result, written } });
  if (result.unreadable.length > 0 || (result.edits.length === 0 && !result.audit)) return done(false);

  const sheets = run.workbook.sheets;
  const audit = result.audit;
  const existing = audit ? sheets.find((s) => s.name.toLowerCase() === audit.sheet.toLowerCase()) : undefined;
  const refusal = audit ? hiddenSheetRefusal(audit.sheet, existing ? firstCell(existing) : undefined, audit.rows) : null;
  if (refusal) throw new WriteRefused(refusal);
  const locked = [result.edits.length > 0 ? sheet : null, existing?.name ?? null].find((n) => n !== null && sheets.some((s) => s.name === n && s.protected === true));
  if (locked) throw new WriteRefused({ code: 'sheet-protected', sheet: locked });

  if (result.edits.length > 0) await port.setCellValues(sheet, result.edits);
  if (audit) await port.writeHiddenSheet(audit.sheet, audit.rows);
  return done(true);
}

/** A host that can add new actions: it inserts rows. */
export type AddPort = WorkbookPort & Required<Pick<WorkbookPort, 'insertRows'>>;

export function canAddActions(port: WorkbookPort): port is AddPort {
  return typeof port.insertRows === 'function';
}

export interface AddedActions extends Checked {
  result: AddResult;
  /** Whether anything was written: nothing is on a problem, or when every action is already in the plan. */
  written: boolean;
}

/**
 * Adds the new actions of a list (read by the caller) to the plan, on a fresh read: the rows under
 * their themes, their status cells coloured as Apply colours them, then the audit trail. All or
 * nothing: one problem in the list and nothing is written, and what the port would refuse (a
 * protected plan or audit sheet, a user's sheet with the audit sheet's name) is refused before the
 * first write. Adding the same list again adds nothing: its actions are already in the plan.
 */
export async function addActions(port: AddPort, clock: Clock, list: ActionList, options: RunOptions = {}): Promise<AppResult<AddedActions>> {
  const checked = await checkPlan(port, clock, options);
  if (!checked.ok) return checked;
  const run = checked.value.run;
  const result = planAdditions(run, list, { when: clock.now() });
  const done = (written: boolean): AppResult<AddedActions> => ({ ok: true, value: { ...checked.value, result, written } });
  if (result.problems.length > 0 || result.insertions.length === 0 || !result.audit) return done(false);

  const sheet = run.checked.sheet;
  const sheets = run.workbook.sheets;
  const audit = result.audit;
  const existing = sheets.find((s) => s.name.toLowerCase() === audit.sheet.toLowerCase());
  const refusal = hiddenSheetRefusal(audit.sheet, existing ? firstCell(existing) : undefined, audit.rows);
  if (refusal) throw new WriteRefused(refusal);
  const locked = [sheet, existing?.name ?? null].find((n) => n !== null && sheets.some((s) => s.name === n && s.protected === true));
  if (locked) throw new WriteRefused({ code: 'sheet-protected', sheet: locked });

  await port.insertRows(sheet, result.insertions);
  const fills = addedStatusFills(run, result.added);
  if (fills.length > 0) await port.applyEditPlan({ sheet, fills, summary: null, summaryChoice: null });
  await port.writeHiddenSheet(audit.sheet, audit.rows);
  return done(true);
}
