import type { Clock } from '../../shared/app/clock';
import { dayFromYmd, type Day } from '../../shared/dates/day';

/** Today on the officer's own calendar (the host's local date), as the engine counts days. */
export function localToday(now: Date = new Date()): Day {
  return dayFromYmd(now.getFullYear(), now.getMonth() + 1, now.getDate());
}

/** The host's clock, the one place every entry point reads it (the engine and the use cases never do). */
export const localClock: Clock = {
  today: () => localToday(),
  now: () => new Date().toISOString().slice(0, 19),
};
