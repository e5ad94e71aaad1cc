import type { Rag } from '../status/schemes';

export interface Swatch {
  /** Cell fill, #RRGGBB. */
  fill: string;
  /** Text colour on that fill, #RRGGBB. */
  text: string;
}

/**
 * Light fills with dark text (after GOV.UK's tag colours): every pair is above 7:1, so the status
 * text stays readable and colour is never the only signal (WCAG 1.4.1, 1.4.3).
 */
export const defaultPalette: Record<Rag, Swatch> = {
  red: { fill: '#F6C7C3', text: '#6B1410' },
  amber: { fill: '#FFE08A', text: '#4D3300' },
  green: { fill: '#C4E5CD', text: '#0B4220' },
  blue: { fill: '#CFE0F3', text: '#0F385C' },
  grey: { fill: '#E5E6E7', text: '#383F43' },
};

function channel(hex: string, at: number): number {
  const v = parseInt(hex.slice(at, at + 2), 16) / 255;
  return v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4;
}

/** WCAG relative luminance of #RRGGBB. */
export function luminance(hex: string): number {
  return 0.2126 * channel(hex, 1) + 0.7152 * channel(hex, 3) + 0.0722 * channel(hex, 5);
}

/** WCAG contrast ratio between two #RRGGBB colours (1 to 21). */
export function contrastRatio(a: string, b: string): number {
  const la = luminance(a);
  const lb = luminance(b);
  return (Math.max(la, lb) + 0.05) / (Math.min(la, lb) + 0.05);
}
