import { adapterContract } from './adapter-contract';
import { xlsxFactory } from './adapters';

adapterContract('ExcelJS (CLI)', xlsxFactory);
