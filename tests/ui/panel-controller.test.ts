import { describe, expect, it } from 'vitest';
import { dayFromIso } from '../../shared/dates/day';
import { recordPeriod } from '../../shared/history/record-period';
import { prepareRun } from '../../shared/run/prepare-run';
import { defaultPalette } from '../../shared/rag/palette';
import { MemoryWorkbook, MemoryWorkbookPort } from '../../src/memory/memory-workbook';
import { PanelController, plainMessage } from '../../src/ui/panel-controller';
import { planGrid } from '../helpers/plan-grid';
import { row } from '../helpers/rule-tester';
import { replyFor } from '../merge/helpers';
import { mergedMessage } from '../../shared/app/messages';
import { mergeReplyFiles } from '../../shared/app/use-cases';
import type { FileTools, ReportTools, XlsxReader } from '../../src/ui/on-demand';
import { buildCommitteeReport } from '../../shared/app/use-cases';
import { addedMessage } from '../../shared/app/messages';
import { addActions } from '../../shared/app/use-cases';
import { csvList } from '../../shared/add/csv';
import { csvText } from '../../src/host/csv-text';

/** The file tools as the on-demand script gives them (src/ui/on-demand/file-tools.ts), for the controller under test. */
const fileTools: FileTools = {
  readXlsx: async () => {
    throw new Error('no reader in this test');
  },
  mergeReplyFiles,
  mergedMessage,
  readList: async (bytes, name) => {
    const r = csvList(name, csvText(bytes));
    if (!r.ok) throw new Error(`'${name}' is not a list: ${r.problem.code}`);
    return r.list;
  },
  addActions,
  addedMessage,
};
import { cipJune2018 } from '../fixtures/cip-june-2018';
import { cipSept2018, isoToSerial, type SamplePlan } from '../fixtures/cip-sept-2018';

const today = () => dayFromIso('2018-09-30') ?? 0;

function sampleBook(plan: SamplePlan = cipSept2018): MemoryWorkbook {
  const book = new MemoryWorkbook();
  book.addSheet(
    plan.sheetName,
    plan.rows.map((r) => r.map((v) => (v !== null && typeof v === 'object' ? { date: isoToSerial(v.date) } : v))),
    plan.merges,
  );
  return book;
}

describe('PanelController', () => {
  it('checks the sample: the headline, counts, findings with cells, the overdue action and its colours', async () => {
    const c = new PanelController(new MemoryWorkbookPort(sampleBook()), today);
    const out = await c.check('2018-09-30');
    if (!out.ok) throw new Error(out.message);
    expect(out.value.headline).toBe("'CIP Monitoring' as of 30/09/2018: 62 actions, 0 errors, 4 warnings, 1 overdue.");
    expect(out.value.statusCounts.map((s) => s.count)).toEqual([32, 21, 8, 0, 1]);
    expect(out.value.warnings.map((w) => w.cell)).toEqual(['A16', 'A17', 'H49', 'G72']);
    expect(out.value.overdue).toEqual([
      {
        ref: '6.4',
        action: expect.stringContaining('Workforce Planning'),
        due: '31/08/2018',
        days: 30,
        cell: 'H49',
        status: 'On track',
        commentary: expect.any(String),
        milestoneOf: null,
        scope: { theme: 'Theme 6 – Productive and skilled workforce', lead: 'director of hr and od' },
      },
    ]);
    expect(out.value.dueSoonDays).toBe(14);
    expect(out.value.palette).toEqual(defaultPalette);
  });

  it('applies colours and says what it did', async () => {
    const book = sampleBook();
    const out = await new PanelController(new MemoryWorkbookPort(book), today).apply('2018-09-30', { colours: true, summary: false });
    expect(out.ok && out.value.message).toBe("Coloured 62 status cells on 'CIP Monitoring'.");
    expect(book.sheet('CIP Monitoring')?.cells.get('H49')?.fill).toBe(defaultPalette.green.fill);
  });

  it('says which rows were hidden, and counts a status given only as a colour with a warning on its cell', async () => {
    const book = sampleBook();
    const sheet = book.sheet('CIP Monitoring');
    if (!sheet) throw new Error('no sample sheet');
    sheet.hiddenRows = new Set([16, 17]);
    // 6.4's status cell (H49) emptied, its fill left red.
    sheet.cells.set('H49', { value: null, fill: '#FF0000' });
    const out = await new PanelController(new MemoryWorkbookPort(book), today).check('2018-09-30');
    if (!out.ok) throw new Error(out.message);
    expect(out.value.notes).toEqual(["2 actions are in hidden or filtered-out rows of 'CIP Monitoring' (rows 16–17): they were still checked and counted."]);
    expect(out.value.warnings.find((w) => w.rule === 'status-from-fill')).toMatchObject({ cell: 'H49', message: expect.stringContaining('only the colour red, so it was counted as Major slippage') });
    expect(out.value.statusCounts.map((s) => s.count)).toEqual([32, 20, 8, 1, 1]);
  });

  it('refuses a bad as-of date in plain words', async () => {
    const out = await new PanelController(new MemoryWorkbookPort(sampleBook()), today).check('31/09/2018');
    expect(out).toEqual({ ok: false, message: 'The as-of date is not a date. Pick one from the calendar, or type it as dd/mm/yyyy.' });
  });

  it('opens settings even when no header is recognised, offering the likeliest heading row', async () => {
    const book = new MemoryWorkbook();
    book.addSheet('Tracker', [['Our plan'], ['No.', 'What', 'Who', 'When', 'Where we are'], ['1.1', 'Do it', 'CEO', '31/12/2018', 'Fine']]);
    const c = new PanelController(new MemoryWorkbookPort(book), today);
    const check = await c.check('2018-09-30');
    expect(check.ok).toBe(false);
    const view = await c.settingsView('2018-09-30');
    if (!view.ok) throw new Error(view.message);
    expect(view.value.headers.map((h) => h.text)).toEqual(['No.', 'What', 'Who', 'When', 'Where we are']);
    expect(view.value.columns.every((col) => col.current === null)).toBe(true);
    const saved = await c.saveSettings({ columns: { target: 'D', status: 'E' } });
    expect(saved.ok).toBe(true);
    const again = await c.check('2018-09-30');
    expect(again.ok && again.value.errors.map((e) => e.message)).toEqual([expect.stringContaining('“Fine” in E3')]);
  });

  it('refuses bad settings naming the field, and writes nothing', async () => {
    const book = sampleBook();
    const out = await new PanelController(new MemoryWorkbookPort(book), today).saveSettings({ dueSoonDays: -3 });
    expect(out).toEqual({ ok: false, message: "Setting 'dueSoonDays' must be at least 0." });
    expect(book.sheets.map((s) => s.name)).toEqual(['CIP Monitoring']);
  });

  it('words a protected sheet by what was being done', () => {
    const denied = Object.assign(new Error('x'), { code: 'AccessDenied' });
    expect(plainMessage(denied)).toContain('could not change it. Nothing was changed.');
    expect(plainMessage(denied, 'reading')).toContain('would not let Plan Monitor read the workbook');
  });
});

describe('PanelController.recordPeriod', () => {
  it('records a period, asks before replacing one of the same name, and the summary then compares with it', async () => {
    const book = sampleBook();
    const c = new PanelController(new MemoryWorkbookPort(book), today, { now: () => '2018-07-02T09:00:00' });
    const first = await c.recordPeriod('2018-06-30', 'June 2018', false);
    expect(first).toEqual({ ok: true, value: "Recorded “June 2018”: 62 actions as of 30/06/2018, kept in the hidden sheet 'Plan Monitor History'. The summary now compares with it." });
    expect(book.sheet('Plan Monitor History')?.visibility).toBe('hidden');
    const again = await c.recordPeriod('2018-06-30', 'june 2018', false);
    expect(again).toEqual({ ok: false, confirm: true, message: 'A period called “June 2018” is already recorded (as of 30/06/2018). Replace it with the plan as it stands now?' });
    const replaced = await c.recordPeriod('2018-06-30', 'June 2018', true);
    expect(replaced.ok && replaced.value).toContain('Replaced “June 2018”');
    const applied = await c.apply('2018-09-30', { colours: false, summary: true });
    expect(applied.ok).toBe(true);
    expect(book.sheet('Plan Summary')?.cells.get('B6')?.value).toBe('June 2018');
    expect(applied.ok && applied.value.result.previous).toEqual({ label: 'June 2018', counts: { Completed: 32, 'On track': 21, 'Some slippage': 8, 'Major slippage': 0, 'Not started': 1 }, total: 62 });
    expect(applied.ok && applied.value.result.currentLabel).toBe('Actions');
  });
});

describe('PanelController: the whole quarter for the panel', () => {
  it('the sample: themes with their RAG, slipped with original → revised dates, not started, lead officers, the filters', async () => {
    const out = await new PanelController(new MemoryWorkbookPort(sampleBook()), today).check('2018-09-30');
    if (!out.ok) throw new Error(out.message);
    const r = out.value;
    expect(r.themes.map((t) => `${t.theme.split(' – ')[0] ?? ''}: ${t.rag} ${t.total}`)).toEqual([
      'Theme 1: amber 6',
      'Theme 2: amber 7',
      'Theme 3: amber 6',
      'Theme 4: amber 4',
      'Theme 5: amber 12',
      'Theme 6: green 7',
      'Theme 7: green 3',
      'Theme 8: green 8',
      'Theme 9: amber 6',
      'Theme 10: amber 3',
    ]);
    expect(r.themes[0]?.counts).toEqual([
      { status: 'Completed', count: 3 },
      { status: 'On track', count: 1 },
      { status: 'Some slippage', count: 1 },
      { status: 'Not started', count: 1 },
    ]);
    expect(r.slipped.map((a) => `${a.ref} ${a.original} → ${a.revised}`)).toEqual([
      '1.4 Sep 2018 → Dec 2018',
      '2.4 Oct 2018 → 31/12/2018',
      '2.4 30/09/2018 → Dec 2018',
      '3.1 31/07/2018 → Mar 2019',
      '4.2 Apr 2018 → 30/11/2018',
      '5.12 30/09/2018 → Mar 2019',
      '9.6 Sep 2018 → TBC',
      '10.1 Sep 2018 → 31/03/2019',
    ]);
    expect(r.slipped[0]).toMatchObject({ cell: 'H9', status: 'Some slippage', commentary: expect.stringContaining('Safer Stronger Board'), scope: { theme: 'Theme 1 – City leadership', lead: 'director of communities' } });
    expect(r.notStarted.map((a) => [a.ref, a.cell, a.due])).toEqual([['1.5', 'H10', 'Mar 2019']]);
    expect(r.byLead).toHaveLength(16);
    expect(r.byLead[0]).toEqual({ label: 'Chief Executive', key: 'chief executive', total: 6, counts: [{ status: 'Completed', count: 3 }, { status: 'Some slippage', count: 3 }] });
    expect(r.byLead.reduce((n, l) => n + l.total, 0)).toBe(62);
    expect(r.filters.themes.map((t) => t.key)).toEqual(r.themes.map((t) => t.theme));
    expect(r.filters.leads.map((l) => l.label)).toEqual(r.byLead.map((l) => l.label));
    expect(r.milestones).toEqual([]);
    expect(r.changes).toMatchObject({ since: null, status: [], added: [], removed: [] });
    expect(r.changes.reprofiled.map((x) => `${x.ref} ${x.dates.join(' → ')}`)).toContain('9.6 Sep 2018 → TBC');
    // Every finding on an action's row carries its theme and lead officer, for the filter.
    expect(r.warnings.map((w) => w.scope?.theme ?? null)).toEqual(['Theme 2 – Medium Term Financial Plan', 'Theme 2 – Medium Term Financial Plan', 'Theme 6 – Productive and skilled workforce', 'Theme 9 – Improved service outcomes']);
  });

  it('the sample’s chase: one officer, one overdue action, a plain-text draft and its mailto: link', async () => {
    const out = await new PanelController(new MemoryWorkbookPort(sampleBook()), today).check('2018-09-30');
    if (!out.ok) throw new Error(out.message);
    expect(out.value.chase).toHaveLength(1);
    const entry = out.value.chase[0];
    expect(entry).toMatchObject({ officer: 'Director of HR and OD', email: null, lead: 'director of hr and od', themes: ['Theme 6 – Productive and skilled workforce'], actions: 1, counts: [{ reason: 'overdue', words: 'overdue', count: 1 }] });
    expect(entry?.draft.subject).toBe('Improvement plan update needed: 1 action as of 30/09/2018');
    expect(entry?.draft.body).toContain('- 6.4 Produce a Workforce Planning and Development Strategy (due 31/08/2018, 30 days overdue). Status: On track.');
    expect(entry?.draft.mailto).toBe(`mailto:?subject=${encodeURIComponent(entry?.draft.subject ?? '')}&body=${encodeURIComponent((entry?.draft.body ?? '').replace(/\n/g, '\r\n'))}`);
  });

  it('with June 2018 recorded: the previous period’s counts, and what changed since by kind', async () => {
    const june = new MemoryWorkbookPort(sampleBook(cipJune2018()));
    const juneRun = prepareRun(await june.readWorkbook(), { today: dayFromIso('2018-06-30') ?? 0 });
    if (!juneRun.ok) throw new Error(juneRun.message);
    const recorded = recordPeriod(juneRun, 'June 2018', '2018-07-02T09:00:00');
    if ('problem' in recorded) throw new Error(recorded.problem);
    const port = new MemoryWorkbookPort(sampleBook());
    await port.writeHiddenSheet(recorded.sheet, recorded.rows);
    const out = await new PanelController(port, today).check('2018-09-30');
    if (!out.ok) throw new Error(out.message);
    const r = out.value;
    expect(r.previous).toEqual({ label: 'June 2018', counts: { Completed: 17, 'On track': 41, 'Some slippage': 1, 'Major slippage': 0, 'Not started': 2 }, total: 61 });
    expect(r.changes.since).toBe('June 2018');
    expect([r.changes.status.length, r.changes.added.length, r.changes.removed.length]).toEqual([23, 1, 0]);
    expect(r.changes.status[0]).toEqual({ ref: '1.2', action: expect.stringContaining('partnership symposium'), cell: 'H7', scope: { theme: 'Theme 1 – City leadership', lead: 'head of policy and partnerships' }, from: 'On track', to: 'Completed' });
    // The two actions numbered 2.4 are told apart by their text, each with its own cell.
    expect(r.changes.status.filter((x) => x.ref === '2.4').map((x) => x.cell)).toEqual(['H16', 'H17']);
    // 4.2's date moved twice: each move with where it was first seen, as the committee report says it.
    expect(r.slipped.find((x) => x.ref === '4.2')?.timeline).toBe('April 2018 → September 2018 (June 2018) → 30 November 2018 (as of 30 September 2018)');
    expect(r.slipped.filter((x) => x.timeline !== null).map((x) => x.ref)).toEqual(['4.2']);
    expect(r.changes.reprofiled.find((x) => x.ref === '4.2')?.timeline).toBe('April 2018 → September 2018 (June 2018) → 30 November 2018 (as of 30 September 2018)');
    // Commentary unchanged since June now puts more officers on the chase.
    expect(r.chase.find((e) => e.officer === 'Director of HR and OD')?.counts).toEqual([
      { reason: 'overdue', words: 'overdue', count: 1 },
      { reason: 'commentary-unchanged', words: 'commentary unchanged', count: 6 },
    ]);
    expect(r.chase.find((e) => e.officer === 'Director of HR and OD')?.draft.body).toContain('Commentary unchanged since June 2018');
  });
});

describe('PanelController: milestones', () => {
  it('lists an overdue milestone with the action it belongs to, and each action with milestones at the RAG they roll up to', async () => {
    const grid = planGrid([
      row({ ref: '2.4', action: 'Deliver the workforce strategy' }),
      row({ ref: '2.4a', action: 'Consult staff', target: '31/08/2018' }),
      row({ ref: '2.4b', action: 'Agree with unions', status: 'Completed', target: '31/07/2018' }),
      row({ ref: '2.5', action: 'Review the libraries', lead: 'Head of Libraries', status: 'Some slippage', revised: '31/03/2019' }),
      row({ ref: '2.5.1', action: 'Survey users', status: 'Major slippage', revised: '31/03/2019' }),
    ]);
    const book = new MemoryWorkbook();
    book.addSheet('Plan', grid.values);
    const out = await new PanelController(new MemoryWorkbookPort(book), today).check('2018-09-30');
    if (!out.ok) throw new Error(out.message);
    expect(out.value.overdue.map((a) => [a.ref, a.milestoneOf, a.cell, a.days])).toEqual([['2.4a', '2.4', 'F5', 30]]);
    expect(out.value.milestones).toEqual([
      { ref: '2.4', action: 'Deliver the workforce strategy', cell: 'F4', own: 'green', derived: 'amber', milestones: 2, overdue: 1, scope: { theme: 'Theme 2', lead: 'chief executive' } },
      { ref: '2.5', action: 'Review the libraries', cell: 'F7', own: 'amber', derived: 'red', milestones: 1, overdue: 0, scope: { theme: 'Theme 2', lead: 'head of libraries' } },
    ]);
    // Milestones are the actions' detail: the counts, themes and lead officers count the three actions.
    expect(out.value.total).toBe(2);
    expect(out.value.byLead.map((l) => [l.label, l.total])).toEqual([
      ['Chief Executive', 1],
      ['Head of Libraries', 1],
    ]);
  });
});

/** The report tools as the on-demand script gives them (src/ui/on-demand/report-tools.ts), with a stand-in Word renderer. */
function reportTools(renderDocx: ReportTools['renderDocx'] = async () => new Uint8Array([1, 2, 3])): ReportTools {
  return { buildCommitteeReport, renderDocx };
}

describe('PanelController.committeeReport', () => {
  it('makes the same report as the CLI (buildCommitteeReport): the HTML page, its title, a file name, and the check’s results', async () => {
    const out = await new PanelController(new MemoryWorkbookPort(sampleBook()), today, { loadReport: async () => reportTools() }).committeeReport?.('30/09/2018');
    if (!out?.ok) throw new Error(out?.message);
    expect(out.value.fileName).toBe('committee-report-2018-09-30.html');
    expect(out.value.title).toContain('Corporate Improvement Plan');
    expect(out.value.html).toMatch(/^<!doctype html>/i);
    expect(out.value.html).toContain(`<title>${out.value.title}</title>`);
    expect(out.value.title).toBe('Northmoor City Council: Corporate Improvement Plan – progress up to 30 September 2018');
    expect(out.value.html).toContain('The Corporate Improvement Plan now contains 62 actions. 32 actions have now been completed, with 8 showing some slippage.');
    expect(out.value.result.headline).toBe("'CIP Monitoring' as of 30/09/2018: 62 actions, 0 errors, 4 warnings, 1 overdue.");
  });

  it('is absent where the host gives no report tools; tools that fail to load are a message, and nothing is read', async () => {
    expect(new PanelController(new MemoryWorkbookPort(sampleBook()), today).committeeReport).toBeUndefined();
    let reads = 0;
    const port = new MemoryWorkbookPort(sampleBook());
    const counting = Object.assign(Object.create(port) as MemoryWorkbookPort, { readWorkbook: () => (reads++, port.readWorkbook()) });
    const c = new PanelController(counting, today, { loadReport: () => Promise.reject(new Error('The committee report maker could not be downloaded. Check the connection, then try again.')) });
    expect(await c.committeeReport?.(null)).toEqual({ ok: false, message: 'The committee report maker could not be downloaded. Check the connection, then try again.' });
    expect(reads).toBe(0);
  });
});

describe('PanelController.wordReport', () => {
  it('renders the report’s own model with the tools’ renderer, loaded once, as committee-report-….docx', async () => {
    let loads = 0;
    const seen: unknown[] = [];
    const c = new PanelController(new MemoryWorkbookPort(sampleBook()), today, {
      loadReport: async () => {
        loads++;
        return reportTools(async (model) => {
          seen.push(model);
          return new Uint8Array([1, 2, 3]);
        });
      },
    });
    const report = await c.committeeReport?.('30/09/2018');
    if (!report?.ok) throw new Error(report?.message);
    const word = await c.wordReport?.(report.value);
    expect(word).toEqual({ ok: true, value: { bytes: new Uint8Array([1, 2, 3]), fileName: 'committee-report-2018-09-30.docx' } });
    expect(seen).toEqual([report.value.model]);
    // The controller asks each time; the host's loader (onDemand) is what loads the script once.
    expect(loads).toBe(2);
  });

  it('is absent where the host gives no report tools', () => {
    expect(new PanelController(new MemoryWorkbookPort(sampleBook()), today).wordReport).toBeUndefined();
  });
});

describe('PanelController.mergeReplies', () => {
  /** The Director of HR and OD's reply, as the reader gives it back: 3.4 slipped, 6.4 completed. */
  async function replyBook(port: MemoryWorkbookPort) {
    const run = prepareRun(await port.readWorkbook(), { today: today(), asOf: today() });
    if (!run.ok) throw new Error(run.message);
    return replyFor(run, 'Director of HR and OD').set('3.4', 'status', 'Some slippage').set('6.4', 'status', 'Completed').workbook;
  }
  const bytes = new Uint8Array([0x50, 0x4b, 3, 4]);
  /** The file tools as the on-demand script gives them, with a stand-in reader. */
  const tools = (readXlsx: XlsxReader) => async (): Promise<FileTools> => ({ ...fileTools, readXlsx });

  it('reads each picked file with the host’s reader, merges it as the CLI does and shows the plan as it now stands', async () => {
    const book = sampleBook();
    const port = new MemoryWorkbookPort(book);
    const reply = await replyBook(port);
    const read: string[] = [];
    const c = new PanelController(port, today, { now: () => '2018-10-02T09:00:00', loadFiles: tools(async (_b, name) => (read.push(name), reply)) });
    const out = await c.mergeReplies?.([{ name: 'hr.xlsx', bytes }], '2018-09-30');
    if (!out?.ok) throw new Error(out?.message);
    expect(read).toEqual(['hr.xlsx']);
    expect(out.value.lines).toEqual([
      "Merged 2 changes from 1 reply into 'CIP Monitoring'.",
      "  H24: action 3.4 status “On track” → “Some slippage” (from 'hr.xlsx', E4)",
      "  H49: action 6.4 status “On track” → “Completed” (from 'hr.xlsx', E8)",
      '',
      "Added 2 rows to the audit trail (hidden sheet 'Plan Monitor Audit').",
    ]);
    expect([out.value.written, out.value.conflicts, out.value.refused]).toEqual([true, 0, 0]);
    expect(book.sheet('CIP Monitoring')?.cells.get('H49')?.value).toBe('Completed');
    // The results are read after the merge: 33 completed now, not 32.
    expect(out.value.result.statusCounts.find((s) => s.status === 'Completed')?.count).toBe(33);
  });

  it('is offered only where the port writes cell values and the host can read .xlsx', () => {
    const port = new MemoryWorkbookPort(sampleBook());
    expect(new PanelController(port, today).mergeReplies).toBeUndefined();
    const readOnly = { readWorkbook: () => port.readWorkbook(), applyEditPlan: () => port.applyEditPlan({ sheet: '', cells: [] } as never), writeHiddenSheet: async () => undefined, selectCell: async () => undefined };
    expect(new PanelController(readOnly, today, { loadFiles: tools(() => port.readWorkbook()) }).mergeReplies).toBeUndefined();
  });

  it('refuses, writing nothing: no file, a file too big to be a reply, one the reader cannot read', async () => {
    const book = sampleBook();
    const port = new MemoryWorkbookPort(book);
    const before = JSON.stringify([...(book.sheet('CIP Monitoring')?.cells ?? [])]);
    const c = new PanelController(port, today, {
      loadFiles: tools(async (_b, name) => {
        throw new Error(`'${name}' is not an Excel workbook (.xlsx).`);
      }),
    });
    expect(await c.mergeReplies?.([], null)).toEqual({ ok: false, message: 'Pick one or more replies (.xlsx) to merge.' });
    expect(await c.mergeReplies?.([{ name: 'huge.xlsx', bytes: new Uint8Array(21 * 1_048_576) }], null)).toEqual({ ok: false, message: "'huge.xlsx' is too large to be a reply to an update request (21 MB). Nothing was merged." });
    expect(await c.mergeReplies?.([{ name: 'notes.txt', bytes }], null)).toEqual({ ok: false, message: "'notes.txt' is not an Excel workbook (.xlsx). Nothing was merged." });
    expect(JSON.stringify([...(book.sheet('CIP Monitoring')?.cells ?? [])])).toBe(before);
    expect(book.sheets.map((s) => s.name)).toEqual(['CIP Monitoring']);
  });
});

describe('PanelController: a word added in Settings', () => {
  it('is saved in the settings sheet, and the next check counts the action under its status', async () => {
    const book = sampleBook();
    // 6.4 (row 49) in an officer's own words.
    book.sheet('CIP Monitoring')?.cells.set('H49', { value: 'Behind schedule' });
    const c = new PanelController(new MemoryWorkbookPort(book), today);
    const before = await c.check('2018-09-30');
    if (!before.ok) throw new Error(before.message);
    expect(before.value.errors.map((f) => [f.rule, f.cell])).toEqual([['unknown-status', 'H49']]);
    const saved = await c.saveSettings({ statusWords: [{ word: 'behind schedule', status: 'Some slippage' }] });
    expect(saved).toEqual({ ok: true, value: "Saved in the workbook (hidden sheet 'Plan Monitor Settings'), so everyone who opens it gets these settings." });
    const after = await c.check('2018-09-30');
    if (!after.ok) throw new Error(after.message);
    expect(after.value.errors).toEqual([]);
    expect(after.value.statusCounts.find((s) => s.status === 'Some slippage')?.count).toBe((before.value.statusCounts.find((s) => s.status === 'Some slippage')?.count ?? 0) + 1);
    expect(after.value.slipped.map((r) => r.ref)).toContain('6.4');
  });
});

describe('PanelController.addActions', () => {
  const appendixB = new TextEncoder().encode(
    ['Theme,Recommendation,Lead officer,Target date,Comments', '3,Review the senior leadership development programme,Director of HR and OD,31/03/2019,From the IDeA peer review', '10.x,"Adopt a ""digital first"" customer strategy",Director of Digital and Customer Services,30/06/2019,=cmd|calc'].join('\r\n'),
  );
  const withTools = (port: MemoryWorkbookPort) => new PanelController(port, today, { now: () => '2018-10-02T09:00:00', loadFiles: async () => fileTools });

  it('adds a list’s actions under their themes with the next free refs, as plan-monitor add does, then shows the plan as it stands', async () => {
    const book = sampleBook();
    const c = withTools(new MemoryWorkbookPort(book));
    const out = await c.addActions?.({ name: 'peer-review.csv', bytes: appendixB }, '2018-09-30');
    if (!out?.ok) throw new Error(out?.message);
    expect(out.value.lines).toEqual([
      "Added 2 new actions to 'CIP Monitoring' from 'peer-review.csv'.",
      '  3.7 in row 27, under Theme 3 – Effective management: “Review the senior leadership development programme” (Not started)',
      '  10.4 in row 78, under Theme 10 – Innovative transformation: “Adopt a "digital first" customer strategy” (Not started)',
      '',
      "Added 2 rows to the audit trail (hidden sheet 'Plan Monitor Audit').",
    ]);
    expect(out.value.written).toBe(true);
    expect(out.value.result.total).toBe(64);
    expect(book.sheet('CIP Monitoring')?.cells.get('A27')?.value).toBe('3.7');
    // The same list again adds nothing.
    const again = await c.addActions?.({ name: 'peer-review.csv', bytes: appendixB }, '2018-09-30');
    expect(again?.ok && [again.value.written, again.value.lines[0]]).toEqual([false, "Nothing new to add to 'CIP Monitoring' from 'peer-review.csv'; 2 actions are already in the plan."]);
  });

  it('is offered only where the port inserts rows and the host has the file tools; a list it cannot read is refused, writing nothing', async () => {
    expect(new PanelController(new MemoryWorkbookPort(sampleBook()), today).addActions).toBeUndefined();
    const book = sampleBook();
    const before = JSON.stringify([...(book.sheet('CIP Monitoring')?.cells ?? [])]);
    const c = withTools(new MemoryWorkbookPort(book));
    expect(await c.addActions?.({ name: 'broken.csv', bytes: new TextEncoder().encode('Theme,Action\n3,"never closed\n') }, null)).toEqual({ ok: false, message: "'broken.csv' is not a list: list-bad-csv Nothing was added." });
    expect(await c.addActions?.({ name: 'huge.csv', bytes: new Uint8Array(21 * 1_048_576) }, null)).toEqual({ ok: false, message: "'huge.csv' is too large to be a list of new actions (21 MB). Nothing was added." });
    expect(JSON.stringify([...(book.sheet('CIP Monitoring')?.cells ?? [])])).toBe(before);
  });
});
