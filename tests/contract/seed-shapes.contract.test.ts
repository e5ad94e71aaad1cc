/**
 * Every plan shape of the seeds (tests/fixtures/seed-shapes: Derby's monitoring sheet, Covalent's
 * three states, themes of RAG-rated workstreams, milestones with dependent timescales, a plan near
 * closure) through the four adapters, by the use cases every entry point calls: the check's
 * findings, the colours and the summary sheet as the host holds them afterwards, and the committee
 * report's figures. Expected values are written out by hand from each fixture; the four adapters
 * must also agree with one another exactly.
 */
import { describe, expect, it } from 'vitest';
import { fixedClock } from '../../shared/app/clock';
import { applyPlan, buildCommitteeReport, checkPlan } from '../../shared/app/use-cases';
import { dayFromIso } from '../../shared/dates/day';
import { parseCellAddress, parseRangeAddress, cellAddress } from '../../shared/grid/a1';
import type { ReportModel, ReportSection, ReportTable } from '../../shared/report/report-model';
import type { Finding } from '../../shared/rules/finding';
import { settingsSheetName, settingsSheetRows } from '../../shared/settings/settings-sheet';
import type { Rag } from '../../shared/status/schemes';
import { hostileAdapters } from '../hostile/run-case';
import { seedShapes, type SeedShape } from '../fixtures/seed-shapes';
import type { AdapterName, HostileFactory, HostileSheet } from './adapters';
import type { SheetDump } from './adapter-contract';
import { isoToSerial } from '../fixtures/cip-sept-2018';

/** The default palette's fills, as the hosts hold them. */
const fill: Record<Rag, string> = { red: '#F6C7C3', amber: '#FFE08A', green: '#C4E5CD', blue: '#CFE0F3', grey: '#E5E6E7' };

type Row = (string | number)[];

interface Expected {
  /** Every finding of the check, in order: rule and cell. */
  findings: [string, string][];
  /** The findings on dependencies, with their words. */
  dependencyFindings?: [string, string, string][];
  /** The plan's status cells after apply, by colour: cells and ranges, space-separated. */
  fills: Partial<Record<Rag, string>>;
  /** The summary sheet's A3: the date, the action count and the milestones. */
  note: string;
  /** Tables of the summary sheet, each from its title row down to the blank row after it. */
  tables: Row[][];
  /** Summary sheet cells coloured by their RAG: the status names, each theme's RAG, each action's RAG with its milestones. */
  summaryFills: Record<string, Rag>;
  report: {
    council: string;
    planTitle: string;
    heading: string;
    /** The Summary section's two paragraphs. */
    summary: [string, string];
    /** The status table: status, count. */
    status: string[][];
    /** The theme table: theme, RAG, a count per status, total. */
    themes: string[][];
    /** The themes' narratives, as the report prints them. */
    narratives: string[];
    /** Refs in the detailed lists. */
    slipped: string[];
    overdue: string[];
    dueSoon: string[];
    notStarted: string[];
    /** The "not started" section's introduction, or null when the scheme has no such status. */
    notStartedIntro: string | null;
  };
}

const expected: Record<string, Expected> = {
  '000-cip-monitoring': {
    findings: [
      ['duplicate-ref', 'A16'],
      ['duplicate-ref', 'A17'],
      ['overdue-reported-on-track', 'H49'],
      ['placeholder-date', 'G72'],
    ],
    fills: {
      blue: 'H6:H8 H13:H14 H19 H22:H23 H25:H26 H28 H30 H33:H35 H37:H38 H40:H41 H43 H48 H50 H52 H54:H55 H59 H61:H64 H68 H76',
      green: 'H11 H15 H18 H24 H31 H36 H39 H42 H46:H47 H49 H51 H56 H58 H60 H65 H67 H69:H71 H75',
      amber: 'H9 H16:H17 H21 H29 H44 H72 H74',
      grey: 'H10',
    },
    note: 'As of 30/09/2018: 62 actions. Made by Plan Monitor; rebuilt each time, so type nothing here.',
    tables: [
      [['Actions by status'], ['Status', 'Actions'], ['Completed', 32], ['On track', 21], ['Some slippage', 8], ['Major slippage', 0], ['Not started', 1], ['Grand Total', 62]],
      [
        ['Theme RAG'],
        ['Theme', 'RAG'],
        ['Theme 1 – City leadership', 'Amber'],
        ['Theme 2 – Medium Term Financial Plan', 'Amber'],
        ['Theme 3 – Effective management', 'Amber'],
        ['Theme 4 – Constructive Member relationships', 'Amber'],
        ['Theme 5 – Robust internal controls and customer focus', 'Amber'],
        ['Theme 6 – Productive and skilled workforce', 'Green'],
        ['Theme 7 – Embedded risk management', 'Green'],
        ['Theme 8 – Sound information governance', 'Green'],
        ['Theme 9 – Improved service outcomes', 'Amber'],
        ['Theme 10 – Innovative transformation', 'Amber'],
      ],
    ],
    summaryFills: { A7: 'blue', A8: 'green', A9: 'amber', A10: 'red', A11: 'grey', B30: 'amber', B35: 'green', B37: 'green', B38: 'amber', B39: 'amber' },
    report: {
      council: 'Northmoor City Council',
      planTitle: 'Corporate Improvement Plan',
      heading: 'Corporate Improvement Plan – progress up to 30 September 2018',
      summary: [
        'The Corporate Improvement Plan now contains 62 actions. 32 actions have now been completed, with 8 showing some slippage. Revised timescales are proposed in this report.',
        'This report presents a summary of progress up to 30 September 2018. 1 action has not started, and 1 action is past its due date.',
      ],
      status: [['Completed', '32'], ['On track', '21'], ['Some slippage', '8'], ['Major slippage', '0'], ['Not started', '1']],
      themes: [
        ['Theme 1 – City leadership', 'Amber', '3', '1', '1', '0', '1', '6'],
        ['Theme 2 – Medium Term Financial Plan', 'Amber', '3', '2', '2', '0', '0', '7'],
        ['Theme 3 – Effective management', 'Amber', '4', '1', '1', '0', '0', '6'],
        ['Theme 4 – Constructive Member relationships', 'Amber', '2', '1', '1', '0', '0', '4'],
        ['Theme 5 – Robust internal controls and customer focus', 'Amber', '8', '3', '1', '0', '0', '12'],
        ['Theme 6 – Productive and skilled workforce', 'Green', '3', '4', '0', '0', '0', '7'],
        ['Theme 7 – Embedded risk management', 'Green', '2', '1', '0', '0', '0', '3'],
        ['Theme 8 – Sound information governance', 'Green', '5', '3', '0', '0', '0', '8'],
        ['Theme 9 – Improved service outcomes', 'Amber', '1', '4', '1', '0', '0', '6'],
        ['Theme 10 – Innovative transformation', 'Amber', '1', '1', '1', '0', '0', '3'],
      ],
      narratives: [],
      slipped: ['1.4', '2.4', '2.4', '3.1', '4.2', '5.12', '9.6', '10.1'],
      overdue: ['6.4'],
      dueSoon: [],
      notStarted: ['1.5'],
      notStartedIntro: "There is one action which is 'not started':",
    },
  },

  '001-covalent': {
    findings: [
      ['status-from-fill', 'F12'],
      ['overdue-reported-on-track', 'F14'],
      ['slipped-without-revised-date', 'E15'],
    ],
    fills: { blue: 'F6 F11 F19', green: 'F8 F10 F12 F14 F17:F18', red: 'F7 F15' },
    note: 'As of 30/11/2010: 11 actions. Made by Plan Monitor; rebuilt each time, so type nothing here.',
    tables: [
      [['Actions by status'], ['Status', 'Actions'], ['Completed', 3], ['On target', 6], ['Out of target', 2], ['Grand Total', 11]],
      [
        ['Actions by theme and status'],
        ['Theme', 'Completed', 'On target', 'Out of target', 'Total'],
        ['Priority 1 – Customer focus', 1, 1, 1, 3],
        ['Priority 2 – Managing performance', 1, 2, 0, 3],
        ['Priority 3 – Risk management', 0, 1, 1, 2],
        ['Priority 4 – IDeA productivity peer review (Appendix B)', 1, 2, 0, 3],
        ['Grand Total', 3, 6, 2, 11],
      ],
      [
        ['Theme RAG'],
        ['Theme', 'RAG'],
        ['Priority 1 – Customer focus', 'Red'],
        ['Priority 2 – Managing performance', 'Green'],
        ['Priority 3 – Risk management', 'Red'],
        ['Priority 4 – IDeA productivity peer review (Appendix B)', 'Green'],
      ],
      [
        ['Slipped actions (2)'],
        ['Ref', 'Action', 'Lead officer', 'Original date', 'Revised date', 'Status', 'Commentary'],
        ['1.2', 'Introduce a corporate complaints procedure', 'Head of Customer Services', '30/09/2010', '31/01/2011', 'Out of target', 'Delayed by the new case management system; revised date agreed by the Corporate Management Team.'],
        ['3.2', 'Align service plan risks with the strategic risk register', 'Head of Audit and Risk', '31/03/2011', '', 'Out of target', 'Two services have not yet returned their service plans.'],
      ],
      [
        ['Actions by lead officer and status'],
        ['Lead officer', 'Completed', 'On target', 'Out of target', 'Total'],
        ['Chief Executive', 0, 1, 0, 1],
        ['Communications Manager', 0, 1, 0, 1],
        ['Head of Audit and Risk', 0, 1, 1, 2],
        ['Head of Customer Services', 1, 0, 1, 2],
        ['Head of Finance', 0, 1, 0, 1],
        ['Head of Property', 1, 0, 0, 1],
        ['Performance Manager', 1, 2, 0, 3],
        ['Grand Total', 3, 6, 2, 11],
      ],
      [
        ['Actions by source and status'],
        ['Source', 'Completed', 'On target', 'Out of target', 'Total'],
        ['IDeA peer review', 1, 2, 0, 3],
        ['Inspection', 1, 1, 1, 3],
        ['Internal', 1, 3, 1, 5],
        ['Grand Total', 3, 6, 2, 11],
      ],
    ],
    summaryFills: { A7: 'blue', A8: 'green', A9: 'red', B22: 'red', B23: 'green', B24: 'red', B25: 'green' },
    report: {
      council: 'Fenbridge District Council',
      planTitle: 'Corporate Improvement Plan',
      heading: 'Corporate Improvement Plan – progress up to 30 November 2010',
      summary: [
        'The Corporate Improvement Plan now contains 11 actions. 3 actions have now been completed, with 2 out of target. Revised timescales are proposed in this report.',
        'This report presents a summary of progress up to 30 November 2010. 1 action is past its due date.',
      ],
      status: [['Completed', '3'], ['On target', '6'], ['Out of target', '2']],
      themes: [
        ['Priority 1 – Customer focus', 'Red', '1', '1', '1', '3'],
        ['Priority 2 – Managing performance', 'Green', '1', '2', '0', '3'],
        ['Priority 3 – Risk management', 'Red', '0', '1', '1', '2'],
        ['Priority 4 – IDeA productivity peer review (Appendix B)', 'Green', '1', '2', '0', '3'],
      ],
      narratives: [],
      slipped: ['1.2', '3.2'],
      overdue: ['3.1'],
      dueSoon: ['2.3'],
      notStarted: [],
      notStartedIntro: null,
    },
  },

  '002-workstreams': {
    findings: [
      ['placeholder-date', 'E16'],
      ['slipped-without-revised-date', 'E22'],
      ['slipped-without-revised-date', 'E27'],
      ['overdue-reported-on-track', 'F28'],
    ],
    fills: { green: 'F6:F9 F13 F19 F21 F25 F28', amber: 'F12 F15 F17:F18 F22 F24 F27', red: 'F11 F16' },
    note: 'As of 04/08/2022: 18 actions. Made by Plan Monitor; rebuilt each time, so type nothing here.',
    tables: [
      [['Actions by status'], ['Status', 'Actions'], ['Green', 9], ['Amber', 7], ['Red', 2], ['Grand Total', 18]],
      [
        ['Actions by theme and status'],
        ['Theme', 'Green', 'Amber', 'Red', 'Total'],
        ['Theme 1 – Organisational Culture', 4, 0, 0, 4],
        ['Theme 2 – Corporate Oversight', 1, 1, 1, 3],
        ['Theme 3 – Strategic Direction', 1, 3, 1, 5],
        ['Theme 4 – Decision Making', 1, 1, 0, 2],
        ['Theme 5 – Procurement and Commercial', 1, 1, 0, 2],
        ['Theme 6 – Partnerships and Relationships', 1, 1, 0, 2],
        ['Grand Total', 9, 7, 2, 18],
      ],
      [
        ['Theme RAG'],
        ['Theme', 'RAG'],
        ['Theme 1 – Organisational Culture', 'Green'],
        ['Theme 2 – Corporate Oversight', 'Red'],
        ['Theme 3 – Strategic Direction', 'Red'],
        ['Theme 4 – Decision Making', 'Amber'],
        ['Theme 5 – Procurement and Commercial', 'Amber'],
        ['Theme 6 – Partnerships and Relationships', 'Amber'],
      ],
    ],
    summaryFills: { A7: 'green', A8: 'amber', A9: 'red', B24: 'green', B25: 'red', B26: 'red', B27: 'amber', B28: 'amber', B29: 'amber' },
    report: {
      council: 'Ashcombe Metropolitan Borough Council',
      planTitle: 'Improvement Plan',
      heading: 'Improvement Plan – progress up to 4 August 2022',
      summary: [
        'The Improvement Plan now contains 18 actions. Of these, 7 rated Amber and 2 rated Red. Revised timescales are proposed in this report.',
        'This report presents a summary of progress up to 4 August 2022. 2 actions are past their due date.',
      ],
      status: [['Green', '9'], ['Amber', '7'], ['Red', '2']],
      themes: [
        ['Theme 1 – Organisational Culture', 'Green', '4', '0', '0', '4'],
        ['Theme 2 – Corporate Oversight', 'Red', '1', '1', '1', '3'],
        ['Theme 3 – Strategic Direction', 'Red', '1', '3', '1', '5'],
        ['Theme 4 – Decision Making', 'Amber', '1', '1', '0', '2'],
        ['Theme 5 – Procurement and Commercial', 'Amber', '1', '1', '0', '2'],
        ['Theme 6 – Partnerships and Relationships', 'Amber', '1', '1', '0', '2'],
      ],
      narratives: [
        'Theme 1 – Organisational Culture (Green): All workstreams were currently on track.',
        'Theme 2 – Corporate Oversight (Red): Good progress had been made across all workstreams however, there was some slippage.',
        'Theme 3 – Strategic Direction (Red): Although progress was being made across all workstreams, many areas had issues and slippage.',
        'Theme 4 – Decision Making (Amber): Progress continued to be made across all workstreams although some areas were experiencing issues.',
        'Theme 5 – Procurement and Commercial (Amber): Delivery timescales had seen some slippage, but progress was still being made.',
        'Theme 6 – Partnerships and Relationships (Amber): Changes had been made to the original governance arrangements.',
      ],
      slipped: ['2.1', '2.2', '3.1', '3.2', '3.3', '3.4', '4.2', '5.1', '6.1'],
      overdue: ['4.2', '6.2'],
      dueSoon: [],
      notStarted: [],
      notStartedIntro: null,
    },
  },

  '003-milestones': {
    findings: [
      ['milestone-behind', 'H6'],
      ['overdue-reported-on-track', 'H9'],
      ['milestone-behind', 'H12'],
      ['dependency-at-risk', 'F16'],
      ['placeholder-date', 'F17'],
      ['unknown-dependency', 'J23'],
      ['dependency-at-risk', 'J23'],
      ['dependency-cycle', 'J24'],
    ],
    dependencyFindings: [
      ['dependency-at-risk', 'F16', 'Action 2.3 waits on 3.1, which has slipped (Amber): its own date is at risk too.'],
      ['unknown-dependency', 'J23', 'Action 3.3 waits on 5.1, but the plan has no action 5.1. Check the ref in J23.'],
      ['dependency-at-risk', 'J23', 'Action 3.3 waits on 2.1, which has slipped (Amber): its own date is at risk too.'],
      ['dependency-cycle', 'J24', 'Action 3.4 waits on itself through 3.4 → 3.5 → 3.4: none of these can finish first. Break the ring in J24.'],
    ],
    fills: { red: 'H13', amber: 'H12 H14 H19 H21', green: 'H6 H8:H10 H16:H17 H23:H25', blue: 'H7 H15 H20 H22' },
    note: 'As of 10/02/2017: 11 actions, with 7 milestones. Made by Plan Monitor; rebuilt each time, so type nothing here.',
    tables: [
      [['Actions by status'], ['Status', 'Actions'], ['Blue', 2], ['Green', 7], ['Amber', 2], ['Red', 0], ['Grand Total', 11]],
      [['Theme RAG'], ['Theme', 'RAG'], ['1 Licensing', 'Amber'], ['2 Governance', 'Red'], ['3 Leadership and capacity', 'Amber']],
      [
        ['Actions with milestones (3)'],
        ['Ref', 'Action', 'Own RAG', 'RAG with its milestones', 'Milestones', 'Milestones overdue'],
        ['1.1', 'Implement the recommendations of the Scrutiny Review of Licensing', 'Green', 'Amber', 3, 1],
        ['2.1', 'Refresh the Constitution', 'Amber', 'Red', 2, 0],
        ['3.1', 'Recruit a permanent Chief Executive', 'Amber', 'Amber', 2, 0],
      ],
      [
        ['Overdue actions (1)'],
        ['Ref', 'Milestone of', 'Action', 'Lead officer', 'Due', 'Days overdue', 'Status', 'Commentary'],
        ['1.1c', '1.1', 'Audit a sample of licence decisions', 'Internal Audit Manager', '31/12/2016', 41, 'Green', 'Sample selected; fieldwork not yet started.'],
      ],
      [
        ['Actions by senior management lead and status'],
        ['Senior management lead', 'Blue', 'Green', 'Amber', 'Red', 'Total'],
        ['Chief Finance Officer', 0, 2, 0, 0, 2],
        ['Director of Regulatory Services', 0, 2, 0, 0, 2],
        ['Head of HR', 0, 1, 1, 0, 2],
        ['Interim Chief Executive', 1, 2, 0, 0, 3],
        ['Monitoring Officer', 1, 0, 1, 0, 2],
        ['Grand Total', 2, 7, 2, 0, 11],
      ],
    ],
    summaryFills: { A7: 'blue', A8: 'green', A9: 'amber', A10: 'red', B22: 'amber', B23: 'red', B24: 'amber', D28: 'amber', D29: 'red', D30: 'amber' },
    report: {
      council: 'Kestrel Vale Borough Council',
      planTitle: 'Improvement Plan',
      heading: 'Improvement Plan – progress up to 10 February 2017',
      summary: [
        'The Improvement Plan now contains 11 actions, with 7 milestones. 2 actions have now been completed, with 2 rated Amber. Revised timescales are proposed in this report.',
        'This report presents a summary of progress up to 10 February 2017. 1 milestone (of action 1.1) is past its due date.',
      ],
      status: [['Blue', '2'], ['Green', '7'], ['Amber', '2'], ['Red', '0']],
      themes: [
        ['1 Licensing', 'Amber', '0', '2', '0', '0', '2'],
        ['2 Governance', 'Red', '1', '2', '1', '0', '4'],
        ['3 Leadership and capacity', 'Amber', '1', '3', '1', '0', '5'],
      ],
      narratives: [],
      slipped: ['2.1', '3.1'],
      overdue: ['1.1c'],
      dueSoon: ['1.1b'],
      notStarted: [],
      notStartedIntro: null,
    },
  },

  '004-closing': {
    findings: [['completed-without-commentary', 'H15']],
    fills: { blue: 'G5:G10 G14:G18', green: 'G11', amber: 'G13 G19', grey: 'G12' },
    note: 'As of 31/03/2019: 15 actions. Made by Plan Monitor; rebuilt each time, so type nothing here.',
    tables: [
      [['Actions by status'], ['Status', 'Actions'], ['Completed', 11], ['On track', 1], ['Some slippage', 2], ['Major slippage', 0], ['Not started', 1], ['Grand Total', 15]],
      [
        ['Actions by theme and status'],
        ['Theme', 'Completed', 'On track', 'Some slippage', 'Major slippage', 'Not started', 'Total'],
        ['1 - Council leadership', 3, 0, 0, 0, 0, 3],
        ['3 - Effective management', 3, 0, 0, 0, 0, 3],
        ['4 - Constructive member relationships', 2, 1, 1, 0, 1, 5],
        ['7 - Sound information governance', 2, 0, 0, 0, 0, 2],
        ['10 - Innovative transformation', 1, 0, 1, 0, 0, 2],
        ['Grand Total', 11, 1, 2, 0, 1, 15],
      ],
      [
        ['Theme RAG'],
        ['Theme', 'RAG'],
        ['1 - Council leadership', 'Blue (complete)'],
        ['3 - Effective management', 'Blue (complete)'],
        ['4 - Constructive member relationships', 'Amber'],
        ['7 - Sound information governance', 'Blue (complete)'],
        ['10 - Innovative transformation', 'Amber'],
      ],
      [
        ['Slipped actions (2)'],
        ['Ref', 'Action', 'Lead officer', 'Original date', 'Revised date', 'Status', 'Commentary'],
        ['4.3', 'Run and support councillor meetings in the best way possible', 'Head of Democratic Services', '31/12/2018', '30/06/2019', 'Some slippage', 'Review of meeting support delayed by the restructure.'],
        ['10.2', 'Implement cashless payment for council services', 'Director of Digital and Customer Services', '31/03/2019', '30/09/2019', 'Some slippage', 'Card payment live at the main office; parking machines follow in the summer.'],
      ],
      [
        ['Not started (1)'],
        ['Ref', 'Action', 'Lead officer', 'Due', 'Status', 'Commentary'],
        ['4.2', 'Agree with councillors the timeliness of responses to their enquiries and casework', 'Head of Democratic Services', '30/09/2019', 'Not started', 'To be incorporated within the new improvement plan.'],
      ],
    ],
    summaryFills: { A7: 'blue', A8: 'green', A9: 'amber', A10: 'red', A11: 'grey', B25: 'blue', B26: 'blue', B27: 'amber', B28: 'blue', B29: 'amber' },
    report: {
      council: 'Brackenfield City Council',
      planTitle: 'Corporate Improvement Plan',
      heading: 'Corporate Improvement Plan – progress up to 31 March 2019',
      summary: [
        'The Corporate Improvement Plan now contains 15 actions. 11 actions have now been completed, with 2 showing some slippage. Revised timescales are proposed in this report.',
        'This report presents a summary of progress up to 31 March 2019. 1 action has not started.',
      ],
      status: [['Completed', '11'], ['On track', '1'], ['Some slippage', '2'], ['Major slippage', '0'], ['Not started', '1']],
      themes: [
        ['1 - Council leadership', 'Blue (complete)', '3', '0', '0', '0', '0', '3'],
        ['3 - Effective management', 'Blue (complete)', '3', '0', '0', '0', '0', '3'],
        ['4 - Constructive member relationships', 'Amber', '2', '1', '1', '0', '1', '5'],
        ['7 - Sound information governance', 'Blue (complete)', '2', '0', '0', '0', '0', '2'],
        ['10 - Innovative transformation', 'Amber', '1', '0', '1', '0', '0', '2'],
      ],
      narratives: [],
      slipped: ['4.3', '10.2'],
      overdue: [],
      dueSoon: [],
      notStarted: ['4.2'],
      notStartedIntro: "There is one action which is 'not started':",
    },
  },
};

/** The shape's workbook: its plan sheet, and its settings in the hidden settings sheet when it has any. */
function setup(shape: SeedShape): HostileSheet[] {
  const plan: HostileSheet = { name: shape.sheetName, rows: shape.rows, ...(shape.merges ? { merges: shape.merges } : {}), ...(shape.fills ? { fills: shape.fills } : {}) };
  if (Object.keys(shape.settings).length === 0) return [plan];
  return [plan, { name: settingsSheetName, rows: settingsSheetRows(shape.settings), hidden: true }];
}

/** "F6 F8:F9" → each cell. */
function cells(list: string): string[] {
  return list.split(' ').flatMap((r) => {
    const range = parseRangeAddress(r);
    if (!range) throw new Error(`not a range: ${r}`);
    const out: string[] = [];
    for (let row = range.top; row <= range.bottom; row++) for (let col = range.left; col <= range.right; col++) out.push(cellAddress(row, col));
    return out;
  });
}

/** A dumped sheet's values as rows from A1, each row without its trailing blanks. */
function rowsOf(sheet: SheetDump | undefined): Row[] {
  const rows: Row[] = [];
  for (const [addr, v] of Object.entries(sheet?.values ?? {})) {
    const at = parseCellAddress(addr);
    if (!at || v === null || typeof v === 'boolean') continue;
    const row = (rows[at.row - 1] ??= []);
    row[at.col - 1] = v;
  }
  return Array.from(rows, (r) => Array.from(r ?? [], (v) => v ?? ''));
}

/** The table whose title row is `title`, down to the blank row after it. */
function table(rows: Row[], title: string | number | undefined): Row[] {
  const start = rows.findIndex((r) => r[0] === title && r.length === 1);
  if (start < 0) return [];
  const end = rows.findIndex((r, i) => i > start && r.length === 0);
  return rows.slice(start, end < 0 ? rows.length : end);
}

function sectionOf(model: ReportModel, id: string): ReportSection | undefined {
  return model.sections.find((s) => s.id === id) ?? model.sections.flatMap((s) => s.subsections).find((s) => s.id === id);
}

function tableIn(section: ReportSection | undefined): ReportTable | undefined {
  return section?.blocks.find((b): b is ReportTable => b.kind === 'table');
}

const paragraphsIn = (section: ReportSection | undefined): string[] => (section?.blocks ?? []).flatMap((b) => (b.kind === 'paragraph' ? [b.text] : []));
const refsIn = (model: ReportModel, list: string): string[] => (tableIn(sectionOf(model, list))?.rows ?? []).map((r) => r[0]?.text ?? '');

/** What one adapter made of a shape: compared with the hand-written figures, and with the other adapters'. */
interface Outcome {
  findings: Finding[];
  model: ReportModel;
  coloured: number;
  before: SheetDump[];
  after: SheetDump[];
}

async function outcomeOf(shape: SeedShape, make: HostileFactory): Promise<Outcome> {
  const adapter = await make(setup(shape));
  const before = await adapter.dump();
  const day = dayFromIso(shape.asOf) ?? 0;
  const clock = fixedClock(day, `${shape.asOf}T09:00:00`);
  const checked = await checkPlan(adapter.port, clock, { asOf: day });
  if (!checked.ok) throw new Error(JSON.stringify(checked.problem));
  const report = await buildCommitteeReport(adapter.port, clock, { asOf: day });
  if (!report.ok) throw new Error(JSON.stringify(report.problem));
  const applied = await applyPlan(adapter.port, clock, { colours: true, summary: true }, { asOf: day });
  if (!applied.ok) throw new Error(JSON.stringify(applied.problem));
  return { findings: checked.value.run.checked.findings, model: report.value.model, coloured: applied.value.report.colouredCells, before, after: await adapter.dump() };
}

/**
 * The dump with each date cell as its serial: Apps Script holds a date as the instant of its midnight
 * in the spreadsheet's time zone (London, so 23:00 the day before in summer), the others as a serial.
 */
function datesAsSerials(dump: SheetDump[]): SheetDump[] {
  return dump.map((s) => ({
    ...s,
    values: Object.fromEntries(
      Object.entries(s.values).map(([addr, v]) => {
        if (typeof v !== 'string' || !/^\d{4}-\d{2}-\d{2}T\d{2}:00:00\.000Z$/.test(v)) return [addr, v];
        const london = new Date(new Date(v).getTime() + 3_600_000).toISOString().slice(0, 10);
        return [addr, isoToSerial(london)];
      }),
    ),
  }));
}

const adapters = hostileAdapters();

describe.each(seedShapes.map((s) => [s.id, s] as const))('seed shape %s on every adapter', (id, shape) => {
  const want = expected[id] as Expected;
  const outcomes = new Map<AdapterName, Outcome>();

  it.each(adapters)('%s: the check, the colours, the summary sheet and the report', async (adapterName, make) => {
    const o = await outcomeOf(shape, make);
    outcomes.set(adapterName, o);

    // Check: exactly these findings, each on its cell.
    expect(o.findings.map((f) => [f.rule, f.cell])).toEqual(want.findings);
    expect(o.findings.filter((f) => f.rule.includes('dependency')).map((f) => [f.rule, f.cell, f.message])).toEqual(want.dependencyFindings ?? []);

    // Apply: every value the user typed kept; exactly the status cells coloured, each by its status.
    const plan = o.after.find((s) => s.name === shape.sheetName);
    const planBefore = o.before.find((s) => s.name === shape.sheetName);
    expect(plan?.values).toEqual(planBefore?.values);
    const wantFills = Object.fromEntries((Object.entries(want.fills) as [Rag, string][]).flatMap(([rag, list]) => cells(list).map((c) => [c, fill[rag]])));
    expect(plan?.fills).toEqual(wantFills);
    expect(o.coloured).toBe(Object.keys(wantFills).length);

    // The summary sheet as the host holds it.
    const summary = o.after.find((s) => s.name === 'Plan Summary');
    expect(summary?.formulas).toEqual([]);
    const rows = rowsOf(summary);
    expect(rows[2]).toEqual([want.note]);
    for (const t of want.tables) expect(table(rows, t[0]?.[0])).toEqual(t);
    expect(Object.fromEntries(Object.keys(want.summaryFills).map((c) => [c, summary?.fills[c]]))).toEqual(Object.fromEntries(Object.entries(want.summaryFills).map(([c, rag]) => [c, fill[rag]])));

    // The committee report's figures.
    const m = o.model;
    const r = want.report;
    expect([m.council, m.planTitle, m.heading]).toEqual([r.council, r.planTitle, r.heading]);
    expect(paragraphsIn(sectionOf(m, 'summary'))).toEqual(r.summary);
    expect(tableIn(sectionOf(m, 'status'))?.rows.map((row) => row.map((c) => c.text))).toEqual(r.status);
    const themes = sectionOf(m, 'themes');
    expect(tableIn(themes)?.rows.map((row) => row.map((c) => c.text))).toEqual(r.themes);
    expect(paragraphsIn(themes).slice(1)).toEqual(r.narratives);
    expect([refsIn(m, 'list-slipped'), refsIn(m, 'list-overdue'), refsIn(m, 'list-dueSoon'), refsIn(m, 'list-notStarted')]).toEqual([r.slipped, r.overdue, r.dueSoon, r.notStarted]);
    expect(paragraphsIn(sectionOf(m, 'not-started'))[0] ?? null).toEqual(r.notStartedIntro);
  });

  it('gives the same findings, report and workbook on all four adapters', () => {
    expect([...outcomes.keys()]).toEqual(adapters.map(([name]) => name));
    const reference = outcomes.get('in-memory');
    for (const [name, o] of outcomes) {
      expect(o.findings, name).toEqual(reference?.findings);
      expect(o.model, name).toEqual(reference?.model);
      expect(datesAsSerials(o.after), name).toEqual(reference?.after);
    }
  });
});
