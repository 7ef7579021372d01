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

export type TileAnswer =
  | { etag: string; notModified: true }
  | { etag: string; notModified: false; body: Buffer; cache: 'hit' | 'miss' }

/**
 * The answer to a tile request. The ETag and the cache key hold the layer's data version in the province,
 * the audience and (stations) today's date; the ETag is known before any drawing, so a revalidation costs one
 * primary-key read.
 */
export async function answerTile(
  db: Reader,
  cache: TileCache,
  provinceCode: string,
  tile: TileAddress,
  audience: Audience,
  ifNoneMatch: string | undefined,
): Promise<TileAnswer> {
  const { layer, z, x, y } = tile
  const { version } = await db.one<{ version: number }>(TILE_VERSION, [layer, provinceCode])
  // stations leave the public layer when a temporary one passes its end date, with no write to bump the version
  const day = layer === 'stations' ? `-${vietnamToday()}` : ''
  const who = audienceKey(audience)
  const etag = `"${layer}-${TILE_SCHEMA}-${provinceCode}-${version}${day}-${who}"`
  if (matchesEtag(ifNoneMatch, etag)) return { etag, notModified: true }
  const key = `${layer}/${provinceCode}/${who}/${z}/${x}/${y}/${version}${day}`
  const { body, hit } = await cache.getOrRender(key, async () => {
    const bytes = await renderTile(db, provinceCode, tile, audience)
    return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength)
  })
  return { etag, notModified: false, body, cache: hit ? 'hit' : 'miss' }
}
