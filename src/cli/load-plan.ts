import { readFile } from 'node:fs/promises';
import { dayFromIso, type Day } from '../../shared/dates/day';
import type { PreparedRun } from '../../shared/run/prepare-run';
import { readRun } from '../../shared/run/read-run';
import type { SettingsInput } from '../../shared/settings/settings';
import { localToday } from '../ui/local-date';
import { CliError } from './errors';
import type { XlsxWorkbookPort } from '../xlsx/xlsx-port';
import { openWorkbook, type FileSeen } from './workbook-file/open-workbook';

export interface PlanOptions {
  file: string;
  sheet?: string | undefined;
  asOf?: string | undefined;
  settingsFile?: string | undefined;
}

export interface LoadedPlan {
  port: XlsxWorkbookPort;
  /** The file as it was read, for saving over it safely. */
  seen: FileSeen;
  run: PreparedRun;
}


async function readSettingsFile(file: string | undefined): Promise<SettingsInput | undefined> {
  if (file === undefined) return undefined;
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch {
    throw new CliError(`Cannot read the settings file '${file}'.`);
  }
  try {
    return JSON.parse(text) as SettingsInput;
  } catch (e) {
    throw new CliError(`The settings file '${file}' is not valid JSON: ${e instanceof Error ? e.message : String(e)}.`);
  }
}

function parseAsOf(flag: string | undefined): Day | null {
  if (flag === undefined) return null;
  const day = dayFromIso(flag);
  if (day === null) throw new CliError(`--as-of must be a date written as YYYY-MM-DD, such as 2018-09-30 (got '${flag}').`);
  return day;
}

/** Reads the workbook, its settings sheet and any settings file, finds the monitoring sheet and runs the engine on it. */
export async function loadPlan(options: PlanOptions): Promise<LoadedPlan> {
  const settingsOverride = await readSettingsFile(options.settingsFile);
  const asOf = parseAsOf(options.asOf) ?? undefined;
  const { port, seen } = await openWorkbook(options.file);
  const { run } = await readRun(port, { asOf, today: localToday(), sheet: options.sheet, settingsOverride });
  if (!run.ok) throw new CliError(run.code === 'bad-settings' && options.settingsFile ? `In '${options.settingsFile}': ${run.message}` : run.message);
  return { port, seen, run };
}
