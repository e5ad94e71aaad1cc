// Excel.WorksheetProtection (worksheet.protection, ExcelApi 1.2): `protected`, `protect()`,
// `unprotect()`. What protection refuses is decided where writes happen (common.ts `writable`:
// any write to a protected sheet is AccessDenied); the whole-request rollback on AccessDenied is
// in protocol.ts.
//
// Real Excel behaviour modelled: a protected sheet refuses writes with AccessDenied.
//
// Kinder than real Excel: `protect()` of a sheet already protected succeeds (Excel: "Fails if the
// worksheet has already been protected"); protection options and the password are ignored, so
// `unprotect()` needs no password; a request that raises AccessDenied leaves nothing applied
// (Excel applies the batch up to the failing action).

import { alive } from './common.js';
import type { Handler, ProtectionObj } from './types.js';

export const protection: Handler<ProtectionObj> = {
  method(o, name, _call, host) {
    switch (name) {
      case 'Protect':
        alive(host, o.sheet).protected = true;
        return null;
      case 'Unprotect':
        alive(host, o.sheet).protected = false;
        return null;
    }
    return undefined;
  },

  scalars: (o, host) => ({ Protected: () => alive(host, o.sheet).protected }),
};
