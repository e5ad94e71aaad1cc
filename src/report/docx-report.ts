/**
 * The committee report as a Word document (.docx), drawn from the same report model as the HTML
 * page, with docx (npm `docx`): real Word headings (Title, Heading 1, Heading 2: styles a council can
 * restyle to its own template), real tables whose header rows repeat on every page, the chart as a
 * PNG with its text alternative, "Page X of Y" in the footer, the detailed lists on landscape pages,
 * and the report's title in the document's properties.
 *
 * Host-neutral: no Node or DOM APIs. The chart's PNG comes from the caller (`pngForSvg`): resvg in
 * Node (src/report/png-from-svg.ts), a canvas in a browser.
 */
import {
  AlignmentType,
  Document,
  Footer,
  HeadingLevel,
  ImageRun,
  LineRuleType,
  Packer,
  PageNumber,
  PageOrientation,
  Paragraph,
  ShadingType,
  Table,
  TableCell,
  TableRow,
  TextRun,
  WidthType,
  type ISectionOptions,
} from 'docx';
import type { ReportBlock, ReportCell, ReportChart, ReportModel, ReportSection, ReportTable } from '../../shared/report/report-model';

/**
 * A PNG of this standalone SVG, drawn `width` × `height` CSS pixels or larger (same proportions), or
 * null where it cannot be drawn (the chart's text alternative then stands in its place).
 */
export type PngForSvg = (svg: string, width: number, height: number) => Uint8Array | null | Promise<Uint8Array | null>;

export interface DocxOptions {
  /** Draws the chart. Left out, the chart's text alternative stands in its place. */
  pngForSvg?: PngForSvg;
}

/** A4 in twentieths of a point, with 2 cm margins. */
const a4 = { width: 11906, height: 16838 };
const margin = 1134;
const textWidth = { portrait: a4.width - 2 * margin, landscape: a4.height - 2 * margin };
/** Twips per CSS pixel (96 per inch, 1440 twips per inch). */
const twipsPerPx = 15;

const font = 'Arial';
const ink = '0B0C0C';
const headFill = 'F3F2F1';
const hex = (colour: string): string => colour.replace(/^#/, '').toUpperCase();

/** The document's styles: Word's own style ids, so a council's template restyles them. */
const styles = {
  default: {
    document: { run: { font, size: 22, color: ink }, paragraph: { spacing: { after: 120, line: 276, lineRule: LineRuleType.AUTO } } },
    title: { run: { font, size: 36, bold: true, color: ink }, paragraph: { spacing: { after: 120 }, keepNext: true } },
    heading1: { run: { font, size: 28, bold: true, color: ink }, paragraph: { spacing: { before: 360, after: 120 }, keepNext: true, keepLines: true } },
    heading2: { run: { font, size: 24, bold: true, color: ink }, paragraph: { spacing: { before: 240, after: 80 }, keepNext: true, keepLines: true } },
  },
  paragraphStyles: [
    { id: 'Caption', name: 'caption', basedOn: 'Normal', next: 'Normal', quickFormat: true, run: { font, size: 20, bold: true, color: ink }, paragraph: { spacing: { before: 120, after: 60 }, keepNext: true, keepLines: true } },
    { id: 'Subtitle', name: 'Subtitle', basedOn: 'Normal', next: 'Normal', quickFormat: true, run: { font, size: 24, bold: true, color: ink }, paragraph: { spacing: { after: 60 }, keepNext: true } },
  ],
};

function cellOf(model: ReportModel, c: ReportCell, width: number, head: boolean): TableCell {
  const colours = c.rag ? model.colours[c.rag] : null;
  const run = new TextRun({ text: c.text, bold: head || c.header === true || colours !== null, size: 20, ...(colours ? { color: hex(colours.text) } : {}) });
  const fill = colours ? hex(colours.fill) : head ? headFill : null;
  return new TableCell({
    width: { size: width, type: WidthType.DXA },
    children: [new Paragraph({ children: [run], spacing: { after: 0 }, alignment: c.num ? AlignmentType.RIGHT : AlignmentType.LEFT })],
    margins: { top: 40, bottom: 40, left: 80, right: 80 },
    ...(fill ? { shading: { type: ShadingType.CLEAR, fill, color: 'auto' } } : {}),
  });
}

/** How much a column without a width wants: its longest cell, or its heading's longest word (headings wrap). */
function wanted(t: ReportTable, i: number): number {
  const heading = Math.max(...(t.columns[i]?.heading ?? '').split(/\s+/).map((w) => w.length));
  const cells = Math.max(0, ...[...t.rows, ...(t.total ? [t.total] : [])].map((r) => [...(r[i]?.text ?? '')].length));
  // Three characters more for bold text and the cell's margins; long text wraps, up to a third of the line or so.
  return Math.min(32, Math.max(7, heading + 3, cells + 3));
}

/** Column widths in twips: the model's percentages, the rest shared by what each column holds; a compact table takes 60% of the line. */
function widths(t: ReportTable, available: number): number[] {
  const total = t.compact ? Math.round(available * 0.6) : available;
  const given = t.columns.reduce((n, c) => n + (c.width ?? 0), 0);
  const free = t.columns.map((c, i) => (c.width === undefined ? wanted(t, i) : 0));
  const freeSum = free.reduce((a, b) => a + b, 0) || 1;
  const shares = t.columns.map((c, i) => c.width ?? ((100 - given) * (free[i] ?? 0)) / freeSum);
  const sum = shares.reduce((a, b) => a + b, 0) || 1;
  return shares.map((s) => Math.round((total * s) / sum));
}

function tableOf(model: ReportModel, t: ReportTable, available: number): (Paragraph | Table)[] {
  const w = widths(t, available);
  const header = new TableRow({ tableHeader: true, cantSplit: true, children: t.columns.map((c, i) => cellOf(model, { text: c.heading, ...(c.num ? { num: true } : {}) }, w[i] ?? 0, true)) });
  const body = [...t.rows, ...(t.total ? [t.total] : [])].map((r) => new TableRow({ cantSplit: true, children: r.map((c, i) => cellOf(model, c, w[i] ?? 0, false)) }));
  return [
    new Paragraph({ text: t.caption, style: 'Caption' }),
    new Table({ rows: [header, ...body], width: { size: w.reduce((a, b) => a + b, 0), type: WidthType.DXA }, columnWidths: w }),
    // Word joins two tables that touch: a paragraph between keeps each its own.
    new Paragraph({ text: '', spacing: { after: 120 } }),
  ];
}

/** The SVG as a file of its own, for a renderer outside HTML. */
function standaloneSvg(svg: string): string {
  return svg.includes('xmlns=') ? svg : svg.replace(/^<svg /, '<svg xmlns="http://www.w3.org/2000/svg" ');
}

async function chartOf(c: ReportChart, available: number, pngForSvg: PngForSvg | undefined): Promise<Paragraph[]> {
  const caption = new Paragraph({ text: c.title, style: 'Caption' });
  const png = pngForSvg ? await pngForSvg(standaloneSvg(c.svg), c.width, c.height) : null;
  if (!png) return [caption, new Paragraph({ text: c.description })];
  const scale = Math.min(1, available / twipsPerPx / c.width);
  const image = new ImageRun({
    type: 'png',
    data: png,
    transformation: { width: Math.round(c.width * scale), height: Math.round(c.height * scale) },
    altText: { name: c.title, title: c.title, description: c.description },
  });
  return [caption, new Paragraph({ children: [image] })];
}

async function blocksOf(model: ReportModel, blocks: readonly ReportBlock[], available: number, options: DocxOptions): Promise<(Paragraph | Table)[]> {
  const out: (Paragraph | Table)[] = [];
  for (const [i, b] of blocks.entries()) {
    if (b.kind === 'paragraph') out.push(new Paragraph({ text: b.text, keepNext: i < blocks.length - 1 && blocks[i + 1]?.kind !== 'paragraph' }));
    else if (b.kind === 'list') out.push(...b.items.map((item) => new Paragraph({ text: item, bullet: { level: 0 } })));
    else if (b.kind === 'table') out.push(...tableOf(model, b, available));
    else out.push(...(await chartOf(b, available, options.pngForSvg)));
  }
  return out;
}

async function sectionOf(model: ReportModel, s: ReportSection, level: 1 | 2, available: number, options: DocxOptions): Promise<(Paragraph | Table)[]> {
  const out: (Paragraph | Table)[] = [new Paragraph({ text: s.heading, heading: level === 1 ? HeadingLevel.HEADING_1 : HeadingLevel.HEADING_2 })];
  out.push(...(await blocksOf(model, s.blocks, available, options)));
  for (const sub of s.subsections) out.push(...(await sectionOf(model, sub, 2, available, options)));
  return out;
}

/** "Page 2 of 7": Word's PAGE and NUMPAGES fields, so the numbers are right however the council edits it. */
function footer(): { default: Footer } {
  return {
    default: new Footer({
      children: [new Paragraph({ alignment: AlignmentType.CENTER, children: [new TextRun({ size: 18, children: ['Page ', PageNumber.CURRENT, ' of ', PageNumber.TOTAL_PAGES] })] })],
    }),
  };
}

function page(landscape: boolean): NonNullable<ISectionOptions['properties']> {
  return { page: { size: { ...a4, orientation: landscape ? PageOrientation.LANDSCAPE : PageOrientation.PORTRAIT }, margin: { top: margin, right: margin, bottom: margin, left: margin } } };
}

/** The Word document for a report model, as the bytes of a .docx file. */
export async function renderDocx(model: ReportModel, options: DocxOptions = {}): Promise<Uint8Array> {
  const head: Paragraph[] = [
    ...(model.council !== null ? [new Paragraph({ text: model.council, style: 'Subtitle' })] : []),
    new Paragraph({ text: model.heading, heading: HeadingLevel.TITLE }),
    ...model.meta.map((m) => new Paragraph({ text: m })),
  ];
  // Runs of portrait and landscape sections, each a Word section of its own page size.
  const groups: { landscape: boolean; sections: ReportSection[] }[] = [];
  for (const s of model.sections) {
    const landscape = s.landscape === true;
    const last = groups[groups.length - 1];
    if (last && last.landscape === landscape) last.sections.push(s);
    else groups.push({ landscape, sections: [s] });
  }
  const sections: ISectionOptions[] = [];
  for (const [i, g] of groups.entries()) {
    const available = g.landscape ? textWidth.landscape : textWidth.portrait;
    const children: (Paragraph | Table)[] = i === 0 ? [...head] : [];
    for (const s of g.sections) children.push(...(await sectionOf(model, s, 1, available, options)));
    if (i === groups.length - 1) children.push(new Paragraph({ children: [new TextRun({ text: model.footer, size: 18 })], spacing: { before: 360 } }));
    sections.push({ properties: page(g.landscape), footers: footer(), children });
  }
  const doc = new Document({ title: model.title, subject: model.planTitle, creator: 'Plan Monitor', lastModifiedBy: 'Plan Monitor', description: model.footer, styles, sections });
  return new Uint8Array(await Packer.toArrayBuffer(doc));
}
