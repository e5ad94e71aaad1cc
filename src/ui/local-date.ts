import { dayFromYmd, type Day } from '../../shared/dates/day';

/** Today on the officer's own calendar (the host's local date), as the engine counts days. */
export function localToday(now: Date = new Date()): Day {
  return dayFromYmd(now.getFullYear(), now.getMonth() + 1, now.getDate());
}
