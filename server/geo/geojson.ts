// The one GeoJSON document reader: strict JSON, RFC 7946 Feature / FeatureCollection structure. Each
// feature's geometry is left for the gate (./gate.ts), which the importer runs with the types it takes.
import type { GateError } from './gate'

/** One feature of a document: its place in the file, raw geometry (null allowed) and properties. */
export interface DocumentFeature {
  index: number
  geometry: unknown
  properties: Record<string, unknown>
}

export type DocumentResult = { ok: true; features: DocumentFeature[] } | { ok: false; problems: GateError[] }

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v)
const kindOf = (v: unknown) =>
  v === null ? 'null' : Array.isArray(v) ? 'an array' : typeof v === 'object' ? 'an object' : `a ${typeof v}`
const GEOMETRY = [
  'Point',
  'MultiPoint',
  'LineString',
  'MultiLineString',
  'Polygon',
  'MultiPolygon',
  'GeometryCollection',
]

/** Deeper than any GeoJSON needs (a MultiPolygon's positions lie 6 levels down in a FeatureCollection). */
export const MAX_JSON_DEPTH = 32

/**
 * One linear pass before JSON.parse: the first object member that appears twice (JSON.parse keeps the last
 * one silently), or nesting deeper than MAX_JSON_DEPTH, which is refused before any parser walks it.
 */
export function scanJson(text: string): { duplicate?: string; tooDeep?: boolean } {
  const frames: ({ keys: Set<string>; expectKey: boolean } | null)[] = []
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]
    if (ch === '"') {
      let j = i + 1
      while (j < text.length && text[j] !== '"') j += text[j] === '\\' ? 2 : 1
      const top = frames[frames.length - 1]
      if (top?.expectKey) {
        const key = JSON.parse(text.slice(i, j + 1)) as string
        if (top.keys.has(key)) return { duplicate: key }
        top.keys.add(key)
        top.expectKey = false
      }
      i = j
    } else if (ch === '{' || ch === '[') {
      frames.push(ch === '{' ? { keys: new Set(), expectKey: true } : null)
      if (frames.length > MAX_JSON_DEPTH) return { tooDeep: true }
    } else if (ch === '}' || ch === ']') frames.pop()
    else if (ch === ',') {
      const top = frames[frames.length - 1]
      if (top && top.keys.size > 0) top.expectKey = true
    }
  }
  return {}
}

function bboxProblem(v: Record<string, unknown>, path: string, out: GateError[]): void {
  if (!('bbox' in v)) return
  const b = v.bbox
  const at = path ? `${path}.bbox` : 'bbox'
  if (!Array.isArray(b)) out.push({ path: at, message: `bbox member must be an array of numbers, but is ${kindOf(b)}` })
  else if (b.some((n) => typeof n !== 'number'))
    out.push({ path: at, message: 'each element in a bbox member must be a number' })
  else if (b.length !== 4 && b.length !== 6) {
    out.push({ path: at, message: 'bbox must contain 4 elements (for 2D) or 6 elements (for 3D)' })
  }
}

function typeProblem(v: Record<string, unknown>, path: string, expected: string): string | undefined {
  if (!('type' in v)) return '"type" member required'
  if (typeof v.type !== 'string') return `"type" member should be string, but is ${kindOf(v.type)} instead`
  if (v.type !== expected && v.type.toLowerCase() === expected.toLowerCase()) {
    return `Expected ${expected} but got ${v.type} (case sensitive)`
  }
  return v.type === expected ? undefined : `GeoJSON features must have a type=feature member (${path || 'root'})`
}

/** The path of a member of the object at `path` ('' is the document's root). */
const member = (path: string, name: string) => (path ? `${path}.${name}` : name)

function feature(f: unknown, index: number, path: string, out: GateError[]): DocumentFeature | undefined {
  if (!isObject(f)) return void out.push({ path, message: 'Every feature must be an object' })
  const wrongType = typeProblem(f, path, 'Feature')
  if (wrongType) return void out.push({ path, message: wrongType })
  for (const m of ['features', 'coordinates', 'geometries']) {
    if (m in f) out.push({ path, message: `Feature object cannot contain a "${m}" member` })
  }
  bboxProblem(f, path, out)
  if ('id' in f && typeof f.id !== 'string' && typeof f.id !== 'number') {
    out.push({ path: member(path, 'id'), message: 'Feature "id" member must have a string or number value' })
  }
  if (!('properties' in f)) out.push({ path, message: '"properties" member required' })
  else if (f.properties !== null && !isObject(f.properties)) {
    out.push({
      path: member(path, 'properties'),
      message: `"properties" member should be object, but is ${kindOf(f.properties)}`,
    })
  }
  if (!('geometry' in f)) return void out.push({ path, message: '"geometry" member required' })
  const properties = isObject(f.properties) ? f.properties : {}
  return { index, geometry: f.geometry, properties }
}

function rootTypeProblem(type: unknown): string {
  if (type === undefined) return '"type" member required'
  if (typeof type !== 'string') return `"type" member should be string, but is ${kindOf(type)} instead`
  const known = ['Feature', 'FeatureCollection', ...GEOMETRY].find((t) => t.toLowerCase() === type.toLowerCase())
  return known ? `Expected ${known} but got ${type} (case sensitive)` : `The type ${type} is unknown`
}

/** Reads a GeoJSON text into its features; a bare geometry is one feature without properties. */
export function readGeoJsonDocument(text: string): DocumentResult {
  const { duplicate, tooDeep } = scanJson(text)
  if (tooDeep)
    return { ok: false, problems: [{ path: '', message: `The JSON is nested more than ${MAX_JSON_DEPTH} deep.` }] }
  let gj: unknown
  try {
    gj = JSON.parse(text)
  } catch (err) {
    return { ok: false, problems: [{ path: '', message: `The file is not valid JSON: ${(err as Error).message}` }] }
  }
  const out: GateError[] = []
  if (duplicate !== undefined) {
    out.push({ path: '', message: `An object contained duplicate members, making parsing ambiguous: ${duplicate}` })
  }
  if (!isObject(gj))
    return { ok: false, problems: [{ path: '', message: 'The root of a GeoJSON object must be an object.' }] }
  const features: DocumentFeature[] = []
  if (gj.type === 'FeatureCollection') {
    for (const m of ['properties', 'coordinates', 'geometry', 'geometries']) {
      if (m in gj) out.push({ path: '', message: `FeatureCollection object cannot contain a "${m}" member` })
    }
    bboxProblem(gj, '', out)
    if (!('features' in gj)) out.push({ path: '', message: '"features" member required' })
    else if (!Array.isArray(gj.features)) {
      out.push({ path: 'features', message: `"features" member should be an array, but is ${kindOf(gj.features)}` })
    } else {
      for (const [i, f] of gj.features.entries()) {
        const read = feature(f, i, `features.${i}`, out)
        if (read) features.push(read)
      }
    }
  } else if (gj.type === 'Feature') {
    const read = feature(gj, 0, '', out)
    if (read) features.push(read)
  } else if (typeof gj.type === 'string' && GEOMETRY.includes(gj.type))
    features.push({ index: 0, geometry: gj, properties: {} })
  else out.push({ path: 'type', message: rootTypeProblem(gj.type) })
  return out.length > 0 ? { ok: false, problems: out } : { ok: true, features }
}
