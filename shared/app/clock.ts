import type { Day } from '../dates/day';

/** What the host's clock says, passed in: the engine and the use cases never read the clock. */
export interface Clock {
  /** Today in the workbook's calendar (the host's local day). */
  today(): Day;
  /** Now as an ISO date-time (YYYY-MM-DDTHH:MM:SS), for when a period was recorded. */
  now(): string;
}

/** A clock fixed at one day, for tests, the preview and a CLI run with --as-of. */
export function fixedClock(today: Day, now = '2000-01-01T00:00:00'): Clock {
  return { today: () => today, now: () => now };
}
