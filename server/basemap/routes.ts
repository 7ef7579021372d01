import express from 'express'
import type { Api } from '../http/api'
import { deps } from '../http/context'
import { serveArchive } from './archive'
import { ARCHIVE_PATH, basemapSettings } from './service'

/** What the map may draw under the app's layers: street basemap, imagery, and a notice for the admin. */
export function basemapRoutes(api: Api): void {
  api.route({
    method: 'get',
    path: '/api/basemap',
    summary: 'The configured street basemap (served PMTiles or a style URL), imagery, and what is missing',
    tag: 'system',
    access: 'public',
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
