// New actions from a list (seed 001 Appendix B: a peer review's recommendations to be added to the
// plan): which theme each goes under, the ref it gets, where its row goes, what its cells hold, the
// audit entries; and every problem the list can have, named by the list's cell, nothing planned then.
import { describe, expect, it } from 'vitest';
import { csvGrid, csvList, parseCsv } from '../../shared/add/csv';
import { csvText } from '../../src/host/csv-text';
import { addReport, describeAddProblem } from '../../shared/add/add-messages';
import { addedStatusFills, newWorkStatus, planAdditions, type ActionList, type AddResult } from '../../shared/add/plan-additions';
import { landingRows, shiftedRow } from '../../shared/add/row-insertion';
import { dayFromIso, serialFromDay } from '../../shared/dates/day';
import type { CellValue, GridSnapshot } from '../../shared/grid/grid';
import { prepareRun, type PreparedRun } from '../../shared/run/prepare-run';
import type { SettingsInput } from '../../shared/settings/settings';
import { settingsSheetName, settingsSheetRows } from '../../shared/settings/settings-sheet';
import { builtInSchemes } from '../../shared/status/schemes';
import { sampleGrid } from '../helpers/sample-grid';

const asOf = dayFromIso('2018-09-30') ?? 0;
const when = '2018-10-05T10:00:00';

function runOf(grid: GridSnapshot, settings?: SettingsInput): PreparedRun {
  const sheets = [{ name: grid.sheet, visibility: 'visible' as const, grid }];
  if (settings) sheets.push({ name: settingsSheetName, visibility: 'visible', grid: { sheet: settingsSheetName, top: 1, left: 1, values: settingsSheetRows(settings) } });
  const run = prepareRun({ sheets }, { asOf, today: asOf });
  if (!run.ok) throw new Error(run.message);
  return run;
}

const sample = () => runOf(sampleGrid());

function csv(text: string, file = 'peer-review.csv'): ActionList {
  const read = csvList(file, text);
  if (!read.ok) throw new Error(describeAddProblem(read.problem));
  return read.list;
}

function listOf(rows: CellValue[][], file = 'peer-review.xlsx'): ActionList {
  return { file, grid: { sheet: 'Recommendations', top: 1, left: 1, values: rows } };
}

const serial = (iso: string) => serialFromDay(dayFromIso(iso) ?? 0);

/** Each new row's cells by column letter, for reading the expectations at a glance. */
function rowsOf(r: AddResult): { afterRow: number; rows: Record<string, string | number>[] }[] {
  return r.insertions.map((b) => ({
    afterRow: b.afterRow,
    rows: b.rows.map((cells) => Object.fromEntries(cells.map((c) => [String.fromCharCode(64 + c.col), c.value.kind === 'text' ? c.value.text : c.value.kind === 'date' ? c.value.serial : ''] as const))),
  }));
}

const appendixB = [
  'Theme,Recommendation,Lead officer,Target date,Comments',
  '3,Review the senior leadership development programme,Director of HR and OD,31/03/2019,From the IDeA peer review',
  'Effective management,Publish a workforce dashboard quarterly,Director of HR and OD,Dec 2018,',
  '10.x,"Adopt a ""digital first"" customer strategy",Director of Digital and Customer Services,30/06/2019,=cmd|calc',
].join('\r\n');

describe('planning new actions into the sample plan', () => {
  it('puts each under its theme with the next free refs, right after the theme’s last row', () => {
    const r = planAdditions(sample(), csv(appendixB), { when });
    expect(r.problems).toEqual([]);
    expect(r.added.map((a) => [a.cell, a.ref, a.row, a.theme, a.status])).toEqual([
      ['B2', '3.7', 27, 'Theme 3 – Effective management', 'Not started'],
      ['B3', '3.8', 28, 'Theme 3 – Effective management', 'Not started'],
      ['B4', '10.4', 79, 'Theme 10 – Innovative transformation', 'Not started'],
    ]);
    // Theme 3's last action (3.6) is row 26; theme 10's (10.3) is row 76. Columns: A ref, B action, C lead, F target, H status, I progress update.
    expect(rowsOf(r)).toEqual([
      {
        afterRow: 26,
        rows: [
          { A: '3.7', B: 'Review the senior leadership development programme', C: 'Director of HR and OD', F: serial('2019-03-31'), H: 'Not started', I: 'From the IDeA peer review' },
          { A: '3.8', B: 'Publish a workforce dashboard quarterly', C: 'Director of HR and OD', F: 'Dec 2018', H: 'Not started' },
        ],
      },
      { afterRow: 76, rows: [{ A: '10.4', B: 'Adopt a "digital first" customer strategy', C: 'Director of Digital and Customer Services', F: serial('2019-06-30'), H: 'Not started', I: '=cmd|calc' }] },
    ]);
    // The dates are dates, the rest text (a host writes text as literal text, so "=cmd|calc" stays text).
    expect(r.insertions[0]?.rows[0]?.find((c) => c.col === 6)?.value).toEqual({ kind: 'date', serial: 43555 });
    expect(r.insertions[1]?.rows[0]?.find((c) => c.col === 9)?.value).toEqual({ kind: 'text', text: '=cmd|calc' });
    expect(r.audit?.added).toBe(3);
    expect(r.audit?.rows.slice(2)).toEqual([
      [when, '', '3.7', 'Review the senior leadership development programme', 'added', '', 'Not started', "add from 'peer-review.csv'"],
      [when, '', '3.8', 'Publish a workforce dashboard quarterly', 'added', '', 'Not started', "add from 'peer-review.csv'"],
      [when, '', '10.4', 'Adopt a "digital first" customer strategy', 'added', '', 'Not started', "add from 'peer-review.csv'"],
    ]);
    expect(addReport(r)).toEqual([
      "Added 3 new actions to 'CIP Monitoring' from 'peer-review.csv'.",
      '  3.7 in row 27, under Theme 3 – Effective management: “Review the senior leadership development programme” (Not started)',
      '  3.8 in row 28, under Theme 3 – Effective management: “Publish a workforce dashboard quarterly” (Not started)',
      '  10.4 in row 79, under Theme 10 – Innovative transformation: “Adopt a "digital first" customer strategy” (Not started)',
    ]);
  });

  it('names the theme by number, name, full heading, a ref such as 5.x, or a heading row in the list', () => {
    const r = planAdditions(
      sample(),
      listOf([
        ['Ref', 'Action', 'Theme', 'Target date'],
        ['5.x', 'Publish the complaints dashboard', null, '31/01/2019'],
        [null, 'Refresh the risk appetite statement', 'Theme 7 – Embedded risk management', '31/03/2019'],
        [null, 'Appoint a digital champion', 'innovative TRANSFORMATION', null],
        ['Theme 1 – City leadership'],
        [null, 'Hold a second partnership symposium', null, 'June 2019'],
        ['8.?', 'Train every manager in records management', null, 'TBC'],
      ]),
      { when },
    );
    expect(r.problems).toEqual([]);
    expect(r.added.map((a) => [a.cell, a.ref, a.row])).toEqual([
      ['B6', '1.7', 12],
      ['B2', '5.13', 46],
      ['B3', '7.4', 59],
      ['B7', '8.9', 69],
      ['B4', '10.4', 81],
    ]);
    expect(rowsOf(r).map((b) => b.afterRow)).toEqual([11, 44, 56, 65, 76]);
    expect(rowsOf(r)[3]?.rows[0]?.F).toBe('TBC');
    expect(rowsOf(r)[0]?.rows[0]?.F).toBe('June 2019');
  });

  it('keeps an explicit ref, and numbers the rest of the theme after its highest, around the list’s own', () => {
    const r = planAdditions(
      sample(),
      listOf([
        ['Ref', 'Action'],
        ['3.x', 'First new'],
        ['3.8', 'Second new, numbered by the list'],
        ['3.x', 'Third new'],
      ]),
      { when },
    );
    expect(r.problems).toEqual([]);
    expect(r.added.map((a) => [a.ref, a.row])).toEqual([
      ['3.7', 27],
      ['3.8', 28],
      ['3.9', 29],
    ]);
  });

  it('does not add again what the theme already has (by wording), and says where it is', () => {
    const run = sample();
    const list = listOf([
      ['Theme', 'Action'],
      [3, 'Recruit permanent directors to the phase 1 posts.'],
      [3, 'appoint a PERMANENT chief executive'],
      [4, 'Recruit permanent directors to the phase 1 posts'],
    ]);
    const r = planAdditions(run, list, { when });
    expect(r.already).toEqual([
      { cell: 'B2', ref: '3.5', action: 'Recruit permanent directors to the phase 1 posts.', planRow: 25 },
      { cell: 'B3', ref: '3.2', action: 'appoint a PERMANENT chief executive', planRow: 22 },
    ]);
    // The same words under another theme are a new action there.
    expect(r.added.map((a) => [a.ref, a.row])).toEqual([['4.5', 32]]);
  });

  it('adds nothing and plans no rows when every action is already there', () => {
    const r = planAdditions(sample(), listOf([['Theme', 'Action'], [3, 'Appoint a permanent Chief Executive']]), { when });
    expect([r.added, r.insertions, r.audit, r.problems]).toEqual([[], [], null, []]);
    expect(addReport(r)).toEqual(["Nothing new to add to 'CIP Monitoring' from 'peer-review.xlsx'; 1 action is already in the plan.", '', 'Already in the plan (1), so not added again:', "  'peer-review.xlsx', cell B2: “Appoint a permanent Chief Executive” is 3.2 in row 22."]);
  });

  it('takes a status from the list when it is one of the scheme’s, in the scheme’s own word', () => {
    const r = planAdditions(sample(), listOf([['Theme', 'Action', 'Status'], [2, 'Publish the budget timetable', 'on-track']]), { when });
    expect(rowsOf(r)[0]?.rows[0]?.H).toBe('On track');
    expect(addedStatusFills(sample(), r.added).map((g) => [g.rag, g.ranges, g.cells])).toEqual([['green', ['H20'], 1]]);
  });

  it('lists the list’s columns the plan has no column for', () => {
    const r = planAdditions(sample(), listOf([['Theme', 'Action', 'Senior management lead'], [2, 'Publish the budget timetable', 'Director of Finance']]), { when });
    expect(r.leftOut).toEqual([{ heading: 'Senior management lead', cell: 'C1' }]);
    expect(addReport(r).at(-1)).toBe("The plan has no column for 'Senior management lead' (C1), so that column was not added.");
  });
});

describe('problems in the list: all of them, each with its cell, and nothing planned', () => {
  it('unknown theme, duplicate ref, repeated action, unreadable date, no action, unknown status, ref outside its theme', () => {
    const r = planAdditions(
      sample(),
      listOf([
        ['Ref', 'Theme', 'Action', 'Target date', 'Status'],
        [null, 'Community safety', 'Set up a community safety board', '31/12/2018', null],
        ['3.4', null, 'Recruit a Head of Legal', null, null],
        [null, '2', 'Publish the budget timetable', 'next spring-ish', null],
        [null, '2', 'Publish the budget timetable', '31/12/2018', null],
        [null, '4', null, '31/12/2018', null],
        [null, '4', 'Run member induction', '31/05/2019', 'Green-ish'],
        ['5.x', '6', 'Publish the workforce plan', null, null],
        [null, null, 'An action with nowhere to go', null, null],
        ['12.x', null, 'A theme the plan does not have', null, null],
      ]),
      { when },
    );
    expect(r.problems.map((p) => [p.code, 'cell' in p ? p.cell : null])).toEqual([
      ['unknown-theme', 'B2'],
      ['duplicate-ref', 'A3'],
      ['unreadable-date', 'D4'],
      ['repeated-in-list', 'C5'],
      ['no-action', 'C6'],
      ['unknown-status', 'E7'],
      ['ref-outside-theme', 'A8'],
      ['no-theme', 'C9'],
      ['unknown-theme', 'A10'],
    ]);
    expect([r.added, r.insertions, r.audit]).toEqual([[], [], null]);
    const words = r.problems.map(describeAddProblem);
    expect(words[0]).toBe("'peer-review.xlsx', cell B2: “Community safety” is not a theme of the plan. Its themes are: Theme 1 – City leadership; Theme 2 – Medium Term Financial Plan; Theme 3 – Effective management; Theme 4 – Constructive Member relationships; Theme 5 – Robust internal controls and customer focus; Theme 6 – Productive and skilled workforce; Theme 7 – Embedded risk management; Theme 8 – Sound information governance; Theme 9 – Improved service outcomes; Theme 10 – Innovative transformation.");
    expect(words[1]).toBe("'peer-review.xlsx', cell A3: the ref 3.4 is already in the plan (A24). Give another, or leave it as 3.x for the next free one.");
    expect(words[2]).toMatch(/^'peer-review\.xlsx', cell D4: .*next spring-ish/);
    expect(words[3]).toBe("'peer-review.xlsx', cell C5: the same action is already listed in cell C4. Delete one of them.");
    expect(words[4]).toBe("'peer-review.xlsx', cell C6: the action is empty. Fill it in, or delete the row.");
    expect(words[5]).toBe("'peer-review.xlsx', cell E7: “Green-ish” is not a status of this plan; pick one of Completed, On track, Some slippage, Major slippage, Not started, or leave it empty.");
    expect(words[6]).toBe("'peer-review.xlsx', cell A8: the ref 5.x does not belong to Theme 6 – Productive and skilled workforce, the theme the row names. Make them agree.");
    expect(addReport(r)[0]).toBe("Nothing was added to 'CIP Monitoring': 9 problems in 'peer-review.xlsx' (below).");
  });

  it('a ref given twice in the list names the first', () => {
    const r = planAdditions(sample(), listOf([['Ref', 'Action'], ['3.9', 'One'], ['3.9', 'Two']]), { when });
    expect(r.problems).toEqual([{ code: 'duplicate-ref', file: 'peer-review.xlsx', cell: 'A3', ref: '3.9', planCell: null, listCell: 'A2' }]);
  });

  it('a list without an action column, and one with nothing under its headings', () => {
    expect(planAdditions(sample(), listOf([['Theme', 'Owner'], ['3', 'CEO']]), { when }).problems).toEqual([{ code: 'list-no-header', file: 'peer-review.xlsx', sheet: 'Recommendations' }]);
    expect(planAdditions(sample(), listOf([['Theme', 'Action'], [null, null]]), { when }).problems).toEqual([{ code: 'list-empty', file: 'peer-review.xlsx' }]);
  });

  it('a theme whose refs are not numbered cannot number a new action: the list must give its ref', () => {
    const grid: GridSnapshot = { sheet: 'Plan', top: 1, left: 1, values: [['Ref', 'Action', 'Target date', 'Status'], ['Governance'], ['G1', 'Review the constitution', '31/12/2018', 'On track']] };
    const r = planAdditions(runOf(grid), listOf([['Theme', 'Action'], ['Governance', 'Adopt a new code']]), { when });
    expect(r.problems).toEqual([{ code: 'cannot-number', file: 'peer-review.xlsx', cell: 'B2', theme: 'Governance' }]);
  });
});

describe('the shapes other plans have', () => {
  it('milestones are not counted: the next ref follows the theme’s highest action', () => {
    const grid: GridSnapshot = {
      sheet: 'Plan',
      top: 1,
      left: 1,
      values: [
        ['Ref', 'Action', 'Target date', 'Status'],
        ['Theme 2 – Finance'],
        ['2.4', 'Set the budget', '31/12/2018', 'On track'],
        ['2.4a', 'Draft the proposals', '31/10/2018', 'Completed'],
        ['2.4.1', 'Consult on them', '30/11/2018', 'On track'],
        ['2.5', 'Report savings', '31/12/2018', 'On track'],
        ['2.5a', 'Monthly tracker', '31/12/2018', 'On track'],
      ],
    };
    const r = planAdditions(runOf(grid), listOf([['Ref', 'Action'], ['2.x', 'Review reserves']]), { when });
    // After the theme's last row, its last milestone (row 7).
    expect(r.added.map((a) => [a.ref, a.row])).toEqual([['2.6', 8]]);
    expect(r.insertions.map((b) => b.afterRow)).toEqual([7]);
  });

  it('a theme with a heading and no action yet: the new action goes under its heading as its first', () => {
    const grid: GridSnapshot = {
      sheet: 'Plan',
      top: 1,
      left: 1,
      values: [['Ref', 'Action', 'Target date', 'Status'], ['Theme 1 – Leadership'], ['1.1', 'Agree the vision', '31/12/2018', 'On track'], ['Theme 2 – Peer review recommendations'], ['Theme 3 – Finance'], ['3.1', 'Set the budget', '31/03/2019', 'On track']],
    };
    const r = planAdditions(runOf(grid), listOf([['Theme', 'Action'], ['2', 'Act on the peer review']]), { when });
    expect(r.added.map((a) => [a.ref, a.row, a.theme])).toEqual([['2.1', 5, 'Theme 2 – Peer review recommendations']]);
    expect(r.insertions.map((b) => b.afterRow)).toEqual([4]);
  });

  it('a plan with a Theme column: the new row carries the theme as the plan writes it', () => {
    const grid: GridSnapshot = {
      sheet: 'Plan',
      top: 1,
      left: 1,
      values: [['Theme', 'Ref', 'Action', 'Due date', 'RAG'], ['3 - Effective management', '3.1', 'Restructure', '31/12/2018', 'On track'], ['4 - Members', '4.1', 'Train members', '31/12/2018', 'On track']],
    };
    const r = planAdditions(runOf(grid), listOf([['Theme', 'Action'], ['Effective management', 'Appoint a deputy']]), { when });
    expect(rowsOf(r)).toEqual([{ afterRow: 2, rows: [{ A: '3 - Effective management', B: '3.2', C: 'Appoint a deputy', E: 'Not started' }] }]);
  });

  it('a plan without a Ref column gets no refs', () => {
    const grid: GridSnapshot = { sheet: 'Plan', top: 1, left: 1, values: [['Action', 'Target date', 'Status'], ['Theme 1 – Leadership'], ['Agree the vision', '31/12/2018', 'On track']] };
    const r = planAdditions(runOf(grid), listOf([['Theme', 'Action'], ['1', 'Publish it']]), { when });
    expect(rowsOf(r)).toEqual([{ afterRow: 3, rows: [{ A: 'Publish it', C: 'Not started' }] }]);
    expect(r.added[0]?.ref).toBeNull();
  });

  it('the status for new work follows the scheme: Not started, else the first neither done nor slipped', () => {
    expect([newWorkStatus(builtInSchemes.cip), newWorkStatus(builtInSchemes.covalent), newWorkStatus(builtInSchemes.rag), newWorkStatus(builtInSchemes.brag)]).toEqual(['Not started', 'On target', 'Green', 'Green']);
    const grid: GridSnapshot = { sheet: 'Plan', top: 1, left: 1, values: [['Ref', 'Action', 'Target date', 'Status'], ['Theme 1 – Leadership'], ['1.1', 'Agree the vision', '31/12/2018', 'On target']] };
    const r = planAdditions(runOf(grid, { scheme: 'covalent' }), listOf([['Ref', 'Action'], ['1.x', 'Publish it']]), { when });
    expect(r.added.map((a) => a.status)).toEqual(['On target']);
  });
});

describe('where the rows land', () => {
  it('each block lands below the rows of the blocks above it; rows below every block move by all of them', () => {
    const blocks = [
      { afterRow: 10, rows: [[], []] },
      { afterRow: 20, rows: [[]] },
    ];
    expect(landingRows(blocks)).toEqual([11, 23]);
    expect([5, 10, 11, 20, 21].map((r) => shiftedRow(r, blocks))).toEqual([5, 10, 13, 22, 24]);
  });
});

describe('CSV (RFC 4180, as spreadsheets save it)', () => {
  it('splits fields, keeps commas, doubled quotes and line breaks inside quotes, takes CRLF, LF or CR', () => {
    expect(parseCsv('a,b,c\r\n"x, y","say ""hi""","two\nlines"\n1,,3\r4,"",6')).toEqual({
      ok: true,
      rows: [
        ['a', 'b', 'c'],
        ['x, y', 'say "hi"', 'two\nlines'],
        ['1', '', '3'],
        ['4', '', '6'],
      ],
    });
  });

  it('drops a byte order mark; a last line without a line end counts, a final line end adds no row', () => {
    expect(parseCsv('\ufeffRef,Action\n3.x,Do it\n')).toEqual({ ok: true, rows: [['Ref', 'Action'], ['3.x', 'Do it']] });
    expect(parseCsv('""')).toEqual({ ok: true, rows: [['']] });
  });

  it('refuses an unclosed quote and text after a closing quote, naming the line', () => {
    expect(parseCsv('Ref,Action\n3.x,"never closed\nstill going')).toEqual({ ok: false, line: 2, reason: 'unclosed-quote' });
    expect(parseCsv('Ref,Action\n\n3.x,"quoted"tail')).toEqual({ ok: false, line: 3, reason: 'text-after-quote' });
    const read = csvList('C:\\lists\\review.csv', 'a,"b');
    expect(read.ok ? null : describeAddProblem(read.problem)).toBe("'C:\\lists\\review.csv' cannot be read as CSV: on line 1, a field opened with a double quote (\") is never closed. Save the list from Excel as CSV again, or as .xlsx.");
  });

  it('reads UTF-8, and Windows-1252 when the bytes are not UTF-8', () => {
    expect(csvText(new TextEncoder().encode('\ufeffCafé – “plan”'))).toBe('Café – “plan”');
    expect(csvText(Uint8Array.from([0x43, 0x61, 0x66, 0xe9, 0x20, 0x96, 0x20, 0x93, 0x70, 0x94, 0x20, 0x80]))).toBe('Café – “p” €');
  });

  it('a grid of text: empty fields are empty cells, numbers and dates stay as typed', () => {
    expect(csvGrid([['Ref', 'Target date'], ['3.10', '31/03/2019'], ['', '']], 'list.csv')).toEqual({ sheet: 'list.csv', top: 1, left: 1, values: [['Ref', 'Target date'], ['3.10', '31/03/2019'], [null, null]] });
  });
});
