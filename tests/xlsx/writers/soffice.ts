import { existsSync } from 'node:fs';
import path from 'node:path';
import { convertWithSoffice } from '../../helpers/soffice';

export { findSoffice } from '../../helpers/soffice';

/** soffice --convert-to FORMAT for some files into outDir (same base names), throwing unless every one was written. */
export function convertOrThrow(soffice: string, format: string, files: string[], outDir: string): void {
  const r = convertWithSoffice(soffice, format, files, outDir, 120_000);
  const missing = files.map((f) => path.join(outDir, `${path.parse(f).name}.${format}`)).filter((f) => !existsSync(f));
  if (r.status !== 0 || missing.length > 0) throw new Error(`soffice --convert-to ${format} failed (exit ${r.status}); missing ${missing.join(', ')}. ${r.stderr.trim()}`);
}
