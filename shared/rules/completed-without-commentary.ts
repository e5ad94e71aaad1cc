import { perAction } from './rule';

export default perAction(
  {
    id: 'completed-without-commentary',
    description: 'A completed action has no commentary saying what was delivered.',
    defaultSeverity: 'warning',
    field: 'commentary',
    messages: { missing: '{action} is reported “{status}” but has no commentary in {cell} saying what was delivered.' },
  },
  (a) => (a.complete && a.action.commentary === null && a.action.status ? { messageId: 'missing', data: { status: a.action.status.label } } : null),
);
