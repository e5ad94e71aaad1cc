import { afterAll, beforeAll } from 'vitest';
import { loadExcelClient, useGlobals, type ExcelClient } from '../../test-hosts/excel/load-excel-client';
import { adapterContract } from './adapter-contract';
import { excelFactory } from './adapters';

let client: ExcelClient;
let restore: () => void;
beforeAll(() => {
  client = loadExcelClient();
  restore = useGlobals(client);
});
afterAll(() => {
  restore();
  client.close();
});

adapterContract('Office.js (real client, fake host)', excelFactory(() => client));
