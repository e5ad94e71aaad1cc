/** Bundle sizes: the task pane's JavaScript (office.js excluded, it comes from Microsoft's CDN) and Apps Script's Code.js, minified and gzipped. */
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { printTable } from './table';

export interface BundleRow {
  file: string;
  minifiedKB: number;
  gzippedKB: number;
}

export function runBundleBench(): BundleRow[] {
  const built = spawnSync(process.execPath, ['scripts/build.mjs', '--production'], { encoding: 'utf8' });
  if (built.status !== 0) throw new Error(built.stderr);
  // The on-demand scripts (src/ui/on-demand.ts) load only when first asked for: listed apart from the pane's own.
  const rows = ['dist/taskpane.js', 'dist/commands.js', 'dist/report-tools.js', 'dist/file-tools.js', 'dist/gas/Code.js', 'dist/gas/Sidebar.html', 'dist/gas/ReportTools.html', 'dist/gas/FileTools.html'].map((file) => {
    const bytes = readFileSync(file);
    return { file, minifiedKB: bytes.length / 1024, gzippedKB: gzipSync(bytes, { level: 9 }).length / 1024 };
  });
  printTable('Bundles (production build)', ['file', 'minified KB', 'gzipped KB'], rows.map((r) => [r.file, r.minifiedKB, r.gzippedKB]));
  console.log('Target: task pane under 100 KB gzipped without office.js; report-tools.js and file-tools.js (and their Sheets includes) load on demand. (Code.js is the server bundle, not minified: Apps Script shows its source.)');
  return rows;
}
