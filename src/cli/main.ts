import { parseArgs } from 'node:util';
import { addCommand } from './commands/add';
import { applyCommand } from './commands/apply';
import { carryCommand } from './commands/carry';
import { chaseCommand } from './commands/chase';
import { checkCommand } from './commands/check';
import { mergeCommand } from './commands/merge';
import { reportCommand } from './commands/report';
import { requestsCommand } from './commands/requests';
import { snapshotCommand } from './commands/snapshot';
import { summaryCommand } from './commands/summary';
import type { Command } from './command';
import { CliError } from './errors';

const commands: Command[] = [checkCommand, summaryCommand, applyCommand, snapshotCommand, reportCommand, chaseCommand, requestsCommand, mergeCommand, addCommand, carryCommand];

function help(): string {
  return [
    'plan-monitor — checks an improvement-plan monitoring sheet, colours its statuses and builds the committee summary.',
    '',
    'Usage:',
    ...commands.map((c) => `  ${c.usage}\n      ${c.description}`),
    '',
    'Options: -h, --help (this help; after a command, its own), -V, --version.',
    'Exit codes: 0 done (check: no errors), 1 check found errors or merge left conflicts or refusals, 2 a problem with the command or the file.',
  ].join('\n');
}

/** Set by the build from package.json; tests running the source see 'development'. */
declare const PLAN_MONITOR_VERSION: string | undefined;
const version = typeof PLAN_MONITOR_VERSION === 'string' ? PLAN_MONITOR_VERSION : 'development';

async function run(argv: string[], print: (text: string) => void, printError: (text: string) => void): Promise<number> {
  const [name, ...rest] = argv;
  if (name === '--help' || name === '-h' || name === 'help') {
    print(help());
    return 0;
  }
  if (name === '--version' || name === '-V') {
    print(`plan-monitor ${version}`);
    return 0;
  }
  // No command is a usage error: the help goes to stderr, with exit 2, as for any other.
  if (name === undefined) {
    printError(help());
    return 2;
  }
  const command = commands.find((c) => c.name === name);
  if (!command) throw new CliError(`Unknown command '${name}'. Commands: ${commands.map((c) => c.name).join(', ')}. Try plan-monitor --help.`);
  let parsed;
  try {
    parsed = parseArgs({ args: rest, options: { ...command.options, help: { type: 'boolean', short: 'h' } }, allowPositionals: true, strict: true });
  } catch (e) {
    throw new CliError(`${e instanceof Error ? e.message.replace(/\. To specify.*$/s, '') : String(e)}. Usage: ${command.usage}`);
  }
  if (parsed.values.help) {
    print(`${command.usage}\n  ${command.description}`);
    return 0;
  }
  const [file, ...extra] = parsed.positionals;
  if (file === undefined) throw new CliError(`Name the workbook. Usage: ${command.usage}`);
  if (extra.length > 0 && !command.morePositionals) throw new CliError(`Unexpected argument '${extra[0]}'. Usage: ${command.usage}`);
  return command.run(file, parsed.values, print, extra);
}

/** The one top-level handler: every failure becomes one plain line on stderr and an exit code, never a stack trace. */
export async function main(argv: string[]): Promise<number> {
  try {
    return await run(
      argv,
      (text) => process.stdout.write(`${text}\n`),
      (text) => process.stderr.write(`${text}\n`),
    );
  } catch (e) {
    if (e instanceof CliError) {
      process.stderr.write(`plan-monitor: ${e.message}\n`);
      return e.exitCode;
    }
    process.stderr.write(`plan-monitor: something unexpected went wrong (${e instanceof Error ? e.message : String(e)}). Nothing was saved.\n`);
    return 2;
  }
}
