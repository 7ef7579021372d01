import { z } from 'zod'
import type { Api } from '../http/api'
import { deps } from '../http/context'
import { search } from './service'

const searchQuery = z.object({
  q: z.string().trim().min(1, 'search.empty').max(100),
  limit: z.coerce.number().int().min(1).max(50).default(20),
  offset: z.coerce.number().int().min(0).max(10_000).default(0),
})

const zone = z.object({
  provinceCode: z.string(),
  provinceName: z.string(),
  centralMeridian: z.number(),
  srid: z.number(),
  epsg: z.number(),
})
const explanation = z.object({ vi: z.string(), en: z.string() })

const hit = z.object({
  kind: z.enum(['station', 'route', 'item', 'district', 'ward', 'zone']),
  id: z.number(),
  label: z.string(),
  detail: z.string().nullable(),
  decisionNo: z.string().nullable(),
  state: z.string().nullable(),
  lon: z.number(),
  lat: z.number(),
  bbox: z.tuple([z.number(), z.number(), z.number(), z.number()]).nullable(),
})

const searchAnswer = z.object({
  items: z.array(hit),
  total: z.number().int(),
  limit: z.number().int(),
  offset: z.number().int(),
  coordinate: z
    .object({
      kind: z.enum(['geographic', 'projected']),
      swapped: z.boolean(),
      order: z.enum(['lon-lat', 'lat-lon', 'easting-northing', 'northing-easting']),
      wgs84: z.tuple([z.number(), z.number()]),
      vn2000: z.object({ zone, easting: z.number(), northing: z.number() }).nullable(),
      message_vi: z.string(),
      message_en: z.string(),
      warnings: z.array(explanation),
    })
    .nullable(),
})

/** The search box of the shell and the public map. */
export function searchRoutes(api: Api): void {
  api.route({
    method: 'get',
    path: '/api/search',
    summary:
      'Search site codes, decision numbers, cable routes, conversion items, zones, districts and wards, and read a ' +
      'coordinate pair (WGS84 or VN-2000, either order); each kind as far as the caller may see it (the public: ' +
      'districts, wards and coordinates)',
    tag: 'search',
    access: 'public',
    query: searchQuery,
    response: searchAnswer,
    async handler({ query, req }) {
      const { db, config } = deps(req)
      return search(db.read(), req.user, config.provinceCode, query)
    },
  })
}
