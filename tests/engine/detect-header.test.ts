import { describe, expect, it } from 'vitest';
import type { CellValue, GridSnapshot } from '../../shared/grid/grid';
import { detectHeader, renderHeaderProblem, type HeaderResult } from '../../shared/header/detect-header';
import type { ColumnField } from '../../shared/settings/fields';

function grid(values: CellValue[][], top = 1, left = 1): GridSnapshot {
  return { sheet: 'Plan', top, left, values };
}

/** field → column letter, for compact expectations. */
function mapped(r: HeaderResult): Record<string, string> {
  if (!r.ok) throw new Error(renderHeaderProblem(r.problem));
  return Object.fromEntries(Object.entries(r.header.columns).map(([f, m]) => [f, String.fromCharCode(64 + m.col)]));
}

const row = (n: number, cells: CellValue[]) => ({ n, cells });
function sheet(rows: { n: number; cells: CellValue[] }[]): CellValue[][] {
  const out: CellValue[][] = [];
  for (const r of rows) out[r.n - 1] = r.cells;
  for (let i = 0; i < out.length; i++) out[i] ??= [];
  return out;
}

describe('detectHeader', () => {
  it('finds the header below title rows (the sample layout)', () => {
    const g = grid(
      sheet([
        row(1, ['Northmoor City Council – Corporate Improvement Plan']),
        row(2, ['Monitoring sheet – progress up to 30 September 2018']),
        row(4, ['Ref', 'Action', 'Lead Officer', 'Lead Member', 'LGA recommendation', 'Target Date', 'Revised Target Date', 'Status', 'Progress Update']),
        row(5, ['Theme 1 – City leadership']),
      ]),
    );
    const r = detectHeader(g);
    expect(r.ok && r.header.row).toBe(4);
    expect(mapped(r)).toEqual({ ref: 'A', action: 'B', lead: 'C', leadMember: 'D', source: 'E', target: 'F', revised: 'G', status: 'H', commentary: 'I' });
  });

  it('finds a header on row 1 with no title', () => {
    const r = detectHeader(grid([['Ref', 'Action', 'Due date', 'RAG'], ['1.1', 'Do it', '31/12/2018', 'Green']]));
    expect(r.ok && r.header.row).toBe(1);
    expect(mapped(r)).toEqual({ ref: 'A', action: 'B', target: 'C', status: 'D' });
  });

  it.each([
    [['No.', 'Recommendation', 'Responsible officer', 'Deadline', 'RAG status', 'Comments'], { ref: 'A', action: 'B', lead: 'C', target: 'D', status: 'E', commentary: 'F' }],
    [['ID', 'Task', 'Owner', 'Target completion', 'Re-profiled date', 'Progress status', 'Update'], { ref: 'A', action: 'B', lead: 'C', target: 'D', revised: 'E', status: 'F', commentary: 'G' }],
    [['Action ref', 'Description', 'Lead', 'Portfolio holder', 'Original target date', 'New date', 'Status', 'Progress update', 'Recommendation source'], { ref: 'A', action: 'B', lead: 'C', leadMember: 'D', target: 'E', revised: 'F', status: 'G', commentary: 'H', source: 'I' }],
    [['REF', 'ACTION', 'LEAD OFFICER:', 'TARGET-DATE', 'status ', 'Workstream'], { ref: 'A', action: 'B', lead: 'C', target: 'D', status: 'E', theme: 'F' }],
    [['Action', 'Timescale', 'Progress'], { action: 'A', target: 'B', status: 'C' }],
    // Covalent's export: the original date is the target, the bare due date the date as it now stands, whichever comes first.
    [['Code', 'Task', 'Due Date', 'Original Due Date', 'Status'], { ref: 'A', action: 'B', revised: 'C', target: 'D', status: 'E' }],
    [['Code', 'Task', 'Original Due Date', 'Due Date', 'Status'], { ref: 'A', action: 'B', target: 'C', revised: 'D', status: 'E' }],
    // A type column by its heading alone; "Action type" is no type column.
    [['Ref', 'Type', 'Action', 'Target date', 'Status'], { ref: 'A', rowType: 'B', action: 'C', target: 'D', status: 'E' }],
    [['Ref', 'Action type', 'Action', 'Target date', 'Status'], { ref: 'A', action: 'C', target: 'D', status: 'E' }],
  ] as [string[], Record<string, string>][])('recognises synonyms regardless of case and punctuation: %j', (headers, want) => {
    expect(mapped(detectHeader(grid([headers])))).toEqual(want);
  });

  it('keeps extra, unknown columns out of the mapping but lists them for the settings view', () => {
    const r = detectHeader(grid([['Ref', 'Budget £k', 'Action', 'Directorate', 'Target date', 'Status', 'Risk score']]));
    expect(mapped(r)).toEqual({ ref: 'A', action: 'C', target: 'E', status: 'F' });
    expect(r.ok && r.header.headers.map((h) => h.text)).toEqual(['Ref', 'Budget £k', 'Action', 'Directorate', 'Target date', 'Status', 'Risk score']);
  });

  it('finds the header on row 10 under a long preamble, with the grid offset from B2', () => {
    const values = sheet([
      row(1, ['Improvement plan']),
      row(3, ['Introduction: this plan responds to the peer challenge.']),
      row(5, ['Key: Green on track, Amber some slippage']),
      row(9, ['Ref', 'Action', 'Target date', 'Status']),
    ]);
    const r = detectHeader(grid(values, 2, 2));
    expect(r.ok && r.header.row).toBe(10);
    expect(mapped(r)).toEqual({ ref: 'B', action: 'C', target: 'D', status: 'E' });
  });

  it('does not look beyond row 30', () => {
    const values = sheet([row(31, ['Ref', 'Action', 'Target date', 'Status'])]);
    const r = detectHeader(grid(values));
    expect(r.ok).toBe(false);
  });

  it('lets the column mapping override detection, by letter or by heading', () => {
    const headers = ['Ref', 'Action', 'Date agreed', 'Deadline', 'Where we are', 'Notes'];
    expect(mapped(detectHeader(grid([headers]), { status: 'E' }))).toEqual({ ref: 'A', action: 'B', target: 'D', status: 'E', commentary: 'F' });
    expect(mapped(detectHeader(grid([headers]), { status: 'Where we are', target: 'date agreed' }))).toEqual({ ref: 'A', action: 'B', target: 'C', status: 'E', commentary: 'F' });
    const r = detectHeader(grid([headers]), { status: 'E' });
    expect(r.ok && r.header.columns.status?.how).toBe('setting');
  });

  it('prefers the revised column for "Revised target date" and the target for "Target date"', () => {
    expect(mapped(detectHeader(grid([['Ref', 'Action', 'Revised target date', 'Target date', 'Status']])))).toEqual({ ref: 'A', action: 'B', revised: 'C', target: 'D', status: 'E' });
  });

  it('says which columns are missing and what was looked for', () => {
    const r = detectHeader(grid([['Title'], ['Ref', 'Action', 'Lead officer', 'Comments']]));
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.problem).toMatchObject({ code: 'no-header', bestRow: 2, missing: ['target', 'status'] });
    const msg = renderHeaderProblem(r.problem);
    expect(msg).toContain("sheet 'Plan'");
    expect(msg).toContain('row 2');
    expect(msg).toContain('Target date (looked for: Target date, Due date, Deadline');
    expect(msg).toContain('Status (looked for: Status, RAG');
  });

  it('names a bad mapping setting', () => {
    const r = detectHeader(grid([['Ref', 'Action', 'Lead officer', 'Comments']]), { status: 'Where we are' });
    expect(!r.ok && renderHeaderProblem(r.problem)).toBe(
      "The column setting for Status names 'Where we are', but no heading on sheet 'Plan' reads that. Use a column from A to D, or the heading exactly as typed.",
    );
  });

  it.each([
    ['XFD', "The column setting for Status names 'XFD': no heading on sheet 'Plan' reads that, and column XFD is past the last column in use (E). Use a column from A to E, or the heading exactly as typed."],
    ['zz', "The column setting for Status names 'zz': no heading on sheet 'Plan' reads that, and column ZZ is past the last column in use (E). Use a column from A to E, or the heading exactly as typed."],
  ])('says a column setting (%s) is past the last column in use', (value, message) => {
    const r = detectHeader(grid([['Ref', 'Action', 'Lead officer', 'Target date', 'Status'], ['1.1', 'a', 'CEO', '31/12/2018', 'On track']]), { status: value });
    expect(r.ok).toBe(false);
    expect(!r.ok && renderHeaderProblem(r.problem)).toBe(message);
  });

  it('reports an empty sheet as such', () => {
    const r = detectHeader(grid([]));
    expect(!r.ok && r.problem.code).toBe('empty-sheet');
  });

  it('requires ref or action, target and status', () => {
    const need = (headers: string[]): ColumnField[] => {
      const r = detectHeader(grid([headers]));
      return r.ok ? [] : r.problem.code === 'no-header' ? r.problem.missing : [];
    };
    expect(need(['Lead', 'Target date', 'Status'])).toEqual(['ref']);
    expect(need(['Ref', 'Status', 'Comments'])).toEqual(['target']);
    expect(need(['Action', 'Target date', 'Comments'])).toEqual(['status']);
  });
});
