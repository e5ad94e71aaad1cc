import { perAction } from './rule';

export default perAction(
  {
    id: 'missing-status',
    description: 'An action has no status, so it cannot be counted.',
    defaultSeverity: 'error',
    field: 'status',
    messages: { missing: '{action} has no status in {cell}, so it cannot be counted. Use one of: {statuses}.' },
  },
  (a, ctx) =>
    a.action.statusText === '' && a.action.statusFill === null && !a.action.errors.status
      ? { messageId: 'missing', data: { statuses: ctx.scheme.statuses.map((s) => s.label).join(', ') } }
      : null,
);
