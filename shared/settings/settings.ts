// zod/mini: the same validation as zod's classic API in a fraction of the bundle (the task pane ships it).
import * as z from 'zod/mini';
import type { $ZodRawIssue } from 'zod/v4/core';
import { dayFromIso } from '../dates/day';
import { ruleIds } from '../rules/ids';
import { normaliseStatusText } from '../status/normalise';
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

/** A word officers type for a status, added to the scheme in force ("behind schedule" → "Some slippage"). */
const statusWord = z.strictObject({
  word: z.string().check(
    z.trim(),
    z.minLength(1, { error: 'must not be empty' }),
    z.maxLength(60, { error: 'must be at most 60 characters' }),
    z.refine((s) => s === '' || normaliseStatusText(s) !== '', { error: 'must contain a letter or a digit' }),
  ),
  status: z.string().check(z.trim(), z.minLength(1, { error: 'must name one of the statuses' })),
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
  /** Words added to the scheme in force, each meaning one of its statuses; a word here wins over the scheme's own. */
  statusWords: z._default(z.array(statusWord).check(z.maxLength(200, { error: 'must list at most 200 words' })), []),
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

/** Each added word must mean a status of the scheme it is added to: checked once the scheme in force is known. */
function statusWordProblems(settings: Settings): SettingsProblem[] {
  const labels = baseScheme(settings).statuses.map((s) => s.label);
  const byKey = new Map(labels.map((l) => [normaliseStatusText(l), l]));
  const problems: SettingsProblem[] = [];
  settings.statusWords.forEach((w, i) => {
    const label = byKey.get(normaliseStatusText(w.status));
    const named = byKey.get(normaliseStatusText(w.word));
    if (named !== undefined && named !== label) problems.push({ field: `statusWords.${i}.word`, message: `(“${w.word}”) is already the status “${named}”: it cannot mean another` });
    else if (label === undefined) problems.push({ field: `statusWords.${i}.status`, message: `(“${w.word}” means “${w.status}”) must be one of the statuses in use: ${labels.map((l) => `“${l}”`).join(', ')}` });
    else w.status = label;
  });
  return problems;
}

/** Validates settings from any source (settings sheet, JSON file, panel); never throws. */
export function parseSettings(input: unknown): SettingsResult {
  const result = settingsSchema.safeParse(input ?? {}, { error: plainEnglish });
  if (result.success) {
    const problems = statusWordProblems(result.data);
    return problems.length === 0 ? { ok: true, settings: result.data } : { ok: false, problems };
  }
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

/** The scheme the added words go into: the custom list when given, else the built-in one. */
function baseScheme(settings: Pick<Settings, 'customStatuses' | 'scheme'>): StatusScheme {
  if (settings.customStatuses) {
    return { id: 'custom', name: 'Custom statuses', statuses: settings.customStatuses.map((s) => ({ ...s })) };
  }
  return builtInSchemes[settings.scheme];
}

/**
 * The status scheme in force: the custom list when given, else the built-in one, with the added
 * words. An added word is taken from any other status that had it, so the officer's choice wins.
 */
export function activeScheme(settings: Settings): StatusScheme {
  const base = baseScheme(settings);
  if (settings.statusWords.length === 0) return base;
  const added = new Map(settings.statusWords.map((w) => [normaliseStatusText(w.word), w]));
  const statuses = base.statuses.map((s) => ({
    ...s,
    aliases: [
      ...settings.statusWords.filter((w) => w.status === s.label).map((w) => w.word),
      ...s.aliases.filter((a) => (added.get(normaliseStatusText(a))?.status ?? s.label) === s.label),
    ],
  }));
  return { ...base, statuses };
}

export function activePalette(settings: Settings): typeof defaultPalette {
  const out = { ...defaultPalette };
  for (const rag of Object.keys(out) as (keyof typeof defaultPalette)[]) {
    const set = settings.palette[rag];
    if (set) out[rag] = { fill: set.fill ?? out[rag].fill, text: set.text ?? out[rag].text };
  }
  return out;
}
