/**
 * The 100,000-action plan through every adapter, with the same invariants as every hostile case.
 * A file of its own, so it runs beside the rest of the corpus on the other core.
 */
import { it } from 'vitest';
import { largeCases } from './corpus';
import { hostileAdapters, runCase } from './run-case';

const adapters = hostileAdapters();
const table = largeCases().flatMap((c) => adapters.map(([a, make]) => [c.name, a, c, make] as const));

it.each(table)('%s — %s', { timeout: 300_000 }, async (_name, adapterName, c, make) => runCase(c, adapterName, make));
