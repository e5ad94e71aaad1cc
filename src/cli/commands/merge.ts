import { mergeReplies, type ReplyInput } from '../../../shared/merge/merge-replies';
import { describeConflict, describeMergeProblem, mergeReport } from '../../../shared/merge/merge-messages';
import { plural } from '../../../shared/text/plural';
import { localClock } from '../../host/local-clock';
import { planOptions, str, type Command } from '../command';
import { CliError } from '../errors';
import { loadPlan } from '../load-plan';
import { fileProblem, openWorkbook } from '../workbook-file/open-workbook';
import { checkExtension, saveTarget, saveWorkbook } from '../workbook-file/save-workbook';

const usage = 'plan-monitor merge FILE REPLY.xlsx… (--out OUT.xlsx | --in-place) [--sheet NAME] [--as-of DATE] [--settings FILE.json] [--json]';

/** Every reply read before anything is written: one that cannot be read stops the whole run. */
async function readReplies(files: readonly string[]): Promise<ReplyInput[]> {
  const out: ReplyInput[] = [];
  for (const file of files) {
    try {
      const { port } = await openWorkbook(file);
      out.push({ file, workbook: await port.readWorkbook() });
    } catch (e) {
      if (e instanceof CliError) throw new CliError(`${e.message} Nothing was merged.`);
      throw e;
    }
  }
  return out;
}

export const mergeCommand: Command = {
  name: 'merge',
  description:
    'Bring the replies to update requests into the plan: status, revised date and commentary, changing only those cells. Changes made in the plan since the request are listed as conflicts, not overwritten; what cannot be placed is listed with its cell. Each change goes into the audit trail.',
  usage,
  options: { ...planOptions, out: { type: 'string' }, 'in-place': { type: 'boolean' } },
  morePositionals: true,
  async run(file, values, print, replyFiles = []) {
    if (replyFiles.length === 0) throw new CliError(`Name the replies to merge. Usage: ${usage}`);
    const { target, inPlace } = saveTarget(file, values, 'merge');
    const { port, seen, run } = await loadPlan({ file, sheet: str(values, 'sheet'), asOf: str(values, 'as-of'), settingsFile: str(values, 'settings') });
    const replies = await readReplies(replyFiles);
    const sheet = run.checked.sheet;
    const result = mergeReplies(run, replies, { when: localClock.now(), formulaCells: port.formulaCells(sheet) });
    if (result.unreadable.length > 0) throw new CliError(mergeReport(result).join('\n'));

    // Saving over the plan when nothing changed would only touch the file: it is left as it is.
    const save = result.edits.length > 0 || !inPlace;
    if (save) {
      checkExtension(target, port.macroEnabled);
      try {
        await port.setCellValues(sheet, result.edits);
        if (result.audit) await port.writeHiddenSheet(result.audit.sheet, result.audit.rows);
      } catch (e) {
        throw fileProblem(file, e);
      }
      await saveWorkbook(port.toBytes(), target, inPlace ? seen : null);
    }
    const code = result.conflicts.length > 0 || result.refused.length > 0 ? 1 : 0;
    if (values.json) {
      print(
        JSON.stringify(
          {
            file: save ? target : null,
            sheet,
            replies: replyFiles,
            merged: result.changes,
            conflicts: result.conflicts.map((c) => ({ ...c, message: describeConflict(c) })),
            refused: result.refused.map((p) => ({ ...p, message: describeMergeProblem(p) })),
            auditRows: result.audit?.added ?? 0,
          },
          null,
          2,
        ),
      );
      return code;
    }
    const lines = mergeReport(result);
    if (result.audit) lines.push('', `Added ${plural(result.audit.added, 'row')} to the audit trail (hidden sheet '${result.audit.sheet}').`);
    lines.push(save ? `Saved ${target}.` : `Nothing to save: '${file}' is as it was.`);
    print(lines.join('\n'));
    return code;
  },
};
