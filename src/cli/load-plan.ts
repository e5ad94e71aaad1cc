import { readFile } from 'node:fs/promises';
import type ExcelJS from 'exceljs';
import { checkPlan, chooseMonitoringSheet, type CheckedPlan } from '../../shared/check-plan';
import { dayFromIso, dayFromYmd, type Day } from '../../shared/dates/day';
import { isOwnSummarySheet } from '../../shared/edit-plan/summary-sheet';
import type { GridSnapshot } from '../../shared/grid/grid';
import { parseSettings, renderSettingsProblem, type Settings } from '../../shared/settings/settings';
import { CliError } from './errors';
import { gridFromWorksheet, loadWorkbook } from './xlsx/read-workbook';

export interface PlanOptions {
  file: string;
  sheet?: string | undefined;
  asOf?: string | undefined;
  settingsFile?: string | undefined;
}

export interface LoadedPlan {
  workbook: ExcelJS.Workbook;
  settings: Settings;
  checked: CheckedPlan;
}

/** Today in the machine's time zone: the host reads the clock, never the engine. */
export function today(): Day {
  const now = new Date();
  return dayFromYmd(now.getFullYear(), now.getMonth() + 1, now.getDate());
}

async function readSettings(file: string | undefined): Promise<Settings> {
  let input: unknown = {};
  if (file !== undefined) {
    let text: string;
    try {
      text = await readFile(file, 'utf8');
    } catch {
      throw new CliError(`Cannot read the settings file '${file}'.`);
    }
    try {
      input = JSON.parse(text);
    } catch (e) {
      throw new CliError(`The settings file '${file}' is not valid JSON: ${e instanceof Error ? e.message : String(e)}.`);
    }
  }
  const parsed = parseSettings(input);
  if (!parsed.ok) throw new CliError(`${file ? `In '${file}': ` : ''}${parsed.problems.map(renderSettingsProblem).join(' ')}`);
  return parsed.settings;
}

export function resolveAsOf(flag: string | undefined, settings: Settings): Day {
  const text = flag ?? settings.asOf;
  if (text === undefined) return today();
  const day = dayFromIso(text);
  if (day === null) throw new CliError(`--as-of must be a date written as YYYY-MM-DD, such as 2018-09-30 (got '${text}').`);
  return day;
}

/** Reads the workbook, finds the monitoring sheet and runs the engine on it. */
export async function loadPlan(options: PlanOptions): Promise<LoadedPlan> {
  const settings = await readSettings(options.settingsFile);
  const asOf = resolveAsOf(options.asOf, settings);
  const workbook = await loadWorkbook(options.file);
  const wanted = options.sheet ?? settings.monitoringSheet;
  let grid: GridSnapshot | null;
  if (wanted !== undefined) {
    const ws = workbook.worksheets.find((w) => w.name === wanted) ?? workbook.worksheets.find((w) => w.name.toLowerCase() === wanted.toLowerCase());
    if (!ws) throw new CliError(`There is no sheet '${wanted}' in '${options.file}'. Its sheets are: ${workbook.worksheets.map((w) => `'${w.name}'`).join(', ')}.`);
    grid = gridFromWorksheet(ws);
  } else {
    const candidates = workbook.worksheets
      .filter((w) => w.state === 'visible' && !isOwnSummarySheet(w.getCell(1, 1).value as string | null))
      .map(gridFromWorksheet);
    grid = chooseMonitoringSheet(candidates, settings);
    if (!grid) {
      const first = candidates[0];
      const why = first ? checkPlan(first, settings, asOf) : null;
      throw new CliError(
        `No sheet in '${options.file}' looks like a monitoring sheet. ${why && !why.ok ? why.message : 'The workbook has no visible sheets.'} Name the sheet with --sheet.`,
      );
    }
  }
  const checked = checkPlan(grid, settings, asOf);
  if (!checked.ok) throw new CliError(checked.message);
  return { workbook, settings, checked };
}
