import type { Queryable } from '../db/index'
import { formatDateVi, formatKm, formatVi } from './format'
import type { PeriodQuery } from './schemas'
import {
  DISTRICT_TABLE_ON,
  GROUPS,
  TABLE_CARRIER_DAYS,
  TABLE_DISTRICT,
  TABLE_NONE_DAYS,
  TREND_DAYS,
  tableSql,
} from './sql/summary.sql'
import { vietnamToday } from '../time'

/** The dates a period covers; `from` null means since the beginning. */
export interface Period {
  from: string | null
  to: string
  label: [vi: string, en: string]
}

/** Turns a period query into dates and a label. */
export function periodOf(q: PeriodQuery, today = vietnamToday()): Period {
  if (q.period === 'quarter') {
    const startMonth = (q.quarter! - 1) * 3 + 1
    const end = new Date(Date.UTC(q.year!, startMonth + 2, 0)).toISOString().slice(0, 10)
    return {
      from: `${q.year}-${String(startMonth).padStart(2, '0')}-01`,
      to: end,
      label: [`Quý ${q.quarter}/${q.year}`, `Q${q.quarter} ${q.year}`],
    }
  }
  if (q.period === 'year')
    return { from: `${q.year}-01-01`, to: `${q.year}-12-31`, label: [`Năm ${q.year}`, `Year ${q.year}`] }
  const to = q.until ?? today
  return { from: null, to, label: [`Lũy kế đến ${formatDateVi(to)}`, `Cumulative to ${to}`] }
}

/** A row of the summary table; `group` is a district code ('-' outside every district) or a carrier's short name. */
export interface SummaryRow {
  group: string | null
  groupName: string | null
  kind: string
  completedRoutes: number
  completedM: number
  buildingRoutes: number
  buildingM: number
  completedPoles: number
  /** Of the completed routes, those verified in the field (their latest inspection is compliant), and their length. */
  verifiedRoutes: number
  verifiedM: number
}

/** The figures the officers' sentence reads: what the carriers declared. */
export interface DeclaredTotals {
  undergroundRoutes: number
  undergroundM: number
  undergroundBuilding: number
  tidyingRoutes: number
  tidyingM: number
  tidyingPoles: number
}

export interface Totals extends DeclaredTotals {
  /** Of the completed routes, those verified in the field, and their length (issue 13). */
  undergroundVerified: number
  undergroundVerifiedM: number
  tidyingVerified: number
  tidyingVerifiedM: number
}

/** The officers' sentence, in Vietnamese and English, from the totals. */
export function sentence(period: Period, t: DeclaredTotals): { vi: string; en: string } {
  return {
    vi:
      `${period.label[0]}: các đơn vị đã triển khai ngầm hóa mạng cáp viễn thông được ` +
      `${formatVi(t.undergroundRoutes)} tuyến công trình, ` +
      `tương đương chiều dài ${formatKm(t.undergroundM)} km; ` +
      `đang tiếp tục thi công ${formatVi(t.undergroundBuilding)} tuyến; ` +
      'tổng khối lượng chiều dài tuyến dây thông tin được thực hiện chỉnh trang là ' +
      `${formatKm(t.tidyingM)} km trên ${formatVi(t.tidyingPoles)} trụ điện.`,
    en:
      `${period.label[1]}: carriers have put telecom cable underground on ` +
      `${t.undergroundRoutes.toLocaleString('en')} routes, ` +
      `${(Math.round(t.undergroundM / 100) / 10).toLocaleString('en')} km long; ` +
      `${t.undergroundBuilding.toLocaleString('en')} routes are under construction; ` +
      `aerial cable has been tidied on ${(Math.round(t.tidyingM / 100) / 10).toLocaleString('en')} km of line ` +
      `over ${t.tidyingPoles.toLocaleString('en')} poles.`,
  }
}

/** Parameters of the summary statements for a period and a carrier scope. */
export const summaryParams = (provinceCode: string, period: Period, carrierId: number | null) => [
  provinceCode,
  period.from,
  period.to,
  carrierId,
]

/** The sentence's totals, read off the table without grouping. */
export function totalsOf(rows: readonly SummaryRow[]): Totals {
  const kind = (k: string) => rows.find((r) => r.kind === k)
  const u = kind('underground')
  const t = kind('tidying')
  return {
    undergroundRoutes: u?.completedRoutes ?? 0,
    undergroundM: u?.completedM ?? 0,
    undergroundBuilding: u?.buildingRoutes ?? 0,
    tidyingRoutes: t?.completedRoutes ?? 0,
    tidyingM: t?.completedM ?? 0,
    tidyingPoles: t?.completedPoles ?? 0,
    undergroundVerified: u?.verifiedRoutes ?? 0,
    undergroundVerifiedM: u?.verifiedM ?? 0,
    tidyingVerified: t?.verifiedRoutes ?? 0,
    tidyingVerifiedM: t?.verifiedM ?? 0,
  }
}

/**
 * The statement of a table: from the aggregate when it holds the grouping (none; carrier without a carrier
 * scope), by district from the lengths stored per district version, else the scan (by carrier as a carrier sees
 * it) — see sql/summary.sql.ts.
 */
function tableStatement(groupBy: keyof typeof GROUPS, carrierId: number | null): string {
  if (groupBy === 'none') return TABLE_NONE_DAYS
  if (groupBy === 'district') return TABLE_DISTRICT
  if (groupBy === 'carrier' && carrierId === null) return TABLE_CARRIER_DAYS
  return tableSql(groupBy)
}

/**
 * Totals, sentence and table for a period; beside a table whose columns do not all add up, the total per kind
 * with every route and pole counted once (`distinctTotal`), and which columns do add up (`additive`).
 */
export async function summarize(q: Queryable, provinceCode: string, query: PeriodQuery, carrierId: number | null) {
  const period = periodOf(query)
  const params = summaryParams(provinceCode, period, carrierId)
  const distinctTotal = await q.many<SummaryRow & Record<string, unknown>>(TABLE_NONE_DAYS, params)
  const rows =
    query.groupBy === 'none'
      ? distinctTotal
      : await q.many<SummaryRow & Record<string, unknown>>(tableStatement(query.groupBy, carrierId), params)
  const totals = totalsOf(distinctTotal)
  const additive = GROUPS[query.groupBy].additive
  return { period, groupBy: query.groupBy, totals, sentence: sentence(period, totals), rows, additive, distinctTotal }
}

/**
 * The sentence, totals and table by district for explicit dates (the report's quarters, half years and ranges):
 * totals from the aggregate, districts as in force on `unitsOn`.
 */
export async function summarizeOn(
  q: Queryable,
  provinceCode: string,
  period: Period,
  unitsOn: string,
  carrierId: number | null = null,
) {
  const params = summaryParams(provinceCode, period, carrierId)
  const totals = totalsOf(await q.many<SummaryRow>(TABLE_NONE_DAYS, params))
  const byDistrict = await q.many<SummaryRow>(DISTRICT_TABLE_ON, [...params, unitsOn])
  return { totals, sentence: sentence(period, totals), byDistrict }
}

/** A year end of the trend: its label and the date the cumulative totals are read on. */
export interface TrendEnd {
  label: string
  until: string
}

/** The year ends a cumulative trend reads, from `first` to `today` (the current year ends today). */
export function yearEnds(today: string, first = FIRST_YEAR): TrendEnd[] {
  const year = Number(today.slice(0, 4))
  return Array.from({ length: Math.max(0, year - first + 1) }, (_, i) => {
    const y = first + i
    return { label: String(y), until: y === year ? today : `${y}-12-31` }
  })
}

/** The first year of the trend (the demo's oldest works began in 2014). */
export const FIRST_YEAR = 2014

/**
 * Everything the summary page shows, in one answer (issue 11.6): the summary of the period and grouping asked,
 * and the cumulative totals at each year end for the trend chart, both from the aggregate.
 */
export async function summaryPage(
  q: Queryable,
  provinceCode: string,
  query: PeriodQuery,
  carrierId: number | null,
  today = vietnamToday(),
) {
  const summary = await summarize(q, provinceCode, query, carrierId)
  const ends = yearEnds(today)
  const totals = await q.many<Totals & { until: string }>(TREND_DAYS, [
    provinceCode,
    carrierId,
    ends.map((e) => e.until),
  ])
  const byDate = new Map(totals.map(({ until, ...t }) => [until, t]))
  return { summary, trend: ends.map((e) => ({ ...e, totals: byDate.get(e.until)! })) }
}
