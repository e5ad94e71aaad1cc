import { encodeXstring } from '../read/escapes';
import { escapeText } from '../xml/attributes';

/** Any character that escaping or an ST_Xstring escape would change: most text has none. */
// eslint-disable-next-line no-control-regex
const needsEscape = /[&<>_\u0000-\u001f\ud800-\udfff\ufffe\uffff]/;

/**
 * A cell's inline string (`<is><t>…</t></is>`), the content of a `t="inlineStr"` cell: a string no
 * reader takes for a formula, and which leaves the shared strings part alone. `p` is the
 * SpreadsheetML prefix of the part it goes in ('' or 'x:').
 */
export function inlineString(text: string, p = ''): string {
  const space = /^\s|\s$/.test(text) ? ' xml:space="preserve"' : '';
  return `<${p}is><${p}t${space}>${needsEscape.test(text) ? escapeText(encodeXstring(text)) : text}</${p}t></${p}is>`;
}
