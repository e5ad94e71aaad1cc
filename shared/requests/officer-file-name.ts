/**
 * "01-jo-bloggs.eml", "02-director-of-hr-and-od.xlsx": one file per lead officer, numbered in list
 * order, so two officers whose names tidy to the same never share a file. The chase drafts and the
 * update requests name their files alike. Accents are dropped ("Émile" is "emile").
 */
export function officerFileName(officer: string | null, index: number, extension: string): string {
  const slug = (officer ?? 'no lead officer').toLowerCase().normalize('NFKD').replace(/\p{M}/gu, '').replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '').slice(0, 60) || 'officer';
  return `${String(index + 1).padStart(2, '0')}-${slug}.${extension}`;
}
