// Readers for the route import formats. Each answers the file's features in one shape — gated geometry,
// properties, and the problems or warnings the gate found — or the file-level problems that stop reading it.
// Pure and synchronous, so a large file can be read in a worker thread (./read-worker.ts).
import { readGeoJsonDocument } from '../../geo/geojson'
import { gateGeometry, GEOMETRY_TYPES, type GateError, type Geometry } from '../../geo/gate'
import { CsvError, parseCsv, type CsvRow } from '../../readers/csv'
import { readKmlText, readKmz } from '../../readers/kml'
import { readWkt } from '../../readers/wkt'

export const FORMATS = ['geojson', 'kml', 'kmz', 'csv'] as const
export type Format = (typeof FORMATS)[number]

/** One feature of an import file: where it is, its gated geometry (null: none or refused) and properties. */
export interface SourceFeature {
  index: number
  label: string
  geometry: Geometry | null
  properties: Record<string, unknown>
  /** Why the geometry was refused (empty when it passed or there was none). */
  problems: string[]
  warnings: string[]
}

export type ReadResult = { ok: true; features: SourceFeature[] } | { ok: false; problems: GateError[] }

const fileProblem = (message: string): ReadResult => ({ ok: false, problems: [{ path: '', message }] })

const labelOf = (index: number, props: Record<string, unknown>) => {
  const name = props.name ?? props.ten ?? props.id
  return typeof name === 'string' || typeof name === 'number' ? `feature ${index} (${name})` : `feature ${index}`
}

/**
 * A KML MultiGeometry arrives as a GeometryCollection; its lines are the route (a label point beside them is
 * dropped with a warning), so a collection of lines becomes a MultiLineString.
 */
function linesOfCollection(geometry: unknown, warnings: string[]): unknown {
  const g = geometry as { type?: unknown; geometries?: unknown }
  if (g?.type !== 'GeometryCollection' || !Array.isArray(g.geometries)) return geometry
  const members = g.geometries as { type?: unknown; coordinates?: unknown }[]
  const lines = members.flatMap((m) =>
    m?.type === 'LineString' ? [m.coordinates] : m?.type === 'MultiLineString' ? (m.coordinates as unknown[]) : [],
  )
  if (lines.length === 0) return geometry
  if (lines.length < members.length)
    warnings.push('the MultiGeometry also held points or polygons; only its lines were kept')
  return lines.length === 1
    ? { type: 'LineString', coordinates: lines[0] }
    : { type: 'MultiLineString', coordinates: lines }
}

function gated(
  index: number,
  label: string,
  raw: unknown,
  properties: Record<string, unknown>,
  kml = false,
): SourceFeature {
  const warnings: string[] = []
  if (raw === null || raw === undefined) return { index, label, geometry: null, properties, problems: [], warnings }
  const result = gateGeometry(kml ? linesOfCollection(raw, warnings) : raw, { types: GEOMETRY_TYPES })
  if (!result.ok) {
    const problems = result.errors.map((e) => (e.path ? `${e.path}: ${e.message}` : e.message))
    return { index, label, geometry: null, properties, problems, warnings }
  }
  return {
    index,
    label,
    geometry: result.geometry,
    properties,
    problems: [],
    warnings: [...warnings, ...result.warnings],
  }
}

/** Reads GeoJSON text: strict JSON, no duplicate members, RFC 7946 structure, each geometry through the gate. */
export function readGeoJson(text: string): ReadResult {
  const doc = readGeoJsonDocument(text)
  if (!doc.ok) return doc
  return {
    ok: true,
    features: doc.features.map((f) => gated(f.index, labelOf(f.index, f.properties), f.geometry, f.properties)),
  }
}

/** Reads KML text: each Placemark with its name and ExtendedData. */
export function readKml(text: string): ReadResult {
  const read = readKmlText(text)
  if (!read.ok) return fileProblem(read.problem)
  return {
    ok: true,
    features: read.features.map((f, i) => gated(i, labelOf(i, f.properties), f.geometry, f.properties, true)),
  }
}

/** Reads a KMZ archive sent as base64. */
export function readKmzBase64(content: string): ReadResult {
  const bytes = Buffer.from(content, 'base64')
  if (bytes.length === 0) return fileProblem('The KMZ content is empty; send the archive as base64.')
  const read = readKmz(bytes)
  if (!read.ok) return fileProblem(read.problem)
  return {
    ok: true,
    features: read.features.map((f, i) => gated(i, labelOf(i, f.properties), f.geometry, f.properties, true)),
  }
}

/** Reads CSV (',' ';' or tab, BOM allowed) with a header row and a `wkt` (or `geometry`) column. */
export function readCsv(text: string): ReadResult {
  let rows: CsvRow[]
  try {
    rows = parseCsv(text)
  } catch (err) {
    if (err instanceof CsvError) return fileProblem(err.line ? `${err.message} (line ${err.line})` : err.message)
    throw err
  }
  const header = rows[0]?.cells.map((h) => h.trim().toLowerCase())
  if (!header) return fileProblem('The CSV file is empty.')
  const wktAt = header.findIndex((h) => h === 'wkt' || h === 'geometry')
  if (wktAt < 0) return fileProblem('The CSV header has no "wkt" column.')
  return {
    ok: true,
    features: rows.slice(1).map(({ line, cells }, i) => {
      const properties: Record<string, unknown> = {}
      header.forEach((h, c) => {
        if (c !== wktAt && cells[c] !== undefined && cells[c]!.trim() !== '') properties[h] = cells[c]!.trim()
      })
      const label = `row ${line}${properties.name ? ` (${properties.name})` : ''}`
      const wkt = readWkt(cells[wktAt] ?? '')
      if (!wkt.ok) return { index: i, label, geometry: null, properties, problems: [wkt.problem], warnings: [] }
      return gated(i, label, wkt.geometry, properties)
    }),
  }
}

/** Reads a file of any import format. */
export function readRoutesFile(format: Format, content: string): ReadResult {
  if (format === 'geojson') return readGeoJson(content)
  if (format === 'kml') return readKml(content)
  if (format === 'kmz') return readKmzBase64(content)
  return readCsv(content)
}
