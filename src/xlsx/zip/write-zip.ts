import { utf8Bytes } from '../../../shared/text/utf8';
import type { ZipCodec } from './codec';
import { concatBytes } from './bytes';
import type { ZipEntry } from './read-zip';
import { XlsxError } from '../xlsx-error';

/** An entry to write: either the compressed bytes of an entry read from a file, copied as they are, or new content. */
export type ZipSource =
  | { kind: 'copy'; entry: ZipEntry; compressed: Uint8Array }
  | { kind: 'content'; name: string; data: Uint8Array; dosTime?: number; dosDate?: number };

/** 1980-01-01 00:00, the zip epoch: new entries carry no clock, so the same input gives the same bytes. */
const epochDate = (0 << 9) | (1 << 5) | 1;

type Written = Omit<ZipEntry, 'name' | 'dataStart'> & { name: Uint8Array; offset: number };

function encodeName(name: string): { bytes: Uint8Array; utf8: boolean } {
  // The zip's UTF-8 flag is set only for a name that needs it.
  const bytes = utf8Bytes(name);
  return { bytes, utf8: bytes.length !== name.length };
}

/**
 * Writes a zip file. Copied entries keep their compressed bytes, CRC and times exactly, so every part
 * the tool did not change is byte for byte what it was; new content is deflated. No zip library
 * copies compressed data through without inflating it again, hence this small writer.
 */
export function writeZip(sources: readonly ZipSource[], codec: ZipCodec): Uint8Array {
  if (sources.length > 0xffff) throw new XlsxError({ code: 'too-large', what: 'zip64', limit: 0 });
  const pieces: Uint8Array[] = [];
  const written: Written[] = [];
  let offset = 0;
  const push = (b: Uint8Array) => {
    pieces.push(b);
    offset += b.length;
  };
  for (const s of sources) {
    let w: Omit<Written, 'offset' | 'name'>;
    let nameText: string;
    let data: Uint8Array;
    if (s.kind === 'copy') {
      nameText = s.entry.name;
      data = s.compressed;
      // Bit 3 (sizes in a trailing descriptor) is dropped: the sizes go in the header written here.
      w = { method: s.entry.method, flags: s.entry.flags & ~0x0008, crc: s.entry.crc, compressedSize: s.compressed.length, size: s.entry.size, dosTime: s.entry.dosTime, dosDate: s.entry.dosDate, externalAttributes: s.entry.externalAttributes };
    } else {
      nameText = s.name;
      data = codec.deflate(s.data);
      w = { method: 8, flags: 0, crc: codec.crc32(s.data), compressedSize: data.length, size: s.data.length, dosTime: s.dosTime ?? 0, dosDate: s.dosDate ?? epochDate, externalAttributes: 0 };
    }
    const name = encodeName(nameText);
    const flags = name.utf8 ? w.flags | 0x0800 : w.flags & ~0x0800;
    const header = new Uint8Array(30 + name.bytes.length);
    const v = new DataView(header.buffer);
    v.setUint32(0, 0x04034b50, true);
    v.setUint16(4, 20, true);
    v.setUint16(6, flags, true);
    v.setUint16(8, w.method, true);
    v.setUint16(10, w.dosTime, true);
    v.setUint16(12, w.dosDate, true);
    v.setUint32(14, w.crc, true);
    v.setUint32(18, w.compressedSize, true);
    v.setUint32(22, w.size, true);
    v.setUint16(26, name.bytes.length, true);
    v.setUint16(28, 0, true);
    header.set(name.bytes, 30);
    written.push({ ...w, flags, name: name.bytes, offset });
    push(header);
    push(data);
  }
  const dirStart = offset;
  for (const w of written) {
    const rec = new Uint8Array(46 + w.name.length);
    const v = new DataView(rec.buffer);
    v.setUint32(0, 0x02014b50, true);
    v.setUint16(4, 20, true);
    v.setUint16(6, 20, true);
    v.setUint16(8, w.flags, true);
    v.setUint16(10, w.method, true);
    v.setUint16(12, w.dosTime, true);
    v.setUint16(14, w.dosDate, true);
    v.setUint32(16, w.crc, true);
    v.setUint32(20, w.compressedSize, true);
    v.setUint32(24, w.size, true);
    v.setUint16(28, w.name.length, true);
    v.setUint32(38, w.externalAttributes, true);
    v.setUint32(42, w.offset, true);
    rec.set(w.name, 46);
    push(rec);
  }
  const end = new Uint8Array(22);
  const v = new DataView(end.buffer);
  v.setUint32(0, 0x06054b50, true);
  v.setUint16(8, written.length, true);
  v.setUint16(10, written.length, true);
  v.setUint32(12, offset - dirStart, true);
  v.setUint32(16, dirStart, true);
  push(end);
  if (offset > 0xffffffff) throw new XlsxError({ code: 'too-large', what: 'zip64', limit: 0 });
  return concatBytes(pieces);
}
