import { themeNumberOfRef } from '../plan/theme';
import { perAction } from './rule';

export default perAction(
  {
    id: 'ref-outside-theme',
    description: 'An action’s ref belongs to another theme than the heading it sits under (5.12 under theme 6).',
    defaultSeverity: 'warning',
    field: 'ref',
    messages: {
      outside: 'Ref {ref} in {cell} sits under “{heading}” but its number says theme {refTheme}. Move the row, or correct the ref.',
    },
  },
  (a) => {
    const heading = a.action.heading;
    // The ref is parsed only when there is a numbered heading to compare it with.
    if (!heading || heading.number === null) return null;
    const refTheme = themeNumberOfRef(a.action.ref);
    if (refTheme === null || refTheme === heading.number) return null;
    return { messageId: 'outside', data: { heading: heading.label, refTheme } };
  },
);
