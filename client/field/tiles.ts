// Which map tiles the field mode keeps for offline use: the tiles of the assignments' area, bounded in number.
import type { LonLat } from './geo'

export type Bbox = [west: number, south: number, east: number, north: number]
export interface TileXYZ {
  z: number
  x: number
  y: number
}

const MAX_LAT = 85.0511287798

/** The tile (Web Mercator, XYZ scheme) that holds a point at zoom z. */
export function tileOf([lon, lat]: LonLat, z: number): TileXYZ {
  const n = 2 ** z
  const clampedLat = Math.max(-MAX_LAT, Math.min(MAX_LAT, lat))
  const r = (clampedLat * Math.PI) / 180
  const x = Math.floor(((lon + 180) / 360) * n)
  const y = Math.floor(((1 - Math.log(Math.tan(r) + 1 / Math.cos(r)) / Math.PI) / 2) * n)
  return { z, x: Math.min(n - 1, Math.max(0, x)), y: Math.min(n - 1, Math.max(0, y)) }
}

/** Every tile at zoom z that a box touches, row by row. */
export function tilesCovering(box: Bbox, z: number): TileXYZ[] {
  const nw = tileOf([box[0], box[3]], z)
  const se = tileOf([box[2], box[1]], z)
  const tiles: TileXYZ[] = []
  for (let y = nw.y; y <= se.y; y++) for (let x = nw.x; x <= se.x; x++) tiles.push({ z, x, y })
  return tiles
}

/** The box around some points, grown by `marginM` metres on each side; null without points. */
export function bboxAround(points: readonly LonLat[], marginM: number): Bbox | null {
  if (points.length === 0) return null
  const lons = points.map((p) => p[0])
  const lats = points.map((p) => p[1])
  const dLat = marginM / 111_320
  const midLat = (Math.min(...lats) + Math.max(...lats)) / 2
  const dLon = marginM / (111_320 * Math.max(0.01, Math.cos((midLat * Math.PI) / 180)))
  return [Math.min(...lons) - dLon, Math.min(...lats) - dLat, Math.max(...lons) + dLon, Math.max(...lats) + dLat]
}

/**
 * The tiles to keep for some targets, at most `max`: zoom by zoom from `minZoom`, first the whole area's
 * box (so the map can be panned between targets), and at the zooms where the box no longer fits in what is
 * left, only the tiles around each target (a `nearM` box), nearest zooms first. Deduplicated, in that order.
 */
export function tilesToKeep(
  targets: readonly LonLat[],
  options: { minZoom: number; maxZoom: number; max: number; marginM?: number; nearM?: number },
): TileXYZ[] {
  const area = bboxAround(targets, options.marginM ?? 300)
  if (!area) return []
  const seen = new Set<string>()
  const out: TileXYZ[] = []
  const add = (tiles: TileXYZ[]): boolean => {
    const fresh = tiles.filter((t) => !seen.has(`${t.z}/${t.x}/${t.y}`))
    if (out.length + fresh.length > options.max) return false
    for (const t of fresh) {
      seen.add(`${t.z}/${t.x}/${t.y}`)
      out.push(t)
    }
    return true
  }
  for (let z = options.minZoom; z <= options.maxZoom; z++) {
    if (add(tilesCovering(area, z))) continue
    for (const target of targets) {
      const near = bboxAround([target], options.nearM ?? 250)!
      if (!add(tilesCovering(near, z))) return out
    }
  }
  return out
}
