import type { SheetVisibility } from '../../../shared/workbook/workbook';
import type { XlsxPackage } from '../package/package';
import { contentTypes, parseRelationships, relsPartOf } from '../package/opc';
import { attributes, escapeAttribute, escapeText } from '../xml/attributes';
import { localName, prefixOf, scanXml } from '../xml/scanner';
import { parseWorkbookPart } from '../read/workbook-part';

const transitionalRelNs = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const strictRelNs = 'http://purl.oclc.org/ooxml/officeDocument/relationships';

/** The namespaces a new worksheet takes: strict OOXML when the workbook is strict, else transitional. */
export function sheetNamespaces(workbookXml: string): { mainNs: string; relNs: string; worksheetRelType: string } {
  const strict = /<[^>]*purl\.oclc\.org\/ooxml\/spreadsheetml\/main/.test(workbookXml.slice(0, 2000));
  return strict
    ? { mainNs: 'http://purl.oclc.org/ooxml/spreadsheetml/main', relNs: strictRelNs, worksheetRelType: 'http://purl.oclc.org/ooxml/officeDocument/relationships/worksheet' }
    : { mainNs: 'http://schemas.openxmlformats.org/spreadsheetml/2006/main', relNs: transitionalRelNs, worksheetRelType: 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet' };
}

/** Inserts text just before the root element's end tag (opening a self-closing root). */
export function insertBeforeRootEnd(xml: string, text: string): string {
  let depth = 0;
  let at = -1;
  let rootSelf: { start: number; end: number; name: string } | null = null;
  scanXml(xml, {
    open(name, _tag, selfClosing, start, end) {
      if (depth === 0 && selfClosing) rootSelf = { start, end, name };
      if (!selfClosing) depth++;
    },
    close(_name, start) {
      depth--;
      if (depth === 0) at = start;
    },
  });
  if (at >= 0) return xml.slice(0, at) + text + xml.slice(at);
  const r = rootSelf as { start: number; end: number; name: string } | null;
  if (!r) return xml;
  const open = xml.slice(r.start, r.end - 2).replace(/\s+$/, '');
  return `${xml.slice(0, r.start)}${open}>${text}</${r.name}>${xml.slice(r.end)}`;
}

/** The prefix bound to the relationships namespace on the root element, or null. */
function relPrefix(xml: string): string | null {
  let found: string | null = null;
  let seen = false;
  scanXml(xml, {
    open(_name, tag) {
      if (seen) return;
      seen = true;
      for (const a of attributes(tag)) if (a.name.startsWith('xmlns:') && (a.raw === transitionalRelNs || a.raw === strictRelNs)) found = a.name.slice(6);
    },
  });
  return found;
}

function rootPrefix(xml: string): string {
  let p = '';
  let seen = false;
  scanXml(xml, {
    open(name) {
      if (!seen) p = prefixOf(name);
      seen = true;
    },
  });
  return p;
}

/**
 * Adds a worksheet part at the end of the workbook: one `<sheet>` in workbook.xml, one relationship,
 * one content-type override, and its title in docProps/app.xml. Nothing else in those parts changes.
 */
export function addWorksheet(pkg: XlsxPackage, workbookPart: string, name: string, sheetXml: Uint8Array, visibility: SheetVisibility): string {
  const workbookXml = pkg.text(workbookPart);
  const ns = sheetNamespaces(workbookXml);
  const dir = workbookPart.slice(0, workbookPart.lastIndexOf('/') + 1);
  let n = 1;
  while (pkg.has(`${dir}worksheets/sheet${n}.xml`)) n++;
  const part = `${dir}worksheets/sheet${n}.xml`;

  const relsPart = relsPartOf(workbookPart);
  const relsXml = pkg.has(relsPart) ? pkg.text(relsPart) : '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"/>';
  const ids = new Set(parseRelationships(relsXml, workbookPart).map((r) => r.id));
  let k = ids.size + 1;
  while (ids.has(`rId${k}`)) k++;
  const relId = `rId${k}`;
  const relsPrefix = rootPrefix(relsXml);
  pkg.setText(relsPart, insertBeforeRootEnd(relsXml, `<${relsPrefix}Relationship Id="${relId}" Type="${ns.worksheetRelType}" Target="worksheets/sheet${n}.xml"/>`));

  const wb = parseWorkbookPart(workbookXml);
  const sheetId = Math.max(0, ...wb.sheets.map((s) => s.sheetId)) + 1;
  const rp = relPrefix(workbookXml);
  const idAttr = rp ? `${rp}:id="${relId}"` : `xmlns:r="${ns.relNs}" r:id="${relId}"`;
  const state = visibility === 'visible' ? '' : ` state="${visibility}"`;
  const element = `<${wb.prefix}sheet name="${escapeAttribute(name)}" sheetId="${sheetId}"${state} ${idAttr}/>`;
  const end = wb.sheetsEnd;
  let nextWorkbook: string;
  if (!end) nextWorkbook = insertBeforeRootEnd(workbookXml, `<${wb.prefix}sheets>${element}</${wb.prefix}sheets>`);
  else if (end.selfClosing) nextWorkbook = `${workbookXml.slice(0, end.start)}<${wb.prefix}sheets>${element}</${wb.prefix}sheets>${workbookXml.slice(end.end)}`;
  else nextWorkbook = workbookXml.slice(0, end.start) + element + workbookXml.slice(end.start);
  pkg.setText(workbookPart, nextWorkbook);

  const typesXml = pkg.text('[Content_Types].xml');
  pkg.setText('[Content_Types].xml', insertBeforeRootEnd(typesXml, `<${rootPrefix(typesXml)}Override PartName="/${part}" ContentType="${contentTypes.worksheet}"/>`));

  pkg.setBytes(part, sheetXml);
  if (pkg.has('docProps/app.xml')) {
    const app = addSheetTitle(pkg.text('docProps/app.xml'), name);
    if (app !== null) pkg.setText('docProps/app.xml', app);
  }
  return part;
}

/**
 * docProps/app.xml lists the sheet names (TitlesOfParts) counted by group (HeadingPairs). Excel
 * rewrites it on every save; the tool keeps it true when it can read it, and leaves it alone when not.
 */
export function addSheetTitle(xml: string, name: string): string | null {
  const stack: string[] = [];
  const pairs: { label: string; count: number; countStart: number; countEnd: number }[] = [];
  let headingVector: { start: number; end: number; tag: string } | null = null;
  let titlesVector: { start: number; end: number; tag: string; close: number } | null = null;
  const titles: { start: number; end: number }[] = [];
  let lpstrName = 'vt:lpstr';
  let text = '';
  let textStart = 0;
  scanXml(xml, {
    open(qn, tag, selfClosing, start, end) {
      const local = localName(qn);
      const parent = stack.map(localName);
      if (local === 'vector' && parent.includes('HeadingPairs')) headingVector = { start, end, tag };
      if (local === 'vector' && parent.includes('TitlesOfParts')) titlesVector = { start, end, tag, close: -1 };
      if ((local === 'lpstr' || local === 'i4') && !selfClosing) {
        text = '';
        textStart = start;
      }
      if (local === 'lpstr' && parent.includes('TitlesOfParts')) lpstrName = qn;
      if (!selfClosing) stack.push(qn);
    },
    close(qn, start, end) {
      stack.pop();
      const local = localName(qn);
      const parent = stack.map(localName);
      if (parent.includes('HeadingPairs') && local === 'lpstr') pairs.push({ label: text, count: 0, countStart: -1, countEnd: -1 });
      else if (parent.includes('HeadingPairs') && local === 'i4') {
        const last = pairs[pairs.length - 1];
        if (last) Object.assign(last, { count: Number(text), countStart: textStart, countEnd: end });
      } else if (parent.includes('TitlesOfParts') && local === 'lpstr') titles.push({ start: textStart, end });
      else if (local === 'vector' && parent.includes('TitlesOfParts') && titlesVector) (titlesVector as { close: number }).close = start;
    },
    text(t) {
      text += t;
    },
  });
  const hv = headingVector as { start: number; end: number; tag: string } | null;
  const tv = titlesVector as { start: number; end: number; tag: string; close: number } | null;
  const group = pairs.findIndex((p) => p.label === 'Worksheets');
  if (!hv || !tv || tv.close < 0 || group < 0) return null;
  const total = pairs.reduce((n, p) => n + p.count, 0);
  if (total !== titles.length) return null;
  const at = pairs.slice(0, group + 1).reduce((n, p) => n + p.count, 0);
  const insertAt = at < titles.length ? (titles[at] as { start: number }).start : tv.close;
  const g = pairs[group] as { count: number; countStart: number; countEnd: number };
  const i4 = xml.slice(g.countStart, g.countEnd).replace(/>\s*\d+\s*</, `>${g.count + 1}<`);
  const titleTag = tv.tag.replace(/size="\d+"/, `size="${titles.length + 1}"`);
  const edits = [
    { start: g.countStart, end: g.countEnd, text: i4 },
    { start: tv.start, end: tv.end, text: titleTag },
    { start: insertAt, end: insertAt, text: `<${lpstrName}>${escapeText(name)}</${lpstrName}>` },
  ].sort((a, b) => a.start - b.start);
  let out = '';
  let from = 0;
  for (const e of edits) {
    out += xml.slice(from, e.start) + e.text;
    from = e.end;
  }
  return out + xml.slice(from);
}
