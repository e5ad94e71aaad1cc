// Writes the add-in's icons to assets/ as PNG files: glyphs from Fluent UI System Icons
// (@fluentui/svg-icons, Microsoft's MIT icon set in the thin-outline style of Office's ribbon),
// rasterised by resvg (@resvg/resvg-js).
//
//   node scripts/make-icons.mjs                 write assets/<name>-<size>.png
//   node scripts/make-icons.mjs --check         exit 1 if a file in assets/ is missing or its pixels differ
//   node scripts/make-icons.mjs --assets DIR    the same, on DIR instead of assets/ (the tests use a copy)
//
// Why resvg: it is a self-contained SVG renderer (Rust, via napi-rs) that npm installs as a prebuilt
// binary for each platform through optionalDependencies, so `npm ci` runs no install script,
// downloads nothing outside the registry and needs no system library. It never touches system fonts
// here (the glyphs are plain paths and font loading is off), so the pixels depend only on the resvg
// version package-lock.json pins, not on what the machine has installed. sharp would also install
// offline, but it is a general image pipeline around libvips that hands SVG to librsvg and encodes
// PNG with its own settings: far more than the one job we need done the same way every time.
//
// Fluent glyphs come in fixed design sizes (16, 20, 24, 28, 32, 48 px; not every glyph has every
// size). For each output size we draw the smallest design size at or above it, or the largest there
// is, so a 16 px icon is the 16 px drawing and not a shrunken 48 px one, and strokes stay crisp.
//
// `--check` decodes both PNGs and compares pixels, not bytes, so re-compressing the committed files
// (an optimiser, another PNG encoder version) cannot make it fail, while any visible change does.
import { Buffer } from 'node:buffer';
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { Resvg } from '@resvg/resvg-js';
import { decode } from 'fast-png';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
export const assetsDir = path.join(root, 'assets');
const require = createRequire(import.meta.url);
const fluentDir = path.join(path.dirname(require.resolve('@fluentui/svg-icons/package.json')), 'icons');

/**
 * Sizes written for every icon: what an Office manifest accepts for an icon (16, 20, 24, 32, 40, 48,
 * 64, 80). Ribbon buttons use 16/32/80, their high-DPI scalings 20/24/40/48/64; IconUrl is 32 and
 * HighResolutionIconUrl 64.
 */
export const sizes = [16, 20, 24, 32, 40, 48, 64, 80];

/** Extra sizes for the add-in icon only: Google Workspace Marketplace's 128 x 128 application icon. */
export const listingSizes = { icon: [128] };

/** Office's ribbon grey for outline glyphs (Fluent 2's neutral foreground). */
export const ribbonInk = '#242424';
/** The add-in icon's tile: the panel's primary colour (src/ui/panel.css, --pm-primary). */
export const tileFill = '#0f6cbd';
export const tileInk = '#ffffff';

/**
 * Which Fluent glyph each icon draws. The ribbon buttons use the regular (outline) style, like
 * Office's own ribbon icons. `tile`: the add-in's own icon, which stands beside other add-ins'
 * coloured icons in the store and the insert dialog, is the glyph in white on a rounded tile in the
 * brand colour; it uses the filled style, as a 1 px outline scaled onto a 16 px tile blurs away.
 */
export const icons = {
  icon: { glyph: 'clipboard_task_list_ltr', style: 'filled', tile: true }, // the add-in: a plan with ticked tasks
  check: { glyph: 'clipboard_task' }, // Check plan
  colours: { glyph: 'color_fill' }, // Apply RAG colours (Office's fill-colour bucket)
  summary: { glyph: 'data_pie' }, // Build summary
  panel: { glyph: 'panel_right' }, // Open panel (a task pane docked on the right)
  record: { glyph: 'calendar_arrow_counterclockwise' }, // Record period (this period, into the history)
};

/** Relative file name for an icon at a size, e.g. "icon-32.png", "check-16.png". */
export const fileName = (name, size) => `${name}-${size}.png`;

/** Every size written for an icon. */
export const sizesFor = (name) => [...sizes, ...(listingSizes[name] ?? [])];

/** The design sizes Fluent ships for a glyph in a style ('regular' or 'filled'), ascending. */
export function designSizes(glyph, style = 'regular') {
  const pattern = new RegExp(`^${glyph}_(\\d+)_${style}\\.svg$`);
  const found = readdirSync(fluentDir)
    .map((f) => pattern.exec(f)?.[1])
    .filter((s) => s !== undefined)
    .map(Number)
    .sort((a, b) => a - b);
  if (found.length === 0) throw new Error(`@fluentui/svg-icons has no ${style} ${glyph} glyph`);
  return found;
}

/** The smallest design size at or above `size`, or the largest there is. */
export function pickDesignSize(available, size) {
  return available.find((d) => d >= size) ?? available[available.length - 1];
}

/** The Fluent SVG's contents (its paths), without the root element. */
function glyphBody(glyph, style, designSize) {
  const file = path.join(fluentDir, `${glyph}_${designSize}_${style}.svg`);
  const svg = readFileSync(file, 'utf8');
  const m = /^<svg\b[^>]*\bviewBox="0 0 (\d+) (\d+)"[^>]*>([\s\S]*)<\/svg>\s*$/.exec(svg);
  if (!m || Number(m[1]) !== designSize || Number(m[2]) !== designSize) throw new Error(`Unexpected SVG in ${file}`);
  return m[3];
}

/** The SVG drawn for an icon at a size, and the Fluent design size it uses. */
export function iconSvg(name, size) {
  const spec = icons[name];
  if (!spec) throw new Error(`Unknown icon ${name}`);
  const style = spec.style ?? 'regular';
  const available = designSizes(spec.glyph, style);
  if (!spec.tile) {
    const d = pickDesignSize(available, size);
    return {
      designSize: d,
      svg: `<svg xmlns="http://www.w3.org/2000/svg" width="${size}" height="${size}" viewBox="0 0 ${d} ${d}" fill="${ribbonInk}">${glyphBody(spec.glyph, style, d)}</svg>`,
    };
  }
  // The tile fills the canvas; the glyph (which has Fluent's own padding) sits inside a margin of a
  // sixteenth of the size, on whole pixels.
  const margin = Math.round(size / 16);
  const inner = size - 2 * margin;
  const d = pickDesignSize(available, inner);
  const radius = size * 0.1875;
  return {
    designSize: d,
    svg:
      `<svg xmlns="http://www.w3.org/2000/svg" width="${size}" height="${size}" viewBox="0 0 ${size} ${size}">` +
      `<rect width="${size}" height="${size}" rx="${radius}" fill="${tileFill}"/>` +
      `<g transform="translate(${margin} ${margin}) scale(${inner / d})" fill="${tileInk}">${glyphBody(spec.glyph, style, d)}</g>` +
      `</svg>`,
  };
}

/** Rasterises an SVG to PNG bytes at its own width: anti-aliased, transparent background, no fonts. */
export function rasterise(svg) {
  return new Resvg(svg, { font: { loadSystemFonts: false }, shapeRendering: 2, logLevel: 'off' }).render().asPng();
}

/** Every file this script owns in assets/: { name (relative), size, bytes }. */
export function buildAll() {
  const files = [];
  for (const name of Object.keys(icons)) {
    for (const size of sizesFor(name)) {
      files.push({ name: fileName(name, size), size, bytes: Buffer.from(rasterise(iconSvg(name, size).svg)) });
    }
  }
  return files;
}

/**
 * A PNG's pixels as straight RGBA8 (fully transparent pixels zeroed, as their colour is never seen),
 * or null if it does not decode. Palette, RGB and 8-bit RGBA files all compare, so an optimiser that
 * re-encodes the committed files does not make them "differ".
 */
function pixelsOf(png) {
  let img;
  try {
    img = decode(png);
  } catch {
    return null;
  }
  const { width, height, channels, data, palette, depth } = img;
  const n = width * height;
  const rgba = Buffer.alloc(n * 4);
  for (let i = 0; i < n; i++) {
    let px;
    if (palette && channels === 1 && depth === 8) px = palette[data[i]];
    else if (depth === 8 && (channels === 3 || channels === 4)) px = Array.from(data.subarray(i * channels, (i + 1) * channels));
    else return null;
    const [r, g, b, a = 255] = px;
    if (a !== 0) rgba.set([r, g, b, a], i * 4);
  }
  return { width, height, rgba };
}

/** Names of files in dir that are missing or whose pixels differ from what the script draws. */
export function staleFiles(dir = assetsDir) {
  const stale = [];
  for (const f of buildAll()) {
    const file = path.join(dir, f.name);
    if (!existsSync(file)) {
      stale.push(f.name);
      continue;
    }
    const disk = readFileSync(file);
    if (disk.equals(f.bytes)) continue;
    const a = pixelsOf(disk);
    const b = pixelsOf(f.bytes);
    if (!a || !b || a.width !== b.width || a.height !== b.height || !a.rgba.equals(b.rgba)) stale.push(f.name);
  }
  return stale;
}

const USAGE = 'Usage: node scripts/make-icons.mjs [--check] [--assets DIR]';

function main(argv) {
  let check = false;
  let dir = assetsDir;
  for (let i = 0; i < argv.length; i++) {
    if (argv[i] === '--check') check = true;
    else if (argv[i] === '--assets' && argv[i + 1]) dir = path.resolve(argv[++i]);
    else {
      console.error(`Unknown argument ${argv[i]}. ${USAGE}`);
      return 2;
    }
  }
  if (check) {
    const stale = staleFiles(dir);
    if (stale.length > 0) {
      console.error(`Icons missing or out of date in ${path.relative(root, dir) || dir}: ${stale.join(', ')}. Run: node scripts/make-icons.mjs`);
      return 1;
    }
    console.log(`Icons in ${path.relative(root, dir) || dir} are up to date.`);
    return 0;
  }
  mkdirSync(dir, { recursive: true });
  const files = buildAll();
  for (const f of files) writeFileSync(path.join(dir, f.name), f.bytes);
  console.log(`Wrote ${files.length} PNG files to ${path.relative(root, dir) || dir} (${Object.keys(icons).join(', ')}).`);
  return 0;
}

if (process.argv[1] && import.meta.url === pathToFileURL(path.resolve(process.argv[1])).href) {
  process.exitCode = main(process.argv.slice(2));
}
