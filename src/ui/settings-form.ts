/**
 * The settings view's data, without the DOM: what each dropdown offers and selects, and the settings
 * to save from what the officer changed. Only changed fields are written, so settings the view does
 * not show (custom statuses, rules, a column named by its heading) are kept exactly as they were.
 */
import { columnLetters } from '../../shared/grid/a1';
import type { HeaderCell } from '../../shared/header/detect-header';
import type { ColumnField } from '../../shared/settings/fields';
import { defaultPalette } from '../../shared/rag/palette';
import type { SettingsInput } from '../../shared/settings/settings';
import { builtInSchemes, type Rag } from '../../shared/status/schemes';
import type { ColumnChoice } from './panel-controller';

export interface SelectOption {
  value: string;
  text: string;
}

export interface ColumnSelectModel {
  field: ColumnField;
  label: string;
  options: SelectOption[];
  /** The option selected when the view opens. */
  value: string;
}

/** The value of the "let Plan Monitor find it" option: saving it removes the column setting. */
export const automatic = '';

/** Fields the plan cannot do without; every other column may be absent. */
const requiredFields: readonly ColumnField[] = ['target', 'status'];

export function columnSelectModel(choice: ColumnChoice, headers: readonly HeaderCell[], setting: string | undefined): ColumnSelectModel {
  const current = choice.current;
  const optional = !requiredFields.includes(choice.field);
  let autoText: string;
  if (current?.how === 'detected') autoText = `Detected: ${current.text} (column ${columnLetters(current.col)})`;
  else if (current) autoText = 'Find it from the headings';
  else autoText = optional ? 'Not used' : 'Not found: choose a column';

  const options: SelectOption[] = [{ value: automatic, text: autoText }];
  for (const hd of headers) options.push({ value: columnLetters(hd.col), text: `${columnLetters(hd.col)}: ${hd.text}` });

  let value = automatic;
  if (current?.how === 'setting') {
    value = columnLetters(current.col);
    if (!options.some((o) => o.value === value)) options.push({ value, text: `${value}: (no heading)` });
  } else if (!current && setting !== undefined && setting.trim() !== '') {
    // A setting that matched nothing: keep it selectable so saving does not lose it.
    value = setting;
    options.push({ value, text: `As set: ${setting}` });
  }
  return { field: choice.field, label: choice.label, options, value };
}

export const schemeChoices: readonly SelectOption[] = [
  { value: 'cip', text: 'Completed, On track, Some slippage, Major slippage, Not started' },
  { value: 'rag', text: 'Red, Amber, Green' },
  { value: 'brag', text: 'Blue (completed), Red, Amber, Green' },
  { value: 'covalent', text: 'Completed, On target, Out of target (Covalent)' },
];

/** A word added to the scheme, as the form holds it. */
export interface StatusWord {
  word: string;
  status: string;
}

/** The statuses a word can mean under this scheme choice: the workbook's own list when it has one. */
export function statusChoicesFor(input: SettingsInput, scheme: string): string[] {
  if (input.customStatuses) return input.customStatuses.map((s) => s.label);
  const built = builtInSchemes[scheme as keyof typeof builtInSchemes] ?? builtInSchemes.cip;
  return built.statuses.map((s) => s.label);
}

export const dateOrderChoices: readonly SelectOption[] = [
  { value: 'day-first', text: '31/12/2018 (UK)' },
  { value: 'month-first', text: '12/31/2018 (US)' },
];

export const ragOrder: readonly Rag[] = ['red', 'amber', 'green', 'blue', 'grey'];

export const ragNames: Record<Rag, string> = { red: 'Red', amber: 'Amber', green: 'Green', blue: 'Blue', grey: 'Grey' };

/** The fill in force for a colour: the workbook's setting, else the default; lower case as a colour input gives it. */
export function fillOf(input: SettingsInput, rag: Rag): string {
  return (input.palette?.[rag]?.fill ?? defaultPalette[rag].fill).toLowerCase();
}

/** The swatch in force for a colour, for the status chips. */

export interface FormChanges {
  /** Only the columns whose dropdown changed: a letter, or `automatic` to remove the setting. */
  columns: Partial<Record<ColumnField, string>>;
  scheme?: string;
  /** As typed in the number box. */
  dueSoonDays?: string;
  dateOrder?: string;
  /** Only the fills that changed, as #rrggbb. */
  fills: Partial<Record<Rag, string>>;
  /** The whole list of added words, when it changed. */
  statusWords?: StatusWord[];
}

/** The settings to save: the workbook's own settings with the officer's changes on top. */
export function applyFormChanges(input: SettingsInput, changes: FormChanges): SettingsInput {
  const next: SettingsInput = { ...input };
  const columnEntries = Object.entries(changes.columns) as [ColumnField, string][];
  if (columnEntries.length > 0) {
    const columns: Partial<Record<ColumnField, string>> = { ...input.columns };
    for (const [field, value] of columnEntries) {
      if (value === automatic) delete columns[field];
      else columns[field] = value;
    }
    next.columns = columns;
  }
  if (changes.scheme !== undefined) next.scheme = changes.scheme as SettingsInput['scheme'];
  if (changes.dueSoonDays !== undefined) {
    const typed = changes.dueSoonDays.trim();
    // A whole number goes in as a number; anything else is passed as typed, so the check names it.
    next.dueSoonDays = (/^\d+$/.test(typed) ? Number(typed) : typed) as number;
  }
  if (changes.dateOrder !== undefined) next.dateOrder = changes.dateOrder as SettingsInput['dateOrder'];
  if (changes.statusWords !== undefined) {
    if (changes.statusWords.length > 0) next.statusWords = changes.statusWords.map((w) => ({ ...w }));
    else delete next.statusWords;
  }
  const fillEntries = Object.entries(changes.fills) as [Rag, string][];
  if (fillEntries.length > 0) {
    const palette = { ...input.palette };
    for (const [rag, fill] of fillEntries) palette[rag] = { ...palette[rag], fill: fill.toUpperCase() };
    next.palette = palette;
  }
  return next;
}
