import { existsSync } from 'node:fs';
import path from 'node:path';
import { carryForward, type CarryResult } from '../../../shared/carry/carry-forward';
import { carriedMessage, describeCarryNote } from '../../../shared/carry/carry-messages';
import { formatDay } from '../../../shared/dates/format-date';
import { localClock } from '../../host/local-clock';
import { planWorkbook } from '../../xlsx/new-workbook/plan-workbook';
import { planOptions, str, type Command } from '../command';
import { CliError } from '../errors';
import { loadPlan } from '../load-plan';
import { nodeCodec } from '../workbook-file/node-codec';
import { saveWorkbook } from '../workbook-file/save-workbook';

const usage = 'plan-monitor carry FILE --out NEW.xlsx [--renumber] [--sheet NAME] [--as-of DATE] [--settings FILE.json] [--json]';

/**
 * The next plan is a file people go on to edit, so carry never writes over one: running it again
 * by mistake must not lose a quarter's work on the new plan. (apply and merge write a copy of FILE
 * that can always be made again; this is not one.)
 */
function refuseExisting(target: string): void {
  if (existsSync(target)) throw new CliError(`'${target}' already exists. carry starts a new plan and never writes over a file: name another --out, or move that file away first.`);
}

function checkTarget(file: string, out: string | undefined): string {
  if (out === undefined) throw new CliError(`carry needs --out NEW.xlsx, the new workbook to start the next plan in. Usage: ${usage}`);
  if (!/\.xlsx$/i.test(out)) throw new CliError(`--out must name an .xlsx file (got '${out}').`);
  if (path.resolve(out) === path.resolve(file)) throw new CliError(`--out names the plan itself ('${file}'). carry leaves the old plan as it is and starts the next one in a new file: name another --out.`);
  refuseExisting(out);
  return out;
}

function json(r: CarryResult, file: string, target: string): string {
  return JSON.stringify(
    {
      file: target,
      from: file,
      sheet: r.sheet,
      asOf: formatDay(r.asOf),
      renumbered: r.renumbered,
      actions: r.actions,
      milestones: r.milestones,
      themes: r.themes,
      refs: r.refs,
      history: r.history,
      audit: r.audit,
      notes: r.notes.map((n) => ({ ...n, message: describeCarryNote(n) })),
    },
    null,
    2,
  );
}

export const carryCommand: Command = {
  name: 'carry',
  description:
    'Close the plan and start the next one: write a new workbook with the actions not complete (their milestones with them) under their themes, every column as it stood, refs kept or, with --renumber, renumbered 1.1, 1.2… (what each action waits on rewritten to match), and each action’s history and audit trail carried in the tool’s hidden sheets. FILE is not changed.',
  usage,
  options: { ...planOptions, out: { type: 'string' }, renumber: { type: 'boolean' } },
  async run(file, values, print) {
    const target = checkTarget(file, str(values, 'out'));
    const { run } = await loadPlan({ file, sheet: str(values, 'sheet'), asOf: str(values, 'as-of'), settingsFile: str(values, 'settings') });
    const result = carryForward(run, { renumber: values.renumber === true, source: path.basename(file), now: localClock.now() });
    const bytes = planWorkbook(result.workbook, nodeCodec);
    // Looked at again just before saving: the file may have appeared while the plan was read.
    refuseExisting(target);
    await saveWorkbook(bytes, target, null);
    if (values.json) {
      print(json(result, file, target));
      return 0;
    }
    print([...carriedMessage(result, target), `Saved ${target}.`].join('\n'));
    return 0;
  },
};
