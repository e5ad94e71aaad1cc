import { dayFromIso, dayFromSerial, isoFromDay, type Day } from '../dates/day';
import { formatParsedDate } from '../dates/format-date';
import type { CheckedPlan } from '../check-plan';
import { cellText, type CellValue, type GridSnapshot } from '../grid/grid';
import { renderNote, type RunNote } from '../run/run-notes';

/**
 * The workbook's own history: a hidden sheet of plain cells, one row per action per recorded period,
 * readable by a person who unhides it, surviving any conversion between Excel, Sheets and .xlsx files.
 */
export const historySheetName = 'Plan Monitor History';
export const historyMarker = 'plan-monitor:history:v1';

export const historyColumns = ['Period', 'As of', 'Recorded at', 'Ref', 'Action', 'Theme', 'Status', 'Target date', 'Revised date', 'Target due', 'Revised due', 'Lead officer', 'Commentary'] as const;

export interface HistoryRecord {
  period: string;
  /** YYYY-MM-DD */
  asOf: string;
  /** When it was recorded, as the host's clock said (ISO date-time). */
  recordedAt: string;
  ref: string | null;
  action: string | null;
  theme: string | null;
  /** The canonical status label, or the text as typed when it was not recognised. */
  status: string;
  /** Dates as the committee reads them ("Sep 2018", "30/11/2018", "TBC"). */
  target: string;
  revised: string;
  /** YYYY-MM-DD of the deadline each stands for, or '' when it is not a date. */
  targetDue: string;
  revisedDue: string;
  /**
   * Lead officer and commentary as they stood. Null when the period was recorded before the history
   * sheet kept them (its header has 11 columns): unknown, which is not the same as empty.
   */
  lead: string | null;
  commentary: string | null;
}

export interface Period {
  label: string;
  asOf: Day;
  recordedAt: string;
  records: HistoryRecord[];
}

export interface HistoryRead {
  /** In as-of order, oldest first. */
  periods: Period[];
  /** Plain-English notes about rows that could not be read (they are left as they are, never rewritten). */
  problems: string[];
  /** The same, as data. */
  problemData: RunNote[];
}

/** The rows of the current plan as one period. */
export function periodRecords(checked: CheckedPlan, label: string, recordedAt: string): HistoryRecord[] {
  const asOf = isoFromDay(checked.asOf);
  // A period records the actions the summary counts; milestones roll up into them.
  return checked.assessments.filter((x) => x.action.milestoneOf === null).map(({ action: a }) => ({
    period: label,
    asOf,
    recordedAt,
    ref: a.ref,
    action: a.action,
    theme: a.theme?.label ?? null,
    status: a.status?.label ?? a.statusText,
    target: formatParsedDate(a.target),
    revised: formatParsedDate(a.revised),
    targetDue: a.target.kind === 'date' ? isoFromDay(a.target.due) : '',
    revisedDue: a.revised.kind === 'date' ? isoFromDay(a.revised.due) : '',
    lead: a.lead ?? '',
    commentary: a.commentary ?? '',
  }));
}

/** Adds a period, replacing any period with the same label (case-insensitive). */
export function withPeriod(history: readonly Period[], period: Period): Period[] {
  const others = history.filter((p) => p.label.toLowerCase() !== period.label.toLowerCase());
  return [...others, period].sort((a, b) => a.asOf - b.asOf);
}

export function historyRows(periods: readonly Period[]): CellValue[][] {
  const rows: CellValue[][] = [
    [historyMarker, 'Recorded by Plan Monitor: one row per action per period. Edit with care; Plan Monitor rewrites this sheet only when you record a period.'],
    [...historyColumns],
  ];
  for (const p of periods) {
    // An older period's unknown lead and commentary are written as empty cells (and read back as empty).
    for (const r of p.records) rows.push([r.period, r.asOf, r.recordedAt, r.ref ?? '', r.action ?? '', r.theme ?? '', r.status, r.target, r.revised, r.targetDue, r.revisedDue, r.lead ?? '', r.commentary ?? '']);
  }
  return rows;
}

const isoDay = /^\d{4}-\d{2}-\d{2}$/;

/** Reads the history sheet; a row edited into nonsense is reported by its row number and skipped. */
export function readHistorySheet(grid: GridSnapshot | null): HistoryRead {
  const problemData: RunNote[] = [];
  const byLabel = new Map<string, Period>();
  const sheet = historySheetName;
  if (!grid) return { periods: [], problems: [], problemData };
  // A sheet written before the lead officer and commentary were kept has no such headings: those stay unknown.
  const headings = grid.values.find((cells) => cellText(cells[0] ?? null) === historyColumns[0]) ?? [];
  const keepsCommentary = cellText(headings[12] ?? null) === 'Commentary';
  grid.values.forEach((cells, i) => {
    const row = grid.top + i;
    const t = (c: number) => cellText(cells[c] ?? null);
    const first = t(0);
    if (first === '' || first === historyMarker || first === historyColumns[0]) return;
    // A date cell may come back as a serial number after a trip through a spreadsheet.
    const asOfRaw = cells[1] ?? null;
    const asOf = typeof asOfRaw === 'number' ? dayFromSerial(asOfRaw) : dayFromIso(t(1));
    if (asOf === null || (typeof asOfRaw !== 'number' && !isoDay.test(t(1)))) {
      problemData.push({ code: 'history-bad-as-of', data: { sheet, row, text: t(1) } });
      return;
    }
    if (t(3) === '' && t(4) === '') {
      problemData.push({ code: 'history-no-identity', data: { sheet, row } });
      return;
    }
    const key = first.toLowerCase();
    let period = byLabel.get(key);
    if (!period) {
      period = { label: first, asOf, recordedAt: t(2), records: [] };
      byLabel.set(key, period);
    } else if (period.asOf !== asOf) {
      problemData.push({ code: 'history-two-as-of-dates', data: { sheet, row, period: first, used: isoFromDay(period.asOf) } });
    }
    const dueOf = (c: number) => (isoDay.test(t(c)) ? t(c) : '');
    period.records.push({
      period: period.label,
      asOf: isoFromDay(period.asOf),
      recordedAt: period.recordedAt,
      ref: t(3) === '' ? null : t(3),
      action: t(4) === '' ? null : t(4),
      theme: t(5) === '' ? null : t(5),
      status: t(6),
      target: t(7),
      revised: t(8),
      targetDue: dueOf(9),
      revisedDue: dueOf(10),
      lead: keepsCommentary ? t(11) : null,
      commentary: keepsCommentary ? t(12) : null,
    });
  });
  return { periods: [...byLabel.values()].sort((a, b) => a.asOf - b.asOf), problems: problemData.map(renderNote), problemData };
}
