/// <reference lib="dom" />
/**
 * The chart's PNG for the Word document, in a browser (the task pane, the sidebar, the preview): the
 * SVG drawn on a canvas at twice its size, on white, as resvg draws it in Node. A host whose webview
 * will not draw the SVG, or taints the canvas, gets null, and the document carries the chart's text
 * alternative in its place instead of failing.
 */
import type { PngForSvg } from './docx-report';

const scale = 2;

function loaded(img: HTMLImageElement): Promise<boolean> {
  return new Promise((resolve) => {
    img.onload = () => resolve(true);
    img.onerror = () => resolve(false);
  });
}

export const canvasPngForSvg: PngForSvg = async (svg, width, height) => {
  const img = new Image(width * scale, height * scale);
  const ready = loaded(img);
  // A data: URL rather than a blob: one, since a sandboxed page (Apps Script's) may not load blob: images.
  img.src = `data:image/svg+xml;charset=utf-8,${encodeURIComponent(svg)}`;
  if (!(await ready)) return null;
  const canvas = document.createElement('canvas');
  canvas.width = width * scale;
  canvas.height = height * scale;
  const context = canvas.getContext('2d');
  if (!context) return null;
  context.fillStyle = '#FFFFFF';
  context.fillRect(0, 0, canvas.width, canvas.height);
  context.drawImage(img, 0, 0, canvas.width, canvas.height);
  try {
    const blob = await new Promise<Blob | null>((resolve) => canvas.toBlob(resolve, 'image/png'));
    return blob ? new Uint8Array(await blob.arrayBuffer()) : null;
  } catch {
    // A tainted canvas (a webview that treats the SVG as cross-origin) refuses to export.
    return null;
  }
};
