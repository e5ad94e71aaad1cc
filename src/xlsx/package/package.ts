import { strFromU8, strToU8 } from 'fflate';
import { portableCodec, type ZipCodec } from '../zip/codec';
import { readZipDirectory, rawData, unpackEntry, type UnpackBudget, type ZipEntry } from '../zip/read-zip';
import { writeZip, type ZipSource } from '../zip/write-zip';
import { XlsxError } from '../xlsx-error';

/** A part as it stands: still the entry read from the file (copied as it is when saved), or new content. */
interface Part {
  name: string;
  entry: ZipEntry | null;
  content: Uint8Array | null;
}

/** How much a package may unpack in all, whatever its zip directory claims: bounds the memory and time of a read. */
export const defaultUnpackLimit = 256 * 1_048_576;

/**
 * An OPC package (the zip inside an .xlsx) held as the file's bytes plus what has been changed. Reading
 * a part unpacks it against one budget; parts never read or changed are written back from their
 * compressed bytes, untouched.
 */
export class XlsxPackage {
  private readonly parts = new Map<string, Part>();
  private readonly order: string[] = [];
  readonly budget: UnpackBudget;

  constructor(
    private readonly file: Uint8Array,
    unpackLimit = defaultUnpackLimit,
    private readonly codec: ZipCodec = portableCodec,
  ) {
    this.budget = { left: unpackLimit, limit: unpackLimit };
    for (const entry of readZipDirectory(file)) {
      // Folders are zip entries some writers add; they are not parts.
      if (entry.name.endsWith('/')) continue;
      const key = entry.name.toLowerCase();
      this.parts.set(key, { name: entry.name, entry, content: null });
      this.order.push(key);
    }
  }

  /** Part names as stored (no leading slash), in zip order. */
  names(): string[] {
    return this.order.map((k) => (this.parts.get(k) as Part).name);
  }

  has(name: string): boolean {
    return this.parts.has(normalise(name));
  }

  /** The stored spelling of a part's name (names are case-insensitive). */
  storedName(name: string): string | null {
    return this.parts.get(normalise(name))?.name ?? null;
  }

  /** The directory's figure for a part's unpacked size (a claim, checked while unpacking). */
  declaredSize(name: string): number {
    const p = this.parts.get(normalise(name));
    return p?.content?.length ?? p?.entry?.size ?? 0;
  }

  bytes(name: string): Uint8Array {
    const p = this.part(name);
    if (p.content) return p.content;
    return unpackEntry(this.file, p.entry as ZipEntry, this.budget, this.codec);
  }

  text(name: string): string {
    return stripBom(decode(this.bytes(name), name));
  }

  setText(name: string, text: string): void {
    this.setBytes(name, strToU8(text));
  }

  /** Replaces a part's content, or adds the part at the end. */
  setBytes(name: string, content: Uint8Array): void {
    const key = normalise(name);
    const p = this.parts.get(key);
    if (p) {
      p.content = content;
      return;
    }
    this.parts.set(key, { name: name.replace(/^\//, ''), entry: null, content });
    this.order.push(key);
  }

  /** The package as a zip: changed and new parts deflated, every other part's compressed bytes as they were. */
  toZip(): Uint8Array {
    const sources: ZipSource[] = this.order.map((k) => {
      const p = this.parts.get(k) as Part;
      if (p.content) return { kind: 'content', name: p.name, data: p.content, ...(p.entry ? { dosTime: p.entry.dosTime, dosDate: p.entry.dosDate } : {}) };
      const entry = p.entry as ZipEntry;
      return { kind: 'copy', entry, compressed: rawData(this.file, entry) };
    });
    return writeZip(sources, this.codec);
  }

  private part(name: string): Part {
    const p = this.parts.get(normalise(name));
    if (!p) throw new XlsxError({ code: 'damaged', detail: `the part '${name}' is missing` });
    return p;
  }
}

function normalise(name: string): string {
  return name.replace(/^\//, '').toLowerCase();
}

function stripBom(text: string): string {
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}

function decode(bytes: Uint8Array, name: string): string {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) throw new XlsxError({ code: 'damaged', detail: `its part '${name}' is in UTF-16, which Plan Monitor does not read` });
  return strFromU8(bytes);
}
