import { z } from 'zod'
import type { Api } from '../http/api'
import { deps } from '../http/context'
import { badRequest } from '../http/problems'
import { publicStations } from './export'
import { checkPermit, permitAnswer, permitBody } from './permit'

const bboxQuery = z.object({
  bbox: z
    .string()
    .regex(/^-?[\d.]+,-?[\d.]+,-?[\d.]+,-?[\d.]+$/, 'Use bbox=minLon,minLat,maxLon,maxLat.')
    .optional(),
})

/** What anyone may ask without signing in: the permit checker and the public map of stations in service. */
export function publicStationRoutes(api: Api): void {
  api.route({
    method: 'post',
    path: '/api/public/permit-check',
    summary: 'Which procedure applies to a mast (position, class, height, on a building or not) and why',
    tag: 'public',
    access: 'public',
    body: permitBody,
    response: permitAnswer,
    async handler({ body, req }) {
      const { db, config } = deps(req)
      return checkPermit(db.read(), config.provinceCode, body)
    },
  })

  api.route({
    method: 'get',
    path: '/api/public/stations',
    summary: 'GeoJSON of stations in service, without commercial fields (optionally within a bbox)',
    tag: 'public',
    access: 'public',
    query: bboxQuery,
    async handler({ query, req, res }) {
      const { db, config } = deps(req)
      let bbox: [number, number, number, number] | null = null
      if (query.bbox) {
        bbox = query.bbox.split(',').map(Number) as [number, number, number, number]
        if (!(bbox[0] < bbox[2] && bbox[1] < bbox[3]))
          throw badRequest('The bbox is empty.', [
            { path: 'query.bbox', message: 'Use minLon,minLat,maxLon,maxLat with min < max.' },
          ])
      }
      res.type('application/geo+json').setHeader('Cache-Control', 'public, max-age=60')
      res.send(JSON.stringify(await publicStations(db.read(), config.provinceCode, bbox)))
    },
  })
}
