// Draws the add-in's icons and writes them to assets/ as PNG files, with no dependencies: a tiny
// PNG encoder (node:zlib for deflate, CRC-32 by hand) and a few shapes on an RGBA buffer.
//
//   node scripts/make-icons.mjs           write assets/*.png and assets/icon.svg
//   node scripts/make-icons.mjs --check   exit 1 if the files in assets/ are missing or out of date
//
// Every glyph is designed on a 16 x 16 grid. The sizes we write (16, 32, 64, 80) are whole
// multiples of 16, so straight edges land on pixel boundaries at every size and stay sharp; only
// circles and the tick are anti-aliased (8 x 8 samples a pixel). Output is deterministic: fixed
// sample positions, a fixed filter choice and zlib's run-length strategy, which does not depend on
// the CPU-specific hashing some zlib builds use for ordinary matching. `--check` compares decoded
// pixels, not bytes, so a different zlib can never make it fail.
import { Buffer } from 'node:buffer';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { constants as zc, deflateSync, inflateSync } from 'node:zlib';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
export const assetsDir = path.join(root, 'assets');

/** Sizes written for every icon: 16/32/80 for ribbon buttons, 32/64 for IconUrl/HighResolutionIconUrl. */
export const sizes = [16, 32, 64, 80];

// Colours: dark navy ink that reads as text, white paper so shapes still show on a dark ribbon, and
// GOV.UK's red / orange / green for the RAG lights.
const ink = '#0b3b60';
const paper = '#ffffff';
const rule = '#505a5f';
const paneFill = '#d2e2f1';
const red = '#d4351c';
const amber = '#f47738';
const green = '#00703c';

/** @typedef {{ kind: 'rect', x0: number, y0: number, x1: number, y1: number, r?: number, fill: string }} Rect */
/** @typedef {{ kind: 'circle', cx: number, cy: number, r: number, fill: string }} Circle */
/** @typedef {{ kind: 'line', points: [number, number][], width: number, fill: string }} Line */
/** @typedef {(Rect | Circle | Line) & { when?: (size: number) => boolean }} Shape  `when`: draw only at some sizes */

/** @returns {Rect} */
const rect = (x0, y0, x1, y1, fill, r = 0) => ({ kind: 'rect', x0, y0, x1, y1, r, fill });
/** @returns {Circle} */
const circle = (cx, cy, r, fill) => ({ kind: 'circle', cx, cy, r, fill });
/** @returns {Line} */
const line = (points, width, fill) => ({ kind: 'line', points, width, fill });

/** A clipboard: navy board, white sheet, navy clip at the top. */
const clipboard = () => [rect(2, 2, 14, 15, ink, 1), rect(3, 4, 13, 14, paper), rect(5, 1, 11, 4, ink, 0.75)];

/**
 * A one-unit text line beside a two-unit mark at row y: centred on the mark, except at 16 px, where
 * a half-pixel offset would blur it into two grey pixels, so it sits on the pixel grid instead.
 */
const ruleLine = (y) => [
  { ...rect(7, y + 1, 12, y + 2, rule), when: (size) => size === 16 },
  { ...rect(7, y + 0.5, 12, y + 1.5, rule), when: (size) => size !== 16 },
];

/** The glyphs, on a 16 x 16 grid (x right, y down). Later shapes paint over earlier ones. */
export const icons = {
  // Base icon (add-in, group, task pane favicon): a clipboard listing three actions with RAG marks.
  icon: [
    ...clipboard(),
    rect(4, 5, 6, 7, red),
    ...ruleLine(5),
    rect(4, 8, 6, 10, amber),
    ...ruleLine(8),
    rect(4, 11, 6, 13, green),
    ...ruleLine(11),
  ],
  // Check plan: a clipboard with a green tick.
  check: [...clipboard(), line([[5, 9], [7.25, 11.25], [11.25, 6.25]], 2, green)],
  // Apply RAG colours: three RAG lights in a traffic-light housing.
  colours: [rect(4, 0, 12, 16, ink, 2), circle(8, 3, 2, red), circle(8, 8, 2, amber), circle(8, 13, 2, green)],
  // Build summary: a table with a navy header row and a RAG status column.
  summary: [
    rect(1, 2, 15, 14, ink),
    ...[5, 8, 11].flatMap((y, i) => [
      rect(2, y, 5, y + 2, paper),
      rect(6, y, 10, y + 2, paper),
      rect(11, y, 14, y + 2, [red, amber, green][i] ?? paper),
    ]),
  ],
  // Open panel: a window with a task pane docked on the right.
  panel: [
    rect(1, 2, 15, 14, ink),
    rect(2, 4, 9, 13, paper),
    rect(10, 4, 14, 13, paneFill),
    rect(11, 6, 13, 7, ink),
    rect(11, 8, 13, 9, ink),
    rect(11, 10, 13, 11, ink),
  ],
};

/** Relative file name for an icon at a size, e.g. "icon-32.png", "check-16.png". */
export const fileName = (name, size) => `${name}-${size}.png`;

// ---------------------------------------------------------------------------------------------
// Rasteriser

function parseColour(hex) {
  const m = /^#([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})$/i.exec(hex);
  if (!m) throw new Error(`Bad colour ${hex}`);
  return [parseInt(m[1], 16), parseInt(m[2], 16), parseInt(m[3], 16)];
}

function segmentDistance2(px, py, ax, ay, bx, by) {
  const dx = bx - ax;
  const dy = by - ay;
  const len2 = dx * dx + dy * dy;
  const t = len2 === 0 ? 0 : Math.max(0, Math.min(1, ((px - ax) * dx + (py - ay) * dy) / len2));
  const ex = px - (ax + t * dx);
  const ey = py - (ay + t * dy);
  return ex * ex + ey * ey;
}

/** Inside test and bounding box (grid units) for a shape. */
function geometry(shape) {
  switch (shape.kind) {
    case 'rect': {
      const { x0, y0, x1, y1 } = shape;
      const r = shape.r ?? 0;
      return {
        box: [x0, y0, x1, y1],
        inside: (x, y) => {
          if (x < x0 || x >= x1 || y < y0 || y >= y1) return false;
          if (r <= 0) return true;
          const cx = Math.max(x0 + r, Math.min(x1 - r, x));
          const cy = Math.max(y0 + r, Math.min(y1 - r, y));
          return (x - cx) ** 2 + (y - cy) ** 2 <= r * r;
        },
      };
    }
    case 'circle': {
      const { cx, cy, r } = shape;
      return { box: [cx - r, cy - r, cx + r, cy + r], inside: (x, y) => (x - cx) ** 2 + (y - cy) ** 2 <= r * r };
    }
    case 'line': {
      const h = shape.width / 2;
      const xs = shape.points.map((p) => p[0]);
      const ys = shape.points.map((p) => p[1]);
      const segs = shape.points.slice(1).map((p, i) => [shape.points[i], p]);
      return {
        box: [Math.min(...xs) - h, Math.min(...ys) - h, Math.max(...xs) + h, Math.max(...ys) + h],
        inside: (x, y) => segs.some(([a, b]) => segmentDistance2(x, y, a[0], a[1], b[0], b[1]) <= h * h),
      };
    }
    default:
      throw new Error(`Unknown shape ${JSON.stringify(shape)}`);
  }
}

const SAMPLES = 8;

/** Renders shapes to straight (non-premultiplied) RGBA bytes, size x size. */
export function render(shapes, size) {
  const k = size / 16;
  const acc = new Float64Array(size * size * 4); // r, g, b in 0..255, a in 0..1
  for (const shape of shapes) {
    if (shape.when && !shape.when(size)) continue;
    const { box, inside } = geometry(shape);
    const [sr, sg, sb] = parseColour(shape.fill);
    const px0 = Math.max(0, Math.floor(box[0] * k));
    const py0 = Math.max(0, Math.floor(box[1] * k));
    const px1 = Math.min(size, Math.ceil(box[2] * k));
    const py1 = Math.min(size, Math.ceil(box[3] * k));
    for (let py = py0; py < py1; py++) {
      for (let px = px0; px < px1; px++) {
        let hits = 0;
        for (let j = 0; j < SAMPLES; j++) {
          const y = (py + (j + 0.5) / SAMPLES) / k;
          for (let i = 0; i < SAMPLES; i++) if (inside((px + (i + 0.5) / SAMPLES) / k, y)) hits++;
        }
        if (hits === 0) continue;
        const a = hits / (SAMPLES * SAMPLES);
        const o = (py * size + px) * 4;
        const da = acc[o + 3];
        const outA = a + da * (1 - a);
        acc[o] = (sr * a + acc[o] * da * (1 - a)) / outA;
        acc[o + 1] = (sg * a + acc[o + 1] * da * (1 - a)) / outA;
        acc[o + 2] = (sb * a + acc[o + 2] * da * (1 - a)) / outA;
        acc[o + 3] = outA;
      }
    }
  }
  const out = Buffer.alloc(size * size * 4);
  for (let o = 0; o < out.length; o += 4) {
    const a = Math.round(acc[o + 3] * 255);
    if (a === 0) continue; // fully transparent pixels stay 0,0,0,0
    out[o] = Math.round(acc[o]);
    out[o + 1] = Math.round(acc[o + 1]);
    out[o + 2] = Math.round(acc[o + 2]);
    out[o + 3] = a;
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// PNG encoder / decoder (8-bit RGBA, no interlace)

const CRC_TABLE = (() => {
  const t = new Uint32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    t[n] = c >>> 0;
  }
  return t;
})();

export function crc32(bytes) {
  let c = 0xffffffff;
  for (const b of bytes) c = CRC_TABLE[(c ^ b) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

function chunk(type, data) {
  const head = Buffer.alloc(8);
  head.writeUInt32BE(data.length, 0);
  head.write(type, 4, 'ascii');
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(Buffer.concat([head.subarray(4), data])), 0);
  return Buffer.concat([head, data, crc]);
}

const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

function paeth(a, b, c) {
  const p = a + b - c;
  const pa = Math.abs(p - a);
  const pb = Math.abs(p - b);
  const pc = Math.abs(p - c);
  return pa <= pb && pa <= pc ? a : pb <= pc ? b : c;
}

/** Filters row y with filter type f into out (length stride). */
function filterRow(f, rgba, y, stride, out) {
  for (let i = 0; i < stride; i++) {
    const x = rgba[y * stride + i];
    const a = i >= 4 ? rgba[y * stride + i - 4] : 0;
    const b = y > 0 ? rgba[(y - 1) * stride + i] : 0;
    const c = i >= 4 && y > 0 ? rgba[(y - 1) * stride + i - 4] : 0;
    const pred = f === 0 ? 0 : f === 1 ? a : f === 2 ? b : f === 3 ? (a + b) >> 1 : paeth(a, b, c);
    out[i] = (x - pred) & 0xff;
  }
}

/** Encodes straight RGBA bytes as a PNG. */
export function encodePng(rgba, width, height) {
  const stride = width * 4;
  const raw = Buffer.alloc((stride + 1) * height);
  const trial = Buffer.alloc(stride);
  for (let y = 0; y < height; y++) {
    // libpng's heuristic: the filter whose output has the smallest sum of absolute (signed) bytes.
    let best = 0;
    let bestScore = Infinity;
    for (let f = 0; f <= 4; f++) {
      filterRow(f, rgba, y, stride, trial);
      let score = 0;
      for (const v of trial) score += v < 128 ? v : 256 - v;
      if (score < bestScore) {
        bestScore = score;
        best = f;
      }
    }
    raw[y * (stride + 1)] = best;
    filterRow(best, rgba, y, stride, raw.subarray(y * (stride + 1) + 1, (y + 1) * (stride + 1)));
  }
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(width, 0);
  ihdr.writeUInt32BE(height, 4);
  ihdr[8] = 8; // bit depth
  ihdr[9] = 6; // colour type: RGBA
  ihdr[10] = 0; // deflate
  ihdr[11] = 0; // adaptive filtering
  ihdr[12] = 0; // no interlace
  const idat = deflateSync(raw, { level: 9, memLevel: 9, strategy: zc.Z_RLE });
  return Buffer.concat([PNG_SIGNATURE, chunk('IHDR', ihdr), chunk('IDAT', idat), chunk('IEND', Buffer.alloc(0))]);
}

/** Decodes a PNG written by encodePng (8-bit RGBA, no interlace) back to { width, height, rgba }. */
export function decodePng(png) {
  if (!png.subarray(0, 8).equals(PNG_SIGNATURE)) throw new Error('Not a PNG file');
  let off = 8;
  let width = 0;
  let height = 0;
  const idat = [];
  while (off < png.length) {
    const len = png.readUInt32BE(off);
    const type = png.toString('ascii', off + 4, off + 8);
    const data = png.subarray(off + 8, off + 8 + len);
    if (crc32(png.subarray(off + 4, off + 8 + len)) !== png.readUInt32BE(off + 8 + len)) throw new Error(`Bad CRC in ${type}`);
    if (type === 'IHDR') {
      width = data.readUInt32BE(0);
      height = data.readUInt32BE(4);
      if (data[8] !== 8 || data[9] !== 6 || data[12] !== 0) throw new Error('Only 8-bit RGBA, non-interlaced PNGs are supported');
    } else if (type === 'IDAT') idat.push(data);
    off += 12 + len;
  }
  const raw = inflateSync(Buffer.concat(idat));
  const stride = width * 4;
  const rgba = Buffer.alloc(stride * height);
  for (let y = 0; y < height; y++) {
    const f = raw[y * (stride + 1)];
    for (let i = 0; i < stride; i++) {
      const x = raw[y * (stride + 1) + 1 + i];
      const a = i >= 4 ? rgba[y * stride + i - 4] : 0;
      const b = y > 0 ? rgba[(y - 1) * stride + i] : 0;
      const c = i >= 4 && y > 0 ? rgba[(y - 1) * stride + i - 4] : 0;
      const pred = f === 0 ? 0 : f === 1 ? a : f === 2 ? b : f === 3 ? (a + b) >> 1 : paeth(a, b, c);
      rgba[y * stride + i] = (x + pred) & 0xff;
    }
  }
  return { width, height, rgba };
}

// ---------------------------------------------------------------------------------------------
// SVG master (same geometry, for a scalable favicon and for editing by hand)

const num = (n) => String(Math.round(n * 1000) / 1000);

export function toSvg(shapes, title) {
  // A scalable drawing takes the large-size variant of any size-specific shape.
  const body = shapes.filter((s) => !s.when || s.when(Infinity)).map((s) => {
    switch (s.kind) {
      case 'rect':
        return `  <rect x="${num(s.x0)}" y="${num(s.y0)}" width="${num(s.x1 - s.x0)}" height="${num(s.y1 - s.y0)}"${s.r ? ` rx="${num(s.r)}"` : ''} fill="${s.fill}"/>`;
      case 'circle':
        return `  <circle cx="${num(s.cx)}" cy="${num(s.cy)}" r="${num(s.r)}" fill="${s.fill}"/>`;
      case 'line':
        return `  <polyline points="${s.points.map((p) => `${num(p[0])},${num(p[1])}`).join(' ')}" fill="none" stroke="${s.fill}" stroke-width="${num(s.width)}" stroke-linecap="round" stroke-linejoin="round"/>`;
      default:
        throw new Error('Unknown shape');
    }
  });
  return [
    '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 16 16" width="16" height="16" role="img">',
    `  <title>${title}</title>`,
    ...body,
    '</svg>',
    '',
  ].join('\n');
}

// ---------------------------------------------------------------------------------------------

/** Every file this script owns in assets/: { name (relative), bytes, rgba? , size? }. */
export function buildAll() {
  const files = [];
  for (const [name, shapes] of Object.entries(icons)) {
    for (const size of sizes) {
      const rgba = render(shapes, size);
      files.push({ name: fileName(name, size), bytes: encodePng(rgba, size, size), rgba, size });
    }
  }
  files.push({ name: 'icon.svg', bytes: Buffer.from(toSvg(icons.icon, 'Plan Monitor'), 'utf8') });
  return files;
}

/** Names of files in assets/ that are missing or whose pixels differ from what the script draws. */
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
    if (!f.rgba) {
      stale.push(f.name);
      continue;
    }
    try {
      const d = decodePng(disk);
      if (d.width !== f.size || d.height !== f.size || !d.rgba.equals(f.rgba)) stale.push(f.name);
    } catch {
      stale.push(f.name);
    }
  }
  return stale;
}

function main(argv) {
  if (argv.includes('--check')) {
    const stale = staleFiles();
    if (stale.length > 0) {
      console.error(`Icons out of date in assets/: ${stale.join(', ')}. Run: node scripts/make-icons.mjs`);
      return 1;
    }
    console.log('Icons in assets/ are up to date.');
    return 0;
  }
  const unknown = argv.filter((a) => a !== '--check');
  if (unknown.length > 0) {
    console.error(`Unknown argument ${unknown[0]}. Usage: node scripts/make-icons.mjs [--check]`);
    return 2;
  }
  mkdirSync(assetsDir, { recursive: true });
  const files = buildAll();
  for (const f of files) writeFileSync(path.join(assetsDir, f.name), f.bytes);
  console.log(`Wrote ${files.length} files to assets/ (${Object.keys(icons).join(', ')} at ${sizes.join(', ')} px, and icon.svg).`);
  return 0;
}

if (process.argv[1] && import.meta.url === pathToFileURL(path.resolve(process.argv[1])).href) {
  process.exitCode = main(process.argv.slice(2));
}
