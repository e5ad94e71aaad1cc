import { perAction } from './rule';

export default perAction(
  {
    id: 'slipped-without-commentary',
    description: 'A slipped action has no commentary explaining the slippage.',
    defaultSeverity: 'warning',
    field: 'commentary',
    messages: { missing: '{action} is reported “{status}” but has no commentary in {cell} explaining why it has slipped.' },
  },
  (a) => (a.slipped && a.action.commentary === null && a.action.status ? { messageId: 'missing', data: { status: a.action.status.label } } : null),
);
