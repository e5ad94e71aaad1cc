/** npm run bench: every figure measured side by side in one run; results in bench/results.json. */
import { mkdirSync, writeFileSync } from 'node:fs';
import { runEngineBench } from './engine';
import { runExcelBench } from './excel';

const engine = runEngineBench();
const excel = await runExcelBench();
mkdirSync('bench', { recursive: true });
writeFileSync('bench/results.json', `${JSON.stringify({ engine, excel }, null, 2)}\n`);
console.log('\nWrote bench/results.json');
