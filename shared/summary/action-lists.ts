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

const who = ['Ref', 'Action', 'Lead officer'];
/** A milestone says whose it is in its Action cell, since the lists hold actions and milestones alike. */
const actionText = (a: ListedAction): string | null => (a.milestoneOf === null ? a.action : `Milestone of ${a.milestoneOf}${a.action ? `: ${a.action}` : ''}`);
const row = (a: ListedAction, ...rest: ListCell[]): ListCell[] => [a.ref, actionText(a), a.lead, ...rest];

/** The lists of slipped, overdue, due-soon and not-started actions: one model, so the sheet and the CLI show the same columns. */
export function actionLists(summary: PlanSummary, dueSoonDays: number): ActionList[] {
  return [
    { id: 'slipped', title: 'Slipped actions', headings: [...who, 'Original date', 'Revised date', 'Status', 'Commentary'], rows: summary.slipped.map((a) => row(a, formatParsedDate(a.original), formatParsedDate(a.revised), a.status, a.commentary)) },
    { id: 'overdue', title: 'Overdue actions', headings: [...who, 'Due', 'Days overdue', 'Status', 'Commentary'], rows: summary.overdue.map((a) => row(a, formatParsedDate(a.due), a.daysOverdue, a.status, a.commentary)) },
    { id: 'dueSoon', title: `Due in the next ${dueSoonDays} days`, headings: [...who, 'Due', 'Days to go', 'Status', 'Commentary'], rows: summary.dueSoon.map((a) => row(a, formatParsedDate(a.due), a.daysToDue, a.status, a.commentary)) },
    { id: 'notStarted', title: 'Not started', headings: [...who, 'Due', 'Status', 'Commentary'], rows: summary.notStarted.map((a) => row(a, formatParsedDate(a.due), a.status, a.commentary)) },
  ];
}
