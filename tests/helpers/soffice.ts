/**
 * LibreOffice for tests: found on this machine, or installed from Debian when we may, never skipped.
 */
import { spawnSync } from 'node:child_process';
import { accessSync, constants, existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { aptInstall, isRootOnDebian } from './apt';

const KNOWN = ['/usr/bin/soffice', '/usr/lib/libreoffice/program/soffice'];
const DEBIAN_PACKAGE = 'libreoffice-calc-nogui';

function executable(file: string): boolean {
  try {
    accessSync(file, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

function locate(): string | undefined {
  for (const dir of (process.env.PATH ?? '').split(path.delimiter)) {
    if (dir && executable(path.join(dir, 'soffice'))) return path.join(dir, 'soffice');
  }
  return KNOWN.find(executable);
}

let found: string | undefined;

/**
 * The soffice binary. Missing: as root on Debian/Ubuntu, apt-get installs libreoffice-calc-nogui
 * (which can take minutes: give the calling hook a long timeout); otherwise one line saying what to install.
 */
export function findSoffice(): string {
  found ??= locate();
  if (found) return found;
  if (isRootOnDebian()) {
    aptInstall([DEBIAN_PACKAGE], 'LibreOffice (soffice) not found');
    found = locate();
    if (found) return found;
    throw new Error(`Installed ${DEBIAN_PACKAGE} but still no soffice on PATH or in ${KNOWN.join(', ')}.`);
  }
  throw new Error(
    existsSync('/etc/debian_version')
      ? `LibreOffice (soffice) not found: run 'sudo apt-get install ${DEBIAN_PACKAGE}'.`
      : 'LibreOffice (soffice) not found: install LibreOffice 7.2 or later (https://www.libreoffice.org/download/) and put soffice on PATH.',
  );
}

/** soffice --version, e.g. { text: 'LibreOffice 7.4.7.2 …', major: 7, minor: 4 }. */
export function sofficeVersion(soffice: string): { text: string; major: number; minor: number } {
  const r = spawnSync(soffice, ['--version'], { encoding: 'utf8', timeout: 60_000 });
  const text = (r.stdout ?? '').trim();
  const m = /(\d+)\.(\d+)/.exec(text);
  if (r.status !== 0 || !m) throw new Error(`'${soffice} --version' failed: ${(r.stderr || text || String(r.error)).trim()}`);
  return { text, major: Number(m[1]), minor: Number(m[2]) };
}

export interface Conversion {
  status: number | null;
  stdout: string;
  stderr: string;
}

/**
 * One `soffice --headless --convert-to FILTER --outdir DIR files…` run, in a private profile so
 * it neither clashes with a user's LibreOffice nor trips on a stale lock.
 */
export function convertWithSoffice(soffice: string, filter: string, files: string[], outDir: string, timeoutMs = 300_000): Conversion {
  const profile = mkdtempSync(path.join(tmpdir(), 'plan-monitor-lo-profile-'));
  try {
    const r = spawnSync(soffice, [`-env:UserInstallation=${pathToFileURL(profile).href}`, '--headless', '--norestore', '--nolockcheck', '--convert-to', filter, '--outdir', outDir, ...files], {
      encoding: 'utf8',
      timeout: timeoutMs,
    });
    return { status: r.status, stdout: r.stdout ?? '', stderr: `${r.stderr ?? ''}${r.error ? ` ${r.error.message}` : ''}` };
  } finally {
    rmSync(profile, { recursive: true, force: true });
  }
}
