// Tests of Excel.Chart, its title, legend and series (chart.ts, chart-series.ts), through
// Microsoft's real Excel client.
import { describe, expect, it } from 'vitest';
import type { RichApiRequest } from '../fake-excel-host.js';
import { useGlobals } from '../load-excel-client.js';
import { actionNames, excelHarness, RAG_BY_THEME } from '../test-rig.js';

const h = excelHarness();
const { failure, each } = h;

describe('Chart', () => {
  const r = each((rig) => rig.book.setValues('Plan', 'A1', RAG_BY_THEME));

  it('adds a stacked bar chart with title, position and series colours in one sync', async () => {
    const out = await Excel.run(async (ctx) => {
      const ws = ctx.workbook.worksheets.getItem('Plan');
      const chart = ws.charts.add(Excel.ChartType.barStacked, ws.getRange('A1:D5'));
      chart.name = 'RAG by theme';
      chart.title.text = 'Actions by theme';
      chart.legend.position = Excel.ChartLegendPosition.bottom;
      chart.setPosition('F2', ws.getRange('M20'));
      ['#00B050', '#ffc000', 'red'].forEach((color, i) => chart.series.getItemAt(i).format.fill.setSolidColor(color));
      chart.series.load('items/name,count');
      chart.load('name,chartType,top,left,width,height');
      await ctx.sync();
      return { names: chart.series.items.map((s) => s.name), count: chart.series.count, chart: [chart.name, chart.chartType, chart.top, chart.left, chart.width, chart.height] };
    });
    expect(r.transport.syncs()).toBe(1);
    expect(r.host.liveReferences()).toBe(0);
    expect(out).toEqual({ names: ['Complete', 'On track', 'Off track'], count: 3, chart: ['RAG by theme', 'BarStacked', 15, 240, 384, 285] });
    // The member names Microsoft's client puts on the wire.
    const body = r.transport.requests[0]?.body as RichApiRequest;
    const paths = Object.values(body.ObjectPaths ?? {}).map((p) => `${p.ObjectPathType}:${p.Name ?? ''}`);
    expect(paths).toEqual(expect.arrayContaining(['4:Charts', '3:Add', '4:Title', '4:Legend', '4:Series', '3:GetItemAt', '4:Format', '4:Fill']));
    expect(actionNames(body)).toEqual(expect.arrayContaining(['4:Name', '4:Text', '4:Position', '3:SetPosition', '3:SetSolidColor']));
    const add = Object.values(body.ObjectPaths ?? {}).find((p) => p.Name === 'Add');
    expect(add?.ArgumentInfo?.Arguments?.[0]).toBe('BarStacked');
    expect(r.book.chartsOf('Plan')).toEqual([
      {
        id: expect.any(String),
        name: 'RAG by theme',
        chartType: 'BarStacked',
        title: { text: 'Actions by theme', visible: true },
        legend: { position: 'Bottom', visible: true },
        sourceData: 'Plan!A1:D5',
        seriesBy: 'Columns', // Auto: 5 rows > 4 columns
        position: 'F2:M20',
        top: 15,
        left: 240,
        width: 384,
        height: 285,
        series: [
          { name: 'Complete', values: 'Plan!B2:B5', fill: '#00B050' },
          { name: 'On track', values: 'Plan!C2:C5', fill: '#FFC000' },
          { name: 'Off track', values: 'Plan!D2:D5', fill: '#FF0000' },
        ],
      },
    ]);
  });

  it('keeps addressing a new chart in later syncs and plots by rows on request', async () => {
    await Excel.run(async (ctx) => {
      const ws = ctx.workbook.worksheets.getItem('Plan');
      const chart = ws.charts.add(Excel.ChartType.line, ws.getRange('A1:D5'), Excel.ChartSeriesBy.rows);
      await ctx.sync();
      chart.title.text = 'Later';
      chart.series.getItemAt(3).name = 'Money';
      chart.series.getItemAt(0).format.fill.setSolidColor('#0F385C');
      chart.series.getItemAt(0).format.fill.clear();
      chart.width = 200;
      await ctx.sync();
    });
    expect(r.transport.syncs()).toBe(2);
    const [chart] = r.book.chartsOf('Plan');
    expect(chart).toMatchObject({ name: 'Chart 1', chartType: 'Line', title: { text: 'Later', visible: true }, seriesBy: 'Rows', width: 200 });
    expect(chart?.series).toEqual([
      { name: 'Housing', values: 'Plan!B2:D2', fill: null },
      { name: 'Transport', values: 'Plan!B3:D3', fill: null },
      { name: 'Health', values: 'Plan!B4:D4', fill: null },
      { name: 'Money', values: 'Plan!B5:D5', fill: null },
    ]);
    // setData re-derives the series; a series keeps its fill by position.
    await Excel.run(async (ctx) => {
      const ws = ctx.workbook.worksheets.getItem('Plan');
      const chart = ws.charts.getItem('Chart 1');
      chart.series.getItemAt(1).format.fill.setSolidColor('#123456');
      chart.setData(ws.getRange('A1:C5'), Excel.ChartSeriesBy.columns);
      await ctx.sync();
    });
    expect(r.book.chartsOf('Plan')[0]).toMatchObject({
      sourceData: 'Plan!A1:C5',
      seriesBy: 'Columns',
      series: [
        { name: 'Complete', fill: null },
        { name: 'On track', fill: '#123456' },
      ],
    });
    // Auto on a wide range (more columns than rows) plots by rows.
    expect(r.book.addChart('Data', 'ColumnClustered', 'Plan!A1:D2')).toMatchObject({ name: 'Chart 1', seriesBy: 'Rows', sourceData: 'Plan!A1:D2', series: [{ name: 'Housing', values: 'Plan!B2:D2' }] });
  });

  it('answers NotImplemented for chart parts it does not model and ApiNotFound below ExcelApi 1.4', async () => {
    r.book.addChart('Plan', 'ColumnClustered', 'A1:D5');
    const axes = await failure(() =>
      Excel.run(async (ctx) => {
        ctx.workbook.worksheets.getItem('Plan').charts.getItem('Chart 1').axes.valueAxis.title.text = 'Actions';
        await ctx.sync();
      }),
    );
    expect(axes.code).toBe('NotImplemented');
    expect(axes.message).toContain('Chart.Axes');
    const restore = useGlobals(h.client, { supportedSets: (name, version) => name === 'ExcelApi' && Number(version.split('.')[1]) <= 3 });
    try {
      const old = await failure(() =>
        Excel.run(async (ctx) => {
          ctx.workbook.worksheets.getItem('Plan').charts.getItemOrNullObject('Chart 1');
          await ctx.sync();
        }),
      );
      expect(old.code).toBe('ApiNotFound');
    } finally {
      restore();
    }
  });
});
