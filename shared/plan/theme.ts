/** Themes: the numbered groups an improvement plan's actions sit under. */

export interface Theme {
  /** Stable key for grouping: "3" for a numbered theme, else the name folded to lower case. */
  key: string;
  number: number | null;
  /** As a committee reads it: "Theme 3 – Effective management", or the heading as typed. */
  label: string;
  /** The heading row's narrative ("All workstreams were currently on track"), from its commentary cell. */
  narrative?: string;
}

/** Words that open a theme heading: "Theme 3 – …", "Priority 2: …". */
export const themeWordPattern = /^(?:theme|priority|workstream|work stream|section|objective|outcome|part)\b\s*/i;

/** Reads a heading row's text: "Theme 3 – Effective management", "3. Effective management", "City leadership". */
export function themeFromHeading(text: string): Theme {
  const label = text.replace(/\s+/g, ' ').trim();
  const rest = label.replace(themeWordPattern, '');
  const m = /^(\d{1,3})(?:[\s.:)\-–—]+(?!\d)(.*))?$/.exec(rest);
  if (m) {
    const number = Number(m[1]);
    return { key: String(number), number, label };
  }
  return { key: label.toLowerCase(), number: null, label };
}

/** The theme a ref implies: "2.4" → theme 2. */
export function themeNumberOfRef(ref: string | null): number | null {
  if (ref === null) return null;
  const m = /^(\d{1,3})\.\d/.exec(ref.trim());
  return m ? Number(m[1]) : null;
}

export function themeFromRef(ref: string | null): Theme | null {
  const n = themeNumberOfRef(ref);
  return n === null ? null : { key: String(n), number: n, label: `Theme ${n}` };
}

/** A Theme column's value: "3 - Effective management" or "Effective management". */
export function themeFromColumn(text: string): Theme {
  return themeFromHeading(text);
}
