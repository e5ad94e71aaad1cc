import { adapterContract } from './adapter-contract';
import { xlsxFactory } from './adapters';

adapterContract('.xlsx package (CLI)', xlsxFactory);
