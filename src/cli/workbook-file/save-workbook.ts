import { existsSync, unlinkSync } from 'node:fs';
import { open, readdir, readFile, rename, stat, unlink, writeFile, mkdir } from 'node:fs/promises';
import path from 'node:path';
import { str, type OptionValues } from '../command';
import { CliError } from '../errors';
import { sha256, type FileSeen } from './open-workbook';

/** Where a command that writes will save: --out, or over the file with --in-place. Checked before any work. */
export function saveTarget(file: string, values: OptionValues, command: string): { target: string; inPlace: boolean } {
  const out = str(values, 'out');
  const inPlace = values['in-place'] === true;
  if (out === undefined && !inPlace) throw new CliError(`${command} needs --out OUT.xlsx, or --in-place to save over the file.`);
  if (out !== undefined && inPlace) throw new CliError('Give either --out or --in-place, not both.');
  if (out !== undefined && !/\.xls[xm]$/i.test(out)) throw new CliError(`--out must name an .xlsx (or .xlsm) file (got '${out}').`);
  if (out !== undefined && path.resolve(out) === path.resolve(file)) return { target: file, inPlace: true };
  return { target: out ?? file, inPlace };
}

/** A macro-enabled workbook keeps its extension: Excel will not open macro content under .xlsx, nor the reverse. */
export function checkExtension(target: string, macroEnabled: boolean): void {
  const ext = path.extname(target).toLowerCase();
  if (macroEnabled && ext !== '.xlsm') throw new CliError(`The workbook holds macros, so it must be saved as .xlsm (got '${target}').`);
  if (!macroEnabled && ext === '.xlsm') throw new CliError(`The workbook has no macros, so it must be saved as .xlsx (got '${target}').`);
}

const tempPrefix = (target: string) => `.${path.basename(target)}.plan-monitor-`;

function alive(pid: number): boolean {
  if (!Number.isInteger(pid) || pid <= 0) return false;
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** Removes temporary files a killed run left beside the target (their process is gone). */
async function cleanStaleTemps(dir: string, target: string): Promise<void> {
  const prefix = tempPrefix(target);
  let names: string[];
  try {
    names = await readdir(dir);
  } catch {
    return;
  }
  for (const name of names) {
    const m = name.startsWith(prefix) ? /-(\d+)\.tmp$/.exec(name) : null;
    if (m && !alive(Number(m[1]))) await unlink(path.join(dir, name)).catch(() => undefined);
  }
}

/**
 * Takes the lock that makes "check the file is unchanged, then rename over it" one step among Plan
 * Monitor runs: a second run saving the same file at once is told so instead of losing the first's work.
 */
async function lock(lockFile: string, target: string): Promise<() => Promise<void>> {
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      const handle = await open(lockFile, 'wx');
      await handle.writeFile(String(process.pid));
      await handle.close();
      return () => unlink(lockFile).catch(() => undefined);
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw new CliError(`Could not save '${target}': ${(e as NodeJS.ErrnoException).code ?? 'cannot write beside it'}.`);
      const holder = Number(await readFile(lockFile, 'utf8').catch(() => ''));
      if (alive(holder)) throw new CliError(`Another Plan Monitor run is saving '${target}' right now, so this one saved nothing. Run it again when that one has finished.`);
      await unlink(lockFile).catch(() => undefined);
    }
  }
  throw new CliError(`Another Plan Monitor run is saving '${target}' right now, so this one saved nothing.`);
}

/**
 * Saves the bytes to the target: written to a temporary file beside it, then renamed over it, so a
 * failed or killed save never leaves a half-written workbook. Saving over the file read (--in-place)
 * is refused, with nothing written, when Excel has it open or it changed since it was read.
 */
export async function saveWorkbook(bytes: Uint8Array, target: string, seen: FileSeen | null): Promise<void> {
  const dir = path.dirname(path.resolve(target));
  const excelLock = path.join(dir, `~$${path.basename(target)}`);
  if (existsSync(excelLock)) throw new CliError(`'${target}' is open in Excel (its lock file ~$${path.basename(target)} is beside it), so Plan Monitor saved nothing. Close it in Excel, then try again.`);
  try {
    await mkdir(dir, { recursive: true });
  } catch (e) {
    throw new CliError(`Could not save '${target}': ${(e as NodeJS.ErrnoException).code ?? 'cannot make its folder'}.`);
  }
  await cleanStaleTemps(dir, target);
  const temp = path.join(dir, `${tempPrefix(target)}${process.pid}.tmp`);
  const release = await lock(path.join(dir, `.${path.basename(target)}.plan-monitor.lock`), target);
  // A signal mid-save must not leave the temporary file behind.
  const onSignal = (signal: NodeJS.Signals) => {
    try {
      unlinkSync(temp);
    } catch {
      // already gone
    }
    process.kill(process.pid, signal);
  };
  process.once('SIGINT', onSignal);
  process.once('SIGTERM', onSignal);
  try {
    await writeFile(temp, bytes);
    if (seen) await checkUnchanged(seen, target);
    await rename(temp, target);
  } catch (e) {
    await unlink(temp).catch(() => undefined);
    if (e instanceof CliError) throw e;
    throw new CliError(`Could not save '${target}': ${(e as NodeJS.ErrnoException).code ?? (e instanceof Error ? e.message : String(e))}. The file was not changed.`);
  } finally {
    process.off('SIGINT', onSignal);
    process.off('SIGTERM', onSignal);
    await release();
  }
}

async function checkUnchanged(seen: FileSeen, target: string): Promise<void> {
  const changed = () => new CliError(`'${target}' changed while Plan Monitor was working on it (saved by someone or something else), so Plan Monitor saved nothing, to keep that change. Run it again.`);
  let now;
  try {
    now = await stat(seen.file);
  } catch {
    throw changed();
  }
  if (now.size !== seen.size || now.mtimeMs !== seen.mtimeMs) throw changed();
  if (sha256(await readFile(seen.file)) !== seen.sha256) throw changed();
}
