// A fake Excel "RichApi" host: it answers the requests Microsoft's real Excel JavaScript client
// sends on context.sync() from an in-memory FakeWorkbook. This entry file holds FakeExcelHost —
// its options, its per-request statistics, the payload limits of Excel on the web and the
// Range/RangeAreas references the client holds — and re-exports the rest of the package, so
// importers need only this file (and load-excel-client.ts). The protocol core is protocol.ts,
// the members of each Excel object type are in objects/, the requirement sets in api-sets.ts,
// the workbook model in fake-workbook.ts and model/. See README.md for the whole map.
//
// Real Excel behaviour modelled: request and response bodies over 5 MB fail with
// RequestPayloadSizeLimitExceeded / ResponsePayloadSizeLimitExceeded, which the real bridge
// reports as Office errors 5103/5104 (Excel on the web; `maxRequestBytes`, `maxResponseBytes`);
// a refused response has still run. The client addresses a Range/RangeAreas of an earlier sync
// by a reference id until Excel.run releases it.
//
// Kinder than real Excel: see protocol.ts (null objects unless `strictNullObjects`, atomic
// AccessDenied, no failures from outside the request) and each file of objects/.

import { type SupportedSets, requireVersion } from './api-sets.js';
import { FakeWorkbook, type WorkbookState } from './fake-workbook.js';
import type { Target } from './objects/types.js';
import { type ProtocolHost, type RequestStats, type RichApiRequest, type RichApiResponse, executeRequest } from './protocol.js';

export { FakeWorkbook, FakeSheet, normaliseColor, DEFAULT_FORMAT } from './fake-workbook.js';
export type { CellFormat, CellRecord, CellValue, SheetVisibility, WorkbookSnapshot, SheetSnapshot, FormatPatch, ChartSnapshot, ChartSeriesSnapshot, ChartSeriesBy } from './fake-workbook.js';
export { HostError } from './a1.js';
export { API_SETS } from './api-sets.js';
export { ACTION_KINDS } from './protocol.js';
export type { RequestStats, RichApiAction, RichApiArgumentInfo, RichApiError, RichApiObjectPath, RichApiQueryInfo, RichApiRequest, RichApiResponse } from './protocol.js';

// ---------- options and statistics ----------

export interface FakeExcelHostOptions {
  /** Request body limit in bytes (Excel on the web: 5 MB). Infinity for desktop-like behaviour. */
  maxRequestBytes?: number;
  /** Response body limit in bytes (Excel on the web: 5 MB). */
  maxResponseBytes?: number;
  /** Longest address string getRange/getRanges accept (Excel: 8,192 characters). */
  maxAddressLength?: number;
  /** Largest range whose grid properties (values, text…) a load returns; beyond it Excel returns null. */
  maxReadCells?: number;
  /**
   * Requirement sets this Excel supports. Members from a newer ExcelApi set fail with ApiNotFound
   * (see API_SETS). Default: whatever Office.context.requirements of the client it is installed
   * on says (so useGlobals({ supportedSets }) narrows both), or everything when used directly.
   */
  supportedSets?: (name: string, version: string) => boolean;
  /**
   * Be strict about null objects (default false: kind). Kindly, anything asked of a null object
   * (an `*OrNullObject` result that found nothing, or anything reached from one) answers null.
   * Strictly, only the isNullObject query itself is answered (Instantiate, `load('isNullObject')`);
   * any other load, method call, navigation or property write on a null object fails the request
   * with GeneralException — an assumed code, as no document says what such an Excel reports.
   */
  strictNullObjects?: boolean;
}

export type HostReply =
  | { ok: true; responseText: string; body: RichApiRequest; stats: RequestStats }
  | { ok: false; officeJsErrorCode: number; code: string; message: string; body: RichApiRequest | null; stats: RequestStats };

/** Office's bridge error numbers (OSF ErrorCodeManager) that the client maps to these codes. */
export const OFFICE_JS_ERROR = { RequestPayloadSizeLimitExceeded: 5103, ResponsePayloadSizeLimitExceeded: 5104 } as const;

interface HostState {
  book: WorkbookState;
  refs: Map<string, Target>;
  nextRef: number;
}

export class FakeExcelHost implements ProtocolHost {
  readonly book: FakeWorkbook;
  readonly options: Required<Omit<FakeExcelHostOptions, 'supportedSets'>>;
  /** Requirement-set predicate in force (see FakeExcelHostOptions.supportedSets); null = all supported. */
  supportedSets: SupportedSets;
  /** One entry per request received (including ones that failed). */
  stats: RequestStats[] = [];
  private readonly refs = new Map<string, Target>();
  private nextRef = 1;
  private current: RequestStats | null = null;

  constructor(book: FakeWorkbook = new FakeWorkbook(), options: FakeExcelHostOptions = {}) {
    this.book = book;
    this.options = {
      maxRequestBytes: options.maxRequestBytes ?? 5 * 1024 * 1024,
      maxResponseBytes: options.maxResponseBytes ?? 5 * 1024 * 1024,
      maxAddressLength: options.maxAddressLength ?? 8192,
      maxReadCells: options.maxReadCells ?? 5_000_000,
      strictNullObjects: options.strictNullObjects ?? false,
    };
    this.supportedSets = options.supportedSets ?? null;
  }

  /** Number of Range/RangeAreas references the client holds (Excel.run should release all of them). */
  liveReferences(): number {
    return this.refs.size;
  }

  lastRequest(): RequestStats | undefined {
    return this.stats[this.stats.length - 1];
  }

  resetStats(): void {
    this.stats = [];
  }

  /**
   * Entry point for the bridge: the request body text as the client sends it. Enforces the
   * payload limits of Excel on the web, which the real bridge reports as Office error 5103/5104
   * (the client turns them into RequestPayloadSizeLimitExceeded / ResponsePayloadSizeLimitExceeded).
   */
  handleRequestText(text: string): HostReply {
    const stats = this.newStats(Buffer.byteLength(text));
    this.stats.push(stats);
    if (stats.requestBytes > this.options.maxRequestBytes) {
      stats.error = 'RequestPayloadSizeLimitExceeded';
      return {
        ok: false,
        officeJsErrorCode: OFFICE_JS_ERROR.RequestPayloadSizeLimitExceeded,
        code: stats.error,
        message: `The request payload size (${stats.requestBytes} bytes) has exceeded the limit (${this.options.maxRequestBytes} bytes).`,
        body: null,
        stats,
      };
    }
    const body = JSON.parse(text) as RichApiRequest;
    const response = this.execute(body, stats);
    const responseText = JSON.stringify(response);
    stats.responseBytes = Buffer.byteLength(responseText);
    if (stats.responseBytes > this.options.maxResponseBytes) {
      // Like Excel on the web, the request has run; only its answer is refused.
      stats.error = 'ResponsePayloadSizeLimitExceeded';
      return {
        ok: false,
        officeJsErrorCode: OFFICE_JS_ERROR.ResponsePayloadSizeLimitExceeded,
        code: stats.error,
        message: `The response payload size (${stats.responseBytes} bytes) has exceeded the limit (${this.options.maxResponseBytes} bytes).`,
        body,
        stats,
      };
    }
    return { ok: true, responseText, body, stats };
  }

  /** Executes a parsed request (no payload limits). */
  processQuery(body: RichApiRequest): RichApiResponse {
    const stats = this.newStats(Buffer.byteLength(JSON.stringify(body)));
    this.stats.push(stats);
    return this.execute(body, stats);
  }

  private newStats(requestBytes: number): RequestStats {
    return {
      index: this.stats.length,
      requestBytes,
      responseBytes: 0,
      actionCount: 0,
      actions: {},
      members: {},
      cleanupOnly: false,
      calcSuspended: false,
      screenUpdatingSuspended: false,
      error: null,
    };
  }

  private execute(body: RichApiRequest, stats: RequestStats): RichApiResponse {
    this.current = stats;
    return executeRequest(this, body, stats);
  }

  // ---------- what the protocol core and the handlers ask of the host ----------

  requireVersion(label: string, version: string): void {
    requireVersion(this.supportedSets, label, version);
  }

  suspendScreenUpdating(): void {
    if (this.current) this.current.screenUpdatingSuspended = true;
  }

  keep(obj: Target): string {
    if (!obj.ref) {
      obj.ref = `{FAKE-${obj.t === 'Range' ? 'R' : 'RA'}-${String(this.nextRef++).padStart(6, '0')}}`;
      this.refs.set(obj.ref, obj);
    }
    return obj.ref;
  }

  referenced(ref: string): Target | undefined {
    return this.refs.get(ref);
  }

  releaseReference(ref: string): void {
    this.refs.delete(ref);
  }

  checkpoint(): () => void {
    const saved: HostState = { book: this.book.captureState(), refs: new Map(this.refs), nextRef: this.nextRef };
    return () => {
      this.book.restoreState(saved.book);
      this.refs.clear();
      for (const [k, v] of saved.refs) this.refs.set(k, v);
      this.nextRef = saved.nextRef;
    };
  }
}
