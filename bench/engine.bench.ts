/**
 * npm run bench — speed measured side by side in one run, never timed in tests.
 * Engine: check + summary over generated plans of 1,000 / 10,000 / 100,000 actions, beside a
 * baseline that only reads every cell once (the floor for any engine).
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { checkPlan } from '../shared/check-plan';
import { dayFromIso } from '../shared/dates/day';
import { cellText, type GridSnapshot } from '../shared/grid/grid';
import { defaultSettings } from '../shared/settings/settings';
import { generatePlan } from '../tests/fixtures/generate-plan';

const asOf = dayFromIso('2018-09-30') ?? 0;
const settings = defaultSettings();

/** Median of several runs, in milliseconds. */
function time(fn: () => void, runs: number): number {
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    fn();
    times.push(performance.now() - t0);
  }
  times.sort((a, b) => a - b);
  return times[Math.floor(times.length / 2)] ?? 0;
}

/** Reads every cell once as text: what any engine must at least do. */
function readEveryCell(grid: GridSnapshot): number {
  let n = 0;
  for (const row of grid.values) for (const v of row) n += cellText(v).length;
  return n;
}

interface Row {
  actions: number;
  engineMs: number;
  baselineMs: number;
  ratio: number;
  actionsPerSecond: number;
}

const rows: Row[] = [];
for (const actions of [1_000, 10_000, 100_000]) {
  const grid = generatePlan(actions);
  const runs = actions >= 100_000 ? 5 : 15;
  let sink = 0;
  // Warm up the JIT on this size before measuring.
  checkPlan(grid, settings, asOf);
  const baselineMs = time(() => {
    sink += readEveryCell(grid);
  }, runs);
  const engineMs = time(() => {
    const r = checkPlan(grid, settings, asOf);
    if (!r.ok || r.summary.actions !== actions) throw new Error('engine did not read every action');
  }, runs);
  if (sink < 0) throw new Error('unreachable');
  rows.push({ actions, engineMs, baselineMs, ratio: engineMs / baselineMs, actionsPerSecond: Math.round((actions / engineMs) * 1000) });
}

const fmt = (n: number, d = 1) => n.toLocaleString('en-GB', { maximumFractionDigits: d, minimumFractionDigits: d });
console.log('Engine: check + summary (median of runs), beside reading every cell once');
console.log(['actions'.padStart(9), 'engine ms'.padStart(10), 'baseline ms'.padStart(12), 'ratio'.padStart(7), 'actions/s'.padStart(12)].join('  '));
for (const r of rows) {
  console.log([r.actions.toLocaleString('en-GB').padStart(9), fmt(r.engineMs).padStart(10), fmt(r.baselineMs).padStart(12), `${fmt(r.ratio)}×`.padStart(7), r.actionsPerSecond.toLocaleString('en-GB').padStart(12)].join('  '));
}
const last = rows[rows.length - 1];
const first = rows[0];
if (last && first) {
  const growth = last.engineMs / last.actions / (first.engineMs / first.actions);
  console.log(`Per-action cost at 100,000 vs 1,000: ${fmt(growth, 2)}× (1.00 = linear). Target: 100,000 under 1,000 ms, within 10× of the baseline.`);
}
mkdirSync('bench', { recursive: true });
writeFileSync('bench/results.json', `${JSON.stringify({ engine: rows }, null, 2)}\n`);
