import { perAction } from './rule';

export default perAction(
  {
    id: 'missing-ref',
    description: 'An action has no ref.',
    defaultSeverity: 'warning',
    field: 'ref',
    messages: { missing: '{action} has no ref in {cell}. A ref lets the committee find it and lets Plan Monitor follow it from quarter to quarter.' },
  },
  (a) => (a.action.ref === null && a.action.action !== null ? { messageId: 'missing' } : null),
);
