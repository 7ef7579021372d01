import express, { type NextFunction, type Request, type Response } from 'express'
import type { Reader } from '../db/index'
import { deps } from '../http/context'
import { badRequest, notFound, unauthorized } from '../http/problems'
import { loadSession } from '../auth/middleware'
import { audienceOf, type Audience } from './audience'
import { LAYERS } from './layers'
import { EXTENT, tileSql } from './sql'
import { encodeTile, type TileFeature } from './encode'
import { vietnamToday } from '../time'

/** Changes when the tile SQL or its properties change, so old cached tiles are not taken for new ones. */
const TILE_SCHEMA = 1
const MAX_ZOOM = 22

const audienceKey = (a: Audience) => (a.kind === 'carrier' ? `c${a.carrierId}` : a.kind)

/** Parses and checks z/x/y; answers a problem for anything else. */
function tileAddress(req: Request): { layer: string; z: number; x: number; y: number } {
  const { layer, z, x, y } = req.params as Record<string, string>
  if (!layer || !Object.hasOwn(LAYERS, layer))
    throw notFound(`There is no tile layer "${layer}". Layers: ${Object.keys(LAYERS).join(', ')}.`)
  const [zn, xn, yn] = [z, x, y].map((v) => (/^\d{1,8}$/.test(v ?? '') ? Number(v) : NaN)) as [number, number, number]
  if (!Number.isInteger(zn) || zn > MAX_ZOOM) throw badRequest(`The zoom must be an integer 0–${MAX_ZOOM}.`)
  const size = 2 ** zn
  if (!Number.isInteger(xn) || !Number.isInteger(yn) || xn >= size || yn >= size)
    throw badRequest(`At zoom ${zn}, x and y are integers 0–${size - 1}.`)
  return { layer, z: zn, x: xn, y: yn }
}

/**
 * Builds the tile bytes for a layer and audience: ST_AsMVT on PostgreSQL, the server's encoder on the
 * embedded database (or when `encodeInServer` asks for it, so the two can be compared).
 */
export async function renderTile(
  db: Reader,
  provinceCode: string,
  tile: { layer: string; z: number; x: number; y: number },
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

async function serveTile(req: Request, res: Response, next: NextFunction): Promise<void> {
  try {
    const { layer, z, x, y } = tileAddress(req)
    const audience = audienceOf(req.user)
    if (!tileSql(layer, audience, z)) throw unauthorized(`Sign in to see the ${layer} layer.`)
    // public and signed-in tiles alike may come from a replica; db.read() keeps a session's own writes visible
    const db = deps(req).db.read()
    const { version } = await db.one<{ version: number }>('SELECT version FROM tile_layer_versions WHERE layer = $1', [
      layer,
    ])
    // stations leave the public layer when a temporary one passes its end date, with no write to bump the version
    const day = layer === 'stations' ? `-${vietnamToday()}` : ''
    const etag = `"${layer}-${TILE_SCHEMA}-${version}${day}-${audienceKey(audience)}"`
    res.setHeader('ETag', etag)
    // Public tiles revalidate on every use (an edit must show on the next load; the ETag makes that a cheap
    // 304); a signed-in user's tiles carry private records and are not stored at all.
    res.setHeader('Cache-Control', audience.kind === 'public' ? 'public, no-cache' : 'private, no-store')
    res.setHeader('Vary', 'Cookie')
    if (req.headers['if-none-match'] === etag) {
      res.status(304).end()
      return
    }
    const tile = await renderTile(db, deps(req).config.provinceCode, { layer, z, x, y }, audience)
    if (tile.length === 0) {
      res.status(204).end()
      return
    }
    res.type('application/vnd.mapbox-vector-tile').send(Buffer.from(tile.buffer, tile.byteOffset, tile.byteLength))
  } catch (err) {
    next(err)
  }
}

/** The vector-tile router, mounted at the top level (outside /api): /tiles/{layer}/{z}/{x}/{y}.mvt. */
export function tileRouter(): express.Router {
  const router = express.Router()
  router.get('/tiles/:layer/:z/:x/:y.mvt', loadSession, serveTile)
  router.use('/tiles', (req, _res, next) =>
    next(notFound(`No tile at ${req.originalUrl}; use /tiles/{layer}/{z}/{x}/{y}.mvt.`)),
  )
  return router
}
