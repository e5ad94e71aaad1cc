// Tests of the protocol core (protocol.ts), through Microsoft's real Excel client: the client's
// own load rules, objects reused across syncs, NotImplemented for gaps, and null objects.
import { describe, expect, it } from 'vitest';
import { excelHarness, type Rig, seedPlan } from './test-rig.js';

const { rig, failure, each } = excelHarness();

describe('requests', () => {
  const r = each((rig) => seedPlan(rig.book));

  it('throws the real PropertyNotLoaded for a property that was not loaded', async () => {
    const err = await failure(() =>
      Excel.run(async (ctx) => {
        const range = ctx.workbook.worksheets.getItem('Plan').getRange('B2:D4');
        range.load('address');
        await ctx.sync();
        return range.values;
      }),
    );
    expect(err.code).toBe('PropertyNotLoaded');
    expect(r.transport.syncs()).toBe(1);
  });

  it('gives isNullObject for a missing sheet and reuses objects across syncs', async () => {
    const out = await Excel.run(async (ctx) => {
      const sheets = ctx.workbook.worksheets;
      let report = sheets.getItemOrNullObject('Report');
      report.load('name');
      await ctx.sync();
      const wasNull = report.isNullObject;
      if (report.isNullObject) report = sheets.add('Report');
      const cell = report.getCell(1, 2);
      cell.values = [['x']];
      cell.load('address');
      await ctx.sync();
      cell.values = [['y']];
      cell.format.fill.color = 'orange';
      await ctx.sync();
      return [wasNull, cell.address];
    });
    expect(out).toEqual([true, 'Report!C2']);
    expect(r.book.cellAt('Report', 'C2')).toMatchObject({ value: 'y', fill: '#FFA500' });
    expect(r.transport.syncs()).toBe(3);
    expect(r.host.liveReferences()).toBe(0);
  });

  it('fails loudly with NotImplemented for what the fake does not model', async () => {
    const err = await failure(() =>
      Excel.run(async (ctx) => {
        ctx.workbook.worksheets.getItem('Plan').getRange('A1').format.borders.getItem('EdgeTop').style = 'Continuous';
        await ctx.sync();
      }),
    );
    expect(err.code).toBe('NotImplemented');
    expect(err.message).toContain('RangeFormat.Borders');
  });
});

describe('null objects', () => {
  /** The product's one-sync read: `count` sheets from the first, walking getNextOrNullObject. */
  function queueWalk(ctx: Excel.RequestContext, count: number): { sheet: Excel.Worksheet; used: Excel.Range }[] {
    const out: { sheet: Excel.Worksheet; used: Excel.Range }[] = [];
    let sheet = ctx.workbook.worksheets.getFirst();
    for (let i = 0; i < count; i++) {
      sheet.load('name,visibility,protection/protected');
      const used = sheet.getUsedRangeOrNullObject(true);
      used.load('address,values');
      out.push({ sheet, used });
      sheet = sheet.getNextOrNullObject();
    }
    return out;
  }

  /** Two sheets, neither empty: the only null objects are past the last sheet. */
  function twoSheets(strictNullObjects: boolean): Rig {
    const r = rig(['Plan', 'Data'], { strictNullObjects });
    r.book.setValues('Plan', 'A1', [['Ref']]);
    r.book.setValues('Data', 'B2', [[1]]);
    return r;
  }

  it('kindly answers a batch that walks past the last sheet: null objects all the way down', async () => {
    const r = twoSheets(false);
    const out = await Excel.run(async (ctx) => {
      const queued = queueWalk(ctx, 4);
      await ctx.sync();
      return queued.map(({ sheet, used }) => (sheet.isNullObject ? null : `${sheet.name}:${used.isNullObject ? '-' : used.address}`));
    });
    expect(out).toEqual(['Plan:Plan!A1', 'Data:Data!B2', null, null]);
    expect(r.transport.syncs()).toBe(1);
  });

  it('strictly fails the whole batch that walks past the last sheet, with GeneralException', async () => {
    const r = twoSheets(true);
    const err = await failure(() =>
      Excel.run(async (ctx) => {
        queueWalk(ctx, 3);
        await ctx.sync();
      }),
    );
    expect(err.code).toBe('GeneralException');
    expect(err.message).toContain('There was an internal error while processing the request.');
    expect(err.message).toContain('on the null object of Worksheet.getNextOrNullObject');
    expect(r.transport.syncs()).toBe(1);
    expect(r.host.stats[0]?.error).toBe('GeneralException');
  });

  it('strictly answers a walk that stops at the last sheet: the step past it is only instantiated', async () => {
    twoSheets(true);
    const out = await Excel.run(async (ctx) => {
      const queued = queueWalk(ctx, 2);
      await ctx.sync();
      return queued.map(({ sheet, used }) => `${sheet.name}:${used.address}`);
    });
    expect(out).toEqual(['Plan:Plan!A1', 'Data:Data!B2']);
  });

  it('answers a batch that only asks isNullObject of null objects, kindly and strictly', async () => {
    for (const strictNullObjects of [false, true]) {
      rig(['Plan', 'Data'], { strictNullObjects });
      const out = await Excel.run(async (ctx) => {
        const sheets = ctx.workbook.worksheets;
        const missing = sheets.getItemOrNullObject('Summary');
        const empty = sheets.getItem('Data').getUsedRangeOrNullObject(); // a Range: the client also keeps a reference to it
        const pastLast = sheets.getItem('Data').getNextOrNullObject();
        pastLast.load('isNullObject');
        const present = sheets.getItemOrNullObject('Plan');
        present.load('isNullObject,name');
        await ctx.sync();
        return [missing.isNullObject, empty.isNullObject, pastLast.isNullObject, present.isNullObject, present.name];
      });
      expect(out, `strictNullObjects: ${strictNullObjects}`).toEqual([true, true, true, false, 'Plan']);
    }
  });

  it('strictly still answers a load of the null answer itself, as Microsoft’s samples do before checking isNullObject', async () => {
    rig(['Plan'], { strictNullObjects: true });
    const out = await Excel.run(async (ctx) => {
      const missing = ctx.workbook.worksheets.getItemOrNullObject('Summary');
      missing.load('name');
      await ctx.sync();
      return missing.isNullObject;
    });
    expect(out).toBe(true);
  });

  it('strictly refuses a load of what a null object leads to, a property write or a method call on it, which kindly do nothing', async () => {
    const writes: ((missing: Excel.Worksheet) => void)[] = [(missing) => missing.getRange('A1').load('values'), (missing) => (missing.position = 0), (missing) => missing.activate()];
    for (const write of writes) {
      const kind = rig(['Plan', 'Data']);
      await Excel.run(async (ctx) => {
        write(ctx.workbook.worksheets.getItemOrNullObject('Summary'));
        await ctx.sync();
      });
      expect(kind.book.sheets.map((s) => s.name)).toEqual(['Plan', 'Data']);
      rig(['Plan', 'Data'], { strictNullObjects: true });
      const err = await failure(() =>
        Excel.run(async (ctx) => {
          write(ctx.workbook.worksheets.getItemOrNullObject('Summary'));
          await ctx.sync();
        }),
      );
      expect(err.code).toBe('GeneralException');
      expect(err.message).toContain('on the null object of WorksheetCollection.getItemOrNullObject');
    }
  });
});
