import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { chaseDraft, emlMessage } from '../../../shared/chase/chase-draft';
import { chaseLists, chaseReasons, type ChaseReason, type OfficerChase } from '../../../shared/chase/chase-list';
import { formatDay } from '../../../shared/dates/format-date';
import { officerFileName } from '../../../shared/requests/officer-file-name';
import { plural } from '../../../shared/text/plural';
import { planOptions, str, type Command } from '../command';
import { CliError } from '../errors';
import { loadPlan } from '../load-plan';

const reasonWords: Record<ChaseReason, string> = {
  overdue: 'overdue',
  'slipped-no-revised-date': 'slipped with no revised date',
  'not-started-past-start': 'not started though due to have begun',
  'due-soon': 'due soon',
  'commentary-unchanged': 'commentary unchanged',
};

function countsText(chase: OfficerChase): string {
  return chaseReasons.filter((r) => chase.counts[r] > 0).map((r) => `${chase.counts[r]} ${reasonWords[r]}`).join(', ');
}

export const chaseCommand: Command = {
  name: 'chase',
  description: 'List, per lead officer, the actions that need their update (overdue, slipped with no revised date, not started, due soon, commentary unchanged); with --eml, write one draft e-mail per officer that opens unsent in Outlook.',
  usage: 'plan-monitor chase FILE [--eml DIR] [--sheet NAME] [--as-of DATE] [--settings FILE.json] [--json]',
  options: { ...planOptions, eml: { type: 'string' } },
  async run(file, values, print) {
    const { run } = await loadPlan({ file, sheet: str(values, 'sheet'), asOf: str(values, 'as-of'), settingsFile: str(values, 'settings') });
    const c = run.checked;
    const lists = chaseLists(run);
    const ctx = { sheet: c.sheet, asOf: c.asOf, dueSoonDays: run.settings.dueSoonDays, previousPeriod: run.comparison.previousLabel };
    const drafts = lists.map((l) => chaseDraft(l, ctx));
    const dir = str(values, 'eml');
    const written: string[] = [];
    if (dir !== undefined) {
      try {
        await mkdir(dir, { recursive: true });
        for (const [i, l] of lists.entries()) {
          const target = path.join(dir, officerFileName(l.officer, i, 'eml'));
          await writeFile(target, emlMessage(drafts[i] ?? { to: null, subject: '', body: '' }), 'utf8');
          written.push(target);
        }
      } catch (e) {
        throw new CliError(`Could not write the drafts into '${dir}': ${(e as NodeJS.ErrnoException).code ?? (e instanceof Error ? e.message : String(e))}.`);
      }
    }
    if (values.json) {
      print(JSON.stringify({ sheet: c.sheet, asOf: formatDay(c.asOf), officers: lists.map((l, i) => ({ ...l, draft: drafts[i], file: written[i] ?? null })) }, null, 2));
      return 0;
    }
    const actions = lists.reduce((n, l) => n + l.items.length, 0);
    const lines = [`'${c.sheet}' as of ${formatDay(c.asOf)}: ${plural(actions, 'action')} to chase with ${plural(lists.length, 'lead officer')}.`];
    for (const l of lists) {
      lines.push('', `${l.officer ?? '(no lead officer)'}${l.email ? ` <${l.email}>` : ''}: ${countsText(l)}`);
      for (const item of l.items) lines.push(`  ${(item.ref ?? `row ${item.row}`).padEnd(6)} ${item.cell.padEnd(5)} ${item.reasons.map((r) => reasonWords[r]).join('; ')}`);
    }
    if (written.length > 0) lines.push('', `Wrote ${plural(written.length, 'draft')} to ${dir}: open each in Outlook to check and send.`);
    print(lines.join('\n'));
    return 0;
  },
};
