import { describe, expect, it } from 'vitest';
import { dayFromIso } from '../../shared/dates/day';
import { defaultPalette } from '../../shared/rag/palette';
import { MemoryWorkbook, MemoryWorkbookPort } from '../../src/memory/memory-workbook';
import { PanelController, plainMessage } from '../../src/ui/panel-controller';
import { cipSept2018, isoToSerial } from '../fixtures/cip-sept-2018';

const today = () => dayFromIso('2018-09-30') ?? 0;

function sampleBook(): MemoryWorkbook {
  const book = new MemoryWorkbook();
  book.addSheet(
    cipSept2018.sheetName,
    cipSept2018.rows.map((r) => r.map((v) => (v !== null && typeof v === 'object' ? { date: isoToSerial(v.date) } : v))),
    cipSept2018.merges,
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
    expect(out.value.overdue).toEqual([{ ref: '6.4', action: expect.stringContaining('Workforce Planning'), due: '31/08/2018', days: 30, cell: 'H49' }]);
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
    const c = new PanelController(new MemoryWorkbookPort(book), today, () => '2018-07-02T09:00:00');
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
