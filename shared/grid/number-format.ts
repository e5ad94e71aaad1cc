/**
 * True when a number format shows a date: d, m or y outside quoted text, [colour] brackets and
 * escapes, and not an elapsed-time format. Hosts use it to mark date cells in the grid snapshot.
 */
export function isDateFormat(numFmt: string | null | undefined): boolean {
  if (!numFmt) return false;
  const bare = numFmt.replace(/"[^"]*"/g, '').replace(/\[[^\]]*\]/g, '').replace(/\\./g, '');
  if (/^(general|@|0.*|#.*)$/i.test(bare.trim())) return false;
  return /[dy]/i.test(bare) || /(^|[^h:])m{3,}/i.test(bare) || /d.*m|m.*y/i.test(bare);
}

/** What a date cell's number format shows: a whole date, only month and year ("mmm-yy", "mmmm yyyy"), or only a year. */
export type DateCellPrecision = 'day' | 'month' | 'year';

/**
 * An officer who types "Sep 2018" gets 1 Sept 2018 stored with a month-only format: the format, not
 * the stored day, says what was meant (the whole month, due at its end). Minutes (m next to h or s)
 * are not months.
 */
export function datePrecisionOf(numFmt: string | null | undefined): DateCellPrecision {
  if (!numFmt) return 'day';
  const section = (numFmt.split(';')[0] ?? '').replace(/"[^"]*"/g, '').replace(/\[[^\]]*\]/g, '').replace(/\\./g, '');
  if (/d/i.test(section)) return 'day';
  const months = section.replace(/(h+[^a-z]*)m+|m+([^a-z]*s)/gi, '$1$2');
  if (/m/i.test(months)) return /y/i.test(section) ? 'month' : 'day';
  return /y/i.test(section) ? 'year' : 'day';
}
