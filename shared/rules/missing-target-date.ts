import { perAction } from './rule';

export default perAction(
  {
    id: 'missing-target-date',
    description: 'An action has no target date, so it cannot be checked for slippage.',
    defaultSeverity: 'error',
    field: 'target',
    messages: { missing: '{action} has no target date in {cell}, so it cannot be checked for slippage. Type a date such as 31/12/2018 or Dec 2018.' },
  },
  (a) => (a.action.target.kind === 'blank' && !a.action.errors.target ? { messageId: 'missing' } : null),
);
