import { vi } from 'vitest';
import { main } from '../../../src/cli/main';
import { MONITORING_SHEET } from './inject-plan';

export interface CliRun {
  code: number;
  stdout: string;
  stderr: string;
}

const chunkText = (chunk: unknown) => (typeof chunk === 'string' ? chunk : Buffer.from(chunk as Uint8Array).toString('utf8'));

/** main() in-process (a child process per file would blow the time budget), its output captured, not printed. */
export async function runCli(argv: string[]): Promise<CliRun> {
  let stdout = '';
  let stderr = '';
  const out = vi.spyOn(process.stdout, 'write').mockImplementation((chunk: unknown) => {
    stdout += chunkText(chunk);
    return true;
  });
  const err = vi.spyOn(process.stderr, 'write').mockImplementation((chunk: unknown) => {
    stderr += chunkText(chunk);
    return true;
  });
  try {
    const code = await main(argv);
    return { code, stdout, stderr };
  } finally {
    out.mockRestore();
    err.mockRestore();
  }
}

export const AS_OF = '2018-09-30';

/** The brief's command: apply IN --out OUT --as-of 2018-09-30 --sheet "CIP Monitoring". */
export function applyPlan(input: string, output: string): Promise<CliRun> {
  return runCli(['apply', input, '--out', output, '--as-of', AS_OF, '--sheet', MONITORING_SHEET]);
}

/** OUT keeps the input's extension: a macro workbook saved as .xlsx would not open in Excel. */
export function outName(file: string, suffix: string): string {
  const ext = /\.xlsm$/i.test(file) ? '.xlsm' : '.xlsx';
  return `${file.replace(/\.xls[xm]$/i, '')}.${suffix}${ext}`;
}
