/**
 * How large a workbook Plan Monitor reads: several times the largest plan it is built for (100,000
 * actions of ten columns), so that a hostile or runaway file is refused within seconds, in bounded memory.
 */
export interface ReadLimits {
  /** Bytes unpacked across every part read (sheets, shared strings, styles…). */
  unpackedBytes: number;
  /** Filled cells across every sheet. */
  cells: number;
  /** The last row with content on any one sheet. */
  rows: number;
}

export const defaultReadLimits: ReadLimits = { unpackedBytes: 256 * 1_048_576, cells: 4_000_000, rows: 300_000 };
