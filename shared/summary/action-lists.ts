import { formatParsedDate } from '../dates/format-date';
import type { ListedAction, PlanSummary } from './summary';

export type ListCell = string | number | null;

/** One of the summary's lists of actions, as every host shows it: the sheet, the CLI's text. */
export interface ActionList {
  id: 'slipped' | 'overdue' | 'dueSoon' | 'notStarted';
  title: string;
  headings: string[];
  rows: ListCell[][];
}

/**
 * A list holding milestones gains a "Milestone of" column beside the ref, so each says whose it is;
 * the cells copied from the sheet stay as typed.
 */
function listOf(id: ActionList['id'], title: string, items: readonly ListedAction[], rest: string[], cells: (a: ListedAction) => ListCell[]): ActionList {
  const milestones = items.some((a) => a.milestoneOf !== null);
  const who = milestones ? ['Ref', 'Milestone of', 'Action', 'Lead officer'] : ['Ref', 'Action', 'Lead officer'];
  return { id, title, headings: [...who, ...rest], rows: items.map((a) => [a.ref, ...(milestones ? [a.milestoneOf] : []), a.action, a.lead, ...cells(a)]) };
}

/** The lists of slipped, overdue, due-soon and not-started actions: one model, so the sheet and the CLI show the same columns. */
export function actionLists(summary: PlanSummary, dueSoonDays: number): ActionList[] {
  return [
    listOf('slipped', 'Slipped actions', summary.slipped, ['Original date', 'Revised date', 'Status', 'Commentary'], (a) => [formatParsedDate(a.original), formatParsedDate(a.revised), a.status, a.commentary]),
    listOf('overdue', 'Overdue actions', summary.overdue, ['Due', 'Days overdue', 'Status', 'Commentary'], (a) => [formatParsedDate(a.due), a.daysOverdue, a.status, a.commentary]),
    listOf('dueSoon', `Due in the next ${dueSoonDays} days`, summary.dueSoon, ['Due', 'Days to go', 'Status', 'Commentary'], (a) => [formatParsedDate(a.due), a.daysToDue, a.status, a.commentary]),
    listOf('notStarted', 'Not started', summary.notStarted, ['Due', 'Status', 'Commentary'], (a) => [formatParsedDate(a.due), a.status, a.commentary]),
  ];
}
