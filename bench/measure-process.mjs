// Runs one script in this process and, on exit, writes the process's own CPU time, peak RSS and wall
// time as JSON, so each side of a comparison is measured alone and no product code needs hooks.
// Usage: node bench/measure-process.mjs RESULT.json SCRIPT(.cjs|.mjs) [ARGS...]
import { writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import process from 'node:process';
import { pathToFileURL } from 'node:url';

const [resultFile, script, ...args] = process.argv.slice(2);
if (resultFile === undefined || script === undefined) {
  process.stderr.write('usage: node bench/measure-process.mjs RESULT.json SCRIPT [ARGS...]\n');
  process.exit(2);
}
const target = path.resolve(script);
// The target reads its arguments from process.argv.slice(2), as if started directly.
process.argv = [process.argv[0], target, ...args];
// 'exit' fires however the target ends (drained loop with process.exitCode, or process.exit), and
// only synchronous work runs here: hence writeFileSync.
process.on('exit', (code) => {
  const u = process.resourceUsage();
  writeFileSync(resultFile, JSON.stringify({
    cpuUs: u.userCPUTime + u.systemCPUTime,
    userUs: u.userCPUTime,
    systemUs: u.systemCPUTime,
    maxRssKiB: u.maxRSS,
    // performance.now() counts from the process's start, so this includes Node's own start-up.
    wallMs: performance.now(),
    exitCode: code,
  }));
});
if (target.endsWith('.cjs')) createRequire(import.meta.url)(target);
else await import(pathToFileURL(target).href);
