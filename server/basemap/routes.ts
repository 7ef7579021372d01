import express from 'express'
import { z } from 'zod'
import type { Api } from '../http/api'
import { deps } from '../http/context'
import { serveArchive } from './archive'
import { ARCHIVE_PATH, basemapSettings } from './service'

const basemapAnswer = z.object({
  street: z
    .discriminatedUnion('kind', [
      z.object({ kind: z.literal('pmtiles'), url: z.string() }),
      z.object({ kind: z.literal('style'), url: z.string() }),
    ])
    .nullable(),
  imagery: z.object({ tiles: z.string(), attribution: z.string().nullable() }).nullable(),
  notice: z.enum(['unconfigured', 'archive-unreadable']).nullable(),
})

/** What the map may draw under the app's layers: street basemap, imagery, and a notice for the admin. */
export function basemapRoutes(api: Api): void {
  api.route({
    method: 'get',
    path: '/api/basemap',
    summary: 'The configured street basemap (served PMTiles or a style URL), imagery, and what is missing',
    tag: 'system',
    access: 'public',
    response: basemapAnswer,
    async handler({ req }) {
      return basemapSettings(deps(req).config)
    },
  })
}

/** The PMTiles archive, public like the public map it is drawn under, mounted outside /api. */
export function basemapRouter(): express.Router {
  const router = express.Router()
  router.get(ARCHIVE_PATH, serveArchive)
  return router
}
