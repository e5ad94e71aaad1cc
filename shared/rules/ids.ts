/** Every rule's id, so settings can name them before the rules themselves load. */
export const ruleIds = [
  'missing-identity',
  'missing-ref',
  'missing-action',
  'missing-lead',
  'missing-target-date',
  'missing-status',
  'status-from-fill',
  'unknown-status',
  'unreadable-target-date',
  'unreadable-revised-date',
  'placeholder-date',
  'revised-before-original',
  'slipped-without-revised-date',
  'slipped-without-commentary',
  'completed-without-commentary',
  'overdue-reported-on-track',
  'duplicate-ref',
  'ref-outside-theme',
  'dependency-at-risk',
  'unknown-dependency',
  'dependency-cycle',
  'milestone-behind',
] as const;
export type RuleId = (typeof ruleIds)[number];

export type Severity = 'error' | 'warning';
export type SeveritySetting = Severity | 'off';
