import { auditMarker, readAuditSheet, type AuditEntry } from '../audit/audit-trail';
import { checkPlan, type CheckedPlan } from '../check-plan';
import { dayFromIso, type Day } from '../dates/day';
import { buildEditPlan, type EditPlan } from '../edit-plan/edit-plan';
import { isOwnSummarySheet } from '../summary/summary-sheet';
import { detectHeader } from '../header/detect-header';
import { compareWithHistory, type PeriodComparison } from '../history/compare';
import { historyMarker, readHistorySheet, type Period } from '../history/history-sheet';
import { themeRollup, type ThemeRollup } from '../summary/themes';
import { readSettingsSheet, settingsMarker, settingsSheetNote } from '../settings/settings-sheet';
import { renderNote, type RunNote } from './run-notes';
import { parseSettings, renderSettingsProblem, type Settings, type SettingsInput } from '../settings/settings';
import { firstCell, type SheetSnapshot, type WorkbookSnapshot } from '../workbook/workbook';

export type AsOfSource = 'asked' | 'settings' | 'today';

export interface RunRequest {
  /** The date the user asked for; else the settings' asOf; else `today`. */
  asOf?: Day | undefined;
  /** Today as the host's clock says: the engine never reads the clock. */
  today: Day;
  /** The monitoring sheet, when the user named it; else settings, then the active sheet, then the first that fits. */
  sheet?: string | undefined;
  /** Settings given outside the workbook (a CLI --settings file); they win over the settings sheet. */
  settingsOverride?: SettingsInput | undefined;
}

export interface PreparedRun {
  ok: true;
  workbook: WorkbookSnapshot;
  settings: Settings;
  /** The settings sheet's own values, for the settings view. */
  settingsInput: SettingsInput;
  /** Plain-English notes: how the sheet was read (hidden rows), then bad rows on the settings and history sheets (the defaults were used for them). */
  notes: string[];
  /** Where the as-of date came from: the request, the settings, or today. */
  asOfSource: AsOfSource;
  /** The same notes as data (code and values). */
  noteData: RunNote[];
  checked: CheckedPlan;
  /** Periods recorded in the history sheet, oldest first. */
  history: Period[];
  /** The audit trail as the workbook holds it (empty when it has none). */
  audit: AuditEntry[];
  /** The plan beside its history: period columns and what changed. */
  comparison: PeriodComparison;
  themes: ThemeRollup[];
}

export interface RunFailure {
  ok: false;
  code: 'no-such-sheet' | 'no-plan' | 'bad-settings';
  message: string;
}

/** Sheets the tool made: never a candidate monitoring sheet. */
export function isToolSheet(s: SheetSnapshot): boolean {
  const a1 = firstCell(s);
  // By marker only: a user's own sheet that happens to share a tool sheet's name is still theirs.
  return isOwnSummarySheet(a1) || a1 === settingsMarker || a1 === historyMarker || a1 === auditMarker;
}

function findSheet(wb: WorkbookSnapshot, name: string): SheetSnapshot | undefined {
  return wb.sheets.find((s) => s.name === name) ?? wb.sheets.find((s) => s.name.toLowerCase() === name.toLowerCase());
}

/** Later settings win; maps (columns, palette, rules) merge key by key. */
export function mergeSettingsInput(base: SettingsInput, over: SettingsInput): SettingsInput {
  return {
    ...base,
    ...over,
    columns: { ...base.columns, ...over.columns },
    palette: { ...base.palette, ...over.palette },
    rules: { ...base.rules, ...over.rules },
  };
}

/** Reads the settings, finds the monitoring sheet and checks it: everything a host needs before it shows or writes anything. */
export function prepareRun(workbook: WorkbookSnapshot, request: RunRequest): PreparedRun | RunFailure {
  const settingsSheet = workbook.sheets.find((s) => firstCell(s) === settingsMarker);
  const fromSheet = readSettingsSheet(settingsSheet?.grid ?? null);
  const settingsNotes = fromSheet.problems.map(settingsSheetNote);
  let settings = fromSheet.settings;
  if (request.settingsOverride) {
    const merged = parseSettings(mergeSettingsInput(fromSheet.input, request.settingsOverride));
    if (!merged.ok) return { ok: false, code: 'bad-settings', message: merged.problems.map(renderSettingsProblem).join(' ') };
    settings = merged.settings;
  }

  const settingsAsOf = settings.asOf !== undefined ? dayFromIso(settings.asOf) : null;
  const asOf = request.asOf ?? settingsAsOf ?? request.today;
  const asOfSource: AsOfSource = request.asOf !== undefined ? 'asked' : settingsAsOf !== null ? 'settings' : 'today';

  const wanted = request.sheet ?? settings.monitoringSheet;
  let sheet: SheetSnapshot | undefined;
  if (wanted !== undefined) {
    sheet = findSheet(workbook, wanted);
    if (!sheet) {
      return { ok: false, code: 'no-such-sheet', message: `There is no sheet '${wanted}' in this workbook. Its sheets are: ${workbook.sheets.map((s) => `'${s.name}'`).join(', ')}.` };
    }
  } else {
    const candidates = workbook.sheets.filter((s) => s.visibility === 'visible' && !isToolSheet(s));
    const active = candidates.find((s) => s.name === workbook.activeSheet);
    const fits = (s: SheetSnapshot) => detectHeader(s.grid, settings.columns).ok;
    sheet = active && fits(active) ? active : candidates.find(fits);
    if (!sheet) {
      const first = active ?? candidates[0];
      const why = first ? checkPlan(first.grid, settings, asOf) : null;
      return {
        ok: false,
        code: 'no-plan',
        message: `No sheet in this workbook looks like a monitoring sheet. ${why && !why.ok ? why.message : 'Its only visible sheets are the ones Plan Monitor made.'}`,
      };
    }
  }
  const checked = checkPlan(sheet.grid, settings, asOf);
  if (!checked.ok) return { ok: false, code: 'no-plan', message: checked.message };
  const historySheet = workbook.sheets.find((s) => firstCell(s) === historyMarker);
  const history = readHistorySheet(historySheet?.grid ?? null);
  const audit = readAuditSheet(workbook.sheets.find((s) => firstCell(s) === auditMarker)?.grid ?? null);
  const comparison = compareWithHistory(checked, history.periods, { allPeriods: settings.comparePeriods === 'all' });
  const derived = new Map(checked.summary.milestoneRollup.map((m) => [m.row, m.derived]));
  const themes = themeRollup(checked.assessments.filter((a) => a.action.milestoneOf === null), settings.themeRag, checked.scheme.statuses.map((s) => s.label), derived);
  return { ok: true, workbook, settings, settingsInput: fromSheet.input, asOfSource, notes: [...checked.notes, ...settingsNotes.map(renderNote), ...history.problems], noteData: [...checked.noteData, ...settingsNotes, ...history.problemData], checked, history: history.periods, audit, comparison, themes };
}

/** The edit plan for a prepared run: colours, the summary sheet, or both. */
export function planEdits(run: PreparedRun, what: { colours: boolean; summary: boolean }): EditPlan {
  const sheets = run.workbook.sheets.map((s) => ({ name: s.name, a1: firstCell(s) }));
  return buildEditPlan(run.checked, run.settings, { ...what, sheets, comparison: run.comparison, themes: run.themes });
}
