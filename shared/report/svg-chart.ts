/**
 * The status-by-theme chart of the HTML report: an inline SVG, one stacked horizontal bar per theme.
 * Pure text in, text out: no DOM, so the same input always gives the same markup.
 */
import { contrastRatio, defaultPalette, type Swatch } from '../rag/palette';
import type { Rag } from '../status/schemes';
import type { ThemeRollup } from '../summary/themes';
import { plural } from '../text/plural';

/** Escapes text for HTML and SVG alike (text nodes and quoted attributes): & < > " '. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => {
    switch (c) {
      case '&':
        return '&amp;';
      case '<':
        return '&lt;';
      case '>':
        return '&gt;';
      case '"':
        return '&quot;';
      default:
        return '&#39;';
    }
  });
}

/** A RAG in words, so colour is never the only signal. */
export const ragWords: Readonly<Record<Rag, string>> = { red: 'Red', amber: 'Amber', green: 'Green', blue: 'Blue (complete)', grey: 'Grey (not started)' };

const hexColour = /^#[0-9A-Fa-f]{6}$/;
const ink = '#0B0C0C';

export interface ChipColours {
  /** The palette's fill. */
  fill: string;
  /** Dark text readable on that fill: the palette's text colour, or near-black when that is too faint. */
  text: string;
  /** A darker edge so a light fill still shows on white paper (and when backgrounds are not printed). */
  outline: string;
}

/**
 * The colours to draw a RAG with. Only well-formed #RRGGBB colours are ever written into markup
 * (anything else falls back to the default palette), so no attribute can carry stray text.
 */
export function chipColours(rag: Rag, palette: Record<Rag, Swatch>): ChipColours {
  const given = palette[rag];
  const fill = hexColour.test(given.fill) ? given.fill.toUpperCase() : defaultPalette[rag].fill;
  const text = hexColour.test(given.text) ? given.text.toUpperCase() : defaultPalette[rag].text;
  const readable = contrastRatio(fill, text) >= 4.5 ? text : contrastRatio(fill, ink) >= contrastRatio(fill, '#FFFFFF') ? ink : '#FFFFFF';
  return { fill, text: readable, outline: readable === '#FFFFFF' ? ink : readable };
}

export interface ChartStatus {
  label: string;
  rag: Rag;
  /** Draw with a dashed edge: for a bucket sharing another status's colour (e.g. "not recognised"). */
  dashed?: boolean;
}

export interface ChartOptions {
  /** Width in CSS pixels (default 640: fits A4 between 15 mm margins). */
  width?: number;
}

/** Average advance of an 11px Arial character, for laying out text without measuring it. */
const charWidth = 6.2;
const fontSize = 11;
const labelHeight = 15;
const barHeight = 18;
const rowGap = 10;
const totalSpace = 44;
const swatchSize = 12;

const round = (n: number): number => Math.round(n * 10) / 10;

function truncate(text: string, maxChars: number): string {
  const chars = [...text];
  return chars.length <= maxChars ? text : `${chars.slice(0, Math.max(1, maxChars - 1)).join('').trimEnd()}\u2026`;
}


/** "3 Completed, 2 On track": the non-zero counts in status order. */
function countsText(counts: readonly number[], statuses: readonly ChartStatus[]): string {
  const parts = statuses.flatMap((s, i) => ((counts[i] ?? 0) > 0 ? [`${counts[i] ?? 0} ${s.label}`] : []));
  return parts.length > 0 ? parts.join(', ') : 'no actions';
}

/** The chart's title: the same words in the SVG, the HTML figure and the Word image's alternative text. */
export const chartTitle = 'Actions by status in each theme';

/** The chart in words, for a reader who cannot see it: the same numbers the bars show. */
export function chartDescription(themes: readonly ThemeRollup[], statuses: readonly ChartStatus[]): string {
  if (themes.length === 0) return 'There are no themes to show.';
  const summary = themes
    .map((t) => {
      const counts = statuses.map((s) => t.counts[s.label] ?? 0);
      return `${t.theme}: ${plural(counts.reduce((a, b) => a + b, 0), 'action', 'actions')} (${countsText(counts, statuses)})`;
    })
    .join('; ');
  return `One bar per theme, split by status, all on one scale. ${summary}.`;
}

/**
 * Status by theme as an inline SVG (no namespace URL needed inside HTML): a legend, then for each
 * theme its name and a bar split by status in the given order, all bars on one scale.
 * Fills come from the palette with a darker outline; every text is escaped; the title and
 * description give a screen reader the same numbers the bars show.
 */
export function statusByThemeSvg(themes: ThemeRollup[], statuses: { label: string; rag: Rag; dashed?: boolean }[], palette: Record<Rag, Swatch>, options?: { width?: number }): string {
  const width = Math.max(240, Math.round(options?.width ?? 640));
  const barArea = width - totalSpace;
  const rows = themes.map((t) => {
    const counts = statuses.map((s) => t.counts[s.label] ?? 0);
    return { theme: t, counts, total: counts.reduce((a, b) => a + b, 0) };
  });
  const max = rows.reduce((m, r) => Math.max(m, r.total), 0);
  const scale = max > 0 ? barArea / max : 0;

  // Legend: swatches and labels flowing left to right, wrapping to the width.
  const legend: string[] = [];
  let lx = 0;
  let ly = 0;
  statuses.forEach((s) => {
    const c = chipColours(s.rag, palette);
    const w = swatchSize + 5 + [...s.label].length * charWidth + 16;
    if (lx > 0 && lx + w > width) {
      lx = 0;
      ly += swatchSize + 8;
    }
    const dash = s.dashed ? ' stroke-dasharray="3 2"' : '';
    legend.push(
      `<g class="legend-item"><rect x="${round(lx + 0.5)}" y="${round(ly + 0.5)}" width="${swatchSize}" height="${swatchSize}" fill="${c.fill}" stroke="${c.outline}" stroke-width="1"${dash}/>` +
        `<text x="${round(lx + swatchSize + 5)}" y="${round(ly + swatchSize - 2)}">${escapeHtml(s.label)}</text></g>`,
    );
    lx += w;
  });
  const legendHeight = statuses.length > 0 ? ly + swatchSize + 16 : 0;

  const maxChars = Math.max(8, Math.floor(width / charWidth));
  const bars = rows.map((r, i) => {
    const top = legendHeight + i * (labelHeight + barHeight + rowGap);
    const barTop = top + labelHeight;
    const name = r.theme.theme;
    const parts: string[] = [
      `<g class="bar"><title>${escapeHtml(`${name} (RAG: ${ragWords[r.theme.rag]}): ${plural(r.total, 'action', 'actions')} – ${countsText(r.counts, statuses)}`)}</title>`,
      `<text x="0" y="${round(top + fontSize)}" font-weight="bold">${escapeHtml(truncate(name, maxChars))}</text>`,
    ];
    let done = 0;
    r.counts.forEach((n, j) => {
      const s = statuses[j];
      if (!s || n <= 0) return;
      const c = chipColours(s.rag, palette);
      const x0 = round(done * scale);
      const x1 = round((done + n) * scale);
      done += n;
      const dash = s.dashed ? ' stroke-dasharray="3 2"' : '';
      parts.push(`<rect x="${round(x0 + 0.5)}" y="${round(barTop + 0.5)}" width="${round(Math.max(0, x1 - x0 - 1))}" height="${barHeight - 1}" fill="${c.fill}" stroke="${c.outline}" stroke-width="1"${dash}/>`);
      // The count inside its segment when it fits, in the dark text colour of that fill.
      const digits = String(n).length;
      if (x1 - x0 >= digits * charWidth + 6) {
        parts.push(`<text x="${round((x0 + x1) / 2)}" y="${round(barTop + barHeight / 2 + 4)}" text-anchor="middle" fill="${c.text}">${n}</text>`);
      }
    });
    parts.push(`<text x="${round(done * scale + 6)}" y="${round(barTop + barHeight / 2 + 4)}">${r.total}</text>`, '</g>');
    return parts.join('');
  });

  const height = Math.max(1, legendHeight + rows.length * (labelHeight + barHeight + rowGap));
  return [
    `<svg class="chart" role="img" aria-labelledby="status-by-theme-title status-by-theme-desc" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" font-family="Arial, Helvetica, sans-serif" font-size="${fontSize}">`,
    `<title id="status-by-theme-title">${chartTitle}</title>`,
    `<desc id="status-by-theme-desc">${escapeHtml(chartDescription(themes, statuses))}</desc>`,
    `<g class="legend">${legend.join('')}</g>`,
    ...bars,
    '</svg>',
  ].join('\n');
}
