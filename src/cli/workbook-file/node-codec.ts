import zlib from 'node:zlib';
import { InflateLimitError, type ZipCodec } from '../../xlsx/zip/codec';

/** Node's native zlib for the CLI: several times faster than the portable codec on a large sheet. */
export const nodeCodec: ZipCodec = {
  // Level 4: half the time of the default 6 on a large sheet, for about 6% more bytes (measured on a 30 MB sheet).
  deflate: (data) => zlib.deflateRawSync(data, { level: 4 }),
  inflate(data, limit) {
    try {
      // maxOutputLength stops a zip bomb at the limit instead of filling memory.
      return zlib.inflateRawSync(data, { maxOutputLength: Math.max(1, Math.min(limit, 2 ** 31 - 1)) });
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code === 'ERR_BUFFER_TOO_LARGE' || e instanceof RangeError) throw new InflateLimitError();
      throw e;
    }
  },
  crc32: (data) => zlib.crc32(data),
};
