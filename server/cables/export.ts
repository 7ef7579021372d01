import ExcelJS from 'exceljs'
import type { summarize, SummaryRow } from './summary'
import { KIND_LABELS, type Kind } from './workflow'

/** A cell: text or number (numbers stay numbers in the sheet). */
export type Cell = string | number | null

type Summary = Awaited<ReturnType<typeof summarize>>
type GroupBy = Summary['groupBy']

const GROUP_HEADERS: Record<GroupBy, string[]> = {
  none: ['Phạm vi / Scope'],
  district: ['Mã quận huyện / District code', 'Quận huyện / District'],
  carrier: ['Doanh nghiệp / Carrier'],
}
const FIGURE_HEADERS = [
  'Loại / Kind',
  'Tuyến hoàn thành / Routes done',
  'Chiều dài hoàn thành (km) / Length done (km)',
  'Tuyến đang thi công / Routes under construction',
  'Chiều dài đang thi công (km) / Length under construction (km)',
  'Trụ điện / Poles',
]

const km = (m: unknown) => Math.round(Number(m) / 100) / 10

function groupCells(groupBy: GroupBy, r: SummaryRow): Cell[] {
  if (groupBy === 'district')
    return r.group === '-' ? [null, 'Ngoài địa giới / outside districts'] : [r.group, r.groupName ?? r.group]
  if (groupBy === 'carrier') return [r.groupName ?? r.group]
  return ['Toàn tỉnh / Province']
}

const figureCells = (r: SummaryRow): Cell[] => [
  KIND_LABELS[r.kind as Kind]?.[0] ?? r.kind,
  Number(r.completedRoutes),
  km(r.completedM),
  Number(r.buildingRoutes),
  km(r.buildingM),
  Number(r.completedPoles),
]

/**
 * The summary table as rows of cells: a bilingual header, then one row per group and kind, lengths in km.
 * Districts and carriers by name (districts with their code too, for joining to a boundary layer).
 */
export function summaryCells(groupBy: GroupBy, rows: SummaryRow[]): Cell[][] {
  return [
    [...GROUP_HEADERS[groupBy], ...FIGURE_HEADERS],
    ...rows.map((r) => [...groupCells(groupBy, r), ...figureCells(r)]),
  ]
}

// Why a column of the table does not add up, in the officers' words.
const NOT_ADDITIVE: Record<GroupBy, string> = {
  none: '',
  district:
    'Số tuyến theo quận huyện không cộng dồn: tuyến đi qua nhiều quận huyện được tính ở mỗi quận huyện ' +
    '(chiều dài được chia theo quận huyện). / ' +
    'Route counts by district do not add up: a route crossing several districts counts in each (its length is split).',
  carrier:
    'Số liệu theo doanh nghiệp không cộng dồn: tuyến dùng chung được tính trọn cho mỗi doanh nghiệp tham gia. / ' +
    'Figures by carrier do not add up: a shared route counts in full for each carrier that takes part.',
}

/**
 * The summary as an XLSX workbook: the data sheet first, its header in row 1 and typed columns (what GIS tools and
 * pivot tables read), then a report sheet with the officers' sentence, what does not add up, and the total with
 * every route and pole counted once.
 */
export async function summaryXlsx(s: Summary): Promise<Buffer> {
  const book = new ExcelJS.Workbook()
  const data = book.addWorksheet('Dữ liệu')
  data.addRows(summaryCells(s.groupBy, s.rows))
  data.getRow(1).font = { bold: true }
  data.views = [{ state: 'frozen', ySplit: 1 }]
  const report = book.addWorksheet('Báo cáo')
  report.addRows([
    [`${s.period.label[0]} / ${s.period.label[1]}`],
    [s.sentence.vi],
    [s.sentence.en],
    [],
    ...(NOT_ADDITIVE[s.groupBy] ? [[NOT_ADDITIVE[s.groupBy]], []] : []),
    ['Tổng không trùng lặp (mỗi tuyến, mỗi trụ tính một lần) / Total, each route and pole counted once'],
    ...summaryCells('none', s.distinctTotal),
  ])
  return Buffer.from(await book.xlsx.writeBuffer())
}
