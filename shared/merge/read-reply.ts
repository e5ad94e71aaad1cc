/**
 * A reply to an update request, read from the workbook the officer sent back: the sheet that holds
 * the request's marker, its columns found by their headings (so a reply saved by any spreadsheet
 * still reads), and one row per action with what the officer typed and what was sent.
 */
import { cellAddress } from '../grid/a1';
import { cellText, datePrecisionAt, isBlank, isDateAt, valueAt, type CellValue, type GridSnapshot } from '../grid/grid';
import { parseIdentity, type RequestIdentity } from '../requests/request-identity';
import { requestHeadings, requestMarker, type RequestColumn } from '../requests/update-request';
import type { WorkbookSnapshot } from '../workbook/workbook';

export interface ReplyCell {
  /** The reply's cell ("E5"). */
  cell: string;
  value: CellValue;
  isDate: boolean;
  precision: 'month' | 'year' | undefined;
}

export interface ReplyRow {
  /** 1-based row in the reply's sheet. */
  row: number;
  /** Null when the identity cell was changed into something else. */
  identity: RequestIdentity | null;
  cells: Record<RequestColumn, ReplyCell>;
}

export interface ReplySheet {
  sheet: string;
  rows: ReplyRow[];
}

/** How far down the marker and the headings may have been moved. */
const searchRows = 20;

function markerAt(grid: GridSnapshot): number | null {
  for (let r = 0; r < Math.min(grid.values.length, searchRows); r++) if ((grid.values[r] ?? []).some((v) => v === requestMarker)) return r;
  return null;
}

function columnsAt(grid: GridSnapshot, r: number): Record<RequestColumn, number> | null {
  const cells = grid.values[r] ?? [];
  const out: Partial<Record<RequestColumn, number>> = {};
  for (const [k, heading] of Object.entries(requestHeadings) as [RequestColumn, string][]) {
    const c = cells.findIndex((v) => cellText(v) === heading);
    if (c < 0) return null;
    out[k] = c;
  }
  return out as Record<RequestColumn, number>;
}

/** The reply's request sheet, or null when the workbook holds none (not a reply to a request). */
export function readReply(workbook: WorkbookSnapshot): ReplySheet | null {
  for (const s of workbook.sheets) {
    const g = s.grid;
    const marker = markerAt(g);
    if (marker === null) continue;
    let header = -1;
    let cols: Record<RequestColumn, number> | null = null;
    for (let r = marker; r < Math.min(g.values.length, marker + searchRows) && !cols; r++) {
      cols = columnsAt(g, r);
      header = r;
    }
    if (!cols) continue;
    const found = cols;
    const rows: ReplyRow[] = [];
    for (let r = header + 1; r < g.values.length; r++) {
      const at = (k: RequestColumn): ReplyCell => {
        const c = found[k];
        return { cell: cellAddress(g.top + r, g.left + c), value: valueAt(g, r, c), isDate: isDateAt(g, r, c), precision: datePrecisionAt(g, r, c) };
      };
      const cells = Object.fromEntries((Object.keys(requestHeadings) as RequestColumn[]).map((k) => [k, at(k)])) as Record<RequestColumn, ReplyCell>;
      // A row without an identity is not one the request sent (the foot of the sheet, a note typed below).
      if (isBlank(cells.identity.value)) continue;
      const id = cells.identity.value;
      rows.push({ row: g.top + r, identity: parseIdentity(typeof id === 'string' ? id : cellText(id)), cells });
    }
    return { sheet: s.name, rows };
  }
  return null;
}
