// plan-monitor chase on the sample plan, end to end: the list, the JSON and the .eml drafts.
import { spawnSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { tempDir } from '../helpers/xlsx';

const root = path.resolve(__dirname, '../..');
const sample = path.join(root, 'samples/cip-monitoring-sept-2018.xlsx');
const cli = (...args: string[]) => {
  const r = spawnSync(process.execPath, [path.join(root, 'bin/plan-monitor.cjs'), ...args], { encoding: 'utf8' });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
};

describe('plan-monitor chase', () => {
  it('lists each lead officer with the actions to chase and why', () => {
    const r = cli('chase', sample, '--as-of', '2018-09-30');
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.stdout).toBe("'CIP Monitoring' as of 30/09/2018: 1 action to chase with 1 lead officer.\n\nDirector of HR and OD: 1 overdue\n  6.4    H49   overdue\n");
  });

  it('writes one draft per officer that Outlook opens unsent, and says where', () => {
    const dir = tempDir();
    const r = cli('chase', sample, '--as-of', '2018-09-30', '--eml', dir);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain(`Wrote 1 draft to ${dir}: open each in Outlook to check and send.`);
    expect(readdirSync(dir)).toEqual(['01-director-of-hr-and-od.eml']);
    const eml = readFileSync(path.join(dir, '01-director-of-hr-and-od.eml'), 'utf8');
    const [head = '', body = ''] = eml.split('\r\n\r\n');
    expect(head.split('\r\n')[0]).toBe('X-Unsent: 1');
    const text = Buffer.from(body.replace(/\r\n/g, ''), 'base64').toString('utf8');
    expect(text.split('\r\n').slice(0, 6)).toEqual([
      'Dear Director of HR and OD,',
      '',
      "One action you lead in 'CIP Monitoring' needs an update for the position as of 30/09/2018. For each, please send the status, any revised date and a line of commentary.",
      '',
      'Overdue (1)',
      expect.stringMatching(/^- 6\.4 Produce a Workforce .* \(due 31\/08\/2018, 30 days overdue\)\. Status: On track\.$/),
    ]);
  });

  it('gives the lists and drafts as JSON', () => {
    const j = JSON.parse(cli('chase', sample, '--as-of', '2018-09-30', '--json').stdout) as { officers: { officer: string; counts: Record<string, number>; items: { ref: string; cell: string; reasons: string[] }[]; draft: { subject: string } }[] };
    expect(j.officers.map((o) => [o.officer, o.items.map((i) => [i.ref, i.cell, i.reasons]), o.draft.subject])).toEqual([
      ['Director of HR and OD', [['6.4', 'H49', ['overdue']]], 'Improvement plan update needed: 1 action as of 30/09/2018'],
    ]);
  });

  it('says plainly when the drafts cannot be written', () => {
    const r = cli('chase', sample, '--as-of', '2018-09-30', '--eml', sample);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^plan-monitor: Could not write the drafts into '.*cip-monitoring-sept-2018\.xlsx': E[A-Z]+\.\n$/);
  });
});
