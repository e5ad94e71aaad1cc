/// <reference lib="dom" />
/**
 * The browser preview (`npm run preview`): the sample council plan in an in-memory workbook, drawn
 * as a read-only sheet beside the real panel, with no Office at all.
 *
 *   ?look=google   the Google Sheets look (else Fluent)
 *   ?theme=dark    dark colours whatever the system says (?theme=light for light)
 *   ?xss=1         puts `<img src=x onerror=alert(1)>` into action 6.4's title and commentary
 *   ?slow=600      makes every workbook call take that many milliseconds, as Excel on the web can
 *   ?pane=350      the panel that many pixels wide (250 to 600; else 300, the narrowest task pane)
 */
import type { EditPlan } from '../../shared/edit-plan/edit-plan';
import { dayFromIso } from '../../shared/dates/day';
import type { CellValue } from '../../shared/grid/grid';
import type { CellEdit } from '../../shared/merge/cell-edits';
import type { RowInsertion } from '../../shared/add/row-insertion';
import type { ApplyReport, WorkbookPort, WorkbookSnapshot } from '../../shared/workbook/workbook';
import { cipSept2018, isoToSerial } from '../../tests/fixtures/cip-sept-2018';
import { MemoryWorkbook, MemoryWorkbookPort } from '../memory/memory-workbook';
import { h } from '../ui/dom';
import { onDemand, onDemandScripts, scriptBesidePage } from '../ui/on-demand';
import { PanelController } from '../ui/panel-controller';
import { mountPanel, type PanelLook } from '../ui/panel-view';
import { renderSheetView } from './sheet-view';

/** The sample is the plan as at 30 September 2018: the preview's calendar stands on that day. */
const sampleToday = '2018-09-30';
const xssPayload = '<img src=x onerror=alert(1)>';

/** Tells the sheet view to redraw after anything that changes the workbook or its selection. */
class NotifyingPort implements WorkbookPort {
  constructor(
    private readonly inner: MemoryWorkbookPort,
    private readonly changed: () => void,
    private readonly delayMs = 0,
  ) {}
  private wait(): Promise<void> {
    return this.delayMs > 0 ? new Promise((resolve) => setTimeout(resolve, this.delayMs)) : Promise.resolve();
  }
  async readWorkbook(): Promise<WorkbookSnapshot> {
    await this.wait();
    return this.inner.readWorkbook();
  }
  /** A write: after the delay (as a slow host answers), then the sheet view redraws, whatever happened. */
  private async write<T>(work: () => Promise<T>, wait = true): Promise<T> {
    if (wait) await this.wait();
    try {
      return await work();
    } finally {
      this.changed();
    }
  }
  applyEditPlan(plan: EditPlan): Promise<ApplyReport> {
    return this.write(() => this.inner.applyEditPlan(plan));
  }
  writeHiddenSheet(name: string, rows: CellValue[][]): Promise<void> {
    return this.write(() => this.inner.writeHiddenSheet(name, rows));
  }
  selectCell(sheet: string, cell: string): Promise<void> {
    return this.write(() => this.inner.selectCell(sheet, cell), false);
  }
  setCellValues(sheet: string, edits: readonly CellEdit[]): Promise<{ cells: number }> {
    return this.write(() => this.inner.setCellValues(sheet, edits));
  }
  insertRows(sheet: string, insertions: readonly RowInsertion[]): Promise<{ rows: number }> {
    return this.write(() => this.inner.insertRows(sheet, insertions));
  }
  formulaCells(sheet: string): Promise<ReadonlySet<string>> {
    return this.inner.formulaCells(sheet);
  }
}

function sampleWorkbook(withXss: boolean): MemoryWorkbook {
  const rows = cipSept2018.rows.map((row) => row.map((c) => (c !== null && typeof c === 'object' ? { date: isoToSerial(c.date) } : c)));
  if (withXss) {
    const row = rows.find((r) => r[0] === '6.4');
    if (row) {
      row[1] = xssPayload;
      row[8] = xssPayload;
    }
  }
  const book = new MemoryWorkbook();
  book.addSheet(cipSept2018.sheetName, rows, cipSept2018.merges);
  book.addSheet('Notes', [['Notes for the next committee meeting: Plan Monitor does not read or change this sheet.']]);
  book.activeSheet = cipSept2018.sheetName;
  return book;
}

function start(): void {
  const params = new URLSearchParams(window.location.search);
  const look: PanelLook = params.get('look') === 'google' ? 'google' : 'fluent';
  const book = sampleWorkbook(params.get('xss') === '1');

  const sheetHost = document.getElementById('sheet');
  const panelHost = document.getElementById('panel');
  const lookSelect = document.getElementById('look');
  if (!sheetHost || !panelHost || !(lookSelect instanceof HTMLSelectElement)) {
    document.body.append(h('p', null, 'The preview page is incomplete: rebuild it with npm run build.'));
    return;
  }

  const theme = params.get('theme');
  if (theme === 'dark' || theme === 'light') document.documentElement.classList.add(theme);

  const redraw = () =>
    renderSheetView(sheetHost, book, {
      onActivate(name) {
        book.activeSheet = name;
        redraw();
      },
    });
  redraw();

  const today = dayFromIso(sampleToday) ?? 0;
  const slow = Math.min(Math.max(Number(params.get('slow')) || 0, 0), 10_000);
  const controller = new PanelController(new NotifyingPort(new MemoryWorkbookPort(book), redraw, slow), () => today, { loadReport: onDemand(onDemandScripts.report, scriptBesidePage), loadFiles: onDemand(onDemandScripts.files, scriptBesidePage) });
  if (theme === 'dark' || theme === 'light') panelHost.classList.add(theme);
  const pane = Number(params.get('pane'));
  const paneHost = panelHost.closest<HTMLElement>('.pv-pane');
  if (paneHost && Number.isInteger(pane) && pane >= 250 && pane <= 600) paneHost.style.width = `${pane}px`;
  mountPanel(panelHost, controller, { look, hostName: 'the preview' });

  lookSelect.value = look;
  lookSelect.addEventListener('change', () => {
    const next: PanelLook = lookSelect.value === 'google' ? 'google' : 'fluent';
    // Each look has its own controls (Fluent UI Web Components, or Google's native ones): the panel
    // is mounted again in the new look, over the same workbook, as that host would show it.
    mountPanel(panelHost, controller, { look: next, hostName: 'the preview' });
    document.documentElement.dataset.look = next;
    const url = new URL(window.location.href);
    url.searchParams.set('look', next);
    window.history.replaceState(null, '', url);
  });
  document.documentElement.dataset.look = look;
}

start();
