import { assessActions, type Assessment } from './due-dates/assess';
import type { Day } from './dates/day';
import type { GridSnapshot } from './grid/grid';
import { detectHeader, renderHeaderProblem, type HeaderMatch, type HeaderProblem } from './header/detect-header';
import { hiddenRowsNote } from './plan/hidden-rows';
import { renderNote, type RunNote } from './run/run-notes';
import { readPlan, type PlanRows } from './plan/read-plan';
import type { Finding } from './rules/finding';
import { runRules } from './rules/index';
import { activePalette, activeScheme, type Settings } from './settings/settings';
import { statusLookup } from './status/normalise';
import type { StatusScheme } from './status/schemes';
import { statusFromFill } from './rag/status-from-fill';
import { summarise, type PlanSummary } from './summary/summary';

export interface CheckedPlan {
  ok: true;
  sheet: string;
  asOf: Day;
  header: HeaderMatch;
  plan: PlanRows;
  scheme: StatusScheme;
  assessments: Assessment[];
  findings: Finding[];
  summary: PlanSummary;
  errors: number;
  warnings: number;
  /** Plain-English notes on how the sheet was read (hidden rows), for the panel and the CLI. */
  notes: string[];
  /** The same notes as data. */
  noteData: RunNote[];
}

export interface UncheckablePlan {
  ok: false;
  problem: HeaderProblem;
  message: string;
}

export type CheckResult = CheckedPlan | UncheckablePlan;

/**
 * The whole engine in one call: find the header, read the rows, assess each action as of `asOf`,
 * run the rules and build the summary. `asOf` is passed in: the engine never reads the clock.
 */
export function checkPlan(grid: GridSnapshot, settings: Settings, asOf: Day): CheckResult {
  const found = detectHeader(grid, settings.columns);
  if (!found.ok) return { ok: false, problem: found.problem, message: renderHeaderProblem(found.problem) };
  const header = found.header;
  const scheme = activeScheme(settings);
  const plan = readPlan(grid, header, { dateOrder: settings.dateOrder, statuses: statusLookup(scheme), statusOfFill: statusFromFill(scheme, activePalette(settings)) });
  const assessments = assessActions(plan.actions, { asOf, dueSoonDays: settings.dueSoonDays });
  const findings = runRules({ assessments, header, scheme, asOf }, settings.rules, grid.sheet);
  const summary = summarise(grid.sheet, assessments, scheme, asOf, header.columns.source !== undefined, header.columns.seniorLead !== undefined);
  let errors = 0;
  for (const f of findings) if (f.severity === 'error') errors++;
  const hidden = hiddenRowsNote(grid, plan.actions);
  return { ok: true, sheet: grid.sheet, asOf, header, plan, scheme, assessments, findings, summary, errors, warnings: findings.length - errors, notes: hidden ? [renderNote(hidden)] : [], noteData: hidden ? [hidden] : [] };
}
