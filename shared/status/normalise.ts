import type { StatusDef, StatusScheme } from './schemes';

/**
 * Folds the ways one status gets typed ("On-Track", "on track.", " ON  TRACK ") to one key:
 * lower case, hyphens/underscores as spaces, punctuation dropped, spaces folded.
 */
export function normaliseStatusText(text: string): string {
  return text
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[\u200b-\u200d\ufeff]/g, '')
    .replace(/[-_/]+/g, ' ')
    .replace(/[^\p{L}\p{N} ]+/gu, '')
    .replace(/\s+/g, ' ')
    .trim();
}

export interface StatusLookup {
  scheme: StatusScheme;
  find(text: string): StatusDef | null;
}

/** Builds the lookup once per run: a Map from every normalised spelling to its status. */
export function statusLookup(scheme: StatusScheme): StatusLookup {
  const byKey = new Map<string, StatusDef>();
  for (const s of scheme.statuses) {
    for (const spelling of [s.label, ...s.aliases]) {
      const key = normaliseStatusText(spelling);
      if (!byKey.has(key)) byKey.set(key, s);
      // "ontrack" and "on track" are the same word to an officer.
      const squashed = key.replace(/ /g, '');
      if (!byKey.has(squashed)) byKey.set(squashed, s);
    }
  }
  // A plan repeats a handful of spellings thousands of times: remember each one's answer.
  const seen = new Map<string, StatusDef | null>();
  return {
    scheme,
    find(text: string): StatusDef | null {
      const known = seen.get(text);
      if (known !== undefined) return known;
      const key = normaliseStatusText(text);
      const found = key === '' ? null : (byKey.get(key) ?? byKey.get(key.replace(/ /g, '')) ?? null);
      if (seen.size < 10_000) seen.set(text, found);
      return found;
    },
  };
}
