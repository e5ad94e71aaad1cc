/// <reference lib="dom" />
/**
 * Scripts the panel loads only when the officer first asks for what they do, since the task pane's
 * own script must stay under its 100 KB budget: the report tools (the committee report's use case and
 * the Word renderer: docx and its zip library, some 80 KB gzipped) and the file tools (the .xlsx reader,
 * the merge of replies and the adding of a list's actions). Each is built on its own
 * (src/ui/on-demand/*.ts → dist/<file>, and dist/gas/<include>.html for Sheets) and puts one function
 * on the page's global object. The task pane and the preview load the file beside their page; the
 * Sheets sidebar, which Apps Script serves no files, gets the script's text from the server.
 */
import type { ActionList } from '../../shared/add/plan-additions';
import type { addedMessage, mergedMessage } from '../../shared/app/messages';
import type { addActions, buildCommitteeReport, mergeReplyFiles } from '../../shared/app/use-cases';
import type { ReportModel } from '../../shared/report/report-model';
import type { WorkbookSnapshot } from '../../shared/workbook/workbook';

/** The report model as the bytes of a .docx file. */
export type DocxRenderer = (model: ReportModel) => Promise<Uint8Array>;

/** What the panel needs for the committee report: the use case that builds it, and the Word renderer. */
export interface ReportTools {
  buildCommitteeReport: typeof buildCommitteeReport;
  renderDocx: DocxRenderer;
}

/** An .xlsx file's workbook; throws an Error whose message names the file and what is wrong with it. */
export type XlsxReader = (bytes: Uint8Array, fileName: string) => Promise<WorkbookSnapshot>;

/**
 * What the panel needs to work with workbook files the officer picks: the readers, and the use cases
 * that merge replies and add a list's actions, with their words. They travel together, on demand, so the pane's own script does
 * not carry the merge either.
 */
export interface FileTools {
  readXlsx: XlsxReader;
  mergeReplyFiles: typeof mergeReplyFiles;
  mergedMessage: typeof mergedMessage;
  /** A list of new actions: the first sheet of an .xlsx, or a .csv; throws an Error naming the file. */
  readList(bytes: Uint8Array, fileName: string): Promise<ActionList>;
  addActions: typeof addActions;
  addedMessage: typeof addedMessage;
}

export interface OnDemandScript {
  /** The global the script sets. */
  global: string;
  /** Its file in dist/, beside the task pane. */
  file: string;
  /** Its HtmlService file in dist/gas/ (without .html), which pmPanelScript hands out. */
  include: string;
  /** What it does, for the message when it cannot be loaded. */
  what: string;
}

export const onDemandScripts = {
  report: { global: 'PlanMonitorReport', file: 'report-tools.js', include: 'ReportTools', what: 'The committee report maker' },
  files: { global: 'PlanMonitorFiles', file: 'file-tools.js', include: 'FileTools', what: 'The reply reader' },
} as const satisfies Record<string, OnDemandScript>;

/** How a host brings a script into the page. */
export type ScriptLoader = (script: OnDemandScript) => Promise<void>;

/** What a script sets (a function, or an object of them), loaded the first time it is asked for; a failed load is tried again next time. */
export function onDemand<T>(script: OnDemandScript, load: ScriptLoader): () => Promise<T> {
  let pending: Promise<T> | null = null;
  return () => {
    pending ??= load(script).then(() => {
      const set = (globalThis as unknown as Record<string, unknown>)[script.global];
      if (typeof set !== 'function' && (typeof set !== 'object' || set === null)) throw new Error(`${script.what} did not load. Close the panel, open it again and try once more.`);
      return set as T;
    });
    pending.catch(() => (pending = null));
    return pending;
  };
}

/** Sets what a script gives on the page (the on-demand entries call it). */
export function provide(script: OnDemandScript, fn: ReportTools | FileTools): void {
  (globalThis as unknown as Record<string, unknown>)[script.global] = fn;
}

/** Loads a script from its file beside the page (the task pane, the preview). */
export const scriptBesidePage: ScriptLoader = (script) =>
  new Promise((resolve, reject) => {
    const el = document.createElement('script');
    el.src = `./${script.file}`;
    el.onload = () => resolve();
    el.onerror = () => reject(new Error(`${script.what} could not be downloaded. Check the connection, then try again.`));
    document.head.append(el);
  });

/**
 * Runs a script given as text: the body of a `<script>…</script>` include, as Apps Script's
 * HtmlService hands out a file's content.
 */
export function runScriptText(script: OnDemandScript, include: string): void {
  const body = /^\s*<script>([\s\S]*)<\/script>\s*$/.exec(include)?.[1];
  if (body === undefined) throw new Error(`${script.what} did not load. Close the sidebar, open it again and try once more.`);
  const el = document.createElement('script');
  el.textContent = body;
  document.head.append(el);
}
