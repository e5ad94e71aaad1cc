import { perAction } from './rule';

export default perAction(
  {
    id: 'missing-identity',
    description: 'A row with a status or dates has neither a ref nor an action, so it cannot be identified.',
    defaultSeverity: 'error',
    field: 'ref',
    messages: { missing: 'Row {row} has a status or dates but neither a ref nor an action, so it cannot be identified. Add a ref and describe the action.' },
  },
  (a) => (a.action.ref === null && a.action.action === null ? { messageId: 'missing' } : null),
);
