// Tests of the requirement sets (api-sets.ts), through Microsoft's real Excel client.
import { describe, expect, it } from 'vitest';
import { useGlobals } from './load-excel-client.js';
import { excelHarness } from './test-rig.js';

const h = excelHarness();
const { failure, each } = h;

describe('requirement sets', () => {
  const r = each();

  it('answers ApiNotFound for members of requirement sets the host lacks', async () => {
    const restore = useGlobals(h.client, { supportedSets: (name, version) => name === 'ExcelApi' && Number(version.split('.')[1]) <= 8 });
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
