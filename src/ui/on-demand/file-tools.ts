/**
 * The file tools, loaded on demand (src/ui/on-demand.ts) when the officer picks replies to merge:
 * the CLI's own .xlsx package reader, with the portable zip codec (no Node) and its limits, so a huge
 * or hostile file is refused as the CLI refuses it, in words that name the file; and the merge use
 * case with its words, which only this needs.
 */
import { describeAddProblem } from '../../../shared/add/add-messages';
import { csvList } from '../../../shared/add/csv';
import { csvText } from '../../host/csv-text';
import type { ActionList } from '../../../shared/add/plan-additions';
import { addedMessage, mergedMessage } from '../../../shared/app/messages';
import { addActions, mergeReplyFiles } from '../../../shared/app/use-cases';
import { XlsxError } from '../../xlsx/xlsx-error';
import { XlsxWorkbookPort } from '../../xlsx/xlsx-port';
import { portableCodec } from '../../xlsx/zip/codec';
import { onDemandScripts, provide, type XlsxReader } from '../on-demand';

const readXlsx: XlsxReader = async (bytes, fileName) => {
  try {
    return await XlsxWorkbookPort.open(bytes, { codec: portableCodec }).readWorkbook();
  } catch (e) {
    if (e instanceof XlsxError) throw new Error(`'${fileName}' ${e.message}`, { cause: e });
    throw e;
  }
};
/** A list of new actions: a .csv by the engine's reader (by its name), else the first sheet of a workbook. */
const readList = async (bytes: Uint8Array, fileName: string): Promise<ActionList> => {
  if (/\.csv$/i.test(fileName)) {
    const csv = csvList(fileName, csvText(bytes));
    if (!csv.ok) throw new Error(describeAddProblem(csv.problem));
    return csv.list;
  }
  const first = (await readXlsx(bytes, fileName)).sheets[0];
  if (!first) throw new Error(`'${fileName}' has no sheet to read the new actions from.`);
  return { file: fileName, grid: first.grid };
};

provide(onDemandScripts.files, { readXlsx, mergeReplyFiles, mergedMessage, readList, addActions, addedMessage });
