// A Mapbox Vector Tile (spec 2.1) encoder for rows that PostGIS already clipped and quantized in portable SQL
// (PORTABLE_MVT_GEOM in sql.ts, the steps of ST_AsMVTGeom): used on the embedded database, whose PostGIS has
// neither ST_AsMVT nor a working ST_AsMVTGeom.
import { PbfWriter as Pbf } from 'pbf'

/** Geometry in tile coordinates, as ST_AsGeoJSON prints a clipped and quantized geometry. */
export interface TileGeometry {
  type: string
  coordinates: unknown
}

/** One feature: its id, its properties (null ones are left out, as ST_AsMVT does) and geometry. */
export interface TileFeature {
  id: number
  properties: Record<string, unknown>
  geometry: TileGeometry
}

const zigzag = (n: number) => (n << 1) ^ (n >> 31)
const command = (id: number, count: number) => (id & 0x7) | (count << 3)

/** MVT geometry type and parts (points, lines, or rings) of a GeoJSON geometry. */
function parts(g: TileGeometry): { type: 1 | 2 | 3; parts: number[][][] } {
  const c = g.coordinates as never
  switch (g.type) {
    case 'Point':
      return { type: 1, parts: [[c]] }
    case 'MultiPoint':
      return { type: 1, parts: [c] }
    case 'LineString':
      return { type: 2, parts: [c] }
    case 'MultiLineString':
      return { type: 2, parts: c }
    case 'Polygon':
      return { type: 3, parts: c }
    case 'MultiPolygon':
      return { type: 3, parts: (c as number[][][][]).flat() }
    default:
      throw new Error(`A tile cannot hold a ${g.type}`)
  }
}

function geometryCommands(type: 1 | 2 | 3, list: number[][][]): number[] {
  const out: number[] = []
  let x = 0
  let y = 0
  const moveTo = (p: number[]) => {
    out.push(zigzag(p[0]! - x), zigzag(p[1]! - y))
    x = p[0]!
    y = p[1]!
  }
  if (type === 1) {
    const points = list.flat()
    out.push(command(1, points.length))
    points.forEach(moveTo)
    return out
  }
  for (const part of list) {
    // a ring's closing position is implied by ClosePath
    const pts = type === 3 ? part.slice(0, -1) : part
    out.push(command(1, 1))
    moveTo(pts[0]!)
    out.push(command(2, pts.length - 1))
    pts.slice(1).forEach(moveTo)
    if (type === 3) out.push(command(7, 1))
  }
  return out
}

function writeValue(value: unknown, pbf: Pbf): void {
  if (typeof value === 'string') pbf.writeStringField(1, value)
  else if (typeof value === 'boolean') pbf.writeBooleanField(7, value)
  else if (typeof value === 'number' && Number.isInteger(value)) {
    if (value >= 0) pbf.writeVarintField(5, value)
    else pbf.writeSVarintField(6, value)
  } else pbf.writeDoubleField(3, Number(value))
}

/** Encodes one layer into an MVT buffer (empty buffer when there are no features). */
export function encodeTile(layerName: string, extent: number, features: TileFeature[]): Uint8Array {
  if (features.length === 0) return new Uint8Array(0)
  const keys: string[] = []
  const keyIndex = new Map<string, number>()
  const values: unknown[] = []
  const valueIndex = new Map<string, number>()
  const encoded = features.map((f) => {
    const tags: number[] = []
    for (const [k, v] of Object.entries(f.properties)) {
      if (v === null || v === undefined) continue
      if (!keyIndex.has(k)) keyIndex.set(k, keys.push(k) - 1)
      const vk = `${typeof v}:${String(v)}`
      if (!valueIndex.has(vk)) valueIndex.set(vk, values.push(v) - 1)
      tags.push(keyIndex.get(k)!, valueIndex.get(vk)!)
    }
    const { type, parts: list } = parts(f.geometry)
    return { id: f.id, tags, type, geometry: geometryCommands(type, list) }
  })
  const pbf = new Pbf()
  pbf.writeMessage(
    3,
    (_: unknown, layer: Pbf) => {
      layer.writeVarintField(15, 2)
      layer.writeStringField(1, layerName)
      for (const f of encoded) {
        layer.writeMessage(
          2,
          (__: unknown, out: Pbf) => {
            out.writeVarintField(1, f.id)
            out.writePackedVarint(2, f.tags)
            out.writeVarintField(3, f.type)
            out.writePackedVarint(4, f.geometry)
          },
          null,
        )
      }
      for (const k of keys) layer.writeStringField(3, k)
      for (const v of values) layer.writeMessage(4, (__: unknown, out: Pbf) => writeValue(v, out), null)
      layer.writeVarintField(5, extent)
    },
    null,
  )
  return pbf.finish()
}
