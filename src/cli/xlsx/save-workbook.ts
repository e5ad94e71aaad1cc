import { mkdir, rename, unlink } from 'node:fs/promises';
import path from 'node:path';
import type ExcelJS from 'exceljs';
import { str, type OptionValues } from '../command';
import { CliError } from '../errors';

/** Where a command that writes will save: --out, or over the file with --in-place. Checked before any work. */
export function saveTarget(file: string, values: OptionValues, command: string): string {
  const out = str(values, 'out');
  const inPlace = values['in-place'] === true;
  if (out === undefined && !inPlace) throw new CliError(`${command} needs --out OUT.xlsx, or --in-place to save over the file.`);
  if (out !== undefined && inPlace) throw new CliError('Give either --out or --in-place, not both.');
  if (out !== undefined && !out.toLowerCase().endsWith('.xlsx')) throw new CliError(`--out must name an .xlsx file (got '${out}').`);
  return out ?? file;
}

/** Writes beside the target and renames: a failed save never leaves a half-written workbook. */
export async function saveWorkbook(workbook: ExcelJS.Workbook, target: string): Promise<void> {
  const temp = path.join(path.dirname(path.resolve(target)), `.${path.basename(target)}.${process.pid}.tmp`);
  try {
    await mkdir(path.dirname(temp), { recursive: true });
    await workbook.xlsx.writeFile(temp);
    await rename(temp, target);
  } catch (e) {
    await unlink(temp).catch(() => undefined);
    throw new CliError(`Could not save '${target}': ${e instanceof Error ? e.message : String(e)}.`);
  }
}
