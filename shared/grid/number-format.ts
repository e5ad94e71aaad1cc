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
