import {
  AlignmentType,
  Document,
  HeadingLevel,
  ImageRun,
  Packer,
  Paragraph,
  ShadingType,
  Table,
  TableCell,
  TableRow,
  TextRun,
  WidthType,
} from 'docx'
import { dateVi } from './period'
import type { Report, Table as ReportTable } from './schemas'

/** Cells of the drawn bar: a per-district bar chart as table shading, 20 cells for the largest value. */
const BAR_CELLS = 20
const BAR_COLOUR = '2F6EBA'

const text = (t: string, bold = false) => new Paragraph({ children: [new TextRun({ text: t, bold })] })

function cell(t: string, opts: { bold?: boolean; right?: boolean; fill?: string; width?: number } = {}): TableCell {
  return new TableCell({
    children: [
      new Paragraph({
        alignment: opts.right ? AlignmentType.RIGHT : AlignmentType.LEFT,
        children: [new TextRun({ text: t, bold: opts.bold, size: 20 })],
      }),
    ],
    ...(opts.fill ? { shading: { type: ShadingType.CLEAR, color: 'auto', fill: opts.fill } } : {}),
    ...(opts.width ? { width: { size: opts.width, type: WidthType.DXA } } : {}),
  })
}

/** A table of the report; with a bar column, a chart beside it drawn as shaded cells (no image needed). */
function table(t: ReportTable): Table {
  const values = t.bar === null ? [] : t.rows.map((r) => Number(r[t.bar!]?.value ?? 0))
  // The total row (last) would dwarf every district: the bars scale to the largest district.
  const max = Math.max(1, ...values.slice(0, -1))
  const head = new TableRow({
    tableHeader: true,
    children: [
      ...t.columns.map((c) => cell(c, { bold: true, fill: 'DDE6F0' })),
      ...(t.bar === null ? [] : [cell('Biểu đồ', { bold: true, fill: 'DDE6F0' })]),
    ],
  })
  const rows = t.rows.map((r, i) => {
    const cells = r.map((c) => cell(c.text, { right: typeof c.value === 'number' }))
    if (t.bar !== null) {
      const isTotal = i === t.rows.length - 1
      const filled = isTotal ? 0 : Math.round((values[i]! / max) * BAR_CELLS)
      const bar = new Table({
        rows: [
          new TableRow({
            children: Array.from({ length: BAR_CELLS }, (_, k) =>
              cell('', { fill: k < filled ? BAR_COLOUR : 'FFFFFF', width: 120 }),
            ),
          }),
        ],
      })
      cells.push(new TableCell({ children: [bar] }))
    }
    return new TableRow({ children: cells })
  })
  return new Table({ rows: [head, ...rows], width: { size: 100, type: WidthType.PERCENTAGE } })
}

/** The map figure: an SVG with its PNG for word processors without SVG, and the SVG's size in pixels. */
export interface MapFigure {
  svg: string
  png: Buffer
  width: number
  height: number
}

/** Width of the map on the page, in pixels at 96 to the inch (16 cm: an A4 page's text width). */
const FIGURE_PX = 605

/** The map figure and its caption, after the stations' table by district. */
function mapParagraphs(map: MapFigure, report: Report): Paragraph[] {
  const caption =
    `Hình 1. Trạm BTS cuối kỳ theo quận, huyện — ${report.period.label} ` +
    `(địa giới hành chính ngày ${dateVi(report.unitsOn)}); số trên mỗi quận, huyện là số trạm.`
  return [
    new Paragraph({
      alignment: AlignmentType.CENTER,
      children: [
        new ImageRun({
          type: 'svg',
          data: Buffer.from(map.svg),
          fallback: { type: 'png', data: map.png },
          transformation: { width: FIGURE_PX, height: Math.round((FIGURE_PX * map.height) / map.width) },
          altText: { name: 'ban-do-tram-bts', title: 'Bản đồ trạm BTS theo quận, huyện', description: caption },
        }),
      ],
    }),
    new Paragraph({ alignment: AlignmentType.CENTER, children: [new TextRun({ text: caption, italics: true })] }),
  ]
}

/**
 * The section as a Word document: title, each part's paragraphs and tables (bar charts as shaded cells), and the
 * map figure of the stations by district when one is given.
 */
export async function reportDocx(report: Report, map: MapFigure | null = null): Promise<Buffer> {
  const children: (Paragraph | Table)[] = [
    new Paragraph({ heading: HeadingLevel.TITLE, children: [new TextRun(report.title)] }),
    text(
      `Kỳ báo cáo: ${report.period.label} ` +
        `(từ ngày ${dateVi(report.period.from)} đến ngày ${dateVi(report.period.to)}); ` +
        `số liệu theo quận, huyện tính trên địa giới hành chính ngày ${dateVi(report.unitsOn)}.`,
    ),
  ]
  report.parts.forEach((part, i) => {
    children.push(
      new Paragraph({ heading: HeadingLevel.HEADING_2, children: [new TextRun(`${i + 1}. ${part.title}`)] }),
    )
    for (const p of part.paragraphs) children.push(text(p))
    for (const t of part.tables) {
      children.push(new Paragraph({ children: [new TextRun({ text: t.caption, italics: true })] }))
      children.push(table(t))
      children.push(text(''))
      if (map && part.key === 'stations' && t.key === 'byDistrict') children.push(...mapParagraphs(map, report))
    }
  })
  if (report.parts.length === 0) children.push(text('Không có số liệu trong kỳ báo cáo.'))
  const doc = new Document({
    creator: 'Telecom infrastructure GIS',
    title: report.title,
    styles: { default: { document: { run: { font: 'Times New Roman', size: 26 } } } },
    sections: [{ children }],
  })
  return Packer.toBuffer(doc)
}
