// The ExcelApi requirement set of each member the fake implements, where above 1.1 (from
// @types/office-js, whose text is the learn.microsoft.com reference), and the checks that refuse a
// member this Excel's sets lack.
//
// Real Excel behaviour modelled: an Excel that lacks a member's set answers ApiNotFound ("The API
// you are trying to use could not be found. It may be available in a newer version of …"), and a
// load of every property (`load()` without names) leaves out the properties it does not know.
// Which sets an Excel has follows FakeExcelHostOptions.supportedSets (by default what
// Office.context.requirements of the installed client says).
//
// Kinder than real Excel: a member missing from this table counts as ExcelApi 1.1, so a gap here
// lets a newer member through on an older Excel.

import { HostError } from './a1.js';

/**
 * ExcelApi set of the members the fake implements, where above 1.1 (from @types/office-js).
 * The client in this build does not enforce requirement sets itself (its
 * CommonUtility._doApiNotSupportedCheck stays false), so an older Excel is the one refusing:
 * the fake answers ApiNotFound for members of sets it does not support.
 */
export const API_SETS: Readonly<Record<string, string>> = {
  'Range.GetIntersectionOrNullObject': '1.4',
  'Range.GetResizedRange': '1.2',
  'Range.GetAbsoluteResizedRange': '1.7',
  'Range.GetRowsAbove': '1.2',
  'Range.GetRowsBelow': '1.2',
  'Range.GetColumnsBefore': '1.2',
  'Range.GetColumnsAfter': '1.2',
  'Range.GetUsedRangeOrNullObject': '1.4',
  'Range.GetMergedAreas': '1.13',
  'Range.GetMergedAreasOrNullObject': '1.13',
  'Range.Merge': '1.2',
  'Range.Unmerge': '1.2',
  'Range.GetSpecialCells': '1.9',
  'Range.GetSpecialCellsOrNullObject': '1.9',
  'Range.SetCellProperties': '1.9',
  'Range.GetCellProperties': '1.9',
  'Range._ValidateArraySize': '1.3',
  'Range.RowHidden': '1.2',
  'Range.ColumnHidden': '1.2',
  'Range.Hidden': '1.2',
  'Range.IsEntireColumn': '1.7',
  'Range.IsEntireRow': '1.7',
  'Range.NumberFormatLocal': '1.7',
  'Range.Top': '1.10',
  'Range.Left': '1.10',
  'Range.Height': '1.10',
  'Range.Width': '1.10',
  'Worksheet.GetRanges': '1.9',
  'Worksheet.GetRangeByIndexes': '1.7',
  'Worksheet.GetUsedRangeOrNullObject': '1.4',
  'Worksheet.GetNext': '1.5',
  'Worksheet.GetNextOrNullObject': '1.5',
  'Worksheet.GetPrevious': '1.5',
  'Worksheet.GetPreviousOrNullObject': '1.5',
  'Worksheet.Protection': '1.2',
  'Worksheet.TabColor': '1.7',
  'Worksheet.Calculate': '1.6',
  'WorksheetCollection.GetItemOrNullObject': '1.4',
  'WorksheetCollection.GetCount': '1.4',
  'WorksheetCollection.GetFirst': '1.5',
  'WorksheetCollection.GetLast': '1.5',
  'Application.SuspendApiCalculationUntilNextSync': '1.6',
  'Application.SuspendScreenUpdatingUntilNextSync': '1.9',
  'RangeFormat.ColumnWidth': '1.2',
  'RangeFormat.RowHeight': '1.2',
  'RangeFormat.AutofitColumns': '1.2',
  'RangeFormat.AutofitRows': '1.2',
  'Workbook.GetActiveCell': '1.7',
  'Workbook.Functions': '1.2',
  'Workbook.Name': '1.7',
  'WorksheetProtection.Protect': '1.2',
  'WorksheetProtection.Unprotect': '1.2',
  'WorksheetProtection.Protected': '1.2',
  'ChartCollection.GetItemOrNullObject': '1.4',
  'ChartCollection.GetCount': '1.4',
  'ChartSeriesCollection.GetCount': '1.4',
  'Chart.ChartType': '1.7',
  'Chart.Id': '1.7',
  'Chart.PlotBy': '1.8',
  'Chart.Worksheet': '1.2',
};

/** Which requirement sets this Excel supports; null: all of them. */
export type SupportedSets = ((name: string, version: string) => boolean) | null;

/** The ExcelApi version a member needs (RangeAreas and its collection are ExcelApi 1.9 throughout). */
export function versionOf(type: string, member: string): string | undefined {
  return type === 'RangeAreas' || type === 'RangeCollection' ? '1.9' : API_SETS[`${type}.${member}`];
}

/** Throws ApiNotFound when this Excel lacks the ExcelApi `version`; `label` names the member. */
export function requireVersion(supported: SupportedSets, label: string, version: string): void {
  if (!supported || supported('ExcelApi', version)) return;
  throw new HostError('ApiNotFound', `The API you are trying to use could not be found. It may be available in a newer version of Excel. (${label} needs ExcelApi ${version})`, 404);
}

/** Whether this Excel knows a property: a load of every property leaves out the ones it does not. */
export function supports(supported: SupportedSets, type: string, member: string): boolean {
  const version = API_SETS[`${type}.${member}`];
  return !version || !supported || supported('ExcelApi', version);
}
