/**
 * Notes on how a run read the workbook, as data (code and values); `renderNote` gives the sentence
 * the panel, the Sheets menu and the CLI show.
 */
export type RunNote =
  | { code: 'hidden-rows'; data: { sheet: string; count: number; rows: string } }
  | { code: 'filter-on'; data: { sheet: string } }
  | { code: 'some-hidden'; data: { sheet: string } }
  | { code: 'settings-row'; data: { sheet: string; row: number; field: string; problem: string } }
  | { code: 'history-bad-as-of'; data: { sheet: string; row: number; text: string } }
  | { code: 'history-no-identity'; data: { sheet: string; row: number } }
  | { code: 'history-two-as-of-dates'; data: { sheet: string; row: number; period: string; used: string } };

export function renderNote(n: RunNote): string {
  switch (n.code) {
    case 'hidden-rows': {
      const { count: c, sheet, rows } = n.data;
      return `${c} action${c === 1 ? ' is' : 's are'} in hidden or filtered-out rows of '${sheet}' (row${c === 1 ? '' : 's'} ${rows}): ${c === 1 ? 'it was' : 'they were'} still checked and counted.`;
    }
    // Each is one host's limit: Google Sheets cannot list filtered rows in a constant number of calls, Excel before ExcelApi 1.9 cannot list hidden rows.
    case 'filter-on':
      return `'${n.data.sheet}' has a filter on. Every row was checked and counted, including any the filter hides (Google Sheets does not tell add-ons which rows those are).`;
    case 'some-hidden':
      return `Some rows of '${n.data.sheet}' are hidden or filtered out. Every row was checked and counted, hidden or not (this version of Excel does not tell add-ins which rows are hidden).`;
    case 'settings-row':
      return `The settings sheet '${n.data.sheet}', row ${n.data.row}: '${n.data.field}' ${n.data.problem}. Plan Monitor used the default instead.`;
    case 'history-bad-as-of':
      return `The history sheet '${n.data.sheet}', row ${n.data.row}: the as-of date “${n.data.text}” is not a date written as YYYY-MM-DD, so this row was left out.`;
    case 'history-no-identity':
      return `The history sheet '${n.data.sheet}', row ${n.data.row}: it has neither a ref nor an action, so this row was left out.`;
    case 'history-two-as-of-dates':
      return `The history sheet '${n.data.sheet}', row ${n.data.row}: period “${n.data.period}” has two as-of dates; the first one (${n.data.used}) was used.`;
  }
}
