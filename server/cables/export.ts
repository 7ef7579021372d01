import { KIND_LABELS, type Kind } from './workflow'
import type { Cell } from './xlsx'

const HEADER: Record<'none' | 'district' | 'carrier', string> = { none: 'Toàn tỉnh / Province', district: 'Quận huyện / District', carrier: 'Doanh nghiệp / Carrier' }

/** The summary table as rows of cells: a bilingual header, then one row per group and kind, lengths in km. */
export function summaryCells(groupBy: keyof typeof HEADER, rows: Record<string, unknown>[]): Cell[][] {
  const km = (m: unknown) => Math.round(Number(m) / 100) / 10
  return [
    [HEADER[groupBy], 'Loại / Kind', 'Tuyến hoàn thành / Routes done', 'Chiều dài hoàn thành (km) / Length done (km)',
      'Tuyến đang thi công / Routes under construction', 'Chiều dài đang thi công (km) / Length under construction (km)', 'Trụ điện / Poles'],
    ...rows.map((r) => [
      r.group === null ? 'Toàn tỉnh' : r.group === '-' ? 'Ngoài địa giới / outside districts' : String(r.group),
      KIND_LABELS[r.kind as Kind]?.[0] ?? String(r.kind),
      Number(r.completedRoutes), km(r.completedM), Number(r.buildingRoutes), km(r.buildingM), Number(r.completedPoles),
    ]),
  ]
}
