// Tests of Excel.WorksheetCollection (worksheet-collection.ts), through Microsoft's real Excel client.
import { describe, expect, it } from 'vitest';
import { excelHarness } from '../test-rig.js';

const { failure, each } = excelHarness();

describe('WorksheetCollection', () => {
  const r = each();

  it('surfaces ItemNotFound and ItemAlreadyExists with their codes', async () => {
    const missing = await failure(() =>
      Excel.run(async (ctx) => {
        const ws = ctx.workbook.worksheets.getItem('Nope');
        ws.load('name');
        await ctx.sync();
      }),
    );
    expect(missing.code).toBe('ItemNotFound');
    expect(missing.debugInfo.errorLocation).toBe('WorksheetCollection.getItem');
    const exists = await failure(() =>
      Excel.run(async (ctx) => {
        ctx.workbook.worksheets.add('plan'); // names are case-insensitive
        await ctx.sync();
      }),
    );
    expect(exists.code).toBe('ItemAlreadyExists');
  });

  it('adds, renames, hides, activates and deletes sheets as Excel allows', async () => {
    await Excel.run(async (ctx) => {
      const sheets = ctx.workbook.worksheets;
      const summary = sheets.add('Summary');
      summary.getRange('A1').values = [['Total']];
      sheets.getItem('Data').visibility = Excel.SheetVisibility.hidden;
      summary.activate();
      summary.getRange('A1').select();
      await ctx.sync();
    });
    expect(r.book.snapshot()).toMatchObject({ activeSheet: 'Summary', selection: 'Summary!A1' });
    expect(r.book.sheets.map((s) => `${s.name}:${s.visibility}`)).toEqual(['Plan:Visible', 'Data:Hidden', 'Summary:Visible']);

    const hidden = await failure(() =>
      Excel.run(async (ctx) => {
        ctx.workbook.worksheets.getItem('Data').activate();
        await ctx.sync();
      }),
    );
    expect(hidden.code).toBe('InvalidOperation');

    await Excel.run(async (ctx) => {
      ctx.workbook.worksheets.getItem('Summary').delete();
      await ctx.sync();
    });
    const last = await failure(() =>
      Excel.run(async (ctx) => {
        ctx.workbook.worksheets.getItem('Plan').visibility = Excel.SheetVisibility.veryHidden;
        await ctx.sync();
      }),
    );
    expect(last.code).toBe('InvalidOperation');
    expect(r.book.sheets.map((s) => s.name)).toEqual(['Plan', 'Data']);
    expect(r.book.activeSheet?.name).toBe('Plan');

    const out = await Excel.run(async (ctx) => {
      const s = ctx.workbook.worksheets.getItemOrNullObject('Summary');
      await ctx.sync();
      const active = ctx.workbook.worksheets.getActiveWorksheet();
      active.load('name');
      await ctx.sync();
      return [s.isNullObject, active.name];
    });
    expect(out).toEqual([true, 'Plan']);
  });
});
