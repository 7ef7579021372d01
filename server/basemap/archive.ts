// Serves the PMTiles archive with HTTP byte ranges (RFC 9110 §14): the client reads the header, the
// directories and each tile as a range, so the file is streamed piece by piece, never read whole.
import fs from 'node:fs'
import { pipeline } from 'node:stream/promises'
import type { NextFunction, Request, Response } from 'express'
import { deps } from '../http/context'
import { notFound, Problem, msg } from '../http/problems'
import { log } from '../log'
import { isPmtilesV3 } from './service'

const CONTENT_TYPE = 'application/vnd.pmtiles'

/** A strong validator from size and modification time: replacing the file changes it. */
const etagOf = (stat: fs.Stats) => `"${stat.size.toString(16)}-${Math.floor(stat.mtimeMs).toString(16)}"`

/**
 * The one byte range to send: null for the whole file (no Range, a stale If-Range, or several ranges),
 * 'unsatisfiable' when it starts after the end.
 */
function requestedRange(
  req: Request,
  size: number,
  validators: string[],
): { start: number; end: number } | null | 'unsatisfiable' {
  if (!req.headers.range) return null
  const ifRange = req.get('if-range')
  if (ifRange !== undefined && !validators.includes(ifRange)) return null
  const ranges = req.range(size, { combine: true })
  if (ranges === -1) return 'unsatisfiable'
  // Malformed or multi-part ranges may be ignored (RFC 9110 §14.2): the whole archive is a correct answer.
  if (ranges === undefined || ranges === -2 || ranges.type !== 'bytes' || ranges.length !== 1) return null
  return { start: ranges[0]!.start, end: ranges[0]!.end }
}

/** GET and HEAD of the configured archive: 200 or 206 with Content-Range, 304 on a matching ETag, 416 out of range. */
export async function serveArchive(req: Request, res: Response, next: NextFunction): Promise<void> {
  try {
    const file = deps(req).config.basemapPmtiles
    if (!file) throw notFound('basemap.none')
    if (!(await isPmtilesV3(file))) {
      log.warn('BASEMAP_PMTILES is not a readable PMTiles v3 archive', { file })
      throw notFound('basemap.unreadable')
    }
    const stat = await fs.promises.stat(file)
    const etag = etagOf(stat)
    const lastModified = stat.mtime.toUTCString()
    res.set({
      'Accept-Ranges': 'bytes',
      ETag: etag,
      'Last-Modified': lastModified,
      'Cache-Control': 'public, no-cache',
    })
    if (req.fresh) {
      res.status(304).end()
      return
    }
    const range = requestedRange(req, stat.size, [etag, lastModified])
    if (range === 'unsatisfiable') {
      res.set('Content-Range', `bytes */${stat.size}`)
      throw new Problem(416, msg('basemap.range', { size: stat.size }))
    }
    const start = range?.start ?? 0
    const end = range?.end ?? stat.size - 1
    res
      .status(range ? 206 : 200)
      .type(CONTENT_TYPE)
      .set('Content-Length', String(end - start + 1))
    if (range) res.set('Content-Range', `bytes ${start}-${end}/${stat.size}`)
    if (req.method === 'HEAD' || stat.size === 0) {
      res.end()
      return
    }
    await pipeline(fs.createReadStream(file, { start, end }), res)
  } catch (err) {
    // A client that hangs up mid-stream is normal for map tiles (the view moved on): nothing left to answer.
    if (res.headersSent || res.destroyed) return
    next(err)
  }
}
