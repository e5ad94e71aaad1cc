import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { aptInstall } from '../../helpers/python';

// A small finder of our own: tests/helpers/soffice.ts did not exist when this was written.
const candidates = ['/usr/bin/soffice', '/usr/lib/libreoffice/program/soffice', '/opt/libreoffice/program/soffice'];

function onPath(): string | null {
  const r = spawnSync('sh', ['-c', 'command -v soffice'], { encoding: 'utf8' });
  const found = r.stdout.trim();
  return r.status === 0 && found ? found : null;
}

/** LibreOffice's soffice, installed from Debian (libreoffice-calc-nogui) when missing and we are root. */
export function findSoffice(): string {
  const found = onPath() ?? candidates.find((c) => existsSync(c));
  if (found) return found;
  aptInstall(['libreoffice-calc-nogui'], 'LibreOffice (soffice) not found');
  const installed = onPath() ?? candidates.find((c) => existsSync(c));
  if (!installed) throw new Error('LibreOffice (soffice) still not found after installing libreoffice-calc-nogui.');
  return installed;
}

/**
 * soffice --headless --convert-to FORMAT for some files, into outDir (same base names, new extension).
 * A private profile per call: a user's running LibreOffice or a stale lock cannot block it.
 */
export function convertWithSoffice(soffice: string, format: string, files: string[], outDir: string): void {
  const profile = mkdtempSync(path.join(tmpdir(), 'plan-monitor-lo-'));
  try {
    const r = spawnSync(
      soffice,
      [`-env:UserInstallation=${pathToFileURL(profile).href}`, '--headless', '--norestore', '--nolockcheck', '--convert-to', format, '--outdir', outDir, ...files],
      { encoding: 'utf8', timeout: 120_000 },
    );
    const missing = files.map((f) => path.join(outDir, `${path.parse(f).name}.${format}`)).filter((f) => !existsSync(f));
    if (r.status !== 0 || missing.length > 0) {
      throw new Error(`soffice --convert-to ${format} failed (exit ${r.status}${r.error ? `, ${r.error.message}` : ''}); missing ${missing.join(', ')}. ${r.stderr.trim()}`);
    }
  } finally {
    rmSync(profile, { recursive: true, force: true });
  }
}
