import { describe, expect, it } from 'vitest';
import type { EditPlan } from '../edit-plan/edit-plan';
import { protectedRefusal } from './workbook';

const plan = (fills: boolean, summary: string | null) => ({ sheet: 'Plan', fills: fills ? [{}] : [], summary: summary ? { name: summary } : null }) as unknown as EditPlan;

describe('protectedRefusal', () => {
  it('names the plan sheet when colouring it, and the summary sheet when writing it', () => {
    expect(protectedRefusal(plan(true, 'Plan Summary'), (n) => n === 'Plan')).toEqual({ code: 'sheet-protected', sheet: 'Plan' });
    expect(protectedRefusal(plan(true, 'Plan Summary'), (n) => n === 'Plan Summary')).toEqual({ code: 'sheet-protected', sheet: 'Plan Summary' });
  });

  it('lets a summary be built beside a protected plan it does not colour', () => {
    expect(protectedRefusal(plan(false, 'Plan Summary'), (n) => n === 'Plan')).toBeNull();
    expect(protectedRefusal(plan(true, null), () => false)).toBeNull();
  });
});
