import { perAction } from './rule';

export default perAction(
  {
    id: 'missing-lead',
    description: 'An action has no lead officer.',
    defaultSeverity: 'warning',
    field: 'lead',
    messages: { missing: '{action} has no lead officer in {cell}: nobody is accountable for it.' },
  },
  (a) => (a.action.lead === null ? { messageId: 'missing' } : null),
);
