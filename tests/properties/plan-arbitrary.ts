/**
 * fast-check arbitraries of monitoring sheets in the standard test layout (tests/helpers/plan-grid.ts):
 * a title row, a blank row, the header on row 3 (Ref, Action, Lead officer, Target date, Revised date,
 * Status, Commentary, Source), then action rows, theme heading rows and blank rows, filled with the
 * awkward things real plans (and hostile ones) hold.
 */
import fc from 'fast-check';
import { dayFromYmd, daysInMonth, serialFromDay } from '../../shared/dates/day';
import type { CellValue, GridSnapshot } from '../../shared/grid/grid';
import type { WorkbookSnapshot } from '../../shared/workbook/workbook';
import { testHeaders } from '../helpers/plan-grid';

/** A cell as generated: a plain value, or a serial the host marks as a date cell. */
export type GenCell = CellValue | { date: number };

export interface GenAction {
  kind: 'action';
  ref: GenCell;
  action: GenCell;
  lead: GenCell;
  target: GenCell;
  revised: GenCell;
  status: GenCell;
  commentary: GenCell;
  source: GenCell;
}
export interface GenHeading {
  kind: 'heading';
  text: string;
}
export interface GenBlank {
  kind: 'blank';
  cells: GenCell[];
}
export type GenRow = GenAction | GenHeading | GenBlank;

export interface GenSheet {
  title: string;
  rows: GenRow[];
}

/** Sheet row of the header and of the first generated row. */
export const headerRow = 3;
export const firstGeneratedRow = 4;

const actionFields = ['ref', 'action', 'lead', 'target', 'revised', 'status', 'commentary', 'source'] as const;

/** Strings a spreadsheet would turn into formulas or a web page into markup, unless written as literal text. */
export const hostileTexts = [
  '<script>alert(1)</script>',
  '<img src=x onerror=alert(1)>',
  '=HYPERLINK("x")',
  '+1',
  '-1 day late',
  '@SUM(A1)',
  '=1+1',
  "'quoted",
];

const plainWords = ['Agree', 'the', 'partnership', 'vision', 'deliver', 'budget', 'review', 'governance', 'scrutiny', 'workforce', 'plan', 'council', 'improve', 'digital', 'strategy'];
const oddTexts = [
  '👍🏽 done 🎉',
  '🏴󠁧󠁢󠁷󠁬󠁳󠁿 Welsh language scheme',
  'مراجعة الميزانية',
  'תוכנית עבודה',
  'zero\u200bwidth\u200cjoin\u200dhere',
  '\u200b',
  '\ufeffBOM first',
  '\u202eright-to-left override',
  'tab\there',
  'line\nbreak',
  '  padded  ',
  'Café – naïve “quotes”',
];

const wordsText = fc.array(fc.constantFrom(...plainWords), { minLength: 1, maxLength: 5 }).map((ws) => ws.join(' '));

/** Free text: plain words, emoji, right-to-left, zero-width characters, markup and formula look-alikes. */
export const textArb: fc.Arbitrary<string> = fc.oneof(
  { weight: 4, arbitrary: wordsText },
  { weight: 3, arbitrary: fc.constantFrom(...hostileTexts) },
  { weight: 2, arbitrary: fc.constantFrom(...oddTexts) },
  { weight: 1, arbitrary: fc.tuple(wordsText, fc.constantFrom(...hostileTexts, ...oddTexts)).map(([a, b]) => `${a} ${b}`) },
  { weight: 1, arbitrary: fc.string({ unit: 'grapheme', maxLength: 12 }) },
);

const blankCell: fc.Arbitrary<GenCell> = fc.constantFrom<GenCell>(null, '', '   ');

export const refArb: fc.Arbitrary<GenCell> = fc.oneof(
  // Small ranges so duplicates are common.
  { weight: 6, arbitrary: fc.tuple(fc.integer({ min: 1, max: 4 }), fc.integer({ min: 1, max: 6 })).map(([t, n]) => `${t}.${n}`) },
  { weight: 2, arbitrary: blankCell },
  { weight: 1, arbitrary: fc.constantFrom<GenCell>('3', '2.4.1', '5.12a', '1.1.', 'A1', 2.4, 7, '=HYPERLINK("x")', '@SUM(A1)') },
  { weight: 1, arbitrary: textArb },
);

const leadArb: fc.Arbitrary<GenCell> = fc.oneof(
  { weight: 4, arbitrary: fc.constantFrom<GenCell>('Chief Executive', 'chief  executive', 'CHIEF EXECUTIVE', 'Director of Finance', 'Monitoring Officer') },
  { weight: 2, arbitrary: blankCell },
  { weight: 2, arbitrary: textArb },
);

const ukDay = fc
  .tuple(fc.integer({ min: 2015, max: 2022 }), fc.integer({ min: 1, max: 12 }), fc.integer({ min: 1, max: 31 }))
  .map(([y, m, d]) => `${String(Math.min(d, daysInMonth(y, m))).padStart(2, '0')}/${String(m).padStart(2, '0')}/${y}`);
const serialOfPlanYears = fc.integer({ min: 2015, max: 2022 }).chain((y) => fc.integer({ min: 0, max: 364 }).map((i) => serialFromDay(dayFromYmd(y, 1, 1) + i)));

/** Due-date cells: serials (plain and marked as dates), UK dates, months, quarters, placeholders, impossible days, garbage. */
export const dateCellArb: fc.Arbitrary<GenCell> = fc.oneof(
  { weight: 3, arbitrary: serialOfPlanYears },
  { weight: 2, arbitrary: serialOfPlanYears.map((s) => ({ date: s })) },
  { weight: 3, arbitrary: ukDay },
  { weight: 3, arbitrary: blankCell },
  {
    weight: 3,
    arbitrary: fc.constantFrom<GenCell>(
      '31/12/2018',
      'Dec 2018',
      'Sept 2018',
      'March 2019',
      'Q3 2018/19',
      'Q1 2019',
      'Winter 2018/19',
      '2018/19',
      '2019',
      2019,
      'TBC',
      'Ongoing',
      'n/a',
      '-',
      '31/02/2019',
      '29/02/2019',
      '00/01/2019',
      '2018-12-31',
      'end of March 2019',
      'early 2019',
      'Friday 28/12/2018',
      'Monday 31/12/2018',
      60,
      0,
      -5,
      43465.75,
      2958466,
      1e15,
      true,
    ),
  },
  { weight: 1, arbitrary: fc.string({ maxLength: 12 }) },
  { weight: 1, arbitrary: textArb },
);

/** Status cells: the cip scheme's labels and aliases in officers' spellings, other schemes' words, unknown words, blanks. */
export const statusArb: fc.Arbitrary<GenCell> = fc.oneof(
  {
    weight: 6,
    arbitrary: fc.constantFrom<GenCell>(
      'Completed',
      'Complete',
      'complete.',
      'On track',
      'on-track',
      ' ON  TRACK ',
      'OnTrack',
      'In progress',
      'Some slippage',
      'slippage',
      'Major slippage',
      'Off track',
      'Not started',
      'not_yet_started',
      'Green',
      'amber',
      'RED',
    ),
  },
  { weight: 2, arbitrary: blankCell },
  { weight: 2, arbitrary: fc.constantFrom<GenCell>('Delayed', 'Blue', 'G', '?', '\u200b', 'On track\u200b', 'Completed 👍', '=1+1', 42, false) },
  { weight: 1, arbitrary: textArb },
);

const sourceArb: fc.Arbitrary<GenCell> = fc.oneof(fc.constantFrom<GenCell>('Yes', 'No', 'LGA peer review', 'lga  peer review'), blankCell, textArb);
const optionalText: fc.Arbitrary<GenCell> = fc.oneof({ weight: 4, arbitrary: textArb }, { weight: 1, arbitrary: blankCell });

export const actionRowArb: fc.Arbitrary<GenAction> = fc.record({
  kind: fc.constant('action' as const),
  ref: refArb,
  action: optionalText,
  lead: leadArb,
  target: dateCellArb,
  revised: fc.oneof({ weight: 2, arbitrary: blankCell }, { weight: 1, arbitrary: dateCellArb }),
  status: statusArb,
  commentary: optionalText,
  source: sourceArb,
});

export const headingRowArb: fc.Arbitrary<GenHeading> = fc
  .tuple(fc.integer({ min: 1, max: 5 }), fc.constantFrom('Theme ', 'Priority ', ''), fc.constantFrom(' – ', ': ', '. ', ' - '), wordsText)
  .map(([n, word, sep, name]) => ({ kind: 'heading' as const, text: `${word}${n}${sep}${name}` }));

export const blankRowArb: fc.Arbitrary<GenBlank> = fc.array(blankCell, { maxLength: 3 }).map((cells) => ({ kind: 'blank' as const, cells }));

export const rowArb: fc.Arbitrary<GenRow> = fc.oneof({ weight: 8, arbitrary: actionRowArb }, { weight: 1, arbitrary: headingRowArb }, { weight: 1, arbitrary: blankRowArb });

export const sheetArb: fc.Arbitrary<GenSheet> = fc.record({
  title: fc.oneof(fc.constant('Corporate Improvement Plan – monitoring'), textArb),
  rows: fc.array(rowArb, { maxLength: 40 }),
});

function cellsOf(row: GenRow): GenCell[] {
  if (row.kind === 'heading') return [row.text];
  if (row.kind === 'blank') return row.cells;
  return actionFields.map((f) => row[f]);
}

/** The sheet's rows as MemoryWorkbook.addSheet takes them (date cells as `{ date }`). */
export function memoryRows(sheet: GenSheet): GenCell[][] {
  return [[sheet.title], [], [...testHeaders], ...sheet.rows.map(cellsOf)];
}

/** The sheet as a host would snapshot it: values from A1, with the date-cell marks. */
export function gridOf(sheet: GenSheet, name = 'Plan'): GridSnapshot {
  const rows = memoryRows(sheet);
  const values: CellValue[][] = rows.map((r) => r.map((v) => (v !== null && typeof v === 'object' ? v.date : v)));
  const dates: boolean[][] = rows.map((r) => r.map((v) => v !== null && typeof v === 'object'));
  return { sheet: name, top: 1, left: 1, values, dates };
}

export function workbookOf(sheet: GenSheet, name = 'Plan'): WorkbookSnapshot {
  return { sheets: [{ name, visibility: 'visible', grid: gridOf(sheet, name) }], activeSheet: name };
}

/** The raw value of a generated cell, as the engine sees it. */
export function rawValue(v: GenCell): CellValue {
  return v !== null && typeof v === 'object' ? v.date : v;
}
