import { strToU8, zipSync } from 'fflate'
import type { ZoneCrs } from '../coords/crs'
import type { Queryable, Row } from '../db/index'
import type { SessionUser } from '../http/context'
import { csvDocument } from '../http/csv'
import { whereFor } from './list'
import type { ExportQuery } from './schemas'
import { exportSelect, publicSelect } from './sql/lists.sql'

export const EXPORT_LIMIT = 50_000

/** The rows of an export, with the same filters and visibility as the list. */
export async function exportRows(
  q: Queryable,
  user: SessionUser,
  provinceCode: string,
  query: ExportQuery,
): Promise<Row[]> {
  const where = whereFor(user, provinceCode, query)
  return q.many(exportSelect(where.sql, Boolean(query.vn2000), EXPORT_LIMIT), where.params)
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
  const rows = await q.many(publicSelect(bbox !== null), bbox ? [provinceCode, ...bbox] : [provinceCode])
  return toGeoJson(rows)
}
