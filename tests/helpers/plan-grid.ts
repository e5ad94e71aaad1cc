import { checkPlan, type CheckedPlan } from '../../shared/check-plan';
import { dayFromIso } from '../../shared/dates/day';
import type { CellValue, GridSnapshot } from '../../shared/grid/grid';
import { parseSettings, type SettingsInput } from '../../shared/settings/settings';

/** A row of a test plan, by field; omitted fields are blank cells. */
export interface TestRow {
  ref?: CellValue;
  action?: CellValue;
  lead?: CellValue;
  target?: CellValue;
  revised?: CellValue;
  status?: CellValue;
  commentary?: CellValue;
  source?: CellValue;
  /** The status cell's fill (#RRGGBB), as a host gives it for blank cells. */
  statusFill?: string;
}

/** A heading row: text in column A only. */
export interface TestHeading {
  heading: string;
}

/** Columns of the standard test sheet: A Ref, B Action, C Lead officer, D Target date, E Revised date, F Status, G Commentary, H Source. */
export const testColumns = ['ref', 'action', 'lead', 'target', 'revised', 'status', 'commentary', 'source'] as const;
export const testHeaders = ['Ref', 'Action', 'Lead officer', 'Target date', 'Revised date', 'Status', 'Commentary', 'Source'];

/** A row that passes every rule as of 2018-09-30, to be varied one field at a time. */
export const soundRow: Required<Omit<TestRow, 'source' | 'statusFill'>> = {
  ref: '1.1',
  action: 'Agree the partnership vision',
  lead: 'Chief Executive',
  target: '31/12/2018',
  revised: null,
  status: 'On track',
  commentary: 'Draft agreed by the board.',
};

/**
 * A monitoring sheet: a title row, a blank row, the header on row 3, then the rows from row 4.
 * So the first test row is sheet row 4, and its status is cell F4.
 */
export function planGrid(rows: (TestRow | TestHeading)[], sheet = 'Plan'): GridSnapshot {
  const values: CellValue[][] = [['Corporate Improvement Plan'], [], [...testHeaders]];
  const fills: (string | null)[][] = [];
  for (const r of rows) {
    if ('heading' in r) values.push([r.heading]);
    else {
      if (r.statusFill) fills[values.length] = [null, null, null, null, null, r.statusFill];
      values.push(testColumns.map((f) => (r[f] === undefined ? null : (r[f] as CellValue))));
    }
  }
  return { sheet, top: 1, left: 1, values, fills };
}

export const firstRow = 4;

export function check(rows: (TestRow | TestHeading)[], settings: SettingsInput = {}, asOf = '2018-09-30'): CheckedPlan {
  const parsed = parseSettings(settings);
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.problems));
  const day = dayFromIso(asOf);
  if (day === null) throw new Error(`bad asOf ${asOf}`);
  const result = checkPlan(planGrid(rows), parsed.settings, day);
  if (!result.ok) throw new Error(result.message);
  return result;
}
