import { deflateSync, Inflate } from 'fflate';
import { concatBytes } from './bytes';
import { crc32 } from './crc32';

/** Thrown by a codec when an entry inflates past the bytes it was allowed. */
export class InflateLimitError extends Error {}

/**
 * Compression for zip entries. The portable codec (fflate) runs anywhere; a host with native zlib
 * (Node, for the CLI) passes its own, several times faster on a large sheet.
 */
export interface ZipCodec {
  /** The raw-deflated form of new content. */
  deflate(data: Uint8Array): Uint8Array;
  /** An entry's raw-deflated bytes inflated in full; InflateLimitError as soon as more than `limit` bytes come out. */
  inflate(data: Uint8Array, limit: number): Uint8Array;
  crc32(data: Uint8Array): number;
}

export const portableCodec: ZipCodec = {
  deflate: (data) => deflateSync(data, { level: 6 }),
  inflate(data, limit) {
    const pieces: Uint8Array[] = [];
    let total = 0;
    // Piece by piece, so a zip bomb is stopped at the limit instead of filling memory.
    const inflater = new Inflate((bytes) => {
      total += bytes.length;
      if (total > limit) throw new InflateLimitError();
      pieces.push(bytes);
    });
    const step = 1 << 16;
    for (let i = 0; i < data.length; i += step) inflater.push(data.subarray(i, i + step), i + step >= data.length);
    if (data.length === 0) inflater.push(new Uint8Array(0), true);
    return concatBytes(pieces);
  },
  crc32,
};
