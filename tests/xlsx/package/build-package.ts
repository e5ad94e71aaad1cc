/** Hand-written workbook packages, so a test says exactly which XML the reader and writer meet. */
import { strToU8, zipSync, type Zippable } from 'fflate';

export const MAIN = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
const REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';

export interface PackageSpec {
  /** Sheet name → the worksheet's sheetData inner XML (or a whole part when it starts with `<?xml` or `<worksheet`). */
  sheets: Record<string, string>;
  sharedStrings?: string[] | string;
  /** The cellXfs children; numFmts and fills as given. */
  styles?: { numFmts?: string; fills?: string; xfs?: string } | null;
  workbookPr?: string;
  sheetAttrs?: Record<string, string>;
  extraParts?: Record<string, string>;
  /** Extra workbook.xml content after </sheets>. */
  afterSheets?: string;
}

export function buildPackage(spec: PackageSpec): Uint8Array {
  const names = Object.keys(spec.sheets);
  const files: Zippable = {};
  const overrides = names.map((_, i) => `<Override PartName="/xl/worksheets/sheet${i + 1}.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>`);
  if (spec.styles !== null) overrides.push('<Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>');
  if (spec.sharedStrings) overrides.push('<Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/>');
  files['[Content_Types].xml'] = strToU8(
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>${overrides.join('')}</Types>`,
  );
  files['_rels/.rels'] = strToU8(`<?xml version="1.0" encoding="UTF-8"?>\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${REL}/officeDocument" Target="xl/workbook.xml"/></Relationships>`);
  const rels = names.map((_, i) => `<Relationship Id="rId${i + 1}" Type="${REL}/worksheet" Target="worksheets/sheet${i + 1}.xml"/>`);
  if (spec.styles !== null) rels.push(`<Relationship Id="rIdS" Type="${REL}/styles" Target="styles.xml"/>`);
  if (spec.sharedStrings) rels.push(`<Relationship Id="rIdT" Type="${REL}/sharedStrings" Target="sharedStrings.xml"/>`);
  files['xl/_rels/workbook.xml.rels'] = strToU8(`<?xml version="1.0" encoding="UTF-8"?>\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">${rels.join('')}</Relationships>`);
  const sheetEls = names.map((n, i) => `<sheet name="${n}" sheetId="${i + 1}"${spec.sheetAttrs?.[n] ?? ''} r:id="rId${i + 1}"/>`).join('');
  files['xl/workbook.xml'] = strToU8(`<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<workbook xmlns="${MAIN}" xmlns:r="${REL}">${spec.workbookPr ?? ''}<sheets>${sheetEls}</sheets>${spec.afterSheets ?? ''}</workbook>`);
  names.forEach((n, i) => {
    const body = spec.sheets[n] as string;
    files[`xl/worksheets/sheet${i + 1}.xml`] = strToU8(/^<(\?xml|worksheet|\w+:worksheet)/.test(body) ? body : `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<worksheet xmlns="${MAIN}"><sheetData>${body}</sheetData></worksheet>`);
  });
  if (spec.styles !== null) {
    const st = spec.styles ?? {};
    files['xl/styles.xml'] = strToU8(
      `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<styleSheet xmlns="${MAIN}">${st.numFmts ? `<numFmts count="1">${st.numFmts}</numFmts>` : ''}<fonts count="1"><font><sz val="11"/><name val="Calibri"/></font></fonts>` +
        `<fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill>${st.fills ?? ''}</fills><borders count="1"><border/></borders><cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>` +
        `<cellXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>${st.xfs ?? ''}</cellXfs></styleSheet>`.replace(/<fills count="2">((?:<fill>.*?<\/fill>)+)<\/fills>/, (m, inner: string) => `<fills count="${(inner.match(/<fill>/g) ?? []).length}">${inner}</fills>`).replace(/<cellXfs count="1">(.*?)<\/cellXfs>/, (m, inner: string) => `<cellXfs count="${(inner.match(/<xf /g) ?? []).length}">${inner}</cellXfs>`),
    );
  }
  if (spec.sharedStrings) {
    const items = typeof spec.sharedStrings === 'string' ? spec.sharedStrings : spec.sharedStrings.map((s) => `<si><t xml:space="preserve">${s}</t></si>`).join('');
    files['xl/sharedStrings.xml'] = strToU8(`<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<sst xmlns="${MAIN}">${items}</sst>`);
  }
  for (const [name, text] of Object.entries(spec.extraParts ?? {})) files[name] = strToU8(text);
  return zipSync(files, { level: 1 });
}
