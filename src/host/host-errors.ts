import { describeRefusal } from '../../shared/app/messages';
import { refusalOf } from '../../shared/workbook/write-refusal';

/**
 * Host failures in words, outside the engine: Office.js error codes belong to the hosts, so the
 * engine only words its own coded refusals (describeRefusal) and this adapter-side file maps the rest.
 */

/** Office.js error codes a user can act on, in words. */
function officeError(code: string, doing: 'reading' | 'writing'): string | null {
  if (code === 'AccessDenied') {
    return doing === 'writing'
      ? 'The sheet is protected, so Plan Monitor could not change it. Nothing was changed. Unprotect the sheet and try again.'
      : 'Excel would not let Plan Monitor read the workbook (it may be protected or shared in a way that blocks add-ins). Nothing was changed.';
  }
  if (code === 'RequestPayloadSizeLimitExceeded') return 'The workbook is too large to update in one go from Excel on the web. Nothing was changed. Try Excel on the desktop.';
  if (code === 'ItemNotFound') return 'A sheet Plan Monitor needs has been renamed or deleted since it was read. Run Check plan again.';
  return null;
}

/**
 * Turns any failure a host threw into one plain sentence: our own refusals by their code (even after
 * crossing google.script.run as a message), Office's by its error code, anything else as it came.
 */
export function describeHostError(e: unknown, doing: 'reading' | 'writing' = 'writing'): string {
  const refusal = refusalOf(e);
  if (refusal) return describeRefusal(refusal);
  const code = typeof e === 'object' && e !== null && 'code' in e ? String((e as { code: unknown }).code) : '';
  const known = officeError(code, doing);
  if (known) return known;
  // Apps Script prefixes "Error: " to what crosses google.script.run.
  const message = (e instanceof Error ? e.message : typeof e === 'object' && e !== null && 'message' in e ? String((e as { message: unknown }).message) : String(e)).replace(/^Error: /, '').trim();
  return `Something went wrong: ${message}`;
}
