// Tests of Excel.Range (range.ts), through Microsoft's real Excel client.
import { describe, expect, it } from 'vitest';
import { actionNames, excelHarness } from '../test-rig.js';

const { rig, failure, each } = excelHarness();

describe('Range', () => {
  const r = each();

  it('returns null grids beyond five million cells, as Excel does', async () => {
    rig(['Plan'], { maxResponseBytes: Infinity });
    const out = await Excel.run(async (ctx) => {
      const block = ctx.workbook.worksheets.getItem('Plan').getRange('A:E');
      block.load('values,cellCount');
      await ctx.sync();
      return { values: block.values, cells: block.cellCount };
    });
    expect(out).toEqual({ values: null, cells: 5 * 1048576 });
  });

  it('writes 10,000 rows in one sync although the client splits them into chunks', async () => {
    const rows = Array.from({ length: 10_000 }, (_, i) => [`R${i + 1}`, i, i % 2 === 0]);
    await Excel.run(async (ctx) => {
      ctx.workbook.worksheets.getItem('Data').getRange('A1:C10000').values = rows;
      await ctx.sync();
    });
    expect(r.transport.syncs()).toBe(1);
    const names = actionNames(r.transport.requests[0]?.body);
    expect(names).toContain('3:_ValidateArraySize');
    expect(names.filter((n) => n === '4:Values').length).toBe(20); // 500-row chunks of 3 columns
    expect(r.book.valuesOf('Data', 'A9999:C10000')).toEqual([
      ['R9999', 9998, true],
      ['R10000', 9999, false],
    ]);
    expect(r.transport.largestRequestBytes()).toBeGreaterThan(200_000);
  });

  it('rejects an array whose size does not match the range', async () => {
    const err = await failure(() =>
      Excel.run(async (ctx) => {
        ctx.workbook.worksheets.getItem('Plan').getRange('A1:B2').values = [[1, 2, 3]];
        await ctx.sync();
      }),
    );
    expect(err.code).toBe('InvalidArgument');
    expect(r.book.snapshot().sheets[0]?.cells).toEqual({});
  });

  it('turns =, +, - and @ strings into formulas unless the cell is Text-formatted', async () => {
    const inputs = [['=1+2'], ['+1'], ['-1 day late'], ['@SUM(A1)'], ['007'], ['-5'], ['plain']];
    await Excel.run(async (ctx) => {
      const ws = ctx.workbook.worksheets.getItem('Plan');
      ws.getRange('A1:A7').values = inputs;
      const text = ws.getRange('B1:B7');
      text.numberFormat = inputs.map(() => ['@']);
      text.values = inputs;
      await ctx.sync();
    });
    expect(r.transport.syncs()).toBe(1);
    const a = (addr: string): { value: unknown; formula: string | null } => {
      const c = r.book.cellAt('Plan', addr);
      return { value: c.value, formula: c.formula };
    };
    expect(a('A1')).toEqual({ value: 3, formula: '=1+2' });
    expect(a('A2')).toEqual({ value: 1, formula: '+1' });
    expect(a('A3')).toEqual({ value: '#NAME?', formula: '-1 day late' });
    expect(a('A4')).toEqual({ value: '#NAME?', formula: '@SUM(A1)' });
    expect(a('A5')).toEqual({ value: 7, formula: null });
    expect(a('A6')).toEqual({ value: -5, formula: null });
    expect(a('A7')).toEqual({ value: 'plain', formula: null });
    expect(r.book.valuesOf('Plan', 'B1:B7')).toEqual(inputs);
    for (let i = 1; i <= 7; i++) expect(r.book.cellAt('Plan', `B${i}`).formula).toBeNull();
    const back = await Excel.run(async (ctx) => {
      const range = ctx.workbook.worksheets.getItem('Plan').getRange('A1:A3');
      range.load('formulas,valueTypes');
      await ctx.sync();
      return { formulas: range.formulas, types: range.valueTypes };
    });
    expect(back).toEqual({ formulas: [['=1+2'], ['+1'], ['-1 day late']], types: [['Double'], ['Double'], ['Error']] });
  });

  it('clears contents, formats or both', async () => {
    r.book.setValues('Plan', 'A1', [['a', 'b', 'c']]);
    r.book.setFill('Plan', 'A1:C1', '#FF0000');
    r.book.merge('Plan', 'B2:C2');
    await Excel.run(async (ctx) => {
      const ws = ctx.workbook.worksheets.getItem('Plan');
      ws.getRange('A1').clear(Excel.ClearApplyTo.contents);
      ws.getRange('B1').clear(Excel.ClearApplyTo.formats);
      ws.getRange('C1').format.fill.clear();
      ws.getRange('B2:C2').clear();
      await ctx.sync();
    });
    expect(r.book.cellAt('Plan', 'A1')).toMatchObject({ value: '', fill: '#FF0000' });
    expect(r.book.cellAt('Plan', 'B1')).toMatchObject({ value: 'b', fill: null });
    expect(r.book.cellAt('Plan', 'C1')).toMatchObject({ value: 'c', fill: null });
    expect(r.book.snapshot().sheets[0]?.merges).toEqual([]);
  });

  it('finds merged areas intersecting a range, or a null object', async () => {
    r.book.merge('Plan', 'A4:I4');
    r.book.merge('Plan', 'B6:C7');
    const out = await Excel.run(async (ctx) => {
      const ws = ctx.workbook.worksheets.getItem('Plan');
      const merged = ws.getRange('A1:C10').getMergedAreasOrNullObject();
      merged.load('address,areaCount,cellCount');
      merged.areas.load('items/address');
      const none = ws.getRange('A20:B30').getMergedAreasOrNullObject();
      none.load('address');
      await ctx.sync();
      return { isNull: merged.isNullObject, address: merged.address, count: merged.areaCount, cells: merged.cellCount, areas: merged.areas.items.map((a) => a.address), none: none.isNullObject };
    });
    expect(out).toEqual({ isNull: false, address: 'Plan!A4:I4,Plan!B6:C7', count: 2, cells: 13, areas: ['Plan!A4:I4', 'Plan!B6:C7'], none: true });
    await Excel.run(async (ctx) => {
      ctx.workbook.worksheets.getItem('Data').getRange('A1:C1').merge();
      ctx.workbook.worksheets.getItem('Data').getRange('A2:C3').merge(true);
      await ctx.sync();
    });
    expect(r.book.snapshot().sheets[1]?.merges).toEqual(['A1:C1', 'A2:C2', 'A3:C3']);
  });

  it('gives the visible cells of a range as rectangles, or a null object when none is visible', async () => {
    r.book.setRowsHidden('Plan', '3:4');
    r.book.setRowsHidden('Plan', '7:7');
    const out = await Excel.run(async (ctx) => {
      const ws = ctx.workbook.worksheets.getItem('Plan');
      const visible = ws.getRange('A1:C8').getSpecialCellsOrNullObject(Excel.SpecialCellType.visible);
      visible.load('address');
      const none = ws.getRange('A3:C4').getSpecialCellsOrNullObject(Excel.SpecialCellType.visible);
      none.load('address');
      await ctx.sync();
      return { address: visible.address, none: none.isNullObject };
    });
    expect(out).toEqual({ address: 'Plan!A1:C2,Plan!A5:C6,Plan!A8:C8', none: true });
  });

  it('hides rows and reads them back', async () => {
    const out = await Excel.run(async (ctx) => {
      const ws = ctx.workbook.worksheets.getItem('Plan');
      ws.getRange('3:4').rowHidden = true;
      ws.getRange('C:C').columnHidden = true;
      const check = ws.getRange('3:3');
      check.load('rowHidden');
      const mixed = ws.getRange('A2:A3');
      mixed.load('rowHidden,hidden');
      await ctx.sync();
      return [check.rowHidden, mixed.rowHidden, mixed.hidden];
    });
    expect(out).toEqual([true, null, false]);
    const snap = r.book.snapshot().sheets[0];
    expect(snap?.hiddenRows).toEqual([3, 4]);
    expect(snap?.hiddenColumns).toEqual(['C']);
    expect(r.transport.syncs()).toBe(1);
  });
  it('inserts whole rows: cells, formats, merges and hidden rows below move; the new rows take the row above’s formats', async () => {
    r.book.setValues('Plan', 'A1', [['Ref', 'Status'], ['1.1', 'Green'], ['1.2', 'Amber'], ['2.1', 'Red']]);
    r.book.setFill('Plan', 'B2', '#C4E5CD');
    r.book.setNumberFormats('Plan', 'A2', [['@']]);
    r.book.merge('Plan', 'C4:D4');
    r.book.setRowsHidden('Plan', '3:3');
    await Excel.run(async (ctx) => {
      ctx.workbook.worksheets.getItem('Plan').getRange('3:4').insert(Excel.InsertShiftDirection.down);
      await ctx.sync();
    });
    expect(r.book.valuesOf('Plan', 'A1:B6')).toEqual([['Ref', 'Status'], ['1.1', 'Green'], ['', ''], ['', ''], ['1.2', 'Amber'], ['2.1', 'Red']]);
    expect([r.book.cellAt('Plan', 'B3').fill, r.book.cellAt('Plan', 'A4').numberFormat, r.book.cellAt('Plan', 'B5').fill]).toEqual(['#C4E5CD', '@', null]);
    const snap = r.book.snapshot().sheets[0];
    expect([snap?.merges, snap?.hiddenRows]).toEqual([['C6:D6'], [5]]);
    expect(r.transport.syncs()).toBe(1);
  });

  it('refuses an insert it does not model, naming it, and one on a protected sheet', async () => {
    const right = await failure(() =>
      Excel.run(async (ctx) => {
        ctx.workbook.worksheets.getItem('Plan').getRange('B2:C3').insert(Excel.InsertShiftDirection.right);
        await ctx.sync();
      }),
    );
    expect(right.code).toBe('NotImplemented');
    r.book.protect('Plan');
    const locked = await failure(() =>
      Excel.run(async (ctx) => {
        ctx.workbook.worksheets.getItem('Plan').getRange('2:2').insert(Excel.InsertShiftDirection.down);
        await ctx.sync();
      }),
    );
    expect(locked.code).toBe('AccessDenied');
  });
});
