import type { StatusScheme } from '../status/schemes';
import { perAction } from './rule';

/** Built only for a finding, not for every action. */
function statusList(scheme: StatusScheme): string {
  return scheme.statuses.map((s) => s.label).join(', ');
}

export default perAction(
  {
    id: 'unknown-status',
    description: 'A status is not one of the scheme’s statuses, so the action is not counted under any of them.',
    defaultSeverity: 'error',
    field: 'status',
    messages: {
      unknown: '{action} has the status “{text}” in {cell}, which is not one of {statuses}, so it is not counted under any of them. Correct it, or add it to the statuses in Settings.',
      formulaError: '{action} shows the error {text} in its status cell {cell}, so it cannot be counted. Fix the formula or type the status.',
    },
  },
  (a, ctx) => {
    const err = a.action.errors.status;
    if (err) return { messageId: 'formulaError', data: { text: err, statuses: statusList(ctx.scheme) } };
    if (a.action.statusText !== '' && a.action.status === null) return { messageId: 'unknown', data: { text: a.action.statusText, statuses: statusList(ctx.scheme) } };
    return null;
  },
);
