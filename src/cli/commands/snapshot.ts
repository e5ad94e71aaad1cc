import { describeProblem } from '../../../shared/app/messages';
import { periodToRecord } from '../../../shared/app/use-cases';
import { localClock } from '../../host/local-clock';
import { planOptions, str, type Command } from '../command';
import { CliError } from '../errors';
import { loadPlan } from '../load-plan';
import { fileProblem } from '../workbook-file/open-workbook';
import { checkExtension, saveTarget, saveWorkbook } from '../workbook-file/save-workbook';
import { formatDay } from '../../../shared/dates/format-date';

export const snapshotCommand: Command = {
  name: 'snapshot',
  description: 'Record the plan as it stands as a period (e.g. "Sept 2018") in the workbook’s history sheet, then save. Recording a label again replaces it.',
  usage: 'plan-monitor snapshot FILE --period LABEL (--out OUT.xlsx | --in-place) [--sheet NAME] [--as-of DATE] [--settings FILE.json]',
  options: { ...planOptions, period: { type: 'string' }, out: { type: 'string' }, 'in-place': { type: 'boolean' } },
  async run(file, values, print) {
    const label = str(values, 'period');
    if (label === undefined) throw new CliError('snapshot needs --period LABEL, such as --period "Sept 2018".');
    const { target, inPlace } = saveTarget(file, values, 'snapshot');
    const { port, seen, run } = await loadPlan({ file, sheet: str(values, 'sheet'), asOf: str(values, 'as-of'), settingsFile: str(values, 'settings') });
    // Recording a label again replaces it, as the usage says.
    const result = periodToRecord(run, label, true, localClock);
    if (!result.ok) throw new CliError(describeProblem(result.problem));
    const recorded = result.value;
    checkExtension(target, port.macroEnabled);
    await port.writeHiddenSheet(recorded.sheet, recorded.rows).catch((e: unknown) => {
      throw fileProblem(file, e);
    });
    if (recorded.audit) {
      const audit = recorded.audit;
      await port.writeHiddenSheet(audit.sheet, audit.rows).catch((e: unknown) => {
        throw fileProblem(file, e);
      });
    }
    await saveWorkbook(port.toBytes(), target, inPlace ? seen : null);
    print(`${recorded.replaced ? 'Replaced' : 'Recorded'} period “${label.trim()}”: ${recorded.actions} actions as of ${formatDay(run.checked.asOf)}, in the hidden sheet '${recorded.sheet}'. Saved ${target}.`);
    return 0;
  },
};
