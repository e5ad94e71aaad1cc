import type { ParseArgsConfig } from 'node:util';

export type OptionValues = Record<string, string | boolean | undefined>;

export interface Command {
  name: string;
  description: string;
  usage: string;
  options: NonNullable<ParseArgsConfig['options']>;
  /** Takes more files after FILE (merge's replies): they come to run as `more`. */
  morePositionals?: boolean;
  /** Returns the exit code; throws CliError for problems the user can fix. */
  run(file: string, values: OptionValues, print: (text: string) => void, more?: string[]): Promise<number>;
}

/** Options every command over a workbook takes. */
export const planOptions = {
  sheet: { type: 'string' },
  'as-of': { type: 'string' },
  settings: { type: 'string' },
  json: { type: 'boolean' },
} as const satisfies NonNullable<ParseArgsConfig['options']>;

export function str(values: OptionValues, name: string): string | undefined {
  const v = values[name];
  return typeof v === 'string' ? v : undefined;
}
