import { ragOfFill } from '../rag/status-from-fill';
import { perAction } from './rule';

export default perAction(
  {
    id: 'status-from-fill',
    description: 'A status cell has no text, only a fill colour: it is counted by its colour, and should say it in words.',
    defaultSeverity: 'warning',
    field: 'status',
    messages: {
      colourOnly:
        '{action} has no status typed in {cell}, only the colour {colour}, so it was counted as {status}. Type the status in the cell: colour alone is lost on a black-and-white printout and to screen readers.',
    },
  },
  (a) => {
    const fill = a.action.statusFill;
    if (fill === null || !a.action.status) return null;
    return { messageId: 'colourOnly', data: { colour: ragOfFill(fill) ?? a.action.status.rag, status: a.action.status.label } };
  },
);
