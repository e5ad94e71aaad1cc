// Bundles every target with esbuild. Later targets (task pane, Apps Script) join this list.
import { build } from 'esbuild';

await build({
  entryPoints: ['src/cli/plan-monitor.ts'],
  outfile: 'dist/cli/plan-monitor.cjs',
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'cjs',
  // ExcelJS stays a runtime dependency: bundling it gains nothing for a CLI.
  external: ['exceljs'],
  logLevel: 'warning',
});
