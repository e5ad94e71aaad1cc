/** Turns any failure a host threw (an Office error code, an Apps Script exception, our own sentence) into one plain sentence. */
export function describeHostError(e: unknown, doing: 'reading' | 'writing' = 'writing'): string {
  const code = typeof e === 'object' && e !== null && 'code' in e ? String((e as { code: unknown }).code) : '';
  if (code === 'AccessDenied') {
    return doing === 'writing'
      ? 'The sheet is protected, so Plan Monitor could not change it. Nothing was changed. Unprotect the sheet and try again.'
      : 'Excel would not let Plan Monitor read the workbook (it may be protected or shared in a way that blocks add-ins). Nothing was changed.';
  }
  if (code === 'RequestPayloadSizeLimitExceeded') return 'The workbook is too large to update in one go from Excel on the web. Nothing was changed. Try Excel on the desktop.';
  if (code === 'ItemNotFound') return 'A sheet Plan Monitor needs has been renamed or deleted since it was read. Run Check plan again.';
  // Apps Script may prefix "Error: "; a message that is already a sentence (ours) is shown as it is.
  const message = (e instanceof Error ? e.message : typeof e === 'object' && e !== null && 'message' in e ? String((e as { message: unknown }).message) : String(e)).replace(/^Error: /, '');
  if (/^[A-Z'‘“].*[.!?]$/s.test(message.trim())) return message.trim();
  return `Something went wrong: ${message}`;
}

