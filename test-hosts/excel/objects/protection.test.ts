// Tests of worksheet protection (protection.ts, and the atomic AccessDenied of protocol.ts),
// through Microsoft's real Excel client.
import { describe, expect, it } from 'vitest';
import { excelHarness } from '../test-rig.js';

const { failure, each } = excelHarness();

describe('WorksheetProtection', () => {
  const r = each();

  it('refuses any write to a protected sheet and applies nothing of that request', async () => {
    r.book.setValues('Plan', 'A1', [['keep']]);
    r.book.protect('Plan');
    const before = r.book.snapshot();
    const err = await failure(() =>
      Excel.run(async (ctx) => {
        ctx.workbook.worksheets.getItem('Data').getRange('A1').values = [['written first']];
        ctx.workbook.worksheets.add('Summary');
        const plan = ctx.workbook.worksheets.getItem('Plan');
        plan.getRange('A1').format.fill.color = '#FF0000';
        plan.getRange('A1').values = [['changed']];
        await ctx.sync();
      }),
    );
    expect(err.code).toBe('AccessDenied');
    expect(r.book.snapshot()).toEqual(before);
    for (const write of [
      (ws: Excel.Worksheet) => ws.getRange('B2').clear(),
      (ws: Excel.Worksheet) => ws.getRanges('B2, C3').format.fill.color = '#FF0000',
      (ws: Excel.Worksheet) => ws.getRange('B2').setCellProperties([[{ format: { font: { bold: true } } }]]),
      (ws: Excel.Worksheet) => ws.getRange('3:3').rowHidden = true,
      (ws: Excel.Worksheet) => ws.delete(),
    ]) {
      const e = await failure(() =>
        Excel.run(async (ctx) => {
          write(ctx.workbook.worksheets.getItem('Plan'));
          await ctx.sync();
        }),
      );
      expect(e.code).toBe('AccessDenied');
    }
    expect(r.book.snapshot()).toEqual(before);
    const state = await Excel.run(async (ctx) => {
      const p = ctx.workbook.worksheets.getItem('Plan').protection;
      p.load('protected');
      const v = ctx.workbook.worksheets.getItem('Plan').getRange('A1');
      v.load('values');
      await ctx.sync();
      return [p.protected, v.values[0]?.[0]];
    });
    expect(state).toEqual([true, 'keep']);
  });

  it('rolls back a request that protects a sheet and then writes to it', async () => {
    const before = r.book.snapshot();
    const err = await failure(() =>
      Excel.run(async (ctx) => {
        ctx.application.suspendScreenUpdatingUntilNextSync();
        const ws = ctx.workbook.worksheets.getItem('Data');
        ws.getRange('A1').values = [['before protect']];
        ws.protection.protect();
        ws.getRange('A2').values = [['after protect']];
        await ctx.sync();
      }),
    );
    expect(err.code).toBe('AccessDenied');
    expect(r.book.snapshot()).toEqual(before);
    expect(r.host.stats[0]).toMatchObject({ error: 'AccessDenied', screenUpdatingSuspended: true });
  });
});
