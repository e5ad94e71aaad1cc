/** A plain address, or null: anything that could smuggle a header or a second recipient is refused. */
export function plainAddress(text: string | null): string | null {
  const t = (text ?? '').trim();
  return /^[^\s@<>,;:"()[\]\\]+@[^\s@<>,;:"()[\]\\]+\.[^\s@<>,;:"()[\]\\]+$/.test(t) ? t : null;
}
