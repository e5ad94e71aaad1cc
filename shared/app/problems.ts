import type { Day } from '../dates/day';

/** Why a use case did not do what was asked, as data; `describeProblem` renders it in words. */
export type AppProblem =
  /** The engine could not read the plan: no such sheet, no header found, bad settings (its message names what). */
  | { code: 'cannot-read-plan'; reason: 'no-such-sheet' | 'no-plan' | 'bad-settings'; message: string }
  | { code: 'bad-period-name'; reason: 'empty' | 'too-long' }
  | { code: 'period-exists'; label: string; asOf: Day }
  | { code: 'bad-settings'; message: string };

export type AppResult<T> = { ok: true; value: T } | { ok: false; problem: AppProblem };
