// The contract suite through Microsoft's Excel client once per Excel version the README lists, with
// the client and the fake host told that version's requirement sets: a call from a later set
// without a fallback fails there with ApiNotFound, as that Excel would answer.
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { compareVersions } from '../../test-hosts/excel/load-excel-client';
import { excelClientForSuite } from '../excel/excel-fixture';
import { excel2016, excelVersions, setsOf } from '../excel/excel-versions';
import { adapterContract } from './adapter-contract';
import { excelFactory } from './adapters';
import { FakeExcelHost, FakeWorkbook } from '../../test-hosts/excel/fake-excel-host';

for (const version of excelVersions) {
  describe(`${version.name} (ExcelApi ${version.excelApi})`, () => {
    const client = excelClientForSuite({ supportedSets: setsOf(version) });
    adapterContract(`Office.js as ${version.name}`, excelFactory(client));

    // The profile bites: a RangeAreas call (ExcelApi 1.9) works only where the version has it.
    it(`${compareVersions(version.excelApi, '1.9') >= 0 ? 'answers' : 'refuses'} a RangeAreas call (ExcelApi 1.9)`, async () => {
      client().install(new FakeExcelHost(new FakeWorkbook(['Plan'])));
      const run = Excel.run(async (context) => {
        const areas = context.workbook.worksheets.getItem('Plan').getRanges('A1,B2');
        areas.load('address');
        await context.sync();
        return areas.address;
      });
      if (compareVersions(version.excelApi, '1.9') >= 0) await expect(run).resolves.toBe('Plan!A1,Plan!B2');
      else await expect(run).rejects.toMatchObject({ code: 'ApiNotFound' });
    });
  });
}

describe('the versions the manifest admits', () => {
  const manifest = readFileSync(path.resolve(__dirname, '../../manifest.xml'), 'utf8');
  const min = /<Set Name="ExcelApi" MinVersion="([\d.]+)"\/>/.exec(manifest)?.[1] ?? '';

  it('admits every version the suite runs as, and not Excel 2016', () => {
    expect(min).toBe('1.7');
    for (const v of excelVersions) expect(compareVersions(v.excelApi, min), v.name).toBeGreaterThanOrEqual(0);
    expect(compareVersions(excel2016.excelApi, min)).toBeLessThan(0);
  });
});
