import { z } from 'zod';
import { dayFromIso } from '../dates/day';
import { ruleIds } from '../rules/ids';
import { builtInSchemes, type StatusScheme } from '../status/schemes';
import { columnFields } from './fields';
import { defaultPalette } from './palette';

const hexColour = z.string().regex(/^#[0-9A-Fa-f]{6}$/, { message: 'must be a colour written as #RRGGBB, such as #C4E5CD' });
/** Either colour may be left out to keep the default one. */
const swatch = z.object({ fill: hexColour.optional(), text: hexColour.optional() }).strict();
const rag = z.enum(['red', 'amber', 'green', 'blue', 'grey']);

const customStatus = z
  .object({
    label: z.string().trim().min(1, { message: 'must not be empty' }).max(60),
    rag,
    complete: z.boolean().default(false),
    slipped: z.boolean().default(false),
    notStarted: z.boolean().default(false),
    aliases: z.array(z.string().trim().min(1)).default([]),
  })
  .strict();

/** Excel's rules for sheet names: 1–31 characters, none of : \ / ? * [ ], no leading or trailing apostrophe. */
export const sheetName = z
  .string()
  .trim()
  .min(1, { message: 'must not be empty' })
  .max(31, { message: 'must be at most 31 characters (Excel’s limit for a sheet name)' })
  .refine((s) => !/[:\\/?*[\]]/.test(s), { message: 'must not contain any of : \\ / ? * [ ]' })
  .refine((s) => !s.startsWith("'") && !s.endsWith("'"), { message: 'must not start or end with an apostrophe' });

const isoDate = z.string().refine((s) => dayFromIso(s) !== null, { message: 'must be a date written as YYYY-MM-DD, such as 2018-09-30' });

/** A column is named by its letter ("H") or by its heading text ("Progress update"). */
const columnChoice = z.string().trim().min(1, { message: 'must be a column letter or a heading' });

export const settingsSchema = z
  .object({
    scheme: z.enum(['cip', 'rag', 'brag']).default('cip'),
    /** Replaces the built-in scheme when given. */
    customStatuses: z.array(customStatus).min(1, { message: 'must list at least one status' }).optional(),
    columns: z.partialRecord(z.enum(columnFields), columnChoice).default({}),
    monitoringSheet: sheetName.optional(),
    asOf: isoDate.optional(),
    dueSoonDays: z.number().int({ message: 'must be a whole number of days' }).min(0).max(366).default(14),
    dateOrder: z.enum(['day-first', 'month-first']).default('day-first'),
    palette: z.partialRecord(rag, swatch).default({}),
    rules: z.partialRecord(z.enum(ruleIds), z.enum(['error', 'warning', 'off'])).default({}),
    summarySheet: sheetName.default('Plan Summary'),
  })
  .strict();

export type SettingsInput = z.input<typeof settingsSchema>;
export type Settings = z.output<typeof settingsSchema>;

export interface SettingsProblem {
  /** Dotted path of the setting, e.g. "palette.red.fill". */
  field: string;
  message: string;
}

export type SettingsResult = { ok: true; settings: Settings } | { ok: false; problems: SettingsProblem[] };

/** Plain-English wording for zod's issues, used where the schema gives no message of its own. */
function plainEnglish(issue: z.core.$ZodRawIssue): string | undefined {
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
