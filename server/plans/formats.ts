// Readers for a plan version's file. Each answers the file's features in one shape — gated geometry (or, for a
// spreadsheet row in VN-2000, the pair to convert), properties, and the problems or warnings found — or the
// file-level problems that stop reading it. Pure of the database, so a large file is read in a worker thread.
import { readGeoJsonDocument } from '../geo/geojson'
import { gateGeometry, GEOMETRY_TYPES, type GateError, type Geometry } from '../geo/gate'
import { REWOUND, rewind } from '../geo/winding'
import { kindOfPair } from '../coords/plausibility'
import { CsvError, parseCsv, type CsvRow } from '../readers/csv'
import { readKmlText, readKmz } from '../readers/kml'
import { readShapefileZip } from '../readers/shapefile'
import { readWkt } from '../readers/wkt'
import { readXlsx } from '../readers/xlsx'

export const FORMATS = ['geojson', 'kml', 'kmz', 'csv', 'xlsx', 'shp'] as const
export type Format = (typeof FORMATS)[number]
/** Formats sent as base64 (binary files). */
export const BINARY_FORMATS: readonly Format[] = ['kmz', 'xlsx', 'shp']

/** One feature of a plan file: its place, gated geometry (null: none, refused, or still a projected pair). */
export interface PlanFeature {
  index: number
  label: string
  geometry: Geometry | null
  /** A spreadsheet row's VN-2000 plane pair (either order), converted in SQL before it goes through the gate. */
  projected?: [number, number]
  properties: Record<string, unknown>
  problems: string[]
  warnings: string[]
}

export type ReadResult = { ok: true; features: PlanFeature[] } | { ok: false; problems: GateError[] }

const fileProblem = (message: string): ReadResult => ({ ok: false, problems: [{ path: '', message }] })

/** The property names a key may be under, normalised (see `normalise`). */
export const KEY_NAMES = ['code', 'sitecode', 'matram', 'routecode', 'matuyen', 'key', 'ma']
/** "Mã trạm" → "matram": lower case, no diacritics, letters and digits only. */
export const normalise = (name: string) =>
  name
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/đ/gi, 'd')
    .toLowerCase()
    .replace(/[^a-z0-9]/g, '')

/** The carrier's code of a feature, under any of the KEY_NAMES. */
export const keyOf = (props: Record<string, unknown>) => {
  for (const [k, v] of Object.entries(props)) {
    if (KEY_NAMES.includes(normalise(k)) && (typeof v === 'string' || typeof v === 'number')) return String(v).trim()
  }
  return undefined
}
const labelOf = (where: string, props: Record<string, unknown>) => {
  const key = keyOf(props)
  return key ? `${where} (${key})` : where
}

/** Runs one geometry through the gate (Vietnam's extent, 2D, centimetres) and rewinds polygons. */
export function gated(
  index: number,
  label: string,
  raw: unknown,
  properties: Record<string, unknown>,
  warnings: string[] = [],
): PlanFeature {
  const base = { index, label, properties, warnings }
  if (raw === null || raw === undefined) return { ...base, geometry: null, problems: [] }
  const result = gateGeometry(raw, { types: GEOMETRY_TYPES })
  if (!result.ok) {
    const problems = result.errors.map((e) => (e.path ? `${e.path}: ${e.message}` : e.message))
    return { ...base, geometry: null, problems }
  }
  const wound = rewind(result.geometry)
  return {
    ...base,
    geometry: wound.geometry,
    problems: [],
    warnings: [...warnings, ...result.warnings, ...(wound.rewound ? [REWOUND] : [])],
  }
}

/** Reads GeoJSON text: strict JSON, no duplicate members, RFC 7946 structure, each geometry through the gate. */
export function readGeoJson(text: string): ReadResult {
  const doc = readGeoJsonDocument(text)
  if (!doc.ok) return doc
  return {
    ok: true,
    features: doc.features.map((f) =>
      gated(f.index, labelOf(`feature ${f.index}`, f.properties), f.geometry, f.properties),
    ),
  }
}

const fromPlacemarks = (features: { geometry: unknown; properties: Record<string, unknown> }[]): ReadResult => ({
  ok: true,
  features: features.map((f, i) => gated(i, labelOf(`placemark ${i + 1}`, f.properties), f.geometry, f.properties)),
})

/** Coordinate column names, normalised: geographic (lon, lat) and VN-2000 plane (x, y in either order). */
const LON = ['lon', 'lng', 'long', 'longitude', 'kinhdo']
const LAT = ['lat', 'latitude', 'vido']
const PLANE_A = ['x', 'northing', 'toadox']
const PLANE_B = ['y', 'easting', 'toadoy']
const WKT = ['wkt', 'geometry']

const number = (cell: string | undefined) => {
  const raw = (cell ?? '').trim()
  // Vietnamese spreadsheets write a decimal comma: "106,7" is 106.7
  return /^-?\d+([.,]\d+)?$/.test(raw) ? Number(raw.replace(',', '.')) : undefined
}

/** Reads spreadsheet rows (a header row first) with lon/lat, VN-2000 x/y or WKT columns. */
export function readRows(rows: CsvRow[], what: string): ReadResult {
  const head = rows[0]
  if (!head) return fileProblem(`The ${what} is empty.`)
  const header = head.cells.map((h) => normalise(h))
  const at = (names: string[]) => header.findIndex((h) => names.includes(h))
  const [lon, lat, a, b, wkt] = [at(LON), at(LAT), at(PLANE_A), at(PLANE_B), at(WKT)]
  const geographic = lon >= 0 && lat >= 0
  const plane = a >= 0 && b >= 0
  if (!geographic && !plane && wkt < 0) {
    return fileProblem(`The ${what} header has no coordinates: give lon and lat, x and y (VN-2000), or wkt columns.`)
  }
  const used = new Set([lon, lat, a, b, wkt])
  const features = rows.slice(1).map(({ line, cells }, i): PlanFeature => {
    const properties: Record<string, unknown> = {}
    head.cells.forEach((h, c) => {
      const v = cells[c]?.trim()
      if (!used.has(c) && v) properties[h.trim()] = v
    })
    const label = labelOf(`row ${line}`, properties)
    const empty = { index: i, label, geometry: null, properties, warnings: [] }
    if (wkt >= 0 && cells[wkt]?.trim()) {
      const read = readWkt(cells[wkt]!)
      return read.ok ? gated(i, label, read.geometry, properties) : { ...empty, problems: [read.problem] }
    }
    const [x, y] = geographic ? [number(cells[lon]), number(cells[lat])] : [number(cells[a]), number(cells[b])]
    if (x === undefined || y === undefined) {
      return { ...empty, problems: ['the row has no readable coordinates (numbers with a decimal point or comma)'] }
    }
    if (kindOfPair(x, y) === 'projected') return { ...empty, problems: [], projected: [x, y] }
    return gated(i, label, { type: 'Point', coordinates: [x, y] }, properties)
  })
  return { ok: true, features }
}

/** Reads CSV (',' ';' or tab, BOM allowed). */
export function readCsvText(text: string): ReadResult {
  try {
    return readRows(parseCsv(text), 'CSV file')
  } catch (err) {
    if (err instanceof CsvError) return fileProblem(err.line ? `${err.message} (line ${err.line})` : err.message)
    throw err
  }
}

/** Reads a plan file of any format; binary formats arrive as base64. */
export async function readPlanFile(format: Format, content: string): Promise<ReadResult> {
  if (format === 'geojson') return readGeoJson(content)
  if (format === 'csv') return readCsvText(content)
  if (format === 'kml') {
    const read = readKmlText(content)
    return read.ok ? fromPlacemarks(read.features) : fileProblem(read.problem)
  }
  const bytes = Buffer.from(content, 'base64')
  if (bytes.length === 0) return fileProblem(`The ${format.toUpperCase()} content is empty; send the file as base64.`)
  if (format === 'kmz') {
    const read = readKmz(bytes)
    return read.ok ? fromPlacemarks(read.features) : fileProblem(read.problem)
  }
  if (format === 'xlsx') {
    const read = await readXlsx(bytes)
    return read.ok ? readRows(read.rows, 'worksheet') : fileProblem(read.problem)
  }
  const read = await readShapefileZip(bytes)
  if (!read.ok) return fileProblem(read.problem)
  return {
    ok: true,
    features: read.features.map((f, i) => gated(i, labelOf(`record ${i + 1}`, f.properties), f.geometry, f.properties)),
  }
}
