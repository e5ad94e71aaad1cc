import { readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { addedMessage, describeProblem } from '../../../shared/app/messages';
import { addActions } from '../../../shared/app/use-cases';
import { describeAddProblem } from '../../../shared/add/add-messages';
import { csvList } from '../../../shared/add/csv';
import { csvText } from '../../host/csv-text';
import type { ActionList } from '../../../shared/add/plan-additions';
import type { SettingsInput } from '../../../shared/settings/settings';
import { localClock } from '../../host/local-clock';
import { planOptions, str, type Command } from '../command';
import { CliError } from '../errors';
import { loadPlan } from '../load-plan';
import { fileProblem, openWorkbook } from '../workbook-file/open-workbook';
import { checkExtension, saveTarget, saveWorkbook } from '../workbook-file/save-workbook';

const usage = 'plan-monitor add FILE --from LIST.xlsx|LIST.csv (--out OUT.xlsx | --in-place) [--sheet NAME] [--as-of DATE] [--settings FILE.json] [--json]';

/** The list of new actions: a CSV's rows, or the first sheet of a workbook. */
async function readList(file: string): Promise<ActionList> {
  if (path.extname(file).toLowerCase() === '.csv') {
    let bytes: Uint8Array;
    try {
      if ((await stat(file)).isDirectory()) throw new CliError(`'${file}' is a folder. Name the list (.csv or .xlsx) inside it.`);
      bytes = await readFile(file);
    } catch (e) {
      if (e instanceof CliError) throw e;
      throw new CliError(`Cannot open the list '${file}': no such file. Nothing was added.`);
    }
    const read = csvList(file, csvText(bytes));
    if (!read.ok) throw new CliError(`${describeAddProblem(read.problem)} Nothing was added.`);
    return read.list;
  }
  try {
    const { port } = await openWorkbook(file);
    const sheet = (await port.readWorkbook()).sheets[0];
    if (!sheet) throw new CliError(`'${file}' has no sheets. Nothing was added.`);
    return { file, grid: sheet.grid };
  } catch (e) {
    if (e instanceof CliError) throw new CliError(`${e.message.replace(/ Nothing was added\.$/, '')} Nothing was added.`);
    throw e;
  }
}

export const addCommand: Command = {
  name: 'add',
  description:
    "Add new actions (a peer review's recommendations) from a list, each under its theme (by number, name or a ref such as 3.x) with the theme's next free ref, in rows inserted after the theme's last row; the status for new work unless the list gives one. Each goes into the audit trail; actions already in the theme are not added again. One problem in the list and nothing is added.",
  usage,
  options: { ...planOptions, from: { type: 'string' }, out: { type: 'string' }, 'in-place': { type: 'boolean' } },
  async run(file, values, print) {
    const from = str(values, 'from');
    if (from === undefined) throw new CliError(`Name the list of new actions with --from. Usage: ${usage}`);
    const { target, inPlace } = saveTarget(file, values, 'add');
    const settingsFile = str(values, 'settings');
    // The plan is opened and checked first, so its problems are told as every command tells them.
    const { port, seen, run } = await loadPlan({ file, sheet: str(values, 'sheet'), asOf: str(values, 'as-of'), settingsFile });
    const list = await readList(from);
    const settingsOverride = settingsFile === undefined ? undefined : (JSON.parse(await readFile(settingsFile, 'utf8')) as SettingsInput);
    const sheet = run.checked.sheet;
    const out = await addActions(port, localClock, list, { asOf: run.checked.asOf, sheet, settingsOverride }).catch((e: unknown) => {
      throw fileProblem(file, e);
    });
    if (!out.ok) throw new CliError(describeProblem(out.problem));
    const result = out.value.result;
    const code = result.problems.length > 0 ? 1 : 0;

    // Saving over the plan when nothing was added would only touch the file: it is left as it is.
    const save = out.value.written || (!inPlace && result.problems.length === 0);
    if (save) {
      checkExtension(target, port.macroEnabled);
      await saveWorkbook(port.toBytes(), target, inPlace ? seen : null);
    }
    if (values.json) {
      print(
        JSON.stringify(
          {
            file: save ? target : null,
            sheet,
            list: from,
            added: result.added,
            alreadyInPlan: result.already,
            problems: result.problems.map((p) => ({ ...p, message: describeAddProblem(p) })),
            leftOut: result.leftOut,
            auditRows: out.value.written ? (result.audit?.added ?? 0) : 0,
          },
          null,
          2,
        ),
      );
      return code;
    }
    const lines = addedMessage(result);
    lines.push(save ? `Saved ${target}.` : result.problems.length > 0 ? `Nothing was saved: '${file}' is as it was.` : `Nothing to save: '${file}' is as it was.`);
    print(lines.join('\n'));
    return code;
  },
};
