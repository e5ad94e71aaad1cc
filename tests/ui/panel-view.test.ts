// @vitest-environment jsdom
// The panel view over a fake controller: every failure reaches the officer, the busy indicator
// waits before it shows, buttons are unavailable while work runs, settings keep what they do not show.
import './jsdom-fluent';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Outcome, PanelResult, SettingsView } from '../../src/ui/panel-controller';
import type { ListedRow } from '../../src/ui/panel-result';
import { mountPanel, type PanelActions, type PanelHandle } from '../../src/ui/panel-view';
import { defaultPalette } from '../../shared/rag/palette';
import type { SettingsInput } from '../../shared/settings/settings';

/** A list row, in theme 1 and led by Jo Bloggs unless said otherwise. */
function row(over: Partial<ListedRow> & Pick<ListedRow, 'ref' | 'cell'>): ListedRow {
  return { action: '', due: '', days: 0, status: 'On track', commentary: '', milestoneOf: null, scope: { theme: 'Theme 1', lead: 'jo bloggs' }, ...over };
}

function result(over: Partial<PanelResult> = {}): PanelResult {
  return {
    sheet: 'Plan',
    asOf: '2018-09-30',
    headline: "'Plan' as of 30/09/2018: 2 actions, 0 errors, 1 warning, 1 overdue.",
    statusCounts: [
      { status: 'Completed', rag: 'blue', count: 1 },
      { status: 'On track', rag: 'green', count: 1 },
    ],
    total: 2,
    errors: [],
    warnings: [{ cell: 'H5', sheet: 'Plan', message: 'Action 1.2 is reported “On track” but was due 31/08/2018.', rule: 'overdue-reported-on-track', scope: { theme: 'Theme 1', lead: 'jo bloggs' } }],
    overdue: [row({ ref: '1.2', action: 'Write the plan', due: '31/08/2018', days: 30, cell: 'H5' })],
    dueSoon: [],
    notes: [],
    dueSoonDays: 21,
    currentLabel: 'Actions',
    previous: null,
    palette: defaultPalette,
    slipped: [],
    notStarted: [],
    themes: [],
    changes: { since: null, status: [], added: [], removed: [], reprofiled: [] },
    byLead: [],
    milestones: [],
    chase: [],
    filters: { themes: [], leads: [] },
    ...over,
  };
}

const view: SettingsView = {
  columns: [
    { field: 'ref', label: 'Ref', current: { col: 1, text: 'Ref', how: 'detected' } },
    { field: 'status', label: 'Status', current: { col: 8, text: 'Status', how: 'detected' } },
    { field: 'theme', label: 'Theme', current: null },
  ],
  headers: [
    { col: 1, text: 'Ref' },
    { col: 8, text: 'Status' },
    { col: 9, text: 'Progress Update' },
  ],
  input: { rules: { 'duplicate-ref': 'off' }, columns: { commentary: 'Progress update' }, dueSoonDays: 21 },
};

function deferred<T>() {
  let resolve!: (v: T) => void;
  let reject!: (e: unknown) => void;
  const promise = new Promise<T>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  return { promise, resolve, reject };
}

function fake(over: Partial<PanelActions> = {}) {
  const calls: string[] = [];
  const saved: SettingsInput[] = [];
  const actions: PanelActions = {
    check: async (asOf) => {
      calls.push(`check ${asOf}`);
      return { ok: true, value: result() };
    },
    apply: async (_asOf, what) => {
      calls.push(`apply ${what.colours ? 'colours' : 'summary'}`);
      return { ok: true, value: { result: result(), message: "Coloured 2 status cells on 'Plan'." } };
    },
    select: async (sheet, cell) => {
      calls.push(`select ${sheet}!${cell}`);
      return { ok: true, value: null };
    },
    settingsView: async () => ({ ok: true, value: view }),
    saveSettings: async (input) => {
      saved.push(input);
      return { ok: true, value: 'Saved in the workbook.' };
    },
    ...over,
  };
  return { actions, calls, saved };
}

let root: HTMLElement;

beforeEach(() => {
  document.body.replaceChildren();
  root = document.createElement('div');
  document.body.append(root);
});

afterEach(() => vi.useRealTimers());

const q = <T extends Element = HTMLElement>(sel: string) => root.querySelector<T>(sel) as T;
/** The panel's buttons: <fluent-button> in the 'fluent' look, <button> in the 'google' look and the results' rows. */
const buttons = () => Array.from(root.querySelectorAll<HTMLElement>('button, fluent-button'));
const buttonNamed = (name: string) => buttons().find((b) => b.textContent === name) as HTMLElement;
const alertText = () => q('[role="alert"]').textContent;
const statusText = () => q('[role="status"]').textContent;
const settle = () => new Promise((r) => setTimeout(r, 0));

describe('mountPanel', () => {
  it('renders the controls with labels, the as-of date, and the look as a class', () => {
    mountPanel(root, fake().actions, { look: 'google', hostName: 'Google Sheets' });
    expect(root.classList.contains('google')).toBe(true);
    expect(root.getAttribute('aria-label')).toBe('Plan Monitor for Google Sheets');
    const input = q<HTMLInputElement>('input.pm-date');
    // Empty until a run shows the date it used: no date is sent unless the user picks one.
    expect(input.value).toBe('');
    expect(input.type).toBe('text');
    expect(input.placeholder).toBe('dd/mm/yyyy');
    expect(input.labels?.[0]?.textContent).toBe('As of');
    // jsdom has no showPicker(): the calendar button is there but hidden.
    const calendar = q('[aria-label="Choose the as-of date from a calendar"]');
    expect(calendar.hidden).toBe(true);
    expect(buttons().filter((b) => b !== calendar).map((b) => b.textContent)).toEqual(['Check plan', 'Apply RAG colours', 'Build summary', 'Settings', 'Record period', 'Replace it', 'Keep the old one']);
    expect(q('[role="status"]').getAttribute('aria-live')).toBe('polite');
  });

  it('shows the date a run used as dd/mm/yyyy, sends nothing until the user types one, then sends what was typed', async () => {
    const { actions, calls } = fake();
    mountPanel(root, actions, { look: 'fluent', hostName: 'Excel' });
    const input = q<HTMLInputElement>('input.pm-date');
    buttonNamed('Check plan').click();
    await settle();
    expect(calls).toEqual(['check null']);
    expect(input.value).toBe('30/09/2018');
    input.value = '31/12/2018';
    input.dispatchEvent(new Event('input'));
    buttonNamed('Check plan').click();
    await settle();
    expect(calls).toEqual(['check null', 'check 31/12/2018']);
    // The run's date (still 30/09/2018 in this fake) does not overwrite what the user typed.
    expect(input.value).toBe('31/12/2018');
  });

  it('a check shows the headline (and reads it out), the status table, findings and overdue actions; a finding selects its cell', async () => {
    const { actions, calls } = fake();
    mountPanel(root, actions, { look: 'fluent', hostName: 'Excel' });
    buttonNamed('Check plan').click();
    await settle();
    expect(q('.pm-headline').textContent).toContain('2 actions');
    expect(statusText()).toContain('2 actions');
    expect(Array.from(root.querySelectorAll('.pm-results h3')).map((h) => h.textContent)).toEqual([
      'Actions by status (2)',
      'Themes (0)',
      'By lead officer (0)',
      'Errors (0)',
      'Warnings (1)',
      'Overdue (1)',
      'Due in the next 21 days (0)',
      'Slipped actions (0)',
      'Re-profiled timescales (0)',
      'Not started (0)',
      'Changes since the last period (0)',
      'Chase lead officers (0)',
    ]);
    expect(q('.pm-table tfoot').textContent).toBe('Grand Total2');
    q<HTMLButtonElement>('button.pm-warning').click();
    await settle();
    expect(calls).toContain('select Plan!H5');
    expect(statusText()).toContain("Selected H5 on 'Plan'");
    expect(root.textContent).not.toContain('null');
  });

  it('shows every failed outcome in the alert, in plain words', async () => {
    const failed = <T>(message: string) => async (): Promise<Outcome<T>> => ({ ok: false, message });
    const { actions } = fake({
      check: failed('No sheet in this workbook looks like a monitoring sheet.'),
      apply: failed('The sheet is protected, so Plan Monitor could not change it.'),
      select: failed('A sheet Plan Monitor needs has been renamed or deleted since it was read.'),
      settingsView: failed('Could not find the column headings.'),
    });
    mountPanel(root, actions, { look: 'fluent', hostName: 'Excel' });
    buttonNamed('Check plan').click();
    await settle();
    expect(alertText()).toContain('No sheet in this workbook looks like a monitoring sheet.');
    buttonNamed('Apply RAG colours').click();
    await settle();
    expect(alertText()).toContain('The sheet is protected');
    buttonNamed('Settings').click();
    await settle();
    expect(alertText()).toContain('Could not find the column headings.');
    expect(q('.pm-settings').hidden).toBe(true);
  });

  it('shows a thrown error too, and the buttons work again afterwards', async () => {
    let fail = true;
    const { actions } = fake({
      check: async () => {
        if (fail) throw new Error('the host went away');
        return { ok: true, value: result() };
      },
    });
    mountPanel(root, actions, { look: 'fluent', hostName: 'Excel' });
    buttonNamed('Check plan').click();
    await settle();
    expect(alertText()).toContain('Something went wrong: the host went away');
    fail = false;
    buttonNamed('Check plan').click();
    await settle();
    expect(alertText()).toBe('');
    expect(q('.pm-headline').textContent).toContain('2 actions');
  });

  it('marks the buttons unavailable at once, shows progress only after 150 ms, and ignores clicks while busy', async () => {
    vi.useFakeTimers();
    const pending = deferred<Outcome<{ result: PanelResult; message: string }>>();
    let applies = 0;
    const { actions } = fake({
      apply: () => {
        applies += 1;
        return pending.promise;
      },
    });
    mountPanel(root, actions, { look: 'fluent', hostName: 'Excel' });
    const colours = buttonNamed('Apply RAG colours');
    colours.click();
    expect(colours.getAttribute('aria-disabled')).toBe('true');
    expect(buttonNamed('Check plan').getAttribute('aria-disabled')).toBe('true');
    expect(q('.pm-spinner').hidden).toBe(true);
    await vi.advanceTimersByTimeAsync(149);
    expect(q('.pm-spinner').hidden).toBe(true);
    expect(statusText()).toBe('');
    await vi.advanceTimersByTimeAsync(1);
    expect(q('.pm-spinner').hidden).toBe(false);
    expect(statusText()).toBe('Writing colours…');
    expect(root.getAttribute('aria-busy')).toBe('true');
    colours.click();
    buttonNamed('Check plan').click();
    expect(applies).toBe(1);
    pending.resolve({ ok: true, value: { result: result(), message: "Coloured 2 status cells on 'Plan'." } });
    await vi.advanceTimersByTimeAsync(0);
    expect(q('.pm-spinner').hidden).toBe(true);
    expect(colours.hasAttribute('aria-disabled')).toBe(false);
    expect(root.hasAttribute('aria-busy')).toBe(false);
    expect(q('.pm-status-text').textContent).toBe("Coloured 2 status cells on 'Plan'.");
  });

  it('settings: saves only what changed on top of the workbook’s settings, then checks again', async () => {
    const { actions, calls, saved } = fake();
    mountPanel(root, actions, { look: 'fluent', hostName: 'Excel' });
    buttonNamed('Settings').click();
    await settle();
    expect(q('.pm-settings').hidden).toBe(false);
    expect(buttonNamed('Close settings').getAttribute('aria-expanded')).toBe('true');
    const status = Array.from(root.querySelectorAll('select')).find((s) => s.labels?.[0]?.textContent === 'Status') as HTMLSelectElement;
    expect(Array.from(status.options).map((o) => o.text)).toEqual(['Detected: Status (column H)', 'A: Ref', 'H: Status', 'I: Progress Update']);
    status.value = 'I';
    status.dispatchEvent(new Event('change'));
    buttonNamed('Save settings').click();
    await settle();
    expect(saved).toEqual([{ rules: { 'duplicate-ref': 'off' }, columns: { commentary: 'Progress update', status: 'I' }, dueSoonDays: 21 }]);
    expect(calls).toEqual(['check null']);
    expect(q('.pm-settings').hidden).toBe(true);
    expect(q('.pm-status-text').textContent).toBe('Saved in the workbook.');
    expect(document.activeElement?.textContent).toBe('Settings');
  });

  it('settings: a refused save keeps the form open with the reason; Escape closes it without saving', async () => {
    const { actions, saved } = fake({ saveSettings: async () => ({ ok: false, message: "Setting 'dueSoonDays' must be at most 366." }) });
    mountPanel(root, actions, { look: 'fluent', hostName: 'Excel' });
    buttonNamed('Settings').click();
    await settle();
    buttonNamed('Save settings').click();
    await settle();
    expect(alertText()).toContain("Setting 'dueSoonDays' must be at most 366.");
    expect(q('.pm-settings').hidden).toBe(false);
    q('select').dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape', bubbles: true }));
    expect(q('.pm-settings').hidden).toBe(true);
    expect(saved).toEqual([]);
  });

  it('settings: words officers type are added to a status of the chosen scheme, removed, and saved as the whole list', async () => {
    const withWords = { ...view, input: { ...view.input, statusWords: [{ word: 'behind schedule', status: 'Some slippage' }] } };
    const { actions, saved } = fake({ settingsView: async () => ({ ok: true, value: withWords }) });
    mountPanel(root, actions, { look: 'google', hostName: 'Google Sheets' });
    buttonNamed('Settings').click();
    await settle();
    const selectLabelled = (label: string) => Array.from(root.querySelectorAll('select')).find((s) => s.labels?.[0]?.textContent === label) as HTMLSelectElement;
    const words = () => Array.from(root.querySelectorAll('.pm-words li span'), (li) => li.textContent);
    expect(words()).toEqual(['“behind schedule” means Some slippage']);
    expect(Array.from(selectLabelled('Means').options, (o) => o.value)).toEqual(['Completed', 'On track', 'Some slippage', 'Major slippage', 'Not started']);
    // Another scheme: the Means list follows it.
    const scheme = selectLabelled('Words used for status');
    scheme.value = 'rag';
    scheme.dispatchEvent(new Event('change'));
    expect(Array.from(selectLabelled('Means').options, (o) => o.value)).toEqual(['Green', 'Amber', 'Red']);
    const word = root.querySelector<HTMLInputElement>('input[id$="-word"]') as HTMLInputElement;
    expect(word.labels?.[0]?.textContent).toBe('Another word officers type');
    word.value = '  On hold ';
    selectLabelled('Means').value = 'Amber';
    // Enter in the word box adds it, and saves nothing.
    word.dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', bubbles: true, cancelable: true }));
    expect(words()).toEqual(['“behind schedule” means Some slippage', '“On hold” means Amber']);
    expect(word.value).toBe('');
    expect(saved).toEqual([]);
    buttons().find((b) => b.getAttribute('aria-label') === 'Remove “behind schedule”')?.click();
    expect(words()).toEqual(['“On hold” means Amber']);
    buttonNamed('Save settings').click();
    await settle();
    expect(saved).toEqual([{ ...view.input, scheme: 'rag', statusWords: [{ word: 'On hold', status: 'Amber' }] }]);
  });

  it('settings: removing every added word saves the settings without the list', async () => {
    const withWords = { ...view, input: { ...view.input, statusWords: [{ word: 'behind schedule', status: 'Some slippage' }] } };
    const { actions, saved } = fake({ settingsView: async () => ({ ok: true, value: withWords }) });
    mountPanel(root, actions, { look: 'fluent', hostName: 'Excel' });
    buttonNamed('Settings').click();
    await settle();
    const hints = () => Array.from(root.querySelectorAll<HTMLElement>('.pm-status-words > p.pm-hint'), (p) => [p.textContent, p.hidden]);
    expect(hints()).toEqual([
      ['Words your officers type for a status, besides the scheme’s own.', false],
      ['No words added: only the scheme’s own are read.', true],
    ]);
    buttons().find((b) => b.getAttribute('aria-label') === 'Remove “behind schedule”')?.click();
    expect(hints()).toEqual([
      ['Words your officers type for a status, besides the scheme’s own.', false],
      ['No words added: only the scheme’s own are read.', false],
    ]);
    buttonNamed('Save settings').click();
    await settle();
    expect(saved).toEqual([view.input]);
  });

  it('shows cell text as text, never as HTML', async () => {
    const payload = '<img src=x onerror=alert(1)>';
    const { actions } = fake({
      check: async () => ({ ok: true, value: result({ overdue: [row({ ref: payload, action: payload, due: payload, days: 1, cell: 'H5', commentary: payload, status: payload })], notes: [payload] }) }),
    });
    mountPanel(root, actions, { look: 'fluent', hostName: 'Excel' });
    buttonNamed('Check plan').click();
    await settle();
    expect(root.querySelector('img')).toBeNull();
    expect(root.textContent).toContain(payload);
  });

  it('is made of Fluent UI Web Components in the fluent look, and of native elements in the google look', () => {
    mountPanel(root, fake().actions, { look: 'fluent', hostName: 'Excel' });
    const check = buttonNamed('Check plan');
    expect(check.tagName).toBe('FLUENT-BUTTON');
    expect(check.getAttribute('role')).toBe('button');
    expect(check.getAttribute('appearance')).toBe('primary');
    expect(check.shadowRoot).not.toBeNull(); // defined and upgraded, not an unknown element
    expect(check.tabIndex).toBe(0);
    expect(buttonNamed('Settings').getAttribute('aria-controls')).toMatch(/-settings$/);
    expect(q('fluent-spinner.pm-spinner').getAttribute('aria-hidden')).toBe('true');
    // The period name is a native text box in a Fluent field, still labelled and described.
    const name = q<HTMLInputElement>('input[id$="-period"]');
    expect(name.closest('fluent-field')).not.toBeNull();
    expect(name.labels?.[0]?.textContent).toBe('Period name');
    expect(document.getElementById(name.getAttribute('aria-describedby') ?? '')?.textContent).toContain('Record the plan as it stands');
    expect(root.querySelector('button:not(.pm-item)')).toBeNull();

    mountPanel(root, fake().actions, { look: 'google', hostName: 'Google Sheets' });
    expect(buttonNamed('Check plan').tagName).toBe('BUTTON');
    expect(root.querySelector('fluent-button, fluent-field, fluent-spinner')).toBeNull();
    expect(root.classList.contains('fluent')).toBe(false);
  });

  it('in a bundle built without Fluent (PLAN_MONITOR_FLUENT false) the fluent look has native controls, and works the same', async () => {
    const scope = globalThis as { PLAN_MONITOR_FLUENT?: boolean };
    scope.PLAN_MONITOR_FLUENT = false;
    try {
      const { actions, calls } = fake();
      mountPanel(root, actions, { look: 'fluent', hostName: 'Excel' });
      expect(root.classList.contains('fluent')).toBe(true);
      expect(root.querySelector('fluent-button, fluent-field, fluent-spinner')).toBeNull();
      expect(buttonNamed('Check plan').tagName).toBe('BUTTON');
      buttonNamed('Check plan').click();
      await settle();
      expect(calls).toEqual(['check null']);
      expect(q('.pm-headline').textContent).toContain('2 actions');
    } finally {
      delete scope.PLAN_MONITOR_FLUENT;
    }
  });

  it('a panel mounted again over the same root drops the old one’s listeners', async () => {
    const first = fake();
    mountPanel(root, first.actions, { look: 'fluent', hostName: 'Excel' });
    buttonNamed('Settings').click();
    await settle();
    const second = fake();
    mountPanel(root, second.actions, { look: 'fluent', hostName: 'Excel' });
    buttonNamed('Settings').click();
    await settle();
    q('select').dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape', bubbles: true }));
    expect(q('.pm-settings').hidden).toBe(true);
    expect(q('.pm-status-text').textContent).toBe('Settings closed without saving.');
    expect(root.querySelectorAll('.pm-title').length).toBe(1);
  });
});

describe('the panel handle (the Excel ribbon, in a shared runtime)', () => {
  const heading = () => q('.pm-results h2');

  it('run("check") does what Check plan does, then brings the results heading into view and focuses it', async () => {
    const { actions, calls } = fake();
    const handle: PanelHandle = mountPanel(root, actions, { look: 'fluent', hostName: 'Excel' });
    const scrolled: string[] = [];
    Element.prototype.scrollIntoView = function (this: Element) {
      scrolled.push(this.textContent ?? '');
    };
    try {
      await handle.run('check');
    } finally {
      delete (Element.prototype as { scrollIntoView?: unknown }).scrollIntoView;
    }
    expect(calls).toEqual(['check null']);
    expect(q('.pm-headline').textContent).toContain('2 actions');
    expect(statusText()).toContain('2 actions');
    expect(document.activeElement).toBe(heading());
    expect(heading().textContent).toBe('Results');
    expect(heading().tabIndex).toBe(-1); // focusable from script, not a tab stop
    expect(scrolled).toEqual(['Results']);
    // The same as clicking: the button leaves the same results and status behind.
    buttonNamed('Check plan').click();
    await settle();
    expect(calls).toEqual(['check null', 'check null']);
  });

  it('run("colours") and run("summary") apply what their buttons apply, with the same status', async () => {
    const { actions, calls } = fake({
      apply: async (_asOf, what) => {
        calls.push(`apply ${what.colours ? 'colours' : ''}${what.summary ? 'summary' : ''}`);
        return { ok: true, value: { result: result(), message: what.colours ? "Coloured 2 status cells on 'Plan'." : "Wrote the summary to sheet 'Plan Summary'." } };
      },
    });
    const handle = mountPanel(root, actions, { look: 'fluent', hostName: 'Excel' });
    await handle.run('colours');
    expect(q('.pm-status-text').textContent).toBe("Coloured 2 status cells on 'Plan'.");
    expect(document.activeElement).toBe(heading());
    await handle.run('summary');
    expect(q('.pm-status-text').textContent).toBe("Wrote the summary to sheet 'Plan Summary'.");
    buttonNamed('Apply RAG colours').click();
    await settle();
    buttonNamed('Build summary').click();
    await settle();
    expect(calls).toEqual(['apply colours', 'apply summary', 'apply colours', 'apply summary']);
  });

  it('run() marks the buttons busy like a click, is ignored while other work runs, and shows a failure in the alert', async () => {
    const pending = deferred<Outcome<PanelResult>>();
    let checks = 0;
    const { actions } = fake({
      check: () => {
        checks += 1;
        return checks === 1 ? pending.promise : Promise.resolve({ ok: false, message: 'No sheet in this workbook looks like a monitoring sheet.' });
      },
    });
    const handle = mountPanel(root, actions, { look: 'fluent', hostName: 'Excel' });
    const first = handle.run('check');
    expect(buttonNamed('Check plan').getAttribute('aria-disabled')).toBe('true');
    expect(root.getAttribute('aria-busy')).toBe('true');
    await handle.run('check'); // busy: nothing runs, as with a click
    expect(checks).toBe(1);
    pending.resolve({ ok: true, value: result() });
    await first;
    expect(buttonNamed('Check plan').hasAttribute('aria-disabled')).toBe(false);
    expect(document.activeElement).toBe(heading());
    buttonNamed('Check plan').focus();
    await handle.run('check');
    expect(checks).toBe(2);
    expect(alertText()).toContain('No sheet in this workbook looks like a monitoring sheet.');
    expect(document.activeElement).not.toBe(heading());
  });

  it('run() closes open settings without saving, so the results show', async () => {
    const { actions, saved } = fake();
    const handle = mountPanel(root, actions, { look: 'fluent', hostName: 'Excel' });
    buttonNamed('Settings').click();
    await settle();
    expect(q('.pm-settings').hidden).toBe(false);
    await handle.run('check');
    expect(q('.pm-settings').hidden).toBe(true);
    expect(q('.pm-results').hidden).toBe(false);
    expect(buttonNamed('Settings').getAttribute('aria-expanded')).toBe('false');
    expect(saved).toEqual([]);
    expect(document.activeElement).toBe(heading());
  });

  it('openPeriodForm() shows the Period name field and focuses it, closing settings first', async () => {
    const { actions } = fake({ recordPeriod: async () => ({ ok: true, value: 'Recorded.' }) });
    const handle = mountPanel(root, actions, { look: 'fluent', hostName: 'Excel' });
    const name = q<HTMLInputElement>('input[id$="-period"]');
    buttonNamed('Settings').click();
    await settle();
    expect(name.closest<HTMLElement>('.pm-period')?.hidden).toBe(true);
    handle.openPeriodForm();
    expect(name.closest<HTMLElement>('.pm-period')?.hidden).toBe(false);
    expect(q('.pm-settings').hidden).toBe(true);
    expect(document.activeElement).toBe(name);
    expect(name.labels?.[0]?.textContent).toBe('Period name');
  });

  it('openPeriodForm() does nothing where the host cannot record periods', () => {
    const handle = mountPanel(root, fake().actions, { look: 'google', hostName: 'Google Sheets' });
    handle.openPeriodForm();
    expect(q('.pm-period').hidden).toBe(true);
    expect(document.activeElement).toBe(document.body);
  });
});
