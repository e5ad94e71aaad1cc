// Messages Apps Script gives that more than one fake object throws. Google does not document its
// error texts; these are quoted from public code and issue reports (README.md, "Behaviour").
// A message only one object throws lives with that object (lock-service.ts, range.ts).

import { AppsScriptException, typeName } from './values';

export const PROTECTED = 'You are trying to edit a protected cell or object. Please contact the spreadsheet owner to remove protection if you need to edit.';

export function signature(cls: string, method: string, args: unknown[]): AppsScriptException {
  return new AppsScriptException(`The parameters (${args.map(typeName).join(',')}) don't match the method signature for SpreadsheetApp.${cls}.${method}.`);
}
