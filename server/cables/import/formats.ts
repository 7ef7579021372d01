// Readers for the three route import formats. Each answers the file's features in one shape, or the
// file-level problems that stop reading it.
import { duplicateMember, hint, type Hint } from './hint'

/** One feature of an import file: where it is, its geometry (GeoJSON) and its properties. */
export interface SourceFeature {
  index: number
  label: string
  geometry: { type: string; coordinates?: unknown; geometries?: unknown } | null
  properties: Record<string, unknown>
}

export type ReadResult = { ok: true; features: SourceFeature[] } | { ok: false; problems: Hint[] }

const labelOf = (index: number, props: Record<string, unknown>) => {
  const name = props.name ?? props.ten ?? props.id
  return typeof name === 'string' || typeof name === 'number' ? `feature ${index} (${name})` : `feature ${index}`
}

/** Reads GeoJSON text: strict JSON, no duplicate members, RFC 7946 structure. */
export function readGeoJson(text: string): ReadResult {
  let gj: unknown
  try {
    gj = JSON.parse(text)
  } catch (err) {
    return { ok: false, problems: [{ path: '', message: `The file is not valid JSON: ${(err as Error).message}` }] }
  }
  const duplicate = duplicateMember(text)
  const problems = hint(gj)
  if (duplicate !== undefined) problems.unshift({ path: '', message: `An object contained duplicate members, making parsing ambiguous: ${duplicate}` })
  if (problems.length > 0) return { ok: false, problems }
  const root = gj as { type: string; features?: unknown[]; properties?: unknown; geometry?: unknown }
  const raw = root.type === 'FeatureCollection' ? root.features! : root.type === 'Feature' ? [root] : [{ geometry: root, properties: {} }]
  return {
    ok: true,
    features: raw.map((f, index) => {
      const { geometry, properties } = f as { geometry: SourceFeature['geometry']; properties: Record<string, unknown> | null }
      const props = properties ?? {}
      return { index, label: labelOf(index, props), geometry, properties: props }
    }),
  }
}

const tag = (xml: string, name: string) => xml.match(new RegExp(`<${name}\\b[^>]*>([\\s\\S]*?)</${name}>`))?.[1]
const unescapeXml = (s: string) => s.replace(/<!\[CDATA\[([\s\S]*?)\]\]>/g, '$1').replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&apos;/g, "'").replace(/&amp;/g, '&').trim()

function kmlCoordinates(text: string): number[][] {
  return text.trim().split(/\s+/).filter(Boolean).map((t) => t.split(',').map(Number))
}

/** Reads KML: each Placemark with its name, ExtendedData and LineString(s); other geometries are kept as their type. */
export function readKml(text: string): ReadResult {
  if (!/<kml[\s>]/.test(text)) return { ok: false, problems: [{ path: '', message: 'The file is not KML: there is no <kml> element.' }] }
  const placemarks = [...text.matchAll(/<Placemark\b[^>]*>([\s\S]*?)<\/Placemark>/g)].map((m) => m[1]!)
  if (placemarks.length === 0) return { ok: false, problems: [{ path: '', message: 'The KML file has no Placemark.' }] }
  return {
    ok: true,
    features: placemarks.map((pm, index) => {
      const properties: Record<string, unknown> = {}
      const name = tag(pm, 'name')
      if (name !== undefined) properties.name = unescapeXml(name)
      for (const d of pm.matchAll(/<Data\b[^>]*name="([^"]+)"[^>]*>([\s\S]*?)<\/Data>/g)) properties[d[1]!] = unescapeXml(tag(d[2]!, 'value') ?? '')
      for (const d of pm.matchAll(/<SimpleData\b[^>]*name="([^"]+)"[^>]*>([\s\S]*?)<\/SimpleData>/g)) properties[d[1]!] = unescapeXml(d[2]!)
      const lines = [...pm.matchAll(/<LineString\b[^>]*>([\s\S]*?)<\/LineString>/g)].map((m) => kmlCoordinates(tag(m[1]!, 'coordinates') ?? ''))
      const other = pm.match(/<(Point|Polygon|MultiTrack|Track|Model)\b/)?.[1]
      let geometry: SourceFeature['geometry'] = null
      if (other) geometry = { type: other === 'Polygon' ? 'Polygon' : other === 'Point' ? 'Point' : other }
      else if (lines.length === 1) geometry = { type: 'LineString', coordinates: lines[0] }
      else if (lines.length > 1) geometry = { type: 'MultiLineString', coordinates: lines }
      return { index, label: labelOf(index, properties), geometry, properties }
    }),
  }
}

/** Splits RFC 4180 CSV into rows of fields (quoted fields may hold commas, quotes and newlines). */
export function parseCsv(text: string): string[][] {
  const rows: string[][] = []
  let row: string[] = []
  let field = ''
  let quoted = false
  const src = text.replace(/^\uFEFF/, '')
  for (let i = 0; i < src.length; i++) {
    const ch = src[i]!
    if (quoted) {
      if (ch === '"' && src[i + 1] === '"') (field += '"'), i++
      else if (ch === '"') quoted = false
      else field += ch
    } else if (ch === '"') quoted = true
    else if (ch === ',') row.push(field), (field = '')
    else if (ch === '\n' || ch === '\r') {
      if (ch === '\r' && src[i + 1] === '\n') i++
      row.push(field), rows.push(row), (row = []), (field = '')
    } else field += ch
  }
  if (field !== '' || row.length > 0) row.push(field), rows.push(row)
  return rows.filter((r) => r.some((f) => f.trim() !== ''))
}

/** Parses WKT LINESTRING / MULTILINESTRING; other types answer their name so the caller can say "not a route". */
export function parseWkt(wkt: string): { geometry: SourceFeature['geometry'] } | { error: string } {
  const m = wkt.trim().match(/^(?:SRID=(\d+);)?\s*([A-Za-z]+)\s*(Z|M|ZM)?\s*(\(.*\)|EMPTY)$/s)
  if (!m) return { error: 'the WKT cannot be read (expected e.g. LINESTRING(106.7 10.8, 106.71 10.8))' }
  if (m[1] && m[1] !== '4326') return { error: `the WKT is in SRID ${m[1]}; send longitude/latitude (SRID 4326)` }
  const type = m[2]!.toUpperCase()
  const names: Record<string, string> = { POINT: 'Point', MULTIPOINT: 'MultiPoint', POLYGON: 'Polygon', MULTIPOLYGON: 'MultiPolygon', GEOMETRYCOLLECTION: 'GeometryCollection', LINESTRING: 'LineString', MULTILINESTRING: 'MultiLineString' }
  if (!names[type]) return { error: `the WKT type ${m[2]} is unknown` }
  if (type !== 'LINESTRING' && type !== 'MULTILINESTRING') return { geometry: { type: names[type]! } }
  if (m[4] === 'EMPTY') return { error: 'the line is EMPTY' }
  const line = (s: string) => s.split(',').map((p) => p.trim().split(/\s+/).map(Number))
  const body = m[4]!.slice(1, -1)
  const coordinates = type === 'LINESTRING' ? line(body) : [...body.matchAll(/\(([^()]*)\)/g)].map((x) => line(x[1]!))
  const flat = (type === 'LINESTRING' ? [coordinates] : coordinates) as number[][][]
  if (flat.some((l) => l.some((p) => p.length < 2 || p.some((n) => !Number.isFinite(n))))) return { error: 'a position in the WKT is not two or more numbers' }
  return { geometry: { type: names[type]!, coordinates } }
}

/** Reads CSV with a header row and a `wkt` (or `geometry`) column holding each route's line. */
export function readCsv(text: string): ReadResult {
  const rows = parseCsv(text)
  const header = rows[0]?.map((h) => h.trim().toLowerCase())
  if (!header) return { ok: false, problems: [{ path: '', message: 'The CSV file is empty.' }] }
  const wktAt = header.findIndex((h) => h === 'wkt' || h === 'geometry')
  if (wktAt < 0) return { ok: false, problems: [{ path: '', message: 'The CSV header has no "wkt" column.' }] }
  return {
    ok: true,
    features: rows.slice(1).map((cells, i) => {
      const properties: Record<string, unknown> = {}
      header.forEach((h, c) => {
        if (c !== wktAt && cells[c] !== undefined && cells[c]!.trim() !== '') properties[h] = cells[c]!.trim()
      })
      const parsed = parseWkt(cells[wktAt] ?? '')
      if ('error' in parsed) properties.__wktError = parsed.error
      return { index: i, label: `row ${i + 2}${properties.name ? ` (${properties.name})` : ''}`, geometry: 'error' in parsed ? null : parsed.geometry, properties }
    }),
  }
}
