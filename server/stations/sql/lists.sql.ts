// SQL of the station lists, exports and the public layer. Values are bind parameters; the only identifiers
// that vary are the sort orders of the allow-list below, chosen by name.
import { STATION_COLUMNS, STATION_FROM } from './stations.sql'
import { containsSql } from '../../http/text'
import { stationScope } from './scope.sql'

/** Sort orders by name: the only identifiers that reach the SQL text. */
export const SORTS = {
  id: 's.id',
  '-id': 's.id DESC',
  siteCode: 's.site_code, s.id',
  '-updatedAt': 's.updated_at DESC, s.id DESC',
} as const

/** The filters of a list or an export; each present one adds a condition over `stations s` and `carriers c`. */
export interface StationFilters {
  operator?: string
  mastClass?: string
  state?: string
  district?: string
  temporary?: boolean
  /** A pattern (containsPattern in http/text.ts) matched against site code, address and name. */
  pattern?: string
  /** minLon, minLat, maxLon, maxLat. */
  box?: [number, number, number, number]
}

/**
 * The WHERE clause over `stations s` / `carriers c`: the visibility condition (its parameters first, numbered
 * from $1) and then one condition per filter.
 */
export function stationWhere(
  visibility: { sql: string; params: unknown[] },
  f: StationFilters,
): { sql: string; params: unknown[] } {
  const params = [...visibility.params]
  const parts = [visibility.sql]
  const add = (sqlWith: (n: string) => string, value: unknown) => {
    params.push(value)
    parts.push(sqlWith(`$${params.length}`))
  }
  if (f.operator) add((n) => `c.short_name = ${n}`, f.operator)
  if (f.mastClass) add((n) => `s.mast_class = ${n}`, f.mastClass)
  if (f.state) add((n) => `s.state = ${n}`, f.state)
  if (f.district) add((n) => `s.district_code = ${n}`, f.district)
  if (f.temporary !== undefined) add((n) => `s.temporary = ${n}`, f.temporary)
  if (f.pattern !== undefined) {
    const any = (n: string) => ['s.site_code', 's.address', 's.name'].map((c) => containsSql(c, n)).join(' OR ')
    add((n) => `(${any(n)})`, f.pattern)
  }
  if (f.box) {
    params.push(...f.box)
    const n = params.length
    parts.push(`s.geom && ST_MakeEnvelope($${n - 3}, $${n - 2}, $${n - 1}, $${n}, 4326)`)
  }
  return { sql: parts.join(' AND '), params }
}

/** One page of `where`: its parameters, then $n+1 limit and $n+2 offset. */
export const listPage = (where: string, sort: keyof typeof SORTS, n: number) => `
SELECT ${STATION_COLUMNS} FROM ${STATION_FROM}
 WHERE ${where}
 ORDER BY ${SORTS[sort]} LIMIT $${n + 1} OFFSET $${n + 2}`

/** How many stations `where` selects, counted row by row (a filter the station counts do not hold: text, box). */
export const countWhere = (where: string) => `SELECT count(*) AS total FROM ${STATION_FROM} WHERE ${where}`

/**
 * How many stations `where` selects, from the station counts (migration 081) kept by the stations' triggers: for a
 * `where` over the columns they hold (province, carrier, state, district, mast class, temporary, valid_to, event).
 */
export const countFromCounts = (where: string) =>
  `SELECT coalesce(sum(s.n), 0) AS total FROM station_counts s JOIN carriers c ON c.id = s.carrier_id WHERE ${where}`

/** $1 province: temporary stations past their end date that still stand, with their event's name. */
export const OVERDUE_REMOVALS = `
SELECT ${STATION_COLUMNS}, current_date - s.valid_to AS "daysOverdue",
       (SELECT e.name FROM station_events e WHERE e.id = s.event_id) AS "eventName"
  FROM ${STATION_FROM}
 WHERE s.province_code = $1 AND s.temporary AND s.valid_to < current_date
   AND s.state IN ('approved', 'built', 'in_service')
 ORDER BY s.valid_to, s.id`

// Flat columns for export, carriers and districts by name (with the district code for joins); VN-2000
// coordinates come from the province zone's pinned SRID, in SQL.
const EXPORT_COLUMNS = `
  s.id, c.name AS operator,
  array_to_string(ARRAY(SELECT sc.name FROM carriers sc WHERE sc.id = ANY (s.shared_carrier_ids) ORDER BY sc.name),
                  ';') AS "sharedOperators",
  s.site_code AS "siteCode", s.name, s.address,
  (SELECT a.name FROM admin_units a
    WHERE a.level = 'district' AND a.province_code = s.province_code AND a.code = s.district_code
    ORDER BY (a.valid_from <= current_date AND (a.valid_to IS NULL OR a.valid_to > current_date)) DESC,
             a.valid_from DESC
    LIMIT 1) AS district,
  s.district_code AS "districtCode", s.mast_class AS "mastClass",
  s.camouflage_kind AS "camouflageKind", s.mast_height_m AS "mastHeightM", s.building_height_m AS "buildingHeightM",
  array_to_string(s.technologies, ';') AS technologies, s.state, s.decision_no AS "decisionNo",
  s.decision_date AS "decisionDate",
  s.temporary, s.mobile, s.valid_from AS "validFrom", s.valid_to AS "validTo",
  round(ST_X(s.geom)::numeric, 7) AS lon, round(ST_Y(s.geom)::numeric, 7) AS lat`

const VN2000_COLUMNS = `,
  round(ST_Y(ST_Transform(s.geom, z.srid))::numeric, 3) AS "vn2000Northing",
  round(ST_X(ST_Transform(s.geom, z.srid))::numeric, 3) AS "vn2000Easting"`

/** The export rows `where` selects, at most `limit`, with VN-2000 columns when asked. */
export const exportSelect = (where: string, vn2000: boolean, limit: number) => `
SELECT ${EXPORT_COLUMNS}${vn2000 ? VN2000_COLUMNS : ''}, ST_AsGeoJSON(s.geom, 7)::jsonb AS geometry
  FROM ${STATION_FROM} ${vn2000 ? 'LEFT JOIN vn2000_zones z ON z.province_code = s.province_code' : ''}
 WHERE ${where} ORDER BY s.id LIMIT ${Number(limit)}`

/**
 * $1 province, and with `bbox` $2–$5 the box: the public layer, stations in service (temporary ones only while
 * valid), without site codes, decisions, addresses or drafts.
 */
export const publicSelect = (bbox: boolean) => `
SELECT s.id, ST_AsGeoJSON(s.geom, 6)::jsonb AS geometry, c.name AS operator,
       coalesce((SELECT jsonb_agg(sc.name ORDER BY sc.name) FROM carriers sc WHERE sc.id = ANY (s.shared_carrier_ids)),
                '[]') AS "sharedOperators",
       s.mast_class AS "mastClass", s.mast_height_m AS "mastHeightM", s.technologies, s.temporary, s.mobile,
       district_name(s.district_code, current_date) AS "districtName"
  FROM ${STATION_FROM}
 WHERE ${stationScope({ kind: 'public' }, 's', '$1')}
   ${bbox ? 'AND s.geom && ST_MakeEnvelope($2, $3, $4, $5, 4326)' : ''}
 ORDER BY s.id`

/**
 * $1 province, $2 station ids: where those of them the public map shows stand (the masts a permit answer names),
 * and nothing else about them.
 */
export const PUBLIC_POSITIONS = `
SELECT s.id, round(ST_X(s.geom)::numeric, 6)::float8 AS lon, round(ST_Y(s.geom)::numeric, 6)::float8 AS lat
  FROM stations s
 WHERE s.id = ANY ($2::bigint[]) AND ${stationScope({ kind: 'public' }, 's', '$1')}`
