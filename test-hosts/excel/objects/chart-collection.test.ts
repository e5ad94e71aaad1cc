// Tests of Excel.ChartCollection (chart-collection.ts), through Microsoft's real Excel client.
import { describe, expect, it } from 'vitest';
import { excelHarness, RAG_BY_THEME } from '../test-rig.js';

const { failure, each } = excelHarness();

describe('ChartCollection', () => {
  const r = each((rig) => rig.book.setValues('Plan', 'A1', RAG_BY_THEME));

  it('finds charts by name or index, gives a null object for a missing name, and deletes them', async () => {
    r.book.addChart('Plan', 'ColumnClustered', 'A1:D5');
    r.book.addChart('Plan', 'Pie', 'A1:B5');
    const out = await Excel.run(async (ctx) => {
      const charts = ctx.workbook.worksheets.getItem('Plan').charts;
      const missing = charts.getItemOrNullObject('Budget');
      const byName = charts.getItem('chart 2'); // names are matched case-insensitively
      byName.load('name,chartType');
      byName.legend.load('visible');
      const count = charts.getCount();
      charts.load('items/name');
      await ctx.sync();
      const first = { missing: missing.isNullObject, name: byName.name, type: byName.chartType, legend: byName.legend.visible, count: count.value, names: charts.items.map((c) => c.name) };
      charts.items[0]?.delete(); // addressed as charts[Id]
      await ctx.sync();
      charts.getItemAt(0).delete();
      charts.load('items/name');
      await ctx.sync();
      return { ...first, left: charts.items.length };
    });
    expect(out).toEqual({ missing: true, name: 'Chart 2', type: 'Pie', legend: false, count: 2, names: ['Chart 1', 'Chart 2'], left: 0 });
    expect(r.book.chartsOf('Plan')).toEqual([]);
    const gone = await failure(() =>
      Excel.run(async (ctx) => {
        const c = ctx.workbook.worksheets.getItem('Plan').charts.getItem('Chart 1');
        c.load('name');
        await ctx.sync();
      }),
    );
    expect(gone.code).toBe('ItemNotFound');
    // A new chart takes the next number: Excel does not reuse "Chart 1".
    expect(r.book.addChart('Plan', 'Pie', 'A1:B5').name).toBe('Chart 3');
  });

  it('refuses to chart on a protected sheet and applies nothing of that request', async () => {
    r.book.addChart('Plan', 'ColumnClustered', 'A1:D5');
    r.book.protect('Plan');
    const before = r.book.snapshot();
    const err = await failure(() =>
      Excel.run(async (ctx) => {
        ctx.workbook.worksheets.getItem('Data').getRange('A1').values = [['written first']];
        const ws = ctx.workbook.worksheets.getItem('Plan');
        const chart = ws.charts.add(Excel.ChartType.barStacked, ws.getRange('A1:D5'));
        chart.title.text = 'Never';
        await ctx.sync();
      }),
    );
    expect(err.code).toBe('AccessDenied');
    expect(err.debugInfo.errorLocation).toBe('ChartCollection.add');
    for (const write of [
      (c: Excel.Chart) => (c.title.text = 'x'),
      (c: Excel.Chart) => c.setPosition('A10'),
      (c: Excel.Chart) => c.series.getItemAt(0).format.fill.setSolidColor('#FF0000'),
      (c: Excel.Chart) => c.delete(),
    ]) {
      const e = await failure(() =>
        Excel.run(async (ctx) => {
          write(ctx.workbook.worksheets.getItem('Plan').charts.getItem('Chart 1'));
          await ctx.sync();
        }),
      );
      expect(e.code).toBe('AccessDenied');
    }
    expect(r.book.snapshot()).toEqual(before);
    // Charting protected data on another sheet is fine: only the chart's sheet is written.
    await Excel.run(async (ctx) => {
      ctx.workbook.worksheets.getItem('Data').charts.add(Excel.ChartType.pie, ctx.workbook.worksheets.getItem('Plan').getRange('A1:B5'));
      await ctx.sync();
    });
    expect(r.book.chartsOf('Data')).toMatchObject([{ sourceData: 'Plan!A1:B5', series: [{ name: 'Complete' }] }]);
  });

  it('lists charts in the snapshot and deletes them with their sheet', async () => {
    r.book.addChart('Data', 'Area', 'Plan!A1:C5');
    expect(r.book.snapshot().sheets.map((s) => [s.name, s.charts.map((c) => `${c.name}:${c.chartType}:${c.sourceData}:${c.position}`)])).toEqual([
      ['Plan', []],
      ['Data', ['Chart 1:Area:Plan!A1:C5:E1:L15']],
    ]);
    await Excel.run(async (ctx) => {
      ctx.workbook.worksheets.getItem('Data').delete();
      await ctx.sync();
    });
    expect(r.book.snapshot().sheets.map((s) => s.name)).toEqual(['Plan']);
    expect(() => r.book.chartsOf('Data')).toThrow(/worksheet "Data"/);
  });
});
