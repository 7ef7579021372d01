import { strToU8, zipSync } from 'fflate'
import type { ZoneCrs } from '../coords/crs'
import { zoneCrs } from '../coords/service'
import type { Queryable, Row } from '../db/index'
import type { SessionUser } from '../http/context'
import { csvDocument } from '../http/csv'
import { notFound } from '../http/problems'
import { stationScope } from './access'
import { whereFor } from './list'
import type { ExportQuery } from './schemas'
import { STATION_FROM } from './sql/stations.sql'

export const EXPORT_LIMIT = 50_000

// Flat columns for export, carriers and districts by name (with the district code for joins); VN-2000
// coordinates come from the province zone's pinned SRID, in SQL.
const EXPORT_COLUMNS = `
  s.id, c.name AS operator,
  array_to_string(ARRAY(SELECT sc.name FROM carriers sc WHERE sc.id = ANY (s.shared_carrier_ids) ORDER BY sc.name), ';') AS "sharedOperators",
  s.site_code AS "siteCode", s.name, s.address,
  (SELECT a.name FROM admin_units a WHERE a.level = 'district' AND a.province_code = s.province_code AND a.code = s.district_code
    ORDER BY (a.valid_from <= current_date AND (a.valid_to IS NULL OR a.valid_to > current_date)) DESC, a.valid_from DESC LIMIT 1) AS district,
  s.district_code AS "districtCode", s.mast_class AS "mastClass",
  s.camouflage_kind AS "camouflageKind", s.mast_height_m AS "mastHeightM", s.building_height_m AS "buildingHeightM",
  array_to_string(s.technologies, ';') AS technologies, s.state, s.decision_no AS "decisionNo", s.decision_date AS "decisionDate",
  s.temporary, s.mobile, s.valid_from AS "validFrom", s.valid_to AS "validTo",
  round(ST_X(s.geom)::numeric, 7) AS lon, round(ST_Y(s.geom)::numeric, 7) AS lat`

const VN2000_COLUMNS = `,
  round(ST_Y(ST_Transform(s.geom, z.srid))::numeric, 3) AS "vn2000Northing",
  round(ST_X(ST_Transform(s.geom, z.srid))::numeric, 3) AS "vn2000Easting"`

/** The rows of an export, with the same filters and visibility as the list. */
export async function exportRows(
  q: Queryable,
  user: SessionUser,
  provinceCode: string,
  query: ExportQuery,
): Promise<Row[]> {
  const where = whereFor(user, provinceCode, query)
  const zoneJoin = query.vn2000 ? `LEFT JOIN vn2000_zones z ON z.province_code = s.province_code` : ''
  return q.many(
    `SELECT ${EXPORT_COLUMNS}${query.vn2000 ? VN2000_COLUMNS : ''}, ST_AsGeoJSON(s.geom, 7)::jsonb AS geometry
       FROM ${STATION_FROM} ${zoneJoin}
      WHERE ${where.sql} ORDER BY s.id LIMIT ${EXPORT_LIMIT}`,
    where.params,
  )
}

/** The province zone's exact CRS for VN-2000 columns; a province without a known zone cannot export them. */
export async function vn2000Crs(q: Queryable, provinceCode: string): Promise<ZoneCrs> {
  const crs = await zoneCrs(q, provinceCode)
  if (!crs) throw notFound(`No VN-2000 zone is known for province ${provinceCode}.`)
  return crs
}

/**
 * Rows with the WKT of their VN-2000 columns beside them, for a CSV that travels without its .prj (WKT, not the
 * PROJ string: a cell starting with "+" is a formula to a spreadsheet, and the CSV guard would change it).
 */
export const withWkt = (rows: Row[], crs: ZoneCrs): Row[] => rows.map((r) => ({ ...r, vn2000Wkt: crs.wkt }))

/**
 * RFC 7946 FeatureCollection of export rows. With VN-2000 columns, `vn2000Crs` (a foreign member) says exactly
 * which CRS their numbers are in: the PROJ string and WKT with the pinned TOWGS84, never a bare EPSG code.
 */
export function toGeoJson(rows: Row[], crs?: ZoneCrs): Record<string, unknown> {
  return {
    type: 'FeatureCollection',
    ...(crs ? { vn2000Crs: { name: crs.name, proj: crs.proj, wkt: crs.wkt } } : {}),
    features: rows.map(({ geometry, id, ...properties }) => ({
      type: 'Feature',
      id,
      geometry,
      properties: { id, ...properties },
    })),
  }
}

/** CSV document of export rows, header first. */
export function toCsv(rows: Row[]): string {
  const columns = rows[0] ? Object.keys(rows[0]).filter((k) => k !== 'geometry') : ['id']
  return csvDocument([columns, ...rows.map((r) => columns.map((c) => r[c]))])
}

// GDAL's types for the columns of the CSV (its .csvt); a column not named here is text.
const CSVT: Record<string, string> = {
  id: 'Integer',
  mastHeightM: 'Real',
  buildingHeightM: 'Real',
  lon: 'Real',
  lat: 'Real',
  vn2000Northing: 'Real',
  vn2000Easting: 'Real',
  decisionDate: 'Date',
  validFrom: 'Date',
  validTo: 'Date',
}

const xmlText = (s: string) =>
  s.replace(/[<>&"]/g, (c) => ({ '<': '&lt;', '>': '&gt;', '&': '&amp;', '"': '&quot;' })[c]!)

/**
 * The stations with VN-2000 columns as a ZIP that GIS tools read with the exact CRS: stations.csv, its .csvt
 * (column types), .prj (WKT with the pinned TOWGS84) and .vrt (opens in QGIS/GDAL as points in that CRS with no
 * options: easting is x, northing is y).
 */
export function toVn2000Zip(rows: Row[], crs: ZoneCrs): Uint8Array {
  const csv = toCsv(rows)
  const columns = rows[0] ? Object.keys(rows[0]).filter((k) => k !== 'geometry') : ['id']
  const vrt =
    '<OGRVRTDataSource>\n  <OGRVRTLayer name="stations">\n' +
    '    <SrcDataSource relativeToVRT="1">stations.csv</SrcDataSource>\n    <SrcLayer>stations</SrcLayer>\n' +
    `    <GeometryType>wkbPoint</GeometryType>\n    <LayerSRS>${xmlText(crs.wkt)}</LayerSRS>\n` +
    '    <GeometryField encoding="PointFromColumns" x="vn2000Easting" y="vn2000Northing"/>\n' +
    '  </OGRVRTLayer>\n</OGRVRTDataSource>\n'
  return zipSync({
    'stations.csv': strToU8(csv),
    'stations.csvt': strToU8(`${columns.map((c) => `"${CSVT[c] ?? 'String'}"`).join(',')}\r\n`),
    'stations.prj': strToU8(crs.wkt),
    'stations.vrt': strToU8(vrt),
  })
}

/**
 * The public layer: stations in service (temporary ones only while valid), without site codes, decisions,
 * addresses or drafts. Bounded by bbox when given.
 */
export async function publicStations(
  q: Queryable,
  provinceCode: string,
  bbox: [number, number, number, number] | null,
): Promise<Record<string, unknown>> {
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
            district_name(s.district_code, current_date) AS "districtName"
       FROM ${STATION_FROM}
      WHERE ${stationScope({ kind: 'public' }, 's', '$1')} ${box}
      ORDER BY s.id`,
    params,
  )
  return toGeoJson(rows)
}
