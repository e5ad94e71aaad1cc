// The handler of every host object type: protocol.ts looks an object's members up here.
// It models no Excel behaviour itself; each handler's file says what it models and where it is
// kinder than real Excel.

import { application } from './application.js';
import { chartCollection } from './chart-collection.js';
import { chart, chartLegend, chartTitle } from './chart.js';
import { chartFill, chartSeries, chartSeriesCollection, chartSeriesFormat } from './chart-series.js';
import { functionResult, functions } from './functions.js';
import { protection } from './protection.js';
import { rangeAreas, rangeCollection } from './range-areas.js';
import { rangeFill, rangeFont, rangeFormat } from './range-format.js';
import { range } from './range.js';
import type { Handler, Handlers, HostObject } from './types.js';
import { workbook } from './workbook.js';
import { worksheetCollection } from './worksheet-collection.js';
import { worksheet } from './worksheet.js';

export const HANDLERS: Handlers = {
  Workbook: workbook,
  Application: application,
  Functions: functions,
  FunctionResult: functionResult,
  WorksheetCollection: worksheetCollection,
  Worksheet: worksheet,
  WorksheetProtection: protection,
  Range: range,
  RangeAreas: rangeAreas,
  RangeCollection: rangeCollection,
  RangeFormat: rangeFormat,
  RangeFill: rangeFill,
  RangeFont: rangeFont,
  ChartCollection: chartCollection,
  Chart: chart,
  ChartTitle: chartTitle,
  ChartLegend: chartLegend,
  ChartSeriesCollection: chartSeriesCollection,
  ChartSeries: chartSeries,
  ChartSeriesFormat: chartSeriesFormat,
  ChartFill: chartFill,
};

/** The handler of an object's type. */
export function handlerOf(o: HostObject): Handler<HostObject> {
  return HANDLERS[o.t] as Handler<HostObject>;
}

/** Whether a value is a host object (a method's result may be one, or a plain value). */
export function isHostObject(v: unknown): v is HostObject {
  return typeof v === 'object' && v !== null && !Array.isArray(v) && Object.hasOwn(HANDLERS, String((v as { t?: unknown }).t));
}
