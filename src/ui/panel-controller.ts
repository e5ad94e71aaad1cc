import type { CheckedPlan } from '../../shared/check-plan';
import { dayFromIso, isoFromDay, type Day } from '../../shared/dates/day';
import { formatDay, formatParsedDate } from '../../shared/dates/format-date';
import { cellAddress } from '../../shared/grid/a1';
import { likelyHeaderCells, type HeaderCell } from '../../shared/header/detect-header';
import { recordPeriod } from '../../shared/history/record-period';
import { isToolSheet, planEdits, type PreparedRun } from '../../shared/run/prepare-run';
import { readRun } from '../../shared/run/read-run';
import { columnFields, fieldLabels, type ColumnField } from '../../shared/settings/fields';
import { readSettingsSheet, settingsMarker, settingsSheetName, settingsSheetRows } from '../../shared/settings/settings-sheet';
import type { Swatch } from '../../shared/settings/palette';
import { activePalette, parseSettings, renderSettingsProblem, type SettingsInput } from '../../shared/settings/settings';
import type { Rag } from '../../shared/status/schemes';
import type { EditPlan } from '../../shared/edit-plan/edit-plan';
import { firstCell, type ApplyReport, type WorkbookPort, type WorkbookSnapshot } from '../../shared/workbook/workbook';

/** What the panel shows after a check: plain data, rendered as text by the view. */
export interface PanelResult {
  sheet: string;
  asOf: string;
  headline: string;
  statusCounts: { status: string; rag: string | null; count: number }[];
  total: number;
  errors: { cell: string; sheet: string; message: string; rule: string }[];
  warnings: { cell: string; sheet: string; message: string; rule: string }[];
  overdue: { ref: string; action: string; due: string; days: number; cell: string }[];
  dueSoon: { ref: string; action: string; due: string; days: number; cell: string }[];
  notes: string[];
  dueSoonDays: number;
  /** The current column's heading: a recorded period's name, or "Actions". */
  currentLabel: string;
  /** The previous recorded period's counts by status, for the comparison column; null when none is recorded. */
  previous: { label: string; counts: Record<string, number>; total: number } | null;
  /** The colours in force (settings over defaults), for the status chips. */
  palette: Record<Rag, Swatch>;
}

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

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}

export function resultOf(run: PreparedRun): PanelResult {
  const c: CheckedPlan = run.checked;
  const s = c.summary;
  const statusCol = c.header.columns.status?.col ?? 1;
  const cellOf = (row: number) => cellAddress(row, statusCol);
  const findings = (severity: 'error' | 'warning') =>
    c.findings.filter((f) => f.severity === severity).map((f) => ({ cell: f.cell, sheet: f.sheet, message: f.message, rule: f.rule }));
  return {
    sheet: c.sheet,
    asOf: isoFromDay(c.asOf),
    headline: `'${c.sheet}' as of ${formatDay(c.asOf)}: ${plural(s.actions, 'action')}, ${plural(c.errors, 'error')}, ${plural(c.warnings, 'warning')}, ${s.overdue.length} overdue.`,
    statusCounts: s.statusCounts,
    total: s.total,
    errors: findings('error'),
    warnings: findings('warning'),
    overdue: s.overdue.map((a) => ({ ref: a.ref ?? `row ${a.row}`, action: a.action ?? '', due: formatParsedDate(a.due), days: a.daysOverdue, cell: cellOf(a.row) })),
    dueSoon: s.dueSoon.map((a) => ({ ref: a.ref ?? `row ${a.row}`, action: a.action ?? '', due: formatParsedDate(a.due), days: a.daysToDue ?? 0, cell: cellOf(a.row) })),
    notes: run.notes,
    dueSoonDays: run.settings.dueSoonDays,
    currentLabel: run.comparison.currentLabel.startsWith('As of ') ? 'Actions' : run.comparison.currentLabel,
    previous: previousOf(run),
    palette: activePalette(run.settings),
  };
}

function previousOf(run: PreparedRun): PanelResult['previous'] {
  const c = run.comparison;
  const column = c.previousLabel === null ? undefined : c.columns.find((col) => col.label === c.previousLabel);
  if (!column) return null;
  return { label: column.label, counts: Object.fromEntries(c.statuses.map((s, i) => [s, column.counts[i] ?? 0])), total: column.total };
}

/** What an apply did, in one or two sentences. */
export function applyMessage(plan: EditPlan, report: ApplyReport): string {
  const parts: string[] = [];
  if (plan.fills.length > 0 || report.colouredCells > 0) parts.push(`Coloured ${plural(report.colouredCells, 'status cell')} on '${plan.sheet}'.`);
  if (report.summarySheet) parts.push(`Wrote the summary to sheet '${report.summarySheet}'.`);
  if (plan.summaryChoice?.renamed) parts.push(`A sheet called '${plan.summaryChoice.wanted}' already exists and was not made by Plan Monitor, so it was left alone.`);
  return parts.join(' ');
}

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

/** Turns any failure (a host error, an Office error) into one plain sentence for the panel. */
export function plainMessage(e: unknown, doing: 'reading' | 'writing' = 'writing'): string {
  const code = typeof e === 'object' && e !== null && 'code' in e ? String((e as { code: unknown }).code) : '';
  if (code === 'AccessDenied') {
    return doing === 'writing'
      ? 'The sheet is protected, so Plan Monitor could not change it. Nothing was changed. Unprotect the sheet and try again.'
      : 'Excel would not let Plan Monitor read the workbook (it may be protected or shared in a way that blocks add-ins). Nothing was changed.';
  }
  if (code === 'RequestPayloadSizeLimitExceeded') return 'The workbook is too large to update in one go from Excel on the web. Nothing was changed. Try Excel on the desktop.';
  if (code === 'ItemNotFound') return 'A sheet Plan Monitor needs has been renamed or deleted since it was read. Run Check plan again.';
  // Apps Script may prefix "Error: "; a message that is already a sentence (ours) is shown as it is.
  const message = (e instanceof Error ? e.message : typeof e === 'object' && e !== null && 'message' in e ? String((e as { message: unknown }).message) : String(e)).replace(/^Error: /, '');
  if (/^[A-Z'‘“].*[.!?]$/s.test(message.trim())) return message.trim();
  return `Something went wrong: ${message}`;
}

/**
 * The panel's actions, host-neutral: every host (Excel task pane, Sheets sidebar, browser preview)
 * gives a WorkbookPort and the clock; the panel view only renders what these return.
 */
export class PanelController {
  private lastRun: PreparedRun | null = null;

  constructor(
    private readonly port: WorkbookPort,
    private readonly today: () => Day,
    /** The host's clock as an ISO date-time, for when a period was recorded. */
    private readonly now: () => string = () => new Date().toISOString().slice(0, 19),
  ) {}

  defaultAsOf(): string {
    return isoFromDay(this.today());
  }

  private async prepare(asOf: string): Promise<Outcome<PreparedRun>> {
    const day = dayFromIso(asOf);
    if (day === null) return { ok: false, message: 'The as-of date is not a date. Pick one from the calendar, or type it as YYYY-MM-DD.' };
    const { run } = await readRun(this.port, { asOf: day, today: this.today() });
    if (!run.ok) return { ok: false, message: run.message };
    this.lastRun = run;
    return { ok: true, value: run };
  }

  async check(asOf: string): Promise<Outcome<PanelResult>> {
    try {
      const run = await this.prepare(asOf);
      return run.ok ? { ok: true, value: resultOf(run.value) } : run;
    } catch (e) {
      return { ok: false, message: plainMessage(e, 'reading') };
    }
  }

  /** Colours and/or summary: always on a fresh read, so the plan matches the sheet as it is now. */
  async apply(asOf: string, what: { colours: boolean; summary: boolean }): Promise<Outcome<{ result: PanelResult; message: string }>> {
    try {
      const run = await this.prepare(asOf);
      if (!run.ok) return run;
      const plan = planEdits(run.value, what);
      const report = await this.port.applyEditPlan(plan);
      return { ok: true, value: { result: resultOf(run.value), message: applyMessage(plan, report) } };
    } catch (e) {
      return { ok: false, message: plainMessage(e) };
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
  async settingsView(asOf: string): Promise<Outcome<SettingsView>> {
    try {
      let prepared = this.lastRun;
      if (!prepared) {
        const day = dayFromIso(asOf) ?? this.today();
        const { workbook, run } = await readRun(this.port, { asOf: day, today: this.today() });
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
  async recordPeriod(asOf: string, label: string, replace: boolean): Promise<Outcome<string> | { ok: false; message: string; confirm: true }> {
    try {
      const run = await this.prepare(asOf);
      if (!run.ok) return run;
      const exists = run.value.history.find((p) => p.label.toLowerCase() === label.trim().toLowerCase());
      if (exists && !replace) {
        return { ok: false, confirm: true, message: `A period called “${exists.label}” is already recorded (as of ${formatDay(exists.asOf)}). Replace it with the plan as it stands now?` };
      }
      const recorded = recordPeriod(run.value, label, this.now());
      if ('error' in recorded) return { ok: false, message: recorded.error };
      await this.port.writeHiddenSheet(recorded.sheet, recorded.rows);
      this.lastRun = null;
      return { ok: true, value: `${recorded.replaced ? 'Replaced' : 'Recorded'} “${label.trim()}”: ${plural(recorded.actions, 'action')} as of ${formatDay(run.value.checked.asOf)}, kept in the hidden sheet '${recorded.sheet}'. The summary now compares with it.` };
    } catch (e) {
      return { ok: false, message: plainMessage(e) };
    }
  }

  /** Validates and writes the settings sheet; a bad value is refused with a message naming it, and nothing is written. */
  async saveSettings(input: SettingsInput): Promise<Outcome<string>> {
    const parsed = parseSettings(input);
    if (!parsed.ok) return { ok: false, message: parsed.problems.map(renderSettingsProblem).join(' ') };
    try {
      await this.port.writeHiddenSheet(settingsSheetName, settingsSheetRows(input));
      this.lastRun = null;
      return { ok: true, value: `Saved in the workbook (hidden sheet '${settingsSheetName}'), so everyone who opens it gets these settings.` };
    } catch (e) {
      return { ok: false, message: plainMessage(e) };
    }
  }
}
