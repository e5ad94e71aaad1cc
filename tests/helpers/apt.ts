import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';

export const isRootOnDebian = (): boolean => process.getuid?.() === 0 && existsSync('/etc/debian_version');

/** apt-get install as root on Debian, quietly; throws one line naming what to install otherwise. */
export function aptInstall(packages: string[], why: string): void {
  if (!isRootOnDebian()) throw new Error(`${why}: install ${packages.join(' ')} (apt-get install ${packages.join(' ')}).`);
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  for (const args of [['update', '-qq'], ['install', '-y', '-qq', '--no-install-recommends', ...packages]]) {
    // Test files run in parallel workers and may install at once: apt's own lock would fail the second,
    // so every install here waits its turn on one file lock.
    const r = spawnSync('flock', ['/tmp/plan-monitor-apt.lock', 'apt-get', ...args], { encoding: 'utf8', env, timeout: 900_000 });
    if (r.status !== 0) throw new Error(`${why}: apt-get ${args.join(' ')} failed (${(r.stderr || r.stdout || String(r.error)).trim().split('\n').pop()}).`);
  }
}

