// Tests of RangeFormat, RangeFill and RangeFont (range-format.ts), through Microsoft's real Excel client.
import { describe, expect, it } from 'vitest';
import { excelHarness, seedPlan } from '../test-rig.js';

const { each } = excelHarness();

describe('RangeFormat, RangeFill, RangeFont', () => {
  const r = each((rig) => seedPlan(rig.book));

  it('reads fills and fonts, nested loads and sheet lists', async () => {
    r.book.setFill('Plan', 'D3', '#c6efce');
    r.book.setFormat('Plan', 'B2:D2', { bold: true });
    const out = await Excel.run(async (ctx) => {
      const ws = ctx.workbook.worksheets.getItem('Plan');
      const d3 = ws.getRange('D3');
      d3.load('format/fill/color,format/font/bold');
      const header = ws.getRange('B2:D2').format.font;
      header.load('bold');
      const mixed = ws.getRange('D2:D3').format.fill;
      mixed.load('color');
      const plain = ws.getRange('A1').format.fill;
      plain.load('color');
      const sheets = ctx.workbook.worksheets;
      sheets.load('items/name,items/position,items/visibility');
      await ctx.sync();
      return {
        fill: d3.format.fill.color,
        bold: d3.format.font.bold,
        header: header.bold,
        mixed: mixed.color,
        plain: plain.color,
        sheets: sheets.items.map((s) => `${s.position}:${s.name}:${s.visibility}`),
      };
    });
    expect(out).toEqual({ fill: '#C6EFCE', bold: false, header: true, mixed: null, plain: '#FFFFFF', sheets: ['0:Plan:Visible', '1:Data:Visible'] });
    expect(r.transport.syncs()).toBe(1);
  });

  it('stores column widths, wrap text and whole-column number formats', async () => {
    await Excel.run(async (ctx) => {
      const ws = ctx.workbook.worksheets.getItem('Plan');
      ws.getRange('B:B').format.columnWidth = 120;
      ws.getRange('B:B').format.wrapText = true;
      ws.getRange('C:C').numberFormat = '@' as unknown as string[][];
      ws.getRange('C5').values = [['=1+2']];
      await ctx.sync();
    });
    const snap = r.book.snapshot().sheets[0];
    expect(snap?.columnWidths).toEqual({ B: 120 });
    expect(snap?.columnFormats).toEqual({ B: { wrapText: true }, C: { numberFormat: '@' } });
    expect(r.book.cellAt('Plan', 'C5')).toMatchObject({ value: '=1+2', formula: null, numberFormat: '@' });
    expect(r.book.cellAt('Plan', 'B7000').wrapText).toBe(true);
  });
});
