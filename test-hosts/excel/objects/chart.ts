// Excel.Chart, ChartTitle and ChartLegend: one chart of a worksheet, its title and legend.
//
// Real Excel behaviour modelled: a chart's `name`, `chartType` (ExcelApi 1.7), `id` (1.7),
// `plotBy` (1.8, read), `top/left/width/height` in points, `worksheet` (1.2);
// `setPosition(startCell, endCell?)` (addresses or Ranges: the chart moves to the start cell and,
// with an end cell, is sized to cover it), `setData(sourceData, seriesBy?)`, `delete()`; the
// title's `text` and `visible` (giving a chart a title shows it), the legend's `position` and
// `visible`. Every chart change is a write (AccessDenied on a protected sheet). Add answers
// {Id} and the client then addresses the chart as `charts[Id]`.
//
// Differences from Excel: `setData` keeps each series' fill by position; a new chart's size and
// place, and its series names, are the fake's (model/charts.ts). Stricter: `setPosition` with an
// end cell above or left of the start cell is InvalidArgument. Not modelled: axes, data labels,
// chart-area and title/legend formats (NotImplemented).

import { type Area, invalidArgument, itemNotFound } from '../a1.js';
import { type ChartRecord, type ChartSeriesBy, type FakeSheet, deriveSeries } from '../fake-workbook.js';
import { resolveSeriesBy } from '../model/charts.js';
import { alive, areaOn, lcFirst, points, writable } from './common.js';
import type { ChartLegendObj, ChartObj, ChartTitleObj, Handler, Host, HostObject, RangeObj } from './types.js';

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

/** The chart behind a Chart object, or ItemNotFound once it (or its sheet) is deleted. */
export function liveChart(host: Host, o: ChartObj): ChartRecord {
  if (!alive(host, o.sheet).charts.includes(o.chart)) throw itemNotFound(`chart "${o.chart.name}" was deleted`);
  return o.chart;
}

/** A chart about to be changed: its sheet must not be protected. */
export function writableChart(host: Host, o: ChartObj): ChartRecord {
  writable(host, o.sheet);
  return liveChart(host, o);
}

/** Source data of ChartCollection.add / Chart.setData: a Range (the client refuses anything else). */
export function sourceArg(host: Host, argObj: HostObject | null | undefined): RangeObj {
  if (!argObj || argObj.t !== 'Range') throw invalidArgument('sourceData must be a Range');
  alive(host, argObj.sheet);
  return argObj;
}

export function seriesByArg(v: unknown): ChartSeriesBy | 'Auto' {
  if (v === null || v === undefined) return 'Auto';
  if (typeof v !== 'string' || !SERIES_BY.includes(v)) throw invalidArgument(`seriesBy "${String(v)}"`);
  return v as ChartSeriesBy | 'Auto';
}

export function chartTypeArg(v: unknown): string {
  if (typeof v !== 'string' || !CHART_TYPES.has(v)) throw invalidArgument(`chart type "${String(v)}"`);
  return v;
}

/** setPosition's startCell / endCell: an address or a Range on the chart's sheet. */
function cellArg(host: Host, sheet: FakeSheet, arg: unknown, argObj: HostObject | null | undefined, what: string): Area {
  if (argObj) {
    if (argObj.t !== 'Range') throw invalidArgument(`${what} must be a Range or an address`);
    if (argObj.sheet !== sheet) throw invalidArgument(`${what} is not on worksheet "${sheet.name}"`);
    return argObj.area;
  }
  return areaOn(host, sheet, arg);
}

export const chart: Handler<ChartObj> = {
  navigate(o, name, host) {
    switch (name) {
      case 'Title':
        return { t: 'ChartTitle', owner: o };
      case 'Legend':
        return { t: 'ChartLegend', owner: o };
      case 'Series':
        return { t: 'ChartSeriesCollection', owner: o };
      case 'Worksheet':
        return { t: 'Worksheet', sheet: alive(host, o.sheet) };
    }
    return undefined;
  },

  method(o, name, { args, argObjs }, host) {
    switch (name) {
      case 'Delete': {
        const c = writableChart(host, o);
        o.sheet.charts = o.sheet.charts.filter((x) => x !== c);
        return null;
      }
      case 'SetPosition': {
        const c = writableChart(host, o);
        const sheet = o.sheet;
        const start = cellArg(host, sheet, args[0], argObjs[0], 'startCell');
        const hasEnd = (args[1] !== null && args[1] !== undefined) || Boolean(argObjs[1]);
        const end = hasEnd ? cellArg(host, sheet, args[1], argObjs[1], 'endCell') : null;
        const left = sheet.columnLeft(start.c0);
        const top = sheet.rowTop(start.r0);
        if (end) {
          // The chart spans from the start cell's top-left corner to the end cell's bottom-right one.
          if (end.r1 < start.r0 || end.c1 < start.c0) throw invalidArgument('endCell is above or to the left of startCell');
          c.width = sheet.columnLeft(end.c1 + 1) - left;
          c.height = sheet.rowTop(end.r1 + 1) - top;
        }
        c.left = left;
        c.top = top;
        return null;
      }
      case 'SetData': {
        const c = writableChart(host, o);
        const src = sourceArg(host, argObjs[0]);
        const a = src.area;
        const by = resolveSeriesBy(a, seriesByArg(args[1]));
        const series = deriveSeries(src.sheet, a, by);
        // Series formatting stays with the series position, as when Excel's data range is edited.
        series.forEach((s, i) => (s.fill = c.series[i]?.fill ?? null));
        c.source = { sheet: src.sheet, area: { ...a } };
        c.seriesBy = by;
        c.series = series;
        return null;
      }
    }
    return undefined;
  },

  setProperty(o, name, v, host) {
    switch (name) {
      case 'Name':
        if (typeof v !== 'string' || v.trim() === '') throw invalidArgument('chart name');
        writableChart(host, o).name = v;
        return true;
      case 'ChartType':
        writableChart(host, o).chartType = chartTypeArg(v);
        return true;
      case 'Top':
      case 'Left':
      case 'Width':
      case 'Height': {
        const n = points(v, lcFirst(name));
        const c = writableChart(host, o);
        if (name === 'Top') c.top = n;
        else if (name === 'Left') c.left = n;
        else if (name === 'Width') c.width = n;
        else c.height = n;
        return true;
      }
    }
    return false;
  },

  scalars(o, host) {
    const c = (): ChartRecord => liveChart(host, o);
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
  },

  // Identity: the client rewrites paths to charts[Id].
  id: (o) => o.chart.id,
};

export const chartTitle: Handler<ChartTitleObj> = {
  setProperty(o, name, v, host) {
    switch (name) {
      case 'Text': {
        if (typeof v !== 'string') throw invalidArgument('title text');
        const c = writableChart(host, o.owner);
        c.title.text = v;
        if (v !== '') c.title.visible = true; // giving a chart a title shows it, as in Excel
        return true;
      }
      case 'Visible':
        if (typeof v !== 'boolean') throw invalidArgument('visible');
        writableChart(host, o.owner).title.visible = v;
        return true;
    }
    return false;
  },

  scalars(o, host) {
    const c = (): ChartRecord => liveChart(host, o.owner);
    return { Text: () => c().title.text, Visible: () => c().title.visible };
  },
};

export const chartLegend: Handler<ChartLegendObj> = {
  setProperty(o, name, v, host) {
    switch (name) {
      case 'Position':
        if (typeof v !== 'string' || !LEGEND_POSITIONS.includes(v)) throw invalidArgument(`legend position "${String(v)}"`);
        writableChart(host, o.owner).legend.position = v;
        return true;
      case 'Visible':
        if (typeof v !== 'boolean') throw invalidArgument('visible');
        writableChart(host, o.owner).legend.visible = v;
        return true;
    }
    return false;
  },

  scalars(o, host) {
    const c = (): ChartRecord => liveChart(host, o.owner);
    return { Position: () => c().legend.position, Visible: () => c().legend.visible };
  },
};
