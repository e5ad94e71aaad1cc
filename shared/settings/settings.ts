// zod/mini: the same validation as zod's classic API in a fraction of the bundle (the task pane ships it).
import * as z from 'zod/mini';
import type { $ZodRawIssue } from 'zod/v4/core';
import { dayFromIso } from '../dates/day';
import { ruleIds } from '../rules/ids';
import { builtInSchemes, type StatusScheme } from '../status/schemes';
import { columnFields } from './fields';
import { defaultPalette } from '../rag/palette';

const hexColour = z.string().check(z.regex(/^#[0-9A-Fa-f]{6}$/, { error: 'must be a colour written as #RRGGBB, such as #C4E5CD' }));
/** Either colour may be left out to keep the default one. */
const swatch = z.strictObject({ fill: z.optional(hexColour), text: z.optional(hexColour) });
const rag = z.enum(['red', 'amber', 'green', 'blue', 'grey']);

const customStatus = z.strictObject({
  label: z.string().check(z.trim(), z.minLength(1, { error: 'must not be empty' }), z.maxLength(60)),
  rag,
  complete: z._default(z.boolean(), false),
  slipped: z._default(z.boolean(), false),
  notStarted: z._default(z.boolean(), false),
  aliases: z._default(z.array(z.string().check(z.trim(), z.minLength(1))), []),
});

/** Excel's rules for sheet names: 1–31 characters, none of : \ / ? * [ ], no leading or trailing apostrophe. */
export const sheetName = z.string().check(
  z.trim(),
  z.minLength(1, { error: 'must not be empty' }),
  z.maxLength(31, { error: 'must be at most 31 characters (Excel’s limit for a sheet name)' }),
  z.refine((s) => !/[:\\/?*[\]]/.test(s), { error: 'must not contain any of : \\ / ? * [ ]' }),
  z.refine((s) => !s.startsWith("'") && !s.endsWith("'"), { error: 'must not start or end with an apostrophe' }),
);

const isoDate = z.string().check(z.refine((s) => dayFromIso(s) !== null, { error: 'must be a date written as YYYY-MM-DD, such as 2018-09-30' }));

/** A name printed in the committee report's heading: one line of text. */
const reportName = z.string().check(
  z.trim(),
  z.minLength(1, { error: 'must not be empty' }),
  z.maxLength(120, { error: 'must be at most 120 characters' }),
  z.refine((s) => !/[\r\n]/.test(s), { error: 'must be one line' }),
);

/** A column is named by its letter ("H") or by its heading text ("Progress update"). */
const columnChoice = z.string().check(z.trim(), z.minLength(1, { error: 'must be a column letter or a heading' }));

export const settingsSchema = z.strictObject({
  scheme: z._default(z.enum(['cip', 'rag', 'brag', 'covalent']), 'cip'),
  /** Replaces the built-in scheme when given. */
  customStatuses: z.optional(z.array(customStatus).check(z.minLength(1, { error: 'must list at least one status' }))),
  columns: z._default(z.partialRecord(z.enum(columnFields), columnChoice), {}),
  monitoringSheet: z.optional(sheetName),
  asOf: z.optional(isoDate),
  dueSoonDays: z._default(z.number().check(z.int({ error: 'must be a whole number of days' }), z.minimum(0), z.maximum(366)), 14),
  dateOrder: z._default(z.enum(['day-first', 'month-first']), 'day-first'),
  palette: z._default(z.partialRecord(rag, swatch), {}),
  rules: z._default(z.partialRecord(z.enum(ruleIds), z.enum(['error', 'warning', 'off'])), {}),
  summarySheet: z._default(sheetName, 'Plan Summary'),
  /** A theme's RAG: its worst open status, or its most common one. */
  themeRag: z._default(z.enum(['worst', 'majority']), 'worst'),
  /** The status table shows the previous recorded period, or every one. */
  comparePeriods: z._default(z.enum(['previous', 'all']), 'previous'),
  /** The committee report's council, e.g. "Northmoor City Council"; left out: read from the sheet's title rows. */
  councilName: z.optional(reportName),
  /** The committee report's plan title, e.g. "Corporate Improvement Plan"; left out: read from the sheet's title rows. */
  planTitle: z.optional(reportName),
});

export type SettingsInput = z.input<typeof settingsSchema>;
export type Settings = z.output<typeof settingsSchema>;

export interface SettingsProblem {
  /** Dotted path of the setting, e.g. "palette.red.fill". */
  field: string;
  message: string;
}

export type SettingsResult = { ok: true; settings: Settings } | { ok: false; problems: SettingsProblem[] };

/** Plain-English wording for zod's issues, used where the schema gives no message of its own. */
function plainEnglish(issue: $ZodRawIssue): string | undefined {
  switch (issue.code) {
    case 'invalid_value':
      return `must be one of ${issue.values.map((v) => JSON.stringify(v)).join(', ')}`;
    case 'invalid_type':
      return issue.input === undefined ? 'is required' : `must be ${issue.expected === 'int' ? 'a whole number' : `a ${String(issue.expected)}`}`;
    case 'too_small':
      return `must be at least ${String(issue.minimum)}`;
    case 'too_big':
      return `must be at most ${String(issue.maximum)}`;
    default:
      return undefined;
  }
}

/** Validates settings from any source (settings sheet, JSON file, panel); never throws. */
export function parseSettings(input: unknown): SettingsResult {
  const result = settingsSchema.safeParse(input ?? {}, { error: plainEnglish });
  if (result.success) return { ok: true, settings: result.data };
  const problems = result.error.issues.flatMap((issue) =>
    // An unknown key is named by its own path, so the officer sees exactly which line to fix.
    issue.code === 'unrecognized_keys'
      ? issue.keys.map((key) => ({ field: [...issue.path.map(String), key].join('.'), message: 'is not a setting Plan Monitor knows' }))
      : [{ field: issue.path.map(String).join('.') || 'settings', message: issue.message }],
  );
  return { ok: false, problems };
}

/** "Setting 'dueSoonDays' must be at most 366." */
export function renderSettingsProblem(p: SettingsProblem): string {
  return `Setting '${p.field}' ${p.message}.`;
}

export function defaultSettings(): Settings {
  const r = parseSettings({});
  if (!r.ok) throw new Error('default settings are invalid'); // cannot happen: the schema has defaults for all
  return r.settings;
}

/** The status scheme in force: the custom list when given, else the built-in one. */
export function activeScheme(settings: Settings): StatusScheme {
  if (settings.customStatuses) {
    return { id: 'custom', name: 'Custom statuses', statuses: settings.customStatuses.map((s) => ({ ...s })) };
  }
  return builtInSchemes[settings.scheme];
}

export function activePalette(settings: Settings): typeof defaultPalette {
  const out = { ...defaultPalette };
  for (const rag of Object.keys(out) as (keyof typeof defaultPalette)[]) {
    const set = settings.palette[rag];
    if (set) out[rag] = { fill: set.fill ?? out[rag].fill, text: set.text ?? out[rag].text };
  }
  return out;
}
