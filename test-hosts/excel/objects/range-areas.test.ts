// Tests of RangeAreas (range-areas.ts) and per-cell properties (cell-properties.ts), through
// Microsoft's real Excel client.
import { describe, expect, it } from 'vitest';
import { excelHarness } from '../test-rig.js';

const { rig, each } = excelHarness();

describe('RangeAreas and cell properties', () => {
  const r = each();

  it('writes values, RangeAreas fills and per-cell properties in one sync', async () => {
    await Excel.run(async (ctx) => {
      ctx.application.suspendApiCalculationUntilNextSync();
      const ws = ctx.workbook.worksheets.getItem('Plan');
      const out = ws.getRange('A1:C3');
      out.values = [
        ['Ref', 'Action', 'Status'],
        ['1.1', 'Do it', 'Red'],
        ['1.2', 'Do more', 'Green'],
      ];
      ws.getRanges('A2:A3, C2').format.fill.color = '#FFEB9C';
      ws.getRange('C2:C3').setCellProperties([[{ format: { fill: { color: '#f4d7d7' }, font: { color: '#651b1b', bold: true } } }], [{ format: { fill: { color: '#cfe4dc' } } }]]);
      ws.getRange('A1:C1').format.font.bold = true;
      await ctx.sync();
    });
    expect(r.transport.syncs()).toBe(1);
    expect((r.transport.requests[0]?.flags ?? 0) & 1).toBe(1);
    expect(r.host.stats[0]?.calcSuspended).toBe(true);
    expect(r.book.valuesOf('Plan', 'A2:C3')).toEqual([
      [1.1, 'Do it', 'Red'],
      [1.2, 'Do more', 'Green'],
    ]);
    expect(r.book.cellAt('Plan', 'A2').fill).toBe('#FFEB9C');
    expect(r.book.cellAt('Plan', 'B2').fill).toBeNull();
    expect(r.book.cellAt('Plan', 'C2')).toMatchObject({ fill: '#F4D7D7', fontColor: '#651B1B', bold: true });
    expect(r.book.cellAt('Plan', 'C3')).toMatchObject({ fill: '#CFE4DC', bold: false });
    expect(r.book.cellAt('Plan', 'B1').bold).toBe(true);
  });

  it('quotes sheet names in addresses and accepts sheet-qualified areas', async () => {
    const named = rig(['My plan', "Bob's"]);
    const out = await Excel.run(async (ctx) => {
      const ws = ctx.workbook.worksheets.getItem('My plan');
      const areas = ws.getRanges("'My plan'!A1:A3, C5");
      areas.format.font.color = '#0F385C';
      areas.load('address');
      const other = ctx.workbook.worksheets.getItem("Bob's").getRange('B2:C3');
      other.load('address');
      await ctx.sync();
      return [areas.address, other.address];
    });
    expect(out).toEqual(["'My plan'!A1:A3,'My plan'!C5", "'Bob''s'!B2:C3"]);
    expect(named.book.cellAt('My plan', 'C5').fontColor).toBe('#0F385C');
  });
});
