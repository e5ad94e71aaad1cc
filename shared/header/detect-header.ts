import { columnLetters, columnNumber } from '../grid/a1';
import { cellText, gridColumnCount, type GridSnapshot } from '../grid/grid';
import { columnFields, fieldLabels, headerSynonyms, normaliseHeader, type ColumnField } from '../settings/fields';

/** Rows searched for the header: real sheets put a few title rows above it. */
export const headerSearchRows = 30;

export interface HeaderCell {
  /** 1-based sheet column. */
  col: number;
  text: string;
}

export interface ColumnMatch extends HeaderCell {
  /** How the column was found: by its heading, or by the settings' column mapping. */
  how: 'detected' | 'setting';
}

export interface HeaderMatch {
  /** 1-based sheet row of the header. */
  row: number;
  columns: Partial<Record<ColumnField, ColumnMatch>>;
  /** Every non-empty heading on the header row, for the settings view's dropdowns. */
  headers: HeaderCell[];
}

export type HeaderProblem =
  | { code: 'empty-sheet'; sheet: string }
  | { code: 'no-header'; sheet: string; missing: ColumnField[]; bestRow: number | null; found: ColumnField[] }
  | { code: 'bad-column-setting'; sheet: string; field: ColumnField; value: string; lastColumn: string | null };

export type HeaderResult = { ok: true; header: HeaderMatch } | { ok: false; problem: HeaderProblem };

/** Without these a row can't be counted or dated. Ref or action identifies it (either will do). */
const requiredFields: ColumnField[] = ['target', 'status'];
const identityFields: ColumnField[] = ['ref', 'action'];

interface Candidate {
  field: ColumnField;
  col: number;
  score: number;
}

const synonymKeys: Record<ColumnField, string[]> = Object.fromEntries(
  columnFields.map((f) => [f, headerSynonyms[f].map(normaliseHeader)]),
) as Record<ColumnField, string[]>;

/** How well a heading names a field: exact synonyms beat containment; earlier synonyms beat later. */
function scoreHeading(key: string, field: ColumnField): number {
  const keys = synonymKeys[field];
  let best = 0;
  keys.forEach((k, i) => {
    if (k === '') return;
    if (key === k) best = Math.max(best, 1000 - i);
    // "Target date (original)" still names the target date; the longer the match the surer.
    // A type column is named by its heading alone: "Type" inside another heading is no type column.
    else if (field !== 'rowType' && k.length >= 4 && key.includes(k)) best = Math.max(best, 100 + k.length * 4 - i);
  });
  // Required fields win ties, so "Progress" alone becomes the status column.
  if (best > 0 && (field === 'status' || field === 'target')) best += 0.5;
  return best;
}

function headersOfRow(grid: GridSnapshot, r: number): HeaderCell[] {
  const row = grid.values[r] ?? [];
  const out: HeaderCell[] = [];
  row.forEach((v, c) => {
    const text = cellText(v);
    if (text !== '' && typeof v === 'string') out.push({ col: grid.left + c, text });
  });
  return out;
}

/** Theme headings that name a row's own item when the sheet has no Action column. */
const itemHeadings = new Set(['workstream', 'workstreams']);

/** Assigns fields to columns greedily by score: each column serves one field, each field one column. */
function matchRow(headers: HeaderCell[], overrides: Partial<Record<ColumnField, number | string>>): Partial<Record<ColumnField, ColumnMatch>> {
  const columns: Partial<Record<ColumnField, ColumnMatch>> = {};
  const usedCols = new Set<number>();
  for (const field of columnFields) {
    const o = overrides[field];
    if (o === undefined) continue;
    const hit = typeof o === 'number' ? { col: o, text: headers.find((h) => h.col === o)?.text ?? '' } : headers.find((h) => normaliseHeader(h.text) === o);
    if (hit) {
      columns[field] = { col: hit.col, text: hit.text, how: 'setting' };
      usedCols.add(hit.col);
    }
  }
  const candidates: Candidate[] = [];
  for (const h of headers) {
    const key = normaliseHeader(h.text);
    if (key === '' || usedCols.has(h.col)) continue;
    for (const field of columnFields) {
      if (overrides[field] !== undefined) continue;
      const score = scoreHeading(key, field);
      if (score > 0) candidates.push({ field, col: h.col, score });
    }
  }
  candidates.sort((a, b) => b.score - a.score || a.col - b.col);
  for (const c of candidates) {
    if (columns[c.field] || usedCols.has(c.col)) continue;
    columns[c.field] = { col: c.col, text: headers.find((h) => h.col === c.col)?.text ?? '', how: 'detected' };
    usedCols.add(c.col);
  }
  // A plan of workstreams (seed 002) names each row's item under "Workstream": with no Action
  // column beside it, that column is the rows' items, not their theme (themes are the headings).
  const theme = columns.theme;
  if (theme?.how === 'detected' && !columns.action && overrides.action === undefined && itemHeadings.has(normaliseHeader(theme.text))) {
    columns.action = theme;
    delete columns.theme;
  }
  // "Original due date" beside a bare "Due date" (a Covalent export): the original is the target, and
  // the bare one the date as it now stands.
  const target = columns.target;
  if (target?.how === 'detected' && !columns.revised && overrides.revised === undefined && !normaliseHeader(target.text).startsWith('original')) {
    // Named exactly as a target ("Original due date"), though a looser match ("Origin" for source) may have taken it.
    const original = headers.find((h) => normaliseHeader(h.text).startsWith('original') && synonymKeys.target.includes(normaliseHeader(h.text)));
    const taken = original ? columnFields.find((f) => columns[f]?.col === original.col) : undefined;
    if (original && (taken === undefined || columns[taken]?.how === 'detected')) {
      if (taken !== undefined) delete columns[taken];
      columns.revised = { ...target };
      columns.target = { col: original.col, text: original.text, how: 'detected' };
    }
  }
  return columns;
}

/** The columns a header must have: each of `required`, and at least one of `identity`. */
export interface HeaderNeeds {
  required: readonly ColumnField[];
  identity: readonly ColumnField[];
}

const planNeeds: HeaderNeeds = { required: requiredFields, identity: identityFields };

function missingFields(columns: Partial<Record<ColumnField, ColumnMatch>>, needs: HeaderNeeds = planNeeds): ColumnField[] {
  const missing = needs.required.filter((f) => !columns[f]);
  if (!needs.identity.some((f) => columns[f])) missing.unshift(needs.identity[0] ?? 'ref');
  return missing;
}

/**
 * Finds the header row in the first rows of the sheet and maps its columns to fields.
 * `mapping` (from settings) names a column by letter ("H") or heading ("Progress update") and wins over detection.
 */
export function detectHeader(grid: GridSnapshot, mapping: Partial<Record<ColumnField, string>> = {}, needs: HeaderNeeds = planNeeds): HeaderResult {
  const overrides: Partial<Record<ColumnField, number | string>> = {};
  for (const field of columnFields) {
    const choice = mapping[field]?.trim();
    if (!choice) continue;
    const letter = /^[A-Za-z]{1,3}$/.test(choice) ? columnNumber(choice) : null;
    // A short all-letter value is a column letter unless it is also a heading word ("RAG", "ID").
    overrides[field] = letter !== null && choice.length <= 2 ? letter : normaliseHeader(choice);
  }

  // A setting naming a column past the last one in use ("ZZ") would read every status as blank: a setting to fix, named as such.
  const width = gridColumnCount(grid);
  const lastColumn = width > 0 ? columnLetters(grid.left + width - 1) : null;
  for (const field of columnFields) {
    const o = overrides[field];
    if (typeof o === 'number' && width > 0 && o > grid.left + width - 1) {
      return { ok: false, problem: { code: 'bad-column-setting', sheet: grid.sheet, field, value: mapping[field]?.trim() ?? '', lastColumn } };
    }
  }

  const rows = Math.min(grid.values.length, headerSearchRows);
  type RowMatch = { r: number; columns: Partial<Record<ColumnField, ColumnMatch>>; count: number };
  let best: RowMatch | null = null;
  let bestValid: RowMatch | null = null;
  for (let r = 0; r < rows; r++) {
    const headers = headersOfRow(grid, r);
    if (headers.length < 2) continue;
    const columns = matchRow(headers, overrides);
    const count = Object.keys(columns).length;
    if (!best || count > best.count) best = { r, columns, count };
    if (missingFields(columns, needs).length === 0 && (!bestValid || count > bestValid.count)) bestValid = { r, columns, count };
  }

  if (bestValid) {
    return { ok: true, header: { row: grid.top + bestValid.r, columns: bestValid.columns, headers: headersOfRow(grid, bestValid.r) } };
  }
  if (grid.values.every((row) => row.every((v) => cellText(v) === ''))) {
    return { ok: false, problem: { code: 'empty-sheet', sheet: grid.sheet } };
  }
  for (const field of columnFields) {
    const o = overrides[field];
    if (typeof o === 'string' && best && !best.columns[field]) {
      return { ok: false, problem: { code: 'bad-column-setting', sheet: grid.sheet, field, value: mapping[field]?.trim() ?? '', lastColumn } };
    }
  }
  const found = best ? (Object.keys(best.columns) as ColumnField[]) : [];
  return {
    ok: false,
    problem: {
      code: 'no-header',
      sheet: grid.sheet,
      missing: best ? missingFields(best.columns, needs) : [...needs.required],
      bestRow: best && best.count > 0 ? grid.top + best.r : null,
      found,
    },
  };
}

/**
 * When no header is recognised, the row most likely to be one (the most text cells in the first
 * rows), so the settings view can still offer its headings to map by hand.
 */
export function likelyHeaderCells(grid: GridSnapshot): HeaderCell[] {
  let best: HeaderCell[] = [];
  const rows = Math.min(grid.values.length, headerSearchRows);
  for (let r = 0; r < rows; r++) {
    const cells = headersOfRow(grid, r);
    if (cells.length > best.length) best = cells;
  }
  return best;
}

function lookedFor(field: ColumnField): string {
  const words = field === 'ref' ? [...headerSynonyms.ref.slice(0, 4), ...headerSynonyms.action.slice(0, 3)] : headerSynonyms[field].slice(0, 6);
  return `${field === 'ref' ? 'Ref or Action' : fieldLabels[field]} (looked for: ${words.join(', ')})`;
}

/** A plain-English sentence for a header problem, naming the sheet and what was looked for. */
export function renderHeaderProblem(p: HeaderProblem): string {
  switch (p.code) {
    case 'empty-sheet':
      return `Sheet '${p.sheet}' is empty: there is no plan to check.`;
    case 'bad-column-setting':
    {
      const asLetter = /^[A-Za-z]{1,3}$/.test(p.value) ? columnNumber(p.value) : null;
      const range = p.lastColumn ? `a column from A to ${p.lastColumn}` : 'a column letter (such as H)';
      if (asLetter !== null && p.lastColumn !== null && asLetter > (columnNumber(p.lastColumn) ?? 0)) {
        return `The column setting for ${fieldLabels[p.field]} names '${p.value}': no heading on sheet '${p.sheet}' reads that, and column ${p.value.toUpperCase()} is past the last column in use (${p.lastColumn}). Use ${range}, or the heading exactly as typed.`;
      }
      return `The column setting for ${fieldLabels[p.field]} names '${p.value}', but no heading on sheet '${p.sheet}' reads that. Use ${range}, or the heading exactly as typed.`;
    }
    case 'no-header': {
      const where =
        p.bestRow !== null
          ? `The nearest is row ${p.bestRow}, which has ${p.found.map((f) => fieldLabels[f]).join(', ')} but no ${p.missing.map((f) => (f === 'ref' ? 'Ref or Action' : fieldLabels[f])).join(' or ')} column.`
          : `None of the first ${headerSearchRows} rows has column headings Plan Monitor recognises.`;
      return `Could not find the column headings on sheet '${p.sheet}'. ${where} Needed: ${p.missing.map(lookedFor).join('; ')}. You can name the columns in Settings.`;
    }
  }
}
