/**
 * The Excel versions the add-in claims, as the highest ExcelApi set each supports, from Microsoft's
 * "Excel JavaScript API requirement sets" table
 * (https://learn.microsoft.com/javascript/api/requirement-sets/excel/excel-api-requirement-sets)
 * and "Shared runtime requirement sets"
 * (https://learn.microsoft.com/javascript/api/requirement-sets/common/shared-runtime-requirement-sets).
 * The contract suite runs once per version with the client and the fake host told exactly this.
 */
import { compareVersions } from '../../test-hosts/excel/load-excel-client';

export interface ExcelVersion {
  name: string;
  /** Highest ExcelApi set. */
  excelApi: string;
  sharedRuntime: boolean;
}

export const excelVersions: readonly ExcelVersion[] = [
  { name: 'Microsoft 365 (Windows), Excel on the web, Excel for Mac', excelApi: '1.20', sharedRuntime: true },
  { name: 'Excel 2024', excelApi: '1.17', sharedRuntime: true },
  { name: 'Excel 2021', excelApi: '1.14', sharedRuntime: true },
  { name: 'Excel 2019', excelApi: '1.7', sharedRuntime: false },
];

/** Excel 2016 (volume-licensed) has ExcelApi 1.1 only: below the manifest's ExcelApi 1.7, so Office does not offer the add-in there. */
export const excel2016: ExcelVersion = { name: 'Excel 2016', excelApi: '1.1', sharedRuntime: false };

/** Office.context.requirements for that version. */
export function setsOf(v: ExcelVersion): (name: string, version: string) => boolean {
  return (name, version) => {
    if (name === 'ExcelApi') return compareVersions(version, v.excelApi) <= 0;
    if (name === 'SharedRuntime') return v.sharedRuntime && compareVersions(version, '1.1') <= 0;
    // Consulted by the client itself when it computes request flags.
    if (name === 'RichApiRuntimeFlag') return compareVersions(version, '1.2') <= 0;
    return false;
  };
}
