// Excel.ChartSeriesCollection, ChartSeries, ChartSeriesFormat and ChartFill: a chart's series,
// each series' name and its fill.
//
// Real Excel behaviour modelled: `series.getItemAt(i)`, `series.count`, `series.getCount()`
// (ExcelApi 1.4), `load('items/name')`; a series' `name` (at most 255 characters);
// `format.fill.setSolidColor(color)` and `format.fill.clear()`. Every change is a write
// (AccessDenied when the chart's sheet is protected).
//
// Differences from Excel: series are added or deleted only through the chart's source data
// (`setData`), not one by one; series names are copied from the header cells, not linked to them.

import { invalidArgument, itemNotFound } from '../a1.js';
import { type ChartSeriesRecord, normaliseColor } from '../fake-workbook.js';
import { liveChart, writableChart } from './chart.js';
import { listCollection } from './common.js';
import type { ChartFillObj, Handler, Host, SeriesCollectionObj, SeriesFormatObj, SeriesObj } from './types.js';

function liveSeries(host: Host, o: SeriesObj): ChartSeriesRecord {
  if (!liveChart(host, o.owner).series.includes(o.series)) throw itemNotFound(`series "${o.series.name}" is no longer in its chart`);
  return o.series;
}

export const chartSeriesCollection: Handler<SeriesCollectionObj> = listCollection(
  (o, host) => liveChart(host, o.owner).series.map((series) => ({ t: 'ChartSeries', owner: o.owner, series }) satisfies SeriesObj),
  'series',
);

export const chartSeries: Handler<SeriesObj> = {
  navigate: (o, name) => (name === 'Format' ? { t: 'ChartSeriesFormat', owner: o } : undefined),

  setProperty(o, name, v, host) {
    if (name !== 'Name') return false;
    if (typeof v !== 'string' || v.length > 255) throw invalidArgument('series name (at most 255 characters)');
    writableChart(host, o.owner);
    liveSeries(host, o).name = v;
    return true;
  },

  scalars: (o, host) => ({ Name: () => liveSeries(host, o).name }),
};

export const chartSeriesFormat: Handler<SeriesFormatObj> = {
  navigate: (o, name) => (name === 'Fill' ? { t: 'ChartFill', owner: o.owner } : undefined),
};

export const chartFill: Handler<ChartFillObj> = {
  method(o, name, { args }, host) {
    if (name !== 'SetSolidColor' && name !== 'Clear') return undefined;
    writableChart(host, o.owner.owner);
    const series = liveSeries(host, o.owner);
    series.fill = name === 'Clear' ? null : normaliseColor(args[0]);
    return null;
  },
};
