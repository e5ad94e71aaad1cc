import type { Assessment } from '../due-dates/assess';
import type { Day } from '../dates/day';
import type { HeaderMatch } from '../header/detect-header';
import type { ColumnField } from '../settings/fields';
import type { StatusScheme } from '../status/schemes';
import type { RuleId, Severity } from './ids';

export type MessageData = Record<string, string | number>;

export interface RuleMeta {
  id: RuleId;
  /** One line: what the rule looks for. */
  description: string;
  defaultSeverity: Severity;
  /** The column whose cell a finding points to; the rule is skipped when the sheet has no such column. */
  field: ColumnField;
  /** Message templates by id; `{name}` is filled from the finding's data when it is rendered. */
  messages: Record<string, string>;
}

export interface Report {
  assessment: Assessment;
  messageId: string;
  data?: MessageData;
  /** Point at another column than the rule's own. */
  field?: ColumnField;
}

export interface RuleContext {
  assessments: readonly Assessment[];
  header: HeaderMatch;
  scheme: StatusScheme;
  asOf: Day;
  report(r: Report): void;
}

export interface Rule {
  meta: RuleMeta;
  check(ctx: RuleContext): void;
}

export type RuleHit = Omit<Report, 'assessment'>;

/** Most rules look at one action at a time. */
export function perAction(meta: RuleMeta, test: (a: Assessment, ctx: RuleContext) => RuleHit | null): Rule {
  return {
    meta,
    check(ctx) {
      for (const a of ctx.assessments) {
        const r = test(a, ctx);
        if (r) ctx.report({ assessment: a, ...r });
      }
    },
  };
}
