import { strFromU8 } from 'fflate';
import type { SheetVisibility } from '../../../shared/workbook/workbook';
import type { GridSnapshot } from '../../../shared/grid/grid';
import { XlsxPackage } from '../package/package';
import { contentTypeOf, isType, parseContentTypes, parseRelationships, relTypes, relsPartOf, type ContentTypes, type Relationship } from '../package/opc';
import { XlsxError } from '../xlsx-error';
import { portableCodec, type ZipCodec } from '../zip/codec';
import { defaultReadLimits, type ReadLimits } from './limits';
import { readSharedStrings } from './shared-strings';
import { cellFormats, officeThemeColours, parseStyles, parseThemeColours, type StylesPart } from './styles';
import { parseWorkbookPart, type WorkbookPart } from './workbook-part';
import { readWorksheet } from './worksheet';

export type SheetKind = 'worksheet' | 'chartsheet' | 'dialogsheet' | 'macrosheet';

export interface SheetRead {
  name: string;
  kind: SheetKind;
  visibility: SheetVisibility;
  /** The sheet's part (no leading slash); null when its relationship is missing. */
  part: string | null;
  /** Worksheets' cells; other kinds have an empty grid (they hold no plan, but their names are taken). */
  grid: GridSnapshot;
  protected: boolean;
}

/** Where a workbook's pieces lie in its package, for the reader and the writer alike. */
export interface WorkbookLayout {
  workbookPart: string;
  workbook: WorkbookPart;
  rels: Relationship[];
  contentTypes: ContentTypes;
  stylesPart: string | null;
  /** styles.xml as read, and parsed: the writer extends exactly this. */
  stylesXml: string | null;
  styles: StylesPart | null;
  sharedStringsPart: string | null;
  macroEnabled: boolean;
}

export interface WorkbookRead {
  layout: WorkbookLayout;
  sheets: SheetRead[];
  activeSheet: string | undefined;
}

const kindOfRel = (type: string): SheetKind | null => {
  const tail = type.slice(type.lastIndexOf('/') + 1);
  if (tail === 'worksheet') return 'worksheet';
  if (tail === 'chartsheet') return 'chartsheet';
  if (tail === 'dialogsheet') return 'dialogsheet';
  if (tail === 'xlMacrosheet' || tail === 'xlIntlMacrosheet' || tail === 'macrosheet') return 'macrosheet';
  return null;
};

/** Tells a workbook package from the other zips people pick by mistake, and finds its parts. */
export function workbookLayout(pkg: XlsxPackage): WorkbookLayout {
  if (pkg.has('mimetype')) {
    const mime = strFromU8(pkg.bytes('mimetype'));
    if (mime.startsWith('application/vnd.oasis.opendocument')) throw new XlsxError({ code: 'ods-file' });
  }
  if (!pkg.has('[Content_Types].xml') || !pkg.has('_rels/.rels')) throw new XlsxError({ code: 'not-workbook' });
  const contentTypes = parseContentTypes(pkg.text('[Content_Types].xml'));
  const main = parseRelationships(pkg.text('_rels/.rels'), '').find((r) => isType(r, relTypes.officeDocument) && !r.external);
  if (!main || !pkg.has(main.target)) throw new XlsxError({ code: 'not-workbook' });
  const workbookPart = pkg.storedName(main.target) ?? main.target;
  const type = contentTypeOf(contentTypes, workbookPart) ?? '';
  if (type.includes('sheet.binary')) throw new XlsxError({ code: 'xlsb-file' });
  if (!type.includes('spreadsheetml') && !type.includes('ms-excel')) throw new XlsxError({ code: 'not-workbook' });
  const workbook = parseWorkbookPart(pkg.text(workbookPart));
  const relsPart = relsPartOf(workbookPart);
  const rels = pkg.has(relsPart) ? parseRelationships(pkg.text(relsPart), workbookPart) : [];
  const find = (types: readonly string[]) => {
    const r = rels.find((x) => isType(x, types) && !x.external && pkg.has(x.target));
    return r ? (pkg.storedName(r.target) ?? r.target) : null;
  };
  const stylesPart = find(relTypes.styles);
  const themePart = find(relTypes.theme);
  const theme = themePart ? parseThemeColours(pkg.text(themePart)) : officeThemeColours;
  const stylesXml = stylesPart ? pkg.text(stylesPart) : null;
  const styles = stylesXml !== null ? parseStyles(stylesXml, theme) : null;
  return { workbookPart, workbook, rels, contentTypes, stylesPart, stylesXml, styles, sharedStringsPart: find(relTypes.sharedStrings), macroEnabled: type.includes('macroEnabled') };
}

/** Reads every sheet of the workbook into grids, within the limits. */
export function readWorkbook(pkg: XlsxPackage, limits: ReadLimits = defaultReadLimits): WorkbookRead {
  const layout = workbookLayout(pkg);
  const { workbook, rels } = layout;
  const sheetParts = workbook.sheets.map((s) => {
    const rel = rels.find((r) => r.id === s.relId);
    const kind = rel ? (kindOfRel(rel.type) ?? 'worksheet') : 'worksheet';
    const part = rel && !rel.external && pkg.has(rel.target) ? (pkg.storedName(rel.target) ?? rel.target) : null;
    return { entry: s, kind, part };
  });
  // The directory's sizes are claims, checked again while unpacking; a claim past the limit is refused at once.
  let declared = layout.sharedStringsPart ? pkg.declaredSize(layout.sharedStringsPart) : 0;
  for (const s of sheetParts) if (s.kind === 'worksheet' && s.part) declared += pkg.declaredSize(s.part);
  if (declared > pkg.budget.left) throw new XlsxError({ code: 'too-large', what: 'unpacked', limit: pkg.budget.limit });

  let sharedStrings: string[] = [];
  if (layout.sharedStringsPart) {
    sharedStrings = readSharedStrings(pkg.text(layout.sharedStringsPart));
  }
  const formats = cellFormats(layout.styles);
  const cellCount = { n: 0 };
  const sheets: SheetRead[] = sheetParts.map(({ entry, kind, part }) => {
    const empty: GridSnapshot = { sheet: entry.name, top: 1, left: 1, values: [] };
    if (kind !== 'worksheet' || part === null) return { name: entry.name, kind, visibility: entry.visibility, part, grid: empty, protected: false };
    const read = readWorksheet(pkg.text(part), { sheet: entry.name, sharedStrings, formats, date1904: workbook.date1904, limits, cellCount });
    return { name: entry.name, kind, visibility: entry.visibility, part, grid: read.grid, protected: read.protected };
  });
  const active = sheets[workbook.activeTab]?.name;
  return { layout, sheets, activeSheet: active };
}

/** Opens a workbook file's bytes as a package, telling other files apart first. */
export function openPackage(bytes: Uint8Array, limits: ReadLimits = defaultReadLimits, codec: ZipCodec = portableCodec): XlsxPackage {
  if (bytes[0] === 0xd0 && bytes[1] === 0xcf && bytes[2] === 0x11 && bytes[3] === 0xe0) throw new XlsxError({ code: 'ole-file' });
  if (bytes[0] !== 0x50 || bytes[1] !== 0x4b) throw new XlsxError({ code: 'not-zip' });
  return new XlsxPackage(bytes, limits.unpackedBytes, codec);
}
