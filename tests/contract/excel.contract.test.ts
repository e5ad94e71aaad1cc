import { excelClientForSuite } from '../excel/excel-fixture';
import { adapterContract } from './adapter-contract';
import { excelFactory } from './adapters';

adapterContract('Office.js (real client, fake host)', excelFactory(excelClientForSuite()));
