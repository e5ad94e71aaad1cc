import type { CheckedPlan } from '../check-plan';
import type { PeriodComparison } from '../history/compare';
import { activePalette, type Settings } from '../settings/settings';
import type { ThemeRollup } from '../summary/themes';
import { statusFills, type FillGroup } from '../rag/status-fills';
import { buildSummarySheet, chooseSummarySheetName, type SheetInfo, type SummarySheetChoice, type SummarySheetPlan } from '../summary/summary-sheet';

/** What a host must write, and nothing else: hosts execute it and never compute. */
export interface EditPlan {
  /** The monitoring sheet whose status cells are coloured. */
  sheet: string;
  fills: FillGroup[];
  /** Null when the caller asked only for colours. */
  summary: SummarySheetPlan | null;
  summaryChoice: SummarySheetChoice | null;
}

export interface EditPlanOptions {
  colours: boolean;
  summary: boolean;
  /** The plan beside its recorded periods, and the theme roll-up, for the summary sheet. */
  comparison?: PeriodComparison | undefined;
  themes?: ThemeRollup[] | undefined;
  /** Every sheet in the workbook with its A1 value, to pick the summary sheet's name safely. */
  sheets: readonly SheetInfo[];
}

export function buildEditPlan(checked: CheckedPlan, settings: Settings, options: EditPlanOptions): EditPlan {
  const palette = activePalette(settings);
  const statusCol = checked.header.columns.status?.col;
  const fills = options.colours && statusCol !== undefined ? statusFills(checked.assessments, statusCol, palette) : [];
  let summary: SummarySheetPlan | null = null;
  let summaryChoice: SummarySheetChoice | null = null;
  if (options.summary) {
    summaryChoice = chooseSummarySheetName(settings.summarySheet, options.sheets);
    summary = buildSummarySheet(checked.summary, { name: summaryChoice.name, palette, dueSoonDays: settings.dueSoonDays, comparison: options.comparison, themes: options.themes });
  }
  return { sheet: checked.sheet, fills, summary, summaryChoice };
}
