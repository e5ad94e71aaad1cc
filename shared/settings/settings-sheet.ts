import { renderNote, type RunNote } from '../run/run-notes';
import { cellText, type CellValue, type GridSnapshot } from '../grid/grid';
import { defaultSettings, parseSettings, type Settings, type SettingsInput, type SettingsProblem } from './settings';

/** The hidden sheet that carries settings with the file, so Excel, Google Sheets and the CLI all see them. */
export const settingsSheetName = 'Plan Monitor Settings';
export const settingsMarker = 'plan-monitor:settings:v1';

const intro = 'Settings used by Plan Monitor for this workbook. One setting a row: its name in column A, its value in column B.';

/** Settings whose value is a list or object are kept as JSON text in one cell. */
const jsonFields = new Set(['customStatuses', 'statusWords']);

/**
 * Flattens settings into readable rows: "dueSoonDays | 14", "columns.status | H",
 * "palette.red.fill | #F6C7C3". Only what was set is written, so defaults can improve later.
 */
export function settingsSheetRows(input: SettingsInput): CellValue[][] {
  const rows: CellValue[][] = [[settingsMarker, intro], ['Setting', 'Value']];
  const walk = (prefix: string, value: unknown) => {
    if (value === undefined) return;
    if (value !== null && typeof value === 'object' && !Array.isArray(value) && !jsonFields.has(prefix)) {
      for (const [k, v] of Object.entries(value as Record<string, unknown>)) walk(prefix ? `${prefix}.${k}` : k, v);
      return;
    }
    const cell = typeof value === 'number' || typeof value === 'boolean' ? value : typeof value === 'string' ? value : JSON.stringify(value);
    rows.push([prefix, cell]);
  };
  walk('', input);
  return rows;
}

export interface SettingsSheetResult {
  settings: Settings;
  /** The settings as written on the sheet (for the settings view to edit and write back). */
  input: SettingsInput;
  /** Problems with the sheet's rows; a bad row is ignored and the default used, never a crash. */
  problems: (SettingsProblem & { row: number })[];
}

/** Keys that would reach Object.prototype: a settings sheet must never be able to pollute it. */
const unsafeKeys = new Set(['__proto__', 'prototype', 'constructor']);

function setPath(target: Record<string, unknown>, path: string[], value: unknown): void {
  let o = target;
  path.forEach((key, i) => {
    if (i === path.length - 1) o[key] = value;
    else {
      const next = o[key];
      if (next === null || typeof next !== 'object') o[key] = {};
      o = o[key] as Record<string, unknown>;
    }
  });
}

/** Reads the settings sheet. Bad rows are reported with their row and skipped; the rest still apply. */
export function readSettingsSheet(grid: GridSnapshot | null): SettingsSheetResult {
  const input: Record<string, unknown> = {};
  const rowOf = new Map<string, number>();
  const problems: SettingsSheetResult['problems'] = [];
  if (grid) {
    grid.values.forEach((cells, i) => {
      const row = grid.top + i;
      const key = cellText(cells[0] ?? null);
      if (key === '' || key === settingsMarker || key === 'Setting') return;
      const path = key.split('.');
      if (path.some((k) => k === '' || unsafeKeys.has(k))) {
        problems.push({ row, field: key, message: 'is not a setting Plan Monitor knows' });
        return;
      }
      const raw = cells[1] ?? null;
      let value: unknown = typeof raw === 'string' ? raw.trim() : raw;
      if (jsonFields.has(key) && typeof value === 'string') {
        try {
          value = JSON.parse(value);
        } catch {
          problems.push({ row, field: key, message: 'is not a list Plan Monitor can read (it should be JSON text)' });
          return;
        }
      }
      if (key === 'dueSoonDays' && typeof value === 'string' && /^\d+$/.test(value)) value = Number(value);
      setPath(input, path, value);
      rowOf.set(key, row);
    });
  }
  // Validate, then drop each bad field so one typo does not switch off every other setting.
  // Each pass removes at least one bad leaf; the bound only guards against a schema surprise.
  for (let pass = 0; pass < 100; pass++) {
    const r = parseSettings(input);
    if (r.ok) return { settings: r.settings, input: input as SettingsInput, problems };
    for (const p of r.problems) {
      const path = p.field.split('.');
      // A bad entry inside a JSON list drops the whole list; otherwise just the bad leaf.
      const drop = jsonFields.has(path[0] ?? '') ? path.slice(0, 1) : path;
      const key = drop.join('.');
      const typed = [...rowOf.entries()].find(([k]) => k === key || k.startsWith(`${key}.`) || key.startsWith(`${k}.`));
      problems.push({ ...p, row: typed?.[1] ?? 0 });
      let o: Record<string, unknown> = input;
      for (const k of drop.slice(0, -1)) o = (o[k] as Record<string, unknown> | undefined) ?? {};
      delete o[drop[drop.length - 1] ?? ''];
    }
  }
  return { settings: defaultSettings(), input: {}, problems };
}

export function settingsSheetNote(p: { row: number; field: string; message: string }): RunNote {
  return { code: 'settings-row', data: { sheet: settingsSheetName, row: p.row, field: p.field, problem: p.message } };
}

export function renderSettingsSheetProblem(p: { row: number; field: string; message: string }): string {
  return renderNote(settingsSheetNote(p));
}
