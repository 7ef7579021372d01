import express, { type NextFunction, type Request, type Response } from 'express'
import { deps } from '../http/context'
import { badRequest, notFound, unauthorized, msg } from '../http/problems'
import { loadTileSession } from '../auth/middleware'
import { audienceOf } from './audience'
import { isLayer, LAYER_NAMES } from './layers'
import { tileSql } from './sql'
import { TileCache } from './cache'
import { answerTile, serverTiming, TileVersions, type TileAddress, type TileState } from './service'

const MAX_ZOOM = 22

/** Parses and checks z/x/y; answers a problem for anything else. */
function tileAddress(req: Request): TileAddress {
  const { layer, z, x, y } = req.params as Record<string, string>
  if (!isLayer(layer)) throw notFound(msg('tiles.no_layer', { layer: String(layer), layers: LAYER_NAMES }))
  const [zn, xn, yn] = [z, x, y].map((v) => (/^\d{1,8}$/.test(v ?? '') ? Number(v) : NaN)) as [number, number, number]
  if (!Number.isInteger(zn) || zn > MAX_ZOOM) throw badRequest(msg('tiles.zoom', { max: MAX_ZOOM }))
  const size = 2 ** zn
  if (!Number.isInteger(xn) || !Number.isInteger(yn) || xn >= size || yn >= size)
    throw badRequest(msg('tiles.xy', { z: zn, max: size - 1 }))
  return { layer, z: zn, x: xn, y: yn }
}

// Public tiles may be kept by a browser, a CDN or a reverse proxy for a short while and then revalidated
// (a cheap 304 on the ETag), or served stale while one revalidation runs; an edit shows within a minute
// (the server itself rereads the public layers' versions every second: service.ts).
// A signed-in user's tiles carry private records and are not stored outside the server.
const PUBLIC_CACHE = 'public, max-age=30, stale-while-revalidate=30'
const PRIVATE_CACHE = 'private, no-store'

/** The vector-tile router, mounted at the top level (outside /api): /tiles/{layer}/{z}/{x}/{y}.mvt. */
export function tileRouter(): express.Router {
  const router = express.Router()
  // one cache per app, sized from its configuration at the first tile
  let state: TileState | undefined
  async function serveTile(req: Request, res: Response, next: NextFunction): Promise<void> {
    try {
      const tile = tileAddress(req)
      const audience = audienceOf(req.user)
      if (!tileSql(tile.layer, audience, tile.z)) throw unauthorized(msg('tiles.sign_in', { layer: tile.layer }))
      // public and signed-in tiles alike may come from a replica; db.read() keeps a session's own writes visible
      const { config, db } = deps(req)
      state ??= { cache: new TileCache(config.tileCacheBytes), versions: new TileVersions() }
      // A version kept in memory serves unless this is a signed-in user's tile on a replica: a write this session
      // just made on the primary must show, and another request may have kept a replica's older version meanwhile.
      const memo = audience.kind === 'public' || db.replicas().length === 0
      const ifNoneMatch = req.headers['if-none-match']
      const answer = await answerTile(
        db.read(),
        state,
        config.provinceCode,
        tile,
        audience,
        ifNoneMatch,
        memo ? db.writes() : undefined,
      )
      res.setHeader('Server-Timing', serverTiming(res.locals.sessionMs ?? 0, answer.timing))
      res.setHeader('ETag', answer.etag)
      res.setHeader('Cache-Control', audience.kind === 'public' ? PUBLIC_CACHE : PRIVATE_CACHE)
      res.setHeader('Vary', 'Cookie')
      if (answer.notModified) {
        res.status(304).end()
        return
      }
      res.setHeader('X-Cache', answer.cache)
      if (answer.body.byteLength === 0) {
        res.status(204).end()
        return
      }
      res.type('application/vnd.mapbox-vector-tile').send(answer.body)
    } catch (err) {
      next(err)
    }
  }
  router.get('/tiles/:layer/:z/:x/:y.mvt', loadTileSession, serveTile)
  router.use('/tiles', (req, _res, next) => next(notFound(msg('tiles.no_tile', { url: req.originalUrl }))))
  return router
}
