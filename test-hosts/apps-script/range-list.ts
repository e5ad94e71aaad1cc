// RangeList: one call sets a format or value on every range of the list (Sheet.getRangeList).
//
// Models: every write checks every range for protection before changing any, so a refused write
// changes nothing; it counts as one call however many ranges it covers (README.md, "What counts").

import type { Fake } from './engine';
import { signature } from './messages';
import { type RawRange, fontStyleOf, fontWeightOf } from './range';
import { FakeObject } from './service-proxy';
import { normaliseColour } from './values';

export class RawRangeList extends FakeObject {
  readonly kind = 'RangeList';
  constructor(
    private readonly _f: Fake,
    readonly _ranges: RawRange[],
  ) {
    super();
  }
  private _each(fn: (r: RawRange) => unknown): RawRangeList {
    for (const r of this._ranges) this._f.assertWritable(r._sheet, r._area);
    for (const r of this._ranges) fn(r);
    return this;
  }
  getRanges(): RawRange[] {
    return [...this._ranges];
  }
  setBackground(color: unknown): RawRangeList {
    const c = normaliseColour(color, 'setBackground');
    return this._each((r) => r.setBackground(c));
  }
  setBackgroundRGB(red: number, green: number, blue: number): RawRangeList {
    return this._each((r) => r.setBackgroundRGB(red, green, blue));
  }
  setFontColor(color: unknown): RawRangeList {
    const c = normaliseColour(color, 'setFontColor');
    return this._each((r) => r.setFontColor(c));
  }
  setFontWeight(weight: unknown): RawRangeList {
    fontWeightOf(weight);
    return this._each((r) => r.setFontWeight(weight));
  }
  setFontStyle(style: unknown): RawRangeList {
    fontStyleOf(style);
    return this._each((r) => r.setFontStyle(style));
  }
  setFontSize(size: unknown): RawRangeList {
    return this._each((r) => r.setFontSize(size));
  }
  setNumberFormat(format: unknown): RawRangeList {
    if (typeof format !== 'string') throw signature('RangeList', 'setNumberFormat', [format]);
    return this._each((r) => r.setNumberFormat(format));
  }
  setValue(value: unknown): RawRangeList {
    return this._each((r) => r.setValue(value));
  }
  setFormula(formula: unknown): RawRangeList {
    return this._each((r) => r.setFormula(formula));
  }
  setWrap(wrap: unknown): RawRangeList {
    return this._each((r) => r.setWrap(wrap));
  }
  setVerticalAlignment(alignment: unknown): RawRangeList {
    return this._each((r) => r.setVerticalAlignment(alignment));
  }
  setHorizontalAlignment(alignment: unknown): RawRangeList {
    return this._each((r) => r.setHorizontalAlignment(alignment));
  }
  clear(options?: unknown): RawRangeList {
    return this._each((r) => r.clear(options));
  }
  clearContent(): RawRangeList {
    return this._each((r) => r.clearContent());
  }
  clearFormat(): RawRangeList {
    return this._each((r) => r.clearFormat());
  }
  breakApart(): RawRangeList {
    return this._each((r) => r.breakApart());
  }
  /** Selects the ranges; the last one becomes the active range. */
  activate(): RawRangeList {
    const last = this._ranges[this._ranges.length - 1];
    last?.activate();
    return this;
  }
}
