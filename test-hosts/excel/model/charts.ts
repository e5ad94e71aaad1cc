// The charts of the fake workbook: records, how their series are derived from the source data,
// and their snapshots.
//
// Real Excel behaviour modelled (ChartCollection.add, Chart.setData): a new chart is "Chart N"
// (numbers not reused after a delete); seriesBy "Auto" plots by columns when the source has more
// rows than columns, else by rows; by columns the first column is the categories and each later
// column a series named by its first-row cell ("SeriesN" when unnamed), by rows the reverse; the
// legend (Bottom) shows only when there is more than one series.
//
// Differences from Excel: a new chart is 360 × 216 pt at the top row of its source data, one
// column clear of its right edge (Excel puts it in the middle of the visible window); geometry is
// stored in points, so charts do not move or resize with their cells; series names are copied
// from the header cells when the chart is made (Excel links them); the first row/column is always
// taken as names/categories (Excel guesses from the cell types).

import { type Area, MAX_COL, formatArea, qualifiedAddress } from '../a1.js';
import { formatText } from '../cell-values.js';
import type { FakeSheet } from './sheet.js';

export type ChartSeriesBy = 'Columns' | 'Rows';

/** One series of a chart: a row or column of the source data. */
export interface ChartSeriesRecord {
  /** Series name: the header cell's text when the chart was made (or set later), else "SeriesN". */
  name: string;
  /** The series' values, on the source sheet (header and category cells excluded). */
  values: Area;
  /** Solid fill "#RRGGBB" set through format.fill.setSolidColor, or null (automatic colour). */
  fill: string | null;
}

/** A native chart on a worksheet. Geometry is in points from the sheet's top-left corner. */
export interface ChartRecord {
  id: string;
  name: string;
  chartType: string;
  title: { text: string; visible: boolean };
  legend: { position: string; visible: boolean };
  /** Source data: the sheet it is on (the chart's own or another) and the area. */
  source: { sheet: FakeSheet; area: Area };
  seriesBy: ChartSeriesBy;
  top: number;
  left: number;
  width: number;
  height: number;
  series: ChartSeriesRecord[];
}

/** Excel's size for a new chart: 5 × 3 inches. */
export const DEFAULT_CHART_WIDTH = 360;
export const DEFAULT_CHART_HEIGHT = 216;

export function copyChart(c: ChartRecord): ChartRecord {
  return {
    ...c,
    title: { ...c.title },
    legend: { ...c.legend },
    source: { sheet: c.source.sheet, area: { ...c.source.area } },
    series: c.series.map((s) => ({ ...s, values: { ...s.values } })),
  };
}

/** "Auto" resolved as Excel does: by columns when the data has more rows than columns, else by rows. */
export function resolveSeriesBy(area: Area, seriesBy: ChartSeriesBy | 'Auto'): ChartSeriesBy {
  return seriesBy === 'Auto' ? (area.r1 - area.r0 > area.c1 - area.c0 ? 'Columns' : 'Rows') : seriesBy;
}

/**
 * A new chart on `sheet` over `area` of `source` (Excel's ChartCollection.add): named "Chart N",
 * 360 × 216 pt, placed at the top row of the source data one column clear of its right edge.
 */
export function newChart(id: string, sheet: FakeSheet, chartType: string, source: FakeSheet, area: Area, seriesBy: ChartSeriesBy | 'Auto'): ChartRecord {
  const by = resolveSeriesBy(area, seriesBy);
  const series = deriveSeries(source, area, by);
  return {
    id,
    name: `Chart ${sheet.nextChartNumber++}`,
    chartType,
    title: { text: '', visible: false },
    // Excel shows a legend (at the bottom) only when there is more than one series.
    legend: { position: 'Bottom', visible: series.length > 1 },
    source: { sheet: source, area: { ...area } },
    seriesBy: by,
    top: sheet.rowTop(area.r0),
    left: sheet.columnLeft(Math.min(area.c1 + 2, MAX_COL)),
    width: DEFAULT_CHART_WIDTH,
    height: DEFAULT_CHART_HEIGHT,
    series,
  };
}

/**
 * Series of a chart over `area`, Excel-style: by columns, the first column holds the categories and
 * each later column is a series named by its cell in the first row; by rows, the reverse. A source
 * of one column (or row) is a single series. The first row/column is always taken as names and
 * categories (Excel guesses from the cell types).
 */
export function deriveSeries(source: FakeSheet, area: Area, by: ChartSeriesBy): ChartSeriesRecord[] {
  const byCols = by === 'Columns';
  const lines = byCols ? [area.c0, area.c1] : [area.r0, area.r1];
  const across = byCols ? [area.r0, area.r1] : [area.c0, area.c1];
  const [lo = 0, hi = 0] = lines;
  const [alo = 0, ahi = 0] = across;
  const hasCategories = hi > lo;
  const hasNames = ahi > alo;
  const out: ChartSeriesRecord[] = [];
  for (let i = hasCategories ? lo + 1 : lo; i <= hi; i++) {
    const head = hasNames ? (byCols ? source.cell(alo, i) : source.cell(i, alo)) : null;
    const text = head ? formatText(head.value, head.numberFormat) : '';
    const from = hasNames ? alo + 1 : alo;
    const values: Area = byCols ? { r0: from, r1: ahi, c0: i, c1: i } : { r0: i, r1: i, c0: from, c1: ahi };
    out.push({ name: text !== '' ? text : `Series${out.length + 1}`, values, fill: null });
  }
  return out;
}

export interface ChartSeriesSnapshot {
  name: string;
  /** Sheet-qualified address of the series' values, e.g. "Plan!B2:B5". */
  values: string;
  /** "#RRGGBB", or null until format.fill.setSolidColor is called. */
  fill: string | null;
}

export interface ChartSnapshot {
  id: string;
  name: string;
  /** Excel.ChartType value, e.g. "BarStacked". */
  chartType: string;
  title: { text: string; visible: boolean };
  legend: { position: string; visible: boolean };
  /** Sheet-qualified address of the source data, e.g. "Plan!A1:D5". */
  sourceData: string;
  /** "Columns" or "Rows" ("Auto" resolved when the chart was made). */
  seriesBy: ChartSeriesBy;
  /** The cells the chart spans, e.g. "F2:M20". */
  position: string;
  top: number;
  left: number;
  width: number;
  height: number;
  series: ChartSeriesSnapshot[];
}

/** A JSON-comparable copy of a chart, as snapshot() and chartsOf() give it. */
export function chartSnapshot(sheet: FakeSheet, c: ChartRecord): ChartSnapshot {
  return {
    id: c.id,
    name: c.name,
    chartType: c.chartType,
    title: { ...c.title },
    legend: { ...c.legend },
    sourceData: qualifiedAddress(c.source.sheet.name, c.source.area),
    seriesBy: c.seriesBy,
    position: formatArea(sheet.chartCells(c)),
    top: c.top,
    left: c.left,
    width: c.width,
    height: c.height,
    series: c.series.map((s) => ({ name: s.name, values: qualifiedAddress(c.source.sheet.name, s.values), fill: s.fill })),
  };
}
