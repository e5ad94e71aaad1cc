// RangeList (range-list.ts).
import { describe, expect, it } from 'vitest';
import { fake } from './test-fixture';

describe('RangeList', () => {
  it('formats many ranges in one call each, and chains', () => {
    const { f, sheet } = fake();
    const list = sheet('Empty').getRangeList(['A1:B1', 'D3']);
    f.resetCalls();
    list.setBackground('#E5E6E7').setFontWeight('bold').setFontColor('#505a5f');
    expect(Object.fromEntries(f.calls)).toEqual({ 'RangeList.setBackground': 1, 'RangeList.setFontWeight': 1, 'RangeList.setFontColor': 1 });
    expect(list.getRanges().map((r) => r.getA1Notation())).toEqual(['A1:B1', 'D3']);
    const s = f.book.sheet('Empty');
    for (const a1 of ['A1', 'B1', 'D3']) expect(s.cell(a1)).toMatchObject({ background: '#e5e6e7', fontWeight: 'bold', fontColor: '#505a5f' });
    expect(s.cell('C1')).toBeUndefined();
  });
});
