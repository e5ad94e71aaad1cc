import { readFile } from 'node:fs/promises';
import { describeProblem, mergedMessage } from '../../../shared/app/messages';
import { mergeReplyFiles, type ReplyWorkbook } from '../../../shared/app/use-cases';
import { describeConflict, describeMergeProblem, mergeReport } from '../../../shared/merge/merge-messages';
import type { SettingsInput } from '../../../shared/settings/settings';
import { localClock } from '../../host/local-clock';
import { planOptions, str, type Command } from '../command';
import { CliError } from '../errors';
import { loadPlan } from '../load-plan';
import { fileProblem, openWorkbook } from '../workbook-file/open-workbook';
import { checkExtension, saveTarget, saveWorkbook } from '../workbook-file/save-workbook';

const usage = 'plan-monitor merge FILE REPLY.xlsx… (--out OUT.xlsx | --in-place) [--sheet NAME] [--as-of DATE] [--settings FILE.json] [--json]';

/** Every reply read before anything is written: one that cannot be read stops the whole run. */
async function readReplies(files: readonly string[]): Promise<ReplyWorkbook[]> {
  const out: ReplyWorkbook[] = [];
  for (const file of files) {
    try {
      const { port } = await openWorkbook(file);
      out.push({ name: file, workbook: await port.readWorkbook() });
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
    const settingsFile = str(values, 'settings');
    // The plan is opened and checked first, so its problems are told as every command tells them.
    const { port, seen, run } = await loadPlan({ file, sheet: str(values, 'sheet'), asOf: str(values, 'as-of'), settingsFile });
    const replies = await readReplies(replyFiles);
    const settingsOverride = settingsFile === undefined ? undefined : (JSON.parse(await readFile(settingsFile, 'utf8')) as SettingsInput);
    const sheet = run.checked.sheet;
    const merged = await mergeReplyFiles(port, localClock, replies, { asOf: run.checked.asOf, sheet, settingsOverride }).catch((e: unknown) => {
      throw fileProblem(file, e);
    });
    if (!merged.ok) throw new CliError(describeProblem(merged.problem));
    const result = merged.value.result;
    if (result.unreadable.length > 0) throw new CliError(mergeReport(result).join('\n'));

    // Saving over the plan when nothing changed would only touch the file: it is left as it is.
    const save = result.edits.length > 0 || !inPlace;
    if (save) {
      checkExtension(target, port.macroEnabled);
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
    const lines = mergedMessage(result);
    lines.push(save ? `Saved ${target}.` : `Nothing to save: '${file}' is as it was.`);
    print(lines.join('\n'));
    return code;
  },
};
