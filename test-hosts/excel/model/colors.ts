// Colours as Excel's JavaScript API accepts them: "#RRGGBB", "RRGGBB" or an HTML colour name.
//
// Stricter than real Excel: only a common subset of the HTML colour names is known; any other
// name is InvalidArgument.

import { invalidArgument } from '../a1.js';

// CSS colour names Excel accepts (a common subset); anything else must be #RRGGBB.
const NAMED_COLORS: Record<string, string> = {
  black: '#000000',
  white: '#FFFFFF',
  red: '#FF0000',
  lime: '#00FF00',
  green: '#008000',
  blue: '#0000FF',
  yellow: '#FFFF00',
  orange: '#FFA500',
  purple: '#800080',
  gray: '#808080',
  grey: '#808080',
  silver: '#C0C0C0',
  maroon: '#800000',
  navy: '#000080',
  olive: '#808000',
  teal: '#008080',
  aqua: '#00FFFF',
  cyan: '#00FFFF',
  fuchsia: '#FF00FF',
  magenta: '#FF00FF',
  pink: '#FFC0CB',
  lightgreen: '#90EE90',
  lightblue: '#ADD8E6',
  lightgray: '#D3D3D3',
  lightgrey: '#D3D3D3',
  darkgreen: '#006400',
  darkred: '#8B0000',
  gold: '#FFD700',
};

/** "#rrggbb", "rrggbb" or a CSS name → "#RRGGBB"; InvalidArgument otherwise. */
export function normaliseColor(input: unknown): string {
  if (typeof input !== 'string') throw invalidArgument(`color ${JSON.stringify(input)}`);
  const s = input.trim();
  const named = NAMED_COLORS[s.toLowerCase()];
  if (named) return named;
  const m = /^#?([0-9a-f]{6})$/i.exec(s);
  if (m?.[1] !== undefined) return `#${m[1].toUpperCase()}`;
  throw invalidArgument(`color "${s}"`);
}
