/// <reference lib="dom" />
/**
 * The Word renderer as a script of its own (dist/report-docx.js, and dist/gas/DocxRenderer.html for
 * Sheets), loaded by the panel only when the officer asks for a .docx: docx and its zip library are
 * some 77 KB gzipped, which the task pane's 100 KB budget cannot carry on every opening. It puts one
 * function on the page's global object, which src/ui/docx-loader.ts picks up.
 */
import { renderDocx } from './docx-report';
import { canvasPngForSvg } from './png-in-browser';
import { docxGlobal, type DocxRenderer } from '../ui/docx-loader';

const render: DocxRenderer = (model) => renderDocx(model, { pngForSvg: canvasPngForSvg });
(globalThis as unknown as Record<string, unknown>)[docxGlobal] = render;
