// The add-in's icons in assets/, drawn by scripts/make-icons.mjs from Fluent UI System Icons: every
// size of every icon is there at its exact pixel size and is not blank, the ribbon ones are plain
// outlines on a transparent background, and `--check` passes on the committed files and fails when
// one is missing or altered (always on a temporary copy: the real assets are never touched).
import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, unlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { decode, encode } from 'fast-png';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const root = path.resolve(__dirname, '../..');
const assets = path.join(root, 'assets');

/** What the issue asks for: the add-in icon plus one per ribbon button, each at every size. */
const RIBBON = ['check', 'colours', 'summary', 'panel', 'record'];
const ALL = ['icon', ...RIBBON];
/** Every icon size an Office manifest accepts (ribbon 16/32/80 and their high-DPI scalings). */
const OFFICE_SIZES = [16, 20, 24, 32, 40, 48, 64, 80];
/** The add-in icon also comes at Google Workspace Marketplace's 128 x 128 application-icon size. */
const sizesOf = (name: string) => (name === 'icon' ? [...OFFICE_SIZES, 128] : OFFICE_SIZES);
const expectedFiles = ALL.flatMap((name) => sizesOf(name).map((s) => `${name}-${s}.png`)).sort();

interface IconsModule {
  icons: Record<string, { glyph: string; style?: 'regular' | 'filled'; tile?: boolean }>;
  sizesFor(name: string): number[];
  designSizes(glyph: string, style?: 'regular' | 'filled'): number[];
  pickDesignSize(available: number[], size: number): number;
  iconSvg(name: string, size: number): { designSize: number; svg: string };
  ribbonInk: string;
  tileFill: string;
}

/** scripts/make-icons.mjs is plain JavaScript with no type declarations: import it untyped, then type it. */
async function loadIcons(): Promise<IconsModule> {
  const specifier = '../../scripts/make-icons.mjs';
  return (await import(/* @vite-ignore */ specifier)) as IconsModule;
}

function runIcons(args: string[]) {
  const r = spawnSync(process.execPath, [path.join(root, 'scripts', 'make-icons.mjs'), ...args], { encoding: 'utf8', cwd: root });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

interface Image {
  width: number;
  height: number;
  /** Straight RGBA, 4 bytes a pixel. */
  rgba: Uint8Array;
}

function readPng(file: string): Image {
  const img = decode(readFileSync(file));
  expect(img.depth, `${path.basename(file)}: bit depth`).toBe(8);
  expect(img.channels, `${path.basename(file)}: RGBA`).toBe(4);
  return { width: img.width, height: img.height, rgba: img.data as Uint8Array };
}

const hex = (c: string) => [1, 3, 5].map((i) => parseInt(c.slice(i, i + 2), 16));
const alphaAt = (img: Image, x: number, y: number) => img.rgba[(y * img.width + x) * 4 + 3] ?? -1;
const pixelAt = (img: Image, x: number, y: number) => Array.from(img.rgba.subarray((y * img.width + x) * 4, (y * img.width + x) * 4 + 4));

function alphaStats(img: Image) {
  const n = img.width * img.height;
  let transparent = 0;
  let opaque = 0;
  let coverage = 0;
  for (let i = 0; i < n; i++) {
    const a = img.rgba[i * 4 + 3] ?? 0;
    if (a === 0) transparent++;
    if (a === 255) opaque++;
    coverage += a / 255;
  }
  return { transparent: transparent / n, opaque, coverage: coverage / n };
}

describe('assets/ icons', () => {
  let mod: IconsModule;
  beforeAll(async () => {
    mod = await loadIcons();
  });

  it('the script draws exactly the icons and sizes asked for, and assets/ holds them all', () => {
    expect(Object.keys(mod.icons).sort()).toEqual([...ALL].sort());
    for (const name of ALL) expect(mod.sizesFor(name), name).toEqual(sizesOf(name));
    const onDisk = readdirSync(assets).filter((f) => f.endsWith('.png')).sort();
    expect(onDisk).toEqual(expectedFiles);
  });

  it.each(expectedFiles)('%s has its exact pixel size and is not blank', (file) => {
    const size = Number(/-(\d+)\.png$/.exec(file)?.[1]);
    const img = readPng(path.join(assets, file));
    expect({ width: img.width, height: img.height }).toEqual({ width: size, height: size });
    expect(alphaStats(img).opaque, 'fully opaque pixels').toBeGreaterThan(0);
  });

  it.each(RIBBON.flatMap((name) => OFFICE_SIZES.map((s) => `${name}-${s}.png`)))(
    '%s is a plain outline in the ribbon grey on a transparent background',
    (file) => {
      const img = readPng(path.join(assets, file));
      const last = img.width - 1;
      for (const [x, y] of [[0, 0], [last, 0], [0, last], [last, last]] as const) expect(alphaAt(img, x, y), `corner ${x},${y}`).toBe(0);
      const { transparent, coverage } = alphaStats(img);
      expect(transparent, 'share of fully transparent pixels').toBeGreaterThan(0.5);
      // An outline, not a filled shape: the ink covers well under half the canvas.
      expect(coverage, 'ink coverage').toBeLessThan(0.35);
      // One ink colour: every visible pixel is the ribbon grey, up to the rounding of un-premultiplying.
      const ink = hex(mod.ribbonInk);
      for (let i = 0; i < img.width * img.height; i++) {
        const a = img.rgba[i * 4 + 3] ?? 0;
        if (a < 32) continue;
        const tolerance = 1 + 255 / a;
        for (let c = 0; c < 3; c++) expect(Math.abs((img.rgba[i * 4 + c] ?? 0) - (ink[c] ?? 0)), `pixel ${i} channel ${c}`).toBeLessThanOrEqual(tolerance);
      }
    },
  );

  it.each(sizesOf('icon').map((s) => `icon-${s}.png`))('%s is a white glyph on the brand-coloured tile', (file) => {
    const img = readPng(path.join(assets, file));
    const mid = Math.floor(img.height / 2);
    expect(pixelAt(img, 0, mid), 'tile at the left edge').toEqual([...hex(mod.tileFill), 255]);
    expect(alphaStats(img).coverage, 'the tile fills the canvas').toBeGreaterThan(0.9);
    let white = 0;
    for (let i = 0; i < img.width * img.height; i++) if (pixelAt(img, i % img.width, Math.floor(i / img.width)).every((v) => v === 255)) white++;
    expect(white, 'white glyph pixels').toBeGreaterThan(0);
  });

  it('draws each size from the smallest Fluent design size at or above it (or the largest there is)', () => {
    expect(mod.pickDesignSize([16, 20, 24, 28, 32, 48], 40)).toBe(48);
    expect(mod.pickDesignSize([16, 20, 24, 28, 32, 48], 20)).toBe(20);
    expect(mod.pickDesignSize([16, 20, 24], 32)).toBe(24);
    expect(mod.pickDesignSize([20, 24], 16)).toBe(20);
    for (const name of RIBBON) {
      const available = mod.designSizes(mod.icons[name]?.glyph ?? '');
      for (const size of OFFICE_SIZES) {
        const expected = available.find((d) => d >= size) ?? Math.max(...available);
        const { designSize, svg } = mod.iconSvg(name, size);
        expect(designSize, `${name} at ${size}`).toBe(expected);
        expect(svg).toContain(`viewBox="0 0 ${expected} ${expected}"`);
        expect(svg).toContain(`width="${size}" height="${size}"`);
      }
    }
  });
});

describe('node scripts/make-icons.mjs --check', () => {
  let dir: string;
  beforeAll(() => {
    dir = mkdtempSync(path.join(tmpdir(), 'pm-icons-'));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  /** A fresh copy of the committed assets in its own folder under dir. */
  function copyOfAssets(label: string): string {
    const copy = path.join(dir, label);
    cpSync(assets, copy, { recursive: true });
    return copy;
  }

  it('passes on the committed assets', () => {
    const r = runIcons(['--check']);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
  });

  it('passes on an untouched copy, and on one re-encoded with the same pixels (it compares pixels, not bytes)', () => {
    const copy = copyOfAssets('reencoded');
    expect(runIcons(['--check', '--assets', copy]).code).toBe(0);
    const file = path.join(copy, 'summary-32.png');
    const img = decode(readFileSync(file));
    const again = Buffer.from(encode({ width: img.width, height: img.height, data: img.data, channels: img.channels, depth: img.depth }));
    expect(again.equals(readFileSync(file))).toBe(false);
    writeFileSync(file, again);
    const r = runIcons(['--check', '--assets', copy]);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
  });

  it('fails, naming the file, when one icon is replaced by another', () => {
    const copy = copyOfAssets('swapped');
    writeFileSync(path.join(copy, 'check-32.png'), readFileSync(path.join(copy, 'panel-32.png')));
    const r = runIcons(['--check', '--assets', copy]);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('check-32.png');
    expect(r.stderr).not.toContain('panel-32.png');
  });

  it('fails when a single pixel is altered', () => {
    const copy = copyOfAssets('one-pixel');
    const file = path.join(copy, 'record-16.png');
    const img = decode(readFileSync(file));
    const data = new Uint8Array(img.data);
    data[3] = data[3] === 0 ? 255 : 0; // the top-left pixel's alpha
    writeFileSync(file, encode({ width: img.width, height: img.height, data, channels: img.channels, depth: img.depth }));
    const r = runIcons(['--check', '--assets', copy]);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('record-16.png');
  });

  it('fails, naming the file, when one is missing', () => {
    const copy = copyOfAssets('missing');
    unlinkSync(path.join(copy, 'icon-128.png'));
    const r = runIcons(['--check', '--assets', copy]);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('icon-128.png');
  });

  it('writes the whole set into an empty folder, which then checks clean', () => {
    const out = path.join(dir, 'fresh');
    const w = runIcons(['--assets', out]);
    expect(w.stderr).toBe('');
    expect(w.code).toBe(0);
    expect(readdirSync(out).sort()).toEqual(expectedFiles);
    expect(runIcons(['--check', '--assets', out]).code).toBe(0);
  });

  it('refuses an unknown argument', () => {
    const r = runIcons(['--chek']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('Unknown argument --chek');
  });
});
