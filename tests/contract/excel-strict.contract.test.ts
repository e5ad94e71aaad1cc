// The contract suite through Microsoft's client against a host strict about null objects: it
// refuses the one-sync read's walk past the last sheet, so every case goes through the plain
// documented read (src/excel/read-workbook.ts, readInSteps) and must give the same answers.
import { excelClientForSuite } from '../excel/excel-fixture';
import { adapterContract } from './adapter-contract';
import { excelFactory } from './adapters';

adapterContract('Office.js, host strict about null objects', excelFactory(excelClientForSuite(), { strictNullObjects: true }));
