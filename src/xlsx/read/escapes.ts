/**
 * ST_Xstring escapes (ECMA-376 Part 1, 22.4.2.4): Excel writes a character XML cannot hold, such as a
 * carriage return or a control character, as `_xHHHH_`, and a literal `_x` sequence as `_x005F_x…`.
 */
const escaped = /_x([0-9A-Fa-f]{4})_/g;

export function decodeXstring(text: string): string {
  if (text.indexOf('_x') < 0) return text;
  return text.replace(escaped, (_, hex: string) => String.fromCharCode(parseInt(hex, 16)));
}

/** The inverse, for text the tool writes: characters XML 1.0 cannot carry, a carriage return, and `_x` sequences that would read as escapes. */
export function encodeXstring(text: string): string {
  // eslint-disable-next-line no-control-regex
  return text.replace(/_(?=x[0-9A-Fa-f]{4}_)|[\u0000-\u0008\u000b\u000c\u000d\u000e-\u001f\ufffe\uffff]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g, (c) => `_x${c.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}_`);
}
