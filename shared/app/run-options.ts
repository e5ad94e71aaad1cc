import { dayFromIso, dayFromYmd, isValidYmd, type Day } from '../dates/day';
import type { RunRequest } from '../run/prepare-run';
import type { SettingsInput } from '../settings/settings';
import type { Clock } from './clock';

/** What an entry point may ask for; everything left out is decided here, once, the same for all. */
export interface RunOptions {
  /** The date the user asked for. Left out: the settings' as-of date, else today. */
  asOf?: Day | undefined;
  sheet?: string | undefined;
  settingsOverride?: SettingsInput | undefined;
}

export type { AsOfSource } from '../run/prepare-run';

/** The engine's request for these options and this clock. */
export function runRequest(options: RunOptions, clock: Clock): RunRequest {
  return { asOf: options.asOf, today: clock.today(), sheet: options.sheet, settingsOverride: options.settingsOverride };
}

/** An as-of date as a person types one: 2018-09-30, or UK day-first 30/09/2018 (30-09-2018, 30.09.2018). Null otherwise. */
export function parseAsOf(text: string): Day | null {
  const t = text.trim();
  const iso = dayFromIso(t);
  if (iso !== null) return iso;
  const m = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/.exec(t);
  if (!m) return null;
  const [d, mo, y] = [Number(m[1]), Number(m[2]), Number(m[3])];
  return isValidYmd(y, mo, d) ? dayFromYmd(y, mo, d) : null;
}
