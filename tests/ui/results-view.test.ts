// @vitest-environment jsdom
// The whole quarter in the panel over a fake controller: the sections and their counts, the filter
// by theme and lead officer, list rows that select their cells, and the chase entries' Draft e-mail
// and Copy (window.open and the clipboard stubbed).
import './jsdom-fluent';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { defaultPalette } from '../../shared/rag/palette';
import type { ChaseEntry, ListedRow, PanelResult, RowScope } from '../../src/ui/panel-result';
import { mountPanel, type PanelActions } from '../../src/ui/panel-view';
import type { ReportModel } from '../../shared/report/report-model';
import type { CommitteeReportFile, MergedInPanel, Outcome } from '../../src/ui/panel-controller';

const t1 = 'Theme 1 – City leadership';
const t2 = 'Theme 2 – Finance';
const jo: RowScope = { theme: t1, lead: 'jo bloggs' };
const sam: RowScope = { theme: t2, lead: 'sam smith' };

function row(ref: string, cell: string, scope: RowScope, over: Partial<ListedRow> = {}): ListedRow {
  return { ref, action: `Action ${ref}`, cell, due: '31/08/2018', days: 0, status: 'On track', commentary: '', milestoneOf: null, scope, ...over };
}

const mailto = 'mailto:jo%40example.gov.uk?subject=Improvement%20plan%20update%20needed&body=Dear%20Jo';
const chaseJo: ChaseEntry = {
  officer: 'Jo Bloggs',
  email: 'jo@example.gov.uk',
  lead: 'jo bloggs',
  themes: [t1],
  actions: 2,
  counts: [
    { reason: 'overdue', words: 'overdue', count: 1 },
    { reason: 'slipped-no-revised-date', words: 'slipped with no revised date', count: 1 },
  ],
  draft: { to: 'jo@example.gov.uk', subject: 'Improvement plan update needed: 2 actions as of 30/09/2018', body: 'Dear Jo Bloggs,\n\nOverdue (1)\n- 1.2 Write the plan.', mailto },
};
const chaseSam: ChaseEntry = {
  officer: 'Sam Smith',
  email: null,
  lead: 'sam smith',
  themes: [t2],
  actions: 1,
  counts: [{ reason: 'overdue', words: 'overdue', count: 1 }],
  draft: { to: null, subject: 'Improvement plan update needed: 1 action as of 30/09/2018', body: 'Dear Sam Smith,', mailto: 'mailto:?subject=x&body=y' },
};

function quarter(over: Partial<PanelResult> = {}): PanelResult {
  return {
    sheet: 'Plan',
    asOf: '2018-09-30',
    headline: "'Plan' as of 30/09/2018: 4 actions, 0 errors, 2 warnings, 2 overdue.",
    statusCounts: [
      { status: 'Completed', rag: 'blue', count: 1 },
      { status: 'On track', rag: 'green', count: 2 },
      { status: 'Some slippage', rag: 'amber', count: 1 },
    ],
    total: 4,
    errors: [],
    warnings: [
      { cell: 'H5', sheet: 'Plan', message: 'Action 1.2 is reported “On track” but is overdue.', rule: 'overdue-reported-on-track', scope: jo },
      { cell: 'A2', sheet: 'Plan', message: 'A heading is missing.', rule: 'header', scope: null },
    ],
    overdue: [row('1.2', 'H5', jo, { days: 30 }), row('2.1', 'H9', sam, { days: 12 }), row('1.2a', 'H6', jo, { days: 3, milestoneOf: '1.2' })],
    dueSoon: [],
    notes: [],
    dueSoonDays: 14,
    currentLabel: 'Sept 2018',
    previous: { label: 'June 2018', counts: { Completed: 0, 'On track': 3, 'Some slippage': 0 }, total: 3 },
    palette: defaultPalette,
    slipped: [{ ...row('2.2', 'H10', sam, { status: 'Some slippage', commentary: 'Waiting for the budget.' }), original: 'Sep 2018', revised: 'Dec 2018', timeline: 'June 2018 → Sep 2018 (June 2018) → Dec 2018 (Sept 2018)' }],
    notStarted: [],
    themes: [
      { theme: t1, key: t1, rag: 'amber', total: 2, counts: [{ status: 'On track', count: 2 }] },
      { theme: t2, key: t2, rag: 'green', total: 2, counts: [{ status: 'Completed', count: 1 }, { status: 'Some slippage', count: 1 }] },
    ],
    changes: {
      since: 'June 2018',
      status: [{ ref: '2.2', action: 'Action 2.2', cell: 'H10', scope: sam, from: 'On track', to: 'Some slippage' }],
      added: [{ ref: '2.3', action: 'Action 2.3', cell: 'H11', scope: sam }],
      removed: [{ ref: '3.1', action: 'Gone', cell: null, scope: null }],
      reprofiled: [{ ref: '2.2', action: 'Action 2.2', cell: 'H10', scope: sam, dates: ['Sep 2018', 'Dec 2018'], timeline: null }],
    },
    byLead: [
      { label: 'Jo Bloggs', key: 'jo bloggs', total: 2, counts: [{ status: 'On track', count: 2 }] },
      { label: 'Sam Smith', key: 'sam smith', total: 2, counts: [{ status: 'Completed', count: 1 }, { status: 'Some slippage', count: 1 }] },
    ],
    milestones: [{ ref: '1.2', action: 'Action 1.2', cell: 'H5', own: 'green', derived: 'amber', milestones: 1, overdue: 1, scope: jo }],
    chase: [chaseJo, chaseSam],
    filters: {
      themes: [
        { key: t1, label: t1 },
        { key: t2, label: t2 },
      ],
      leads: [
        { key: 'jo bloggs', label: 'Jo Bloggs' },
        { key: 'sam smith', label: 'Sam Smith' },
      ],
    },
    ...over,
  };
}

function fake(r: PanelResult = quarter()) {
  const calls: string[] = [];
  const actions: PanelActions = {
    check: async () => {
      calls.push('check');
      return { ok: true, value: r };
    },
    apply: async () => ({ ok: true, value: { result: r, message: 'Done.' } }),
    select: async (sheet, cell) => {
      calls.push(`select ${sheet}!${cell}`);
      return { ok: true, value: null };
    },
    settingsView: async () => ({ ok: false, message: 'no settings here' }),
    saveSettings: async () => ({ ok: true, value: 'Saved.' }),
  };
  return { actions, calls };
}

let root: HTMLElement;
beforeEach(() => {
  document.body.replaceChildren();
  root = document.createElement('div');
  document.body.append(root);
});
afterEach(() => {
  vi.unstubAllGlobals();
  vi.restoreAllMocks();
});

const settle = () => new Promise((r) => setTimeout(r, 0));
const q = <T extends Element = HTMLElement>(sel: string) => root.querySelector<T>(sel) as T;
const headings = () => Array.from(root.querySelectorAll('.pm-results h3'), (h) => h.textContent);
const section = (key: string) => q<HTMLDetailsElement>(`details[data-section="${key}"]`);
const rowsOf = (key: string) => Array.from(section(key).querySelectorAll<HTMLButtonElement>('button.pm-item'), (b) => b.dataset.cell);
const statusText = () => q('.pm-status-text').textContent;
const named = (name: string) => Array.from(root.querySelectorAll<HTMLElement>('button, fluent-button')).find((b) => (b.getAttribute('aria-label') ?? b.textContent) === name) as HTMLElement;

async function checked(look: 'fluent' | 'google' = 'google', r = quarter()) {
  const f = fake(r);
  mountPanel(root, f.actions, { look, hostName: 'the test' });
  named('Check plan').click();
  await settle();
  return f;
}

function choose(label: string, text: string): void {
  const select = Array.from(root.querySelectorAll('select')).find((s) => s.labels?.[0]?.textContent === label) as HTMLSelectElement;
  const option = Array.from(select.options).find((o) => o.text === text) as HTMLOptionElement;
  select.value = option.value;
  select.dispatchEvent(new Event('change'));
}

describe('the results show the whole quarter', () => {
  it('in sections whose headings carry their counts, the lists under the filter', async () => {
    await checked();
    expect(headings()).toEqual([
      'Actions by status (4)',
      'Themes (2)',
      'By lead officer (2)',
      'Errors (0)',
      'Warnings (2)',
      'Overdue (3)',
      'Due in the next 14 days (0)',
      'Slipped actions (1)',
      'Re-profiled timescales (1)',
      'Not started (0)',
      'Changes since June 2018 (3)',
      'Actions with milestones (1)',
      'Chase lead officers (2)',
    ]);
    // Each heading is the summary of a <details>: open where the officer acts first, closed for the rest.
    const open = Array.from(root.querySelectorAll<HTMLDetailsElement>('.pm-results details'), (d) => `${d.dataset.section}:${d.open ? 'open' : 'closed'}`);
    expect(open).toEqual(['status:open', 'themes:closed', 'leads:closed', 'errors:open', 'warnings:open', 'overdue:open', 'due-soon:open', 'slipped:closed', 'reprofiled:closed', 'not-started:closed', 'changes:closed', 'milestones:closed', 'chase:closed']);
    for (const d of root.querySelectorAll('.pm-results details')) expect(d.firstElementChild?.tagName).toBe('SUMMARY');
    // The filter sits between the tables that count the whole plan and the lists it narrows.
    const filter = q('fieldset.pm-filter');
    expect(filter.querySelector('legend')?.textContent).toBe('Narrow the lists');
    expect(filter.compareDocumentPosition(section('leads')) & Node.DOCUMENT_POSITION_PRECEDING).toBeTruthy();
    expect(filter.compareDocumentPosition(section('errors')) & Node.DOCUMENT_POSITION_FOLLOWING).toBeTruthy();
  });

  it('the status table has this period, the previous one and the change', async () => {
    await checked();
    const table = section('status').querySelector('table') as HTMLTableElement;
    expect(Array.from(table.tHead?.rows[0]?.cells ?? [], (c) => c.textContent)).toEqual(['Status', 'June 2018', 'Sept 2018', 'Change']);
    expect(Array.from(table.tBodies[0]?.rows ?? [], (r) => Array.from(r.cells, (c) => c.textContent))).toEqual([
      ['Completed', '0', '1', '+1'],
      ['On track', '3', '2', '\u22121'],
      ['Some slippage', '0', '1', '+1'],
    ]);
    expect(table.tFoot?.textContent).toBe('Grand Total34+1');
  });

  it('themes show their RAG as a word in the colour, and lead officers their actions by status', async () => {
    await checked();
    const themeRows = Array.from(section('themes').querySelectorAll('tbody tr'), (r) => Array.from(r.children, (c) => c.textContent));
    expect(themeRows).toEqual([
      [`${t1}2 On track`, 'Amber', '2'],
      [`${t2}1 Completed, 1 Some slippage`, 'Green', '2'],
    ]);
    const amber = section('themes').querySelector<HTMLElement>('.pm-chip') as HTMLElement;
    expect(amber.textContent).toBe('Amber');
    expect(amber.style.backgroundColor).not.toBe('');
    expect(Array.from(section('leads').querySelectorAll('tbody th'), (c) => c.textContent)).toEqual(['Jo Bloggs2 On track', 'Sam Smith1 Completed, 1 Some slippage']);
  });

  it('slipped actions show original → revised dates and the commentary; what changed since the last period is listed by kind', async () => {
    await checked();
    const slipped = section('slipped').querySelector('button.pm-item') as HTMLElement;
    expect(Array.from(slipped.querySelectorAll('.pm-meta'), (m) => m.textContent)).toEqual(['Original Sep 2018 → revised Dec 2018.', 'How the date moved: June 2018 → Sep 2018 (June 2018) → Dec 2018 (Sept 2018).', 'Status: Some slippage.']);
    expect(slipped.querySelector('.pm-commentary')?.textContent).toBe('Waiting for the budget.');
    expect(Array.from(section('changes').querySelectorAll('h4'), (h) => h.textContent)).toEqual(['Status changed (1)', 'New since June 2018 (1)', 'No longer in the plan (1)']);
    expect(section('changes').querySelector('button.pm-item .pm-meta')?.textContent).toBe('On track → Some slippage.');
    // An action no longer in the plan has no cell to go to: plain text, not a button.
    expect(section('changes').querySelectorAll('button.pm-item').length).toBe(2);
    expect(section('changes').textContent).toContain('Gone');
    expect(section('reprofiled').querySelector('.pm-meta')?.textContent).toBe('Sep 2018 → Dec 2018 (moved once).');
    // Without a timeline a slipped action shows its two dates only.
    await checked('google', quarter({ slipped: [{ ...quarter().slipped[0]!, timeline: null }] }));
    expect(Array.from(section('slipped').querySelectorAll('button.pm-item .pm-meta'), (m) => m.textContent)).toEqual(['Original Sep 2018 → revised Dec 2018.', 'Status: Some slippage.']);
    expect(section('milestones').querySelector('.pm-meta')?.textContent).toBe('1 milestone, 1 overdue. Reported Green; its milestones put it at Amber.');
  });

  it('an overdue milestone sits under its action, and says whose it is', async () => {
    await checked();
    const top = Array.from(section('overdue').querySelectorAll(':scope .pm-list:not(.pm-sublist) > li > button'), (b) => (b as HTMLElement).dataset.cell);
    expect(top).toEqual(['H5', 'H9']);
    const milestone = section('overdue').querySelector('.pm-sublist button') as HTMLElement;
    expect(milestone.dataset.cell).toBe('H6');
    expect(milestone.querySelector('.pm-meta')?.textContent).toBe('Milestone of 1.2.');
    expect(section('overdue').querySelector('.pm-sublist')?.getAttribute('aria-label')).toBe('Milestones of 1.2');
  });

  it('no recorded period: the changes section says how to get one', async () => {
    await checked('google', quarter({ previous: null, changes: { since: null, status: [], added: [], removed: [], reprofiled: [] } }));
    expect(headings()).toContain('Changes since the last period (0)');
    expect(section('changes').textContent).toContain('No earlier period is recorded');
    expect(section('status').querySelectorAll('thead th').length).toBe(2);
  });

  it('every list row is a button that selects its cell', async () => {
    const { calls } = await checked();
    section('slipped').open = true;
    (section('slipped').querySelector('button.pm-item') as HTMLElement).click();
    await settle();
    expect(calls).toContain('select Plan!H10');
    expect(statusText()).toBe("Selected H10 on 'Plan' (action 2.2).");
    (section('overdue').querySelector('.pm-sublist button') as HTMLElement).click();
    await settle();
    expect(calls).toContain('select Plan!H6');
    expect(statusText()).toBe("Selected H6 on 'Plan' (milestone 1.2a).");
  });

  it('lists longer than 300 are cut, with the note', async () => {
    const many = Array.from({ length: 305 }, (_, i) => ({ ...row(`9.${i}`, `H${i + 10}`, jo), original: 'Sep 2018', revised: 'Dec 2018', timeline: null }));
    await checked('google', quarter({ slipped: many }));
    expect(headings()).toContain('Slipped actions (305)');
    expect(section('slipped').querySelectorAll('button.pm-item').length).toBe(300);
    expect(section('slipped').querySelector('.pm-hint')?.textContent).toBe('Showing the first 300 of 305. Fix these, then check again to see the rest.');
  });
});

describe('the filter by theme and lead officer', () => {
  it('choosing a theme narrows the overdue list (and every other list) to that theme’s rows, and says so', async () => {
    await checked();
    expect(rowsOf('overdue')).toEqual(['H5', 'H6', 'H9']);
    choose('Theme', t2);
    expect(rowsOf('overdue')).toEqual(['H9']);
    expect(headings()).toEqual([
      'Actions by status (4)',
      'Themes (2)',
      'By lead officer (2)',
      'Errors (0)',
      'Warnings (0 of 2)',
      'Overdue (1 of 3)',
      'Due in the next 14 days (0)',
      'Slipped actions (1)',
      'Re-profiled timescales (1)',
      'Not started (0)',
      'Changes since June 2018 (2 of 3)',
      'Actions with milestones (0 of 1)',
      'Chase lead officers (1 of 2)',
    ]);
    expect(Array.from(section('chase').querySelectorAll('h4'), (h) => h.textContent)).toEqual(['Sam Smith']);
    expect(statusText()).toBe(`The lists show only the actions of ${t2}.`);
    // The whole-plan tables are not narrowed.
    expect(section('themes').querySelectorAll('tbody tr').length).toBe(2);
  });

  it('theme and lead officer together, then back to all; a warning on no action shows only unfiltered', async () => {
    await checked();
    choose('Lead officer', 'Jo Bloggs');
    expect(rowsOf('overdue')).toEqual(['H5', 'H6']);
    expect(rowsOf('warnings')).toEqual(['H5']);
    choose('Theme', t2);
    expect(rowsOf('overdue')).toEqual([]);
    expect(section('overdue').textContent).toContain('None.');
    expect(statusText()).toBe(`The lists show only the actions of ${t2} led by Jo Bloggs.`);
    choose('Theme', 'All themes');
    choose('Lead officer', 'All lead officers');
    expect(rowsOf('warnings')).toEqual(['H5', 'A2']);
    expect(statusText()).toBe('The lists show the whole plan.');
  });

  it('keeps the focus on the select, and the filter and open sections across the next run', async () => {
    await checked();
    const theme = q<HTMLSelectElement>('select[id$="-filter-theme"]');
    theme.focus();
    choose('Theme', t1);
    expect(document.activeElement).toBe(theme);
    section('slipped').open = true;
    section('slipped').dispatchEvent(new Event('toggle'));
    named('Check plan').click();
    await settle();
    expect(q<HTMLSelectElement>('select[id$="-filter-theme"]').value).toBe(`=${t1}`);
    expect(rowsOf('overdue')).toEqual(['H5', 'H6']);
    expect(section('slipped').open).toBe(true);
  });
});

describe('chase lead officers', () => {
  it('one entry per officer: the name, the address, the counts by reason and the two buttons', async () => {
    await checked('fluent');
    const entries = Array.from(section('chase').querySelectorAll('li.pm-chase'));
    expect(entries.map((e) => e.querySelector('h4')?.textContent)).toEqual(['Jo Bloggs', 'Sam Smith']);
    expect(entries.map((e) => e.querySelector('.pm-chase-counts')?.textContent)).toEqual(['1 overdue, 1 slipped with no revised date.', '1 overdue.']);
    expect(entries.map((e) => e.querySelector('.pm-meta')?.textContent)).toEqual(['To: jo@example.gov.uk', 'No e-mail address in the plan: add one to the draft.']);
    const buttons = Array.from(entries[0]?.querySelectorAll('fluent-button') ?? [], (b) => [b.textContent, b.getAttribute('aria-label')]);
    expect(buttons).toEqual([
      ['Draft e-mail', 'Draft e-mail to Jo Bloggs'],
      ['Copy', 'Copy the e-mail to Jo Bloggs'],
    ]);
    expect(section('chase').querySelector('.pm-hint')?.textContent).toBe('3 actions need an update. Each draft is plain text: check it before you send it.');
  });

  it('Draft e-mail opens the mailto: link', async () => {
    const open = vi.fn((): Window | null => ({}) as Window);
    vi.stubGlobal('open', open);
    await checked();
    named('Draft e-mail to Jo Bloggs').click();
    expect(open).toHaveBeenCalledWith(mailto);
    expect(statusText()).toBe('Opened a draft e-mail to Jo Bloggs in your e-mail program. If none appears, use Copy and paste it into a new e-mail.');
    expect(section('chase').querySelector<HTMLElement>('.pm-draft')?.hidden).toBe(true);
  });

  it('where the host will not open it, the draft shows as text to copy', async () => {
    vi.stubGlobal('open', () => null);
    await checked();
    named('Draft e-mail to Jo Bloggs').click();
    const box = section('chase').querySelector('textarea') as HTMLTextAreaElement;
    expect(box.closest<HTMLElement>('.pm-draft')?.hidden).toBe(false);
    expect(box.readOnly).toBe(true);
    expect(box.labels?.[0]?.textContent).toBe('Text of the e-mail to Jo Bloggs');
    expect(box.value).toBe('To: jo@example.gov.uk\nSubject: Improvement plan update needed: 2 actions as of 30/09/2018\n\nDear Jo Bloggs,\n\nOverdue (1)\n- 1.2 Write the plan.');
    expect(document.activeElement).toBe(box);
    expect(statusText()).toContain('could not be opened from here');
  });

  it('Copy writes the subject and body to the clipboard, and says so', async () => {
    const writeText = vi.fn(async (_text: string) => undefined);
    vi.stubGlobal('navigator', { ...navigator, clipboard: { writeText } });
    await checked();
    named('Copy the e-mail to Sam Smith').click();
    await settle();
    expect(writeText).toHaveBeenCalledWith('Subject: Improvement plan update needed: 1 action as of 30/09/2018\n\nDear Sam Smith,');
    expect(statusText()).toBe('Copied the e-mail to Sam Smith: paste it into a new e-mail.');
  });

  it('a refused clipboard (or none) selects the draft in a read-only text box instead', async () => {
    vi.stubGlobal('navigator', { ...navigator, clipboard: { writeText: () => Promise.reject(new DOMException('denied', 'NotAllowedError')) } });
    await checked();
    named('Copy the e-mail to Jo Bloggs').click();
    await settle();
    const box = section('chase').querySelector('textarea') as HTMLTextAreaElement;
    expect(box.closest<HTMLElement>('.pm-draft')?.hidden).toBe(false);
    expect([box.selectionStart, box.selectionEnd]).toEqual([0, box.value.length]);
    expect(statusText()).toBe('Plan Monitor could not copy here, so the draft to Jo Bloggs is selected below: press Ctrl+C (⌘C on a Mac) to copy it.');

    vi.stubGlobal('navigator', { ...navigator, clipboard: undefined });
    named('Copy the e-mail to Sam Smith').click();
    await settle();
    expect(statusText()).toContain('the draft to Sam Smith is selected below');
  });

  it('shows cell text in a draft as text, never as HTML', async () => {
    const payload = '<img src=x onerror=alert(1)>';
    vi.stubGlobal('open', () => null);
    await checked('google', quarter({ chase: [{ ...chaseJo, officer: payload, draft: { ...chaseJo.draft, body: payload } }] }));
    named(`Draft e-mail to ${payload}`).click();
    expect(root.querySelector('img')).toBeNull();
    expect(section('chase').querySelector('h4')?.textContent).toBe(payload);
    expect((section('chase').querySelector('textarea') as HTMLTextAreaElement).value).toContain(payload);
  });
});

describe('after a run', () => {
  it('Check plan brings the results heading into view and focuses it, as the ribbon does', async () => {
    const scrolled: string[] = [];
    Element.prototype.scrollIntoView = function (this: Element) {
      scrolled.push(this.textContent ?? '');
    };
    try {
      await checked('fluent');
    } finally {
      delete (Element.prototype as { scrollIntoView?: unknown }).scrollIntoView;
    }
    expect(document.activeElement?.textContent).toBe('Results');
    expect(scrolled).toEqual(['Results']);
  });
});

describe('the committee report', () => {
  // The model only passes through the view, from committeeReport to wordReport: a stand-in will do.
  const model = { title: 'the report model' } as unknown as ReportModel;
  function withReport(r = quarter()) {
    const f = fake(r);
    const asked: (string | null)[] = [];
    const actions: PanelActions = {
      ...f.actions,
      committeeReport: async (asOf) => {
        asked.push(asOf);
        return { ok: true, value: { result: r, html: '<!doctype html><title>Report</title><h1>Report</h1>', title: 'Northmoor City Council – Corporate Improvement Plan', fileName: 'committee-report-2018-09-30.html', model } };
      },
    };
    return { actions, asked };
  }

  beforeEach(() => {
    let n = 0;
    vi.stubGlobal('URL', Object.assign(Object.create(URL) as typeof URL, { createObjectURL: () => `blob:report-${++n}`, revokeObjectURL: vi.fn() }));
  });

  it('is a button only where the controller makes one', () => {
    mountPanel(root, fake().actions, { look: 'google', hostName: 'the test' });
    expect(named('Committee report')).toBeUndefined();
    mountPanel(root, withReport().actions, { look: 'fluent', hostName: 'the test' });
    expect(named('Committee report').tagName).toBe('FLUENT-BUTTON');
    expect(named('Committee report').closest('[role="group"]')?.getAttribute('aria-label')).toBe('Plan Monitor actions');
  });

  it('opens the report’s page in a new window to print, shows the results, and leaves a download link', async () => {
    const open = vi.fn((): Window | null => ({}) as Window);
    vi.stubGlobal('open', open);
    const { actions, asked } = withReport();
    mountPanel(root, actions, { look: 'google', hostName: 'the test' });
    named('Committee report').click();
    await settle();
    expect(asked).toEqual([null]);
    expect(open).toHaveBeenCalledWith('blob:report-1', '_blank');
    expect(statusText()).toBe('Opened the committee report, “Northmoor City Council – Corporate Improvement Plan”, in a new window: print it from there.');
    const link = q<HTMLAnchorElement>('.pm-report a');
    expect([link.getAttribute('href'), link.getAttribute('download'), link.textContent]).toEqual(['blob:report-1', 'committee-report-2018-09-30.html', 'Download the committee report (committee-report-2018-09-30.html)']);
    expect(headings()[0]).toBe('Actions by status (4)');
    // A second report replaces the first one's Blob URL.
    named('Committee report').click();
    await settle();
    expect(URL.revokeObjectURL).toHaveBeenCalledWith('blob:report-1');
    expect(q<HTMLAnchorElement>('.pm-report a').getAttribute('href')).toBe('blob:report-2');
  });

  it('where no window opens, offers the download and focuses it', async () => {
    vi.stubGlobal('open', () => null);
    mountPanel(root, withReport().actions, { look: 'google', hostName: 'the test' });
    named('Committee report').click();
    await settle();
    expect(statusText()).toBe('The committee report, “Northmoor City Council – Corporate Improvement Plan”, is ready to download.');
    expect(q('.pm-report .pm-hint').textContent).toContain('would not open a new window');
    expect(document.activeElement).toBe(q('.pm-report a'));
  });

  it('a failure is shown in the alert, and nothing is opened', async () => {
    const open = vi.fn();
    vi.stubGlobal('open', open);
    const { actions } = withReport();
    mountPanel(root, { ...actions, committeeReport: async () => ({ ok: false, message: 'No sheet in this workbook looks like a monitoring sheet.' }) }, { look: 'google', hostName: 'the test' });
    named('Committee report').click();
    await settle();
    expect(q('[role="alert"]').textContent).toContain('No sheet in this workbook looks like a monitoring sheet.');
    expect(open).not.toHaveBeenCalled();
    expect(q('.pm-report').hidden).toBe(true);
  });

  describe('as a Word document', () => {
    let blobs: Blob[];
    let clicked: { href: string | null; download: string | null }[];
    beforeEach(() => {
      vi.stubGlobal('open', () => ({}) as Window);
      blobs = [];
      clicked = [];
      let n = 0;
      vi.stubGlobal('URL', Object.assign(Object.create(URL) as typeof URL, {
        createObjectURL: (b: Blob) => {
          blobs.push(b);
          return `blob:file-${++n}`;
        },
        revokeObjectURL: vi.fn(),
      }));
      vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
        clicked.push({ href: this.getAttribute('href'), download: this.getAttribute('download') });
      });
    });

    function withWord(word: PanelActions['wordReport']) {
      const { actions } = withReport();
      return { ...actions, wordReport: word };
    }

    it('is offered beside the HTML only where the controller can make one', async () => {
      mountPanel(root, withReport().actions, { look: 'google', hostName: 'the test' });
      named('Committee report').click();
      await settle();
      expect(named('Download as Word (.docx)')).toBeUndefined();
      mountPanel(root, withWord(async () => ({ ok: false, message: 'unused' })), { look: 'fluent', hostName: 'the test' });
      named('Committee report').click();
      await settle();
      expect(named('Download as Word (.docx)').tagName).toBe('FLUENT-BUTTON');
      expect(named('Download as Word (.docx)').closest('.pm-report')).not.toBeNull();
    });

    it('renders the same report model, downloads the .docx and leaves a link to download it again', async () => {
      const asked: CommitteeReportFile[] = [];
      const bytes = new Uint8Array([0x50, 0x4b, 3, 4]);
      mountPanel(root, withWord(async (report) => {
        asked.push(report);
        return { ok: true, value: { bytes, fileName: 'committee-report-2018-09-30.docx' } };
      }), { look: 'google', hostName: 'the test' });
      named('Committee report').click();
      await settle();
      named('Download as Word (.docx)').click();
      await settle();
      expect(asked.map((r) => [r.model, r.fileName])).toEqual([[model, 'committee-report-2018-09-30.html']]);
      expect(blobs.map((b) => [b.type, b.size])).toEqual([['text/html;charset=utf-8', 51], ['application/vnd.openxmlformats-officedocument.wordprocessingml.document', 4]]);
      expect(clicked).toEqual([{ href: 'blob:file-2', download: 'committee-report-2018-09-30.docx' }]);
      const again = q<HTMLAnchorElement>('.pm-word a');
      expect([again.getAttribute('href'), again.getAttribute('download'), again.textContent]).toEqual(['blob:file-2', 'committee-report-2018-09-30.docx', 'Download the Word document again (committee-report-2018-09-30.docx)']);
      expect(statusText()).toBe('Downloaded the committee report as a Word document, committee-report-2018-09-30.docx: open it in Word to edit it, restyle it or print it.');
      // The download's own link is gone from the page once clicked.
      expect(root.querySelectorAll('.pm-report a[hidden]').length).toBe(0);
    });

    it('a renderer that fails to load is shown in the alert, and nothing downloads', async () => {
      mountPanel(root, withWord(async () => ({ ok: false, message: 'The Word document maker could not be downloaded. Check the connection, then try again.' })), { look: 'google', hostName: 'the test' });
      named('Committee report').click();
      await settle();
      named('Download as Word (.docx)').click();
      await settle();
      expect(q('[role="alert"]').textContent).toContain('The Word document maker could not be downloaded. Check the connection, then try again.');
      expect(clicked).toEqual([]);
      expect(root.querySelectorAll('.pm-word a').length).toBe(0);
    });
  });
});

describe('Merge replies…', () => {
  const lines = ["Merged 1 change from 1 reply into 'CIP Monitoring'; 1 conflict (below).", "  H49: action 6.4 status “On track” → “Completed” (from 'hr.xlsx', E8)", '', 'Conflicts (1): changed in the plan since the request was made, so left as they are:', '  H24: action 3.4 …', '', "Added 1 row to the audit trail (hidden sheet 'Plan Monitor Audit')."];

  function withMerge(answer: () => Outcome<MergedInPanel>) {
    const f = fake();
    const picked: { names: string[]; sizes: number[]; asOf: string | null }[] = [];
    const actions: PanelActions = {
      ...f.actions,
      mergeReplies: async (files, asOf) => {
        picked.push({ names: files.map((x) => x.name), sizes: files.map((x) => x.bytes.length), asOf });
        return answer();
      },
    };
    return { actions, picked };
  }

  function pick(files: File[]): void {
    const input = q<HTMLInputElement>('input[type="file"]');
    Object.defineProperty(input, 'files', { value: files, configurable: true });
    input.dispatchEvent(new Event('change'));
  }

  it('is a button only where the controller can merge; it opens a hidden multi-file picker for .xlsx', () => {
    mountPanel(root, fake().actions, { look: 'google', hostName: 'the test' });
    expect(named('Merge replies…')).toBeUndefined();
    expect(root.querySelector('input[type="file"]')).toBeNull();
    mountPanel(root, withMerge(() => ({ ok: false, message: 'unused' })).actions, { look: 'google', hostName: 'the test' });
    const input = q<HTMLInputElement>('input[type="file"]');
    expect([input.hidden, input.multiple, input.accept, input.getAttribute('aria-hidden')]).toEqual([true, true, '.xlsx,.xlsm', 'true']);
    const opened = vi.spyOn(input, 'click').mockImplementation(() => undefined);
    named('Merge replies…').click();
    expect(opened).toHaveBeenCalledTimes(1);
    expect(document.getElementById(named('Merge replies…').getAttribute('aria-describedby') ?? '')?.textContent).toBe('Pick the replies officers sent back to their update requests (plan-monitor requests).');
  });

  it('merges the picked files and shows the report in groups, the headline in the status line', async () => {
    const { actions, picked } = withMerge(() => ({ ok: true, value: { result: quarter(), lines, written: true, conflicts: 1, refused: 0 } }));
    mountPanel(root, actions, { look: 'google', hostName: 'the test' });
    pick([new File([new Uint8Array([1, 2, 3])], 'hr.xlsx'), new File([new Uint8Array([4])], 'finance.xlsx')]);
    await settle();
    await settle();
    expect(picked).toEqual([{ names: ['hr.xlsx', 'finance.xlsx'], sizes: [3, 1], asOf: null }]);
    const box = q('section.pm-file-report');
    expect(box.hidden).toBe(false);
    expect(box.querySelector('h2')?.textContent).toBe('Merged replies');
    expect(Array.from(box.querySelectorAll('p'), (p) => p.textContent)).toEqual([lines[0], lines[3], lines[6]]);
    expect(Array.from(box.querySelectorAll('li'), (p) => p.textContent)).toEqual(["H49: action 6.4 status “On track” → “Completed” (from 'hr.xlsx', E8)", 'H24: action 3.4 …']);
    expect(statusText()).toBe(lines[0]);
    expect(headings()[0]).toBe('Actions by status (4)');
  });

  it('a refusal is shown in the alert and no report is shown', async () => {
    mountPanel(root, withMerge(() => ({ ok: false, message: "'notes.xlsx' is not an Excel workbook (.xlsx). Nothing was merged." })).actions, { look: 'google', hostName: 'the test' });
    pick([new File(['x'], 'notes.xlsx')]);
    await settle();
    await settle();
    expect(q('[role="alert"]').textContent).toContain("'notes.xlsx' is not an Excel workbook (.xlsx). Nothing was merged.");
    expect(q('section.pm-file-report').hidden).toBe(true);
  });
});

describe('Add actions from a list…', () => {
  it('is a button only where the controller can add; it picks one .xlsx or .csv and shows what was added', async () => {
    mountPanel(root, fake().actions, { look: 'google', hostName: 'the test' });
    expect(named('Add actions from a list…')).toBeUndefined();
    const picked: string[] = [];
    const lines = ["Added 1 new action to 'Plan' from 'list.csv'.", '  3.7 in row 27, under Theme 3: “Review it” (Not started)'];
    mountPanel(root, { ...fake().actions, addActions: async (file, asOf) => (picked.push(`${file.name} ${file.bytes.length} ${asOf}`), { ok: true, value: { result: quarter(), lines, written: true } }) }, { look: 'google', hostName: 'the test' });
    const inputs = Array.from(root.querySelectorAll<HTMLInputElement>('input[type="file"]'));
    expect(inputs.map((i) => [i.accept, i.multiple])).toEqual([['.xlsx,.csv', false]]);
    const opened = vi.spyOn(inputs[0] as HTMLInputElement, 'click').mockImplementation(() => undefined);
    named('Add actions from a list…').click();
    expect(opened).toHaveBeenCalledTimes(1);
    Object.defineProperty(inputs[0], 'files', { value: [new File(['a,b'], 'list.csv')], configurable: true });
    inputs[0]?.dispatchEvent(new Event('change'));
    await settle();
    await settle();
    expect(picked).toEqual(['list.csv 3 null']);
    const box = q('section.pm-file-report');
    expect([box.querySelector('h2')?.textContent, box.querySelector('p')?.textContent, box.querySelector('li')?.textContent]).toEqual(['Added actions', lines[0], '3.7 in row 27, under Theme 3: “Review it” (Not started)']);
    expect(statusText()).toBe(lines[0]);
  });
});
