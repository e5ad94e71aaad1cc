/**
 * The 100,000-action plan with the same invariants as every hostile case, run once: through the
 * .xlsx package, the path real files of that size take (the CLI), where the limits, the streamed XML
 * and the zip copy are what it proves. The other adapters at that size are timed and counted in
 * `npm run bench` (bench/excel.ts: syncs and request sizes; bench/engine.ts; bench/cli.ts), and their
 * row-count-independent round trips are asserted at smaller sizes in tests/excel and tests/sheets.
 */
import { expect, it } from 'vitest';
import { largeCases } from './corpus';
import { hostileAdapters, runCase } from './run-case';

const adapters = hostileAdapters().filter(([name]) => name === '.xlsx package (CLI)');
const table = largeCases().flatMap((c) => adapters.map(([a, make]) => [c.name, a, c, make] as const));

it('has the one .xlsx case (a renamed adapter must not leave this file running nothing)', () => {
  expect(table.map(([name, adapter]) => `${name} — ${adapter}`)).toEqual(['100,000 actions — .xlsx package (CLI)']);
});

it.each(table)('%s — %s', { timeout: 300_000 }, async (_name, adapterName, c, make) => runCase(c, adapterName, make));
