import { InflateLimitError, type ZipCodec } from './codec';
import { XlsxError } from '../xlsx-error';

/** One entry of a zip file as its central directory describes it, with where its bytes lie. */
export interface ZipEntry {
  name: string;
  method: number;
  flags: number;
  crc: number;
  compressedSize: number;
  size: number;
  dosTime: number;
  dosDate: number;
  externalAttributes: number;
  /** Offset of the compressed data in the file. */
  dataStart: number;
}

const u16 = (b: Uint8Array, i: number) => (b[i] as number) | ((b[i + 1] as number) << 8);
const u32 = (b: Uint8Array, i: number) => ((b[i] as number) | ((b[i + 1] as number) << 8) | ((b[i + 2] as number) << 16) | ((b[i + 3] as number) << 24)) >>> 0;

/** Lists a zip file's entries from its central directory; reads nothing else. */
export function readZipDirectory(file: Uint8Array): ZipEntry[] {
  // The end-of-central-directory record sits in the last 22 bytes plus up to 65,535 of comment.
  let eocd = -1;
  for (let i = file.length - 22; i >= Math.max(0, file.length - 22 - 65_535); i--) {
    if (file[i] === 0x50 && file[i + 1] === 0x4b && file[i + 2] === 0x05 && file[i + 3] === 0x06) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) throw new XlsxError({ code: 'damaged', detail: 'the end of its zip directory is missing (the file may be cut short)' });
  const count = u16(file, eocd + 10);
  const dirSize = u32(file, eocd + 12);
  const dirStart = u32(file, eocd + 16);
  if (count === 0xffff || dirStart === 0xffffffff || dirSize === 0xffffffff) throw new XlsxError({ code: 'too-large', what: 'zip64', limit: 0 });
  if (dirStart + dirSize > eocd) throw new XlsxError({ code: 'damaged', detail: 'its zip directory points outside the file' });
  const entries: ZipEntry[] = [];
  const seen = new Set<string>();
  let p = dirStart;
  for (let n = 0; n < count; n++) {
    if (u32(file, p) !== 0x02014b50) throw new XlsxError({ code: 'damaged', detail: 'its zip directory is broken' });
    const flags = u16(file, p + 8);
    const method = u16(file, p + 10);
    const nameLength = u16(file, p + 28);
    const extraLength = u16(file, p + 30);
    const commentLength = u16(file, p + 32);
    const compressedSize = u32(file, p + 20);
    const size = u32(file, p + 24);
    const localOffset = u32(file, p + 42);
    if (compressedSize === 0xffffffff || size === 0xffffffff || localOffset === 0xffffffff) throw new XlsxError({ code: 'too-large', what: 'zip64', limit: 0 });
    const name = decodeName(file.subarray(p + 46, p + 46 + nameLength));
    if (flags & 1) throw new XlsxError({ code: 'encrypted-zip' });
    // Part names are case-insensitive in a package (ECMA-376 Part 2, 8.1.1.1): two alike is a damaged file.
    const key = name.toLowerCase();
    if (seen.has(key)) throw new XlsxError({ code: 'damaged', detail: `it holds the part '${name}' twice` });
    seen.add(key);
    if (u32(file, localOffset) !== 0x04034b50) throw new XlsxError({ code: 'damaged', detail: `the part '${name}' is not where its zip directory says` });
    const dataStart = localOffset + 30 + u16(file, localOffset + 26) + u16(file, localOffset + 28);
    if (dataStart + compressedSize > file.length) throw new XlsxError({ code: 'damaged', detail: `the part '${name}' runs past the end of the file` });
    entries.push({ name, method, flags, crc: u32(file, p + 16), compressedSize, size, dosTime: u16(file, p + 12), dosDate: u16(file, p + 14), externalAttributes: u32(file, p + 38), dataStart });
    p += 46 + nameLength + extraLength + commentLength;
  }
  return entries;
}

function decodeName(bytes: Uint8Array): string {
  let ascii = true;
  for (const b of bytes) if (b > 0x7e || b < 0x20) ascii = false;
  if (ascii) return String.fromCharCode(...bytes);
  // Zip names are UTF-8 when flagged and, in every writer of workbooks, in practice; decode by hand to stay host-neutral.
  let s = '';
  for (let i = 0; i < bytes.length; ) {
    const b = bytes[i] as number;
    const extra = b >= 0xf0 ? 3 : b >= 0xe0 ? 2 : b >= 0xc0 ? 1 : 0;
    let cp = extra === 0 ? b : b & (0x3f >> extra);
    for (let k = 1; k <= extra; k++) cp = (cp << 6) | ((bytes[i + k] ?? 0) & 0x3f);
    s += String.fromCodePoint(cp);
    i += extra + 1;
  }
  return s;
}

/** The compressed bytes of an entry, as they lie in the file: copied unchanged into a new zip. */
export function rawData(file: Uint8Array, entry: ZipEntry): Uint8Array {
  return file.subarray(entry.dataStart, entry.dataStart + entry.compressedSize);
}

/** What every read of unpacked bytes draws from, so a zip bomb is stopped while it inflates. */
export interface UnpackBudget {
  left: number;
  readonly limit: number;
}

/** An entry's unpacked bytes, counted against the budget: a part that inflates past it is refused there, whatever its directory claims. */
export function unpackEntry(file: Uint8Array, entry: ZipEntry, budget: UnpackBudget, codec: ZipCodec): Uint8Array {
  const data = rawData(file, entry);
  let out: Uint8Array;
  if (entry.method === 0) out = data;
  else if (entry.method !== 8) throw new XlsxError({ code: 'unsupported-compression', part: entry.name, method: entry.method });
  else {
    try {
      out = codec.inflate(data, Math.max(0, budget.left));
    } catch (e) {
      if (e instanceof InflateLimitError) throw new XlsxError({ code: 'too-large', what: 'unpacked', limit: budget.limit });
      throw new XlsxError({ code: 'damaged', detail: `its part '${entry.name}' does not unpack` });
    }
  }
  budget.left -= out.length;
  if (budget.left < 0) throw new XlsxError({ code: 'too-large', what: 'unpacked', limit: budget.limit });
  return out;
}
