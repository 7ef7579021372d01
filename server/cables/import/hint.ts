// RFC 7946 structure checks with geojsonhint's messages, so a rejected file names its problem the way
// the reference linter does. Warnings (winding order, over-long positions) are not errors here.

/** One structural problem, at a JSON path like `features.0.geometry`. */
export interface Hint {
  path: string
  message: string
}

const GEOMETRY_TYPES = ['Point', 'MultiPoint', 'LineString', 'MultiLineString', 'Polygon', 'MultiPolygon', 'GeometryCollection']
const TYPES = ['Feature', 'FeatureCollection', ...GEOMETRY_TYPES]
const FORBIDDEN: Record<string, string[]> = {
  FeatureCollection: ['properties', 'coordinates', 'geometry', 'geometries'],
  Feature: ['features', 'coordinates', 'geometries'],
  geometry: ['properties', 'geometry', 'features'],
}

const kindOf = (v: unknown) => (v === null ? 'null' : Array.isArray(v) ? 'an Array' : typeof v === 'object' ? 'an object' : `a ${typeof v}`)
const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v)

/** The first object member that appears twice (JSON.parse keeps the last one silently). */
export function duplicateMember(text: string): string | undefined {
  const frames: { keys: Set<string>; expectKey: boolean }[] = []
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]
    if (ch === '"') {
      let j = i + 1
      while (j < text.length && text[j] !== '"') j += text[j] === '\\' ? 2 : 1
      const top = frames[frames.length - 1]
      if (top?.expectKey) {
        const key = JSON.parse(text.slice(i, j + 1)) as string
        if (top.keys.has(key)) return key
        top.keys.add(key)
        top.expectKey = false
      }
      i = j
    } else if (ch === '{') frames.push({ keys: new Set(), expectKey: true })
    else if (ch === '[') frames.push({ keys: new Set(), expectKey: false })
    else if (ch === '}' || ch === ']') frames.pop()
    else if (ch === ',') {
      const top = frames[frames.length - 1]
      if (top && top.keys.size > 0) top.expectKey = true
    }
  }
  return undefined
}

function bbox(v: Record<string, unknown>, path: string, out: Hint[]): void {
  if (!('bbox' in v)) return
  const b = v.bbox
  if (!Array.isArray(b)) out.push({ path: `${path}bbox`, message: `bbox member must be an array of numbers, but is ${kindOf(b)}` })
  else if (b.some((n) => typeof n !== 'number')) out.push({ path: `${path}bbox`, message: 'each element in a bbox member must be a number' })
  else if (b.length !== 4 && b.length !== 6) out.push({ path: `${path}bbox`, message: 'bbox must contain 4 elements (for 2D) or 6 elements (for 3D)' })
}

function position(p: unknown, path: string, out: Hint[]): boolean {
  if (!Array.isArray(p)) {
    out.push({ path, message: `position should be an array, is ${kindOf(p)} instead` })
    return false
  }
  if (p.length < 2) out.push({ path, message: 'position must have 2 or more elements' })
  else if (p.some((n) => typeof n !== 'number' || !Number.isFinite(n))) out.push({ path, message: 'each element in a position must be a number' })
  else return true
  return false
}

/** Checks nested coordinate arrays of the given depth (0 = one position). */
function coords(c: unknown, depth: number, path: string, out: Hint[], shape: (arr: unknown[], path: string) => void, pointsOnly = false): void {
  if (depth === 0) {
    position(c, path, out)
    return
  }
  if (!Array.isArray(c)) {
    out.push({ path, message: 'a number was found where a coordinate array should have been found: this needs to be nested more deeply' })
    return
  }
  // a MultiPoint's members are positions themselves; deeper arrays holding a number are nested too shallowly
  if (c.some((x) => typeof x === 'number') && !pointsOnly) {
    out.push({ path, message: 'a number was found where a coordinate array should have been found: this needs to be nested more deeply' })
    return
  }
  c.forEach((x, i) => coords(x, depth - 1, `${path}.${i}`, out, shape, pointsOnly))
  shape(c, path)
}

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b)

function geometry(g: unknown, path: string, out: Hint[], nested = false): void {
  if (!isObject(g)) {
    out.push({ path, message: 'The geometries array in a GeometryCollection must contain only geometry objects' })
    return
  }
  if (!checkType(g, path, out, GEOMETRY_TYPES)) return
  for (const m of FORBIDDEN.geometry!) if (m in g) out.push({ path, message: `geometry object cannot contain a "${m}" member` })
  bbox(g, path ? `${path}.` : '', out)
  if (g.type === 'GeometryCollection') {
    if (!Array.isArray(g.geometries)) return void out.push({ path, message: '"geometries" member required' })
    if (nested) out.push({ path, message: 'GeometryCollection should avoid nested geometry collections' })
    if (g.geometries.length === 1) out.push({ path, message: 'GeometryCollection with a single geometry should be avoided in favor of single part or a single object of multi-part type' })
    g.geometries.forEach((x, i) => geometry(x, `${path}${path ? '.' : ''}geometries.${i}`, out, true))
    return
  }
  if (!('coordinates' in g)) return void out.push({ path, message: '"coordinates" member required' })
  const at = `${path}${path ? '.' : ''}coordinates`
  const line = (arr: unknown[], p: string) => {
    if (arr.length < 2) out.push({ path: p, message: 'a line needs to have two or more coordinates to be valid' })
  }
  const ring = (arr: unknown[], p: string) => {
    if (arr.length < 4) out.push({ path: p, message: 'a LinearRing of coordinates needs to have four or more positions' })
    if (!same(arr[0], arr[arr.length - 1])) out.push({ path: p, message: 'the first and last positions in a LinearRing of coordinates must be the same' })
  }
  const none = () => undefined
  const plan: Record<string, [number, (arr: unknown[], p: string) => void, number]> = {
    Point: [0, none, 0], MultiPoint: [1, none, 0], LineString: [1, line, 1], MultiLineString: [2, line, 1], Polygon: [2, ring, 1], MultiPolygon: [3, ring, 1],
  }
  const [depth, shape, shapeDepth] = plan[g.type as string]!
  // the shape check applies to arrays `shapeDepth` levels above the positions
  coords(g.coordinates, depth, at, out, (arr, p) => {
    if (depthOf(arr) === shapeDepth) shape(arr, p)
  }, g.type === 'MultiPoint')
}

function depthOf(arr: unknown): number {
  let d = 0
  for (let x: unknown = arr; Array.isArray(x); x = x[0]) d++
  return d - 1
}

function checkType(v: Record<string, unknown>, path: string, out: Hint[], allowed: string[]): boolean {
  if (!('type' in v)) return void out.push({ path, message: '"type" member required' }), false
  if (typeof v.type !== 'string') return void out.push({ path, message: `"type" member should be string, but is ${kindOf(v.type)} instead` }), false
  const type = v.type
  const exact = allowed.find((t) => t.toLowerCase() === type.toLowerCase())
  if (exact && exact !== type) return void out.push({ path, message: `Expected ${exact} but got ${type} (case sensitive)` }), false
  if (!exact) return void out.push({ path, message: allowed === GEOMETRY_TYPES && TYPES.includes(type) ? `${type} is not a geometry type` : `The type ${type} is unknown` }), false
  return true
}

function feature(f: unknown, path: string, out: Hint[]): void {
  if (!isObject(f)) return void out.push({ path, message: 'Every feature must be an object' })
  if (f.type !== 'Feature') return void out.push({ path, message: 'GeoJSON features must have a type=feature member' })
  for (const m of FORBIDDEN.Feature!) if (m in f) out.push({ path, message: `Feature object cannot contain a "${m}" member` })
  bbox(f, `${path}.`, out)
  if ('id' in f && typeof f.id !== 'string' && typeof f.id !== 'number') out.push({ path: `${path}.id`, message: 'Feature "id" member must have a string or number value' })
  if (!('properties' in f)) out.push({ path, message: '"properties" member required' })
  else if (f.properties !== null && !isObject(f.properties)) out.push({ path: `${path}.properties`, message: `"properties" member should be object, but is ${kindOf(f.properties).replace(/^an? /, 'an ')} instead` })
  if (!('geometry' in f)) out.push({ path, message: '"geometry" member required' })
  else if (f.geometry !== null) geometry(f.geometry, `${path}.geometry`, out)
}

/** Every structural problem of a parsed GeoJSON object (empty when it is well-formed). */
export function hint(gj: unknown): Hint[] {
  const out: Hint[] = []
  if (!isObject(gj)) return [{ path: '', message: 'The root of a GeoJSON object must be an object.' }]
  if (!checkType(gj, '', out, TYPES)) return out
  if (gj.type === 'FeatureCollection') {
    for (const m of FORBIDDEN.FeatureCollection!) if (m in gj) out.push({ path: '', message: `FeatureCollection object cannot contain a "${m}" member` })
    bbox(gj, '', out)
    if (!('features' in gj)) out.push({ path: '', message: '"features" member required' })
    else if (!Array.isArray(gj.features)) out.push({ path: 'features', message: `"features" member should be an array, but is ${kindOf(gj.features)} instead` })
    else gj.features.forEach((f, i) => feature(f, `features.${i}`, out))
  } else if (gj.type === 'Feature') feature(gj, '', out)
  else geometry(gj, '', out)
  return out.map((h) => ({ path: h.path.replace(/^\./, ''), message: h.message }))
}
