import { readFile } from 'node:fs/promises';
import type { Day } from '../../shared/dates/day';
import { describeProblem } from '../../shared/app/messages';
import { parseAsOf } from '../../shared/app/run-options';
import { checkPlan } from '../../shared/app/use-cases';
import type { PreparedRun } from '../../shared/run/prepare-run';
import type { SettingsInput } from '../../shared/settings/settings';
import { localClock } from '../host/local-clock';
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

function asOfFlag(flag: string | undefined): Day | undefined {
  if (flag === undefined) return undefined;
  const day = parseAsOf(flag);
  if (day === null) throw new CliError(`--as-of must be a date written as YYYY-MM-DD or DD/MM/YYYY, such as 2018-09-30 or 30/09/2018 (got '${flag}').`);
  return day;
}

/** Reads the workbook, its settings sheet and any settings file, finds the monitoring sheet and runs the engine on it. */
export async function loadPlan(options: PlanOptions): Promise<LoadedPlan> {
  const settingsOverride = await readSettingsFile(options.settingsFile);
  const asOf = asOfFlag(options.asOf);
  const { port, seen } = await openWorkbook(options.file);
  const r = await checkPlan(port, localClock, { asOf, sheet: options.sheet, settingsOverride });
  if (!r.ok) {
    const p = r.problem;
    throw new CliError(p.code === 'cannot-read-plan' && p.reason === 'bad-settings' && options.settingsFile ? `In '${options.settingsFile}': ${describeProblem(p)}` : describeProblem(p));
  }
  return { port, seen, run: r.value.run };
}
