// A1 addresses and the host's error type, shared by the fake workbook and the fake host.
//
// Row and column indexes are 0-based everywhere in the harness (as in Excel's JS API
// rowIndex/columnIndex); addresses are the usual 1-based A1 text.
//
// Real Excel behaviour modelled: the grid of 1,048,576 rows × 16,384 columns (A1:XFD1048576);
// sheet-qualified addresses quote sheet names that need it ('My plan'!A1, 'Bob''s'!B2); address
// lists separated by commas or semicolons; Excel's error codes and their en-US messages.
// Kinder than real Excel: nothing known.

/** Last row / column index of an Excel worksheet (1,048,576 rows, 16,384 columns: XFD). */
export const MAX_ROW = 1048575;
export const MAX_COL = 16383;

/** A rectangle of cells, inclusive, 0-based. */
export interface Area {
  r0: number;
  c0: number;
  r1: number;
  c1: number;
}

/**
 * An error the fake host returns to the client as `{"Error":{"Code":…}}`; the real client
 * turns it into an `OfficeExtension.Error` with the same `code`.
 */
export class HostError extends Error {
  readonly code: string;
  readonly httpStatusCode: number;
  constructor(code: string, message: string, httpStatusCode = 400) {
    super(message);
    this.name = 'HostError';
    this.code = code;
    this.httpStatusCode = httpStatusCode;
  }
}

// Excel's own messages for the codes the fake raises (en-US).
export const MESSAGES = {
  InvalidArgument: 'The argument is invalid or missing or has an incorrect format.',
  ItemNotFound: "The requested resource doesn't exist.",
  ItemAlreadyExists: 'A resource with the same name or identifier already exists.',
  InvalidOperation: 'The requested operation is invalid.',
  AccessDenied: 'You cannot perform the requested operation.',
  NotImplemented: "The requested feature isn't implemented.",
  GeneralException: 'There was an internal error while processing the request.',
} as const;

export function invalidArgument(detail?: string): HostError {
  return new HostError('InvalidArgument', detail ? `${MESSAGES.InvalidArgument} (${detail})` : MESSAGES.InvalidArgument, 400);
}
export function itemNotFound(detail?: string): HostError {
  return new HostError('ItemNotFound', detail ? `${MESSAGES.ItemNotFound} (${detail})` : MESSAGES.ItemNotFound, 404);
}
export function invalidOperation(detail?: string): HostError {
  return new HostError('InvalidOperation', detail ? `${MESSAGES.InvalidOperation} (${detail})` : MESSAGES.InvalidOperation, 400);
}
export function notImplemented(member: string): HostError {
  return new HostError('NotImplemented', `${MESSAGES.NotImplemented} Fake Excel host: ${member} is not implemented.`, 501);
}

export function colToIndex(letters: string): number {
  let n = 0;
  for (const ch of letters.toUpperCase()) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n - 1;
}

export function indexToCol(index: number): string {
  let s = '';
  let n = index + 1;
  while (n > 0) {
    const m = (n - 1) % 26;
    s = String.fromCharCode(65 + m) + s;
    n = Math.floor((n - 1) / 26);
  }
  return s;
}

export function cellA1(r: number, c: number): string {
  return `${indexToCol(c)}${r + 1}`;
}

export function isEntireColumns(a: Area): boolean {
  return a.r0 === 0 && a.r1 === MAX_ROW;
}
export function isEntireRows(a: Area): boolean {
  return a.c0 === 0 && a.c1 === MAX_COL;
}

/** Excel's A1 text of an area: "B2", "A1:C3", "A:C" (whole columns), "2:4" (whole rows). */
export function formatArea(a: Area): string {
  if (isEntireRows(a)) return `${a.r0 + 1}:${a.r1 + 1}`;
  if (isEntireColumns(a)) return `${indexToCol(a.c0)}:${indexToCol(a.c1)}`;
  if (a.r0 === a.r1 && a.c0 === a.c1) return cellA1(a.r0, a.c0);
  return `${cellA1(a.r0, a.c0)}:${cellA1(a.r1, a.c1)}`;
}

/**
 * Sheet name as it appears in an address: bare when it is a plain identifier, otherwise in
 * single quotes with embedded quotes doubled ("'My plan'!A1", "'Bob''s'!A1"). Names that could
 * be read as a cell reference ("A1", "R1C1") or start with a digit are quoted as well.
 */
export function quoteSheetName(name: string): string {
  const plain = /^[A-Za-z_\u00C0-\uFFFF][A-Za-z0-9_.\u00C0-\uFFFF]*$/.test(name);
  const looksLikeRef = /^[A-Za-z]{1,3}\d+$/.test(name) || /^[Rr]\d*[Cc]\d*$/.test(name) || /^[Rr]$|^[Cc]$/.test(name);
  return plain && !looksLikeRef ? name : `'${name.replace(/'/g, "''")}'`;
}

export function qualifiedAddress(sheetName: string, a: Area): string {
  return `${quoteSheetName(sheetName)}!${formatArea(a)}`;
}

export interface ParsedArea {
  sheet: string | null;
  area: Area;
}

/** Parses one area: "B2", "$A$1:$C$3", "A:A", "1:1", "'My plan'!A1:B2", "Plan!C5". */
export function parseArea(text: string): ParsedArea {
  let s = text.trim();
  let sheet: string | null = null;
  const bang = s.lastIndexOf('!');
  if (bang >= 0) {
    const raw = s.slice(0, bang).trim();
    s = s.slice(bang + 1).trim();
    const quoted = /^'((?:[^']|'')+)'$/.exec(raw);
    if (quoted?.[1] !== undefined) sheet = quoted[1].replace(/''/g, "'");
    else if (/^[^'\s!][^'!]*$/.test(raw)) sheet = raw;
    else throw invalidArgument(`sheet name in "${text}"`);
  }
  s = s.replace(/\$/g, '');
  const parts = s.split(':');
  if (parts.length < 1 || parts.length > 2) throw invalidArgument(`address "${text}"`);
  interface End { r?: number; c?: number }
  const one = (p: string): End => {
    let m = /^([A-Za-z]{1,3})(\d{1,7})$/.exec(p);
    if (m?.[1] !== undefined && m[2] !== undefined) return { r: Number(m[2]) - 1, c: colToIndex(m[1]) };
    m = /^([A-Za-z]{1,3})$/.exec(p);
    if (m?.[1] !== undefined) return { c: colToIndex(m[1]) };
    m = /^(\d{1,7})$/.exec(p);
    if (m?.[1] !== undefined) return { r: Number(m[1]) - 1 };
    throw invalidArgument(`address "${text}"`);
  };
  const a = one(parts[0] ?? '');
  const b = parts.length > 1 ? one(parts[1] ?? '') : a;
  const kind = (e: End): string => (e.r !== undefined && e.c !== undefined ? 'cell' : e.r !== undefined ? 'row' : 'col');
  // "A1:B" or "1:A" mix kinds; a lone "A" or "1" is not a range either.
  if (kind(a) !== kind(b) || (parts.length === 1 && kind(a) !== 'cell')) throw invalidArgument(`address "${text}"`);
  const r0 = a.r ?? 0;
  const r1 = b.r ?? MAX_ROW;
  const c0 = a.c ?? 0;
  const c1 = b.c ?? MAX_COL;
  for (const v of [r0, r1]) if (v < 0 || v > MAX_ROW) throw invalidArgument(`row out of range in "${text}"`);
  for (const v of [c0, c1]) if (v < 0 || v > MAX_COL) throw invalidArgument(`column out of range in "${text}"`);
  return { sheet, area: { r0: Math.min(r0, r1), c0: Math.min(c0, c1), r1: Math.max(r0, r1), c1: Math.max(c0, c1) } };
}

/** Splits "A1:A3, C5" / "Plan!A1,'My, plan'!B2" on commas outside quoted sheet names. */
export function splitAddressList(text: string): string[] {
  const out: string[] = [];
  let cur = '';
  let inQuote = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i] ?? '';
    if (ch === "'") {
      if (inQuote && text[i + 1] === "'") {
        cur += "''";
        i++;
        continue;
      }
      inQuote = !inQuote;
      cur += ch;
    } else if ((ch === ',' || ch === ';') && !inQuote) {
      out.push(cur);
      cur = '';
    } else cur += ch;
  }
  out.push(cur);
  if (out.some((p) => p.trim() === '')) throw invalidArgument(`address list "${text}"`);
  return out;
}

export function areaRows(a: Area): number {
  return a.r1 - a.r0 + 1;
}
export function areaCols(a: Area): number {
  return a.c1 - a.c0 + 1;
}
export function areaCells(a: Area): number {
  return areaRows(a) * areaCols(a);
}
export function intersect(a: Area, b: Area): Area | null {
  const r0 = Math.max(a.r0, b.r0);
  const r1 = Math.min(a.r1, b.r1);
  const c0 = Math.max(a.c0, b.c0);
  const c1 = Math.min(a.c1, b.c1);
  return r0 <= r1 && c0 <= c1 ? { r0, c0, r1, c1 } : null;
}
export function boundingArea(a: Area, b: Area): Area {
  return { r0: Math.min(a.r0, b.r0), c0: Math.min(a.c0, b.c0), r1: Math.max(a.r1, b.r1), c1: Math.max(a.c1, b.c1) };
}
export function containsArea(outer: Area, inner: Area): boolean {
  return inner.r0 >= outer.r0 && inner.r1 <= outer.r1 && inner.c0 >= outer.c0 && inner.c1 <= outer.c1;
}
