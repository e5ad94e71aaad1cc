// Excel.Application (context.workbook.application): calculation and screen updating.
//
// Real Excel behaviour modelled: `suspendApiCalculationUntilNextSync()` (ExcelApi 1.6) and
// `suspendScreenUpdatingUntilNextSync()` (1.9) last until the next sync, so they are recorded per
// request (`host.stats[i].calcSuspended` / `.screenUpdatingSuspended`). `calculationMode` always
// reads "Automatic".
//
// Kinder than real Excel: `calculate()` is a no-op that cannot fail (the fake has no formulas to
// recalculate).

import type { ApplicationObj, Handler } from './types.js';

export const application: Handler<ApplicationObj> = {
  method(_o, name, _call, host) {
    switch (name) {
      case 'SuspendApiCalculationUntilNextSync':
        host.book.calcSuspended = true;
        return null;
      case 'SuspendScreenUpdatingUntilNextSync':
        host.suspendScreenUpdating();
        return null;
      case 'Calculate':
        return null;
    }
    return undefined;
  },

  scalars: () => ({ CalculationMode: () => 'Automatic' }),
};
