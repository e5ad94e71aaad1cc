/// <reference types="office-js" />
// Loads Microsoft's real Excel JavaScript client (the unmodified excel-web-16.00.debug.js build of
// @microsoft/office-js, pinned) into a jsdom window and wires it to a FakeExcelHost.
//
// How the wiring works (HOOK B of the proof in ../shared/excel-richapi-proof): add-in code calls
// Excel.run(…) exactly as in a task pane. On every context.sync() the client serialises its
// queued commands into one RichApi request and hands it to the Office host bridge,
// OSF.DDA.RichApi.executeRichApiRequestAsync(message, callback). We define that bridge: message[4]
// is the JSON body, message[6] the request flags (bit 1 = the batch writes). The fake host answers
// and the callback fires on a later macrotask (setTimeout 0), as the real bridge does.
//
// Every call of the bridge is one round trip. Excel.run ends with a fire-and-forget batch of
// `_RemoveReference` calls releasing the ranges it tracked; with
// OfficeExtension.Utility._synchronousCleanup = true the client awaits that batch before
// Excel.run resolves, so counts are deterministic. Those cleanup batches are recorded but not
// counted as syncs.

import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { type DOMWindow, JSDOM } from 'jsdom';
import type { FakeExcelHost } from './fake-excel-host.js';
import { type RichApiRequest, isCleanupOnly } from './protocol.js';

/** Captured at load so that tests using fake timers cannot stall the bridge. */
const realSetTimeout = globalThis.setTimeout;

export const CLIENT_BUILD = 'excel-web-16.00.debug.js';
let clientSource: string | null = null;

function readClientSource(): string {
  if (clientSource === null) {
    const require = createRequire(import.meta.url);
    const dist = path.join(path.dirname(require.resolve('@microsoft/office-js/package.json')), 'dist');
    clientSource = readFileSync(path.join(dist, CLIENT_BUILD), 'utf8');
  }
  return clientSource;
}

export interface TransportRequest {
  /** Request flags the client computed (1 = contains writes). */
  flags: number;
  /** Request body size: Buffer.byteLength of the JSON text. */
  bytes: number;
  /** Number of actions in the request. */
  actions: number;
  /** The parsed request body ({Actions, ObjectPaths}). */
  body: unknown;
  responseBytes: number;
  /** Only `_RemoveReference` calls: Excel.run's cleanup, not counted as a sync. */
  cleanup: boolean;
  /** Error code the request failed with (host error or payload limit), or null. */
  error: string | null;
}

export interface Transport {
  /** Every round trip, in order, including cleanup batches. */
  readonly requests: TransportRequest[];
  /** Round trips the add-in caused: all requests except cleanup-only ones. */
  syncs(): number;
  /** All round trips, cleanup batches included. */
  rawRequestCount(): number;
  largestRequestBytes(): number;
  totalRequestBytes(): number;
  /** Forgets the recorded requests (the host and workbook are untouched). */
  reset(): void;
  /** Removes the bridge; later syncs fail as they would outside Office. */
  uninstall(): void;
}

export interface OfficeContextStub {
  requirements: { isSetSupported(name: string, version?: string | number): boolean };
  host: string;
  platform: string;
  diagnostics: { host: string; platform: string; version: string };
}

export interface ExcelClient {
  window: DOMWindow;
  Excel: typeof Excel;
  OfficeExtension: typeof OfficeExtension;
  /** What Office.context returns inside the client's window (and in globalThis.Office after useGlobals). */
  officeContext: OfficeContextStub;
  /** Answers the client's requests from this host from now on (replacing any earlier host). */
  install(host: FakeExcelHost): Transport;
  /** Closes the jsdom window. */
  close(): void;
}

type SupportedSets = (name: string, version: string) => boolean;

/** Compares dotted versions numerically ("1.10" > "1.9"). */
export function compareVersions(a: string, b: string): number {
  const pa = a.split('.').map(Number);
  const pb = b.split('.').map(Number);
  for (let i = 0; i < Math.max(pa.length, pb.length); i++) {
    const d = (pa[i] ?? 0) - (pb[i] ?? 0);
    if (d !== 0) return d < 0 ? -1 : 1;
  }
  return 0;
}

/** Requirement sets of a current Excel: ExcelApi up to 1.17 (plus the client's own runtime-flag set). */
export function defaultSupportedSets(name: string, version: string): boolean {
  if (name === 'ExcelApi') return compareVersions(version, '1.17') <= 0;
  // Consulted by the client itself when it computes request flags; a current host supports it.
  if (name === 'RichApiRuntimeFlag') return compareVersions(version, '1.2') <= 0;
  return false;
}

/** Office.context.requirements for a predicate (version defaults to "1.1", as in Office). */
export function requirementsFor(supported: SupportedSets): { isSetSupported(name: string, version?: string | number): boolean } {
  return {
    isSetSupported: (name: string, version?: string | number): boolean => supported(String(name), version === undefined || version === null ? '1.1' : String(version)),
  };
}

interface OfficeWindow {
  OSF?: { DDA?: { RichApi?: Record<string, unknown> }; _OfficeAppFactory?: { getContext(): unknown } };
}

/**
 * Creates a jsdom window (https://localhost/taskpane.html), evaluates the Excel client in it and
 * returns its Excel and OfficeExtension namespaces. Each call gives a fresh, independent client.
 * The window's Office.context.requirements answers defaultSupportedSets. The client consults it
 * (request flags; writes over 1,500 cells are split only from ExcelApi 1.3) but, in this build,
 * never refuses an API itself; an installed FakeExcelHost follows the same predicate and answers
 * ApiNotFound for members of unsupported sets. useGlobals can narrow the sets.
 */
export function loadExcelClient(): ExcelClient {
  const dom = new JSDOM('<!doctype html><html><head></head><body></body></html>', {
    url: 'https://localhost/taskpane.html',
    runScripts: 'outside-only',
    pretendToBeVisual: true,
  });
  const window = dom.window;
  window.eval(readClientSource());
  const Excel = window.Excel as typeof globalThis.Excel | undefined;
  const OfficeExtensionNs = window.OfficeExtension as typeof globalThis.OfficeExtension | undefined;
  if (!Excel || typeof Excel.RequestContext !== 'function' || !OfficeExtensionNs) throw new Error(`${CLIENT_BUILD} did not define Excel.RequestContext`);
  // Await Excel.run's cleanup batch (_RemoveReference) before Excel.run resolves: deterministic counts.
  (OfficeExtensionNs as unknown as { Utility: { _synchronousCleanup: boolean } }).Utility._synchronousCleanup = true;
  const w = window as unknown as OfficeWindow;
  // Office.context is a getter over OSF._OfficeAppFactory.getContext(), a factory the office.js
  // bootstrap normally creates (this build alone does not); provide it with a context stub.
  const officeContext: OfficeContextStub = {
    requirements: requirementsFor(defaultSupportedSets),
    host: 'Excel',
    platform: 'OfficeOnline',
    diagnostics: { host: 'Excel', platform: 'OfficeOnline', version: '16.0' },
  };
  const osfRoot = (w.OSF ??= {});
  osfRoot._OfficeAppFactory ??= { getContext: () => officeContext };

  const install = (host: FakeExcelHost): Transport => {
    const requests: TransportRequest[] = [];
    // Unless told otherwise, the host supports what Office.context.requirements reports.
    host.supportedSets ??= (name, version) => officeContext.requirements.isSetSupported(name, version);
    const osf = (w.OSF ??= {});
    const dda = (osf.DDA ??= {});
    const bridge = (dda.RichApi ??= {});
    const execute = (message: unknown[], callback: (result: unknown) => void): void => {
      const text = String(message[4]);
      const flags = Number(message[6] ?? 0);
      const reply = host.handleRequestText(text);
      const body: RichApiRequest = reply.body ?? (JSON.parse(text) as RichApiRequest);
      const actions = Array.isArray(body.Actions) ? body.Actions : [];
      requests.push({
        flags,
        bytes: reply.stats.requestBytes,
        actions: actions.length,
        body,
        responseBytes: reply.stats.responseBytes,
        cleanup: isCleanupOnly(actions),
        error: reply.stats.error,
      });
      const result = reply.ok
        ? { status: 'succeeded', value: { data: [200, [], reply.responseText] } }
        : { status: 'failed', error: { code: reply.officeJsErrorCode, message: reply.message } };
      realSetTimeout(() => callback(result), 0);
    };
    bridge.executeRichApiRequestAsync = execute;
    return {
      requests,
      syncs: () => requests.filter((r) => !r.cleanup).length,
      rawRequestCount: () => requests.length,
      largestRequestBytes: () => requests.reduce((m, r) => Math.max(m, r.bytes), 0),
      totalRequestBytes: () => requests.reduce((n, r) => n + r.bytes, 0),
      reset: () => {
        requests.length = 0;
      },
      uninstall: () => {
        if (bridge.executeRichApiRequestAsync === execute) delete bridge.executeRichApiRequestAsync;
      },
    };
  };

  return { window, Excel, OfficeExtension: OfficeExtensionNs, officeContext, install, close: () => window.close() };
}

export interface GlobalsOptions {
  /** Which requirement sets Office.context.requirements.isSetSupported reports (default: defaultSupportedSets). */
  supportedSets?: SupportedSets;
}

/**
 * Makes the client the task pane's globals: globalThis.Excel, globalThis.OfficeExtension and a
 * minimal globalThis.Office (context.requirements.isSetSupported, context.host/platform,
 * onReady, HostType). The same requirements apply inside the client's window and in the installed
 * host, so calling an API from an unsupported set fails with ApiNotFound (answered by the host, as
 * by an older Excel). Returns a restore function.
 */
export function useGlobals(client: ExcelClient, options: GlobalsOptions = {}): () => void {
  const g = globalThis as Record<string, unknown>;
  const names = ['Excel', 'OfficeExtension', 'Office'] as const;
  const saved = names.map((n) => [n, Object.getOwnPropertyDescriptor(g, n)] as const);
  const ctx = client.officeContext;
  const savedRequirements = ctx.requirements;
  ctx.requirements = requirementsFor(options.supportedSets ?? defaultSupportedSets);
  const info = { host: ctx.host, platform: ctx.platform };
  g.Excel = client.Excel;
  g.OfficeExtension = client.OfficeExtension;
  g.Office = {
    context: ctx,
    HostType: { Excel: 'Excel' },
    PlatformType: { OfficeOnline: 'OfficeOnline', PC: 'PC', Mac: 'Mac' },
    onReady: (callback?: (i: typeof info) => void): Promise<typeof info> => {
      callback?.(info);
      return Promise.resolve(info);
    },
  };
  return () => {
    for (const [n, d] of saved) {
      if (d) Object.defineProperty(g, n, d);
      else delete g[n];
    }
    ctx.requirements = savedRequirements;
  };
}
