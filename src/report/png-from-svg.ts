/**
 * The chart's PNG for the Word document, in Node: resvg (@resvg/resvg-js), a self-contained SVG
 * renderer that npm installs as a ready-built binary. It is a runtime dependency because the CLI
 * draws the chart when it writes a .docx. In a browser, a canvas can do the same job behind the same
 * `PngForSvg` signature (src/report/docx-report.ts).
 *
 * resvg is loaded with a require made at run time: its native binary cannot be bundled, so esbuild
 * must leave it to Node to find in node_modules beside the built CLI.
 */
import { createRequire } from 'node:module';
import type { PngForSvg } from './docx-report';

interface ResvgModule {
  Resvg: new (svg: string, options: Record<string, unknown>) => { render(): { asPng(): Uint8Array } };
}

let resvg: ResvgModule | null | undefined;

/** resvg, or null where it is not installed (the one-file CLI copied to a machine without npm). */
function load(): ResvgModule | null {
  if (resvg === undefined) {
    try {
      resvg = createRequire(__filename)('@resvg/resvg-js') as ResvgModule;
    } catch {
      resvg = null;
    }
  }
  return resvg;
}

/**
 * The SVG as a PNG `scale` times its own size (2 by default: sharp when Word prints it), on white,
 * or null where resvg is not installed. Text uses the machine's fonts (the chart asks for Arial,
 * Helvetica or any sans-serif).
 */
export function pngFromSvg(scale = 2): PngForSvg | null {
  const mod = load();
  if (!mod) return null;
  return (svg, width) => new mod.Resvg(svg, { fitTo: { mode: 'width', value: Math.round(width * scale) }, background: '#FFFFFF', font: { loadSystemFonts: true }, logLevel: 'off' }).render().asPng();
}
