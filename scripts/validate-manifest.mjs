// Validates the add-in manifest offline against the Office XSDs in ../shared/office-manifest-xsd
// (beside the repository) with libxml2 compiled to WebAssembly (xmllint-wasm, an npm package), so
// no system program is needed. Microsoft's online validator is not used.
//
//   node scripts/validate-manifest.mjs            manifest.xml, and dist/manifest.xml if it exists
//   node scripts/validate-manifest.mjs FILE...    the files given
//
// Prints one line per file; exit 0 when all are valid, 1 otherwise (or when the schemas are
// missing). The schemas are the 2017-2020 copies, which predate <Runtimes> (the shared runtime): the
// manifest is validated without that element (withoutSharedRuntime, exactly the Excel 2019
// manifest), and the element itself is checked by shape (sharedRuntimeProblems). See
// ../shared/office-manifest-xsd/README.md.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { validateXML } from 'xmllint-wasm';
import { sharedRuntimeProblems, withoutSharedRuntime } from './manifest.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
export const schemaDir = path.resolve(root, '..', 'shared', 'office-manifest-xsd');
export const schemaFile = path.join(schemaDir, 'OfficeAppManifestV1_1.xsd');

/** xmllint's messages name elements as {namespace}Name; the names alone are plainer. */
const plain = (line) => line.replace(/\{[^}]*\}/g, '').replace(/\s+/g, ' ').trim();

/** The main schema and the ones it imports, by the names it imports them under. */
function schemas() {
  const files = readdirSync(schemaDir).filter((f) => f.endsWith('.xsd'));
  return {
    schema: { fileName: path.basename(schemaFile), contents: readFileSync(schemaFile, 'utf8') },
    preload: files.filter((f) => f !== path.basename(schemaFile)).map((f) => ({ fileName: f, contents: readFileSync(path.join(schemaDir, f), 'utf8') })),
  };
}

/**
 * Validates one file. Returns { ok, line, details }: line is the one-line verdict, details
 * xmllint's own messages (empty when valid).
 * @param {string} file
 * @param {string} [label] how to name the file in the verdict
 */
export async function validateFile(file, label = file) {
  if (!existsSync(file)) return { ok: false, line: `${label}: not found`, details: '' };
  const { schema, preload } = schemas();
  const text = readFileSync(file, 'utf8');
  const runtime = sharedRuntimeProblems(text);
  if (runtime.length > 0) return { ok: false, line: `${label}: NOT valid: shared runtime: ${runtime[0]}${runtime.length > 1 ? ` (and ${runtime.length - 1} more)` : ''}`, details: runtime.join('\n') };
  let classic;
  try {
    classic = withoutSharedRuntime(text);
  } catch (e) {
    return { ok: false, line: `${label}: NOT valid: ${e instanceof Error ? e.message : String(e)}`, details: '' };
  }
  // Line numbers stay those of the file: only whole lines of the <Runtimes> block are taken out, above any error they could be reported on.
  const result = await validateXML({ xml: [{ fileName: 'manifest.xml', contents: classic }], schema, preload });
  if (result.valid) return { ok: true, line: `${label}: valid`, details: '' };
  const errors = result.errors.map((e) => `line ${e.loc?.lineNumber ?? '?'}: ${plain(e.message.replace(/^.*?(?:Schemas validity error|parser error)\s*:\s*/s, ''))}`);
  const more = errors.length > 1 ? ` (and ${errors.length - 1} more)` : '';
  return { ok: false, line: `${label}: NOT valid: ${errors[0] ?? 'the validator gave no reason'}${more}`, details: result.rawOutput };
}

async function main(argv) {
  if (!existsSync(schemaFile)) {
    console.error(`Office manifest schemas not found: expected ${schemaFile} (the folder ../shared/office-manifest-xsd beside the repository).`);
    return 1;
  }
  const files =
    argv.length > 0
      ? argv.map((f) => ({ file: path.resolve(f), label: f }))
      : [path.join(root, 'manifest.xml'), path.join(root, 'dist', 'manifest.xml'), path.join(root, 'dist', 'manifest-excel-2019.xml')]
          .filter((f, i) => i === 0 || existsSync(f))
          .map((f) => ({ file: f, label: path.relative(root, f) }));
  let failed = 0;
  for (const { file, label } of files) {
    const result = await validateFile(file, label);
    console.log(result.line);
    if (!result.ok) {
      failed++;
      if (result.details) console.error(result.details.replace(/^/gm, '    '));
    }
  }
  return failed > 0 ? 1 : 0;
}

if (process.argv[1] && import.meta.url === pathToFileURL(path.resolve(process.argv[1])).href) {
  process.exitCode = await main(process.argv.slice(2));
}
