import { widestRow } from '../../shared/grid/grid';
import { cellAddress, parseCellAddress } from '../../shared/grid/a1';
import { lookDump, type LookDump, type SheetDump } from '../contract/adapter-contract';
import { summaryMarker } from '../../shared/summary/summary-sheet';
import type { HostileSheet } from '../contract/adapters';
import { createFakeAppsScript, type FakeAppsScript, type FakeCell, type FakeSetup } from '../../test-hosts/apps-script/fake-apps-script';

/** A fake spreadsheet holding these sheets: dates as Date cells at London midnight, as Sheets returns them. */
export function fakeSpreadsheet(sheets: HostileSheet[], files: Record<string, string> = {}, extra: Partial<FakeSetup> = {}): FakeAppsScript {
  return createFakeAppsScript({
    ...extra,
    timeZone: 'Europe/London',
    files,
    sheets: sheets.map((s) => ({
      name: s.name,
      // A formula's own result is the fake's to work out (it shows #NAME? for any it cannot evaluate).
      rows: s.rows.map((r) => r.map((v): FakeCell => (v !== null && typeof v === 'object' ? ('date' in v ? londonMidnight(v.date) : v.formula) : v))),
      // A user's "=…" text is literal in their sheet (typed with an apostrophe, or in a plain-text cell).
      numberFormats: s.rows.map((r) => r.map((v) => (typeof v === 'string' && v.startsWith('=') ? '@' : v !== null && typeof v === 'object' && 'date' in v ? (v.format ?? null) : null))),
      ...(s.merges ? { merges: s.merges } : {}),
      ...(s.hidden ? { hidden: true } : {}),
      ...(s.hiddenRows ? { hiddenRows: s.hiddenRows } : {}),
      ...(s.filteredRows ? { filter: { range: `A1:${cellAddress(Math.max(1, s.rows.length), Math.max(1, widestRow(s.rows)))}`, hiddenRows: s.filteredRows } } : {}),
      ...(s.fills ? { backgrounds: backgroundsOf(s.fills) } : {}),
      ...(s.protected ? { protected: true } : {}),
    })),
  });
}

/** Fills by A1 as the fake's 2-D backgrounds. */
function backgroundsOf(fills: Record<string, string>): (string | null)[][] {
  const grid: (string | null)[][] = [];
  for (const [addr, fill] of Object.entries(fills)) {
    const at = parseCellAddress(addr);
    if (!at) throw new Error(`bad address ${addr}`);
    const row = (grid[at.row - 1] ??= []);
    row[at.col - 1] = fill;
  }
  return Array.from(grid, (r) => Array.from(r ?? [], (v) => v ?? null));
}

/** Midnight in London on that day (BST is UTC+1 from late March to late October). */
export function londonMidnight(iso: string): Date {
  const utc = new Date(`${iso}T00:00:00Z`);
  const y = utc.getUTCFullYear();
  const lastSunday = (month: number) => {
    const d = new Date(Date.UTC(y, month + 1, 0));
    return Date.UTC(y, month, d.getUTCDate() - d.getUTCDay(), 1);
  };
  const bst = utc.getTime() >= lastSunday(2) && utc.getTime() < lastSunday(9);
  return new Date(utc.getTime() - (bst ? 3_600_000 : 0));
}

export function dumpSpreadsheet(fake: FakeAppsScript): SheetDump[] {
  return fake.book.sheets.map((s) => {
    const values: SheetDump['values'] = {};
    const fills: SheetDump['fills'] = {};
    const formulas: string[] = [];
    const looks: Record<string, LookDump> = {};
    const isSummary = s.cells.get('A1')?.value === summaryMarker;
    for (const c of s.cells.values()) {
      const addr = cellAddress(c.row, c.column);
      const look = isSummary ? lookDump({ bold: c.fontWeight === 'bold', italic: c.fontStyle === 'italic', size: c.fontSize, fontColour: c.fontColor, wrap: c.wrap }) : null;
      if (look) looks[addr] = look;
      if (c.formula !== null) {
        values[addr] = c.formula;
        formulas.push(addr);
      } else if (c.value instanceof Date) values[addr] = c.value.toISOString();
      else if (c.value !== null && c.value !== '') values[addr] = c.value as string | number | boolean;
      if (c.background) fills[addr] = c.background.toUpperCase();
    }
    return { name: s.name, visibility: s.hidden ? 'hidden' : 'visible', values, fills, formulas: formulas.sort(), ...(isSummary ? { looks } : {}) };
  });
}
