import type { CellValue, GridSnapshot } from '../../shared/grid/grid';
import { parseRangeAddress } from '../../shared/grid/a1';
import { datePrecisionOf, isDateFormat } from '../../shared/grid/number-format';
import type { SheetSnapshot, SheetVisibility, WorkbookSnapshot } from '../../shared/workbook/workbook';

/** Sheets read in the one read sync; a workbook with more is read in a second. */
export const sheetsPerSync = 64;

interface QueuedSheet {
  sheet: Excel.Worksheet;
  used: Excel.Range;
  merges: Excel.RangeAreas | null;
  visible: Excel.RangeAreas | null;
}

/** What the read asks for beyond values: merges (ExcelApi 1.13) and which cells are visible (1.9). */
interface ReadFeatures {
  merges: boolean;
  visible: boolean;
  /** Worksheet functions (ExcelApi 1.2): how the read learns the date system. */
  functions: boolean;
}

function features(): ReadFeatures {
  return { merges: supports('1.13'), visible: supports('1.9'), functions: supports('1.2') };
}

/** Days from 1 Jan 1900's count to 1 Jan 1904's: a 1904 workbook's serials are this much smaller. */
const days1904 = 1462;

/**
 * Asks, in the same sync as the read, for the workbook's date system: DATE(1904,1,1) is 0 in a 1904
 * workbook and 1462 otherwise. workbook.use1904DateSystem says it directly but only from ExcelApi
 * 1.16; worksheet functions answer from 1.2, so every Excel the add-in loads in gets the same answer.
 */
function queueDateSystem(context: Excel.RequestContext, f: ReadFeatures): () => number {
  if (!f.functions) return () => 0;
  const probe = context.workbook.functions.date(1904, 1, 1);
  probe.load('value');
  return () => (probe.value === 0 ? days1904 : 0);
}

/** The visible cells of a used range: hidden and filtered rows are the rows no area covers. */
function queueVisible(used: Excel.Range, f: ReadFeatures): Excel.RangeAreas | null {
  if (!f.visible) return null;
  const visible = used.getSpecialCellsOrNullObject(Excel.SpecialCellType.visible);
  visible.load('address');
  return visible;
}

const visibilityOf: Record<string, SheetVisibility> = { Visible: 'visible', Hidden: 'hidden', VeryHidden: 'veryHidden' };

/**
 * Queues the reads of up to `count` sheets starting at `first`, walking getNextOrNullObject so that
 * every sheet's used range comes back in the same sync (a collection's items are not known before it).
 */
function queueSheets(first: Excel.Worksheet, count: number, f: ReadFeatures): QueuedSheet[] {
  const out: QueuedSheet[] = [];
  let sheet = first;
  for (let i = 0; i < count; i++) {
    sheet.load('name,visibility,protection/protected');
    const used = sheet.getUsedRangeOrNullObject(true);
    used.load('address,values,numberFormat,valueTypes,rowHidden');
    let merges: Excel.RangeAreas | null = null;
    if (f.merges) {
      merges = used.getMergedAreasOrNullObject();
      merges.load('address');
    }
    out.push({ sheet, used, merges, visible: queueVisible(used, f) });
    sheet = sheet.getNextOrNullObject();
  }
  return out;
}

interface RawRange {
  name: string;
  /** Sheet-qualified address of the used range, or null for an empty sheet. */
  address: string | null;
  values: unknown[][];
  formats: unknown[][];
  types: string[][];
  merges: string | null;
  /** Rows of the used range all hidden (true), none (false), some (null). */
  rowHidden: boolean | null;
  /** The visible cells' address list; null when none is visible; undefined when this Excel cannot say. */
  visible: string | null | undefined;
}

/** "'My, plan'!A1:G4,'My, plan'!A9:G9" → ["A1:G4", "A9:G9"]: every area is on the same sheet, whose name may hold commas. */
function localAreas(list: string, sample: string): string[] {
  const prefix = sample.slice(0, sample.lastIndexOf('!') + 1);
  return (prefix ? list.split(prefix).join('') : list).split(',').filter((a) => a !== '');
}

/** Hidden rows of the used range from its visible areas; or, where Excel cannot list them, whether some are. */
function hiddenRowsOf(raw: RawRange, top: number, bottom: number): Pick<GridSnapshot, 'hiddenRows' | 'hiddenRowsUnknown'> {
  if (raw.rowHidden === false || raw.address === null) return { hiddenRows: [] };
  if (raw.visible === undefined) return raw.rowHidden === null ? { hiddenRowsUnknown: 'some-hidden' } : { hiddenRows: range(top, bottom) };
  const shown = new Set<number>();
  for (const area of raw.visible === null ? [] : localAreas(raw.visible, raw.address)) {
    const a = parseRangeAddress(area);
    if (a) for (let r = a.top; r <= a.bottom; r++) shown.add(r);
  }
  return { hiddenRows: range(top, bottom).filter((r) => !shown.has(r)) };
}

function range(from: number, to: number): number[] {
  return Array.from({ length: Math.max(0, to - from + 1) }, (_, i) => from + i);
}

function gridOf(raw: RawRange, dateShift: number): GridSnapshot {
  const name = raw.name;
  if (raw.address === null) return { sheet: name, top: 1, left: 1, values: [] };
  const at = parseRangeAddress(raw.address.slice(raw.address.lastIndexOf('!') + 1)) ?? { top: 1, left: 1, bottom: 1, right: 1 };
  const values: CellValue[][] = [];
  const dates: boolean[][] = [];
  const precisions: ('month' | 'year' | undefined)[][] = [];
  let anyPrecision = false;
  const errors: (string | null)[][] = [];
  let anyDate = false;
  let anyError = false;
  raw.values.forEach((row, r) => {
    const vs: CellValue[] = [];
    const ds: boolean[] = [];
    const es: (string | null)[] = [];
    row.forEach((v, c) => {
      if (raw.types[r]?.[c] === 'Error') {
        vs.push(null);
        es[c] = String(v);
        anyError = true;
        return;
      }
      // Excel gives "" for an empty cell.
      const format = String(raw.formats[r]?.[c] ?? '');
      if (typeof v === 'number' && isDateFormat(format)) {
        // The engine counts dates as the 1900 system does.
        vs.push(v + dateShift);
        ds[c] = true;
        anyDate = true;
        const shows = datePrecisionOf(format);
        if (shows !== 'day') {
          (precisions[r] ??= [])[c] = shows;
          anyPrecision = true;
        }
        return;
      }
      vs.push(v === '' || v === null || v === undefined ? null : (v as CellValue));
    });
    values.push(vs);
    dates.push(ds);
    errors.push(es);
  });
  const grid: GridSnapshot = { sheet: name, top: at.top, left: at.left, values };
  if (anyDate) grid.dates = dates;
  if (anyPrecision) grid.datePrecision = precisions;
  if (anyError) grid.errors = errors;
  if (raw.merges) grid.merges = localAreas(raw.merges, raw.address);
  Object.assign(grid, hiddenRowsOf(raw, at.top, at.top + raw.values.length - 1));
  return grid;
}

function rawOf(q: QueuedSheet): RawRange {
  const empty = q.used.isNullObject;
  return {
    name: q.sheet.name,
    address: empty ? null : q.used.address,
    values: empty ? [] : (q.used.values as unknown[][]),
    formats: empty ? [] : (q.used.numberFormat as unknown[][]),
    types: empty ? [] : (q.used.valueTypes as string[][]),
    merges: q.merges && !q.merges.isNullObject ? q.merges.address : null,
    rowHidden: empty ? false : q.used.rowHidden,
    visible: q.visible === null ? undefined : q.visible.isNullObject ? null : q.visible.address,
  };
}

function supports(version: string): boolean {
  return typeof Office !== 'undefined' && Office.context?.requirements?.isSetSupported?.('ExcelApi', version) === true;
}

/** Budget for one read response: Excel on the web refuses responses over 5 MB. */
export const defaultResponseBudget = 3 * 1024 * 1024;
/** A generous estimate of one cell's share of a response (value, format, type, JSON punctuation). */
const bytesPerCell = 48;

/**
 * Every sheet with its used range (values, number formats, error cells, merges) in one sync.
 * A workbook too big for one response (Excel on the web's 5 MB) is read again in row blocks. A host
 * that refuses the one-sync read (it walks getNextOrNullObject onto what may be a null object, which
 * no document promises every Excel answers) gets the plain documented read: the sheet collection,
 * then the used ranges, then their values.
 */
export async function readExcelWorkbook(context: Excel.RequestContext, responseBudget = defaultResponseBudget): Promise<WorkbookSnapshot> {
  try {
    return await readAllAtOnce(context);
  } catch (e) {
    const code = typeof e === 'object' && e !== null && 'code' in e ? (e as { code: unknown }).code : null;
    // Refused access would be refused again; anything else the plain read may get past.
    if (code === 'AccessDenied' || code === null) throw e;
    return readInSteps(context, responseBudget);
  }
}

/**
 * The plain documented read: sheets first, then their used ranges, then values in blocks of rows,
 * each sync's response under the budget. Nothing is asked of a null object but whether it is one.
 */
async function readInSteps(context: Excel.RequestContext, responseBudget: number): Promise<WorkbookSnapshot> {
  const f = features();
  const sheets = context.workbook.worksheets;
  sheets.load('items/name,items/visibility,items/protection/protected');
  const active = sheets.getActiveWorksheet();
  active.load('name');
  const dateShift = queueDateSystem(context, f);
  await context.sync();
  const used = sheets.items.map((sheet) => {
    const range = sheet.getUsedRangeOrNullObject(true);
    range.load('address,rowIndex,columnIndex,rowCount,columnCount,rowHidden');
    return { sheet, range };
  });
  await context.sync();
  // Merges and visible cells only of used ranges that exist, answered with the first block of values.
  const extras = used.map(({ range }) => {
    if (range.isNullObject) return { merges: null, visible: null };
    const merges = f.merges ? range.getMergedAreasOrNullObject() : null;
    merges?.load('address');
    return { merges, visible: queueVisible(range, f) };
  });
  let pending: { raw: RawRange; block: Excel.Range }[] = [];
  let bytes = 0;
  let answered = false;
  const flush = async () => {
    if (pending.length === 0 && answered) return;
    await context.sync();
    answered = true;
    for (const p of pending) {
      // Row by row: a block may hold more rows than a spread call can take.
      for (const row of p.block.values as unknown[][]) p.raw.values.push(row);
      for (const row of p.block.numberFormat as unknown[][]) p.raw.formats.push(row);
      for (const row of p.block.valueTypes as string[][]) p.raw.types.push(row);
    }
    pending = [];
    bytes = 0;
  };
  const raws: RawRange[] = used.map((u) => ({ name: u.sheet.name, address: u.range.isNullObject ? null : u.range.address, values: [], formats: [], types: [], merges: null, rowHidden: u.range.isNullObject ? false : u.range.rowHidden, visible: undefined }));
  for (const [i, u] of used.entries()) {
    const raw = raws[i];
    if (!raw || u.range.isNullObject) continue;
    const cols = u.range.columnCount;
    const rowsPerBlock = Math.max(1, Math.floor(responseBudget / (cols * bytesPerCell)));
    for (let r = 0; r < u.range.rowCount; r += rowsPerBlock) {
      const n = Math.min(rowsPerBlock, u.range.rowCount - r);
      if (bytes + n * cols * bytesPerCell > responseBudget) await flush();
      const block = u.sheet.getRangeByIndexes(u.range.rowIndex + r, u.range.columnIndex, n, cols);
      block.load('values,numberFormat,valueTypes');
      pending.push({ raw, block });
      bytes += n * cols * bytesPerCell;
    }
  }
  await flush();
  extras.forEach(({ merges, visible }, i) => {
    const raw = raws[i];
    if (!raw) return;
    raw.merges = merges && !merges.isNullObject ? merges.address : null;
    raw.visible = visible === null ? undefined : visible.isNullObject ? null : visible.address;
  });
  return {
    sheets: used.map((u, i) => ({ name: u.sheet.name, visibility: visibilityOf[u.sheet.visibility] ?? 'visible', grid: gridOf(raws[i] as RawRange, dateShift()), protected: u.sheet.protection.protected })),
    activeSheet: active.name,
  };
}

async function readAllAtOnce(context: Excel.RequestContext): Promise<WorkbookSnapshot> {
  const f = features();
  const active = context.workbook.worksheets.getActiveWorksheet();
  active.load('name');
  const dateShift = queueDateSystem(context, f);
  const sheets: SheetSnapshot[] = [];
  let next: Excel.Worksheet = context.workbook.worksheets.getFirst();
  for (;;) {
    const queued = queueSheets(next, sheetsPerSync, f);
    const after = (queued[queued.length - 1]?.sheet ?? next).getNextOrNullObject();
    after.load('name');
    await context.sync();
    let read = 0;
    for (const q of queued) {
      if (q.sheet.isNullObject) break;
      sheets.push({ name: q.sheet.name, visibility: visibilityOf[q.sheet.visibility] ?? 'visible', grid: gridOf(rawOf(q), dateShift()), protected: q.sheet.protection.protected });
      read++;
    }
    if (read < sheetsPerSync || after.isNullObject) break;
    next = after;
  }
  return { sheets, activeSheet: active.name };
}
