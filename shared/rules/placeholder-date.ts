import { perAction } from './rule';

export default perAction(
  {
    id: 'placeholder-date',
    description: 'An unfinished action is dated “TBC”, “Ongoing” or similar, so it can never show as overdue.',
    defaultSeverity: 'warning',
    field: 'target',
    messages: {
      placeholder: '{action} has “{text}” as its {which} date in {cell}: it can never show as overdue until a date is agreed.',
    },
  },
  (a) => {
    if (a.complete) return null;
    const { target, revised } = a.action;
    // The revised date is the one in force; a TBC there matters even when the target was a date.
    if (revised.kind === 'placeholder') return { messageId: 'placeholder', field: 'revised', data: { text: revised.text, which: 'revised' } };
    if (revised.kind !== 'date' && target.kind === 'placeholder') return { messageId: 'placeholder', data: { text: target.text, which: 'target' } };
    return null;
  },
);
