/**
 * The CLI's apply and check beside ExcelJS alone on the same file, each run as its own Node process
 * so CPU time and peak RSS are that process's own (bench/measure-process.mjs records them on exit).
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import ExcelJS from 'exceljs';
import { generatePlan } from '../tests/fixtures/generate-plan';
import { printTable } from './table';

const root = fileURLToPath(new URL('..', import.meta.url));
const bundle = path.join(root, 'dist', 'cli', 'plan-monitor.cjs');
const wrapper = path.join(root, 'bench', 'measure-process.mjs');
const roundtrip = path.join(root, 'bench', 'exceljs-roundtrip.mjs');
const asOf = '2018-09-30';
const pairs = 3;

export interface ProcessMeasure {
  cpuMs: number;
  rssMb: number;
  wallMs: number;
  exitCode: number;
}

interface Spread {
  min: number;
  median: number;
  max: number;
}

interface Comparison {
  name: string;
  actions: number;
  cliLabel: string;
  baselineLabel: string;
  cli: (file: string, out: string) => string[];
  baseline: (file: string, out: string) => string[];
  /** check exits 1 when the plan has errors: still a finished run. */
  cliExitCodes: number[];
  targets: { metric: 'cpu' | 'rss'; limit: number }[];
}

export interface CliBenchTarget {
  target: string;
  limit: number;
  medianRatio: number;
  met: boolean;
}

export interface CliComparisonResult {
  name: string;
  actions: number;
  pairs: { cli: ProcessMeasure; baseline: ProcessMeasure; cpuRatio: number; rssRatio: number }[];
  cliCpuMs: Spread;
  baselineCpuMs: Spread;
  cpuRatio: Spread;
  cliRssMb: Spread;
  baselineRssMb: Spread;
  rssRatio: Spread;
}

export interface CliBenchResult {
  pairsPerComparison: number;
  comparisons: CliComparisonResult[];
  targets: CliBenchTarget[];
  totalWallMs: number;
}

/** The generated plan written as a user's workbook: ExcelJS, dates as real date cells. */
async function writePlan(actions: number, file: string): Promise<void> {
  const grid = generatePlan(actions);
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet(grid.sheet);
  grid.values.forEach((r, i) => r.forEach((v, c) => {
    if (v === null) return;
    const cell = ws.getCell(i + 1, c + 1);
    if (grid.dates?.[i]?.[c] && typeof v === 'number') {
      cell.value = new Date((v - 25569) * 86_400_000);
      cell.numFmt = 'dd/mm/yyyy';
    } else cell.value = v;
  }));
  await wb.xlsx.writeFile(file);
}

function newestMtime(dir: string): number {
  if (!existsSync(dir)) return 0;
  let newest = 0;
  for (const e of readdirSync(dir, { withFileTypes: true, recursive: true })) {
    if (e.isFile()) newest = Math.max(newest, statSync(path.join(e.parentPath, e.name)).mtimeMs);
  }
  return newest;
}

/** The bench times the built bundle, as users run it: build when missing, and say when it looks stale. */
function ensureBundle(): void {
  if (!existsSync(bundle)) {
    console.log('dist/cli/plan-monitor.cjs is missing: running npm run build.');
    const r = spawnSync('npm', ['run', 'build'], { cwd: root, stdio: 'inherit' });
    if (r.status !== 0 || !existsSync(bundle)) throw new Error('npm run build failed: the CLI bench needs dist/cli/plan-monitor.cjs.');
    return;
  }
  const built = statSync(bundle).mtimeMs;
  const sources = Math.max(...['src/cli', 'src/xlsx', 'shared'].map((d) => newestMtime(path.join(root, d))));
  if (sources > built) console.log('Note: dist/cli/plan-monitor.cjs is older than src/ or shared/: run npm run build to time the current code.');
}

/** One child process under the wrapper; stdout goes to /dev/null (check --json prints a lot at 100,000). */
function measure(label: string, args: string[], okCodes: number[], resultFile: string): ProcessMeasure {
  rmSync(resultFile, { force: true });
  const r = spawnSync(process.execPath, [wrapper, resultFile, ...args], { cwd: root, stdio: ['ignore', 'ignore', 'pipe'], encoding: 'utf8' });
  if (r.error) throw r.error;
  if (r.status === null || !okCodes.includes(r.status)) throw new Error(`${label} ended with ${r.status ?? r.signal}: ${r.stderr.trim()}`);
  if (!existsSync(resultFile)) throw new Error(`${label} wrote no measurement: ${r.stderr.trim()}`);
  const m = JSON.parse(readFileSync(resultFile, 'utf8')) as { cpuUs: number; maxRssKiB: number; wallMs: number; exitCode: number };
  // MB here are MiB: maxRSS is in KiB.
  return { cpuMs: m.cpuUs / 1000, rssMb: m.maxRssKiB / 1024, wallMs: m.wallMs, exitCode: r.status };
}

function spread(xs: number[]): Spread {
  const s = [...xs].sort((a, b) => a - b);
  return { min: s[0] ?? 0, median: s[Math.floor(s.length / 2)] ?? 0, max: s[s.length - 1] ?? 0 };
}

const times = (r: number): string => `${r.toFixed(2)}×`;

/** Runs cli and baseline alternately, so drift in the machine falls on both sides of every pair. */
function runComparison(c: Comparison, file: string, dir: string): CliComparisonResult {
  const out = path.join(dir, 'out.xlsx');
  const resultFile = path.join(dir, 'measure.json');
  const runs: CliComparisonResult['pairs'] = [];
  for (let i = 0; i < pairs; i++) {
    rmSync(out, { force: true });
    const cli = measure(`${c.cliLabel} (${c.actions})`, c.cli(file, out), c.cliExitCodes, resultFile);
    rmSync(out, { force: true });
    const baseline = measure(`${c.baselineLabel} (${c.actions})`, c.baseline(file, out), [0], resultFile);
    runs.push({ cli, baseline, cpuRatio: cli.cpuMs / baseline.cpuMs, rssRatio: cli.rssMb / baseline.rssMb });
  }
  const result: CliComparisonResult = {
    name: c.name,
    actions: c.actions,
    pairs: runs,
    cliCpuMs: spread(runs.map((r) => r.cli.cpuMs)),
    baselineCpuMs: spread(runs.map((r) => r.baseline.cpuMs)),
    cpuRatio: spread(runs.map((r) => r.cpuRatio)),
    cliRssMb: spread(runs.map((r) => r.cli.rssMb)),
    baselineRssMb: spread(runs.map((r) => r.baseline.rssMb)),
    rssRatio: spread(runs.map((r) => r.rssRatio)),
  };
  const row = (label: string, v: number[]): (string | number)[] => [label, v[0] ?? 0, v[1] ?? 0, times(v[2] ?? 0), v[3] ?? 0, v[4] ?? 0, times(v[5] ?? 0)];
  const stat = (k: keyof Spread): (string | number)[] => row(k, [result.cliCpuMs[k], result.baselineCpuMs[k], result.cpuRatio[k], result.cliRssMb[k], result.baselineRssMb[k], result.rssRatio[k]]);
  printTable(
    `${c.name}, ${c.actions.toLocaleString('en-GB')} actions (own processes, ${pairs} pairs run alternately)`,
    ['', `${c.cliLabel} CPU ms`, `${c.baselineLabel} CPU ms`, 'CPU ratio', `${c.cliLabel} RSS MB`, `${c.baselineLabel} RSS MB`, 'RSS ratio'],
    [
      ...runs.map((r, i) => row(`pair ${i + 1}`, [r.cli.cpuMs, r.baseline.cpuMs, r.cpuRatio, r.cli.rssMb, r.baseline.rssMb, r.rssRatio])),
      stat('min'),
      stat('median'),
      stat('max'),
    ],
  );
  return result;
}

export async function runCliBench(): Promise<CliBenchResult> {
  const t0 = performance.now();
  ensureBundle();
  const dir = mkdtempSync(path.join(tmpdir(), 'pm-bench-'));
  try {
    const files = new Map<number, string>();
    for (const actions of [10_000, 100_000]) {
      const file = path.join(dir, `plan-${actions}.xlsx`);
      await writePlan(actions, file);
      files.set(actions, file);
    }
    const apply = (actions: number): Comparison => ({
      name: 'CLI apply beside ExcelJS alone loading and saving the same file',
      actions,
      cliLabel: 'apply',
      baselineLabel: 'ExcelJS',
      cli: (file, out) => [bundle, 'apply', file, '--out', out, '--as-of', asOf],
      baseline: (file, out) => [roundtrip, file, out],
      cliExitCodes: [0],
      targets: actions === 100_000 ? [{ metric: 'cpu', limit: 0.5 }, { metric: 'rss', limit: 0.5 }] : [{ metric: 'cpu', limit: 0.5 }],
    });
    const comparisons: Comparison[] = [
      apply(10_000),
      apply(100_000),
      {
        name: 'CLI check beside ExcelJS alone loading the same file',
        actions: 100_000,
        cliLabel: 'check',
        baselineLabel: 'ExcelJS',
        cli: (file) => [bundle, 'check', file, '--as-of', asOf, '--json'],
        baseline: (file) => [roundtrip, file],
        cliExitCodes: [0, 1],
        targets: [{ metric: 'cpu', limit: 0.3 }],
      },
    ];
    const results: CliComparisonResult[] = [];
    const targets: CliBenchTarget[] = [];
    for (const c of comparisons) {
      const r = runComparison(c, files.get(c.actions) ?? '', dir);
      results.push(r);
      for (const t of c.targets) {
        const medianRatio = (t.metric === 'cpu' ? r.cpuRatio : r.rssRatio).median;
        const what = t.metric === 'cpu' ? 'CPU time' : 'peak RSS';
        targets.push({ target: `${c.cliLabel} at ${c.actions.toLocaleString('en-GB')} actions: ${what} ≤ ${t.limit}× ExcelJS ${c.cliLabel === 'check' ? 'load' : 'load + save'}`, limit: t.limit, medianRatio, met: medianRatio <= t.limit });
      }
    }
    console.log('');
    // Reported, never failed: the bench is a measurement, not a gate.
    for (const t of targets) console.log(`Target: ${t.target} (median of ${pairs} paired ratios): ${times(t.medianRatio)}, ${t.met ? 'met' : 'missed'}.`);
    const totalWallMs = performance.now() - t0;
    console.log(`CLI bench took ${(totalWallMs / 1000).toFixed(0)} s.`);
    return { pairsPerComparison: pairs, comparisons: results, targets, totalWallMs };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
