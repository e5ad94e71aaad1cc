import type { Swatch } from './palette';
import type { Rag, StatusDef, StatusScheme } from '../status/schemes';

/** "#RRGGBB" (any case, with or without "#") to its three channels, or null when it is not one. */
function rgb(hex: string): [number, number, number] | null {
  const m = /^#?([0-9a-f]{6})$/i.exec(hex.trim());
  if (!m?.[1]) return null;
  const n = parseInt(m[1], 16);
  return [(n >> 16) & 255, (n >> 8) & 255, n & 255];
}

/**
 * The RAG colour a person sees in a fill: red, amber (orange through yellow), green or blue, by hue.
 * White, black, greys and washed-out tints are no colour at all (table banding, not a status), and so
 * are purples and pinks that no scheme uses.
 */
export function ragOfFill(hex: string): Exclude<Rag, 'grey'> | null {
  const c = rgb(hex);
  if (!c) return null;
  const [r, g, b] = c.map((v) => v / 255) as [number, number, number];
  const max = Math.max(r, g, b);
  const min = Math.min(r, g, b);
  const l = (max + min) / 2;
  const d = max - min;
  if (d === 0 || l > 0.96 || l < 0.08) return null;
  const s = d / (1 - Math.abs(2 * l - 1));
  if (s < 0.25 || d < 0.08) return null;
  let h = max === r ? ((g - b) / d) % 6 : max === g ? (b - r) / d + 2 : (r - g) / d + 4;
  h *= 60;
  if (h < 0) h += 360;
  if (h < 15 || h >= 340) return 'red';
  if (h < 66) return 'amber';
  if (h < 170) return 'green';
  if (h < 260) return 'blue';
  return null;
}

/**
 * How a fill on an empty status cell reads as a status of the scheme: the palette's own fills first
 * (so the tool's colours read back as what it painted, grey included), then the colour by hue. Only
 * a colour that one status of the scheme carries counts; anything else is no status.
 */
export function statusFromFill(scheme: StatusScheme, palette: Record<Rag, Swatch>): (hex: string) => StatusDef | null {
  const byRag = new Map<Rag, StatusDef | null>();
  for (const s of scheme.statuses) byRag.set(s.rag, byRag.has(s.rag) ? null : s);
  const exact = new Map<string, Rag>();
  for (const [rag, swatch] of Object.entries(palette) as [Rag, Swatch][]) exact.set(swatch.fill.toUpperCase(), rag);
  return (hex) => {
    const key = hex.trim().toUpperCase();
    const rag = exact.get(key.startsWith('#') ? key : `#${key}`) ?? ragOfFill(hex);
    return rag ? (byRag.get(rag) ?? null) : null;
  };
}
