import { notesOf } from '../../../shared/app/messages';
import { jsonReport } from '../../../shared/report/json-report';
import { planOptions, str, type Command } from '../command';
import { findingsText, headline, overdueText } from '../format/report-text';
import { loadPlan } from '../load-plan';

export const checkCommand: Command = {
  name: 'check',
  description: 'Check the plan: list problems and overdue actions. Exit 1 when there are errors.',
  usage: 'plan-monitor check FILE [--sheet NAME] [--as-of DATE] [--settings FILE.json] [--json]',
  options: planOptions,
  async run(file, values, print) {
    const { run } = await loadPlan({ file, sheet: str(values, 'sheet'), asOf: str(values, 'as-of'), settingsFile: str(values, 'settings') });
    const checked = run.checked;
    if (values.json) print(JSON.stringify({ ...jsonReport(run), asOfSource: run.asOfSource, notes: run.notes, noteData: run.noteData }, null, 2));
    else print([headline(checked), ...notesOf(run), '', findingsText(checked), overdueText(checked, run.settings.dueSoonDays)].join('\n'));
    return checked.errors > 0 ? 1 : 0;
  },
};
