// Tests of the fake Excel host itself, driven through Microsoft's real Excel JS client.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { FakeExcelHost, FakeWorkbook, type FakeExcelHostOptions, type RichApiRequest } from './fake-excel-host.js';
import { type ExcelClient, type Transport, loadExcelClient, useGlobals } from './load-excel-client.js';

let client: ExcelClient;
let restoreGlobals: () => void;

beforeAll(() => {
  client = loadExcelClient();
  restoreGlobals = useGlobals(client);
});
afterAll(() => restoreGlobals());

interface Rig {
  book: FakeWorkbook;
  host: FakeExcelHost;
  transport: Transport;
}

function rig(sheets: string[] = ['Plan', 'Data'], options: FakeExcelHostOptions = {}): Rig {
  const book = new FakeWorkbook(sheets);
  const host = new FakeExcelHost(book, options);
  const transport = client.install(host);
  return { book, host, transport };
}

/** Runs fn and returns the OfficeExtension.Error it rejects with. */
async function failure(fn: () => Promise<unknown>): Promise<OfficeExtension.Error> {
  try {
    await fn();
  } catch (e) {
    expect(e).toBeInstanceOf(client.OfficeExtension.Error);
    return e as OfficeExtension.Error;
  }
  throw new Error('expected a failure');
}

function actionNames(body: unknown): string[] {
  return (body as RichApiRequest).Actions.map((a) => `${a.ActionType}:${a.Name ?? ''}`);
}

describe('reads', () => {
  let r: Rig;
  beforeEach(() => {
    r = rig();
    r.book.setValues('Plan', 'B2', [
      ['Ref', 'Due', 'Status'],
      ['1.1', 43373, 'Green'],
      ['1.2', 43404, 'Amber'],
    ]);
    r.book.setNumberFormats('Plan', 'C3', [['dd/mm/yyyy'], ['dd/mm/yyyy']]);
  });

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
});

describe('writes', () => {
  let r: Rig;
  beforeEach(() => {
    r = rig();
  });

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

describe('errors', () => {
  let r: Rig;
  beforeEach(() => {
    r = rig();
  });

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

  it('answers ApiNotFound for members of requirement sets the host lacks', async () => {
    const restore = useGlobals(client, { supportedSets: (name, version) => name === 'ExcelApi' && Number(version.split('.')[1]) <= 8 });
    try {
      expect(Office.context.requirements.isSetSupported('ExcelApi', '1.8')).toBe(true);
      expect(Office.context.requirements.isSetSupported('ExcelApi', '1.9')).toBe(false);
      const err = await failure(() =>
        Excel.run(async (ctx) => {
          ctx.workbook.worksheets.getItem('Plan').getRange('A1').setCellProperties([[{ format: { font: { bold: true } } }]]);
          await ctx.sync();
        }),
      );
      expect(err.code).toBe('ApiNotFound');
      expect(err.message).toContain('Range.setCellProperties needs ExcelApi 1.9');
      expect(r.transport.syncs()).toBe(1);
    } finally {
      restore();
    }
    expect(Office.context.requirements.isSetSupported('ExcelApi', '1.17')).toBe(true);
    expect(Office.context.requirements.isSetSupported('ExcelApi', '1.18')).toBe(false);
  });
});

describe('structure', () => {
  let r: Rig;
  beforeEach(() => {
    r = rig();
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

  it('quotes sheet names in addresses and accepts sheet-qualified areas', async () => {
    r = rig(['My plan', "Bob's"]);
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
    expect(r.book.cellAt('My plan', 'C5').fontColor).toBe('#0F385C');
  });
});

describe('charts', () => {
  let r: Rig;
  const RAG = [
    ['Theme', 'Complete', 'On track', 'Off track'],
    ['Housing', 4, 3, 1],
    ['Transport', 2, 5, 0],
    ['Health', 6, 1, 2],
    ['Finance', 3, 3, 3],
  ];
  beforeEach(() => {
    r = rig();
    r.book.setValues('Plan', 'A1', RAG);
  });

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
    const restore = useGlobals(client, { supportedSets: (name, version) => name === 'ExcelApi' && Number(version.split('.')[1]) <= 3 });
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
