// Protection: protected sheets refuse every edit (protection.ts, engine.ts).
import { describe, expect, it } from 'vitest';
import { fake, planRows, PROTECTED } from './test-fixture';

describe('protected sheets', () => {
  function protectedFake() {
    return fake({ sheets: [{ name: 'Plan', rows: planRows, protected: true }, { name: 'Empty' }] });
  }

  it('reports one SHEET protection the user cannot edit', () => {
    const { app, sheet } = protectedFake();
    const ps = sheet('Plan').getProtections(app.ProtectionType.SHEET);
    expect(ps).toHaveLength(1);
    expect(ps[0]?.canEdit()).toBe(false);
    expect(sheet('Plan').getProtections(app.ProtectionType.RANGE)).toEqual([]);
    expect(sheet('Empty').getProtections(app.ProtectionType.SHEET)).toEqual([]);
    expect(sheet('Plan').getRange('A1').canEdit()).toBe(false);
  });

  it('throws on every kind of write and changes nothing', () => {
    const { f, sheet } = protectedFake();
    const before = f.snapshot();
    const plan = sheet('Plan');
    const r = plan.getRange('E2:E3');
    const writes: [string, () => unknown][] = [
      ['setValues', () => r.setValues([['x'], ['y']])],
      ['setValue', () => r.setValue('x')],
      ['setBackground', () => r.setBackground('#ff0000')],
      ['setBackgrounds', () => r.setBackgrounds([['#ff0000'], ['#00ff00']])],
      ['setFontColor', () => r.setFontColor('#ff0000')],
      ['setFontColors', () => r.setFontColors([['#ff0000'], ['#00ff00']])],
      ['setFontWeight', () => r.setFontWeight('bold')],
      ['setNumberFormat', () => r.setNumberFormat('@')],
      ['setNumberFormats', () => r.setNumberFormats([['@'], ['@']])],
      ['clear', () => r.clear()],
      ['clearContent', () => r.clearContent()],
      ['merge', () => r.merge()],
      ['Sheet.clear', () => plan.clear()],
      ['hideRows', () => plan.hideRows(2)],
      ['setColumnWidth', () => plan.setColumnWidth(1, 200)],
      ['RangeList.setBackground', () => plan.getRangeList(['A1', 'B2']).setBackground('#ff0000')],
    ];
    for (const [name, write] of writes) expect(write, name).toThrow(PROTECTED);
    expect(f.snapshot()).toEqual(before);
  });

  it('lets the owner protect a sheet without locking themselves out (permissions mirror the spreadsheet)', () => {
    const { sheet } = fake();
    const p = sheet('Empty').protect();
    expect(p.canEdit()).toBe(true);
    sheet('Empty').getRange('A1').setValue('still editable');
    expect(sheet('Empty').getRange('A1').getValue()).toBe('still editable');
  });
});
