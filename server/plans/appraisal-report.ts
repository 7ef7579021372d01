// The appraisal report of a plan version (báo cáo thẩm định, issue 12), drafted for the officer: the plan and
// version, counts by district, mast class and year, the automatic checks' findings (the conflict list) and a map
// figure. One model, written as DOCX (the `docx` package; the figure as SVG with a PNG fallback) and as a printable
// HTML page with the same tables and the SVG inline.
import {
  AlignmentType,
  Document,
  HeadingLevel,
  ImageRun,
  Packer,
  Paragraph,
  Table,
  TableCell,
  TableRow,
  TextRun,
  WidthType,
} from 'docx'
import type { Queryable } from '../db/index'
import { formatCount, formatNumber } from '../../shared/format'
import { dateVi } from '../reports/period'
import { VIETNAM_TZ } from '../time'
import { listFindings } from './checks'
import { figurePng, figureSize, figureSvg, type FigureInput } from './figure'
import { getPlan, getVersion, type Scope } from './service'
import * as sql from './report.sql'

/** At most this many findings are listed one by one; the counts by rule cover them all. */
export const LISTED_FINDINGS = 1000
const SIMPLIFY_DEG = 0.0002
const CLASSES = ['A1', 'A1c', 'A2a', 'A2b'] as const

export interface ReportTable {
  caption: string
  columns: string[]
  rows: string[][]
}
export interface AppraisalReport {
  title: string
  lines: string[]
  tables: ReportTable[]
  findingsNote: string
  findings: ReportTable
  figure: { svg: string; png: Uint8Array; width: number; height: number; legend: string }
}

const RULE_NAMES: Record<string, string> = {
  in_province: 'Trong địa giới tỉnh',
  zone_class: 'Loại cột theo vùng quy hoạch',
  zone_height: 'Chiều cao theo vùng quy hoạch',
  spacing: 'Khoảng cách tối thiểu',
  must_share: 'Dùng chung cột hiện có',
  duplicate: 'Trùng trạm hiện có',
  co_location: 'Dùng chung vị trí với quy hoạch khác',
  shared_trench: 'Dùng chung hào, cống với quy hoạch khác',
  existing_trench: 'Dùng chung hào, cống với tuyến hiện có',
}
const STATES: Record<string, string> = {
  submitted: 'đã nộp, chờ thẩm định',
  returned: 'trả lại để chỉnh sửa',
  passed: 'đã thông qua thẩm định',
  approved: 'đã phê duyệt',
}
const n = (v: number) => formatCount(v, 'vi')
/** A moment as Vietnam's date and time (dd/mm/yyyy hh:mm). */
const momentVi = (at: unknown) =>
  new Intl.DateTimeFormat('vi-VN', { timeZone: VIETNAM_TZ, dateStyle: 'short', timeStyle: 'short' }).format(
    new Date(at as string),
  )
const km = (m: number) => formatNumber(m / 1000, 'vi', 2)

type Lines = [number, number][][]
const linesOf = (g: { type: string; coordinates: unknown }): Lines =>
  g.type === 'LineString'
    ? [g.coordinates as [number, number][]]
    : g.type === 'MultiLineString'
      ? (g.coordinates as Lines)
      : []

/** Gathers a version's report: staff only (the findings name other carriers' plans under appraisal). */
export async function appraisalReport(q: Queryable, scope: Scope, planId: number, number: number) {
  const plan = await getPlan(q, scope, planId)
  const v = await getVersion(q, scope, planId, number)
  const sites = await q.many<{
    districtCode: string | null
    districtName: string | null
    mastClass: string
    year: number
    n: number
  }>(sql.SITE_COUNTS, [v.id, scope.provinceCode])
  const routes = await q.many<{
    districtCode: string | null
    districtName: string | null
    kind: string
    year: number
    n: number
    lengthM: number
  }>(sql.ROUTE_COUNTS, [v.id, scope.provinceCode])
  const findings = await listFindings(q, scope, planId, number)
  const outlines = await q.many<{ geometry: { type: string; coordinates: unknown } }>(sql.DISTRICT_OUTLINES, [
    scope.provinceCode,
    SIMPLIFY_DEG,
  ])
  const features = await q.many<{ kind: string; index: number; geometry: { type: string; coordinates: unknown } }>(
    sql.FIGURE_FEATURES,
    [v.id, SIMPLIFY_DEG],
  )

  // the district table: sites by class, routes by kind (km)
  const district = (code: string | null, name: string | null) => (code ? (name ?? code) : 'Ngoài các quận, huyện')
  const dKeys = [...new Set([...sites, ...routes].map((r) => r.districtCode ?? ''))].sort()
  const nameOf = new Map([...sites, ...routes].map((r) => [r.districtCode ?? '', r.districtName]))
  const sum = <T>(rows: T[], f: (r: T) => number) => rows.reduce((a, r) => a + f(r), 0)
  // a row's figures: sites by class and in all, km of route by kind (the same for a district and for the total)
  const figures = (s: typeof sites, r: typeof routes) => [
    ...CLASSES.map((c) =>
      n(
        sum(
          s.filter((x) => x.mastClass === c),
          (x) => x.n,
        ),
      ),
    ),
    n(sum(s, (x) => x.n)),
    km(
      sum(
        r.filter((x) => x.kind === 'underground'),
        (x) => x.lengthM,
      ),
    ),
    km(
      sum(
        r.filter((x) => x.kind === 'aerial'),
        (x) => x.lengthM,
      ),
    ),
  ]
  const districtRows = dKeys.map((k) => [
    district(k || null, nameOf.get(k) ?? null),
    ...figures(
      sites.filter((r) => (r.districtCode ?? '') === k),
      routes.filter((x) => (x.districtCode ?? '') === k),
    ),
  ])
  districtRows.push(['Tổng cộng', ...figures(sites, routes)])
  const years = [...new Set([...sites, ...routes].map((r) => r.year))].sort()
  const yearRows = years.map((y) => [
    String(y),
    ...figures(
      sites.filter((r) => r.year === y),
      routes.filter((x) => x.year === y),
    ),
  ])
  const columns = (first: string) => [first, ...CLASSES, 'Tổng số trạm', 'Tuyến ngầm (km)', 'Tuyến treo (km)']

  const marks = new Map<number, 'fail' | 'opportunity'>()
  for (const f of findings.findings) {
    if (f.featureKind !== 'site') continue
    if (f.outcome === 'fail') marks.set(f.featureIndex, 'fail')
    else if (f.outcome === 'opportunity' && !marks.has(f.featureIndex)) marks.set(f.featureIndex, 'opportunity')
  }
  const input: FigureInput = {
    outlines: outlines.flatMap((o) => linesOf(o.geometry)),
    lines: features
      .filter((f) => f.kind !== 'site')
      .flatMap((f) => linesOf(f.geometry).map((line) => ({ kind: f.kind as 'route' | 'area', line }))),
    sites: features
      .filter((f) => f.kind === 'site')
      .map((f) => ({ at: f.geometry.coordinates as [number, number], mark: marks.get(f.index) ?? 'none' })),
  }
  const size = figureSize(input)

  const listed = findings.findings.slice(0, LISTED_FINDINGS)
  const report: AppraisalReport = {
    title: 'BÁO CÁO THẨM ĐỊNH QUY HOẠCH HẠ TẦNG KỸ THUẬT VIỄN THÔNG THỤ ĐỘNG',
    lines: [
      `Quy hoạch: ${plan.title} (${plan.carrierName}), giai đoạn ${plan.periodFrom}–${plan.periodTo}.`,
      `Phiên bản ${v.number}, tệp ${v.sourceName}, nộp lúc ${momentVi(v.uploadedAt)}: ` +
        `${n(Number(v.siteCount))} trạm, ${n(Number(v.routeCount))} tuyến, ${n(Number(v.areaCount))} khu vực; ` +
        `trạng thái: ${STATES[v.state] ?? v.state}.`,
      ...(v.decisionNumber
        ? [`Phê duyệt theo Quyết định số ${v.decisionNumber} ngày ${dateVi(String(v.decisionDate))}.`]
        : []),
      findings.checkedAt
        ? `Kiểm tra tự động lúc ${momentVi(findings.checkedAt)}: ${n(findings.total)} phát hiện.`
        : 'Chưa chạy kiểm tra tự động cho phiên bản này.',
      'Quận, huyện theo địa giới hành chính hiện hành; một tuyến tính vào quận, huyện chứa một điểm trên tuyến.',
    ],
    tables: [
      {
        caption: 'Bảng 1. Số trạm theo quận, huyện và loại cột; chiều dài tuyến',
        columns: columns('Quận, huyện'),
        rows: districtRows,
      },
      { caption: 'Bảng 2. Theo năm đầu tư', columns: columns('Năm'), rows: yearRows },
      {
        caption: 'Bảng 3. Kết quả kiểm tra theo tiêu chí',
        columns: ['Tiêu chí', 'Vi phạm', 'Cần xem xét', 'Cơ hội dùng chung', 'Tổng'],
        rows: findings.byRule.map((g) => [
          RULE_NAMES[g.rule] ?? g.rule,
          n(g.fail),
          n(g.warn),
          n(g.opportunity),
          n(g.count),
        ]),
      },
      {
        caption: 'Bảng 4. Kết quả kiểm tra theo quận, huyện',
        columns: ['Quận, huyện', 'Số phát hiện'],
        rows: findings.byDistrict.map((g) => [district(g.districtCode, g.districtName), n(g.count)]),
      },
    ],
    findingsNote:
      findings.total > LISTED_FINDINGS
        ? `Liệt kê ${n(LISTED_FINDINGS)} trên ${n(findings.total)} phát hiện; các bảng trên đếm đủ tất cả.`
        : `${n(findings.total)} phát hiện.`,
    findings: {
      caption: 'Bảng 5. Danh sách xung đột và cơ hội dùng chung',
      columns: ['Đối tượng', 'Tiêu chí', 'Nội dung', 'Quận, huyện'],
      rows: listed.map((f) => [
        f.featureKey ?? `#${f.featureIndex + 1}`,
        RULE_NAMES[f.rule] ?? f.rule,
        f.messageVi,
        district(f.districtCode, f.districtName),
      ]),
    },
    figure: {
      svg: figureSvg(input),
      png: figurePng(input),
      ...size,
      legend:
        'Hình 1. Ranh giới quận, huyện (xám), trạm quy hoạch (xanh dương; đỏ: vi phạm; xanh lá: cơ hội dùng chung), ' +
        'tuyến quy hoạch (tím), khu vực (xanh ngọc).',
    },
  }
  return report
}

const para = (t: string, bold = false) => new Paragraph({ children: [new TextRun({ text: t, bold })] })
const cell = (t: string, bold = false) =>
  new TableCell({
    children: [new Paragraph({ alignment: AlignmentType.LEFT, children: [new TextRun({ text: t, bold, size: 20 })] })],
  })
function docxTable(t: ReportTable): (Paragraph | Table)[] {
  if (t.rows.length === 0) return [para(t.caption), para('Không có số liệu.')]
  return [
    new Paragraph({ children: [new TextRun({ text: t.caption, italics: true })] }),
    new Table({
      width: { size: 100, type: WidthType.PERCENTAGE },
      rows: [
        new TableRow({ tableHeader: true, children: t.columns.map((c) => cell(c, true)) }),
        ...t.rows.map((r) => new TableRow({ children: r.map((c) => cell(c)) })),
      ],
    }),
    para(''),
  ]
}

/** The report as a Word document; the figure is an SVG image with its PNG rendering as the fallback. */
export async function appraisalDocx(r: AppraisalReport): Promise<Buffer> {
  const width = 600
  const height = Math.round((r.figure.height * width) / r.figure.width)
  const children: (Paragraph | Table)[] = [
    new Paragraph({ heading: HeadingLevel.TITLE, children: [new TextRun(r.title)] }),
    ...r.lines.map((l) => para(l)),
    new Paragraph({ heading: HeadingLevel.HEADING_2, children: [new TextRun('1. Số liệu quy hoạch')] }),
    ...r.tables.slice(0, 2).flatMap(docxTable),
    new Paragraph({ heading: HeadingLevel.HEADING_2, children: [new TextRun('2. Bản đồ')] }),
    new Paragraph({
      children: [
        new ImageRun({
          type: 'svg',
          data: Buffer.from(r.figure.svg, 'utf8'),
          transformation: { width, height },
          fallback: { type: 'png', data: r.figure.png },
          altText: { name: 'Bản đồ quy hoạch', title: 'Hình 1', description: r.figure.legend },
        }),
      ],
    }),
    new Paragraph({ children: [new TextRun({ text: r.figure.legend, italics: true })] }),
    new Paragraph({ heading: HeadingLevel.HEADING_2, children: [new TextRun('3. Kết quả kiểm tra tự động')] }),
    ...r.tables.slice(2).flatMap(docxTable),
    para(r.findingsNote),
    ...docxTable(r.findings),
  ]
  const doc = new Document({
    creator: 'Telecom infrastructure GIS',
    title: r.title,
    styles: { default: { document: { run: { font: 'Times New Roman', size: 26 } } } },
    sections: [{ children }],
  })
  return Packer.toBuffer(doc)
}

const esc = (s: string) => s.replace(/[<>&"]/g, (c) => ({ '<': '&lt;', '>': '&gt;', '&': '&amp;', '"': '&quot;' })[c]!)
const htmlTable = (t: ReportTable) =>
  `<figure><figcaption>${esc(t.caption)}</figcaption>${
    t.rows.length === 0
      ? '<p>Không có số liệu.</p>'
      : `<table><thead><tr>${t.columns.map((c) => `<th>${esc(c)}</th>`).join('')}</tr></thead><tbody>${t.rows
          .map((r) => `<tr>${r.map((c) => `<td>${esc(c)}</td>`).join('')}</tr>`)
          .join('\n')}</tbody></table>`
  }</figure>`

/** The report as a printable HTML page (no script; the browser's print prints it). */
export function appraisalHtml(r: AppraisalReport): string {
  return `<!doctype html>
<html lang="vi"><head><meta charset="utf-8"><title>${esc(r.title)}</title>
<style>
body { font-family: 'Times New Roman', serif; max-width: 60rem; margin: 1.5rem auto; padding: 0 1rem; color: #101828; }
h1 { font-size: 1.35rem; text-align: center; }
table { border-collapse: collapse; width: 100%; font-size: 0.9rem; }
th, td { border: 1px solid #98a2b3; padding: 0.2rem 0.4rem; text-align: left; vertical-align: top; }
figure { margin: 1rem 0; } figcaption { font-style: italic; margin-bottom: 0.3rem; }
.map svg { width: 100%; height: auto; border: 1px solid #d0d5dd; }
@media print { body { margin: 0; max-width: none; } tr, .map { break-inside: avoid; } }
</style></head>
<body data-report="plan-appraisal">
<h1>${esc(r.title)}</h1>
${r.lines.map((l) => `<p>${esc(l)}</p>`).join('\n')}
<h2>1. Số liệu quy hoạch</h2>
${r.tables.slice(0, 2).map(htmlTable).join('\n')}
<h2>2. Bản đồ</h2>
<figure class="map">${r.figure.svg}<figcaption>${esc(r.figure.legend)}</figcaption></figure>
<h2>3. Kết quả kiểm tra tự động</h2>
${r.tables.slice(2).map(htmlTable).join('\n')}
<p>${esc(r.findingsNote)}</p>
${htmlTable(r.findings)}
</body></html>`
}
