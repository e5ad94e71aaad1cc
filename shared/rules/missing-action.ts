import { perAction } from './rule';

export default perAction(
  {
    id: 'missing-action',
    description: 'An action row has a ref but no description of the action.',
    defaultSeverity: 'warning',
    field: 'action',
    messages: { missing: '{action} has no description in {cell}.' },
  },
  (a) => (a.action.action === null && a.action.ref !== null ? { messageId: 'missing' } : null),
);
