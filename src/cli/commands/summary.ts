import { notesOf } from '../../../shared/app/messages';
import { jsonReport } from '../../../shared/report/json-report';
import { planOptions, str, type Command } from '../command';
import { headline, summaryText } from '../format/report-text';
import { loadPlan } from '../load-plan';

export const summaryCommand: Command = {
  name: 'summary',
  description: 'Print the summary tables: status counts, themes, slipped, overdue, due soon, not started, leads.',
  usage: 'plan-monitor summary FILE [--sheet NAME] [--as-of DATE] [--settings FILE.json] [--json]',
  options: planOptions,
  async run(file, values, print) {
    const { run } = await loadPlan({ file, sheet: str(values, 'sheet'), asOf: str(values, 'as-of'), settingsFile: str(values, 'settings') });
    const checked = run.checked;
    if (values.json) print(JSON.stringify({ ...jsonReport(run), asOfSource: run.asOfSource, notes: run.notes, noteData: run.noteData }, null, 2));
    else print([headline(checked), ...notesOf(run), '', summaryText(checked, run.settings.dueSoonDays)].join('\n'));
    return 0;
  },
};
