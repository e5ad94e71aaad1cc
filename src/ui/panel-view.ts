/// <reference lib="dom" />
/**
 * The Plan Monitor panel: the Excel task pane, the Sheets sidebar and the browser preview all mount
 * this view over a PanelController. It only renders what the controller returns, as text (never
 * HTML), and shows every failure to the officer in plain English.
 */
import type { HeaderCell } from '../../shared/header/detect-header';
import type { SettingsInput } from '../../shared/settings/settings';
import type { Rag } from '../../shared/status/schemes';
import { BusyIndicator, defaultBusyDelayMs } from './busy';
import { append, h, uniquePrefix } from './dom';
import { plainMessage, type ColumnChoice, type Outcome, type PanelResult, type SettingsView } from './panel-controller';
import { plural } from '../../shared/text/plural';
import {
  applyFormChanges,
  columnSelectModel,
  dateOrderChoices,
  fillOf,
  ragNames,
  ragOrder,
  schemeChoices,
  type FormChanges,
  type SelectOption,
} from './settings-form';

export type PanelLook = 'fluent' | 'google';

export interface PanelOptions {
  look: PanelLook;
  /** "Excel", "Google Sheets", "the preview": named to screen readers in the panel's landmark. */
  hostName: string;
  /** How long work runs before the busy indicator shows (tests shorten it). */
  busyDelayMs?: number;
}

/** What the view needs of the controller (PanelController has it; tests may pass a fake). */
export interface PanelActions {
  /** `asOf` is null unless the user chose a date: the use case then takes the settings' date, else today. */
  check(asOf: string | null): Promise<Outcome<PanelResult>>;
  apply(asOf: string | null, what: { colours: boolean; summary: boolean }): Promise<Outcome<{ result: PanelResult; message: string }>>;
  select(sheet: string, cell: string): Promise<Outcome<null>>;
  settingsView(asOf: string | null): Promise<Outcome<SettingsView>>;
  saveSettings(input: SettingsInput): Promise<Outcome<string>>;
  /** Absent where a host cannot record periods; the form is then not shown. */
  recordPeriod?(asOf: string | null, label: string, replace: boolean): Promise<Outcome<string> | { ok: false; message: string; confirm: true }>;
}

/** Long lists are cut here: a task pane with 20,000 buttons helps nobody. */
const listLimit = 300;


export function mountPanel(root: HTMLElement, controller: PanelActions, options: PanelOptions): void {
  const id = uniquePrefix('pm');
  root.replaceChildren();
  root.classList.remove('fluent', 'google');
  root.classList.add('pm-panel', options.look);
  // A landmark for screen readers, unless the host page made the root one already (<main>, <aside>).
  if (root.tagName === 'DIV' && !root.hasAttribute('role')) root.setAttribute('role', 'region');
  root.setAttribute('aria-label', `Plan Monitor for ${options.hostName}`);

  // ---- Header and actions -------------------------------------------------------------------
  const asOfInput = h('input', { class: 'pm-input', attrs: { type: 'date', id: `${id}-asof`, 'aria-describedby': `${id}-asof-hint` } });
  // Empty until a run shows the date it used; only a date the user picks is sent, so a date saved in
  // the settings is used here exactly as by the ribbon, the Sheets menu and the CLI.
  let asOfChosen = false;
  asOfInput.addEventListener('input', () => {
    asOfChosen = asOfInput.value !== '';
  });
  const asOfAsked = () => (asOfChosen ? asOfInput.value : null);

  const checkButton = h('button', { class: 'pm-button pm-primary pm-action', attrs: { type: 'button' } }, 'Check plan');
  const coloursButton = h('button', { class: 'pm-button pm-action', attrs: { type: 'button' } }, 'Apply RAG colours');
  const summaryButton = h('button', { class: 'pm-button pm-action', attrs: { type: 'button' } }, 'Build summary');
  const settingsButton = h(
    'button',
    { class: 'pm-button pm-subtle pm-action', attrs: { type: 'button', 'aria-expanded': 'false', 'aria-controls': `${id}-settings` } },
    'Settings',
  );
  const actionButtons = [checkButton, coloursButton, summaryButton, settingsButton];

  const spinner = h('span', { class: 'pm-spinner', attrs: { 'aria-hidden': 'true', hidden: true } });
  const statusText = h('span', { class: 'pm-status-text' });
  // Read out but not shown: the headline after a check, which the results already show on screen.
  const spokenText = h('span', { class: 'pm-visually-hidden' });
  const status = h('div', { class: 'pm-status pm-status-empty', attrs: { role: 'status', 'aria-live': 'polite' } }, spinner, statusText, spokenText);
  const asOfField = h(
    'div',
    { class: 'pm-field' },
    h('label', { class: 'pm-label', attrs: { for: `${id}-asof` } }, 'As of'),
    asOfInput,
    h('p', { class: 'pm-hint', attrs: { id: `${id}-asof-hint` } }, 'Actions due before this date count as overdue.'),
  );
  const alert = h('div', { class: 'pm-alert', attrs: { role: 'alert' } });

  // ---- Record period: the workbook keeps its own history, quarter by quarter ----------------
  const periodInput = h('input', { class: 'pm-input', attrs: { type: 'text', id: `${id}-period`, placeholder: 'e.g. Sept 2018', maxlength: 40, 'aria-describedby': `${id}-period-hint` } });
  const recordButton = h('button', { class: 'pm-button pm-action', attrs: { type: 'button' } }, 'Record period');
  const confirmText = h('p', { class: 'pm-hint' });
  const replaceButton = h('button', { class: 'pm-button pm-primary', attrs: { type: 'button' } }, 'Replace it');
  const keepButton = h('button', { class: 'pm-button', attrs: { type: 'button' } }, 'Keep the old one');
  const confirmBox = h('div', { class: 'pm-confirm', attrs: { hidden: true, role: 'group', 'aria-label': 'Replace a recorded period?' } }, confirmText, replaceButton, keepButton);
  const periodField = h(
    'div',
    { class: 'pm-field pm-period' },
    h('label', { class: 'pm-label', attrs: { for: `${id}-period` } }, 'Period name'),
    periodInput,
    h('p', { class: 'pm-hint', attrs: { id: `${id}-period-hint` } }, 'Record the plan as it stands, to compare with next quarter.'),
    recordButton,
    confirmBox,
  );
  if (!controller.recordPeriod) periodField.hidden = true;

  const results = h('section', { class: 'pm-results', attrs: { 'aria-labelledby': `${id}-results-h`, hidden: true } });
  const settings = h('section', { class: 'pm-settings', attrs: { id: `${id}-settings`, 'aria-labelledby': `${id}-settings-h`, hidden: true } });

  root.append(
    h(
      'header',
      { class: 'pm-header' },
      h('h1', { class: 'pm-title' }, 'Plan Monitor'),
      h('p', { class: 'pm-subtitle' }, 'Check the improvement plan, colour its statuses and build the committee summary.'),
    ),
    asOfField,
    h('div', { class: 'pm-actions', attrs: { role: 'group', 'aria-label': 'Plan Monitor actions' } }, checkButton, coloursButton, summaryButton, settingsButton),
    periodField,
    status,
    alert,
    settings,
    results,
  );

  // ---- Messages and busy state ----------------------------------------------------------------
  let busy = false;
  const indicator = new BusyIndicator(
    {
      show(text) {
        spinner.hidden = false;
        setStatus(text);
        root.classList.add('pm-show-busy');
      },
      hide() {
        spinner.hidden = true;
        status.classList.toggle('pm-status-empty', statusText.textContent === '');
        root.classList.remove('pm-show-busy');
      },
    },
    options.busyDelayMs ?? defaultBusyDelayMs,
  );

  /** Shows `text` in the status line; `spoken` is read out after it but not shown. */
  function setStatus(text: string, spoken = ''): void {
    statusText.textContent = text;
    spokenText.textContent = spoken;
    status.classList.toggle('pm-status-empty', text === '' && spinner.hidden === true);
  }
  function showError(message: string): void {
    alert.replaceChildren(h('strong', { class: 'pm-alert-title' }, 'Plan Monitor could not finish. '), message);
  }
  function clearError(): void {
    alert.replaceChildren();
  }

  /**
   * Runs one piece of work: the action buttons are marked unavailable at once (aria-disabled, so the
   * focused button keeps focus for keyboard users), the spinner and progress text show only if the
   * work is slower than the delay, and anything thrown reaches the officer as a message.
   */
  async function runTask(progress: string, work: (progress: (text: string) => void) => Promise<void>): Promise<void> {
    if (busy) return;
    busy = true;
    clearError();
    root.setAttribute('aria-busy', 'true');
    for (const b of actionButtons) b.setAttribute('aria-disabled', 'true');
    settings.querySelectorAll('button').forEach((b) => b.setAttribute('aria-disabled', 'true'));
    indicator.start(progress);
    try {
      await work((text) => indicator.update(text));
    } catch (e) {
      setStatus('');
      showError(plainMessage(e));
    } finally {
      indicator.stop();
      busy = false;
      root.removeAttribute('aria-busy');
      for (const b of actionButtons) b.removeAttribute('aria-disabled');
      settings.querySelectorAll('button').forEach((b) => b.removeAttribute('aria-disabled'));
    }
  }

  /** Shows a failed outcome and returns null, or returns the value. */
  function valueOf<T>(outcome: Outcome<T>): T | null {
    if (outcome.ok) return outcome.value;
    setStatus('');
    showError(outcome.message);
    return null;
  }

  // ---- Results -------------------------------------------------------------------------------
  let hasResults = false;

  function goTo(sheet: string, cell: string, what: string): void {
    void runTask(`Going to ${cell}…`, async () => {
      const moved = await controller.select(sheet, cell);
      if (moved.ok) setStatus(`Selected ${cell} on '${sheet}' (${what}).`);
      else valueOf(moved);
    });
  }

  function section(title: string, ...content: (Node | null)[]): HTMLElement {
    const hid = uniquePrefix(`${id}-h`);
    return h('section', { class: 'pm-section', attrs: { 'aria-labelledby': hid } }, h('h3', { class: 'pm-h3', attrs: { id: hid } }, title), ...content);
  }

  function moreNote(total: number): Node | null {
    return total > listLimit ? h('p', { class: 'pm-hint' }, `Showing the first ${listLimit} of ${total}. Fix these, then check again to see the rest.`) : null;
  }

  function statusTable(r: PanelResult): HTMLElement {
    // With a recorded period, the committee's shape: the previous period's column beside this one.
    const prev = r.previous;
    const body = h('tbody');
    for (const s of r.statusCounts) {
      const chip = h('span', { class: 'pm-chip' }, s.status);
      if (s.rag !== null) {
        const swatch = r.palette[s.rag as Rag];
        chip.style.backgroundColor = swatch.fill;
        chip.style.color = swatch.text;
      } else chip.classList.add('pm-chip-none');
      body.append(h('tr', null, h('th', { attrs: { scope: 'row' } }, chip), prev ? h('td', { class: 'pm-num' }, prev.counts[s.status] ?? 0) : null, h('td', { class: 'pm-num' }, s.count)));
    }
    const col = (text: string) => h('th', { class: 'pm-num', attrs: { scope: 'col' } }, text);
    return h(
      'table',
      { class: 'pm-table' },
      h('caption', { class: 'pm-caption' }, 'Actions by status'),
      h('thead', null, h('tr', null, h('th', { attrs: { scope: 'col' } }, 'Status'), prev ? col(prev.label) : null, col(r.currentLabel))),
      body,
      h('tfoot', null, h('tr', null, h('th', { attrs: { scope: 'row' } }, 'Grand Total'), prev ? h('td', { class: 'pm-num' }, prev.total) : null, h('td', { class: 'pm-num' }, r.total))),
    );
  }

  function findingList(title: string, items: PanelResult['errors'], kind: 'error' | 'warning'): HTMLElement {
    if (items.length === 0) return section(`${title} (0)`, h('p', { class: 'pm-none' }, 'None.'));
    const list = h('ul', { class: 'pm-list' });
    for (const f of items.slice(0, listLimit)) {
      const button = h(
        'button',
        { class: `pm-item pm-${kind}`, attrs: { type: 'button', 'data-cell': f.cell } },
        h('span', { class: 'pm-cell' }, f.cell),
        ' ',
        h('span', { class: 'pm-msg' }, f.message),
      );
      button.addEventListener('click', () => goTo(f.sheet, f.cell, kind));
      list.append(h('li', null, button));
    }
    return section(`${title} (${items.length})`, list, moreNote(items.length));
  }

  function actionList(title: string, items: PanelResult['overdue'], sheet: string, when: (days: number) => string): HTMLElement {
    if (items.length === 0) return section(`${title} (0)`, h('p', { class: 'pm-none' }, 'None.'));
    const list = h('ul', { class: 'pm-list' });
    for (const a of items.slice(0, listLimit)) {
      const button = h(
        'button',
        { class: 'pm-item', attrs: { type: 'button', 'data-cell': a.cell } },
        h('span', { class: 'pm-cell' }, a.ref),
        ' ',
        h('span', { class: 'pm-msg' }, a.action || '(no description)'),
        ' ',
        h('span', { class: 'pm-meta' }, `Due ${a.due}, ${when(a.days)}.`),
      );
      button.addEventListener('click', () => goTo(sheet, a.cell, `action ${a.ref}`));
      list.append(h('li', null, button));
    }
    return section(`${title} (${items.length})`, list, moreNote(items.length));
  }

  function renderResult(r: PanelResult): void {
    const dueSoonDays = r.dueSoonDays;
    // Show the date the run used; it stays the use case's choice until the user picks another.
    if (!asOfChosen) asOfInput.value = r.asOf;
    results.replaceChildren();
    append(
      results,
      h('h2', { class: 'pm-h2', attrs: { id: `${id}-results-h` } }, 'Results'),
      h('p', { class: 'pm-headline' }, r.headline),
      statusTable(r),
      findingList('Errors', r.errors, 'error'),
      findingList('Warnings', r.warnings, 'warning'),
      actionList('Overdue', r.overdue, r.sheet, (d) => `${plural(d, 'day')} overdue`),
      actionList(`Due in the next ${plural(dueSoonDays, 'day')}`, r.dueSoon, r.sheet, (d) => (d === 0 ? 'today' : `in ${plural(d, 'day')}`)),
      r.notes.length > 0 ? section(`Notes (${r.notes.length})`, h('ul', { class: 'pm-notes' }, ...r.notes.map((n) => h('li', null, n)))) : null,
    );
    results.hidden = !settings.hidden;
    hasResults = true;
  }

  async function check(prefix = ''): Promise<void> {
    const result = valueOf(await controller.check(asOfAsked()));
    if (result === null) return;
    renderResult(result);
    setStatus(prefix, result.headline);
  }

  checkButton.addEventListener('click', () => void runTask('Reading the workbook…', () => check()));

  function applyTask(what: { colours: boolean; summary: boolean }, progress: string): void {
    void runTask(progress, async () => {
      const done = valueOf(await controller.apply(asOfAsked(), what));
      if (done === null) return;
      renderResult(done.result);
      setStatus(done.message, done.result.headline);
    });
  }
  coloursButton.addEventListener('click', () => applyTask({ colours: true, summary: false }, 'Writing colours…'));
  summaryButton.addEventListener('click', () => applyTask({ colours: false, summary: true }, 'Writing the summary…'));

  function record(replace: boolean): void {
    const recordPeriod = controller.recordPeriod?.bind(controller);
    if (!recordPeriod) return;
    confirmBox.hidden = true;
    void runTask('Recording the period…', async () => {
      const out = await recordPeriod(asOfAsked(), periodInput.value, replace);
      if (!out.ok && 'confirm' in out) {
        confirmText.textContent = out.message;
        confirmBox.hidden = false;
        replaceButton.focus();
        return;
      }
      const message = valueOf(out);
      if (message !== null) setStatus(message);
    });
  }
  recordButton.addEventListener('click', () => record(false));
  replaceButton.addEventListener('click', () => record(true));
  keepButton.addEventListener('click', () => {
    confirmBox.hidden = true;
    setStatus('Kept the period already recorded. Nothing was changed.');
    recordButton.focus();
  });

  // ---- Settings ------------------------------------------------------------------------------
  let readChanges: (() => FormChanges) | null = null;
  let settingsInput: SettingsInput = {};

  /** The settings view takes the place of the date and the action buttons until it is closed. */
  function setMainEnabled(enabled: boolean): void {
    asOfField.hidden = !enabled;
    for (const b of [checkButton, coloursButton, summaryButton]) b.hidden = !enabled;
    periodField.hidden = !enabled || !controller.recordPeriod;
  }

  function closeSettings(): void {
    settings.hidden = true;
    settings.replaceChildren();
    readChanges = null;
    settingsButton.setAttribute('aria-expanded', 'false');
    settingsButton.textContent = 'Settings';
    setMainEnabled(true);
    results.hidden = !hasResults;
  }

  function cancelSettings(): void {
    closeSettings();
    setStatus('Settings closed without saving.');
    settingsButton.focus();
  }

  function selectField(fid: string, label: string, choices: readonly SelectOption[], value: string, hint?: string): { field: HTMLElement; select: HTMLSelectElement } {
    const select = h('select', { class: 'pm-select', attrs: { id: fid, 'aria-describedby': hint ? `${fid}-hint` : undefined } });
    for (const c of choices) select.append(h('option', { attrs: { value: c.value } }, c.text));
    select.value = value;
    // A long choice is cut off in a 300 px pane: the tooltip shows it whole.
    const showTitle = () => {
      select.title = select.selectedOptions[0]?.textContent ?? '';
    };
    showTitle();
    select.addEventListener('change', showTitle);
    const field = h(
      'div',
      { class: 'pm-field' },
      h('label', { class: 'pm-label', attrs: { for: fid } }, label),
      select,
      hint ? h('p', { class: 'pm-hint', attrs: { id: `${fid}-hint` } }, hint) : null,
    );
    return { field, select };
  }

  function columnFieldset(columns: ColumnChoice[], headers: HeaderCell[], input: SettingsInput): { node: HTMLElement; changes: () => FormChanges['columns'] } {
    const fieldset = h('fieldset', { class: 'pm-fieldset' }, h('legend', { class: 'pm-legend' }, 'Columns'));
    fieldset.append(h('p', { class: 'pm-hint' }, 'Plan Monitor finds each column from its heading. Change one only if it picked the wrong column.'));
    const selects: { field: ColumnChoice['field']; select: HTMLSelectElement; initial: string }[] = [];
    for (const choice of columns) {
      const model = columnSelectModel(choice, headers, input.columns?.[choice.field]);
      const { field, select } = selectField(`${id}-col-${choice.field}`, model.label, model.options, model.value);
      selects.push({ field: choice.field, select, initial: model.value });
      fieldset.append(field);
    }
    return {
      node: fieldset,
      changes: () => {
        const changed: FormChanges['columns'] = {};
        for (const s of selects) if (s.select.value !== s.initial) changed[s.field] = s.select.value;
        return changed;
      },
    };
  }

  function renderSettings(view: SettingsView): void {
    settingsInput = view.input;
    const input = view.input;
    const columns = columnFieldset(view.columns, view.headers, input);

    const scheme = selectField(`${id}-scheme`, 'Words used for status', schemeChoices, input.scheme ?? 'cip', input.customStatuses ? 'This workbook has its own list of statuses, which is used instead of these.' : undefined);
    const dueSoonInput = h('input', { class: 'pm-input pm-number', attrs: { type: 'number', id: `${id}-due`, min: 0, max: 366, step: 1, inputmode: 'numeric', 'aria-describedby': `${id}-due-hint` } });
    const initialDue = String(input.dueSoonDays ?? 14);
    dueSoonInput.value = initialDue;
    const dateOrder = selectField(`${id}-dates`, 'Dates typed as text are read as', dateOrderChoices, input.dateOrder ?? 'day-first');

    const colourInputs = ragOrder.map((rag) => {
      const fid = `${id}-fill-${rag}`;
      const colour = h('input', { class: 'pm-colour', attrs: { type: 'color', id: fid } });
      colour.value = fillOf(input, rag);
      return { rag, colour, initial: colour.value, node: h('div', { class: 'pm-colour-field' }, colour, h('label', { attrs: { for: fid } }, `${ragNames[rag]} fill`)) };
    });

    const saveButton = h('button', { class: 'pm-button pm-primary', attrs: { type: 'submit' } }, 'Save settings');
    const cancelButton = h('button', { class: 'pm-button', attrs: { type: 'button' } }, 'Cancel');
    cancelButton.addEventListener('click', () => {
      if (!busy) cancelSettings();
    });

    const form = h(
      'form',
      { class: 'pm-form', attrs: { novalidate: true } },
      columns.node,
      h('fieldset', { class: 'pm-fieldset' }, h('legend', { class: 'pm-legend' }, 'Statuses'), scheme.field),
      h(
        'fieldset',
        { class: 'pm-fieldset' },
        h('legend', { class: 'pm-legend' }, 'Dates'),
        h(
          'div',
          { class: 'pm-field' },
          h('label', { class: 'pm-label', attrs: { for: `${id}-due` } }, 'Due soon means due within (days)'),
          dueSoonInput,
          h('p', { class: 'pm-hint', attrs: { id: `${id}-due-hint` } }, 'A whole number from 0 to 366.'),
        ),
        dateOrder.field,
      ),
      h('fieldset', { class: 'pm-fieldset' }, h('legend', { class: 'pm-legend' }, 'Colours'), h('div', { class: 'pm-colours' }, ...colourInputs.map((c) => c.node))),
      h('div', { class: 'pm-form-buttons' }, saveButton, cancelButton),
    );
    form.addEventListener('submit', (event) => {
      event.preventDefault();
      save();
    });

    readChanges = () => {
      const changes: FormChanges = { columns: columns.changes(), fills: {} };
      if (scheme.select.value !== (input.scheme ?? 'cip')) changes.scheme = scheme.select.value;
      if (dueSoonInput.value !== initialDue) changes.dueSoonDays = dueSoonInput.value;
      if (dateOrder.select.value !== (input.dateOrder ?? 'day-first')) changes.dateOrder = dateOrder.select.value;
      for (const c of colourInputs) if (c.colour.value.toLowerCase() !== c.initial) changes.fills[c.rag] = c.colour.value;
      return changes;
    };

    settings.replaceChildren(
      h('h2', { class: 'pm-h2', attrs: { id: `${id}-settings-h`, tabindex: '-1' } }, 'Settings'),
      h('p', { class: 'pm-hint' }, 'Saved in the workbook, so everyone who opens it gets the same settings. Press Escape to close without saving.'),
      form,
    );
  }

  function save(): void {
    if (!readChanges) return;
    const next = applyFormChanges(settingsInput, readChanges());
    void runTask('Saving settings…', async (progress) => {
      const saved = valueOf(await controller.saveSettings(next));
      if (saved === null) return; // the message names the bad setting; the form stays open to fix it
      closeSettings();
      settingsButton.focus();
      setStatus(saved);
      progress('Checking the plan with the new settings…');
      await check(saved);
    });
  }

  settingsButton.addEventListener('click', () => {
    if (busy) return;
    if (!settings.hidden) {
      cancelSettings();
      return;
    }
    void runTask('Reading the column headings…', async () => {
      const view = valueOf(await controller.settingsView(asOfAsked()));
      if (view === null) return;
      renderSettings(view);
      settings.hidden = false;
      results.hidden = true;
      settingsButton.setAttribute('aria-expanded', 'true');
      settingsButton.textContent = 'Close settings';
      setMainEnabled(false);
      setStatus('');
      settings.querySelector<HTMLElement>('h2')?.focus();
    });
  });

  root.addEventListener('keydown', (event) => {
    if (event.key === 'Escape' && !settings.hidden && !busy) {
      event.preventDefault();
      cancelSettings();
    }
  });
}
