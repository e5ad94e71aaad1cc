/** npm run bench: every figure measured side by side in one run; results in bench/results.json. */
import { mkdirSync, writeFileSync } from 'node:fs';
import { runBundleBench } from './bundles';
import { runCliBench } from './cli';
import { runEngineBench } from './engine';
import { runExcelBench } from './excel';
import { runNaiveBench } from './naive';

const engine = runEngineBench();
const excel = await runExcelBench();
const naive = await runNaiveBench();
const cli = await runCliBench();
const bundles = runBundleBench();
mkdirSync('bench', { recursive: true });
writeFileSync('bench/results.json', `${JSON.stringify({ engine, excel, naive, cli, bundles }, null, 2)}\n`);
console.log('\nWrote bench/results.json');
