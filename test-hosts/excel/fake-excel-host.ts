// A fake Excel "RichApi" host: it executes the ProcessQuery request that Microsoft's real Excel
// JavaScript client sends on context.sync() ({Actions, ObjectPaths}) against a FakeWorkbook and
// answers {Results:[{ActionId, Value}]} or {Results, Error}, in the shape the client's
// processResponse() consumes. See README-style notes in load-excel-client.ts for the wiring.
//
// Protocol, as the client speaks it (office-js 1.1.110):
//  - Action types: 1 Instantiate, 2 Query (a load), 3 Method, 4 SetProperty, 5 Trace,
//    7 QueryAsJson (retrieve(); not implemented).
//  - Object path types: 1 Global (the workbook), 3 Method (getRange, add…), 4 Property
//    (worksheets, format, fill…), 5 Indexer (getItem), 6 ReferenceId, 7 NullObject.
//  - Instantiate answers {_ReferenceId} for Range/RangeAreas (the client then addresses the
//    object by that id in later requests), {Id} for a Worksheet or a Chart (the client rewrites the
//    path to worksheets[Id] / charts[Id]), null for a missing *OrNullObject.
//  - Query answers use PascalCase keys; navigation loads nest; collections answer {_Items:[…]}
//    (plus their own scalars, e.g. ChartCollection {Count}, when selected).
//  - Errors: {Error:{Code, Message, HttpStatusCode, Location, ActionIndex}}; the client turns
//    them into OfficeExtension.Error with that code and debugInfo.statement.
//
// Anything this fake does not model fails loudly with code "NotImplemented" naming the member.

import {
  type Area,
  HostError,
  MAX_COL,
  MAX_ROW,
  MESSAGES,
  areaCells,
  areaCols,
  areaRows,
  boundingArea,
  intersect,
  invalidArgument,
  invalidOperation,
  isEntireColumns,
  isEntireRows,
  itemNotFound,
  notImplemented,
  parseArea,
  qualifiedAddress,
  splitAddressList,
} from './a1.js';
import { type CellValue, formatText, valueTypeOf } from './cell-values.js';
import {
  type CellFormat,
  type CellRecord,
  type ChartRecord,
  type ChartSeriesBy,
  type ChartSeriesRecord,
  DEFAULT_COLUMN_WIDTH,
  DEFAULT_FORMAT,
  DEFAULT_ROW_HEIGHT,
  type FakeSheet,
  FakeWorkbook,
  type FormatPatch,
  type SheetVisibility,
  type WorkbookState,
  cellArea,
  deriveSeries,
  normaliseColor,
} from './fake-workbook.js';

export { FakeWorkbook, FakeSheet, normaliseColor, DEFAULT_FORMAT } from './fake-workbook.js';
export type { CellFormat, CellRecord, CellValue, SheetVisibility, WorkbookSnapshot, SheetSnapshot, FormatPatch, ChartSnapshot, ChartSeriesSnapshot, ChartSeriesBy } from './fake-workbook.js';
export { HostError } from './a1.js';

// ---------- wire types ----------

export interface RichApiArgumentInfo {
  Arguments?: unknown[];
  ReferencedObjectPathIds?: unknown[];
}
export interface RichApiObjectPath {
  Id: number;
  ObjectPathType: number;
  Name?: string;
  ParentObjectPathId?: number;
  ArgumentInfo?: RichApiArgumentInfo;
}
export interface RichApiQueryInfo {
  Select?: string[];
  Expand?: string[];
  Top?: number;
  Skip?: number;
}
export interface RichApiAction {
  Id: number;
  ActionType: number;
  Name?: string;
  ObjectPathId: number;
  ArgumentInfo?: RichApiArgumentInfo;
  QueryInfo?: RichApiQueryInfo;
}
export interface RichApiRequest {
  AutoKeepReference?: boolean;
  Actions: RichApiAction[];
  ObjectPaths?: Record<string, RichApiObjectPath>;
}
export interface RichApiError {
  Code: string;
  Message: string;
  HttpStatusCode: number;
  Location: string;
  ActionIndex: number;
}
export interface RichApiResponse {
  Results: { ActionId: number; Value: unknown }[];
  Error?: RichApiError;
}

export const ACTION_KINDS: Readonly<Record<number, string>> = {
  1: 'Instantiate',
  2: 'Query',
  3: 'Method',
  4: 'SetProperty',
  5: 'Trace',
  6: 'RecursiveQuery',
  7: 'QueryAsJson',
  8: 'EnsureUnchanged',
  9: 'Update',
};

// ---------- options and statistics ----------

export interface FakeExcelHostOptions {
  /** Request body limit in bytes (Excel on the web: 5 MB). Infinity for desktop-like behaviour. */
  maxRequestBytes?: number;
  /** Response body limit in bytes (Excel on the web: 5 MB). */
  maxResponseBytes?: number;
  /** Longest address string getRange/getRanges accept (Excel: 8,192 characters). */
  maxAddressLength?: number;
  /** Largest range whose grid properties (values, text…) a load returns; beyond it Excel returns null. */
  maxReadCells?: number;
  /**
   * Requirement sets this Excel supports. Members from a newer ExcelApi set fail with ApiNotFound
   * (see API_SETS). Default: whatever Office.context.requirements of the client it is installed
   * on says (so useGlobals({ supportedSets }) narrows both), or everything when used directly.
   */
  supportedSets?: (name: string, version: string) => boolean;
}

/**
 * ExcelApi set of the members the fake implements, where above 1.1 (from @types/office-js).
 * The client in this build does not enforce requirement sets itself (its
 * CommonUtility._doApiNotSupportedCheck stays false), so an older Excel is the one refusing:
 * the fake answers ApiNotFound for members of sets it does not support.
 */
export const API_SETS: Readonly<Record<string, string>> = {
  'Range.GetIntersectionOrNullObject': '1.4',
  'Range.GetResizedRange': '1.2',
  'Range.GetAbsoluteResizedRange': '1.7',
  'Range.GetRowsAbove': '1.2',
  'Range.GetRowsBelow': '1.2',
  'Range.GetColumnsBefore': '1.2',
  'Range.GetColumnsAfter': '1.2',
  'Range.GetUsedRangeOrNullObject': '1.4',
  'Range.GetMergedAreas': '1.13',
  'Range.GetMergedAreasOrNullObject': '1.13',
  'Range.Merge': '1.2',
  'Range.Unmerge': '1.2',
  'Range.GetSpecialCells': '1.9',
  'Range.GetSpecialCellsOrNullObject': '1.9',
  'Range.SetCellProperties': '1.9',
  'Range.GetCellProperties': '1.9',
  'Range._ValidateArraySize': '1.3',
  'Range.RowHidden': '1.2',
  'Range.ColumnHidden': '1.2',
  'Range.Hidden': '1.2',
  'Range.IsEntireColumn': '1.7',
  'Range.IsEntireRow': '1.7',
  'Range.NumberFormatLocal': '1.7',
  'Range.Top': '1.10',
  'Range.Left': '1.10',
  'Range.Height': '1.10',
  'Range.Width': '1.10',
  'Worksheet.GetRanges': '1.9',
  'Worksheet.GetRangeByIndexes': '1.7',
  'Worksheet.GetUsedRangeOrNullObject': '1.4',
  'Worksheet.GetNext': '1.5',
  'Worksheet.GetNextOrNullObject': '1.5',
  'Worksheet.GetPrevious': '1.5',
  'Worksheet.GetPreviousOrNullObject': '1.5',
  'Worksheet.Protection': '1.2',
  'Worksheet.TabColor': '1.7',
  'Worksheet.Calculate': '1.6',
  'WorksheetCollection.GetItemOrNullObject': '1.4',
  'WorksheetCollection.GetCount': '1.4',
  'WorksheetCollection.GetFirst': '1.5',
  'WorksheetCollection.GetLast': '1.5',
  'Application.SuspendApiCalculationUntilNextSync': '1.6',
  'Application.SuspendScreenUpdatingUntilNextSync': '1.9',
  'RangeFormat.ColumnWidth': '1.2',
  'RangeFormat.RowHeight': '1.2',
  'RangeFormat.AutofitColumns': '1.2',
  'RangeFormat.AutofitRows': '1.2',
  'Workbook.GetActiveCell': '1.7',
  'Workbook.Functions': '1.2',
  'Workbook.Name': '1.7',
  'WorksheetProtection.Protect': '1.2',
  'WorksheetProtection.Unprotect': '1.2',
  'WorksheetProtection.Protected': '1.2',
  'ChartCollection.GetItemOrNullObject': '1.4',
  'ChartCollection.GetCount': '1.4',
  'ChartSeriesCollection.GetCount': '1.4',
  'Chart.ChartType': '1.7',
  'Chart.Id': '1.7',
  'Chart.PlotBy': '1.8',
  'Chart.Worksheet': '1.2',
};

export interface RequestStats {
  /** 0-based request number since the host was created (or reset). */
  index: number;
  requestBytes: number;
  responseBytes: number;
  actionCount: number;
  /** Actions by kind: Instantiate, Query, Method, SetProperty… */
  actions: Record<string, number>;
  /** Actions by kind and member, e.g. "SetProperty Range.Values", "Query Range [values,numberFormat]". */
  members: Record<string, number>;
  /** Only _RemoveReference calls (Excel.run's cleanup batch), not a sync of the add-in's own. */
  cleanupOnly: boolean;
  calcSuspended: boolean;
  screenUpdatingSuspended: boolean;
  /** Error code the request failed with, or null. */
  error: string | null;
}

export type HostReply =
  | { ok: true; responseText: string; body: RichApiRequest; stats: RequestStats }
  | { ok: false; officeJsErrorCode: number; code: string; message: string; body: RichApiRequest | null; stats: RequestStats };

/** Office's bridge error numbers (OSF ErrorCodeManager) that the client maps to these codes. */
export const OFFICE_JS_ERROR = { RequestPayloadSizeLimitExceeded: 5103, ResponsePayloadSizeLimitExceeded: 5104 } as const;

// ---------- host objects (what object paths resolve to) ----------

interface WorkbookObj {
  t: 'Workbook';
}
interface ApplicationObj {
  t: 'Application';
}
interface FunctionsObj {
  t: 'Functions';
}
/** A worksheet function's result (workbook.functions.*), evaluated when asked. */
interface FunctionResultObj {
  t: 'FunctionResult';
  value: unknown;
}
interface SheetsObj {
  t: 'WorksheetCollection';
}
interface SheetObj {
  t: 'Worksheet';
  sheet: FakeSheet;
}
interface ProtectionObj {
  t: 'WorksheetProtection';
  sheet: FakeSheet;
}
interface RangeObj {
  t: 'Range';
  sheet: FakeSheet;
  area: Area;
  ref?: string;
}
interface AreasObj {
  t: 'RangeAreas';
  sheet: FakeSheet;
  areas: Area[];
  ref?: string;
}
interface RangeCollectionObj {
  t: 'RangeCollection';
  owner: AreasObj;
}
type Target = RangeObj | AreasObj;
interface FormatObj {
  t: 'RangeFormat';
  target: Target;
}
interface FillObj {
  t: 'RangeFill';
  target: Target;
}
interface FontObj {
  t: 'RangeFont';
  target: Target;
}
interface ChartsObj {
  t: 'ChartCollection';
  sheet: FakeSheet;
}
interface ChartObj {
  t: 'Chart';
  sheet: FakeSheet;
  chart: ChartRecord;
}
interface ChartTitleObj {
  t: 'ChartTitle';
  owner: ChartObj;
}
interface ChartLegendObj {
  t: 'ChartLegend';
  owner: ChartObj;
}
interface SeriesCollectionObj {
  t: 'ChartSeriesCollection';
  owner: ChartObj;
}
interface SeriesObj {
  t: 'ChartSeries';
  owner: ChartObj;
  series: ChartSeriesRecord;
}
interface SeriesFormatObj {
  t: 'ChartSeriesFormat';
  owner: SeriesObj;
}
interface ChartFillObj {
  t: 'ChartFill';
  owner: SeriesObj;
}
type ChartPart = ChartsObj | ChartObj | ChartTitleObj | ChartLegendObj | SeriesCollectionObj | SeriesObj | SeriesFormatObj | ChartFillObj;
type HostObject = WorkbookObj | ApplicationObj | FunctionsObj | FunctionResultObj | SheetsObj | SheetObj | ProtectionObj | RangeObj | AreasObj | RangeCollectionObj | FormatObj | FillObj | FontObj | ChartPart;

const HOST_TYPES = new Set([
  'Workbook',
  'Application',
  'Functions',
  'FunctionResult',
  'WorksheetCollection',
  'Worksheet',
  'WorksheetProtection',
  'Range',
  'RangeAreas',
  'RangeCollection',
  'RangeFormat',
  'RangeFill',
  'RangeFont',
  'ChartCollection',
  'Chart',
  'ChartTitle',
  'ChartLegend',
  'ChartSeriesCollection',
  'ChartSeries',
  'ChartSeriesFormat',
  'ChartFill',
]);

function isHostObject(v: unknown): v is HostObject {
  return typeof v === 'object' && v !== null && !Array.isArray(v) && HOST_TYPES.has(String((v as { t?: unknown }).t));
}

/** Per-request state: object path table and resolution cache (each path is resolved once). */
interface Run {
  paths: Record<string, RichApiObjectPath>;
  cache: Map<number, HostObject | null>;
  location: string;
}

const lcFirst = (s: string): string => (s ? s[0]?.toLowerCase() + s.slice(1) : s);
const ucFirst = (s: string): string => (s ? s[0]?.toUpperCase() + s.slice(1) : s);
const DIMENSION_MISMATCH = "The number of rows or columns in the input array doesn't match the size or dimensions of the range.";

const VERTICAL = ['Top', 'Center', 'Bottom', 'Justify', 'Distributed'];
const HORIZONTAL = ['General', 'Left', 'Center', 'Right', 'Fill', 'Justify', 'CenterAcrossSelection', 'Distributed'];
const VISIBILITY: SheetVisibility[] = ['Visible', 'Hidden', 'VeryHidden'];
/** Excel.ChartType values (@types/office-js) other than "Invalid". */
const CHART_TYPES = new Set(
  (
    'ColumnClustered ColumnStacked ColumnStacked100 3DColumnClustered 3DColumnStacked 3DColumnStacked100 BarClustered BarStacked BarStacked100 ' +
    '3DBarClustered 3DBarStacked 3DBarStacked100 LineStacked LineStacked100 LineMarkers LineMarkersStacked LineMarkersStacked100 PieOfPie ' +
    'PieExploded 3DPieExploded BarOfPie XYScatterSmooth XYScatterSmoothNoMarkers XYScatterLines XYScatterLinesNoMarkers AreaStacked ' +
    'AreaStacked100 3DAreaStacked 3DAreaStacked100 DoughnutExploded RadarMarkers RadarFilled Surface SurfaceWireframe SurfaceTopView ' +
    'SurfaceTopViewWireframe Bubble Bubble3DEffect StockHLC StockOHLC StockVHLC StockVOHLC CylinderColClustered CylinderColStacked ' +
    'CylinderColStacked100 CylinderBarClustered CylinderBarStacked CylinderBarStacked100 CylinderCol ConeColClustered ConeColStacked ' +
    'ConeColStacked100 ConeBarClustered ConeBarStacked ConeBarStacked100 ConeCol PyramidColClustered PyramidColStacked PyramidColStacked100 ' +
    'PyramidBarClustered PyramidBarStacked PyramidBarStacked100 PyramidCol 3DColumn Line 3DLine 3DPie Pie XYScatter 3DArea Area Doughnut ' +
    'Radar Histogram Boxwhisker Pareto RegionMap Treemap Waterfall Sunburst Funnel'
  ).split(' '),
);
/** Excel.ChartLegendPosition values a legend can be given ("Invalid" and "Custom" are read-only states). */
const LEGEND_POSITIONS = ['Top', 'Bottom', 'Left', 'Right', 'Corner'];
const SERIES_BY = ['Auto', 'Columns', 'Rows'];

export class FakeExcelHost {
  readonly book: FakeWorkbook;
  readonly options: Required<Omit<FakeExcelHostOptions, 'supportedSets'>>;
  /** Requirement-set predicate in force (see FakeExcelHostOptions.supportedSets); null = all supported. */
  supportedSets: ((name: string, version: string) => boolean) | null;
  /** One entry per request received (including ones that failed). */
  stats: RequestStats[] = [];
  private readonly refs = new Map<string, Target>();
  private nextRef = 1;
  private current: RequestStats | null = null;

  constructor(book: FakeWorkbook = new FakeWorkbook(), options: FakeExcelHostOptions = {}) {
    this.book = book;
    this.options = {
      maxRequestBytes: options.maxRequestBytes ?? 5 * 1024 * 1024,
      maxResponseBytes: options.maxResponseBytes ?? 5 * 1024 * 1024,
      maxAddressLength: options.maxAddressLength ?? 8192,
      maxReadCells: options.maxReadCells ?? 5_000_000,
    };
    this.supportedSets = options.supportedSets ?? null;
  }

  /** Throws ApiNotFound when the member belongs to an ExcelApi set this Excel lacks. */
  private requireSet(type: string, member: string): void {
    const version = type === 'RangeAreas' || type === 'RangeCollection' ? '1.9' : API_SETS[`${type}.${member}`];
    if (version) this.requireVersion(`${type}.${lcFirst(member)}`, version);
  }

  private requireVersion(label: string, version: string): void {
    if (!this.supportedSets || this.supportedSets('ExcelApi', version)) return;
    throw new HostError('ApiNotFound', `The API you are trying to use could not be found. It may be available in a newer version of Excel. (${label} needs ExcelApi ${version})`, 404);
  }

  private supports(type: string, member: string): boolean {
    const version = API_SETS[`${type}.${member}`];
    return !version || !this.supportedSets || this.supportedSets('ExcelApi', version);
  }

  /** Number of Range/RangeAreas references the client holds (Excel.run should release all of them). */
  liveReferences(): number {
    return this.refs.size;
  }

  lastRequest(): RequestStats | undefined {
    return this.stats[this.stats.length - 1];
  }

  resetStats(): void {
    this.stats = [];
  }

  /**
   * Entry point for the bridge: the request body text as the client sends it. Enforces the
   * payload limits of Excel on the web, which the real bridge reports as Office error 5103/5104
   * (the client turns them into RequestPayloadSizeLimitExceeded / ResponsePayloadSizeLimitExceeded).
   */
  handleRequestText(text: string): HostReply {
    const stats = this.newStats(Buffer.byteLength(text));
    this.stats.push(stats);
    if (stats.requestBytes > this.options.maxRequestBytes) {
      stats.error = 'RequestPayloadSizeLimitExceeded';
      return {
        ok: false,
        officeJsErrorCode: OFFICE_JS_ERROR.RequestPayloadSizeLimitExceeded,
        code: stats.error,
        message: `The request payload size (${stats.requestBytes} bytes) has exceeded the limit (${this.options.maxRequestBytes} bytes).`,
        body: null,
        stats,
      };
    }
    const body = JSON.parse(text) as RichApiRequest;
    const response = this.execute(body, stats);
    const responseText = JSON.stringify(response);
    stats.responseBytes = Buffer.byteLength(responseText);
    if (stats.responseBytes > this.options.maxResponseBytes) {
      // Like Excel on the web, the request has run; only its answer is refused.
      stats.error = 'ResponsePayloadSizeLimitExceeded';
      return {
        ok: false,
        officeJsErrorCode: OFFICE_JS_ERROR.ResponsePayloadSizeLimitExceeded,
        code: stats.error,
        message: `The response payload size (${stats.responseBytes} bytes) has exceeded the limit (${this.options.maxResponseBytes} bytes).`,
        body,
        stats,
      };
    }
    return { ok: true, responseText, body, stats };
  }

  /** Executes a parsed request (no payload limits). */
  processQuery(body: RichApiRequest): RichApiResponse {
    const stats = this.newStats(Buffer.byteLength(JSON.stringify(body)));
    this.stats.push(stats);
    return this.execute(body, stats);
  }

  private newStats(requestBytes: number): RequestStats {
    return {
      index: this.stats.length,
      requestBytes,
      responseBytes: 0,
      actionCount: 0,
      actions: {},
      members: {},
      cleanupOnly: false,
      calcSuspended: false,
      screenUpdatingSuspended: false,
      error: null,
    };
  }

  private execute(body: RichApiRequest, stats: RequestStats): RichApiResponse {
    const actions = Array.isArray(body.Actions) ? body.Actions : [];
    stats.actionCount = actions.length;
    stats.cleanupOnly = actions.some((a) => a.Name === '_RemoveReference') && actions.every((a) => a.ActionType === 1 || (a.ActionType === 3 && a.Name === '_RemoveReference'));
    const run: Run = { paths: body.ObjectPaths ?? {}, cache: new Map(), location: '' };
    this.current = stats;
    const results: RichApiResponse['Results'] = [];
    this.book.calcSuspended = false;
    // Atomic protection failures. Real Excel applies a batch up to the failing action and stops
    // there. For the harness's "nothing half-written" guarantee, a request that hits a protected
    // sheet (AccessDenied) must leave NOTHING applied: when the request could touch protection
    // (a protected sheet exists, or the request calls protect()), the workbook is captured first
    // and restored if AccessDenied is raised — the observable effect of validating protection for
    // the whole request before applying any action. Other errors keep Excel's partial application.
    const guard = this.book.hasProtectedSheet() || actions.some((a) => a.Name === 'Protect') ? this.captureHostState() : null;
    for (let i = 0; i < actions.length; i++) {
      const a = actions[i];
      if (!a) continue;
      const kind = ACTION_KINDS[a.ActionType] ?? `ActionType${a.ActionType}`;
      stats.actions[kind] = (stats.actions[kind] ?? 0) + 1;
      try {
        run.location = '';
        const obj = this.resolve(a.ObjectPathId, run);
        const argObjs = this.argumentObjects(a.ArgumentInfo, run);
        const args = a.ArgumentInfo?.Arguments ?? [];
        const member = `${kind} ${obj ? obj.t : 'null'}${a.Name ? `.${a.Name}` : ''}${a.QueryInfo?.Select ? ` [${a.QueryInfo.Select.join(',')}]` : ''}`;
        stats.members[member] = (stats.members[member] ?? 0) + 1;
        if (obj && a.Name) run.location = `${obj.t}.${lcFirst(a.Name)}`;
        switch (a.ActionType) {
          case 1:
            results.push({ ActionId: a.Id, Value: this.instantiate(obj) });
            break;
          case 2:
            results.push({ ActionId: a.Id, Value: obj ? this.query(obj, a.QueryInfo ?? {}) : null });
            break;
          case 3: {
            if (!obj) {
              results.push({ ActionId: a.Id, Value: null });
              break;
            }
            const v = this.method(obj, a.Name ?? '', args, argObjs);
            results.push({ ActionId: a.Id, Value: isHostObject(v) ? this.instantiate(v) : (v ?? null) });
            break;
          }
          case 4:
            if (obj) this.setProperty(obj, a.Name ?? '', args[0]);
            break;
          case 5:
            results.push({ ActionId: a.Id, Value: null });
            break;
          default:
            throw notImplemented(`action type ${kind}`);
        }
      } catch (e) {
        if (!(e instanceof HostError)) throw e;
        stats.error = e.code;
        stats.calcSuspended = this.book.calcSuspended;
        const error: RichApiError = { Code: e.code, Message: e.message, HttpStatusCode: e.httpStatusCode, Location: run.location || this.describe(a, run), ActionIndex: i };
        if (e.code === 'AccessDenied' && guard) {
          this.restoreHostState(guard);
          return { Results: [], Error: error };
        }
        return { Results: results, Error: error };
      }
    }
    stats.calcSuspended = this.book.calcSuspended;
    return { Results: results };
  }

  private captureHostState(): { book: WorkbookState; refs: Map<string, Target>; nextRef: number } {
    return { book: this.book.captureState(), refs: new Map(this.refs), nextRef: this.nextRef };
  }

  private restoreHostState(s: { book: WorkbookState; refs: Map<string, Target>; nextRef: number }): void {
    this.book.restoreState(s.book);
    this.refs.clear();
    for (const [k, v] of s.refs) this.refs.set(k, v);
    this.nextRef = s.nextRef;
  }

  private describe(a: RichApiAction, run: Run): string {
    const p = run.paths[String(a.ObjectPathId)];
    return lcFirst(a.Name || p?.Name || ACTION_KINDS[a.ActionType] || '');
  }

  private argumentObjects(info: RichApiArgumentInfo | undefined, run: Run): (HostObject | null)[] {
    const ids = info?.ReferencedObjectPathIds ?? [];
    return ids.map((id) => (typeof id === 'number' && id > 0 ? this.resolve(id, run) : null));
  }

  // ---------- object paths ----------

  private resolve(id: number, run: Run): HostObject | null {
    if (run.cache.has(id)) return run.cache.get(id) ?? null;
    const p = run.paths[String(id)];
    if (!p) throw new HostError('InvalidObjectPath', `The object path ${id} isn't part of the request.`, 400);
    const parent = p.ParentObjectPathId !== undefined && p.ParentObjectPathId !== null ? this.resolve(p.ParentObjectPathId, run) : null;
    const hasParent = p.ParentObjectPathId !== undefined && p.ParentObjectPathId !== null;
    const args = p.ArgumentInfo?.Arguments ?? [];
    const name = p.Name ?? '';
    let obj: HostObject | null;
    switch (p.ObjectPathType) {
      case 1:
        obj = { t: 'Workbook' };
        break;
      case 3: {
        if (hasParent && parent === null) {
          obj = null;
          break;
        }
        if (!parent) throw new HostError('InvalidObjectPath', `Method path ${name} has no parent.`, 400);
        run.location = `${parent.t}.${lcFirst(name)}`;
        const argObjs = this.argumentObjects(p.ArgumentInfo, run);
        const v = this.method(parent, name, args, argObjs);
        if (v !== null && !isHostObject(v)) throw new HostError('InvalidObjectPath', `${parent.t}.${name} does not return an object.`, 400);
        obj = v;
        break;
      }
      case 4:
        if (!parent) {
          obj = null;
          break;
        }
        run.location = `${parent.t}.${lcFirst(name)}`;
        obj = this.navigate(parent, name);
        break;
      case 5:
        if (!parent) {
          obj = null;
          break;
        }
        run.location = `${parent.t}.getItem`;
        obj = this.indexer(parent, args);
        break;
      case 6: {
        const t = this.refs.get(name);
        if (!t) throw new HostError('InvalidObjectPath', `The object reference ${name} is no longer valid.`, 400);
        this.alive(t.sheet);
        obj = t;
        break;
      }
      case 7:
        obj = null;
        break;
      default:
        throw notImplemented(`object path type ${p.ObjectPathType}`);
    }
    run.cache.set(id, obj);
    return obj;
  }

  private alive(sheet: FakeSheet): FakeSheet {
    if (!this.book.sheets.includes(sheet)) throw itemNotFound(`worksheet "${sheet.name}" was deleted`);
    return sheet;
  }

  /** Result of an Instantiate action: how the client learns an object's identity. */
  private instantiate(obj: HostObject | null): unknown {
    if (!obj) return null;
    if (obj.t === 'Worksheet') return { Id: obj.sheet.id };
    if (obj.t === 'Chart') return { Id: obj.chart.id };
    if (obj.t === 'Range' || obj.t === 'RangeAreas') return { _ReferenceId: this.keep(obj) };
    return {};
  }

  private keep(obj: Target): string {
    if (!obj.ref) {
      obj.ref = `{FAKE-${obj.t === 'Range' ? 'R' : 'RA'}-${String(this.nextRef++).padStart(6, '0')}}`;
      this.refs.set(obj.ref, obj);
    }
    return obj.ref;
  }

  private navigate(o: HostObject, name: string): HostObject {
    this.requireSet(o.t, name);
    const key = `${o.t}.${name}`;
    switch (key) {
      case 'Workbook.Worksheets':
        return { t: 'WorksheetCollection' };
      case 'Workbook.Application':
        return { t: 'Application' };
      case 'Workbook.Functions':
        return { t: 'Functions' };
      case 'Worksheet.Protection':
        return { t: 'WorksheetProtection', sheet: (o as SheetObj).sheet };
      case 'Range.Format':
      case 'RangeAreas.Format':
        return { t: 'RangeFormat', target: o as Target };
      case 'RangeFormat.Fill':
        return { t: 'RangeFill', target: (o as FormatObj).target };
      case 'RangeFormat.Font':
        return { t: 'RangeFont', target: (o as FormatObj).target };
      case 'Range.Worksheet':
      case 'RangeAreas.Worksheet':
        return { t: 'Worksheet', sheet: this.alive((o as Target).sheet) };
      case 'RangeAreas.Areas':
        return { t: 'RangeCollection', owner: o as AreasObj };
      case 'Worksheet.Charts':
        return { t: 'ChartCollection', sheet: this.alive((o as SheetObj).sheet) };
      case 'Chart.Title':
        return { t: 'ChartTitle', owner: o as ChartObj };
      case 'Chart.Legend':
        return { t: 'ChartLegend', owner: o as ChartObj };
      case 'Chart.Series':
        return { t: 'ChartSeriesCollection', owner: o as ChartObj };
      case 'Chart.Worksheet':
        return { t: 'Worksheet', sheet: this.alive((o as ChartObj).sheet) };
      case 'ChartSeries.Format':
        return { t: 'ChartSeriesFormat', owner: o as SeriesObj };
      case 'ChartSeriesFormat.Fill':
        return { t: 'ChartFill', owner: (o as SeriesFormatObj).owner };
    }
    throw notImplemented(`property ${key}`);
  }

  private indexer(o: HostObject, args: unknown[]): HostObject {
    if (o.t === 'WorksheetCollection') {
      const s = this.book.findSheet(String(args[0]));
      if (!s) throw itemNotFound(`worksheet "${String(args[0])}"`);
      return { t: 'Worksheet', sheet: s };
    }
    if (o.t === 'ChartCollection') {
      const chart = this.findChart(o.sheet, args[0]);
      if (!chart) throw itemNotFound(`chart "${String(args[0])}"`);
      return { t: 'Chart', sheet: o.sheet, chart };
    }
    throw notImplemented(`${o.t}.getItem`);
  }

  /** Excel's DATE(year, month, day) as a serial in the workbook's date system (years 0–1899 add 1900, as Excel does). */
  private dateFunction(args: unknown[]): number {
    const [y, m, d] = args.map(Number) as [number, number, number];
    const year = y < 1900 ? y + 1900 : y;
    const days = Date.UTC(year, m - 1, d) / 86_400_000;
    if (this.book.date1904) return days - Date.UTC(1904, 0, 1) / 86_400_000;
    // The 1900 system counts the phantom 29 Feb 1900 (serial 60).
    const serial = days - Date.UTC(1899, 11, 31) / 86_400_000;
    return serial >= 60 ? serial + 1 : serial;
  }

  // ---------- helpers ----------

  private writable(sheet: FakeSheet): FakeSheet {
    this.alive(sheet);
    if (sheet.protected) {
      throw new HostError('AccessDenied', `${MESSAGES.AccessDenied} (worksheet "${sheet.name}" is protected)`, 403);
    }
    return sheet;
  }

  /** A chart of the sheet by id or name (case-insensitive), or null. */
  private findChart(sheet: FakeSheet, key: unknown): ChartRecord | null {
    const k = String(key).toLowerCase();
    const charts = this.alive(sheet).charts;
    return charts.find((c) => c.id.toLowerCase() === k) ?? charts.find((c) => c.name.toLowerCase() === k) ?? null;
  }

  /** The chart behind a Chart object, or ItemNotFound once it (or its sheet) is deleted. */
  private liveChart(o: ChartObj): ChartRecord {
    if (!this.alive(o.sheet).charts.includes(o.chart)) throw itemNotFound(`chart "${o.chart.name}" was deleted`);
    return o.chart;
  }

  /** A chart about to be changed: its sheet must not be protected. */
  private writableChart(o: ChartObj): ChartRecord {
    this.writable(o.sheet);
    return this.liveChart(o);
  }

  private liveSeries(o: SeriesObj): ChartSeriesRecord {
    if (!this.liveChart(o.owner).series.includes(o.series)) throw itemNotFound(`series "${o.series.name}" is no longer in its chart`);
    return o.series;
  }

  /** Source data of ChartCollection.add / Chart.setData: a Range (the client refuses anything else). */
  private sourceArg(argObj: HostObject | null | undefined): RangeObj {
    if (!argObj || argObj.t !== 'Range') throw invalidArgument('sourceData must be a Range');
    this.alive(argObj.sheet);
    return argObj;
  }

  private seriesByArg(v: unknown): ChartSeriesBy | 'Auto' {
    if (v === null || v === undefined) return 'Auto';
    if (typeof v !== 'string' || !SERIES_BY.includes(v)) throw invalidArgument(`seriesBy "${String(v)}"`);
    return v as ChartSeriesBy | 'Auto';
  }

  private chartTypeArg(v: unknown): string {
    if (typeof v !== 'string' || !CHART_TYPES.has(v)) throw invalidArgument(`chart type "${String(v)}"`);
    return v;
  }

  /** setPosition's startCell / endCell: an address or a Range on the chart's sheet. */
  private cellArg(sheet: FakeSheet, arg: unknown, argObj: HostObject | null | undefined, what: string): Area {
    if (argObj) {
      if (argObj.t !== 'Range') throw invalidArgument(`${what} must be a Range or an address`);
      if (argObj.sheet !== sheet) throw invalidArgument(`${what} is not on worksheet "${sheet.name}"`);
      return argObj.area;
    }
    return this.areaOn(sheet, arg);
  }

  private points(v: unknown, what: string): number {
    if (typeof v !== 'number' || !Number.isFinite(v) || v < 0) throw invalidArgument(what);
    return v;
  }

  private areasOf(t: Target): Area[] {
    return t.t === 'Range' ? [t.area] : t.areas;
  }

  private rangeObj(sheet: FakeSheet, area: Area): RangeObj {
    if (area.r0 < 0 || area.c0 < 0 || area.r1 > MAX_ROW || area.c1 > MAX_COL || area.r0 > area.r1 || area.c0 > area.c1) {
      throw invalidArgument('the range falls outside the worksheet');
    }
    return { t: 'Range', sheet, area };
  }

  private checkAddressLength(address: string): void {
    if (address.length > this.options.maxAddressLength) {
      throw invalidArgument(`address of ${address.length} characters; the limit is ${this.options.maxAddressLength}`);
    }
  }

  /** One area on this sheet (a sheet-qualified address must name this sheet). */
  private areaOn(sheet: FakeSheet, address: unknown): Area {
    if (typeof address !== 'string' || address.trim() === '') throw invalidArgument('address');
    this.checkAddressLength(address);
    const p = parseArea(address);
    if (p.sheet !== null && p.sheet.toLowerCase() !== sheet.name.toLowerCase()) throw invalidArgument(`"${address}" is not on worksheet "${sheet.name}"`);
    return p.area;
  }

  private areaArg(self: RangeObj, arg: unknown, argObj: HostObject | null | undefined): Area {
    if (argObj) {
      if (argObj.t !== 'Range') throw invalidArgument('a Range is required');
      if (argObj.sheet !== self.sheet) throw invalidArgument('the ranges are on different worksheets');
      return argObj.area;
    }
    return this.areaOn(self.sheet, arg);
  }

  private int(v: unknown, what: string, min = -Infinity): number {
    if (typeof v !== 'number' || !Number.isInteger(v) || v < min) throw invalidArgument(what);
    return v;
  }

  private optionalCount(v: unknown, what: string): number {
    if (v === null || v === undefined) return 1;
    return this.int(v, what, 1);
  }

  // ---------- methods ----------

  private method(o: HostObject, name: string, args: unknown[], argObjs: (HostObject | null)[]): unknown {
    if (name !== '_KeepReference' && name !== '_RemoveReference') this.requireSet(o.t, name);
    if (name === '_KeepReference') {
      if (o.t === 'Range' || o.t === 'RangeAreas') this.keep(o);
      return null;
    }
    const key = `${o.t}.${name}`;
    switch (o.t) {
      case 'Workbook':
        switch (name) {
          case '_RemoveReference':
            this.refs.delete(String(args[0]));
            return null;
          case 'GetSelectedRange':
          case 'GetActiveCell': {
            const sel = this.book.selection;
            const active = this.book.activeSheet;
            if (!active) throw itemNotFound('no active worksheet');
            if (!sel || sel.sheet !== active) return this.rangeObj(active, cellArea(0, 0));
            const first = sel.areas[0] ?? cellArea(0, 0);
            if (name === 'GetActiveCell') return this.rangeObj(sel.sheet, cellArea(first.r0, first.c0));
            if (sel.areas.length > 1) throw invalidOperation('the selection has more than one area');
            return this.rangeObj(sel.sheet, first);
          }
        }
        break;
      case 'Functions':
        // Only DATE is modelled: it is how an add-in learns the workbook's date system on any Excel.
        if (name === 'Date') return { t: 'FunctionResult', value: this.dateFunction(args) };
        break;
      case 'Application':
        switch (name) {
          case 'SuspendApiCalculationUntilNextSync':
            this.book.calcSuspended = true;
            return null;
          case 'SuspendScreenUpdatingUntilNextSync':
            if (this.current) this.current.screenUpdatingSuspended = true;
            return null;
          case 'Calculate':
            return null;
        }
        break;
      case 'WorksheetCollection':
        switch (name) {
          case 'Add': {
            const n = args[0];
            if (n !== null && n !== undefined && typeof n !== 'string') throw invalidArgument('name');
            return { t: 'Worksheet', sheet: this.book.addSheet(n ?? null) };
          }
          case 'GetItem':
            return this.indexer(o, args);
          case 'GetItemOrNullObject': {
            const s = this.book.findSheet(String(args[0]));
            return s ? { t: 'Worksheet', sheet: s } : null;
          }
          case 'GetActiveWorksheet':
            if (!this.book.activeSheet) throw itemNotFound('no active worksheet');
            return { t: 'Worksheet', sheet: this.book.activeSheet };
          case 'GetCount':
            return args[0] === true ? this.book.sheets.filter((s) => s.visibility === 'Visible').length : this.book.sheets.length;
          case 'GetFirst':
          case 'GetLast': {
            const list = args[0] === true ? this.book.sheets.filter((s) => s.visibility === 'Visible') : this.book.sheets;
            const s = name === 'GetFirst' ? list[0] : list[list.length - 1];
            if (!s) throw itemNotFound('no worksheet');
            return { t: 'Worksheet', sheet: s };
          }
        }
        break;
      case 'Worksheet':
        return this.worksheetMethod(o, name, args);
      case 'WorksheetProtection':
        switch (name) {
          case 'Protect':
            this.alive(o.sheet).protected = true;
            return null;
          case 'Unprotect':
            this.alive(o.sheet).protected = false;
            return null;
        }
        break;
      case 'Range':
        return this.rangeMethod(o, name, args, argObjs);
      case 'RangeAreas':
        switch (name) {
          case 'Clear':
            return this.clear(o, args[0]);
          case 'Calculate':
            return null;
        }
        break;
      case 'RangeCollection':
        switch (name) {
          case 'GetCount':
            return o.owner.areas.length;
          case 'GetItemAt': {
            const i = this.int(args[0], 'index', 0);
            const area = o.owner.areas[i];
            if (!area) throw itemNotFound(`area ${i}`);
            return this.rangeObj(o.owner.sheet, area);
          }
        }
        break;
      case 'RangeFill':
        if (name === 'Clear') {
          for (const a of this.areasOf(o.target)) this.writable(o.target.sheet).applyFormat(a, { fill: null });
          return null;
        }
        break;
      case 'RangeFormat':
        if (name === 'AutofitColumns' || name === 'AutofitRows') {
          this.writable(o.target.sheet); // no text metrics in the fake: widths/heights are left as they are
          return null;
        }
        break;
      case 'ChartCollection':
      case 'Chart':
      case 'ChartSeriesCollection':
      case 'ChartFill': {
        const v = this.chartMethod(o, name, args, argObjs);
        if (v !== undefined) return v;
        break;
      }
    }
    throw notImplemented(`method ${key}`);
  }

  /** Chart methods; undefined when the member is not modelled. */
  private chartMethod(o: ChartsObj | ChartObj | SeriesCollectionObj | ChartFillObj, name: string, args: unknown[], argObjs: (HostObject | null)[]): unknown {
    switch (`${o.t}.${name}`) {
      case 'ChartCollection.Add': {
        const c = o as ChartsObj;
        const sheet = this.writable(c.sheet);
        const type = this.chartTypeArg(args[0]);
        const src = this.sourceArg(argObjs[1]);
        const by = this.seriesByArg(args[2]);
        return { t: 'Chart', sheet, chart: this.book.createChart(sheet, type, src.sheet, src.area, by) } satisfies ChartObj;
      }
      case 'ChartCollection.GetItem':
        return this.indexer(o, args);
      case 'ChartCollection.GetItemOrNullObject': {
        const c = o as ChartsObj;
        const chart = this.findChart(c.sheet, args[0]);
        return chart ? ({ t: 'Chart', sheet: c.sheet, chart } satisfies ChartObj) : null;
      }
      case 'ChartCollection.GetItemAt': {
        const c = o as ChartsObj;
        const i = this.int(args[0], 'index', 0);
        const chart = this.alive(c.sheet).charts[i];
        if (!chart) throw itemNotFound(`chart ${i}`);
        return { t: 'Chart', sheet: c.sheet, chart } satisfies ChartObj;
      }
      case 'ChartCollection.GetCount':
        return this.alive((o as ChartsObj).sheet).charts.length;
      case 'Chart.Delete': {
        const c = o as ChartObj;
        const chart = this.writableChart(c);
        c.sheet.charts = c.sheet.charts.filter((x) => x !== chart);
        return null;
      }
      case 'Chart.SetPosition': {
        const c = o as ChartObj;
        const chart = this.writableChart(c);
        const sheet = c.sheet;
        const start = this.cellArg(sheet, args[0], argObjs[0], 'startCell');
        const hasEnd = (args[1] !== null && args[1] !== undefined) || Boolean(argObjs[1]);
        const end = hasEnd ? this.cellArg(sheet, args[1], argObjs[1], 'endCell') : null;
        const left = sheet.columnLeft(start.c0);
        const top = sheet.rowTop(start.r0);
        if (end) {
          // The chart spans from the start cell's top-left corner to the end cell's bottom-right one.
          if (end.r1 < start.r0 || end.c1 < start.c0) throw invalidArgument('endCell is above or to the left of startCell');
          chart.width = sheet.columnLeft(end.c1 + 1) - left;
          chart.height = sheet.rowTop(end.r1 + 1) - top;
        }
        chart.left = left;
        chart.top = top;
        return null;
      }
      case 'Chart.SetData': {
        const c = o as ChartObj;
        const chart = this.writableChart(c);
        const src = this.sourceArg(argObjs[0]);
        const req = this.seriesByArg(args[1]);
        const a = src.area;
        const by: ChartSeriesBy = req === 'Auto' ? (a.r1 - a.r0 > a.c1 - a.c0 ? 'Columns' : 'Rows') : req;
        const series = deriveSeries(src.sheet, a, by);
        // Series formatting stays with the series position, as when Excel's data range is edited.
        series.forEach((s, i) => (s.fill = chart.series[i]?.fill ?? null));
        chart.source = { sheet: src.sheet, area: { ...a } };
        chart.seriesBy = by;
        chart.series = series;
        return null;
      }
      case 'ChartSeriesCollection.GetItemAt': {
        const c = o as SeriesCollectionObj;
        const i = this.int(args[0], 'index', 0);
        const series = this.liveChart(c.owner).series[i];
        if (!series) throw itemNotFound(`series ${i}`);
        return { t: 'ChartSeries', owner: c.owner, series } satisfies SeriesObj;
      }
      case 'ChartSeriesCollection.GetCount':
        return this.liveChart((o as SeriesCollectionObj).owner).series.length;
      case 'ChartFill.SetSolidColor':
      case 'ChartFill.Clear': {
        const f = o as ChartFillObj;
        this.writableChart(f.owner.owner);
        const series = this.liveSeries(f.owner);
        series.fill = name === 'Clear' ? null : normaliseColor(args[0]);
        return null;
      }
    }
    return undefined;
  }

  private worksheetMethod(o: SheetObj, name: string, args: unknown[]): unknown {
    const sheet = this.alive(o.sheet);
    switch (name) {
      case 'GetRange':
        if (args[0] === null || args[0] === undefined) return this.rangeObj(sheet, { r0: 0, c0: 0, r1: MAX_ROW, c1: MAX_COL });
        return this.rangeObj(sheet, this.areaOn(sheet, args[0]));
      case 'GetRanges': {
        const text = args[0];
        if (typeof text !== 'string' || text.trim() === '') throw invalidArgument('address');
        this.checkAddressLength(text);
        const areas = splitAddressList(text).map((part) => this.areaOn(sheet, part));
        return { t: 'RangeAreas', sheet, areas } satisfies AreasObj;
      }
      case 'GetRangeByIndexes': {
        const r = this.int(args[0], 'startRow', 0);
        const c = this.int(args[1], 'startColumn', 0);
        const n = this.int(args[2], 'rowCount', 1);
        const m = this.int(args[3], 'columnCount', 1);
        return this.rangeObj(sheet, { r0: r, c0: c, r1: r + n - 1, c1: c + m - 1 });
      }
      case 'GetCell': {
        const r = this.int(args[0], 'row', 0);
        const c = this.int(args[1], 'column', 0);
        return this.rangeObj(sheet, cellArea(r, c));
      }
      case 'GetUsedRange':
        return this.rangeObj(sheet, sheet.usedArea(args[0] === true) ?? cellArea(0, 0));
      case 'GetUsedRangeOrNullObject': {
        const used = sheet.usedArea(args[0] === true);
        return used ? this.rangeObj(sheet, used) : null;
      }
      case 'Activate':
        if (sheet.visibility !== 'Visible') throw invalidOperation(`worksheet "${sheet.name}" is hidden and cannot be activated`);
        this.book.activeSheet = sheet;
        return null;
      case 'Delete':
        // Stricter than Excel desktop (where sheet protection does not stop deleting the sheet;
        // workbook-structure protection does): the harness treats delete as a write.
        this.writable(sheet);
        this.book.deleteSheet(sheet);
        return null;
      case 'Calculate':
        return null;
      case 'GetNext':
      case 'GetNextOrNullObject':
      case 'GetPrevious':
      case 'GetPreviousOrNullObject': {
        const visibleOnly = args[0] === true;
        const list = this.book.sheets;
        const i = list.indexOf(sheet);
        const step = name.startsWith('GetNext') ? 1 : -1;
        let j = i + step;
        while (j >= 0 && j < list.length && visibleOnly && list[j]?.visibility !== 'Visible') j += step;
        const s = list[j];
        if (s) return { t: 'Worksheet', sheet: s };
        if (name.endsWith('OrNullObject')) return null;
        throw itemNotFound(`no worksheet ${step > 0 ? 'after' : 'before'} "${sheet.name}"`);
      }
    }
    throw notImplemented(`method Worksheet.${name}`);
  }

  private rangeMethod(o: RangeObj, name: string, args: unknown[], argObjs: (HostObject | null)[]): unknown {
    const sheet = this.alive(o.sheet);
    const a = o.area;
    const rows = areaRows(a);
    const cols = areaCols(a);
    switch (name) {
      case 'GetRow': {
        const i = this.int(args[0], 'row', 0);
        return this.rangeObj(sheet, { ...a, r0: a.r0 + i, r1: a.r0 + i });
      }
      case 'GetColumn': {
        const j = this.int(args[0], 'column', 0);
        return this.rangeObj(sheet, { ...a, c0: a.c0 + j, c1: a.c0 + j });
      }
      case 'GetCell': {
        const i = this.int(args[0], 'row', 0);
        const j = this.int(args[1], 'column', 0);
        return this.rangeObj(sheet, cellArea(a.r0 + i, a.c0 + j));
      }
      case 'GetLastRow':
        return this.rangeObj(sheet, { ...a, r0: a.r1 });
      case 'GetLastColumn':
        return this.rangeObj(sheet, { ...a, c0: a.c1 });
      case 'GetLastCell':
        return this.rangeObj(sheet, cellArea(a.r1, a.c1));
      case 'GetBoundingRect':
        return this.rangeObj(sheet, boundingArea(a, this.areaArg(o, args[0], argObjs[0])));
      case 'GetIntersection':
      case 'GetIntersectionOrNullObject': {
        const x = intersect(a, this.areaArg(o, args[0], argObjs[0]));
        if (x) return this.rangeObj(sheet, x);
        if (name.endsWith('OrNullObject')) return null;
        throw itemNotFound('the ranges do not intersect');
      }
      case 'GetEntireRow':
        return this.rangeObj(sheet, { r0: a.r0, r1: a.r1, c0: 0, c1: MAX_COL });
      case 'GetEntireColumn':
        return this.rangeObj(sheet, { r0: 0, r1: MAX_ROW, c0: a.c0, c1: a.c1 });
      case 'GetOffsetRange': {
        const dr = this.int(args[0], 'rowOffset');
        const dc = this.int(args[1], 'columnOffset');
        return this.rangeObj(sheet, { r0: a.r0 + dr, r1: a.r1 + dr, c0: a.c0 + dc, c1: a.c1 + dc });
      }
      case 'GetResizedRange': {
        const dr = this.int(args[0], 'deltaRows');
        const dc = this.int(args[1], 'deltaColumns');
        return this.rangeObj(sheet, { ...a, r1: a.r1 + dr, c1: a.c1 + dc });
      }
      case 'GetAbsoluteResizedRange': {
        const n = this.int(args[0], 'numRows', 1);
        const m = this.int(args[1], 'numColumns', 1);
        return this.rangeObj(sheet, { r0: a.r0, c0: a.c0, r1: a.r0 + n - 1, c1: a.c0 + m - 1 });
      }
      case 'GetRowsAbove': {
        const n = this.optionalCount(args[0], 'count');
        return this.rangeObj(sheet, { ...a, r0: a.r0 - n, r1: a.r0 - 1 });
      }
      case 'GetRowsBelow': {
        const n = this.optionalCount(args[0], 'count');
        return this.rangeObj(sheet, { ...a, r0: a.r1 + 1, r1: a.r1 + n });
      }
      case 'GetColumnsBefore': {
        const n = this.optionalCount(args[0], 'count');
        return this.rangeObj(sheet, { ...a, c0: a.c0 - n, c1: a.c0 - 1 });
      }
      case 'GetColumnsAfter': {
        const n = this.optionalCount(args[0], 'count');
        return this.rangeObj(sheet, { ...a, c0: a.c1 + 1, c1: a.c1 + n });
      }
      case 'GetUsedRange':
      case 'GetUsedRangeOrNullObject': {
        const used = sheet.usedArea(args[0] === true);
        const x = used ? intersect(used, a) : null;
        if (x) return this.rangeObj(sheet, x);
        if (name.endsWith('OrNullObject')) return null;
        throw itemNotFound('the range has no used cells');
      }
      case 'GetMergedAreas':
      case 'GetMergedAreasOrNullObject': {
        const merges = sheet.mergesIntersecting(a);
        if (merges.length > 0) return { t: 'RangeAreas', sheet, areas: merges.map((m) => ({ ...m })) } satisfies AreasObj;
        if (name.endsWith('OrNullObject')) return null;
        throw itemNotFound('the range has no merged cells');
      }
      case 'GetSpecialCells':
      case 'GetSpecialCellsOrNullObject': {
        // Only the "Visible" cell type is modelled: the cells of rows and columns not hidden, as rectangles.
        if (args[0] !== 'Visible') throw notImplemented(`getSpecialCells("${String(args[0])}")`);
        const runs = (lo: number, hi: number, hidden: Set<number>): [number, number][] => {
          const out: [number, number][] = [];
          for (let i = lo; i <= hi; i++) {
            if (hidden.has(i)) continue;
            const last = out[out.length - 1];
            if (last && last[1] === i - 1) last[1] = i;
            else out.push([i, i]);
          }
          return out;
        };
        const cols = runs(a.c0, a.c1, sheet.hiddenColumns);
        const areas = runs(a.r0, a.r1, sheet.hiddenRows).flatMap(([r0, r1]) => cols.map(([c0, c1]) => ({ r0, r1, c0, c1 })));
        if (areas.length > 0) return { t: 'RangeAreas', sheet, areas } satisfies AreasObj;
        if (name.endsWith('OrNullObject')) return null;
        throw itemNotFound('No cells were found.');
      }
      case 'Select':
        if (sheet.visibility !== 'Visible') throw invalidOperation(`worksheet "${sheet.name}" is hidden`);
        this.book.activeSheet = sheet;
        this.book.selection = { sheet, areas: [{ ...a }] };
        return null;
      case 'Clear':
        return this.clear(o, args[0]);
      case 'Merge':
        this.writable(sheet).merge(a, args[0] === true);
        return null;
      case 'Unmerge':
        this.writable(sheet).unmerge(a);
        return null;
      case '_ValidateArraySize': {
        // Sent by the client before it splits a write of more than 1,500 cells into row chunks.
        if (args[0] !== rows || args[1] !== cols) throw invalidArgument(DIMENSION_MISMATCH);
        return null;
      }
      case 'SetCellProperties':
        this.setCellProperties(o, args[0]);
        return null;
      case 'GetCellProperties':
        return this.getCellProperties(o, args[0]);
      case 'Calculate':
        return null;
    }
    throw notImplemented(`method Range.${name}`);
  }

  private clear(t: Target, applyTo: unknown): null {
    const what = applyTo === null || applyTo === undefined ? 'All' : String(applyTo);
    const sheet = this.writable(t.sheet);
    for (const a of this.areasOf(t)) {
      switch (what) {
        case 'All':
          sheet.clearContents(a);
          sheet.clearFormats(a);
          break;
        case 'Contents':
        case 'ResetContents':
          sheet.clearContents(a);
          break;
        case 'Formats':
          sheet.clearFormats(a);
          break;
        case 'Hyperlinks':
        case 'RemoveHyperlinks':
          break; // the fake has no hyperlinks
        default:
          throw invalidArgument(`applyTo "${what}"`);
      }
    }
    return null;
  }

  private checkGrid(a: Area, v: unknown[]): unknown[][] {
    const rows = areaRows(a);
    const cols = areaCols(a);
    if (v.length !== rows || v.some((r) => !Array.isArray(r) || r.length !== cols)) throw invalidArgument(DIMENSION_MISMATCH);
    return v as unknown[][];
  }

  /** Calls each(r, c, value) for a 2-D array matching the area or a single value for all cells; null entries are skipped. */
  private forGrid(a: Area, v: unknown, each: (r: number, c: number, value: unknown) => void): void {
    if (Array.isArray(v)) {
      const g = this.checkGrid(a, v);
      g.forEach((row, i) =>
        row.forEach((x, j) => {
          if (x !== null && x !== undefined) each(a.r0 + i, a.c0 + j, x);
        }),
      );
      return;
    }
    if (v === null || v === undefined) return;
    for (let r = a.r0; r <= a.r1; r++) for (let c = a.c0; c <= a.c1; c++) each(r, c, v);
  }

  private cellValue(x: unknown): CellValue {
    if (typeof x === 'string' || typeof x === 'boolean') return x;
    if (typeof x === 'number' && Number.isFinite(x)) return x;
    throw invalidArgument(`cell value ${JSON.stringify(x)}`);
  }

  private setCellProperties(o: RangeObj, data: unknown): void {
    const sheet = this.writable(o.sheet);
    if (!Array.isArray(data)) throw invalidArgument('cellPropertiesData');
    const g = this.checkGrid(o.area, data);
    // Validate everything first so an invalid entry does not leave half the cells formatted.
    const patches: FormatPatch[][] = g.map((row) => row.map((p) => this.cellPropertiesPatch(p)));
    patches.forEach((row, i) =>
      row.forEach((patch, j) => {
        if (Object.keys(patch).length > 0) sheet.applyFormat(cellArea(o.area.r0 + i, o.area.c0 + j), patch);
      }),
    );
  }

  private cellPropertiesPatch(p: unknown): FormatPatch {
    if (p === null || p === undefined) return {};
    if (typeof p !== 'object' || Array.isArray(p)) throw invalidArgument('cell properties');
    const patch: FormatPatch = {};
    for (const [k, v] of Object.entries(p as Record<string, unknown>)) {
      if (k !== 'format') throw notImplemented(`SettableCellProperties.${k}`);
      if (v === null || v === undefined) continue;
      for (const [fk, fv] of Object.entries(v as Record<string, unknown>)) {
        if (fv === undefined) continue;
        switch (fk) {
          case 'fill':
            for (const [k2, v2] of Object.entries((fv ?? {}) as Record<string, unknown>)) {
              if (k2 !== 'color') throw notImplemented(`CellPropertiesFill.${k2}`);
              if (v2 !== undefined) patch.fill = v2 === null ? null : normaliseColor(v2);
            }
            break;
          case 'font':
            for (const [k2, v2] of Object.entries((fv ?? {}) as Record<string, unknown>)) {
              if (v2 === undefined) continue;
              Object.assign(patch, this.fontPatch(ucFirst(k2), v2));
            }
            break;
          case 'wrapText':
          case 'verticalAlignment':
          case 'horizontalAlignment':
            Object.assign(patch, this.formatPatch(ucFirst(fk), fv));
            break;
          default:
            throw notImplemented(`CellPropertiesFormat.${fk}`);
        }
      }
    }
    return patch;
  }

  private getCellProperties(o: RangeObj, options: unknown): unknown {
    const opts = (options ?? {}) as Record<string, unknown>;
    if (areaCells(o.area) > this.options.maxReadCells) return null;
    const out: unknown[][] = [];
    for (let r = o.area.r0; r <= o.area.r1; r++) {
      const row: unknown[] = [];
      for (let c = o.area.c0; c <= o.area.c1; c++) {
        const cell = o.sheet.cell(r, c);
        const item: Record<string, unknown> = {};
        for (const [k, v] of Object.entries(opts)) {
          if (!v) continue;
          if (k === 'address' || k === 'addressLocal') item[k] = qualifiedAddress(o.sheet.name, cellArea(r, c));
          else if (k === 'hidden') item[k] = o.sheet.hiddenRows.has(r) || o.sheet.hiddenColumns.has(c);
          else if (k === 'format') item.format = this.cellFormatProperties(o.sheet, r, c, cell, v);
          else throw notImplemented(`CellPropertiesLoadOptions.${k}`);
        }
        row.push(item);
      }
      out.push(row);
    }
    return out;
  }

  private cellFormatProperties(sheet: FakeSheet, r: number, c: number, cell: CellRecord, opts: unknown): Record<string, unknown> {
    const all = opts === true;
    const o = (all ? {} : opts) as Record<string, unknown>;
    const want = (k: string): unknown => (all ? true : o[k]);
    const f: Record<string, unknown> = {};
    const fillOpt = want('fill');
    if (fillOpt) f.fill = { color: cell.fill ?? '#FFFFFF' };
    const fontOpt = want('font');
    if (fontOpt) {
      const font = { color: cell.fontColor, bold: cell.bold, italic: cell.italic, name: cell.fontName, size: cell.size };
      f.font = fontOpt === true ? font : Object.fromEntries(Object.entries(font).filter(([k]) => (fontOpt as Record<string, unknown>)[k]));
    }
    if (want('wrapText')) f.wrapText = cell.wrapText;
    if (want('verticalAlignment')) f.verticalAlignment = cell.verticalAlignment;
    if (want('horizontalAlignment')) f.horizontalAlignment = cell.horizontalAlignment;
    if (want('columnWidth')) f.columnWidth = sheet.columnWidth(c);
    if (want('rowHeight')) f.rowHeight = sheet.rowHeight(r);
    if (!all) {
      for (const k of Object.keys(o)) {
        if (!['fill', 'font', 'wrapText', 'verticalAlignment', 'horizontalAlignment', 'columnWidth', 'rowHeight'].includes(k)) throw notImplemented(`CellPropertiesFormatLoadOptions.${k}`);
      }
    }
    return f;
  }

  private fontPatch(name: string, v: unknown): FormatPatch {
    switch (name) {
      case 'Color':
        return { fontColor: normaliseColor(v) };
      case 'Bold':
        if (typeof v !== 'boolean') throw invalidArgument('bold');
        return { bold: v };
      case 'Italic':
        if (typeof v !== 'boolean') throw invalidArgument('italic');
        return { italic: v };
      case 'Size':
        if (typeof v !== 'number' || !(v >= 1 && v <= 409)) throw invalidArgument('size');
        return { size: v };
      case 'Name':
        if (typeof v !== 'string' || v === '') throw invalidArgument('font name');
        return { fontName: v };
    }
    throw notImplemented(`RangeFont.${lcFirst(name)}`);
  }

  private formatPatch(name: string, v: unknown): FormatPatch {
    switch (name) {
      case 'WrapText':
        if (typeof v !== 'boolean') throw invalidArgument('wrapText');
        return { wrapText: v };
      case 'VerticalAlignment':
        if (typeof v !== 'string' || !VERTICAL.includes(v)) throw invalidArgument(`verticalAlignment "${String(v)}"`);
        return { verticalAlignment: v };
      case 'HorizontalAlignment':
        if (typeof v !== 'string' || !HORIZONTAL.includes(v)) throw invalidArgument(`horizontalAlignment "${String(v)}"`);
        return { horizontalAlignment: v };
    }
    throw notImplemented(`RangeFormat.${lcFirst(name)}`);
  }

  // ---------- SetProperty ----------

  private setProperty(o: HostObject, name: string, v: unknown): void {
    this.requireSet(o.t, name);
    if (o.t === 'Worksheet' && name === 'Visibility') this.requireVersion('setting Worksheet.visibility', '1.2');
    const key = `${o.t}.${name}`;
    switch (o.t) {
      case 'Range': {
        const a = o.area;
        switch (name) {
          case 'Values':
          case 'Formulas':
          case 'FormulasLocal': {
            const sheet = this.writable(o.sheet);
            if (v === '' && !Array.isArray(v)) {
              sheet.clearContents(a);
              return;
            }
            // Validate the whole grid before writing any cell.
            if (Array.isArray(v)) this.checkGrid(a, v).forEach((row) => row.forEach((x) => x !== null && x !== undefined && this.cellValue(x)));
            else if (v !== null && v !== undefined) this.cellValue(v);
            this.forGrid(a, v, (r, c, x) => sheet.writeTyped(r, c, this.cellValue(x)));
            return;
          }
          case 'NumberFormat':
          case 'NumberFormatLocal': {
            const sheet = this.writable(o.sheet);
            if (typeof v === 'string') {
              sheet.applyFormat(a, { numberFormat: v });
              return;
            }
            if (!Array.isArray(v)) throw invalidArgument('numberFormat');
            const g = this.checkGrid(a, v);
            g.forEach((row) => row.forEach((x) => x !== null && x !== undefined && typeof x !== 'string' && this.fail(invalidArgument('numberFormat'))));
            this.forGrid(a, g, (r, c, x) => sheet.applyFormat(cellArea(r, c), { numberFormat: String(x) }));
            return;
          }
          case 'RowHidden':
            if (typeof v !== 'boolean') throw invalidArgument('rowHidden');
            this.writable(o.sheet).setRowsHidden(a, v);
            return;
          case 'ColumnHidden':
            if (typeof v !== 'boolean') throw invalidArgument('columnHidden');
            this.writable(o.sheet).setColumnsHidden(a, v);
            return;
        }
        break;
      }
      case 'Worksheet': {
        const sheet = this.alive(o.sheet);
        switch (name) {
          case 'Name':
            if (typeof v !== 'string') throw invalidArgument('name');
            this.book.renameSheet(sheet, v);
            return;
          case 'Visibility':
            if (typeof v !== 'string' || !VISIBILITY.includes(v as SheetVisibility)) throw invalidArgument(`visibility "${String(v)}"`);
            this.book.changeVisibility(sheet, v as SheetVisibility);
            return;
          case 'Position':
            this.book.moveSheet(sheet, this.int(v, 'position', 0));
            return;
          case 'TabColor':
            sheet.tabColor = v === '' || v === null ? '' : normaliseColor(v);
            return;
        }
        break;
      }
      case 'RangeFormat': {
        const t = o.target;
        switch (name) {
          case 'ColumnWidth': {
            if (typeof v !== 'number' || !(v >= 0)) throw invalidArgument('columnWidth');
            const sheet = this.writable(t.sheet);
            for (const a of this.areasOf(t)) for (let c = a.c0; c <= a.c1; c++) sheet.columnWidths.set(c, v);
            return;
          }
          case 'RowHeight': {
            if (typeof v !== 'number' || !(v >= 0)) throw invalidArgument('rowHeight');
            const sheet = this.writable(t.sheet);
            for (const a of this.areasOf(t)) for (let r = a.r0; r <= a.r1; r++) sheet.rowHeights.set(r, v);
            return;
          }
          case 'WrapText':
          case 'VerticalAlignment':
          case 'HorizontalAlignment': {
            const patch = this.formatPatch(name, v);
            const sheet = this.writable(t.sheet);
            for (const a of this.areasOf(t)) sheet.applyFormat(a, patch);
            return;
          }
        }
        break;
      }
      case 'RangeFill':
        if (name === 'Color') {
          const patch: FormatPatch = { fill: normaliseColor(v) };
          const sheet = this.writable(o.target.sheet);
          for (const a of this.areasOf(o.target)) sheet.applyFormat(a, patch);
          return;
        }
        break;
      case 'RangeFont': {
        const patch = this.fontPatch(name, v);
        const sheet = this.writable(o.target.sheet);
        for (const a of this.areasOf(o.target)) sheet.applyFormat(a, patch);
        return;
      }
      case 'Chart': {
        switch (name) {
          case 'Name':
            if (typeof v !== 'string' || v.trim() === '') throw invalidArgument('chart name');
            this.writableChart(o).name = v;
            return;
          case 'ChartType':
            this.writableChart(o).chartType = this.chartTypeArg(v);
            return;
          case 'Top':
          case 'Left':
          case 'Width':
          case 'Height': {
            const n = this.points(v, lcFirst(name));
            const chart = this.writableChart(o);
            if (name === 'Top') chart.top = n;
            else if (name === 'Left') chart.left = n;
            else if (name === 'Width') chart.width = n;
            else chart.height = n;
            return;
          }
        }
        break;
      }
      case 'ChartTitle':
        switch (name) {
          case 'Text': {
            if (typeof v !== 'string') throw invalidArgument('title text');
            const chart = this.writableChart(o.owner);
            chart.title.text = v;
            if (v !== '') chart.title.visible = true; // giving a chart a title shows it, as in Excel
            return;
          }
          case 'Visible':
            if (typeof v !== 'boolean') throw invalidArgument('visible');
            this.writableChart(o.owner).title.visible = v;
            return;
        }
        break;
      case 'ChartLegend':
        switch (name) {
          case 'Position':
            if (typeof v !== 'string' || !LEGEND_POSITIONS.includes(v)) throw invalidArgument(`legend position "${String(v)}"`);
            this.writableChart(o.owner).legend.position = v;
            return;
          case 'Visible':
            if (typeof v !== 'boolean') throw invalidArgument('visible');
            this.writableChart(o.owner).legend.visible = v;
            return;
        }
        break;
      case 'ChartSeries':
        if (name === 'Name') {
          if (typeof v !== 'string' || v.length > 255) throw invalidArgument('series name (at most 255 characters)');
          this.writableChart(o.owner);
          this.liveSeries(o).name = v;
          return;
        }
        break;
    }
    throw notImplemented(`setting ${key}`);
  }

  private fail(e: HostError): never {
    throw e;
  }

  // ---------- Query ----------

  private query(o: HostObject, qi: RichApiQueryInfo): unknown {
    const select = qi.Select && qi.Select.length > 0 ? qi.Select : null;
    const expand = qi.Expand && qi.Expand.length > 0 ? qi.Expand : null;
    const items = this.items(o);
    if (items) {
      const strip = (list: string[] | null): string[] | null => (list ? list.map((s) => s.replace(/^items\//, '')).filter((s) => s !== 'items' && s !== '') : null);
      let list = items;
      if (qi.Skip) list = list.slice(qi.Skip);
      if (qi.Top !== undefined && qi.Top !== null) list = list.slice(0, qi.Top);
      // The client strips "items/", so a collection's own properties (count) arrive mixed with
      // the items' ones: answer those at the collection level, the rest per item.
      const own = this.collectionScalars(o);
      const out: Record<string, unknown> = {};
      const all = strip(select);
      const sel = all ? all.filter((s) => !own[ucFirst(s.trim())]) : null;
      for (const s of all ?? []) {
        const P = ucFirst(s.trim());
        const g = own[P];
        if (!g) continue;
        this.requireSet(o.t, P);
        out[P] = g();
      }
      const exp = strip(expand);
      // load('count') alone loads the count, not the items.
      if (all && all.length > 0 && sel?.length === 0 && !exp?.length) return out;
      out._Items = list.map((it) => this.select(it, sel && sel.length > 0 ? sel : null, exp));
      return out;
    }
    return this.select(o, select, expand);
  }

  private items(o: HostObject): HostObject[] | null {
    if (o.t === 'WorksheetCollection') return this.book.sheets.map((sheet) => ({ t: 'Worksheet', sheet }));
    if (o.t === 'RangeCollection') return o.owner.areas.map((area) => ({ t: 'Range', sheet: o.owner.sheet, area }));
    if (o.t === 'ChartCollection') return this.alive(o.sheet).charts.map((chart) => ({ t: 'Chart', sheet: o.sheet, chart }));
    if (o.t === 'ChartSeriesCollection') return this.liveChart(o.owner).series.map((series) => ({ t: 'ChartSeries', owner: o.owner, series }));
    return null;
  }

  /** Scalar properties of a collection itself (as opposed to its items'). */
  private collectionScalars(o: HostObject): Record<string, () => unknown> {
    if (o.t === 'ChartCollection') return { Count: () => this.alive(o.sheet).charts.length };
    if (o.t === 'ChartSeriesCollection') return { Count: () => this.liveChart(o.owner).series.length };
    return {};
  }

  private select(o: HostObject, select: string[] | null, expand: string[] | null): Record<string, unknown> {
    const getters = this.scalars(o);
    const out: Record<string, unknown> = {};
    const nested = new Map<string, string[] | null>();
    const addNested = (head: string, rest: string): void => {
      const cur = nested.get(head);
      if (rest === '') nested.set(head, null);
      else if (cur !== null) nested.set(head, [...(cur ?? []), rest]);
    };
    if (!select) {
      // An older Excel does not know the newer properties, so a load-all leaves them out.
      for (const [k, g] of Object.entries(getters)) if (this.supports(o.t, k)) out[k] = g();
    } else {
      for (const path of select) {
        const [head = '', ...rest] = path.split('/');
        const P = ucFirst(head.trim());
        const g = getters[P];
        if (g && rest.length === 0) {
          this.requireSet(o.t, P);
          out[P] = g();
        }
        else addNested(P, rest.join('/'));
      }
    }
    for (const path of expand ?? []) {
      const [head = '', ...rest] = path.split('/');
      addNested(ucFirst(head.trim()), rest.join('/'));
    }
    for (const [P, sub] of nested) {
      const child = this.navigate(o, P);
      out[P] = this.query(child, sub ? { Select: sub } : {});
    }
    if (o.t === 'Worksheet') out.Id = o.sheet.id; // identity: the client rewrites paths to worksheets[Id]
    if (o.t === 'Chart') out.Id = o.chart.id; // likewise charts[Id]
    return out;
  }

  /** Lazily evaluated scalar properties (a whole-column range must not compute values unless asked). */
  private scalars(o: HostObject): Record<string, () => unknown> {
    switch (o.t) {
      case 'Workbook':
        return { Name: () => this.book.name };
      case 'Application':
        return { CalculationMode: () => 'Automatic' };
      case 'FunctionResult':
        return { Value: () => o.value, Error: () => null };
      case 'Functions':
        return {};
      case 'Worksheet': {
        const s = this.alive(o.sheet);
        return { Name: () => s.name, Id: () => s.id, Position: () => s.position, Visibility: () => s.visibility, TabColor: () => s.tabColor };
      }
      case 'WorksheetProtection':
        return { Protected: () => this.alive(o.sheet).protected };
      case 'Range':
        return this.rangeScalars(o);
      case 'RangeAreas': {
        const addr = (): string => o.areas.map((a) => qualifiedAddress(o.sheet.name, a)).join(',');
        return {
          Address: addr,
          AddressLocal: addr,
          AreaCount: () => o.areas.length,
          CellCount: () => Math.min(o.areas.reduce((n, a) => n + areaCells(a), 0), 2147483647),
          IsEntireColumn: () => o.areas.every(isEntireColumns),
          IsEntireRow: () => o.areas.every(isEntireRows),
        };
      }
      case 'RangeFormat': {
        const t = o.target;
        return {
          ColumnWidth: () => this.uniformOver(t, 'col', (c) => t.sheet.columnWidth(c)),
          RowHeight: () => this.uniformOver(t, 'row', (r) => t.sheet.rowHeight(r)),
          WrapText: () => this.uniformFormat(t, (f) => f.wrapText),
          VerticalAlignment: () => this.uniformFormat(t, (f) => f.verticalAlignment),
          HorizontalAlignment: () => this.uniformFormat(t, (f) => f.horizontalAlignment),
        };
      }
      case 'RangeFill':
        // Excel reports "#FFFFFF" for cells without a fill (indistinguishable from a white fill).
        return { Color: () => this.uniformFormat(o.target, (f) => f.fill ?? '#FFFFFF') };
      case 'RangeFont':
        return {
          Color: () => this.uniformFormat(o.target, (f) => f.fontColor),
          Bold: () => this.uniformFormat(o.target, (f) => f.bold),
          Italic: () => this.uniformFormat(o.target, (f) => f.italic),
          Size: () => this.uniformFormat(o.target, (f) => f.size),
          Name: () => this.uniformFormat(o.target, (f) => f.fontName),
        };
      case 'Chart': {
        const c = (): ChartRecord => this.liveChart(o);
        return {
          Name: () => c().name,
          Id: () => c().id,
          ChartType: () => c().chartType,
          Top: () => c().top,
          Left: () => c().left,
          Width: () => c().width,
          Height: () => c().height,
          PlotBy: () => c().seriesBy,
        };
      }
      case 'ChartTitle': {
        const c = (): ChartRecord => this.liveChart(o.owner);
        return { Text: () => c().title.text, Visible: () => c().title.visible };
      }
      case 'ChartLegend': {
        const c = (): ChartRecord => this.liveChart(o.owner);
        return { Position: () => c().legend.position, Visible: () => c().legend.visible };
      }
      case 'ChartSeries':
        return { Name: () => this.liveSeries(o).name };
      case 'WorksheetCollection':
      case 'RangeCollection':
      case 'ChartCollection':
      case 'ChartSeriesCollection':
      case 'ChartSeriesFormat':
      case 'ChartFill':
        return {};
    }
  }

  private rangeScalars(o: RangeObj): Record<string, () => unknown> {
    const sheet = this.alive(o.sheet);
    const a = o.area;
    const addr = (): string => qualifiedAddress(sheet.name, a);
    const grid = <T>(pick: (c: CellRecord) => T): () => T[][] | null => () => this.grid(sheet, a, pick);
    const hiddenAll = (set: Set<number>, lo: number, hi: number): boolean | null => {
      let n = 0;
      for (const i of set) if (i >= lo && i <= hi) n++;
      return n === 0 ? false : n === hi - lo + 1 ? true : null;
    };
    const offset = (lo: number, sizes: Map<number, number>, hidden: Set<number>, dflt: number, hi?: number): number => {
      // Sum of sizes of indexes [0, lo) (or [lo, hi] when hi is given), from defaults plus the exceptions.
      const from = hi === undefined ? 0 : lo;
      const to = hi === undefined ? lo - 1 : hi;
      let total = (to - from + 1) * dflt;
      const seen = new Set<number>();
      for (const [i, v] of sizes) if (i >= from && i <= to) {
        total += (hidden.has(i) ? 0 : v) - dflt;
        seen.add(i);
      }
      for (const i of hidden) if (i >= from && i <= to && !seen.has(i)) total -= dflt;
      return total;
    };
    return {
      Address: addr,
      AddressLocal: addr,
      CellCount: () => areaCells(a),
      RowCount: () => areaRows(a),
      ColumnCount: () => areaCols(a),
      RowIndex: () => a.r0,
      ColumnIndex: () => a.c0,
      IsEntireColumn: () => isEntireColumns(a),
      IsEntireRow: () => isEntireRows(a),
      Values: grid((c) => c.value),
      Text: grid((c) => formatText(c.value, c.numberFormat)),
      Formulas: grid((c) => c.formula ?? c.value),
      FormulasLocal: grid((c) => c.formula ?? c.value),
      NumberFormat: grid((c) => c.numberFormat),
      NumberFormatLocal: grid((c) => c.numberFormat),
      // Error text in a Text-formatted cell is a string (typed with '@' format first); anywhere else it is the error.
      ValueTypes: grid((c) => (c.formula === null && c.numberFormat === '@' && c.value !== '' ? 'String' : valueTypeOf(c.value))),
      RowHidden: () => hiddenAll(sheet.hiddenRows, a.r0, a.r1),
      ColumnHidden: () => hiddenAll(sheet.hiddenColumns, a.c0, a.c1),
      Hidden: () => hiddenAll(sheet.hiddenRows, a.r0, a.r1) === true || hiddenAll(sheet.hiddenColumns, a.c0, a.c1) === true,
      Top: () => offset(a.r0, sheet.rowHeights, sheet.hiddenRows, DEFAULT_ROW_HEIGHT),
      Left: () => offset(a.c0, sheet.columnWidths, sheet.hiddenColumns, DEFAULT_COLUMN_WIDTH),
      Height: () => offset(a.r0, sheet.rowHeights, sheet.hiddenRows, DEFAULT_ROW_HEIGHT, a.r1),
      Width: () => offset(a.c0, sheet.columnWidths, sheet.hiddenColumns, DEFAULT_COLUMN_WIDTH, a.c1),
    };
  }

  /**
   * A 2-D grid of one property, built sparsely: rows with no cell records and no row format
   * share one precomputed row, so "A:A" costs a million references, not a million cell lookups.
   * Over maxReadCells (5,000,000) Excel returns null instead of the grid (office-js issue 4783).
   */
  private grid<T>(sheet: FakeSheet, a: Area, pick: (c: CellRecord) => T): T[][] | null {
    if (areaCells(a) > this.options.maxReadCells) return null;
    const base: CellRecord[] = [];
    for (let c = a.c0; c <= a.c1; c++) base.push({ value: '', formula: null, ...DEFAULT_FORMAT, ...sheet.sheetStyle, ...sheet.colStyles.get(c) });
    const emptyRow = base.map(pick);
    const out: T[][] = [];
    for (let r = a.r0; r <= a.r1; r++) {
      const row = sheet.rows.get(r);
      const rs = sheet.rowStyles.get(r);
      if (!row && !rs) {
        out.push(emptyRow);
        continue;
      }
      out.push(base.map((b, j) => pick(row?.get(a.c0 + j) ?? (rs ? { ...b, ...rs } : b))));
    }
    return out;
  }

  /** The common value of a format field over every cell of the target, or null when mixed. */
  private uniformFormat<T>(t: Target, pick: (f: CellFormat) => T): T | null {
    const seen = new Set<T>();
    const sheet = this.alive(t.sheet);
    const add = (v: T): boolean => {
      seen.add(v);
      return seen.size > 1;
    };
    for (const a of this.areasOf(t)) {
      if (areaCells(a) <= 100_000) {
        for (let r = a.r0; r <= a.r1; r++) for (let c = a.c0; c <= a.c1; c++) if (add(pick(sheet.cell(r, c)))) return null;
        continue;
      }
      // Large areas: column bases, crossings with row formats, and the records inside.
      for (let c = a.c0; c <= a.c1; c++) {
        if (add(pick(sheet.baseFormat(-1, c)))) return null;
        for (const r of sheet.rowStyles.keys()) if (r >= a.r0 && r <= a.r1 && add(pick(sheet.baseFormat(r, c)))) return null;
      }
      let mixed = false;
      sheet.forEachRecord(a, (_r, _c, rec) => {
        if (!mixed && add(pick(rec))) mixed = true;
      });
      if (mixed) return null;
    }
    const [only] = [...seen];
    return only === undefined ? null : only;
  }

  private uniformOver(t: Target, axis: 'row' | 'col', size: (i: number) => number): number | null {
    let v: number | null = null;
    for (const a of this.areasOf(t)) {
      const lo = axis === 'row' ? a.r0 : a.c0;
      const hi = axis === 'row' ? a.r1 : a.c1;
      const exceptions = axis === 'row' ? [...t.sheet.rowHeights.keys(), ...t.sheet.hiddenRows] : [...t.sheet.columnWidths.keys(), ...t.sheet.hiddenColumns];
      const check = (i: number): boolean => {
        const s = size(i);
        if (v === null) v = s;
        return v === s;
      };
      if (!check(lo)) return null;
      if (hi - lo < 100_000) {
        for (let i = lo; i <= hi; i++) if (!check(i)) return null;
      } else {
        for (const i of exceptions) if (i >= lo && i <= hi && !check(i)) return null;
        const plain = Array.from({ length: Math.min(hi - lo + 1, exceptions.length + 1) }, (_, k) => lo + k).find((i) => !exceptions.includes(i));
        if (plain !== undefined && !check(plain)) return null;
      }
    }
    return v;
  }
}
