/**
 * The text of a CSV file's bytes, for the engine's CSV reader (shared/add/csv.ts): UTF-8 when they
 * are valid UTF-8 (with or without a byte order mark), else Windows-1252, which is what Excel's plain
 * "CSV" saves on a UK Windows machine. The same code in every host, so a list reads the same from the
 * CLI and the panel. UTF-8 is the platform's TextDecoder; Windows-1252 is a table here, since Node
 * without full ICU decodes "windows-1252" as Latin-1 (0x96 comes out a control character, not "–").
 */
const cp1252 = '€\u0081‚ƒ„…†‡ˆ‰Š‹Œ\u008dŽ\u008f\u0090‘’“”•–—˜™š›œ\u009džŸ';

/** Strict UTF-8: throws on bytes that are not UTF-8; a byte order mark is dropped. */
const utf8 = new TextDecoder('utf-8', { fatal: true });

export function csvText(bytes: Uint8Array): string {
  try {
    return utf8.decode(bytes);
  } catch {
    let out = '';
    for (const b of bytes) out += b >= 0x80 && b <= 0x9f ? (cp1252[b - 0x80] as string) : String.fromCharCode(b);
    return out;
  }
}
