import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { aptInstall } from './apt';

/** Debian's interpreter: its dist-packages (python3-openpyxl and friends) are not on a pyenv python3's path. */
export const debianPython = '/usr/bin/python3';

function canImport(modules: string[]): boolean {
  const r = spawnSync(debianPython, ['-c', modules.map((m) => `import ${m}`).join('; ')], { encoding: 'utf8' });
  return r.status === 0;
}

/**
 * Makes sure /usr/bin/python3 can import the given modules, installing their Debian packages
 * (python3-NAME) when we are root on Debian; otherwise throws one line saying what to install.
 */
export function ensureDebianPython(modules: string[]): string {
  if (existsSync(debianPython) && canImport(modules)) return debianPython;
  const packages = modules.map((m) => `python3-${m.toLowerCase()}`);
  aptInstall(existsSync(debianPython) ? packages : ['python3', ...packages], `${debianPython} cannot import ${modules.join(', ')}`);
  if (!canImport(modules)) throw new Error(`${debianPython} still cannot import ${modules.join(', ')} after installing ${packages.join(' ')}.`);
  return debianPython;
}
