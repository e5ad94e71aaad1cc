// What the fake host's object paths resolve to, and the shape of a handler: the code that answers
// the members of one Excel object type (objects/*.ts). protocol.ts resolves paths and dispatches
// each action to the handler of its object's type; it holds no knowledge of any one type.
//
// A host object is a plain record naming its Excel type (`t`, the RichApi class name) and what it
// stands for in the fake workbook (a sheet, an area, a chart…). Nothing here models Excel
// behaviour; the handlers do.

import type { Area } from '../a1.js';
import type { ChartRecord, ChartSeriesRecord, FakeSheet, FakeWorkbook } from '../fake-workbook.js';

export interface WorkbookObj {
  t: 'Workbook';
}
export interface ApplicationObj {
  t: 'Application';
}
export interface FunctionsObj {
  t: 'Functions';
}
/** A worksheet function's result (workbook.functions.*), evaluated when asked. */
export interface FunctionResultObj {
  t: 'FunctionResult';
  value: unknown;
}
export interface SheetsObj {
  t: 'WorksheetCollection';
}
export interface SheetObj {
  t: 'Worksheet';
  sheet: FakeSheet;
}
export interface ProtectionObj {
  t: 'WorksheetProtection';
  sheet: FakeSheet;
}
export interface RangeObj {
  t: 'Range';
  sheet: FakeSheet;
  area: Area;
  ref?: string;
}
export interface AreasObj {
  t: 'RangeAreas';
  sheet: FakeSheet;
  areas: Area[];
  ref?: string;
}
export interface RangeCollectionObj {
  t: 'RangeCollection';
  owner: AreasObj;
}
/** What a format, fill or font belongs to; the objects the client keeps references to. */
export type Target = RangeObj | AreasObj;
export interface FormatObj {
  t: 'RangeFormat';
  target: Target;
}
export interface FillObj {
  t: 'RangeFill';
  target: Target;
}
export interface FontObj {
  t: 'RangeFont';
  target: Target;
}
export interface ChartsObj {
  t: 'ChartCollection';
  sheet: FakeSheet;
}
export interface ChartObj {
  t: 'Chart';
  sheet: FakeSheet;
  chart: ChartRecord;
}
export interface ChartTitleObj {
  t: 'ChartTitle';
  owner: ChartObj;
}
export interface ChartLegendObj {
  t: 'ChartLegend';
  owner: ChartObj;
}
export interface SeriesCollectionObj {
  t: 'ChartSeriesCollection';
  owner: ChartObj;
}
export interface SeriesObj {
  t: 'ChartSeries';
  owner: ChartObj;
  series: ChartSeriesRecord;
}
export interface SeriesFormatObj {
  t: 'ChartSeriesFormat';
  owner: SeriesObj;
}
export interface ChartFillObj {
  t: 'ChartFill';
  owner: SeriesObj;
}

export type HostObject =
  | WorkbookObj
  | ApplicationObj
  | FunctionsObj
  | FunctionResultObj
  | SheetsObj
  | SheetObj
  | ProtectionObj
  | RangeObj
  | AreasObj
  | RangeCollectionObj
  | FormatObj
  | FillObj
  | FontObj
  | ChartsObj
  | ChartObj
  | ChartTitleObj
  | ChartLegendObj
  | SeriesCollectionObj
  | SeriesObj
  | SeriesFormatObj
  | ChartFillObj;

export type HostType = HostObject['t'];

/** What handlers may ask of the host beyond the workbook itself. */
export interface Host {
  readonly book: FakeWorkbook;
  readonly options: { readonly maxAddressLength: number; readonly maxReadCells: number };
  /** Throws ApiNotFound when this Excel lacks the ExcelApi `version` (label names the member). */
  requireVersion(label: string, version: string): void;
  /** Forgets a Range/RangeAreas reference the client releases (Workbook._RemoveReference). */
  releaseReference(ref: string): void;
  /** Records that the request being processed suspended screen updating. */
  suspendScreenUpdating(): void;
}

/** Arguments of a method call: the values, and the objects passed by reference (null where none). */
export interface Call {
  args: unknown[];
  argObjs: (HostObject | null)[];
}

/**
 * The members of one Excel object type. Every part is optional; what a handler leaves out (or a
 * member name it answers `undefined` for) is a gap of the fake, and the core answers NotImplemented
 * naming the member.
 */
export interface Handler<O extends HostObject> {
  /** A navigation property (object path type 4: format, worksheets…); undefined when not modelled. */
  navigate?(o: O, name: string, host: Host): HostObject | undefined;
  /** The collection indexer (object path type 5: `getItem(key)` as the client sends it). */
  indexer?(o: O, args: unknown[], host: Host): HostObject;
  /** A method (object path type 3 or action type 3); null for a void method, undefined when not modelled. */
  method?(o: O, name: string, call: Call, host: Host): unknown;
  /** A scalar property written (action type 4); false when not modelled. */
  setProperty?(o: O, name: string, value: unknown, host: Host): boolean;
  /** Readable scalar properties by wire name (PascalCase), evaluated only when asked. */
  scalars?(o: O, host: Host): Record<string, () => unknown>;
  /** A collection's items, for a query of the collection. */
  items?(o: O, host: Host): HostObject[];
  /** A collection's own scalars (e.g. ChartCollection.count), as opposed to its items'. */
  collectionScalars?(o: O, host: Host): Record<string, () => unknown>;
  /** The object's id, answered to Instantiate as {Id} and added to every query of it. */
  id?(o: O): string;
}

/** One handler per host object type. */
export type Handlers = { [T in HostType]: Handler<Extract<HostObject, { t: T }>> };
