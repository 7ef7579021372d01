// The load test's baseline: a constant in-memory buffer served by the same Express app as the tiles, with the
// same kind of headers, so `load.tiles_rps_ratio` compares cached tiles with the cheapest answer the app can
// give. Mounted only by the load test's own start script (server.ts here), never by `npm start`.
import express from 'express'

/** The most a baseline answer holds; a request names how many of these bytes it wants (a tile's size). */
export const MAX_BUFFER_BYTES = 1 << 20
const BUFFER = Buffer.alloc(MAX_BUFFER_BYTES, 0x1a)

export const BASELINE_PATH = '/load/buffer'

export function baselineRouter(): express.Router {
  const router = express.Router()
  router.get(`${BASELINE_PATH}/:bytes`, (req, res) => {
    const n = Math.min(MAX_BUFFER_BYTES, Math.max(0, Number.parseInt(req.params.bytes, 10) || 0))
    res.setHeader('ETag', `"buffer-${n}"`)
    res.setHeader('Cache-Control', 'public, max-age=30, stale-while-revalidate=30')
    res.setHeader('Vary', 'Cookie')
    res.type('application/vnd.mapbox-vector-tile').send(BUFFER.subarray(0, n))
  })
  return router
}
