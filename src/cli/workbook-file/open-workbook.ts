import { createHash } from 'node:crypto';
import { readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { XlsxWorkbookPort } from '../../xlsx/xlsx-port';
import { describeRefusal } from '../../../shared/app/messages';
import { refusalOf } from '../../../shared/workbook/write-refusal';
import { XlsxError } from '../../xlsx/xlsx-error';
import { CliError } from '../errors';
import { nodeCodec } from './node-codec';

/** What a run saw of the file when it read it: a save over it checks the file is still that one. */
export interface FileSeen {
  file: string;
  size: number;
  mtimeMs: number;
  sha256: string;
}

export interface OpenedWorkbook {
  port: XlsxWorkbookPort;
  seen: FileSeen;
}

/** Files larger than this are refused before they are read: no plan comes near it zipped. */
const maxFileBytes = 200 * 1_048_576;

export function sha256(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}

/**
 * The one place a workbook problem becomes words: the file's name, then what is wrong with it; a
 * refused write says why and that the file was not saved. Anything else is passed on as it is.
 */
export function fileProblem(file: string, e: unknown): unknown {
  if (e instanceof XlsxError) return new CliError(`'${file}' ${e.message}`);
  const refusal = refusalOf(e);
  return refusal ? new CliError(`${describeRefusal(refusal)} '${file}' was not saved.`) : e;
}

/** Reads the workbook file and opens its package, with a one-line message for every way that can fail. */
export async function openWorkbook(file: string): Promise<OpenedWorkbook> {
  let info;
  try {
    info = await stat(file);
  } catch {
    throw new CliError(`Cannot open '${file}': no such file.`);
  }
  if (info.isDirectory()) throw new CliError(`'${file}' is a folder. Name the workbook (.xlsx) inside it.`);
  const ext = path.extname(file).toLowerCase();
  if (ext === '.csv' || ext === '.tsv' || ext === '.txt') throw new CliError(`'${file}' is a ${ext === '.csv' ? 'CSV' : 'text'} file. Plan Monitor reads .xlsx workbooks: open it in Excel and save it as .xlsx.`);
  if (ext === '.xls') throw new CliError(`'${file}' is an old Excel 97–2003 file (.xls). Open it in Excel and save it as .xlsx, then try again.`);
  if (info.size > maxFileBytes) throw new CliError(`'${file}' is too large for Plan Monitor (${Math.round(info.size / 1_048_576)} MB; it reads workbooks up to ${maxFileBytes / 1_048_576} MB).`);
  let bytes: Uint8Array;
  try {
    bytes = await readFile(file);
  } catch (e) {
    throw new CliError(`Cannot read '${file}' (${(e as NodeJS.ErrnoException).code ?? 'read error'}).`);
  }
  try {
    const port = XlsxWorkbookPort.open(bytes, { codec: nodeCodec });
    await port.readWorkbook();
    return { port, seen: { file, size: info.size, mtimeMs: info.mtimeMs, sha256: sha256(bytes) } };
  } catch (e) {
    throw fileProblem(file, e);
  }
}
