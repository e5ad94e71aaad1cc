/** npm run bench: every figure measured side by side in one run; results in bench/results.json. */
import { mkdirSync, writeFileSync } from 'node:fs';

// Each part is imported only when it runs, so the engine is timed on a heap without the Excel
// client, jsdom and ExcelJS loaded (they made its large plans pay for their garbage collection).
const engine = (await import('./engine')).runEngineBench();
const excel = await (await import('./excel')).runExcelBench();
const naive = await (await import('./naive')).runNaiveBench();
const cli = await (await import('./cli')).runCliBench();
const bundles = (await import('./bundles')).runBundleBench();
mkdirSync('bench', { recursive: true });
writeFileSync('bench/results.json', `${JSON.stringify({ engine, excel, naive, cli, bundles }, null, 2)}\n`);
console.log('\nWrote bench/results.json');
