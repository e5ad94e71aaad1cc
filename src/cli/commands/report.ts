import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { renderHtmlReport } from '../../../shared/report/html-report';
import { planOptions, str, type Command } from '../command';
import { CliError } from '../errors';
import { loadPlan } from '../load-plan';

export const reportCommand: Command = {
  name: 'report',
  description: 'Write the committee report: one self-contained HTML page (period comparison, themes with a chart, changes, slipped / overdue / not-started lists), printable to A4.',
  usage: 'plan-monitor report FILE --html OUT.html [--sheet NAME] [--as-of DATE] [--settings FILE.json] [--title TEXT]',
  options: { ...planOptions, html: { type: 'string' }, title: { type: 'string' } },
  async run(file, values, print) {
    const out = str(values, 'html');
    if (out === undefined) throw new CliError('report needs --html OUT.html.');
    if (!/\.html?$/i.test(out)) throw new CliError(`--html must name an .html file (got '${out}').`);
    const { run } = await loadPlan({ file, sheet: str(values, 'sheet'), asOf: str(values, 'as-of'), settingsFile: str(values, 'settings') });
    const title = str(values, 'title');
    const html = renderHtmlReport(run, title !== undefined ? { title } : {});
    try {
      await mkdir(path.dirname(path.resolve(out)), { recursive: true });
      await writeFile(out, html, 'utf8');
    } catch (e) {
      throw new CliError(`Could not write '${out}': ${e instanceof Error ? e.message : String(e)}.`);
    }
    print(`Wrote the committee report for '${run.checked.sheet}' to ${out}. Open it in a browser to print (A4) or copy the tables into Word.`);
    return 0;
  },
};
