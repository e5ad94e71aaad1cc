/// <reference lib="dom" />
/**
 * Loads the Word renderer (src/report/docx-in-browser.ts) into the page the first time it is needed,
 * once: from its script file beside the task pane and the preview, or, in the Sheets sidebar, from
 * the text the server hands over (Apps Script serves no files of its own to a sidebar).
 */
import type { ReportModel } from '../../shared/report/report-model';

/** The report model as the bytes of a .docx file. */
export type DocxRenderer = (model: ReportModel) => Promise<Uint8Array>;

/** The global the renderer's script sets. */
export const docxGlobal = 'PlanMonitorDocx';

/** A loader for the renderer: `load` brings its script into the page; a failed load is tried again next time. */
export function docxLoader(load: () => Promise<void>): () => Promise<DocxRenderer> {
  let pending: Promise<DocxRenderer> | null = null;
  return () => {
    pending ??= load().then(() => {
      const render = (globalThis as unknown as Record<string, unknown>)[docxGlobal];
      if (typeof render !== 'function') throw new Error('The Word document maker did not load. Close the panel, open it again and try once more.');
      return render as DocxRenderer;
    });
    pending.catch(() => (pending = null));
    return pending;
  };
}

/** Loads a script by URL (relative to the page). */
export function scriptFromUrl(url: string): () => Promise<void> {
  return () =>
    new Promise((resolve, reject) => {
      const script = document.createElement('script');
      script.src = url;
      script.onload = () => resolve();
      script.onerror = () => reject(new Error('The Word document maker could not be downloaded. Check the connection, then try again.'));
      document.head.append(script);
    });
}

/**
 * Runs a script given as text: the body of a `<script>…</script>` include, as Apps Script's
 * HtmlService hands out a file's content.
 */
export function runScriptText(include: string): void {
  const body = /^\s*<script>([\s\S]*)<\/script>\s*$/.exec(include)?.[1];
  if (body === undefined) throw new Error('The Word document maker did not load. Close the sidebar, open it again and try once more.');
  const script = document.createElement('script');
  script.textContent = body;
  document.head.append(script);
}
