// The one gate every incoming geometry passes, whatever route or file it comes from. Pure: it checks the
// RFC 7946 structure and the numbers and answers a cleaned copy (2D, rounded to the centimetre); validity
// and "inside the province" need PostGIS and follow in ./service.ts.
import { describeExtent, inExtent, VIETNAM_EXTENT, type Extent } from './extent'

export const GEOMETRY_TYPES = [
  'Point',
  'MultiPoint',
  'LineString',
  'MultiLineString',
  'Polygon',
  'MultiPolygon',
  'GeometryCollection',
] as const
export type GeometryType = (typeof GEOMETRY_TYPES)[number]
export type Position = [number, number]

/** A GeoJSON geometry as the gate answers it: 2D positions, centimetre precision. */
export type Geometry =
  | { type: 'Point'; coordinates: Position }
  | { type: 'MultiPoint' | 'LineString'; coordinates: Position[] }
  | { type: 'MultiLineString' | 'Polygon'; coordinates: Position[][] }
  | { type: 'MultiPolygon'; coordinates: Position[][][] }
  | { type: 'GeometryCollection'; geometries: Geometry[] }
export type GeometryOf<T extends GeometryType> = Extract<Geometry, { type: T }>

/** Where in the input a problem is (dot path, '' for the geometry itself) and what it is. */
export interface GateError {
  path: string
  message: string
}

export type GateResult<T extends GeometryType = GeometryType> =
  | { ok: true; geometry: GeometryOf<T>; warnings: string[] }
  | { ok: false; errors: GateError[] }

export interface GateOptions<T extends GeometryType = GeometryType> {
  /** The geometry types the caller takes. */
  types: readonly T[]
  /** The box every position must lie in: Vietnam unless the caller says otherwise (null: anywhere). */
  extent?: Extent | null
  /** Most positions one geometry may have. */
  maxVertices?: number
}

/** Enough for a ward boundary drawn at survey detail; a cable route has a few hundred at most. */
export const MAX_VERTICES = 200_000
/** 7 decimals of a degree are about 1 cm on the ground (RFC 7946 §11.2 says 6 are ~10 cm). */
export const DECIMALS = 7
const SCALE = 10 ** DECIMALS
// Past this many, more messages only make the answer longer: the first ones say what is wrong.
const MAX_ERRORS = 20

/** How deep the positions lie below `coordinates` for each type. */
const DEPTH: Record<Exclude<GeometryType, 'GeometryCollection'>, number> = {
  Point: 0,
  MultiPoint: 1,
  LineString: 1,
  MultiLineString: 2,
  Polygon: 2,
  MultiPolygon: 3,
}
const SHALLOW =
  'a number was found where a coordinate array should have been found: this needs to be nested more deeply'
const FORBIDDEN_MEMBERS = ['properties', 'geometry', 'features'] as const

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v)
const kindOf = (v: unknown) =>
  v === null ? 'null' : Array.isArray(v) ? 'an array' : typeof v === 'object' ? 'an object' : `a ${typeof v}`
const join = (path: string, key: string | number) => (path === '' ? String(key) : `${path}.${key}`)
const round = (n: number) => Math.round(n * SCALE) / SCALE

/** The position lists of a geometry's coordinates, whatever its type. */
function linesOf(type: Exclude<GeometryType, 'GeometryCollection' | 'Point'>, c: unknown): Position[][] {
  if (type === 'MultiPoint' || type === 'LineString') return [c as Position[]]
  return type === 'MultiPolygon' ? (c as Position[][][]).flat() : (c as Position[][])
}

/** One pass over one geometry: collects errors and warnings and builds the cleaned copy. */
class Gate {
  readonly errors: GateError[] = []
  private readonly warned = new Set<string>()
  readonly warnings: string[] = []
  private vertices = 0
  private outsideReported = false

  constructor(
    private readonly extent: Extent | null,
    private readonly maxVertices: number,
  ) {}

  full(): boolean {
    return this.errors.length >= MAX_ERRORS || this.vertices > this.maxVertices
  }

  error(path: string, message: string): void {
    if (this.errors.length < MAX_ERRORS) this.errors.push({ path, message })
  }

  warn(message: string): void {
    if (this.warned.has(message)) return
    this.warned.add(message)
    this.warnings.push(message)
  }

  geometry(g: unknown, path: string, types: readonly GeometryType[], inCollection: boolean): Geometry | undefined {
    if (!isObject(g)) return void this.error(path, `a geometry must be an object, not ${kindOf(g)}`)
    const type = g.type
    if (typeof type !== 'string')
      return void this.error(
        path,
        typeof type === 'undefined'
          ? '"type" member required'
          : `"type" member should be string, but is ${kindOf(type)} instead`,
      )
    const known = GEOMETRY_TYPES.find((t) => t.toLowerCase() === type.toLowerCase())
    if (!known) return void this.error(join(path, 'type'), `The type ${type} is unknown`)
    if (known !== type) return void this.error(join(path, 'type'), `Expected ${known} but got ${type} (case sensitive)`)
    if (!types.includes(known)) {
      return void this.error(join(path, 'type'), `a ${known} is not accepted here (expected ${types.join(' or ')})`)
    }
    for (const m of FORBIDDEN_MEMBERS) if (m in g) this.error(path, `geometry object cannot contain a "${m}" member`)
    if ('bbox' in g) this.bbox(g.bbox, join(path, 'bbox'))
    if (known === 'GeometryCollection') return this.collection(g, path, types, inCollection)
    if (!('coordinates' in g)) return void this.error(path, '"coordinates" member required')
    const at = join(path, 'coordinates')
    const coordinates = this.nested(g.coordinates, DEPTH[known], at, known)
    if (coordinates === undefined) return undefined
    if (known !== 'Point') this.span(linesOf(known, coordinates), at)
    return { type: known, coordinates } as Geometry
  }

  private collection(g: Record<string, unknown>, path: string, types: readonly GeometryType[], inCollection: boolean) {
    // one level only: deeper nesting has no meaning we store and is how a small body becomes a deep recursion
    if (inCollection) return void this.error(path, 'GeometryCollection should avoid nested geometry collections')
    const members = g.geometries
    if (!Array.isArray(members)) return void this.error(path, '"geometries" member required (an array)')
    if (members.length === 0) return void this.error(join(path, 'geometries'), 'the GeometryCollection is empty')
    if (members.length === 1) {
      this.error(
        path,
        'GeometryCollection with a single geometry should be avoided in favor of single part or a single object of ' +
          'multi-part type',
      )
    }
    const geometries: Geometry[] = []
    for (const [i, m] of members.entries()) {
      if (this.full()) break
      const member = this.geometry(m, join(join(path, 'geometries'), i), types, true)
      if (member) geometries.push(member)
    }
    return geometries.length === members.length ? ({ type: 'GeometryCollection', geometries } as Geometry) : undefined
  }

  private bbox(b: unknown, path: string): void {
    if (!Array.isArray(b)) {
      this.error(path, `bbox member must be an array of numbers, but is ${kindOf(b)}`)
      return
    }
    if (b.some((n) => typeof n !== 'number' || !Number.isFinite(n))) {
      this.error(path, 'each element in a bbox member must be a number')
      return
    }
    if (b.length !== 4 && b.length !== 6)
      this.error(path, 'bbox must contain 4 elements (for 2D) or 6 elements (for 3D)')
  }

  /** Reads arrays `depth` levels deep down to positions, checking each level's shape. */
  private nested(c: unknown, depth: number, path: string, type: GeometryType): unknown {
    if (depth === 0) return this.position(c, path, undefined)
    if (!Array.isArray(c))
      return void this.error(path, `${kindOf(c)} was found where a coordinate array should have been found`)
    if (c.some((x) => typeof x === 'number')) {
      const flat = depth === 1 && (type === 'MultiPoint' || type === 'LineString')
      return void this.error(path, flat ? 'position should be an array, is a number instead' : SHALLOW)
    }
    if (c.length === 0) return void this.error(path, `an empty ${depth === 1 ? 'list of positions' : 'part'}`)
    const out: unknown[] = new Array(c.length)
    for (let i = 0; i < c.length; i++) {
      if (this.full()) return undefined
      // a position's path is only spelled out when it has a problem: a large import has millions of them
      const v = depth === 1 ? this.position(c[i], path, i) : this.nested(c[i], depth - 1, join(path, i), type)
      if (v === undefined) return undefined
      out[i] = v
    }
    if (depth === 1) this.shape(out as Position[], c as number[][], path, type)
    return out
  }

  /** Checks a list of positions; a ring's closure is judged on the raw positions (Z included), as RFC 7946 says. */
  private shape(positions: Position[], raw: number[][], path: string, type: GeometryType): void {
    if ((type === 'LineString' || type === 'MultiLineString') && positions.length < 2) {
      this.error(path, 'a line needs to have two or more coordinates to be valid')
    }
    if (type === 'Polygon' || type === 'MultiPolygon') {
      if (positions.length < 4) this.error(path, 'a LinearRing of coordinates needs to have four or more positions')
      const [first, last] = [raw[0]!, raw[raw.length - 1]!]
      if (first.length !== last.length || first.some((n, i) => n !== last[i]))
        this.error(path, 'the first and last positions in a LinearRing of coordinates must be the same')
    }
  }

  private position(p: unknown, parent: string, index: number | undefined): Position | undefined {
    this.vertices++
    const at = () => (index === undefined ? parent : join(parent, index))
    if (this.vertices > this.maxVertices) {
      return void this.errors.push({ path: at(), message: `the geometry has more than ${this.maxVertices} positions` })
    }
    if (!Array.isArray(p)) return void this.error(at(), `position should be an array, is ${kindOf(p)} instead`)
    if (p.length < 2) return void this.error(at(), 'position must have 2 or more elements')
    if (p.some((n) => typeof n !== 'number' || !Number.isFinite(n))) {
      return void this.error(at(), 'each element in a position must be a number (finite)')
    }
    if (p.length > 2) this.warn('heights (Z) and measures were dropped: positions are stored in 2D')
    const [lon, lat] = p as number[]
    if (Math.abs(lon!) > 180 || Math.abs(lat!) > 90) {
      const hint = Math.abs(lon!) <= 90 && Math.abs(lat!) <= 180 ? '; it looks like latitude, longitude' : ''
      return void this.error(at(), `position [${lon}, ${lat}] is outside longitude −180…180 / latitude −90…90${hint}`)
    }
    if (this.extent && !inExtent(this.extent, lon!, lat!)) this.outside(lon!, lat!, at())
    const rounded: Position = [round(lon!), round(lat!)]
    if (rounded[0] !== lon || rounded[1] !== lat) {
      this.warn(`coordinates were rounded to ${DECIMALS} decimals (about 1 cm)`)
    }
    return rounded
  }

  private outside(lon: number, lat: number, path: string): void {
    if (this.outsideReported || !this.extent) return
    this.outsideReported = true
    const where = `position [${lon}, ${lat}] is outside Vietnam (${describeExtent(this.extent)})`
    const swapped = inExtent(this.extent, lat, lon)
    this.error(
      path,
      swapped ? `${where}; it looks like latitude, longitude — positions are longitude, latitude` : where,
    )
  }

  /** An edge spanning more than half the globe crosses the antimeridian, which no Vietnamese record does. */
  private span(lines: Position[][], path: string): void {
    // a geometry already cut at 180° (RFC 7946 §3.1.9) has no such edge; the extent check refuses it instead
    const jumps = lines.some((line) => line.some((p, i) => i > 0 && Math.abs(p[0] - line[i - 1]![0]) > 180))
    if (jumps) this.error(path, 'the geometry crosses the antimeridian (180°); it is refused')
  }
}

/**
 * Checks one geometry against RFC 7946 and the caller's types, bounds and extent; answers it in 2D rounded
 * to the centimetre, with warnings for what was dropped or rounded, or every problem found (up to 20).
 */
export function gateGeometry<T extends GeometryType>(input: unknown, options: GateOptions<T>): GateResult<T> {
  const gate = new Gate(
    options.extent === undefined ? VIETNAM_EXTENT : options.extent,
    options.maxVertices ?? MAX_VERTICES,
  )
  const geometry = gate.geometry(input, '', options.types, false)
  if (gate.errors.length > 0 || !geometry) {
    return { ok: false, errors: gate.errors.length > 0 ? gate.errors : [{ path: '', message: 'not a geometry' }] }
  }
  return { ok: true, geometry: geometry as GeometryOf<T>, warnings: gate.warnings }
}
