import type { Assessment } from '../due-dates/assess';
import type { Day } from '../dates/day';
import type { ParsedDate } from '../dates/parse-date';
import type { Theme } from '../plan/theme';
import type { Rag, StatusScheme } from '../status/schemes';

/** The bucket for actions whose status is missing or not in the scheme: shown so totals still add up. */
export const unrecognisedStatus = 'Status missing or not recognised';

export interface StatusCount {
  status: string;
  rag: Rag | null;
  count: number;
}

export interface CrossTabRow {
  key: string;
  label: string;
  /** One per entry of `statuses`. */
  counts: number[];
  total: number;
}

export interface CrossTab {
  /** What the rows are: "Theme", "Lead officer", "Source". */
  dimension: string;
  statuses: string[];
  rows: CrossTabRow[];
  totals: number[];
  total: number;
}

export interface ListedAction {
  /** The action this is a milestone of, or null for an action. */
  milestoneOf: string | null;
  ref: string | null;
  row: number;
  action: string | null;
  lead: string | null;
  status: string;
  theme: string | null;
  original: ParsedDate;
  revised: ParsedDate;
  due: ParsedDate;
  dueDay: Day | null;
  daysOverdue: number;
  daysToDue: number | null;
  commentary: string | null;
}

export interface MilestoneRollup {
  ref: string | null;
  row: number;
  action: string | null;
  /** The action's own RAG, as its status says (null when it has none). */
  own: Rag | null;
  /** The worst of its own and its milestones' RAG: what the action really stands at. */
  derived: Rag;
  milestones: number;
  /** Milestones overdue as of the date. */
  overdue: number;
}

export interface PlanSummary {
  sheet: string;
  asOf: Day;
  actions: number;
  /** Rows that are milestones of an action (2.4a, 2.4.1): checked, not counted as actions. */
  milestones: number;
  /** Each action that has milestones, with the RAG they roll up to. */
  milestoneRollup: MilestoneRollup[];
  /** Scheme order, zero rows included, then the unrecognised bucket when it is not empty. */
  statusCounts: StatusCount[];
  total: number;
  byTheme: CrossTab;
  byLead: CrossTab;
  /** Null when the sheet has no Source column. */
  bySource: CrossTab | null;
  /** By senior management lead; null when the sheet has no such column. */
  bySeniorLead: CrossTab | null;
  /** Slipped actions in sheet order, with original and revised dates (the committee's slippage list). */
  slipped: ListedAction[];
  /** Most overdue first. */
  overdue: ListedAction[];
  /** Soonest first. */
  dueSoon: ListedAction[];
  notStarted: ListedAction[];
}

function statusLabelOf(a: Assessment): string {
  return a.action.status?.label ?? unrecognisedStatus;
}

function listed(a: Assessment): ListedAction {
  const x = a.action;
  return {
    milestoneOf: x.milestoneOf,
    ref: x.ref,
    row: x.row,
    action: x.action,
    lead: x.lead,
    status: x.status?.label ?? x.statusText,
    theme: x.theme?.label ?? null,
    original: x.target,
    revised: x.revised,
    due: a.due,
    dueDay: a.dueDay,
    daysOverdue: a.daysOverdue,
    daysToDue: a.daysToDue,
    commentary: x.commentary,
  };
}

interface Group {
  key: string;
  label: string;
  order: number;
  counts: number[];
  total: number;
}

function crossTab(dimension: string, statuses: string[], assessments: readonly Assessment[], statusIndex: readonly number[], keyOf: (a: Assessment) => GroupKey): CrossTab {
  const groups = new Map<string, Group>();
  assessments.forEach((a, n) => {
    const k = keyOf(a);
    let g = groups.get(k.key);
    if (!g) {
      g = { ...k, counts: statuses.map(() => 0), total: 0 };
      groups.set(k.key, g);
    }
    const i = statusIndex[n] ?? 0;
    g.counts[i] = (g.counts[i] ?? 0) + 1;
    g.total++;
  });
  // Numbered themes in number order; names alphabetically (as a committee looks them up); blanks last.
  const rows = [...groups.values()].sort((a, b) => a.order - b.order || a.label.localeCompare(b.label, 'en-GB')).map(({ key, label, counts, total }) => ({ key, label, counts, total }));
  const totals = statuses.map((_, i) => rows.reduce((n, r) => n + (r.counts[i] ?? 0), 0));
  return { dimension, statuses, rows, totals, total: assessments.length };
}

type GroupKey = { key: string; label: string; order: number };

/** Groups free text case- and space-insensitively, labelled as first typed; one key object per distinct text. */
function textGrouper(blankLabel: string): (text: string | null) => GroupKey {
  const blank: GroupKey = { key: '\u0000blank', label: blankLabel, order: Number.MAX_SAFE_INTEGER };
  const keys = new Map<string, GroupKey>();
  return (text) => {
    if (text === null) return blank;
    let k = keys.get(text);
    if (!k) {
      k = { key: text.toLowerCase().replace(/\s+/g, ' '), label: text, order: 0 };
      keys.set(text, k);
    }
    return k;
  };
}

/** Builds every summary table and list from the assessments. Pure; no dates are read but asOf. */
export function summarise(sheet: string, everyRow: readonly Assessment[], scheme: StatusScheme, asOf: Day, hasSourceColumn: boolean, hasSeniorLeadColumn = false): PlanSummary {
  // The committee counts actions; milestones are their detail, listed when overdue or due soon.
  const assessments = everyRow.some((a) => a.action.milestoneOf !== null) ? everyRow.filter((a) => a.action.milestoneOf === null) : everyRow;
  const statuses = scheme.statuses.map((s) => s.label);
  const unrecognised = assessments.filter((a) => a.action.status === null).length;
  const columns = unrecognised > 0 ? [...statuses, unrecognisedStatus] : statuses;

  // Each action's status column, found once and shared by the counts and every cross-tab.
  const index = new Map(columns.map((s, i) => [s, i]));
  const statusIndex = assessments.map((a) => index.get(statusLabelOf(a)) ?? 0);
  const counts = columns.map(() => 0);
  for (const i of statusIndex) counts[i] = (counts[i] ?? 0) + 1;
  const countOf = (label: string): number => counts[index.get(label) ?? -1] ?? 0;
  const statusCounts: StatusCount[] = scheme.statuses.map((s) => ({ status: s.label, rag: s.rag, count: countOf(s.label) }));
  if (unrecognised > 0) statusCounts.push({ status: unrecognisedStatus, rag: null, count: unrecognised });

  // Actions under one heading share its Theme object: remember the last one's key rather than
  // building a key per action.
  const noTheme: GroupKey = { key: '\u0000none', label: 'No theme', order: Number.MAX_SAFE_INTEGER };
  let lastTheme: Theme | null = null;
  let lastThemeKey = noTheme;
  const byTheme = crossTab('Theme', columns, assessments, statusIndex, (a) => {
    const t = a.action.theme;
    if (!t) return noTheme;
    if (t !== lastTheme) {
      lastTheme = t;
      lastThemeKey = { key: t.key, label: t.label, order: t.number ?? 100_000 };
    }
    return lastThemeKey;
  });
  const leadKey = textGrouper('No lead officer');
  const sourceKey = textGrouper('Not stated');
  const byLead = crossTab('Lead officer', columns, assessments, statusIndex, (a) => leadKey(a.action.lead));
  const bySource = hasSourceColumn ? crossTab('Source', columns, assessments, statusIndex, (a) => sourceKey(a.action.source)) : null;
  const seniorKey = textGrouper('No senior lead');
  const bySeniorLead = hasSeniorLeadColumn ? crossTab('Senior management lead', columns, assessments, statusIndex, (a) => seniorKey(a.action.seniorLead)) : null;

  const overdue = everyRow.filter((a) => a.overdue).sort((a, b) => b.daysOverdue - a.daysOverdue || a.action.row - b.action.row);
  const dueSoon = everyRow.filter((a) => a.dueSoon).sort((a, b) => (a.daysToDue ?? 0) - (b.daysToDue ?? 0) || a.action.row - b.action.row);

  return {
    sheet,
    asOf,
    actions: assessments.length,
    milestones: everyRow.length - assessments.length,
    milestoneRollup: rollUp(assessments, everyRow),
    statusCounts,
    total: assessments.length,
    byTheme,
    byLead,
    bySource,
    bySeniorLead,
    slipped: assessments.filter((a) => a.slipped).map(listed),
    overdue: overdue.map(listed),
    dueSoon: dueSoon.map(listed),
    notStarted: assessments.filter((a) => a.notStarted).map(listed),
  };
}

/** Worst first: a red milestone makes its action red, however it is reported. */
const ragWeight: Record<Rag, number> = { red: 4, amber: 3, green: 2, grey: 1, blue: 0 };

function rollUp(actions: readonly Assessment[], everyRow: readonly Assessment[]): MilestoneRollup[] {
  const byParent = new Map<string, Assessment[]>();
  for (const a of everyRow) {
    const p = a.action.milestoneOf;
    if (p === null) continue;
    const k = p.toLowerCase();
    const list = byParent.get(k);
    if (list) list.push(a);
    else byParent.set(k, [a]);
  }
  if (byParent.size === 0) return [];
  const out: MilestoneRollup[] = [];
  for (const a of actions) {
    const ms = byParent.get((a.action.ref ?? '').toLowerCase());
    if (!ms) continue;
    const own = a.action.status?.rag ?? null;
    let derived: Rag = own ?? 'grey';
    for (const m of ms) {
      // An overdue milestone is at least amber, whatever its status says.
      const rag = m.overdue && ragWeight[m.action.status?.rag ?? 'grey'] < ragWeight.amber ? 'amber' : (m.action.status?.rag ?? 'grey');
      if (ragWeight[rag] > ragWeight[derived]) derived = rag;
    }
    out.push({ ref: a.action.ref, row: a.action.row, action: a.action.action, own, derived, milestones: ms.length, overdue: ms.filter((m) => m.overdue).length });
  }
  return out;
}
