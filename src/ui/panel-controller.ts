import { isoFromDay, type Day } from '../../shared/dates/day';
import { likelyHeaderCells, type HeaderCell } from '../../shared/header/detect-header';
import { isToolSheet, type PreparedRun } from '../../shared/run/prepare-run';
import { readRun } from '../../shared/run/read-run';
import { columnFields, fieldLabels, type ColumnField } from '../../shared/settings/fields';
import { readSettingsSheet, settingsMarker } from '../../shared/settings/settings-sheet';
import type { SettingsInput } from '../../shared/settings/settings';
import { firstCell, type WorkbookPort, type WorkbookSnapshot } from '../../shared/workbook/workbook';
import type { Clock } from '../../shared/app/clock';
import { localClock } from '../host/local-clock';
import { appliedMessage, describeProblem, recordedMessage, settingsSavedMessage } from '../../shared/app/messages';
import { resultOf, type PanelResult } from './panel-result';
import type { FileTools, ReportTools } from './on-demand';
import type { ReportModel } from '../../shared/report/report-model';
import type { ActionList } from '../../shared/add/plan-additions';
import type { AppResult } from '../../shared/app/problems';
import { parseAsOf, type RunOptions } from '../../shared/app/run-options';
import { applyPlan, canAddActions, canMerge, checkPlan, recordPlanPeriod, saveSettings, type AddPort, type Checked, type MergePort, type ReplyWorkbook } from '../../shared/app/use-cases';

export { resultOf, type PanelResult } from './panel-result';

export interface ColumnChoice {
  field: ColumnField;
  label: string;
  /** The column in force: detected or from settings. */
  current: { col: number; text: string; how: 'detected' | 'setting' } | null;
}

export interface SettingsView {
  columns: ColumnChoice[];
  /** Every heading on the header row, for the dropdowns. */
  headers: HeaderCell[];
  input: SettingsInput;
}

export type Outcome<T> = { ok: true; value: T } | { ok: false; message: string };

/** The committee report for the panel: the page itself, its title and a file name to save it as. */
export interface CommitteeReportFile {
  result: PanelResult;
  html: string;
  title: string;
  /** "committee-report-2018-09-30.html". */
  fileName: string;
  /** The report model the page was drawn from, for the Word document. */
  model: ReportModel;
}

/** The committee report as a Word document, to download. */
export interface WordReportFile {
  bytes: Uint8Array;
  /** "committee-report-2018-09-30.docx". */
  fileName: string;
}

/** A file the officer picked in the panel. */
export interface PickedFile {
  name: string;
  bytes: Uint8Array;
}

/** What work on picked files did (a merge, an add). */
export interface FilesDone {
  /** The plan as it stands afterwards. */
  result: PanelResult;
  /** The work's report, line by line, as the CLI prints it: the headline first. */
  lines: string[];
  /** Whether anything was written. */
  written: boolean;
}

/** What merging replies from the panel did. */
export interface MergedInPanel extends FilesDone {
  /** Changes left alone because the plan changed since the request, and what could not be placed. */
  conflicts: number;
  refused: number;
}

/** An on-demand script's function, or the loader's own words for why it did not load (src/ui/on-demand.ts). */
async function loaded<T>(load: () => Promise<T>): Promise<Outcome<T>> {
  try {
    return { ok: true, value: await load() };
  } catch (e) {
    return { ok: false, message: e instanceof Error ? e.message : plainMessage(e) };
  }
}

/** No reply to an update request comes near this: a bigger file is refused before it is read. */
const maxReplyBytes = 20 * 1_048_576;

/** What a host gives the panel besides its port and clock. */
export interface PanelHostOptions {
  /** The host's clock as an ISO date-time, for when a period was recorded. */
  now?: () => string;
  /** Loads the report tools (the committee report's use case, the Word renderer) on first use; absent, the panel offers no committee report. */
  loadReport?: () => Promise<ReportTools>;
  /** Loads the file tools (the .xlsx reader, the merge) on first use; absent (or where the port cannot write values), the panel offers no merge. */
  loadFiles?: () => Promise<FileTools>;
}

export { appliedMessage as applyMessage } from '../../shared/app/messages';

/** Settings for a workbook whose header was not recognised: its own settings, and the likeliest heading row. */
function viewWithoutHeader(workbook: WorkbookSnapshot): SettingsView {
  const settingsSheet = workbook.sheets.find((s) => firstCell(s) === settingsMarker);
  const input = readSettingsSheet(settingsSheet?.grid ?? null).input;
  const candidates = workbook.sheets.filter((s) => s.visibility === 'visible' && !isToolSheet(s));
  const sheet = candidates.find((s) => s.name === input.monitoringSheet) ?? candidates.find((s) => s.name === workbook.activeSheet) ?? candidates[0];
  return {
    columns: columnFields.map((field) => ({ field, label: fieldLabels[field], current: null })),
    headers: sheet ? likelyHeaderCells(sheet.grid) : [],
    input,
  };
}

import { describeHostError as plainMessage } from '../host/host-errors';

export { plainMessage };

/**
 * The panel's actions, host-neutral: every host (Excel task pane, Sheets sidebar, browser preview)
 * gives a WorkbookPort and the clock; the panel view only renders what these return.
 */
export class PanelController {
  private lastRun: PreparedRun | null = null;
  private readonly clock: Clock;

  /** Present only where the host can load the report tools: the view offers the committee report where they are. */
  readonly committeeReport?: (asOf?: string | null) => Promise<Outcome<CommitteeReportFile>>;
  readonly wordReport?: (report: CommitteeReportFile) => Promise<Outcome<WordReportFile>>;
  /** Present only where the host can read a picked .xlsx and its port writes cell values: the view offers Merge replies where it is. */
  readonly mergeReplies?: (files: readonly PickedFile[], asOf: string | null) => Promise<Outcome<MergedInPanel>>;
  /** Present only where the host can read a picked list and its port inserts rows: the view offers Add actions where it is. */
  readonly addActions?: (file: PickedFile, asOf: string | null) => Promise<Outcome<FilesDone>>;

  constructor(
    private readonly port: WorkbookPort,
    today: () => Day,
    host: PanelHostOptions = {},
  ) {
    this.clock = { today, now: host.now ?? localClock.now };
    const loadReport = host.loadReport;
    if (loadReport) {
      this.committeeReport = (asOf = null) => this.report(asOf, loadReport);
      this.wordReport = (report) => this.renderWord(report, loadReport);
    }
    const loadFiles = host.loadFiles;
    if (loadFiles && canMerge(port)) this.mergeReplies = (files, asOf) => this.merge(port, files, asOf, loadFiles);
    if (loadFiles && canAddActions(port)) this.addActions = (file, asOf) => this.add(port, file, asOf, loadFiles);
  }

  /**
   * Runs a use case that writes (merge, add) and answers with the plan as it then stands: read again
   * when anything was written, else the run the use case read; `more` adds what the work itself says.
   */
  private async written<T extends Checked & { written: boolean }, M>(work: () => Promise<AppResult<T>>, options: RunOptions, more: (value: T) => M & { lines: string[] }): Promise<Outcome<FilesDone & M>> {
    try {
      const r = await work();
      this.lastRun = null;
      if (!r.ok) return { ok: false, message: describeProblem(r.problem) };
      let now: Checked = r.value;
      if (r.value.written) {
        const again = await checkPlan(this.port, this.clock, options);
        if (again.ok) now = again.value;
      }
      this.lastRun = now.run;
      return { ok: true, value: { result: resultOf(now.run, now), written: r.value.written, ...more(r.value) } };
    } catch (e) {
      return { ok: false, message: plainMessage(e) };
    }
  }

  /**
   * Adds the new actions of a list the officer picked, as `plan-monitor add` does (addActions, with
   * the file tools, on demand): the list read first (.xlsx by the CLI's reader, .csv by the engine's),
   * then each action under its theme with the next free ref, and the plan read again.
   */
  private async add(port: AddPort, file: PickedFile, asOf: string | null, loadFiles: () => Promise<FileTools>): Promise<Outcome<FilesDone>> {
    const options = this.options(asOf);
    if (!options.ok) return options;
    if (file.bytes.length > maxReplyBytes) return { ok: false, message: `'${file.name}' is too large to be a list of new actions (${Math.round(file.bytes.length / 1_048_576)} MB). Nothing was added.` };
    const tools = await loaded(loadFiles);
    if (!tools.ok) return tools;
    let list: ActionList;
    try {
      list = await tools.value.readList(file.bytes, file.name);
    } catch (e) {
      return { ok: false, message: `${e instanceof Error ? e.message : String(e)} Nothing was added.` };
    }
    return this.written(() => tools.value.addActions(port, this.clock, list, options.value), options.value, (v) => ({ lines: tools.value.addedMessage(v.result) }));
  }

  /**
   * Merges the replies the officer picked, as `plan-monitor merge` does (mergeReplyFiles, which comes
   * with the file tools, on demand): every file read in the browser by the CLI's own .xlsx reader first, so one that cannot be read stops the
   * merge before anything is written; then the plan is read again to show it as it now stands.
   */
  private async merge(port: MergePort, files: readonly PickedFile[], asOf: string | null, loadFiles: () => Promise<FileTools>): Promise<Outcome<MergedInPanel>> {
    const options = this.options(asOf);
    if (!options.ok) return options;
    if (files.length === 0) return { ok: false, message: 'Pick one or more replies (.xlsx) to merge.' };
    const big = files.find((f) => f.bytes.length > maxReplyBytes);
    if (big) return { ok: false, message: `'${big.name}' is too large to be a reply to an update request (${Math.round(big.bytes.length / 1_048_576)} MB). Nothing was merged.` };
    const tools = await loaded(loadFiles);
    if (!tools.ok) return tools;
    const { readXlsx, mergeReplyFiles, mergedMessage } = tools.value;
    const replies: ReplyWorkbook[] = [];
    for (const f of files) {
      try {
        replies.push({ name: f.name, workbook: await readXlsx(f.bytes, f.name) });
      } catch (e) {
        // The reader's own words, which name the file.
        return { ok: false, message: `${e instanceof Error ? e.message : String(e)} Nothing was merged.` };
      }
    }
    return this.written(() => mergeReplyFiles(port, this.clock, replies, options.value), options.value, ({ result: m }) => ({
      lines: mergedMessage(m),
      conflicts: m.conflicts.length,
      refused: m.refused.length + m.unreadable.length,
    }));
  }

  /** The same report model as the HTML page, as a .docx (the renderer is loaded the first time). */
  private async renderWord(report: CommitteeReportFile, loadReport: () => Promise<ReportTools>): Promise<Outcome<WordReportFile>> {
    const tools = await loaded(loadReport);
    if (!tools.ok) return tools;
    try {
      return { ok: true, value: { bytes: await tools.value.renderDocx(report.model), fileName: report.fileName.replace(/\.html$/, '.docx') } };
    } catch (e) {
      return { ok: false, message: plainMessage(e) };
    }
  }

  /**
   * The run options for an as-of date the user typed, or none: left out, the use case takes the
   * settings' date, else today, as every other entry point does.
   */
  private options(asOf: string | null | undefined): Outcome<RunOptions> {
    if (asOf === null || asOf === undefined || asOf.trim() === '') return { ok: true, value: {} };
    const day = parseAsOf(asOf);
    if (day === null) return { ok: false, message: 'The as-of date is not a date. Pick one from the calendar, or type it as dd/mm/yyyy.' };
    return { ok: true, value: { asOf: day } };
  }

  private outcome<T, U>(r: AppResult<T>, ok: (value: T) => U): Outcome<U> {
    return r.ok ? { ok: true, value: ok(r.value) } : { ok: false, message: describeProblem(r.problem) };
  }

  async check(asOf: string | null = null): Promise<Outcome<PanelResult>> {
    try {
      const options = this.options(asOf);
      if (!options.ok) return options;
      const r = await checkPlan(this.port, this.clock, options.value);
      if (r.ok) this.lastRun = r.value.run;
      return this.outcome(r, (v) => resultOf(v.run, v));
    } catch (e) {
      return { ok: false, message: plainMessage(e, 'reading') };
    }
  }

  /** Colours and/or summary: always on a fresh read, so the plan matches the sheet as it is now. */
  async apply(asOf: string | null, what: { colours: boolean; summary: boolean }): Promise<Outcome<{ result: PanelResult; message: string }>> {
    try {
      const options = this.options(asOf);
      if (!options.ok) return options;
      const r = await applyPlan(this.port, this.clock, what, options.value);
      if (r.ok) this.lastRun = r.value.run;
      return this.outcome(r, (v) => ({ result: resultOf(v.run, v), message: appliedMessage(v.plan, v.report) }));
    } catch (e) {
      return { ok: false, message: plainMessage(e) };
    }
  }

  /**
   * The committee report, as the CLI's `report --html` makes it (buildCommitteeReport, on a fresh
   * read, from the report tools loaded on demand): one self-contained HTML page to open and print,
   * with the check's results for the panel.
   */
  private async report(asOf: string | null, loadReport: () => Promise<ReportTools>): Promise<Outcome<CommitteeReportFile>> {
    const options = this.options(asOf);
    if (!options.ok) return options;
    const tools = await loaded(loadReport);
    if (!tools.ok) return tools;
    try {
      const r = await tools.value.buildCommitteeReport(this.port, this.clock, options.value);
      if (r.ok) this.lastRun = r.value.run;
      return this.outcome(r, (v) => ({ result: resultOf(v.run, v), html: v.html, title: v.model.title, model: v.model, fileName: `committee-report-${isoFromDay(v.run.checked.asOf)}.html` }));
    } catch (e) {
      return { ok: false, message: plainMessage(e, 'reading') };
    }
  }

  async select(sheet: string, cell: string): Promise<Outcome<null>> {
    try {
      await this.port.selectCell(sheet, cell);
      return { ok: true, value: null };
    } catch (e) {
      return { ok: false, message: plainMessage(e) };
    }
  }

  /**
   * The settings view's data: the columns in force and the headings to choose from. It opens even
   * when no header was recognised, since naming the columns is then the way out.
   */
  async settingsView(asOf: string | null = null): Promise<Outcome<SettingsView>> {
    try {
      let prepared = this.lastRun;
      if (!prepared) {
        const options = this.options(asOf);
        const { workbook, run } = await readRun(this.port, { asOf: options.ok ? options.value.asOf : undefined, today: this.clock.today() });
        if (!run.ok) return { ok: true, value: viewWithoutHeader(workbook) };
        this.lastRun = run;
        prepared = run;
      }
      const header = prepared.checked.header;
      return {
        ok: true,
        value: {
          columns: columnFields.map((field) => ({ field, label: fieldLabels[field], current: header.columns[field] ?? null })),
          headers: header.headers,
          input: prepared.settingsInput,
        },
      };
    } catch (e) {
      return { ok: false, message: plainMessage(e) };
    }
  }

  /**
   * Records the plan as it stands as a period in the workbook's history sheet. A label already
   * recorded is only replaced when `replace` is true; otherwise the answer asks to confirm.
   */
  async recordPeriod(asOf: string | null, label: string, replace: boolean): Promise<Outcome<string> | { ok: false; message: string; confirm: true }> {
    try {
      const options = this.options(asOf);
      if (!options.ok) return options;
      const r = await recordPlanPeriod(this.port, this.clock, label, replace, options.value);
      this.lastRun = null;
      if (!r.ok && r.problem.code === 'period-exists') return { ok: false, confirm: true, message: describeProblem(r.problem) };
      return this.outcome(r, (v) => recordedMessage(v.recorded, v.label, v.run.checked));
    } catch (e) {
      return { ok: false, message: plainMessage(e) };
    }
  }

  /** Validates and writes the settings sheet; a bad value is refused with a message naming it, and nothing is written. */
  async saveSettings(input: SettingsInput): Promise<Outcome<string>> {
    try {
      const r = await saveSettings(this.port, input);
      if (r.ok) this.lastRun = null;
      return this.outcome(r, (v) => settingsSavedMessage(v.sheet));
    } catch (e) {
      return { ok: false, message: plainMessage(e) };
    }
  }
}
