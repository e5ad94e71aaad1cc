import { perAction, type RuleHit } from './rule';

export default perAction(
  {
    id: 'unreadable-target-date',
    description: 'A target date cannot be read as a date.',
    defaultSeverity: 'error',
    field: 'target',
    messages: {
      invalid: '{action}: the target date in {cell} cannot be read: {reason}.',
      formulaError: '{action} shows the error {text} in its target date cell {cell}, so it cannot be dated.',
    },
  },
  (a): RuleHit | null => {
    const err = a.action.errors.target;
    if (err) return { messageId: 'formulaError', data: { text: err } };
    const t = a.action.target;
    return t.kind === 'invalid' ? { messageId: 'invalid', data: { text: t.text, reason: t.reason } } : null;
  },
);
