import type { CellValue } from '../grid/grid';
import type { PreparedRun } from '../run/prepare-run';
import { historyRows, historySheetName, periodRecords, withPeriod } from './history-sheet';

export interface RecordedPeriod {
  sheet: string;
  rows: CellValue[][];
  /** True when a period of that label existed and was replaced. */
  replaced: boolean;
  actions: number;
}

/**
 * The history sheet's new contents with the current plan recorded as `label` (replacing a period of
 * the same label). `recordedAt` is the host's clock, passed in.
 */
export function recordPeriod(run: PreparedRun, label: string, recordedAt: string): RecordedPeriod | { problem: 'empty' | 'too-long' } {
  const name = label.replace(/\s+/g, ' ').trim();
  // Coded, not worded: shared/app/messages.ts says it.
  if (name === '') return { problem: 'empty' };
  if (name.length > 40) return { problem: 'too-long' };
  const replaced = run.history.some((p) => p.label.toLowerCase() === name.toLowerCase());
  const records = periodRecords(run.checked, name, recordedAt);
  const periods = withPeriod(run.history, { label: name, asOf: run.checked.asOf, recordedAt, records });
  return { sheet: historySheetName, rows: historyRows(periods), replaced, actions: records.length };
}
