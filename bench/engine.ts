/**
 * Engine: check + summary over generated plans of 1,000 / 10,000 / 100,000 actions, beside a
 * baseline that only reads every cell once (the floor for any engine).
 */
import { checkPlan } from '../shared/check-plan';
import { dayFromIso } from '../shared/dates/day';
import { cellText, type GridSnapshot } from '../shared/grid/grid';
import { defaultSettings } from '../shared/settings/settings';
import { generatePlan } from '../tests/fixtures/generate-plan';
import { printTable } from './table';

export interface EngineRow {
  actions: number;
  engineMs: number;
  baselineMs: number;
  ratio: number;
  actionsPerSecond: number;
}

/** Reads every cell once as text: what any engine must at least do. */
function readEveryCell(grid: GridSnapshot): number {
  let n = 0;
  for (const row of grid.values) for (const v of row) n += cellText(v).length;
  return n;
}

function timeMs(fn: () => void): number {
  const t0 = performance.now();
  fn();
  return performance.now() - t0;
}

function median(xs: number[]): number {
  const sorted = [...xs].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? 0;
}

export function runEngineBench(): EngineRow[] {
  const asOf = dayFromIso('2018-09-30') ?? 0;
  const settings = defaultSettings();
  const rows: EngineRow[] = [];
  for (const actions of [1_000, 10_000, 100_000]) {
    const grid = generatePlan(actions);
    const runs = actions >= 100_000 ? 7 : 21;
    let sink = 0;
    // Steady state, not the JIT's first passes: a small plan is over before V8 has optimised the engine.
    for (let i = 0; i < (actions >= 100_000 ? 2 : 10); i++) {
      checkPlan(grid, settings, asOf);
      sink += readEveryCell(grid);
    }
    // Side by side: each timed engine run right after a timed baseline run, so both see the same
    // machine (GC, other load); the ratio is the median of the pairs' ratios.
    const base: number[] = [];
    const engine: number[] = [];
    const ratios: number[] = [];
    for (let i = 0; i < runs; i++) {
      const b = timeMs(() => {
        sink += readEveryCell(grid);
      });
      const e = timeMs(() => {
        const r = checkPlan(grid, settings, asOf);
        if (!r.ok || r.summary.actions !== actions) throw new Error('engine did not read every action');
      });
      base.push(b);
      engine.push(e);
      ratios.push(e / b);
    }
    const baselineMs = median(base);
    const engineMs = median(engine);
    if (sink < 0) throw new Error('unreachable');
    rows.push({ actions, engineMs, baselineMs, ratio: median(ratios), actionsPerSecond: Math.round((actions / engineMs) * 1000) });
  }
  printTable(
    'Engine: check + summary (median), beside reading every cell once',
    ['actions', 'engine ms', 'baseline ms', 'ratio', 'actions/s'],
    rows.map((r) => [r.actions, r.engineMs, r.baselineMs, `${r.ratio.toFixed(1)}×`, r.actionsPerSecond]),
  );
  const first = rows[0];
  const last = rows[rows.length - 1];
  if (first && last) {
    const growth = last.engineMs / last.actions / (first.engineMs / first.actions);
    console.log(`Per-action cost at 100,000 vs 1,000: ${growth.toFixed(2)}× (1.00 = linear). Target: 100,000 under 1,000 ms.`);
  }
  return rows;
}
