import { access, readFile } from 'node:fs/promises';
import ExcelJS from 'exceljs';
import { fillColour, type CellValue, type GridSnapshot } from '../../../shared/grid/grid';
import { isDateFormat } from '../../../shared/grid/number-format';
import { CliError } from '../errors';

/** Milliseconds per day, and the Excel serial of 1970-01-01: ExcelJS dates are UTC midnights. */
const msPerDay = 86_400_000;
const serialOf1970 = 25569;

export function serialFromJsDate(d: Date): number {
  return d.getTime() / msPerDay + serialOf1970;
}

interface ReadCell {
  value: CellValue;
  date: boolean;
  error: string | null;
}

/** One ExcelJS cell value to what the engine reads; formulas give their cached result. */
export function readCellValue(v: ExcelJS.CellValue, numFmt: string | undefined): ReadCell {
  if (v === null || v === undefined) return { value: null, date: false, error: null };
  if (v instanceof Date) return { value: serialFromJsDate(v), date: true, error: null };
  if (typeof v === 'number') return { value: v, date: isDateFormat(numFmt), error: null };
  if (typeof v === 'string' || typeof v === 'boolean') return { value: v, date: false, error: null };
  if (typeof v === 'object') {
    if ('error' in v) return { value: null, date: false, error: String(v.error) };
    if ('richText' in v) return { value: v.richText.map((p) => p.text).join(''), date: false, error: null };
    if ('formula' in v || 'sharedFormula' in v) {
      const result = (v as { result?: ExcelJS.CellValue }).result;
      if (result !== null && typeof result === 'object' && !(result instanceof Date) && 'error' in result) {
        return { value: null, date: false, error: String(result.error) };
      }
      return readCellValue(result ?? null, numFmt);
    }
    if ('text' in v) return { value: String(v.text), date: false, error: null };
  }
  return { value: null, date: false, error: null };
}

/** The default Office theme (2013 on): what a theme colour index means in a workbook that kept it. */
const officeTheme = ['FFFFFF', '000000', 'E7E6E6', '44546A', '4472C4', 'ED7D31', 'A5A5A5', 'FFC000', '5B9BD5', '70AD47'];

/** Excel's tint: towards white when positive, towards black when negative. */
function tinted(hex: string, tint: number): string {
  const n = parseInt(hex, 16);
  const ch = [(n >> 16) & 255, (n >> 8) & 255, n & 255].map((v) => Math.round(tint >= 0 ? v + (255 - v) * tint : v * (1 + tint)));
  return ch.map((v) => v.toString(16).padStart(2, '0')).join('').toUpperCase();
}

/** A solid fill's colour as #RRGGBB, or null for none, white or a colour the file does not spell out. */
export function solidFill(fill: ExcelJS.Fill | undefined): string | null {
  if (!fill || fill.type !== 'pattern' || fill.pattern !== 'solid') return null;
  const c = fill.fgColor as { argb?: string; theme?: number; tint?: number } | undefined;
  let hex: string | null = null;
  if (c?.argb && /^[0-9a-f]{8}$/i.test(c.argb)) hex = c.argb.slice(2).toUpperCase();
  else if (c?.theme !== undefined && officeTheme[c.theme]) hex = tinted(officeTheme[c.theme] ?? 'FFFFFF', c.tint ?? 0);
  return fillColour(hex);
}

/** The used range of a worksheet as a grid snapshot, from A1. */
export function gridFromWorksheet(ws: ExcelJS.Worksheet): GridSnapshot {
  const values: CellValue[][] = [];
  const dates: boolean[][] = [];
  const errors: (string | null)[][] = [];
  // Fills of blank cells only: a status given as a colour alone (see GridSnapshot.fills).
  const fills: (string | null)[][] = [];
  const hiddenRows: number[] = [];
  let anyDate = false;
  let anyError = false;
  ws.eachRow({ includeEmpty: false }, (row, rowNumber) => {
    const r = rowNumber - 1;
    const vals: CellValue[] = [];
    const ds: boolean[] = [];
    const es: (string | null)[] = [];
    // Filtered-out rows are saved hidden too.
    if (row.hidden) hiddenRows.push(rowNumber);
    row.eachCell({ includeEmpty: true }, (cell, colNumber) => {
      if (cell.value === null || cell.value === undefined || cell.value === '') {
        const colour = cell.isMerged && cell.master !== cell ? null : solidFill(cell.fill);
        if (colour !== null) (fills[r] ??= [])[colNumber - 1] = colour;
        return;
      }
      // Merged cells repeat the master's value in ExcelJS; only the master holds it in Excel.
      if (cell.isMerged && cell.master !== cell) return;
      const v = cell.value;
      // Plain text, most cells, needs no reading (nor a result object per cell).
      if (typeof v === 'string') {
        vals[colNumber - 1] = v;
        return;
      }
      const read = readCellValue(v, cell.numFmt);
      vals[colNumber - 1] = read.value;
      if (read.date) {
        ds[colNumber - 1] = true;
        anyDate = true;
      }
      if (read.error) {
        es[colNumber - 1] = read.error;
        anyError = true;
      }
    });
    for (let c = 0; c < vals.length; c++) if (vals[c] === undefined) vals[c] = null;
    values[r] = vals;
    dates[r] = ds;
    errors[r] = es;
  });
  for (let r = 0; r < values.length; r++) if (!values[r]) values[r] = [];
  const merges = (ws.model as { merges?: string[] }).merges ?? [];
  const grid: GridSnapshot = { sheet: ws.name, top: 1, left: 1, values, merges, fills, hiddenRows };
  if (anyDate) grid.dates = dates;
  if (anyError) grid.errors = errors;
  return grid;
}

/** Opens an .xlsx with a one-line message for every way it can fail. */
export async function loadWorkbook(file: string): Promise<ExcelJS.Workbook> {
  try {
    await access(file);
  } catch {
    throw new CliError(`Cannot open '${file}': no such file.`);
  }
  const lower = file.toLowerCase();
  if (lower.endsWith('.xls')) throw new CliError(`'${file}' is an old Excel 97–2003 file (.xls). Open it in Excel and save it as .xlsx, then try again.`);
  if (lower.endsWith('.csv')) throw new CliError(`'${file}' is a CSV file. Plan Monitor reads .xlsx workbooks: open it in Excel and save it as .xlsx.`);
  const bytes = await readFile(file);
  // OLE2 compound files are either .xls or a password-protected .xlsx: ExcelJS can read neither.
  if (bytes.subarray(0, 4).toString('hex') === 'd0cf11e0') {
    throw new CliError(`'${file}' is password-protected or an old .xls file. Remove the password (or save as .xlsx) in Excel, then try again.`);
  }
  if (bytes.subarray(0, 2).toString('latin1') !== 'PK') throw new CliError(`'${file}' is not an Excel .xlsx workbook.`);
  const wb = new ExcelJS.Workbook();
  try {
    await wb.xlsx.load(bytes as unknown as ArrayBuffer);
  } catch (e) {
    throw new CliError(`'${file}' could not be read as an .xlsx workbook (${e instanceof Error ? e.message : String(e)}). It may be damaged.`);
  }
  return wb;
}
