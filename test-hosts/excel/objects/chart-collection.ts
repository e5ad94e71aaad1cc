// Excel.ChartCollection (worksheet.charts).
//
// Real Excel behaviour modelled: `add(type, sourceData: Range, seriesBy?)` (a new chart is
// "Chart N", numbers not reused; "Auto" plots by columns when the source has more rows than
// columns; see model/charts.ts), `getItem(name)` (missing: ItemNotFound),
// `getItemOrNullObject` (ExcelApi 1.4: a null object instead); of several charts of one name
// both give the first; `getItemAt(i)`, `getCount()`
// (1.4), `count`, `load('items/…')`. Adding is a write (AccessDenied on a protected sheet);
// charting data of a protected sheet on another sheet is allowed. On the wire a collection's own
// `count` arrives among the items' Select (the client strips `items/`) and is answered as `Count`
// beside `_Items`.
//
// Kinder than real Excel: getItem also finds a chart by its id (charts[Id], as the client
// addresses a chart it added) and names match case-insensitively (not documented either way).

import { itemNotFound } from '../a1.js';
import type { ChartRecord, FakeSheet } from '../fake-workbook.js';
import { chartTypeArg, seriesByArg, sourceArg } from './chart.js';
import { alive, listCollection, writable } from './common.js';
import type { ChartObj, ChartsObj, Handler, Host } from './types.js';

/** A chart of the sheet by id or name (case-insensitive), or null. */
function findChart(host: Host, sheet: FakeSheet, key: unknown): ChartRecord | null {
  const k = String(key).toLowerCase();
  const charts = alive(host, sheet).charts;
  return charts.find((c) => c.id.toLowerCase() === k) ?? charts.find((c) => c.name.toLowerCase() === k) ?? null;
}

function item(host: Host, o: ChartsObj, key: unknown): ChartObj {
  const chart = findChart(host, o.sheet, key);
  if (!chart) throw itemNotFound(`chart "${String(key)}"`);
  return { t: 'Chart', sheet: o.sheet, chart };
}

const charts = listCollection<ChartsObj>((o, host) => alive(host, o.sheet).charts.map((chart) => ({ t: 'Chart', sheet: o.sheet, chart }) satisfies ChartObj), 'chart');

export const chartCollection: Handler<ChartsObj> = {
  ...charts,
  indexer: (o, args, host) => item(host, o, args[0]),

  method(o, name, call, host) {
    const { args, argObjs } = call;
    switch (name) {
      case 'Add': {
        const sheet = writable(host, o.sheet);
        const type = chartTypeArg(args[0]);
        const src = sourceArg(host, argObjs[1]);
        const by = seriesByArg(args[2]);
        return { t: 'Chart', sheet, chart: host.book.createChart(sheet, type, src.sheet, src.area, by) } satisfies ChartObj;
      }
      case 'GetItem':
        return item(host, o, args[0]);
      case 'GetItemOrNullObject': {
        const chart = findChart(host, o.sheet, args[0]);
        return chart ? ({ t: 'Chart', sheet: o.sheet, chart } satisfies ChartObj) : null;
      }
    }
    return charts.method(o, name, call, host);
  },
};
