/**
 * What the panel shows after a run, as plain data built from the PreparedRun: the whole quarter
 * (status table beside the previous period, themes, the lists, what changed, lead officers,
 * milestones, chase lists with their drafts) and, for every row, the theme and lead officer the
 * filters narrow by. No DOM: the view renders these as text.
 */
import { chaseDraft, mailtoUrl } from '../../shared/chase/chase-draft';
import { chaseLists, chaseReasons, type ChaseReason } from '../../shared/chase/chase-list';
import { isoFromDay } from '../../shared/dates/day';
import { actionTimelines, timelineSteps } from '../../shared/audit/timeline';
import { formatParsedDate } from '../../shared/dates/format-date';
import type { Assessment } from '../../shared/due-dates/assess';
import { cellAddress } from '../../shared/grid/a1';
import type { Swatch } from '../../shared/rag/palette';
import type { PreparedRun } from '../../shared/run/prepare-run';
import { activePalette } from '../../shared/settings/settings';
import type { Rag } from '../../shared/status/schemes';
import type { ListedAction } from '../../shared/summary/summary';
import { plural } from '../../shared/text/plural';
import { asOfNote, headline } from '../../shared/app/messages';
import type { Checked } from '../../shared/app/use-cases';

/**
 * The theme and lead officer a row belongs to, as filter keys: the theme's label ('' for none) and
 * the lead officer folded to lower case with spaces collapsed ('' for none).
 */
export interface RowScope {
  theme: string;
  lead: string;
}

export interface FilterOption {
  key: string;
  label: string;
}

export interface Finding {
  cell: string;
  sheet: string;
  message: string;
  rule: string;
  /** Null for a finding on no action's row (the header, a settings value): shown only when the lists are not narrowed. */
  scope: RowScope | null;
}

/** An action (or a milestone) in one of the lists; its button selects `cell`. */
export interface ListedRow {
  /** The ref, or "row 12" for an action without one. */
  ref: string;
  action: string;
  /** Its status cell. */
  cell: string;
  /** The date it is due by, as the committee reads it ("Sep 2018", "31/08/2018"). */
  due: string;
  /** Days overdue in the overdue list, days to go in the due-soon list, else 0. */
  days: number;
  status: string;
  commentary: string;
  /** The ref of the action this is a milestone of; null for an action. */
  milestoneOf: string | null;
  scope: RowScope;
}

export interface SlippedRow extends ListedRow {
  original: string;
  revised: string;
  /** How the date moved, where it moved more than once: "April 2018 → September 2018 (June 2018) → …" (as the committee report says it). */
  timeline: string | null;
}

/** A row of a change list: its cell when the action is still in the plan (a removed one has none). */
export interface ChangeRow {
  ref: string;
  action: string;
  cell: string | null;
  scope: RowScope | null;
}

export interface StatusCell {
  status: string;
  count: number;
}

export interface ChaseEntry {
  /** As written in the sheet, or "No lead officer". */
  officer: string;
  email: string | null;
  /** Lead-officer filter key. */
  lead: string;
  /** The theme keys of the actions on the list, so a theme filter keeps the officers it concerns. */
  themes: string[];
  actions: number;
  /** The reasons with at least one action, in the draft's order, with words for the panel. */
  counts: { reason: ChaseReason; words: string; count: number }[];
  draft: { to: string | null; subject: string; body: string; mailto: string };
}

/** What the panel shows after a check: plain data, rendered as text by the view. */
export interface PanelResult {
  sheet: string;
  asOf: string;
  headline: string;
  statusCounts: { status: string; rag: string | null; count: number }[];
  total: number;
  errors: Finding[];
  warnings: Finding[];
  overdue: ListedRow[];
  dueSoon: ListedRow[];
  notes: string[];
  dueSoonDays: number;
  /** The current column's heading: a recorded period's name, or "Actions". */
  currentLabel: string;
  /** The previous recorded period's counts by status, for the comparison column; null when none is recorded. */
  previous: { label: string; counts: Record<string, number>; total: number } | null;
  /** The colours in force (settings over defaults), for the status chips. */
  palette: Record<Rag, Swatch>;
  // ---- The whole quarter
  /** Slipped actions in sheet order, with their original and revised dates. */
  slipped: SlippedRow[];
  notStarted: ListedRow[];
  /** One per theme, in theme order, with its RAG and its actions by status (statuses with none left out). */
  themes: { theme: string; key: string; rag: Rag; total: number; counts: StatusCell[] }[];
  /** What changed since the previous recorded period (`since`, null when none is recorded) and every re-profiled timescale. */
  changes: {
    since: string | null;
    status: (ChangeRow & { from: string; to: string })[];
    added: ChangeRow[];
    removed: ChangeRow[];
    /** Every action still open whose due date has moved: the dates in order, and when each was seen where the history or audit trail says. */
    reprofiled: (ChangeRow & { dates: string[]; timeline: string | null })[];
  };
  /** Actions by lead officer: alphabetical, no lead officer last. */
  byLead: { label: string; key: string; total: number; counts: StatusCell[] }[];
  /** Each action with milestones, with the RAG they roll up to; empty when the plan has none. */
  milestones: { ref: string; action: string; cell: string; own: Rag | null; derived: Rag; milestones: number; overdue: number; scope: RowScope }[];
  chase: ChaseEntry[];
  /** What the theme and lead-officer filters offer. */
  filters: { themes: FilterOption[]; leads: FilterOption[] };
}

/** The lead-officer filter key of a name as typed: spaces collapsed, case folded. */
export function leadKey(name: string | null): string {
  return (name ?? '').replace(/\s+/g, ' ').trim().toLowerCase();
}

const chaseWords: Record<ChaseReason, string> = {
  overdue: 'overdue',
  'slipped-no-revised-date': 'slipped with no revised date',
  'not-started-past-start': 'not started though due to have begun',
  'due-soon': 'due soon',
  'commentary-unchanged': 'commentary unchanged',
};

const noTheme = 'No theme';
const noLead = 'No lead officer';

/** The filters' options: themes in theme order, lead officers alphabetically, "none" last in each. */
function filterOptions(all: readonly Assessment[]): { themes: FilterOption[]; leads: FilterOption[] } {
  const themes = new Map<string, { label: string; order: number }>();
  const leads = new Map<string, string>();
  for (const a of all) {
    const t = a.action.theme;
    const key = t?.label ?? '';
    if (!themes.has(key)) themes.set(key, { label: t?.label ?? noTheme, order: t ? (t.number ?? 100_000) : Number.MAX_SAFE_INTEGER });
    const lead = leadKey(a.action.lead);
    if (!leads.has(lead)) leads.set(lead, (a.action.lead ?? '').replace(/\s+/g, ' ').trim() || noLead);
  }
  return {
    themes: [...themes.entries()].sort((a, b) => a[1].order - b[1].order).map(([key, t]) => ({ key, label: t.label })),
    leads: [...leads.entries()].sort((a, b) => (a[0] === '' ? 1 : 0) - (b[0] === '' ? 1 : 0) || a[1].localeCompare(b[1], 'en-GB')).map(([key, label]) => ({ key, label })),
  };
}

function countsOf(statuses: readonly string[], counts: readonly number[]): StatusCell[] {
  return statuses.map((status, i) => ({ status, count: counts[i] ?? 0 })).filter((c) => c.count > 0);
}

export function resultOf(run: PreparedRun, checked?: Checked): PanelResult {
  const c = run.checked;
  const s = c.summary;
  const statusCol = c.header.columns.status?.col ?? 1;
  const cellOf = (row: number) => cellAddress(row, statusCol);
  const scopeOf = (a: Assessment): RowScope => ({ theme: a.action.theme?.label ?? '', lead: leadKey(a.action.lead) });
  const byRow = new Map(c.assessments.map((a) => [a.action.row, a]));
  const rowScope = (row: number): RowScope | null => {
    const a = byRow.get(row);
    return a ? scopeOf(a) : null;
  };
  // Comparison rows name an action by its ref and text, exactly as the plan has them now.
  const byIdentity = new Map(c.assessments.filter((a) => a.action.milestoneOf === null).map((a) => [`${a.action.ref ?? ''}\u0000${a.action.action ?? ''}`, a]));
  const changeRow = (x: { ref: string | null; action: string | null }): ChangeRow => {
    const a = byIdentity.get(`${x.ref ?? ''}\u0000${x.action ?? ''}`);
    return { ref: x.ref ?? (a ? `row ${a.action.row}` : ''), action: x.action ?? '', cell: a ? cellOf(a.action.row) : null, scope: a ? scopeOf(a) : null };
  };
  const findings = (severity: 'error' | 'warning'): Finding[] =>
    c.findings.filter((f) => f.severity === severity).map((f) => ({ cell: f.cell, sheet: f.sheet, message: f.message, rule: f.rule, scope: rowScope(f.row) }));
  const listed = (a: ListedAction, days: number): ListedRow => ({
    ref: a.ref ?? `row ${a.row}`,
    action: a.action ?? '',
    cell: cellOf(a.row),
    due: formatParsedDate(a.due),
    days,
    status: a.status,
    commentary: a.commentary ?? '',
    milestoneOf: a.milestoneOf,
    scope: rowScope(a.row) ?? { theme: a.theme ?? '', lead: leadKey(a.lead) },
  });

  const comparison = run.comparison;
  // Each action's date moves, from the history and the audit trail, as the committee report tells them.
  const timelines = new Map(actionTimelines(c, run.history, run.audit).map((t) => [t.row, t]));
  const timelineOf = (row: number, least: number): string | null => {
    const t = timelines.get(row);
    return t && t.moves >= least ? timelineSteps(t.steps) : null;
  };
  const chaseContext = { sheet: c.sheet, asOf: c.asOf, dueSoonDays: run.settings.dueSoonDays, previousPeriod: comparison.previousLabel };
  const filters = filterOptions(c.assessments);
  const themeKeys = new Set(filters.themes.map((t) => t.key));

  return {
    sheet: c.sheet,
    asOf: isoFromDay(c.asOf),
    headline: headline(c),
    statusCounts: s.statusCounts,
    total: s.total,
    errors: findings('error'),
    warnings: findings('warning'),
    overdue: s.overdue.map((a) => listed(a, a.daysOverdue)),
    dueSoon: s.dueSoon.map((a) => listed(a, a.daysToDue ?? 0)),
    notes: [...(checked ? [asOfNote(c, checked.asOfSource)].filter((n): n is string => n !== null) : []), ...run.notes],
    dueSoonDays: run.settings.dueSoonDays,
    currentLabel: comparison.currentLabel.startsWith('As of ') ? 'Actions' : comparison.currentLabel,
    previous: previousOf(run),
    palette: activePalette(run.settings),
    slipped: s.slipped.map((a) => ({ ...listed(a, 0), original: formatParsedDate(a.original), revised: formatParsedDate(a.revised), timeline: timelineOf(a.row, 2) })),
    notStarted: s.notStarted.map((a) => listed(a, 0)),
    themes: run.themes.map((t) => {
      const counts = Object.entries(t.counts).map(([status, count]) => ({ status, count })).filter((x) => x.count > 0);
      // themeRollup names an action without a theme "No theme"; a real theme of that name keeps its own.
      return { theme: t.theme, key: themeKeys.has(t.theme) ? t.theme : '', rag: t.rag, total: counts.reduce((n, x) => n + x.count, 0), counts };
    }),
    changes: {
      since: comparison.previousLabel,
      status: comparison.changes.map((x) => ({ ...changeRow(x), from: x.from, to: x.to })),
      added: comparison.added.map(changeRow),
      removed: comparison.removed.map((x) => ({ ref: x.ref ?? '', action: x.action ?? '', cell: null, scope: null })),
      reprofiled: comparison.reprofiled.map((x) => {
        const a = byIdentity.get(`${x.ref ?? ''}\u0000${x.action ?? ''}`);
        return { ...changeRow(x), dates: x.dates, timeline: a ? timelineOf(a.action.row, 1) : null };
      }),
    },
    byLead: s.byLead.rows.map((r) => ({ label: r.label, key: r.key.startsWith('\u0000') ? '' : leadKey(r.label), total: r.total, counts: countsOf(s.byLead.statuses, r.counts) })),
    milestones: s.milestoneRollup.map((m) => ({
      ref: m.ref ?? `row ${m.row}`,
      action: m.action ?? '',
      cell: cellOf(m.row),
      own: m.own,
      derived: m.derived,
      milestones: m.milestones,
      overdue: m.overdue,
      scope: rowScope(m.row) ?? { theme: '', lead: '' },
    })),
    chase: chaseLists(run).map((l) => {
      const draft = chaseDraft(l, chaseContext);
      return {
        officer: l.officer ?? noLead,
        email: l.email,
        lead: leadKey(l.officer),
        themes: [...new Set(l.items.map((i) => rowScope(i.row)?.theme ?? ''))],
        actions: l.items.length,
        counts: chaseReasons.filter((r) => l.counts[r] > 0).map((r) => ({ reason: r, words: chaseWords[r], count: l.counts[r] })),
        draft: { ...draft, mailto: mailtoUrl(draft) },
      };
    }),
    filters,
  };
}

function previousOf(run: PreparedRun): PanelResult['previous'] {
  const c = run.comparison;
  const column = c.previousLabel === null ? undefined : c.columns.find((col) => col.label === c.previousLabel);
  if (!column) return null;
  return { label: column.label, counts: Object.fromEntries(c.statuses.map((s, i) => [s, column.counts[i] ?? 0])), total: column.total };
}

/** "2 overdue, 1 due soon": a chase entry's counts in words. */
export function chaseCountsText(entry: ChaseEntry): string {
  return entry.counts.map((x) => `${x.count} ${x.words}`).join(', ') || plural(entry.actions, 'action');
}
