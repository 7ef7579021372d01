// A small street basemap in the Protomaps basemap schema (layers earth, water, roads, places), built in
// the test itself: a grid of named streets and a river around one point, at zooms 0–15.
import { encodeTile, type TileFeature } from '../../server/tiles/encode'
import { writePmtiles, type ArchiveTile } from './pmtiles-writer'

const EXTENT = 4096
const BUFFER = 64
export const STREET_ARCHIVE_MAX_ZOOM = 15

type Box = [west: number, south: number, east: number, north: number]

const worldX = (lon: number, z: number) => ((lon + 180) / 360) * 2 ** z
const worldY = (lat: number, z: number) => {
  const r = (lat * Math.PI) / 180
  return ((1 - Math.log(Math.tan(r) + 1 / Math.cos(r)) / Math.PI) / 2) * 2 ** z
}

/** The lon/lat of the middle of a tile. */
export function tileCentre(z: number, x: number, y: number): [number, number] {
  const n = Math.PI - (2 * Math.PI * (y + 0.5)) / 2 ** z
  return [((x + 0.5) / 2 ** z) * 360 - 180, (Math.atan(Math.sinh(n)) * 180) / Math.PI]
}

/** A lon/lat box in a tile's coordinates, clipped to the tile and its buffer; null when it misses the tile. */
function tileRect(box: Box, z: number, x: number, y: number): [number, number, number, number] | null {
  const xs = [(worldX(box[0], z) - x) * EXTENT, (worldX(box[2], z) - x) * EXTENT]
  const ys = [(worldY(box[3], z) - y) * EXTENT, (worldY(box[1], z) - y) * EXTENT]
  const misses = (v: number[]) => v[1]! < -BUFFER || v[0]! > EXTENT + BUFFER
  if (misses(xs) || misses(ys)) return null
  const clamp = (v: number) => Math.max(-BUFFER, Math.min(EXTENT + BUFFER, Math.round(v)))
  return [clamp(xs[0]!), clamp(ys[0]!), clamp(xs[1]!), clamp(ys[1]!)]
}

const ring = ([x0, y0, x1, y1]: [number, number, number, number]) => [
  [
    [x0, y0],
    [x1, y0],
    [x1, y1],
    [x0, y1],
    [x0, y0],
  ],
]

interface Street {
  name: string
  kind: 'major_road' | 'minor_road'
  /** A street runs along a parallel (west–east) or a meridian (south–north), as a zero-width box. */
  box: Box
}

function streets(center: [number, number], half: number): Street[] {
  const [lon, lat] = center
  const out: Street[] = []
  for (let i = -4; i <= 4; i++) {
    const kind = i % 2 === 0 ? 'major_road' : 'minor_road'
    out.push({ name: `Đường số ${i + 5}`, kind, box: [lon - half, lat + i * 0.0012, lon + half, lat + i * 0.0012] })
    out.push({ name: `Hẻm ${i + 5}`, kind, box: [lon + i * 0.0012, lat - half, lon + i * 0.0012, lat + half] })
  }
  return out
}

function tileBytes(center: [number, number], half: number, z: number, x: number, y: number): Uint8Array {
  const [lon, lat] = center
  const whole: [number, number, number, number] = [-BUFFER, -BUFFER, EXTENT + BUFFER, EXTENT + BUFFER]
  const earth: TileFeature[] = [
    { id: 1, properties: { kind: 'earth' }, geometry: { type: 'Polygon', coordinates: ring(whole) } },
  ]
  const river = tileRect([lon - half, lat - 0.0021, lon + half, lat - 0.0015], z, x, y)
  const water: TileFeature[] = river
    ? [{ id: 1, properties: { kind: 'water' }, geometry: { type: 'Polygon', coordinates: ring(river) } }]
    : []
  const roads: TileFeature[] = []
  for (const [i, s] of streets(center, half).entries()) {
    const r = tileRect(s.box, z, x, y)
    if (!r) continue
    const line =
      r[1] === r[3]
        ? [
            [r[0], r[1]],
            [r[2], r[1]],
          ]
        : [
            [r[0], r[1]],
            [r[0], r[3]],
          ]
    roads.push({
      id: i + 1,
      properties: { kind: s.kind, name: s.name, 'name:vi': s.name, min_zoom: 12 },
      geometry: { type: 'LineString', coordinates: line },
    })
  }
  const px = Math.round((worldX(lon, z) - x) * EXTENT)
  const py = Math.round((worldY(lat, z) - y) * EXTENT)
  const inside = px >= 0 && px < EXTENT && py >= 0 && py < EXTENT
  const places: TileFeature[] = inside
    ? [
        {
          id: 1,
          properties: { kind: 'neighbourhood', name: 'Phường Bến Nghé', 'name:vi': 'Phường Bến Nghé', min_zoom: 12 },
          geometry: { type: 'Point', coordinates: [px, py] },
        },
      ]
    : []
  const layers = [
    encodeTile('earth', EXTENT, earth),
    encodeTile('water', EXTENT, water),
    encodeTile('roads', EXTENT, roads),
    encodeTile('places', EXTENT, places),
  ]
  // An MVT tile is a repeated `layers` field, so whole one-layer tiles concatenate into one tile.
  const out = new Uint8Array(layers.reduce((n, l) => n + l.length, 0))
  let at = 0
  for (const l of layers) {
    out.set(l, at)
    at += l.length
  }
  return out
}

/** The archive's bytes: every tile from zoom 0 to 15 that touches a box of ±`half` degrees around `center`. */
export function streetArchive(center: [number, number], half = 0.006): Uint8Array {
  const [lon, lat] = center
  const tiles: ArchiveTile[] = []
  for (let z = 0; z <= STREET_ARCHIVE_MAX_ZOOM; z++) {
    const [x0, x1] = [Math.floor(worldX(lon - half, z)), Math.floor(worldX(lon + half, z))]
    const [y0, y1] = [Math.floor(worldY(lat + half, z)), Math.floor(worldY(lat - half, z))]
    for (let x = x0; x <= x1; x++)
      for (let y = y0; y <= y1; y++) tiles.push({ z, x, y, data: tileBytes(center, half, z, x, y) })
  }
  return writePmtiles(tiles, {
    tileType: 1,
    bounds: [lon - half, lat - half, lon + half, lat + half],
    center: { lon, lat, zoom: STREET_ARCHIVE_MAX_ZOOM },
    metadata: {
      name: 'test streets',
      vector_layers: ['earth', 'water', 'roads', 'places'].map((id) => ({ id, fields: {} })),
    },
  })
}
