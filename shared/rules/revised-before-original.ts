import { formatParsedDate } from '../dates/format-date';
import { perAction } from './rule';

export default perAction(
  {
    id: 'revised-before-original',
    description: 'A revised date is earlier than the original target date.',
    defaultSeverity: 'warning',
    field: 'revised',
    messages: {
      earlier: '{action}: the revised date {revised} in {cell} is earlier than the original target {target}. Check the two dates have not been swapped.',
    },
  },
  (a) => {
    const { target, revised } = a.action;
    if (target.kind !== 'date' || revised.kind !== 'date' || revised.due >= target.due) return null;
    return { messageId: 'earlier', data: { revised: formatParsedDate(revised), target: formatParsedDate(target) } };
  },
);
