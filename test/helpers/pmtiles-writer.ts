// A PMTiles v3 writer of a few lines over the spec (github.com/protomaps/PMTiles, spec/v3/spec.md), for
// tests that need an archive without a binary fixture: one root directory, no leaf directories, nothing
// compressed, tiles stored in tile-id order (clustered).
import { zxyToTileId } from 'pmtiles'

export interface ArchiveTile {
  z: number
  x: number
  y: number
  data: Uint8Array
}

export interface ArchiveOptions {
  /** 1 = MVT, 2 = PNG, 3 = JPEG … (the spec's tile types). */
  tileType: number
  /** West, south, east, north in degrees. */
  bounds: [number, number, number, number]
  center: { lon: number; lat: number; zoom: number }
  metadata?: Record<string, unknown>
}

const HEADER_BYTES = 127
/** The header and root directory must fit in the first 16 KiB that a reader fetches. */
const FIRST_FETCH_BYTES = 16_384
const COMPRESSION_NONE = 1

function varints(values: number[]): number[] {
  const out: number[] = []
  for (let v of values) {
    while (v >= 0x80) {
      out.push((v % 0x80) | 0x80)
      v = Math.floor(v / 0x80)
    }
    out.push(v)
  }
  return out
}

interface Entry {
  tileId: number
  offset: number
  length: number
}

/** The directory: entry count, then tile-id deltas, run lengths, lengths and offsets (0 = right after the previous). */
function directory(entries: Entry[]): Uint8Array {
  const ids = entries.map((e, i) => e.tileId - (i === 0 ? 0 : entries[i - 1]!.tileId))
  const offsets = entries.map((e, i) => {
    const previous = entries[i - 1]
    return previous && previous.offset + previous.length === e.offset ? 0 : e.offset + 1
  })
  return Uint8Array.from(
    varints([entries.length, ...ids, ...entries.map(() => 1), ...entries.map((e) => e.length), ...offsets]),
  )
}

/** Builds a whole archive in memory. */
export function writePmtiles(tiles: ArchiveTile[], options: ArchiveOptions): Uint8Array {
  if (tiles.length === 0) throw new Error('An archive needs at least one tile.')
  const sorted = tiles.map((t) => ({ ...t, tileId: zxyToTileId(t.z, t.x, t.y) })).sort((a, b) => a.tileId - b.tileId)
  const entries: Entry[] = []
  let offset = 0
  for (const t of sorted) {
    if (entries.at(-1)?.tileId === t.tileId) throw new Error(`Tile ${t.z}/${t.x}/${t.y} is given twice.`)
    entries.push({ tileId: t.tileId, offset, length: t.data.length })
    offset += t.data.length
  }
  const root = directory(entries)
  if (HEADER_BYTES + root.length > FIRST_FETCH_BYTES) throw new Error('Too many tiles for a root directory alone.')
  const metadata = new TextEncoder().encode(JSON.stringify(options.metadata ?? {}))
  const rootOffset = HEADER_BYTES
  const metadataOffset = rootOffset + root.length
  const dataOffset = metadataOffset + metadata.length

  const out = new Uint8Array(dataOffset + offset)
  const view = new DataView(out.buffer)
  out.set(new TextEncoder().encode('PMTiles'), 0)
  view.setUint8(7, 3)
  // no leaf directories: their section (fields at 40 and 48) is empty, where the tile data starts
  const u64 = [rootOffset, root.length, metadataOffset, metadata.length, dataOffset, 0, dataOffset, offset]
  u64.forEach((v, i) => {
    view.setBigUint64(8 + i * 8, BigInt(v), true)
  })
  for (const [at, v] of [
    [72, sorted.length],
    [80, entries.length],
    [88, sorted.length],
  ] as const)
    view.setBigUint64(at, BigInt(v), true)
  view.setUint8(96, 1)
  view.setUint8(97, COMPRESSION_NONE)
  view.setUint8(98, COMPRESSION_NONE)
  view.setUint8(99, options.tileType)
  view.setUint8(100, Math.min(...sorted.map((t) => t.z)))
  view.setUint8(101, Math.max(...sorted.map((t) => t.z)))
  options.bounds.forEach((deg, i) => {
    view.setInt32(102 + i * 4, Math.round(deg * 1e7), true)
  })
  view.setUint8(118, options.center.zoom)
  view.setInt32(119, Math.round(options.center.lon * 1e7), true)
  view.setInt32(123, Math.round(options.center.lat * 1e7), true)

  out.set(root, rootOffset)
  out.set(metadata, metadataOffset)
  let at = dataOffset
  for (const t of sorted) {
    out.set(t.data, at)
    at += t.data.length
  }
  return out
}
