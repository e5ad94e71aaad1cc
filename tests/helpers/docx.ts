/**
 * Reading a .docx back in tests: its parts, and each paragraph's style id and text, in document order.
 * Shared by the Node renderer's tests (tests/report) and the panels' download tests (tests/browser).
 */
import { strFromU8, unzipSync } from 'fflate';

export interface DocxParts {
  names: string[];
  text(name: string): string;
  bytes(name: string): Uint8Array;
}

export function docxParts(file: Uint8Array): DocxParts {
  const parts = unzipSync(file);
  const bytes = (name: string): Uint8Array => {
    const p = parts[name];
    if (!p) throw new Error(`no part ${name}`);
    return p;
  };
  return { names: Object.keys(parts), bytes, text: (name) => strFromU8(bytes(name)) };
}

export function paragraphs(xml: string): { style: string | null; text: string }[] {
  return [...xml.matchAll(/<w:p>([\s\S]*?)<\/w:p>/g)].map(([, inner = '']) => ({
    style: /<w:pStyle w:val="([^"]+)"\/>/.exec(inner)?.[1] ?? null,
    text: [...inner.matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((m) => m[1]).join('').replace(/&apos;/g, "'").replace(/&quot;/g, '"').replace(/&amp;/g, '&'),
  }));
}

/** A PNG's width and height in pixels, from its IHDR chunk, or null if the bytes are not a PNG. */
export function pngSize(png: Uint8Array): { width: number; height: number } | null {
  const signature = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
  if (png.length < 24 || signature.some((b, i) => png[i] !== b)) return null;
  const view = new DataView(png.buffer, png.byteOffset + 16, 8);
  return { width: view.getUint32(0), height: view.getUint32(4) };
}
