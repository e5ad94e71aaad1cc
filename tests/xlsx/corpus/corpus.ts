/** The Excel-saved corpus beside the repo, and feature-covering samples of it. */
import { readdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { unzip, utf8 } from './ooxml';

// tests/xlsx/corpus/ → repo → its parent, where the kit sits beside the repo (as on CI).
// import.meta.url rather than __dirname so tsx scripts can import this too.
export const CORPUS_DIR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../../shared/xlsx-corpus/excel-saved');
export const CORPUS_SIZE = 913;

export function corpusFiles(): string[] {
  return readdirSync(CORPUS_DIR)
    .filter((f) => /\.xls[xm]$/i.test(f))
    .sort();
}

type Entries = Map<string, Uint8Array>;

const anyEntry = (e: Entries, re: RegExp) => [...e.keys()].some((n) => re.test(n));
const anyWorksheet = (e: Entries, re: RegExp) => [...e].some(([n, d]) => /^xl\/worksheets\/[^/]+\.xml$/.test(n) && re.test(utf8(d)));
const part = (e: Entries, name: string) => {
  const d = e.get(name);
  return d ? utf8(d) : '';
};

/** Feature families the brief names, detected from the package (not the file name). */
export const FAMILIES: Record<string, (e: Entries) => boolean> = {
  charts: (e) => anyEntry(e, /^xl\/charts\/chart\d*\.xml$/),
  chartsheets: (e) => anyEntry(e, /^xl\/chartsheets\/[^/]+\.xml$/),
  comments: (e) => anyEntry(e, /^xl\/comments\d*\.xml$/),
  images: (e) => anyEntry(e, /^xl\/media\//),
  tables: (e) => anyEntry(e, /^xl\/tables\/[^/]+\.xml$/),
  definedNames: (e) => /<(\w+:)?definedNames\b/.test(part(e, 'xl/workbook.xml')),
  hyperlinks: (e) => anyWorksheet(e, /<(\w+:)?hyperlink\b/),
  dataValidation: (e) => anyWorksheet(e, /<(\w+:)?dataValidation\b/),
  conditionalFormats: (e) => anyWorksheet(e, /<(\w+:)?conditionalFormatting\b/),
  macros: (e) => anyEntry(e, /vbaProject\.bin$/),
  richStrings: (e) => /<(\w+:)?r>/.test(part(e, 'xl/sharedStrings.xml')),
  protection: (e) => anyWorksheet(e, /<(\w+:)?sheetProtection\b/),
  outlines: (e) => anyWorksheet(e, /\boutlineLevel(Row|Col)?="[1-9]/),
  date1904: (e) => /\bdate1904="(1|true)"/.test(part(e, 'xl/workbook.xml')),
  autofilter: (e) => anyWorksheet(e, /<(\w+:)?autoFilter\b/),
  hiddenSheets: (e) => /\bstate="(hidden|veryHidden)"/.test(part(e, 'xl/workbook.xml')),
};

/**
 * Up to `perFamily` files of each family (every family must be found), topped up with evenly
 * spaced files to at least `min`. Deterministic: same corpus, same sample.
 */
export function featureSample(files: string[], read: (file: string) => Uint8Array, perFamily: number, min: number): { files: string[]; byFamily: Record<string, string[]> } {
  const byFamily: Record<string, string[]> = Object.fromEntries(Object.keys(FAMILIES).map((k) => [k, []]));
  for (const f of files) {
    const e = unzip(read(f));
    for (const [family, has] of Object.entries(FAMILIES)) {
      const list = byFamily[family] as string[];
      if (list.length < perFamily && has(e)) list.push(f);
    }
  }
  const missing = Object.entries(byFamily).filter(([, l]) => l.length === 0);
  if (missing.length) throw new Error(`corpus has no file for: ${missing.map(([k]) => k).join(', ')}`);
  const chosen = new Set(Object.values(byFamily).flat());
  const step = Math.max(1, Math.floor(files.length / min));
  for (let i = 0; chosen.size < min && i < files.length; i += step) chosen.add(files[i] as string);
  for (const f of files) if (chosen.size < min) chosen.add(f);
  return { files: files.filter((f) => chosen.has(f)), byFamily };
}
