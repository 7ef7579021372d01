// Decoding Mapbox Vector Tiles for tests, and comparing two tiles feature by feature, geometry included.
import { VectorTile } from '@mapbox/vector-tile'
import { PbfReader } from 'pbf'

/** One decoded feature: its id, MVT type (1 point, 2 line, 3 polygon), properties and rings in tile units. */
export interface DecodedFeature {
  id: number | undefined
  type: number
  properties: Record<string, unknown>
  geometry: [number, number][][]
}

/** The features of one layer of a tile, in id order (an empty or absent layer gives none). */
export function decodeLayer(buf: Uint8Array, layer: string): DecodedFeature[] {
  if (buf.byteLength === 0) return []
  const l = new VectorTile(new PbfReader(buf)).layers[layer]
  if (!l) return []
  return Array.from({ length: l.length }, (_, i) => l.feature(i))
    .map((f) => ({
      id: f.id,
      type: f.type,
      properties: { ...f.properties },
      geometry: f.loadGeometry().map((ring) => ring.map((p) => [p.x, p.y] as [number, number])),
    }))
    .sort((a, b) => Number(a.id) - Number(b.id))
}

const sorted = (o: Record<string, unknown>) =>
  JSON.stringify(Object.fromEntries(Object.entries(o).sort(([a], [b]) => a.localeCompare(b))))

/** Where two features with the same id differ: type, properties, or the first coordinate that is not equal. */
function featureDifference(a: DecodedFeature, b: DecodedFeature): string | null {
  const name = `feature ${a.id}`
  if (a.type !== b.type) return `${name}: type ${a.type} ≠ ${b.type}`
  if (sorted(a.properties) !== sorted(b.properties))
    return `${name}: properties ${sorted(a.properties)} ≠ ${sorted(b.properties)}`
  if (a.geometry.length !== b.geometry.length) return `${name}: ${a.geometry.length} parts ≠ ${b.geometry.length}`
  for (const [r, ring] of a.geometry.entries()) {
    const other = b.geometry[r]!
    if (ring.length !== other.length) return `${name}, part ${r}: ${ring.length} points ≠ ${other.length}`
    for (const [i, [x, y]] of ring.entries()) {
      const [ox, oy] = other[i]!
      if (x !== ox || y !== oy) return `${name}, part ${r}, point ${i}: [${x}, ${y}] ≠ [${ox}, ${oy}]`
    }
  }
  return null
}

/** Every difference between the same layer of two tiles, feature by feature (empty when they hold the same). */
export function tileDifferences(a: Uint8Array, b: Uint8Array, layer: string): string[] {
  const left = decodeLayer(a, layer)
  const right = new Map(decodeLayer(b, layer).map((f) => [f.id, f]))
  const out: string[] = []
  for (const f of left) {
    const g = right.get(f.id)
    right.delete(f.id)
    if (!g) out.push(`feature ${f.id}: only in the first tile`)
    else {
      const d = featureDifference(f, g)
      if (d) out.push(d)
    }
  }
  for (const id of right.keys()) out.push(`feature ${id}: only in the second tile`)
  return out
}
