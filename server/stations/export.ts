import type { Queryable, Row } from '../db/index'
import type { SessionUser } from '../http/context'
import { csvDocument } from '../http/csv'
import { stationScope } from './access'
import { whereFor } from './list'
import type { ExportQuery } from './schemas'
import { STATION_FROM } from './sql/stations.sql'

export const EXPORT_LIMIT = 50_000

// Flat columns for export; VN-2000 coordinates come from the province zone's pinned SRID, in SQL.
const EXPORT_COLUMNS = `
  s.id, c.short_name AS operator,
  array_to_string(ARRAY(SELECT sc.short_name FROM carriers sc WHERE sc.id = ANY (s.shared_carrier_ids) ORDER BY sc.short_name), ';') AS "sharedOperators",
  s.site_code AS "siteCode", s.name, s.address, s.district_code AS "districtCode", s.mast_class AS "mastClass",
  s.camouflage_kind AS "camouflageKind", s.mast_height_m AS "mastHeightM", s.building_height_m AS "buildingHeightM",
  array_to_string(s.technologies, ';') AS technologies, s.state, s.decision_no AS "decisionNo", s.decision_date AS "decisionDate",
  s.temporary, s.mobile, s.valid_from AS "validFrom", s.valid_to AS "validTo",
  round(ST_X(s.geom)::numeric, 7) AS lon, round(ST_Y(s.geom)::numeric, 7) AS lat`

const VN2000_COLUMNS = `,
  round(ST_Y(ST_Transform(s.geom, z.srid))::numeric, 3) AS "vn2000Northing",
  round(ST_X(ST_Transform(s.geom, z.srid))::numeric, 3) AS "vn2000Easting", z.epsg AS "vn2000Epsg"`

/** The rows of an export, with the same filters and visibility as the list. */
export async function exportRows(q: Queryable, user: SessionUser, provinceCode: string, query: ExportQuery): Promise<Row[]> {
  const where = whereFor(user, provinceCode, query)
  const zoneJoin = query.vn2000 ? `LEFT JOIN vn2000_zones z ON z.province_code = s.province_code` : ''
  return q.many(
    `SELECT ${EXPORT_COLUMNS}${query.vn2000 ? VN2000_COLUMNS : ''}, ST_AsGeoJSON(s.geom, 7)::jsonb AS geometry
       FROM ${STATION_FROM} ${zoneJoin}
      WHERE ${where.sql} ORDER BY s.id LIMIT ${EXPORT_LIMIT}`,
    where.params,
  )
}

/** RFC 7946 FeatureCollection of export rows. */
export function toGeoJson(rows: Row[]): Record<string, unknown> {
  return {
    type: 'FeatureCollection',
    features: rows.map(({ geometry, id, ...properties }) => ({ type: 'Feature', id, geometry, properties: { id, ...properties } })),
  }
}

/** CSV document of export rows, header first. */
export function toCsv(rows: Row[]): string {
  const columns = rows[0] ? Object.keys(rows[0]).filter((k) => k !== 'geometry') : ['id']
  return csvDocument([columns, ...rows.map((r) => columns.map((c) => r[c]))])
}

/**
 * The public layer: stations in service (temporary ones only while valid), without site codes, decisions,
 * addresses or drafts. Bounded by bbox when given.
 */
export async function publicStations(q: Queryable, provinceCode: string, bbox: [number, number, number, number] | null): Promise<Record<string, unknown>> {
  const params: unknown[] = [provinceCode]
  let box = ''
  if (bbox) {
    params.push(...bbox)
    box = 'AND s.geom && ST_MakeEnvelope($2, $3, $4, $5, 4326)'
  }
  const rows = await q.many(
    `SELECT s.id, ST_AsGeoJSON(s.geom, 6)::jsonb AS geometry, c.name AS operator,
            coalesce((SELECT jsonb_agg(sc.name ORDER BY sc.name) FROM carriers sc WHERE sc.id = ANY (s.shared_carrier_ids)), '[]') AS "sharedOperators",
            s.mast_class AS "mastClass", s.mast_height_m AS "mastHeightM", s.technologies, s.temporary, s.mobile,
            (SELECT a.name FROM admin_units a WHERE a.level = 'district' AND a.code = s.district_code AND a.valid_to IS NULL LIMIT 1) AS "districtName"
       FROM ${STATION_FROM}
      WHERE ${stationScope({ kind: 'public' }, 's', '$1')} ${box}
      ORDER BY s.id`,
    params,
  )
  return toGeoJson(rows)
}
