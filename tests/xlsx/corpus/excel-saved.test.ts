/**
 * apply on every workbook of the Excel-saved corpus, with the sample plan injected as one more
 * sheet: nothing of the user's may be lost or changed (see checks.ts for what each label means).
 */
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { strToU8, zipSync, type Zippable } from 'fflate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { compareApplied, compareRuns, locksStructure } from './checks';
import { CORPUS_DIR, CORPUS_SIZE, corpusFiles, featureSample } from './corpus';
import { injectPlan } from './inject-plan';
import { scanTags, unzip, utf8 } from './ooxml';
import { applyPlan, outName } from './run-cli';

const files = corpusFiles();
const read = (f: string) => readFileSync(path.join(CORPUS_DIR, f));
// Idempotence on a sample covering every feature family (deterministic, ≥ 50 files).
const idempotenceSample = featureSample(files, read, 4, 56).files;

let dir: string;
/** OUT of each file from the first pass, reused by the idempotence pass. */
const outputs = new Map<string, string>();

beforeAll(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'plan-monitor-corpus-'));
});
afterAll(() => {
  if (dir) rmSync(dir, { recursive: true, force: true });
});

/** Injects, applies and checks one workbook; returns every difference found. */
async function applyAndCheck(name: string, original: Uint8Array): Promise<string[]> {
  const injected = injectPlan(original);
  const sub = path.join(dir, name.replace(/\W+/g, '_'));
  mkdirSync(sub, { recursive: true });
  const inPath = path.join(sub, name);
  const outPath = path.join(sub, outName(name, 'out'));
  writeFileSync(inPath, injected.bytes);
  const run = await applyPlan(inPath, outPath);

  if (locksStructure(utf8(unzip(injected.bytes).get('xl/workbook.xml') ?? new Uint8Array()))) {
    const problems: string[] = [];
    if (run.code !== 2) problems.push(`(exit) structure is locked: expected exit 2, got ${run.code}`);
    if (!run.stderr.split('\n').some((l) => l.includes(name))) problems.push(`(exit) no stderr line names ${name}: ${JSON.stringify(run.stderr)}`);
    if (existsSync(outPath)) problems.push('(exit) OUT was written although the structure is locked');
    const leftovers = readdirSync(sub).filter((f) => f !== name);
    if (leftovers.length) problems.push(`(exit) files left behind: ${leftovers.join(', ')}`);
    return problems;
  }
  if (run.code !== 0) return [`(exit) exit ${run.code}: ${run.stderr.trim()}`];
  if (!existsSync(outPath)) return ['(exit) exit 0 but OUT was not written'];
  outputs.set(name, outPath);
  return compareApplied({ input: injected.bytes, monitoringPart: injected.part, output: readFileSync(outPath) });
}

/** The same workbook with <workbookProtection lockStructure="1"/> in its workbook.xml (the corpus has none). */
function lockStructure(original: Uint8Array): Uint8Array {
  const entries = unzip(original);
  const wb = utf8(entries.get('xl/workbook.xml') ?? new Uint8Array());
  // CT_Workbook order: workbookProtection comes right before bookViews (or sheets).
  const at = [...scanTags(wb)].find((t) => t.kind !== 'close' && (t.local === 'bookViews' || t.local === 'sheets'));
  if (!at) throw new Error('workbook.xml has no <sheets>');
  const prefix = /^<([\w.-]+:)?/.exec(at.text)?.[1] ?? '';
  const zippable: Zippable = {};
  for (const [n, d] of entries) zippable[n] = n === 'xl/workbook.xml' ? strToU8(`${wb.slice(0, at.start)}<${prefix}workbookProtection lockStructure="1"/>${wb.slice(at.start)}`) : d;
  return zipSync(zippable, { level: 1 });
}

describe('the Excel-saved corpus', () => {
  it(`holds all ${CORPUS_SIZE} workbooks at ${CORPUS_DIR}`, () => {
    expect(files.length).toBe(CORPUS_SIZE);
  });

  // One test per file, so a failure names the file; each lists every check that failed.
  it.each(files)('apply keeps everything in %s', async (file) => {
    const problems = await applyAndCheck(file, read(file));
    expect(problems, `${file}:\n  ${problems.join('\n  ')}`).toEqual([]);
  });
});

describe('a workbook whose structure is locked', () => {
  it.each(['simple01.xlsx', 'chart_bar12.xlsx', 'macro01.xlsm', 'defined_name02.xlsx'])('apply refuses to add a sheet to %s, and writes nothing', async (file) => {
    const problems = await applyAndCheck(`locked_${file}`, lockStructure(read(file)));
    expect(problems, `locked ${file}:\n  ${problems.join('\n  ')}`).toEqual([]);
  });
});

describe('apply twice', () => {
  it(`uses a sample of at least 50 files`, () => {
    expect(idempotenceSample.length).toBeGreaterThanOrEqual(50);
  });

  it.each(idempotenceSample)('gives the same bytes in every part the second time, %s', async (file) => {
    let first = outputs.get(file);
    if (!first) {
      // Run alone (-t): make the first output here.
      const problems = await applyAndCheck(file, read(file));
      first = outputs.get(file);
      if (!first) throw new Error(`${file}: the first apply failed: ${problems.join('; ')}`);
    }
    const second = path.join(path.dirname(first), outName(file, 'out2'));
    const run = await applyPlan(first, second);
    expect(run.code, `${file}: second apply: ${run.stderr}`).toBe(0);
    const problems = compareRuns(readFileSync(first), readFileSync(second));
    expect(problems, `${file}:\n  ${problems.join('\n  ')}`).toEqual([]);
  });
});
