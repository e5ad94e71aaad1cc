/**
 * Adds the sample plan as one more worksheet, "CIP Monitoring", to a workbook saved by Excel.
 * Touches only xl/workbook.xml, xl/_rels/workbook.xml.rels and [Content_Types].xml, and adds
 * xl/worksheets/sheetN.xml; every other entry keeps its bytes. The new sheet needs no styles:
 * inline strings, plain numbers, dates as text.
 */
import { strToU8, zipSync, type Zippable } from 'fflate';
import { cipSept2018, type SampleCell } from '../../fixtures/cip-sept-2018';
import { escapeXml, NS, readRels, readSheets, scanTags, tagAttr, unzip, utf8 } from './ooxml';

export const MONITORING_SHEET = cipSept2018.sheetName;

const WORKSHEET_CT = 'application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml';
const WORKSHEET_REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet';

export function columnLetter(index0: number): string {
  let n = index0 + 1;
  let s = '';
  while (n > 0) {
    const m = (n - 1) % 26;
    s = String.fromCharCode(65 + m) + s;
    n = Math.floor((n - 1) / 26);
  }
  return s;
}

/** A fixture cell as the text or number written to the sheet: `{date}` becomes 'DD/MM/YYYY' text. */
export function cellContent(cell: SampleCell): string | number | null {
  if (cell === null || typeof cell === 'number' || typeof cell === 'string') return cell;
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(cell.date);
  if (!m) throw new Error(`not an ISO date: ${cell.date}`);
  return `${m[3]}/${m[2]}/${m[1]}`;
}

/** The plan as written: rows[0] is sheet row 1. */
export const planRows: (string | number | null)[][] = cipSept2018.rows.map((r) => r.map(cellContent));

const headings = planRows[cipSept2018.headerRow - 1] ?? [];
const statusIndex = headings.indexOf('Status');
const refIndex = headings.indexOf('Ref');
if (statusIndex < 0 || refIndex < 0) throw new Error('fixture header row has no Ref or Status column');

/** Column letter of the status column, from the fixture's header row. */
export const STATUS_COLUMN = columnLetter(statusIndex);
export const STATUS_INDEX = statusIndex;
export const REF_INDEX = refIndex;

/** Action rows (1-based sheet rows) with their ref and status as injected. Theme headings have no status. */
export const actionRows: { row: number; ref: string; status: string }[] = planRows.flatMap((r, i) => {
  const status = r[statusIndex];
  const ref = r[refIndex];
  return i >= cipSept2018.headerRow && typeof status === 'string' && status !== '' ? [{ row: i + 1, ref: String(ref), status }] : [];
});

function cellXml(ref: string, v: string | number): string {
  if (typeof v === 'number') {
    if (!Number.isFinite(v)) throw new Error(`not a finite number at ${ref}`);
    return `<c r="${ref}"><v>${v}</v></c>`;
  }
  // Leading/trailing spaces ("completed ") and newlines survive only with xml:space.
  const space = /^\s|\s$|\n/.test(v) ? ' xml:space="preserve"' : '';
  return `<c r="${ref}" t="inlineStr"><is><t${space}>${escapeXml(v)}</t></is></c>`;
}

/** The monitoring sheet part, self-contained (no s= attributes, no shared strings). */
export function monitoringSheetXml(): string {
  const width = Math.max(...planRows.map((r) => r.length));
  const rows = planRows
    .map((r, i) => {
      const cells = r.flatMap((v, c) => (v === null || v === '' ? [] : [cellXml(`${columnLetter(c)}${i + 1}`, v)]));
      return cells.length ? `<row r="${i + 1}">${cells.join('')}</row>` : '';
    })
    .join('');
  const merges = cipSept2018.merges.map((m) => `<mergeCell ref="${m}"/>`).join('');
  return (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n' +
    `<worksheet xmlns="${NS.main[0]}" xmlns:r="${NS.rel[0]}">` +
    `<dimension ref="A1:${columnLetter(width - 1)}${planRows.length}"/>` +
    `<sheetData>${rows}</sheetData>` +
    `<mergeCells count="${cipSept2018.merges.length}">${merges}</mergeCells>` +
    '</worksheet>'
  );
}

export interface Injection {
  bytes: Uint8Array;
  /** Zip entry name of the new sheet, e.g. xl/worksheets/sheet3.xml. */
  part: string;
  sheetId: number;
  relId: string;
}

/** Prefix declarations (prefix → URI) on the first element's start tag. */
function rootNamespaces(xml: string): Map<string, string> {
  const root = scanTags(xml).next().value;
  const out = new Map<string, string>();
  if (!root) return out;
  for (const m of root.text.matchAll(/\sxmlns(?::([\w.-]+))?\s*=\s*("([^"]*)"|'([^']*)')/g)) out.set(m[1] ?? '', m[3] ?? m[4] ?? '');
  return out;
}

/** Inserts `insert` just before the closing tag of the (single) element with this local name. */
function insertBeforeClose(xml: string, local: string, insert: (prefix: string) => string): string {
  for (const t of scanTags(xml)) {
    if (t.kind === 'close' && t.local === local) {
      const qname = /^<\/([^\s>]+)/.exec(t.text)?.[1] ?? local;
      const prefix = qname.includes(':') ? qname.slice(0, qname.indexOf(':') + 1) : '';
      return xml.slice(0, t.start) + insert(prefix) + xml.slice(t.start);
    }
  }
  throw new Error(`no </${local}> to insert before`);
}

function required(entries: Map<string, Uint8Array>, name: string): string {
  const u8 = entries.get(name);
  if (!u8) throw new Error(`no ${name} in the package`);
  return utf8(u8);
}

/** The corpus workbook's bytes with the monitoring sheet appended last. */
export function injectPlan(input: Uint8Array): Injection {
  return injectSheet(input, MONITORING_SHEET, monitoringSheetXml());
}

/** Any worksheet appended last, the same way. */
export function injectSheet(input: Uint8Array, name: string, sheetXml: string): Injection {
  const entries = unzip(input);
  const workbook = required(entries, 'xl/workbook.xml');
  const rels = required(entries, 'xl/_rels/workbook.xml.rels');
  const types = required(entries, '[Content_Types].xml');

  const sheets = readSheets(workbook);
  if (sheets.some((s) => s.name.toLowerCase() === name.toLowerCase())) throw new Error(`already has a sheet '${name}'`);
  const sheetId = Math.max(0, ...sheets.map((s) => Number(s.sheetId) || 0)) + 1;

  const relIds = new Set(readRels(rels).map((r) => r.id));
  let relN = Math.max(0, ...[...relIds].map((id) => Number(/^rId(\d+)$/.exec(id)?.[1] ?? 0))) + 1;
  while (relIds.has(`rId${relN}`)) relN++;
  const relId = `rId${relN}`;

  // Part names are case-insensitive in OPC; also avoid any name [Content_Types].xml already claims.
  const taken = new Set([...entries.keys()].map((n) => n.toLowerCase()));
  for (const t of scanTags(types)) {
    const name = t.local === 'Override' ? tagAttr(t.text, 'PartName') : undefined;
    if (name) taken.add(name.replace(/^\//, '').toLowerCase());
  }
  let n = Math.max(0, ...[...taken].map((p) => Number(/^xl\/worksheets\/sheet(\d+)\.xml$/.exec(p)?.[1] ?? 0))) + 1;
  while (taken.has(`xl/worksheets/sheet${n}.xml`)) n++;
  const part = `xl/worksheets/sheet${n}.xml`;

  // The r: prefix the workbook already binds; else declare one on the new element.
  const ns = rootNamespaces(workbook);
  const relPrefix = [...ns].find(([p, uri]) => p !== '' && (NS.rel as readonly string[]).includes(uri))?.[0];
  const ridAttr = relPrefix ? `${relPrefix}:id="${relId}"` : `xmlns:pmr="${NS.rel[0]}" pmr:id="${relId}"`;
  const newWorkbook = insertBeforeClose(workbook, 'sheets', (p) => `<${p}sheet name="${escapeXml(name)}" sheetId="${sheetId}" ${ridAttr}/>`);
  const newRels = insertBeforeClose(rels, 'Relationships', (p) => `<${p}Relationship Id="${relId}" Type="${WORKSHEET_REL}" Target="worksheets/sheet${n}.xml"/>`);
  const newTypes = insertBeforeClose(types, 'Types', (p) => `<${p}Override PartName="/${part}" ContentType="${WORKSHEET_CT}"/>`);

  const out: Zippable = {};
  for (const [entry, data] of entries) {
    if (entry === 'xl/workbook.xml') out[entry] = strToU8(newWorkbook);
    else if (entry === 'xl/_rels/workbook.xml.rels') out[entry] = strToU8(newRels);
    else if (entry === '[Content_Types].xml') out[entry] = strToU8(newTypes);
    else out[entry] = data;
  }
  out[part] = strToU8(sheetXml);
  return { bytes: zipSync(out, { level: 6 }), part, sheetId, relId };
}
