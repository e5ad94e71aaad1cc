import { perAction, type RuleHit } from './rule';

export default perAction(
  {
    id: 'unreadable-revised-date',
    description: 'A revised date cannot be read as a date.',
    defaultSeverity: 'warning',
    field: 'revised',
    messages: {
      invalid: '{action}: the revised date in {cell} cannot be read, so the target date is used instead: {reason}.',
      formulaError: '{action} shows the error {text} in its revised date cell {cell}; the target date is used instead.',
    },
  },
  (a): RuleHit | null => {
    const err = a.action.errors.revised;
    if (err) return { messageId: 'formulaError', data: { text: err } };
    const r = a.action.revised;
    return r.kind === 'invalid' ? { messageId: 'invalid', data: { text: r.text, reason: r.reason } } : null;
  },
);
