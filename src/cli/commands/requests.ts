import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { parseAsOf } from '../../../shared/app/run-options';
import { formatDay } from '../../../shared/dates/format-date';
import { updateRequests } from '../../../shared/requests/update-request';
import { plural } from '../../../shared/text/plural';
import { formWorkbook } from '../../xlsx/new-workbook/form-workbook';
import { planOptions, str, type Command } from '../command';
import { CliError } from '../errors';
import { loadPlan } from '../load-plan';
import { nodeCodec } from '../workbook-file/node-codec';

export const requestsCommand: Command = {
  name: 'requests',
  description: 'Write one small workbook per lead officer with every action they lead that is not complete, for them to update (status, revised date, commentary) and send back; bring the replies in with plan-monitor merge.',
  usage: 'plan-monitor requests FILE --out DIR [--reply-by DATE] [--sheet NAME] [--as-of DATE] [--settings FILE.json] [--json]',
  options: { ...planOptions, out: { type: 'string' }, 'reply-by': { type: 'string' } },
  async run(file, values, print) {
    const dir = str(values, 'out');
    if (dir === undefined) throw new CliError('requests needs --out DIR, the folder to write the request workbooks into.');
    const byFlag = str(values, 'reply-by');
    const replyBy = byFlag === undefined ? undefined : parseAsOf(byFlag);
    if (replyBy === null) throw new CliError(`--reply-by must be a date written as YYYY-MM-DD or DD/MM/YYYY, such as 2018-10-12 (got '${byFlag}').`);
    const { run } = await loadPlan({ file, sheet: str(values, 'sheet'), asOf: str(values, 'as-of'), settingsFile: str(values, 'settings') });
    const requests = updateRequests(run, { replyBy });
    const written: string[] = [];
    try {
      await mkdir(dir, { recursive: true });
      for (const r of requests) {
        const target = path.join(dir, r.file);
        await writeFile(target, formWorkbook(r.form, nodeCodec));
        written.push(target);
      }
    } catch (e) {
      throw new CliError(`Could not write the requests into '${dir}': ${(e as NodeJS.ErrnoException).code ?? (e instanceof Error ? e.message : String(e))}.`);
    }
    const c = run.checked;
    if (values.json) {
      print(JSON.stringify({ sheet: c.sheet, asOf: formatDay(c.asOf), replyBy: formatDay(replyBy ?? c.asOf), requests: requests.map((r, i) => ({ officer: r.officer, actions: r.actions, file: written[i] })) }, null, 2));
      return 0;
    }
    const actions = requests.reduce((n, r) => n + r.actions, 0);
    const lines = [`'${c.sheet}' as of ${formatDay(c.asOf)}: ${plural(actions, 'action')} not complete, led by ${plural(requests.length, 'lead officer')}.`];
    for (const r of requests) lines.push(`  ${r.file}  ${r.officer ?? '(no lead officer)'}: ${plural(r.actions, 'action')}`);
    lines.push(
      requests.length > 0
        ? `Wrote ${plural(requests.length, 'request')} to ${dir}. Send each to its officer; when they come back, run 'plan-monitor merge ${file} REPLY.xlsx… --out OUT.xlsx'.`
        : 'Every action is complete: there is nothing to ask for.',
    );
    print(lines.join('\n'));
    return 0;
  },
};
