// Excel.Workbook: the root of every object path (context.workbook).
//
// Real Excel behaviour modelled: `worksheets`, `application`, `functions` (ExcelApi 1.2), `name`
// (1.7); `getSelectedRange()` fails when more than one range is selected (the fake answers
// InvalidOperation); `getActiveCell()` (1.7) is the first cell of the selection.
// `_RemoveReference` is how the client releases the ranges Excel.run tracked (its cleanup batch).
//
// Kinder than real Excel: nothing known. The fake's own choice: with no selection recorded on the
// active sheet, the selection is its A1.

import { invalidOperation, itemNotFound } from '../a1.js';
import { cellArea } from '../fake-workbook.js';
import { rangeObj } from './common.js';
import type { Handler, WorkbookObj } from './types.js';

export const workbook: Handler<WorkbookObj> = {
  navigate(_o, name) {
    switch (name) {
      case 'Worksheets':
        return { t: 'WorksheetCollection' };
      case 'Application':
        return { t: 'Application' };
      case 'Functions':
        return { t: 'Functions' };
    }
    return undefined;
  },

  method(_o, name, { args }, host) {
    switch (name) {
      case '_RemoveReference':
        host.releaseReference(String(args[0]));
        return null;
      case 'GetSelectedRange':
      case 'GetActiveCell': {
        const sel = host.book.selection;
        const active = host.book.activeSheet;
        if (!active) throw itemNotFound('no active worksheet');
        if (!sel || sel.sheet !== active) return rangeObj(active, cellArea(0, 0));
        const first = sel.areas[0] ?? cellArea(0, 0);
        if (name === 'GetActiveCell') return rangeObj(sel.sheet, cellArea(first.r0, first.c0));
        if (sel.areas.length > 1) throw invalidOperation('the selection has more than one area');
        return rangeObj(sel.sheet, first);
      }
    }
    return undefined;
  },

  scalars: (_o, host) => ({ Name: () => host.book.name }),
};
