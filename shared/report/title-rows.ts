/**
 * The council's name and the plan's title, as the monitoring sheet's title rows give them: the rows
 * above the detected header, such as "Northmoor City Council – Corporate Improvement Plan" over
 * "Monitoring sheet – progress up to 30 September 2018".
 */
import { cellText, type GridSnapshot } from '../grid/grid';

export interface TitleRows {
  /** "Northmoor City Council", or null when no title row names one. */
  council: string | null;
  /** "Corporate Improvement Plan", or null when no title row names a plan. */
  plan: string | null;
}

/** Words that make a part of a title the authority's name. */
const authority = /\b(council|borough|county|district|authority|corporation|combined authority|city of|royal borough)\b/i;
/** Words that make a part of a title the plan's name. */
const planWords = /\b(plan|programme|program|strategy|action plan|improvement)\b/i;
/** Title parts that describe the sheet or its date rather than the plan: "Monitoring sheet", "progress up to …", "September 2018 update". */
const sheetWords = /^(monitoring( sheet)?|progress\b|update\b|as (at|of)\b|position\b|\d{1,2}[/.-]\d{1,2}[/.-]\d{2,4}$)/i;

/** The title lines: each row's text cells above the header, joined, in sheet order. */
function titleLines(grid: GridSnapshot, headerRow: number): string[] {
  const lines: string[] = [];
  for (let r = 0; r < grid.values.length && grid.top + r < headerRow; r++) {
    const texts = (grid.values[r] ?? []).filter((v) => typeof v === 'string').map((v) => cellText(v).replace(/\s+/g, ' ').trim()).filter((t) => t !== '');
    if (texts.length > 0) lines.push(texts.join(' '));
  }
  return lines;
}

/** "A – B", "A - B", "A: B", "A | B": the parts of a title line. */
function parts(line: string): string[] {
  return line
    .split(/\s+[\u2013\u2014-]\s+|\s*[:|]\s+/)
    .map((p) => p.trim())
    .filter((p) => p !== '');
}

/** The council and plan named by the rows above the header; null for what none of them names. */
export function readTitleRows(grid: GridSnapshot, headerRow: number): TitleRows {
  let council: string | null = null;
  let plan: string | null = null;
  for (const line of titleLines(grid, headerRow)) {
    for (const part of parts(line)) {
      if (part.length > 120 || sheetWords.test(part)) continue;
      if (council === null && authority.test(part) && !planWords.test(part)) council = part;
      else if (plan === null && planWords.test(part)) plan = part;
    }
  }
  return { council, plan };
}
