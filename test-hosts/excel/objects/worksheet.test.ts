// Tests of Excel.Worksheet (worksheet.ts), through Microsoft's real Excel client.
import { describe, expect, it } from 'vitest';
import { excelHarness } from '../test-rig.js';

const { failure, each } = excelHarness();

describe('Worksheet', () => {
  const r = each();

  it('gives A1 for the used range of an empty sheet and a null object for the OrNullObject form', async () => {
    r.book.setFill('Data', 'C3', '#FF0000');
    const out = await Excel.run(async (ctx) => {
      const ws = ctx.workbook.worksheets.getItem('Plan');
      const used = ws.getUsedRange();
      used.load('address');
      const orNull = ws.getUsedRangeOrNullObject();
      orNull.load('address');
      const formatted = ctx.workbook.worksheets.getItem('Data').getUsedRangeOrNullObject();
      formatted.load('address');
      const valuesOnly = ctx.workbook.worksheets.getItem('Data').getUsedRangeOrNullObject(true);
      valuesOnly.load('address');
      await ctx.sync();
      return [used.address, orNull.isNullObject, formatted.address, valuesOnly.isNullObject];
    });
    expect(out).toEqual(['Plan!A1', true, 'Data!C3', true]);
  });

  it('rejects bad addresses with InvalidArgument', async () => {
    for (const address of ['A0', 'XFE1', 'A1:B', 'Data!A1', '']) {
      const err = await failure(() =>
        Excel.run(async (ctx) => {
          const range = ctx.workbook.worksheets.getItem('Plan').getRange(address);
          range.load('address');
          await ctx.sync();
        }),
      );
      expect(err.code, address).toBe('InvalidArgument');
    }
  });
});
