/**
 * The file tools, loaded on demand (src/ui/on-demand.ts) when the officer picks replies to merge:
 * the CLI's own .xlsx package reader, with the portable zip codec (no Node) and its limits, so a huge
 * or hostile file is refused as the CLI refuses it, in words that name the file; and the merge use
 * case with its words, which only this needs.
 */
import { mergedMessage } from '../../../shared/app/messages';
import { mergeReplyFiles } from '../../../shared/app/use-cases';
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
provide(onDemandScripts.files, { readXlsx, mergeReplyFiles, mergedMessage });
