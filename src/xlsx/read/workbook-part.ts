import { attributes, attr } from '../xml/attributes';
import { localName, prefixOf, scanXml } from '../xml/scanner';
import type { SheetVisibility } from '../../../shared/workbook/workbook';

export interface SheetEntry {
  name: string;
  sheetId: number;
  visibility: SheetVisibility;
  /** The relationship id naming its part in the workbook's rels. */
  relId: string;
}

export interface WorkbookPart {
  /** The root's namespace prefix with its colon, '' for none. */
  prefix: string;
  sheets: SheetEntry[];
  date1904: boolean;
  activeTab: number;
  structureProtected: boolean;
  /** Offset of `</sheets>` (or of the self-closing `<sheets/>` tag) for adding a sheet. */
  sheetsEnd: { start: number; end: number; selfClosing: boolean } | null;
}

const truthy = (v: string | null) => v === '1' || v === 'true';

export function parseWorkbookPart(xml: string): WorkbookPart {
  const sheets: SheetEntry[] = [];
  let prefix = '';
  let date1904 = false;
  let activeTab = 0;
  let structureProtected = false;
  let sheetsEnd: WorkbookPart['sheetsEnd'] = null;
  let depth = 0;
  scanXml(xml, {
    open(name, tag, selfClosing, start, end) {
      const local = localName(name);
      if (depth === 0) prefix = prefixOf(name);
      else if (local === 'workbookPr') date1904 = truthy(attr(tag, 'date1904'));
      else if (local === 'workbookView' && sheets.length === 0) activeTab = Number(attr(tag, 'activeTab') ?? 0) || 0;
      else if (local === 'workbookProtection') structureProtected = truthy(attr(tag, 'lockStructure'));
      else if (local === 'sheets' && selfClosing) sheetsEnd = { start, end, selfClosing: true };
      else if (local === 'sheet') {
        const all = attributes(tag);
        // The relationship id is r:id under whatever prefix the part binds to the relationships namespace.
        const rel = all.find((a) => a.name.endsWith(':id'));
        const state = attr(tag, 'state');
        sheets.push({
          name: attr(tag, 'name') ?? '',
          sheetId: Number(attr(tag, 'sheetId') ?? 0) || 0,
          visibility: state === 'hidden' ? 'hidden' : state === 'veryHidden' ? 'veryHidden' : 'visible',
          relId: rel ? rel.raw : '',
        });
      }
      if (!selfClosing) depth++;
    },
    close(name, start, end) {
      depth--;
      if (localName(name) === 'sheets') sheetsEnd = { start, end, selfClosing: false };
    },
  });
  return { prefix, sheets, date1904, activeTab, structureProtected, sheetsEnd };
}
