import { perAction } from './rule';

export default perAction(
  {
    id: 'slipped-without-revised-date',
    description: 'A slipped action has no revised date.',
    defaultSeverity: 'warning',
    field: 'revised',
    messages: { missing: '{action} is reported “{status}” but has no revised date in {cell}. The committee will ask when it will now be done.' },
  },
  (a) => (a.slipped && a.action.revised.kind === 'blank' && a.action.status ? { messageId: 'missing', data: { status: a.action.status.label } } : null),
);
