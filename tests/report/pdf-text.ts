/**
 * What a printed PDF shows, read with pdf.js (pdfjs-dist, Mozilla's PDF reader): each page's size in
 * points and its lines of text from top to bottom, with their font size. Enough to assert page
 * counts, page numbers and what ends each page.
 */
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';

export interface PdfLine {
  text: string;
  /** Points from the top of the page. */
  top: number;
  /** The largest font size on the line, in points. */
  size: number;
}

export interface PdfPage {
  width: number;
  height: number;
  lines: PdfLine[];
}

interface TextItem {
  str: string;
  transform: number[];
  height: number;
}

/** The pages of a PDF, each as lines of text (items on one baseline joined), top first. */
export async function readPdf(bytes: Uint8Array): Promise<PdfPage[]> {
  const doc = await getDocument({ data: new Uint8Array(bytes), useSystemFonts: false, isEvalSupported: false, verbosity: 0 }).promise;
  const pages: PdfPage[] = [];
  try {
    for (let n = 1; n <= doc.numPages; n++) {
      const page = await doc.getPage(n);
      const [, , width = 0, height = 0] = page.view;
      const content = await page.getTextContent();
      const byLine = new Map<number, { items: { x: number; str: string }[]; size: number }>();
      for (const item of content.items as TextItem[]) {
        if (typeof item.str !== 'string' || item.str.trim() === '') continue;
        const [a = 0, b = 0, , , x = 0, y = 0] = item.transform;
        const top = Math.round(height - y);
        const line = byLine.get(top) ?? { items: [], size: 0 };
        line.items.push({ x, str: item.str });
        line.size = Math.max(line.size, Math.round(Math.hypot(a, b) * 10) / 10);
        byLine.set(top, line);
      }
      const lines = [...byLine.entries()]
        .sort(([t1], [t2]) => t1 - t2)
        .map(([top, l]) => ({ top, size: l.size, text: l.items.sort((p, q) => p.x - q.x).map((i) => i.str).join(' ').replace(/\s+/g, ' ').trim() }));
      pages.push({ width, height, lines });
    }
  } finally {
    await doc.destroy();
  }
  return pages;
}
