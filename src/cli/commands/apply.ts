import { notesOf } from '../../../shared/app/messages';
import { planEdits } from '../../../shared/run/prepare-run';
import { planOptions, str, type Command } from '../command';
import { headline, statusTableText } from '../format/report-text';
import { loadPlan } from '../load-plan';
import { fileProblem } from '../workbook-file/open-workbook';
import { checkExtension, saveTarget, saveWorkbook } from '../workbook-file/save-workbook';

export const applyCommand: Command = {
  name: 'apply',
  description: 'Colour the status cells and write the summary sheet, then save (to --out, or over FILE with --in-place).',
  usage: 'plan-monitor apply FILE (--out OUT.xlsx | --in-place) [--sheet NAME] [--as-of DATE] [--settings FILE.json] [--json]',
  options: { ...planOptions, out: { type: 'string' }, 'in-place': { type: 'boolean' } },
  async run(file, values, print) {
    const { target, inPlace } = saveTarget(file, values, 'apply');
    const { port, seen, run } = await loadPlan({ file, sheet: str(values, 'sheet'), asOf: str(values, 'as-of'), settingsFile: str(values, 'settings') });
    const checked = run.checked;
    const plan = planEdits(run, { colours: true, summary: true });
    // The port refuses a protected sheet before any write, and nothing is saved: say so as the user's problem, not a crash.
    checkExtension(target, port.macroEnabled);
    const report = await port.applyEditPlan(plan).catch((e: unknown) => {
      throw fileProblem(file, e);
    });
    await saveWorkbook(port.toBytes(), target, inPlace ? seen : null);

    const coloured = report.colouredCells;
    if (values.json) {
      print(JSON.stringify({ file: target, sheet: checked.sheet, coloured, summarySheet: plan.summary?.name ?? null, renamed: plan.summaryChoice?.renamed ?? false, errors: checked.errors, warnings: checked.warnings, notes: run.notes }, null, 2));
      return 0;
    }
    const lines = [headline(checked), ...notesOf(run), `Coloured ${coloured} status cells on '${checked.sheet}' and wrote the summary to sheet '${plan.summary?.name}'.`];
    if (plan.summaryChoice?.renamed) lines.push(`A sheet called '${plan.summaryChoice.wanted}' already exists and was not made by Plan Monitor, so it was left alone and the summary went to '${plan.summaryChoice.name}'.`);
    lines.push(`Saved ${target}.`, '', statusTableText(checked));
    if (checked.errors > 0) lines.push(`Run 'plan-monitor check ${file}' to see the ${checked.errors} errors.`);
    print(lines.join('\n'));
    return 0;
  },
};
