import { perAction } from './rule';

export default perAction(
  {
    id: 'missing-identity',
    description: 'A row with details of an action has neither a ref nor a description of the action, so it cannot be identified.',
    defaultSeverity: 'error',
    field: 'ref',
    messages: { missing: 'Row {row} has details of an action but neither a ref nor a description, so it cannot be identified. Add a ref and describe the action.' },
  },
  (a) => (a.action.ref === null && a.action.action === null ? { messageId: 'missing' } : null),
);
