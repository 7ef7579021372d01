// Deciding a tile answer: the data version behind it, its ETag, 304 or the bytes (from the cache, or drawn
// by ST_AsMVT on PostgreSQL and by the server's encoder on the embedded database).
import type { Reader } from '../db/index'
import { vietnamToday } from '../time'
import type { Audience } from './audience'
import type { TileCache } from './cache'
import { encodeTile, type TileFeature } from './encode'
import { audienceKey, type LayerName } from './layers'
import { EXTENT, TILE_VERSION, tileSql } from './sql'

/** Changes when the tile SQL, its properties or the ETag's form change, so no old ETag matches a new tile. */
const TILE_SCHEMA = 2

export interface TileAddress {
  layer: LayerName
  z: number
  x: number
  y: number
}

/**
 * Builds the tile bytes for a layer and audience: ST_AsMVT on PostgreSQL, the server's encoder on the
 * embedded database (or when `encodeInServer` asks for it, so the two can be compared).
 */
export async function renderTile(
  db: Reader,
  provinceCode: string,
  tile: TileAddress,
  audience: Audience,
  encodeInServer = !db.capabilities.asMvt,
): Promise<Uint8Array> {
  const { layer, z, x, y } = tile
  const sql = tileSql(layer, audience, z)!
  const params = [z, x, y, ...sql.extraParams(provinceCode, audience)]
  if (!encodeInServer) {
    const row = await db.one<{ tile: Buffer | null }>(sql.mvt, params)
    return row.tile ?? new Uint8Array(0)
  }
  const rows = await db.many<Record<string, unknown> & { id: number; geom: string }>(sql.rows, params)
  const features: TileFeature[] = rows.map((r) => ({
    id: r.id,
    properties: Object.fromEntries(sql.props.map((p) => [p, r[p]])),
    geometry: JSON.parse(r.geom),
  }))
  return encodeTile(layer, EXTENT, features)
}

/** True when an If-None-Match header names the ETag (weak comparison, as RFC 9110 asks for this header). */
export function matchesEtag(ifNoneMatch: string | undefined, etag: string): boolean {
  if (!ifNoneMatch) return false
  return ifNoneMatch.split(',').some((t) => {
    const tag = t.trim()
    return tag === '*' || tag.replace(/^W\//, '') === etag
  })
}

/**
 * How long a tile layer's data version, once read, may be used again: public tiles are anyway kept for 30 s by
 * browsers and proxies, and a burst of map users then costs no database read per tile. A write committed through
 * this process ends it at once (Db.writes), so whoever wrote sees it on the next tile; a write by another process
 * (a second server on the same database, psql) shows within this time.
 */
export const VERSION_MEMO_MS = 1000

/** The data versions the tiles used lately, per layer and province, with when they were read. */
export class TileVersions {
  private readonly read = new Map<string, { version: number; at: number; writes: number }>()

  async get(db: Reader, layer: LayerName, provinceCode: string, writes: number, now = Date.now()): Promise<number> {
    const key = `${layer}/${provinceCode}`
    const known = this.read.get(key)
    if (known && known.writes === writes && now - known.at < VERSION_MEMO_MS) return known.version
    const version = await tileVersion(db, layer, provinceCode)
    this.read.set(key, { version, at: now, writes })
    return version
  }
}

/** The data version of a layer in a province (migration 080's triggers bump it). */
async function tileVersion(db: Reader, layer: LayerName, provinceCode: string): Promise<number> {
  return (await db.one<{ version: number }>(TILE_VERSION, [layer, provinceCode])).version
}

export type TileAnswer =
  | { etag: string; notModified: true; timing: TileTiming }
  | { etag: string; notModified: false; body: Buffer; cache: 'hit' | 'miss'; timing: TileTiming }

/** Milliseconds spent on the data version and on drawing (0 when the cache or a 304 answered). */
export interface TileTiming {
  versionMs: number
  renderMs: number
}

/** How the tile router reaches what answerTile needs beyond the tile itself. */
export interface TileState {
  cache: TileCache
  versions: TileVersions
}

/**
 * The answer to a tile request. The ETag and the cache key hold the layer's data version in the province,
 * the audience and (stations) today's date; the ETag is known before any drawing, so a revalidation costs at
 * most one primary-key read. `writes` is Db.writes() when a version kept in memory may serve (see TileVersions),
 * undefined to read it now (a signed-in user's tile on a replica, whose session may have just written).
 */
export async function answerTile(
  db: Reader,
  { cache, versions }: TileState,
  provinceCode: string,
  tile: TileAddress,
  audience: Audience,
  ifNoneMatch: string | undefined,
  writes: number | undefined,
): Promise<TileAnswer> {
  const { layer, z, x, y } = tile
  const started = performance.now()
  const version =
    writes === undefined
      ? await tileVersion(db, layer, provinceCode)
      : await versions.get(db, layer, provinceCode, writes)
  const timing: TileTiming = { versionMs: performance.now() - started, renderMs: 0 }
  // stations leave the public layer when a temporary one passes its end date, with no write to bump the version
  const day = layer === 'stations' ? `-${vietnamToday()}` : ''
  const who = audienceKey(audience)
  const etag = `"${layer}-${TILE_SCHEMA}-${provinceCode}-${version}${day}-${who}"`
  if (matchesEtag(ifNoneMatch, etag)) return { etag, notModified: true, timing }
  const key = `${layer}/${provinceCode}/${who}/${z}/${x}/${y}/${version}${day}`
  const { body, hit } = await cache.getOrRender(key, async () => {
    const drawing = performance.now()
    // a copy of exactly its bytes: the encoder's output is a view of a larger, growing buffer, which the cache
    // would otherwise hold without counting it
    const bytes = Buffer.from(await renderTile(db, provinceCode, tile, audience))
    timing.renderMs = performance.now() - drawing
    return bytes
  })
  return { etag, notModified: false, body, cache: hit ? 'hit' : 'miss', timing }
}

/** The Server-Timing header of a tile answer (seen in a browser's developer tools and by the bench). */
export function serverTiming(sessionMs: number, timing: TileTiming): string {
  const dur = (ms: number) => Math.round(ms * 100) / 100
  return `session;dur=${dur(sessionMs)}, version;dur=${dur(timing.versionMs)}, render;dur=${dur(timing.renderMs)}`
}
