// Protection and SpreadsheetApp.ProtectionType: the protections of a sheet (Sheet.getProtections,
// Sheet.protect).
//
// Models: a sheet set up with `protected: true`, or with `protectedRanges`, is protected against the
// person running the script: canEdit() is false, and changing or removing the protection throws
// Apps Script's protection message. Sheet.protect() called by the script gives a protection that
// blocks nothing, because the owner can always edit (README.md, "Protection", gives the source).
// Kinder than the real host: getEditors() gives an empty list, and editors cannot be added or
// removed (not implemented, and says so).

import { makeEnum } from './enums';
import type { Fake } from './engine';
import { PROTECTED } from './messages';
import type { RawRange } from './range';
import { FakeObject } from './service-proxy';
import type { FakeProtectionState, FakeSheetState } from './state';
import { AppsScriptException } from './values';

export const ProtectionType = makeEnum('ProtectionType', ['RANGE', 'SHEET'] as const);

export class RawProtection extends FakeObject {
  readonly kind = 'Protection';
  constructor(
    private readonly _f: Fake,
    private readonly _sheet: FakeSheetState,
    private readonly _p: FakeProtectionState,
  ) {
    super();
  }
  canEdit(): boolean {
    return this._p.canEdit;
  }
  getProtectionType(): unknown {
    return this._p.type === 'SHEET' ? ProtectionType.SHEET : ProtectionType.RANGE;
  }
  getDescription(): string {
    return this._p.description;
  }
  setDescription(description: string): RawProtection {
    if (!this._p.canEdit) throw new AppsScriptException(PROTECTED);
    this._p.description = String(description);
    return this;
  }
  isWarningOnly(): boolean {
    return this._p.warningOnly;
  }
  setWarningOnly(warningOnly: boolean): RawProtection {
    if (!this._p.canEdit) throw new AppsScriptException(PROTECTED);
    this._p.warningOnly = Boolean(warningOnly);
    return this;
  }
  getRange(): RawRange {
    return this._f.parseRangeOn(this._sheet, this._p.range, 'Protection');
  }
  getEditors(): unknown[] {
    return [];
  }
  remove(): void {
    if (!this._p.canEdit) throw new AppsScriptException(PROTECTED);
    this._sheet.protections = this._sheet.protections.filter((p) => p !== this._p);
  }
}
