import { dayFromIso } from '../../shared/dates/day';
import type { CellValue, GridSnapshot } from '../../shared/grid/grid';
import type { FormSheet } from '../../shared/requests/form-sheet';
import { requestHeadings, updateRequests, type RequestColumn, type UpdateRequest } from '../../shared/requests/update-request';
import { prepareRun, type PreparedRun } from '../../shared/run/prepare-run';
import type { SettingsInput } from '../../shared/settings/settings';
import type { WorkbookSnapshot } from '../../shared/workbook/workbook';
import { planGrid, type TestHeading, type TestRow } from '../helpers/plan-grid';

export const asOf = dayFromIso('2018-09-30') as number;

export function runOf(grid: GridSnapshot, settings?: SettingsInput, extra: WorkbookSnapshot['sheets'] = []): PreparedRun {
  const r = prepareRun({ sheets: [{ name: grid.sheet, visibility: 'visible', grid }, ...extra], activeSheet: grid.sheet }, { asOf, today: asOf, settingsOverride: settings });
  if (!r.ok) throw new Error(r.message);
  return r;
}

export function planRun(rows: (TestRow | TestHeading)[], settings?: SettingsInput): PreparedRun {
  return runOf(planGrid(rows), settings);
}

/** A form as a host reads it back: text as strings, dates as serials marked as dates (month-only ones with their precision). */
export function formGrid(form: FormSheet): GridSnapshot {
  const values: CellValue[][] = [];
  const dates: boolean[][] = [];
  const precision: ('month' | 'year' | undefined)[][] = [];
  form.rows.forEach((cells, r) => {
    values[r] = [];
    for (let c = 0; c < cells.length; c++) {
      const v = cells[c]?.value ?? null;
      (values[r] as CellValue[])[c] = v === null ? null : v.kind === 'text' ? v.text : v.serial;
      if (v?.kind === 'date') {
        (dates[r] ??= [])[c] = true;
        if (v.shows === 'month') (precision[r] ??= [])[c] = 'month';
      }
    }
  });
  return { sheet: form.name, top: 1, left: 1, values, dates, datePrecision: precision };
}

/** A reply: the officer's request, as a workbook snapshot that tests change cell by cell. */
export class Reply {
  readonly grid: GridSnapshot;
  constructor(
    readonly request: UpdateRequest,
    readonly file = request.file,
  ) {
    this.grid = formGrid(request.form);
  }

  /** The 0-based grid row of an action's line, by ref (the nth with that ref, from 1). */
  rowOf(ref: string, nth = 1): number {
    const lines = this.grid.values.map((cells, i) => (i >= 3 && cells[0] === ref ? i : -1)).filter((i) => i >= 0);
    const r = lines[nth - 1];
    if (r === undefined) throw new Error(`no ${ref} (${nth}) in the reply`);
    return r;
  }

  set(ref: string, column: RequestColumn, value: CellValue, options: { date?: boolean; month?: boolean; nth?: number } = {}): this {
    const r = this.rowOf(ref, options.nth);
    const c = Object.keys(requestHeadings).indexOf(column);
    (this.grid.values[r] as CellValue[])[c] = value;
    ((this.grid.dates ??= [])[r] ??= [])[c] = options.date === true;
    ((this.grid.datePrecision ??= [])[r] ??= [])[c] = options.month ? 'month' : undefined;
    return this;
  }

  get workbook(): WorkbookSnapshot {
    return { sheets: [{ name: this.grid.sheet, visibility: 'visible', grid: this.grid }] };
  }
}

/** The request for one officer, as a reply to edit. */
export function replyFor(run: PreparedRun, officer: string | null, file?: string): Reply {
  const request = updateRequests(run).find((r) => r.officer === officer);
  if (!request) throw new Error(`no request for ${officer}`);
  return new Reply(request, file);
}
