// Tests of FakeExcelHost itself, through Microsoft's real Excel client: round trips and the
// cleanup batch, the references the client holds, and the payload limits of Excel on the web.
import { describe, expect, it } from 'vitest';
import { excelHarness, seedPlan } from './test-rig.js';

const { rig, failure, each } = excelHarness();

describe('round trips, references and payload limits', () => {
  const r = each((rig) => seedPlan(rig.book));

  it('reads values and numberFormat of the used range in one sync', async () => {
    const out = await Excel.run(async (ctx) => {
      const used = ctx.workbook.worksheets.getItem('Plan').getUsedRange(true);
      used.load('values,numberFormat,address,rowIndex,columnIndex,text');
      await ctx.sync();
      return { values: used.values, nf: used.numberFormat, address: used.address, at: [used.rowIndex, used.columnIndex], text: used.text };
    });
    expect(out.address).toBe('Plan!B2:D4');
    expect(out.at).toEqual([1, 1]);
    expect(out.values).toEqual([
      ['Ref', 'Due', 'Status'],
      ['1.1', 43373, 'Green'],
      ['1.2', 43404, 'Amber'],
    ]);
    expect(out.nf[1]).toEqual(['General', 'dd/mm/yyyy', 'General']);
    expect(out.text[1]).toEqual(['1.1', '30/09/2018', 'Green']);
    expect(r.transport.syncs()).toBe(1);
    // The cleanup batch of Excel.run is seen on the wire but not counted as a sync.
    expect(r.transport.rawRequestCount()).toBe(2);
    expect(r.transport.requests[1]?.cleanup).toBe(true);
    expect(r.host.liveReferences()).toBe(0);
    const first = r.transport.requests[0];
    expect(first?.flags).toBe(0); // read-only batch
    expect(first?.bytes).toBeGreaterThan(100);
    expect(r.host.stats[0]?.actions.Query).toBe(1);
  });

  it('reads a whole column without materialising it, within the 5 MB response limit or not', async () => {
    r.book.setValues('Plan', 'A1048576', [['last']]);
    const started = Date.now();
    // Excel on the web: a million ["" ] rows are over 5 MB, so the answer is refused.
    const err = await failure(() =>
      Excel.run(async (ctx) => {
        const col = ctx.workbook.worksheets.getItem('Plan').getRange('A:A');
        col.load('values');
        await ctx.sync();
      }),
    );
    expect(err.code).toBe('ResponsePayloadSizeLimitExceeded');
    // Desktop-like host without the payload limit: the whole column comes back.
    const big = rig(['Plan'], { maxResponseBytes: Infinity });
    big.book.setValues('Plan', 'A2', [['x']]);
    big.book.setValues('Plan', 'A1048576', [['last']]);
    const out = await Excel.run(async (ctx) => {
      const col = ctx.workbook.worksheets.getItem('Plan').getRange('A:A');
      col.load('values,address,rowCount,cellCount');
      await ctx.sync();
      return { n: col.values.length, a2: col.values[1]?.[0], last: col.values[1048575]?.[0], address: col.address, rows: col.rowCount };
    });
    expect(out).toEqual({ n: 1048576, a2: 'x', last: 'last', address: 'Plan!A:A', rows: 1048576 });
    expect(Date.now() - started).toBeLessThan(15_000);
  });

  it('rejects requests over the payload limit and addresses over 8,192 characters', async () => {
    const small = rig(['Plan'], { maxRequestBytes: 50_000 });
    const rows = Array.from({ length: 2000 }, (_, i) => [`row ${i} with some text`]);
    const err = await failure(() =>
      Excel.run(async (ctx) => {
        ctx.workbook.worksheets.getItem('Plan').getRange('A1:A2000').values = rows;
        await ctx.sync();
      }),
    );
    expect(err.code).toBe('RequestPayloadSizeLimitExceeded');
    expect(small.book.snapshot().sheets[0]?.cells).toEqual({});
    expect(small.transport.requests[0]?.error).toBe('RequestPayloadSizeLimitExceeded');
    expect(small.transport.syncs()).toBe(1);

    const def = rig(['Plan']);
    const cells = Array.from({ length: 1500 }, (_, i) => `A${i * 2 + 1}`).join(', ');
    expect(cells.length).toBeGreaterThan(8192);
    const tooLong = await failure(() =>
      Excel.run(async (ctx) => {
        ctx.workbook.worksheets.getItem('Plan').getRanges(cells).format.fill.color = '#FF0000';
        await ctx.sync();
      }),
    );
    expect(tooLong.code).toBe('InvalidArgument');
    expect(def.book.snapshot().sheets[0]?.cells).toEqual({});
  });
});
