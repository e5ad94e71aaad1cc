// Filter: the filter a sheet was set up with (FakeSheetSetup.filter), from Sheet.getFilter().
//
// Models: only the filter's range (getRange). The rows it hides are the ones the set-up names, which
// Sheet.isRowHiddenByFilter reads.
// Kinder than the real host: criteria are not modelled, so nothing is ever filtered by a value;
// every other Filter method is not implemented and says so.

import type { Fake } from './engine';
import type { RawRange } from './range';
import { FakeObject } from './service-proxy';
import type { FakeSheetState } from './state';

export class RawFilter extends FakeObject {
  readonly kind = 'Filter';
  constructor(
    private readonly _f: Fake,
    private readonly _sheet: FakeSheetState,
    private readonly _range: string,
  ) {
    super();
  }
  getRange(): RawRange {
    return this._f.parseRangeOn(this._sheet, this._range, 'Filter');
  }
}
