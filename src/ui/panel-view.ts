/// <reference lib="dom" />
/**
 * The Plan Monitor panel: the Excel task pane, the Sheets sidebar and the browser preview all mount
 * this view over a PanelController. It only renders what the controller returns, as text (never
 * HTML), and shows every failure to the officer in plain English. The parts are views of their own
 * (src/ui/views/): the as-of field, the status line, the period form, the results and the settings;
 * this file lays them out and runs the actions.
 */
import type { SettingsInput } from '../../shared/settings/settings';
import { buttonSelector, controlsFor } from './controls';
import { append, h, uniquePrefix } from './dom';
import { plainMessage, type CommitteeReportFile, type FilesDone, type MergedInPanel, type Outcome, type PanelResult, type PickedFile, type SettingsView, type WordReportFile } from './panel-controller';
import { applyFormChanges } from './settings-form';
import { asOfField } from './views/as-of-field';
import { fileAction, readPicked, type FileAction } from './views/file-action';
import { periodForm } from './views/period-form';
import { resultsView, type ResultsContext } from './views/results-view';
import { settingsFormView, type SettingsFormView } from './views/settings-view';
import { statusLine } from './views/status-line';

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
  /** The committee report as an HTML page (absent: no Committee report button). */
  committeeReport?(asOf: string | null): Promise<Outcome<CommitteeReportFile>>;
  /** The same report as a Word document (absent: the report is offered as HTML only). */
  wordReport?(report: CommitteeReportFile): Promise<Outcome<WordReportFile>>;
  /** Merges replies to update requests the officer picked (absent: no Merge replies button). */
  mergeReplies?(files: readonly PickedFile[], asOf: string | null): Promise<Outcome<MergedInPanel>>;
  /** Adds the new actions of a list the officer picked (absent: no Add actions button). */
  addActions?(file: PickedFile, asOf: string | null): Promise<Outcome<FilesDone>>;
  /** Absent where a host cannot record periods; the form is then not shown. */
  recordPeriod?(asOf: string | null, label: string, replace: boolean): Promise<Outcome<string> | { ok: false; message: string; confirm: true }>;
}

/** The actions the Excel ribbon can run in the panel (a shared runtime), or any host's menu. */
export type PanelAction = 'check' | 'colours' | 'summary';

/** What mountPanel gives back: the panel's own actions, for a host to call. */
export interface PanelHandle {
  /**
   * Does what clicking Check plan, Apply RAG colours or Build summary does, through the same code
   * (ignored, like a click, while other work runs), then brings the results heading into view and
   * focuses it, or the alert into view when the work failed. Open settings are closed without saving
   * first, as Escape closes them, since the results show in their place. Never rejects.
   */
  run(action: PanelAction): Promise<void>;
  /** Shows the Period name field (closing open settings without saving) and focuses it. */
  openPeriodForm(): void;
}

/** Undoes the listeners a panel put on its root, when another panel is mounted over it. */
const mounted = new WeakMap<HTMLElement, AbortController>();

export function mountPanel(root: HTMLElement, controller: PanelActions, options: PanelOptions): PanelHandle {
  const id = uniquePrefix('pm');
  mounted.get(root)?.abort();
  const lifetime = new AbortController();
  mounted.set(root, lifetime);
  const controls = controlsFor(options.look);
  root.replaceChildren();
  root.classList.remove('fluent', 'google');
  root.classList.add('pm-panel', options.look);
  // A landmark for screen readers, unless the host page made the root one already (<main>, <aside>).
  if (root.tagName === 'DIV' && !root.hasAttribute('role')) root.setAttribute('role', 'region');
  root.setAttribute('aria-label', `Plan Monitor for ${options.hostName}`);

  const asOf = asOfField(id, controls);
  const line = statusLine(root, controls, options.busyDelayMs);
  const checkButton = controls.button('Check plan', { kind: 'primary', class: 'pm-action' });
  const coloursButton = controls.button('Apply RAG colours', { class: 'pm-action' });
  const summaryButton = controls.button('Build summary', { class: 'pm-action' });
  const settingsButton = controls.button('Settings', { kind: 'subtle', class: 'pm-action', attrs: { 'aria-expanded': 'false', 'aria-controls': `${id}-settings` } });
  const reportButton = controller.committeeReport ? controls.button('Committee report', { class: 'pm-action' }) : null;
  const merge = controller.mergeReplies
    ? fileAction(controls, { id: `${id}-merge`, label: 'Merge replies…', accept: '.xlsx,.xlsm', multiple: true, hint: 'Pick the replies officers sent back to their update requests (plan-monitor requests).', title: 'Merged replies' }, (files) => {
        void runFiles(merge as FileAction, files.length === 1 ? `Merging ${files[0]?.name ?? 'the reply'}…` : `Merging ${files.length} replies…`, (picked) => controller.mergeReplies?.(picked, asOf.asked()), files);
      })
    : null;
  const add = controller.addActions
    ? fileAction(controls, { id: `${id}-add`, label: 'Add actions from a list…', accept: '.xlsx,.csv', multiple: false, hint: 'Pick a list of new actions (.xlsx or .csv), such as a peer review’s recommendations: each goes under its theme with the next free ref.', title: 'Added actions' }, (files) => {
        const file = files[0];
        if (file) void runFiles(add as FileAction, `Adding the actions in ${file.name}…`, (picked) => (picked[0] ? controller.addActions?.(picked[0], asOf.asked()) : undefined), [file]);
      })
    : null;
  const fileActions = [merge, add].filter((a): a is FileAction => a !== null);
  const actionButtons = [checkButton, coloursButton, summaryButton, ...(reportButton ? [reportButton] : []), ...fileActions.map((a) => a.button), settingsButton];
  // Where the committee report can be downloaded from, once made.
  const reportBox = h('div', { class: 'pm-report', attrs: { hidden: true } });
  const period = periodForm(id, controls, (replace) => record(replace), () => line.set('Kept the period already recorded. Nothing was changed.'));
  if (!controller.recordPeriod) period.node.hidden = true;

  const results = h('section', { class: 'pm-results', attrs: { 'aria-labelledby': `${id}-results-h`, hidden: true } });
  const settings = h('section', { class: 'pm-settings', attrs: { id: `${id}-settings`, 'aria-labelledby': `${id}-settings-h`, hidden: true } });

  root.append(
    h(
      'header',
      { class: 'pm-header' },
      h('h1', { class: 'pm-title' }, 'Plan Monitor'),
      h('p', { class: 'pm-subtitle' }, 'Check the improvement plan, colour its statuses and build the committee summary.'),
    ),
    asOf.node,
    h('div', { class: 'pm-actions', attrs: { role: 'group', 'aria-label': 'Plan Monitor actions' } }, ...actionButtons),
    reportBox,
    ...fileActions.flatMap((a) => a.nodes),
    period.node,
    line.status,
    line.alert,
    settings,
    results,
  );

  // ---- Running work --------------------------------------------------------------------------
  let busy = false;

  /**
   * Runs one piece of work: the action buttons are marked unavailable at once (aria-disabled, so the
   * focused button keeps focus for keyboard users), the spinner and progress text show only if the
   * work is slower than the delay, and anything thrown reaches the officer as a message.
   */
  /** Resolves true once the work has run (whatever its outcome), false if other work was running. */
  async function runTask(progress: string, work: (progress: (text: string) => void) => Promise<void>): Promise<boolean> {
    if (busy) return false;
    busy = true;
    line.clearError();
    root.setAttribute('aria-busy', 'true');
    for (const b of actionButtons) b.setAttribute('aria-disabled', 'true');
    for (const box of [settings, reportBox]) box.querySelectorAll(buttonSelector).forEach((b) => b.setAttribute('aria-disabled', 'true'));
    line.busy.start(progress);
    try {
      await work((text) => line.busy.update(text));
    } catch (e) {
      line.set('');
      line.error(plainMessage(e));
    } finally {
      line.busy.stop();
      busy = false;
      root.removeAttribute('aria-busy');
      for (const b of actionButtons) b.removeAttribute('aria-disabled');
      for (const box of [settings, reportBox]) box.querySelectorAll(buttonSelector).forEach((b) => b.removeAttribute('aria-disabled'));
    }
    return true;
  }

  /** Shows a failed outcome and returns null, or returns the value. */
  function valueOf<T>(outcome: Outcome<T>): T | null {
    if (outcome.ok) return outcome.value;
    line.set('');
    line.error(outcome.message);
    return null;
  }

  // ---- Results -------------------------------------------------------------------------------
  let hasResults = false;

  function goTo(sheet: string, cell: string, what: string): void {
    void runTask(`Going to ${cell}…`, async () => {
      const moved = await controller.select(sheet, cell);
      if (moved.ok) line.set(`Selected ${cell} on '${sheet}' (${what}).`);
      else valueOf(moved);
    });
  }

  // Which sections are open and what the lists are narrowed to, kept from one run to the next.
  const resultsContext: ResultsContext = { id, controls, goTo, say: (text) => line.set(text), open: new Map(), filter: { theme: null, lead: null } };

  function renderResult(r: PanelResult): void {
    // Show the date the run used; it stays the use case's choice until the user gives another.
    asOf.showUsed(r.asOf);
    results.replaceChildren();
    append(results, ...resultsView(resultsContext, r));
    results.hidden = !settings.hidden;
    hasResults = true;
  }

  async function check(prefix = ''): Promise<void> {
    const result = valueOf(await controller.check(asOf.asked()));
    if (result === null) return;
    renderResult(result);
    line.set(prefix, result.headline);
  }

  function applyTask(what: { colours: boolean; summary: boolean }, progress: string): Promise<boolean> {
    return runTask(progress, async () => {
      const done = valueOf(await controller.apply(asOf.asked(), what));
      if (done === null) return;
      renderResult(done.result);
      line.set(done.message, done.result.headline);
    });
  }

  /** What each action button does: its click and PanelHandle.run go through here alike. */
  const perform: Record<PanelAction, () => Promise<boolean>> = {
    check: () => runTask('Reading the workbook…', () => check()),
    colours: () => applyTask({ colours: true, summary: false }, 'Writing colours…'),
    summary: () => applyTask({ colours: false, summary: true }, 'Writing the summary…'),
  };
  /**
   * Runs an action as its button does, then brings what it produced into view: the results heading,
   * focused (the status line has read the headline out), or the alert when the work failed.
   */
  async function act(action: PanelAction): Promise<void> {
    const ran = await perform[action]();
    if (!ran) return;
    const heading = results.hidden ? null : results.querySelector<HTMLElement>(`#${id}-results-h`);
    if (heading && line.alert.childNodes.length === 0) {
      reveal(heading);
      heading.focus({ preventScroll: true });
    } else if (line.alert.childNodes.length > 0) {
      reveal(line.alert);
    }
  }
  checkButton.addEventListener('click', () => void act('check'));
  coloursButton.addEventListener('click', () => void act('colours'));
  summaryButton.addEventListener('click', () => void act('summary'));

  // ---- The committee report -------------------------------------------------------------------
  let reportUrl: string | null = null;
  let wordUrl: string | null = null;
  const wordMime = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

  /** Saves a made file through a link with `download`, as the browser saves any download. */
  function download(url: string, fileName: string): void {
    const a = h('a', { attrs: { href: url, download: fileName, hidden: true } });
    reportBox.append(a);
    a.click();
    a.remove();
  }

  /**
   * The same report as a Word document: the renderer loads the first time (it is not part of the
   * panel's own script), then the .docx downloads, with a link to download it again.
   */
  function wordReport(report: CommitteeReportFile, wordBox: HTMLElement): Promise<boolean> {
    return runTask('Preparing the Word document…', async () => {
      const make = controller.wordReport?.bind(controller);
      if (!make) return;
      const done = valueOf(await make(report));
      if (done === null) return;
      if (wordUrl !== null) URL.revokeObjectURL(wordUrl);
      wordUrl = URL.createObjectURL(new Blob([done.bytes as Uint8Array<ArrayBuffer>], { type: wordMime }));
      download(wordUrl, done.fileName);
      wordBox.replaceChildren(h('a', { class: 'pm-link', attrs: { href: wordUrl, download: done.fileName } }, `Download the Word document again (${done.fileName})`));
      line.set(`Downloaded the committee report as a Word document, ${done.fileName}: open it in Word to edit it, restyle it or print it.`);
    });
  }

  /**
   * Makes the report as the CLI does and opens it in a new window to print, from a Blob URL (the
   * page is the engine's HTML, in which every cell's text is escaped). A download link stays beside
   * it, for a host that opens no window.
   */
  function committeeReport(): Promise<boolean> {
    return runTask('Preparing the committee report…', async () => {
      const make = controller.committeeReport?.bind(controller);
      if (!make) return;
      const done = valueOf(await make(asOf.asked()));
      if (done === null) return;
      renderResult(done.result);
      if (reportUrl !== null) URL.revokeObjectURL(reportUrl);
      reportUrl = URL.createObjectURL(new Blob([done.html], { type: 'text/html;charset=utf-8' }));
      let opened: Window | null;
      try {
        opened = window.open(reportUrl, '_blank');
      } catch {
        opened = null;
      }
      const link = h('a', { class: 'pm-link', attrs: { href: reportUrl, download: done.fileName } }, `Download the committee report (${done.fileName})`);
      const word: Node[] = [];
      if (controller.wordReport) {
        const wordBox = h('p', { class: 'pm-word' });
        const wordButton = controls.button('Download as Word (.docx)', { class: 'pm-action' });
        wordButton.addEventListener('click', () => void wordReport(done, wordBox));
        word.push(h('p', null, wordButton), wordBox);
      }
      reportBox.replaceChildren(
        h('p', { class: 'pm-hint' }, opened ? 'The report opened in a new window: print it from there, or save it as a PDF. Or download it:' : 'This host would not open a new window. Download the report, open it in your browser and print it from there:'),
        link,
        ...word,
      );
      reportBox.hidden = false;
      line.set(opened ? `Opened the committee report, “${done.title}”, in a new window: print it from there.` : `The committee report, “${done.title}”, is ready to download.`, done.result.headline);
      if (!opened) link.focus();
    });
  }
  reportButton?.addEventListener('click', () => void committeeReport());

  // ---- Merging replies, adding actions from a list ---------------------------------------------
  /** Runs a file action's work and shows its report, the plan's results, and the headline in the status line. */
  function runFiles(action: FileAction, progress: string, work: (files: PickedFile[]) => Promise<Outcome<FilesDone>> | undefined, files: readonly File[]): Promise<boolean> {
    return runTask(progress, async () => {
      const picked = await readPicked(files);
      const out = work(picked);
      if (!out) return;
      const done = valueOf(await out);
      if (done === null) return;
      renderResult(done.result);
      action.render(done.lines);
      line.set(done.lines[0] ?? '', done.result.headline);
      reveal(action.box);
    });
  }
  merge?.button.addEventListener('click', () => {
    if (!busy) merge.pick();
  });
  add?.button.addEventListener('click', () => {
    if (!busy) add.pick();
  });

  function record(replace: boolean): void {
    const recordPeriod = controller.recordPeriod?.bind(controller);
    if (!recordPeriod) return;
    period.hideConfirm();
    void runTask('Recording the period…', async () => {
      const out = await recordPeriod(asOf.asked(), period.input.value, replace);
      if (!out.ok && 'confirm' in out) {
        period.confirm(out.message);
        return;
      }
      const message = valueOf(out);
      if (message !== null) line.set(message);
    });
  }

  // ---- Settings ------------------------------------------------------------------------------
  let form: SettingsFormView | null = null;
  let settingsInput: SettingsInput = {};

  /** The settings view takes the place of the date and the action buttons until it is closed. */
  function setMainEnabled(enabled: boolean): void {
    asOf.node.hidden = !enabled;
    for (const b of [checkButton, coloursButton, summaryButton, reportButton, ...fileActions.map((a) => a.button)]) if (b) b.hidden = !enabled;
    reportBox.hidden = !enabled || reportBox.childNodes.length === 0;
    for (const a of fileActions) a.box.hidden = !enabled || a.box.childNodes.length === 0;
    period.node.hidden = !enabled || !controller.recordPeriod;
  }

  function closeSettings(): void {
    settings.hidden = true;
    settings.replaceChildren();
    form = null;
    settingsButton.setAttribute('aria-expanded', 'false');
    settingsButton.textContent = 'Settings';
    setMainEnabled(true);
    results.hidden = !hasResults;
  }

  function cancelSettings(): void {
    closeSettings();
    line.set('Settings closed without saving.');
    settingsButton.focus();
  }

  function renderSettings(view: SettingsView): void {
    settingsInput = view.input;
    form = settingsFormView(id, controls, view, {
      save,
      cancel: () => {
        if (!busy) cancelSettings();
      },
    });
    settings.replaceChildren(...form.nodes);
  }

  function save(): void {
    if (!form) return;
    const next = applyFormChanges(settingsInput, form.changes());
    void runTask('Saving settings…', async (progress) => {
      const saved = valueOf(await controller.saveSettings(next));
      if (saved === null) return; // the message names the bad setting; the form stays open to fix it
      closeSettings();
      settingsButton.focus();
      line.set(saved);
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
      const view = valueOf(await controller.settingsView(asOf.asked()));
      if (view === null) return;
      renderSettings(view);
      settings.hidden = false;
      results.hidden = true;
      settingsButton.setAttribute('aria-expanded', 'true');
      settingsButton.textContent = 'Close settings';
      setMainEnabled(false);
      line.set('');
      settings.querySelector<HTMLElement>('h2')?.focus();
    });
  });

  root.addEventListener(
    'keydown',
    (event) => {
      if (event.key === 'Escape' && !settings.hidden && !busy) {
        event.preventDefault();
        cancelSettings();
      }
    },
    { signal: lifetime.signal },
  );

  // ---- The handle ----------------------------------------------------------------------------

  /** Leaves open settings as Escape does, so what the host asked for can show in their place. */
  function leaveSettings(): void {
    if (settings.hidden || busy) return;
    closeSettings();
    line.set('Settings closed without saving.');
  }

  function reveal(el: HTMLElement): void {
    // scrollIntoView is missing where there is no layout (jsdom): focus still moves.
    if (typeof el.scrollIntoView === 'function') el.scrollIntoView({ block: 'start' });
  }

  return {
    async run(action) {
      leaveSettings();
      await act(action);
    },
    openPeriodForm() {
      leaveSettings();
      if (period.node.hidden) return; // a host that cannot record periods: there is no form to show
      reveal(period.node);
      period.input.focus({ preventScroll: true });
    },
  };
}
