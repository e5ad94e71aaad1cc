/** The zip layer: entries copied byte for byte, new ones deflated, and every malformed or hostile zip refused as data. */
import zlib from 'node:zlib';
import { strFromU8, strToU8, unzipSync, zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { nodeCodec } from '../../../src/cli/workbook-file/node-codec';
import { portableCodec } from '../../../src/xlsx/zip/codec';
import { crc32 } from '../../../src/xlsx/zip/crc32';
import { rawData, readZipDirectory, unpackEntry, type ZipEntry } from '../../../src/xlsx/zip/read-zip';
import { writeZip } from '../../../src/xlsx/zip/write-zip';
import { XlsxError, type XlsxProblem } from '../../../src/xlsx/xlsx-error';

function problem(fn: () => unknown): XlsxProblem | null {
  try {
    fn();
    return null;
  } catch (e) {
    if (e instanceof XlsxError) return e.problem;
    throw e;
  }
}

const sample = zipSync({ 'a.xml': strToU8('<a>one</a>'), 'dir/b.bin': new Uint8Array([1, 2, 3, 250]), 'naïve.txt': strToU8('é'.repeat(1000)) }, { level: 9 });

describe('zip', () => {
  it('crc32 is zlib’s', () => {
    const data = strToU8('Corporate Improvement Plan – 2018'.repeat(50));
    expect(crc32(data)).toBe(zlib.crc32(data));
  });

  it('copies every entry’s compressed bytes unchanged and deflates new ones, for both codecs', () => {
    for (const codec of [portableCodec, nodeCodec]) {
      const entries = readZipDirectory(sample);
      const out = writeZip([...entries.map((entry) => ({ kind: 'copy' as const, entry, compressed: rawData(sample, entry) })), { kind: 'content', name: 'c.xml', data: strToU8('<c/>') }], codec);
      const again = readZipDirectory(out);
      expect(again.map((e) => e.name)).toEqual(['a.xml', 'dir/b.bin', 'naïve.txt', 'c.xml']);
      entries.forEach((e, i) => {
        expect(rawData(out, again[i] as never)).toEqual(rawData(sample, e));
        expect((again[i] as { crc: number }).crc).toBe(e.crc);
      });
      const files = unzipSync(out);
      expect(strFromU8(files['c.xml'] as Uint8Array)).toBe('<c/>');
      expect(strFromU8(files['naïve.txt'] as Uint8Array)).toBe('é'.repeat(1000));
    }
  });

  it('writes the same bytes for the same input: new entries carry no clock', () => {
    const make = () => writeZip([{ kind: 'content', name: 'x.xml', data: strToU8('<x/>') }], portableCodec);
    expect(make()).toEqual(make());
  });

  it('stops a zip bomb at the budget, whatever its directory claims, in both codecs', () => {
    const bomb = zipSync({ 'xl/worksheets/sheet1.xml': new Uint8Array(64 * 1_048_576) }, { level: 9 });
    expect(bomb.length).toBeLessThan(200_000);
    const [entry] = readZipDirectory(bomb);
    // The directory says 64 MB; a lying one is caught while inflating.
    for (const codec of [portableCodec, nodeCodec]) {
      const budget = { left: 8 * 1_048_576, limit: 8 * 1_048_576 };
      const t0 = performance.now();
      expect(problem(() => unpackEntry(bomb, { ...(entry as ZipEntry), size: 10 }, budget, codec))).toEqual({ code: 'too-large', what: 'unpacked', limit: 8 * 1_048_576 });
      expect(performance.now() - t0).toBeLessThan(5000);
    }
  });

  it.each<[string, (z: Uint8Array) => Uint8Array, XlsxProblem['code']]>([
    ['cut short', (z) => z.subarray(0, z.length - 30), 'damaged'],
    ['with a zip64 marker', (z) => patchDirectory(z, (v, p) => v.setUint32(p + 20, 0xffffffff, true)), 'too-large'],
    ['encrypted', (z) => patchDirectory(z, (v, p) => v.setUint16(p + 8, 1, true)), 'encrypted-zip'],
    ['compressed with an unknown method', (z) => patchDirectory(z, (v, p) => v.setUint16(p + 10, 14, true)), 'unsupported-compression'],
    ['with garbage for deflate data', (z) => corruptData(z), 'damaged'],
  ])('refuses a zip %s as data, never a library error', (_, spoil, code) => {
    const z = spoil(new Uint8Array(sample));
    expect(
      problem(() => {
        for (const e of readZipDirectory(z)) unpackEntry(z, e, { left: 1e9, limit: 1e9 }, portableCodec);
      })?.code,
    ).toBe(code);
  });

  it('refuses two parts whose names differ only in case', () => {
    const z = zipSync({ 'xl/a.xml': strToU8('<a/>'), 'XL/A.xml': strToU8('<b/>') });
    expect(problem(() => readZipDirectory(z))).toEqual({ code: 'damaged', detail: "it holds the part 'XL/A.xml' twice" });
  });
});

/** Changes the first central-directory record. */
function patchDirectory(z: Uint8Array, fn: (v: DataView, at: number) => void): Uint8Array {
  const v = new DataView(z.buffer, z.byteOffset, z.byteLength);
  for (let i = z.length - 22; i >= 0; i--) {
    if (v.getUint32(i, true) === 0x06054b50) {
      fn(v, v.getUint32(i + 16, true));
      return z;
    }
  }
  throw new Error('no end record');
}

function corruptData(z: Uint8Array): Uint8Array {
  const [e] = readZipDirectory(z);
  const start = (e as { dataStart: number }).dataStart;
  for (let i = 0; i < 8; i++) z[start + i] = 0xff;
  return z;
}
