import type { Queryable } from '../db/index'
import { formatDateVi, formatKm, formatVi } from './format'
import type { PeriodQuery } from './schemas'
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

/**
 * The figures behind the officers' sentence, from stored lengths: $1 province, $2 from (NULL = since
 * the beginning), $3 to, $4 carrier id (NULL = all). A route is done in the period when its
 * completion date falls in it; it is under construction at the period's end when it had started and
 * was not yet complete.
 */
export const SUMMARY_SQL = `
  WITH r AS (
    SELECT id, kind, length_m,
           completed_on IS NOT NULL AND completed_on <= $3::date AND ($2::date IS NULL OR completed_on >= $2::date) AS done,
           started_on IS NOT NULL AND started_on <= $3::date AND (completed_on IS NULL OR completed_on > $3::date) AS building
      FROM cable_routes
     WHERE province_code = $1 AND ($4::int IS NULL OR $4::int = ANY (carrier_ids))
  )
  SELECT count(*) FILTER (WHERE kind = 'underground' AND done) AS "undergroundRoutes",
         COALESCE(sum(length_m) FILTER (WHERE kind = 'underground' AND done), 0) AS "undergroundM",
         count(*) FILTER (WHERE kind = 'underground' AND building) AS "undergroundBuilding",
         count(*) FILTER (WHERE kind = 'tidying' AND done) AS "tidyingRoutes",
         COALESCE(sum(length_m) FILTER (WHERE kind = 'tidying' AND done), 0) AS "tidyingM",
         (SELECT count(DISTINCT rp.pole_id) FROM route_poles rp JOIN r t ON t.id = rp.route_id WHERE t.kind = 'tidying' AND t.done) AS "tidyingPoles"
    FROM r`

/**
 * Districts are those in force at the period's end ($3), so a period keeps its figures when boundaries change
 * later; a period ending before the first loaded vintage ($1's earliest districts) is read on that vintage.
 */
const UNITS_DATE = `greatest($3::date, (SELECT min(valid_from) FROM admin_units WHERE level = 'district' AND province_code = $1))`
/** True when no district version of $1 starts or ends between the period's units and today: stored codes hold. */
const SAME_UNITS_AS_TODAY = `NOT EXISTS (SELECT 1 FROM admin_units WHERE level = 'district' AND province_code = $1
  AND ((valid_from > ${UNITS_DATE} AND valid_from <= current_date)
       OR (valid_to > ${UNITS_DATE} AND valid_to <= current_date)))`

// The name of a district code: the unit in force on the date the groups are read on.
const DISTRICT_NAME = `district_name(l.grp, ${UNITS_DATE})`

/**
 * The group each row of a table falls in, as SQL over `r` (routes) with its length column, and its name over
 * `l.grp`. `additive` says which columns add up over the groups of one kind: a route crossing two districts
 * counts in both (its length is split), and a route shared by two carriers counts, whole, for each.
 */
const GROUPS = {
  none: {
    from: 'r',
    key: 'NULL::text',
    length: 'r.length_m',
    poleKey: 'NULL::text',
    poleJoin: '',
    name: 'NULL::text',
    additive: { routes: true, lengths: true, poles: true },
  },
  district: {
    from: `r JOIN route_district_split(${UNITS_DATE}) dl ON dl.route_id = r.id`,
    key: `COALESCE(dl.district_code, '-')`,
    length: 'dl.length_m',
    poleKey: `COALESCE(CASE WHEN ${SAME_UNITS_AS_TODAY} THEN p.district_code
                            ELSE district_at(p.province_code, p.geom, ${UNITS_DATE}) END, '-')`,
    poleJoin: 'JOIN poles p ON p.id = rp.pole_id',
    name: DISTRICT_NAME,
    additive: { routes: false, lengths: true, poles: true },
  },
  carrier: {
    from: 'r CROSS JOIN LATERAL unnest(r.carrier_ids) AS rc(carrier_id) JOIN carriers c ON c.id = rc.carrier_id',
    key: 'c.short_name',
    length: 'r.length_m',
    poleKey: 'c.short_name',
    poleJoin: '',
    name: '(SELECT n.name FROM carriers n WHERE n.short_name = l.grp)',
    additive: { routes: false, lengths: false, poles: false },
  },
} as const

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
}

/** The table behind the sentence: one row per group (district, carrier or none) and kind. */
export function tableSql(groupBy: keyof typeof GROUPS): string {
  const g = GROUPS[groupBy]
  return `
  WITH r AS (
    SELECT id, kind, length_m, carrier_ids,
           completed_on IS NOT NULL AND completed_on <= $3::date AND ($2::date IS NULL OR completed_on >= $2::date) AS done,
           started_on IS NOT NULL AND started_on <= $3::date AND (completed_on IS NULL OR completed_on > $3::date) AS building
      FROM cable_routes
     WHERE province_code = $1 AND ($4::int IS NULL OR $4::int = ANY (carrier_ids))
  ), lengths AS (
    SELECT ${g.key} AS grp, r.kind,
           count(DISTINCT r.id) FILTER (WHERE r.done) AS "completedRoutes",
           COALESCE(sum(${g.length}) FILTER (WHERE r.done), 0) AS "completedM",
           count(DISTINCT r.id) FILTER (WHERE r.building) AS "buildingRoutes",
           COALESCE(sum(${g.length}) FILTER (WHERE r.building), 0) AS "buildingM"
      FROM ${g.from}
     GROUP BY 1, 2
  ), poles AS (
    SELECT ${g.poleKey} AS grp, r.kind, count(DISTINCT rp.pole_id) AS "completedPoles"
      FROM ${g.from} JOIN route_poles rp ON rp.route_id = r.id ${g.poleJoin}
     WHERE r.done
     GROUP BY 1, 2
  )
  SELECT l.grp AS "group", ${g.name} AS "groupName", l.kind, l."completedRoutes", l."completedM", l."buildingRoutes", l."buildingM",
         COALESCE(p."completedPoles", 0) AS "completedPoles"
    FROM lengths l LEFT JOIN poles p ON p.grp IS NOT DISTINCT FROM l.grp AND p.kind = l.kind
   ORDER BY l.grp NULLS FIRST, l.kind`
}

export interface Totals {
  undergroundRoutes: number
  undergroundM: number
  undergroundBuilding: number
  tidyingRoutes: number
  tidyingM: number
  tidyingPoles: number
}

/** The officers' sentence, in Vietnamese and English, from the totals. */
export function sentence(period: Period, t: Totals): { vi: string; en: string } {
  return {
    vi:
      `${period.label[0]}: các đơn vị đã triển khai ngầm hóa mạng cáp viễn thông được ${formatVi(t.undergroundRoutes)} tuyến công trình, ` +
      `tương đương chiều dài ${formatKm(t.undergroundM)} km; đang tiếp tục thi công ${formatVi(t.undergroundBuilding)} tuyến; ` +
      `tổng khối lượng chiều dài tuyến dây thông tin được thực hiện chỉnh trang là ${formatKm(t.tidyingM)} km trên ${formatVi(t.tidyingPoles)} trụ điện.`,
    en:
      `${period.label[1]}: carriers have put telecom cable underground on ${t.undergroundRoutes.toLocaleString('en')} routes, ` +
      `${(Math.round(t.undergroundM / 100) / 10).toLocaleString('en')} km long; ${t.undergroundBuilding.toLocaleString('en')} routes are under construction; ` +
      `aerial cable has been tidied on ${(Math.round(t.tidyingM / 100) / 10).toLocaleString('en')} km of line over ${t.tidyingPoles.toLocaleString('en')} poles.`,
  }
}

/** Parameters of SUMMARY_SQL and tableSql for a period and a carrier scope. */
export const summaryParams = (provinceCode: string, period: Period, carrierId: number | null) => [
  provinceCode,
  period.from,
  period.to,
  carrierId,
]

/**
 * Totals, sentence and table for a period; beside a table whose columns do not all add up, the total per kind
 * with every route and pole counted once (`distinctTotal`), and which columns do add up (`additive`).
 */
export async function summarize(q: Queryable, provinceCode: string, query: PeriodQuery, carrierId: number | null) {
  const period = periodOf(query)
  const params = summaryParams(provinceCode, period, carrierId)
  const totals = await q.one<Totals>(SUMMARY_SQL, params)
  const rows = await q.many<SummaryRow & Record<string, unknown>>(tableSql(query.groupBy), params)
  const distinctTotal =
    query.groupBy === 'none' ? rows : await q.many<SummaryRow & Record<string, unknown>>(tableSql('none'), params)
  const additive = GROUPS[query.groupBy].additive
  return { period, groupBy: query.groupBy, totals, sentence: sentence(period, totals), rows, additive, distinctTotal }
}
