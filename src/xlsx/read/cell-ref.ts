/** "AB12" → { row: 12, col: 28 }, by char codes: the reader parses one per cell. Null when it is not a cell reference. */
export function parseCellRef(ref: string): { row: number; col: number } | null {
  return cellRefAt(ref, 0, ref.length);
}

/** The same, for a reference lying at text[from, to) (the reader does not cut it out). */
export function cellRefAt(text: string, from: number, to: number): { row: number; col: number } | null {
  let i = from;
  let col = 0;
  for (; i < to; i++) {
    let c = text.charCodeAt(i);
    if (c >= 97 && c <= 122) c -= 32;
    if (c < 65 || c > 90) break;
    col = col * 26 + (c - 64);
  }
  if (i === from || i - from > 3 || i === to) return null;
  let row = 0;
  for (; i < to; i++) {
    const c = text.charCodeAt(i);
    if (c === 36 && row === 0) continue;
    if (c < 48 || c > 57) return null;
    row = row * 10 + (c - 48);
  }
  return row > 0 ? { row, col } : null;
}
