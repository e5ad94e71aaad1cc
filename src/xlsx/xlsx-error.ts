/**
 * Why a workbook file could not be read or written, as data: the code says what went wrong and the
 * data which part or figure, so the caller renders the words (src/cli names the file in them).
 */
export type XlsxProblem =
  | { code: 'not-zip' }
  | { code: 'ole-file' }
  | { code: 'ods-file' }
  | { code: 'xlsb-file' }
  | { code: 'not-workbook' }
  | { code: 'damaged'; detail: string }
  | { code: 'encrypted-zip' }
  | { code: 'unsupported-compression'; part: string; method: number }
  | { code: 'too-large'; what: 'unpacked' | 'cells' | 'rows' | 'zip64'; limit: number; sheet?: string }
  | { code: 'structure-protected' };

export class XlsxError extends Error {
  constructor(readonly problem: XlsxProblem) {
    super(describeProblem(problem));
  }
}

const mb = (bytes: number) => `${Math.round(bytes / 1_048_576)} MB`;

/** The plain-English sentence for a problem, without the file's name (the caller adds it). */
export function describeProblem(p: XlsxProblem): string {
  switch (p.code) {
    case 'not-zip':
      return 'is not an Excel workbook (.xlsx).';
    case 'ole-file':
      return 'is password-protected or an old Excel 97–2003 file (.xls). Remove the password, or save it as .xlsx, in Excel, then try again.';
    case 'ods-file':
      return 'is an OpenDocument spreadsheet (.ods). Open it in LibreOffice or Excel and save it as .xlsx, then try again.';
    case 'xlsb-file':
      return 'is an Excel binary workbook (.xlsb). Open it in Excel and save it as .xlsx, then try again.';
    case 'not-workbook':
      return 'is a zip file but not an Excel workbook (it has no workbook part). Save the workbook as .xlsx, then try again.';
    case 'damaged':
      return `could not be read as an .xlsx workbook: ${p.detail}. It may be damaged: open it in Excel, save it again, then try again.`;
    case 'encrypted-zip':
      return 'is an encrypted zip file, not a workbook Plan Monitor can read.';
    case 'unsupported-compression':
      return `stores its part '${p.part}' with a compression method (${p.method}) that Excel does not use. Open it in Excel and save it again, then try again.`;
    case 'too-large':
      if (p.what === 'unpacked') return `is too large for Plan Monitor: its sheets and text unpack to more than ${mb(p.limit)}. Split the workbook, or remove sheets the plan does not need.`;
      if (p.what === 'cells') return `is too large for Plan Monitor: it holds more than ${p.limit.toLocaleString('en-GB')} filled cells${p.sheet ? ` (reached on sheet '${p.sheet}')` : ''}. Split the workbook, or remove sheets the plan does not need.`;
      if (p.what === 'rows') return `is too large for Plan Monitor: sheet '${p.sheet ?? ''}' has rows past row ${p.limit.toLocaleString('en-GB')}. Delete the unused rows at its foot, or move the plan to a workbook of its own.`;
      return 'is too large for Plan Monitor (over 4 GB, or a zip64 file).';
    case 'structure-protected':
      return "has its structure protected (Review › Protect Workbook), so Plan Monitor cannot add its summary sheet. Nothing was changed. Remove the workbook protection, then try again.";
  }
}
