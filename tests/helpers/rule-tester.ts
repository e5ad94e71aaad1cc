import { describe, expect, it } from 'vitest';
import type { RuleId, Severity } from '../../shared/rules/ids';
import { check, soundRow, type TestHeading, type TestRow } from './plan-grid';

export interface ValidCase {
  name: string;
  rows: (TestRow | TestHeading)[];
  asOf?: string;
}

export interface InvalidCase extends ValidCase {
  /** Every finding of this rule, in order: its cell, severity, and words its message must contain. */
  findings: { cell: string; severity: Severity; message?: string }[];
}

/** Like ESLint's RuleTester: valid rows give no finding of the rule; invalid rows give exactly these. */
export function ruleTester(rule: RuleId, cases: { valid: ValidCase[]; invalid: InvalidCase[] }): void {
  describe(rule, () => {
    it.each(cases.valid.map((c) => [c.name, c] as const))('valid: %s', (_name, c) => {
      const found = check(c.rows, {}, c.asOf).findings.filter((f) => f.rule === rule);
      expect(found).toEqual([]);
    });
    it.each(cases.invalid.map((c) => [c.name, c] as const))('invalid: %s', (_name, c) => {
      const found = check(c.rows, {}, c.asOf).findings.filter((f) => f.rule === rule);
      expect(found.map((f) => ({ cell: f.cell, severity: f.severity }))).toEqual(c.findings.map(({ cell, severity }) => ({ cell, severity })));
      c.findings.forEach((want, i) => {
        if (want.message) expect(found[i]?.message).toContain(want.message);
        expect(found[i]?.sheet).toBe('Plan');
      });
    });
  });
}

/** The sound row with some fields changed. */
export function row(changes: TestRow): TestRow {
  return { ...soundRow, ...changes };
}
