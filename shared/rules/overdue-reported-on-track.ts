import { formatParsedDate, formatDay } from '../dates/format-date';
import { perAction } from './rule';

export default perAction(
  {
    id: 'overdue-reported-on-track',
    description: 'An action is reported on track but its due date has passed.',
    defaultSeverity: 'warning',
    field: 'status',
    messages: {
      overdue: '{action} is reported “{status}” but was due {due}, {days} before {asOf}. Update its status, or agree a revised date.',
    },
  },
  (a, ctx) =>
    a.reportedOnTrackButOverdue && a.action.status
      ? { messageId: 'overdue', data: { status: a.action.status.label, due: formatParsedDate(a.due), days: a.daysOverdue === 1 ? '1 day' : `${a.daysOverdue} days`, asOf: formatDay(ctx.asOf) } }
      : null,
);
