// Validates the add-in manifest offline against the Office XSDs in ../shared/office-manifest-xsd
// (beside the repository) with xmllint. Microsoft's online validator is not used.
//
//   node scripts/validate-manifest.mjs            manifest.xml, and dist/manifest.xml if it exists
//   node scripts/validate-manifest.mjs FILE...    the files given
//
// Prints one line per file; exit 0 when all are valid, 1 otherwise (or when xmllint or the
// schemas are missing). The schemas are the 2017-2019 copies: newer elements such as <Runtimes>
// are unknown to them, so keep the manifest classic (see ../shared/office-manifest-xsd/README.md).
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
export const schemaDir = path.resolve(root, '..', 'shared', 'office-manifest-xsd');
export const schemaFile = path.join(schemaDir, 'OfficeAppManifestV1_1.xsd');

/** xmllint's messages name elements as {namespace}Name; the names alone are plainer. */
const plain = (line) => line.replace(/\{[^}]*\}/g, '').replace(/\s+/g, ' ').trim();

/** True when xmllint can be run. */
export function hasXmllint() {
  const r = spawnSync('xmllint', ['--version'], { encoding: 'utf8' });
  return !r.error;
}

/**
 * Validates one file. Returns { ok, line, details }: line is the one-line verdict, details
 * xmllint's own output (empty when valid).
 * @param {string} file
 * @param {string} [label] how to name the file in the verdict
 */
export function validateFile(file, label = file) {
  if (!existsSync(file)) return { ok: false, line: `${label}: not found`, details: '' };
  const r = spawnSync('xmllint', ['--noout', '--nonet', '--schema', schemaFile, file], { encoding: 'utf8' });
  if (r.error) throw r.error;
  const output = `${r.stdout ?? ''}${r.stderr ?? ''}`.trim();
  if (r.status === 0) return { ok: true, line: `${label}: valid`, details: '' };
  // Error lines look like "file:31: element X: Schemas validity error : Element 'X': ..." or
  // "file:2: parser error : ...". Keep the line number and the message.
  const errors = output
    .split('\n')
    .map((l) => /^.*?:(\d+):\s*(?:element [^:]+:\s*)?(.*?error)\s*:\s*(.*)$/.exec(l))
    .filter((m) => m !== null)
    .map((m) => `line ${m[1]}: ${plain(m[3])}`);
  const first = errors[0] ?? plain(output.split('\n')[0] ?? `xmllint exited with status ${r.status}`);
  const more = errors.length > 1 ? ` (and ${errors.length - 1} more)` : '';
  return { ok: false, line: `${label}: NOT valid: ${first}${more}`, details: output };
}

function main(argv) {
  if (!hasXmllint()) {
    console.error('xmllint not found: install libxml2-utils');
    return 1;
  }
  if (!existsSync(schemaFile)) {
    console.error(`Office manifest schemas not found: expected ${schemaFile} (the folder ../shared/office-manifest-xsd beside the repository).`);
    return 1;
  }
  const files =
    argv.length > 0
      ? argv.map((f) => ({ file: path.resolve(f), label: f }))
      : [path.join(root, 'manifest.xml'), path.join(root, 'dist', 'manifest.xml')]
          .filter((f, i) => i === 0 || existsSync(f))
          .map((f) => ({ file: f, label: path.relative(root, f) }));
  let failed = 0;
  for (const { file, label } of files) {
    const result = validateFile(file, label);
    console.log(result.line);
    if (!result.ok) {
      failed++;
      if (result.details) console.error(result.details.replace(/^/gm, '    '));
    }
  }
  return failed > 0 ? 1 : 0;
}

if (process.argv[1] && import.meta.url === pathToFileURL(path.resolve(process.argv[1])).href) {
  process.exitCode = main(process.argv.slice(2));
}
