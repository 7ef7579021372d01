import { z } from 'zod'
import type { Api } from '../http/api'
import { deps } from '../http/context'
import { SYSTEMS } from './plausibility'
import { convert, interpret, listZones } from './service'

const provinceCode = z.string().regex(/^[0-9]{2}$/, 'A province code is two digits (GSO), e.g. "79".')
const system = z.enum(SYSTEMS)

const convertBody = z
  .object({
    from: system,
    to: system,
    zone: provinceCode.optional(),
    points: z
      .array(z.tuple([z.number(), z.number()]), { error: 'coords.points_pairs' })
      .min(1, 'coords.points_min')
      .max(1000, 'coords.points_max'),
  })
  .refine((b) => b.zone !== undefined || (b.from !== 'vn2000-tm3' && b.to !== 'vn2000-tm3'), {
    path: ['zone'],
    message: 'A VN-2000 TM-3 conversion needs the province code of its zone (GET /api/coordinates/zones).',
  })

const interpretBody = z.object({
  a: z.number(),
  b: z.number(),
  zone: provinceCode.optional(),
  geographic: z.enum(['wgs84', 'vn2000-geo']).optional(),
})

/** VN-2000 ↔ WGS84: the provinces' zones, batch conversion, and reading a typed pair. */
export function coordinateRoutes(api: Api): void {
  api.route({
    method: 'get',
    path: '/api/coordinates/zones',
    summary: 'List the provinces’ VN-2000 TM-3 zones',
    tag: 'coordinates',
    access: 'public',
    async handler({ req }) {
      return { items: await listZones(deps(req).db) }
    },
  })

  api.route({
    method: 'post',
    path: '/api/coordinates/convert',
    summary: 'Convert points between WGS84, geographic VN-2000 and a province’s VN-2000 TM-3 zone',
    tag: 'coordinates',
    access: 'public',
    body: convertBody,
    async handler({ body, req }) {
      return convert(deps(req).db, body)
    },
  })

  api.route({
    method: 'post',
    path: '/api/coordinates/interpret',
    summary: 'Tell whether a typed pair is lon/lat, lat/lon, easting/northing or X/Y, and convert it',
    tag: 'coordinates',
    access: 'public',
    body: interpretBody,
    async handler({ body, req }) {
      return interpret(deps(req).db, body)
    },
  })
}
