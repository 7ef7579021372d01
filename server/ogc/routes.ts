import type { Request, Response } from 'express'
import { z } from 'zod'
import type { Api } from '../http/api'
import { deps } from '../http/context'
import { audienceOf } from '../tiles/audience'
import {
  CONFORMANCE,
  CRS84,
  DEFAULT_LIMIT,
  extent,
  item,
  items,
  MAX_LIMIT,
  readableCollection,
  supportedCrs,
  visibleCollections,
} from './service'
import type { Collection } from './collections'
import { issueToken, listTokens, revokeToken } from './tokens'

/** Where the OGC API lives; GDAL and QGIS open it as `OAPIF:<origin>/api/ogc`, or the shorter `/ogc`. */
export const OGC_BASE = '/api/ogc'
export const OGC_PREFIXES = [OGC_BASE, '/ogc'] as const

const format = z.enum(['json', 'geojson']).optional()
const formatOnly = z.object({ f: format })
const itemsQuery = z.object({
  f: format,
  limit: z.coerce.number().int().min(1).default(DEFAULT_LIMIT),
  offset: z.coerce.number().int().min(0).max(100_000_000).default(0),
  bbox: z.string().max(200).optional(),
  'bbox-crs': z.string().max(200).optional(),
  crs: z.string().max(200).optional(),
})
const itemQuery = z.object({ f: format, crs: z.string().max(200).optional() })
const collectionParams = z.object({ collectionId: z.string().regex(/^[a-z_]{1,40}$/, 'A collection id.') })
const itemParams = collectionParams.extend({
  featureId: z.coerce
    .number()
    .int()
    .positive()
    .max(2 ** 53),
})

const origin = (req: Request) => `${req.protocol}://${req.get('host')}`
const lang = (req: Request) => (req.acceptsLanguages('vi', 'en') === 'en' ? 'en' : 'vi')

function send(res: Response, type: string, body: unknown, headers: Record<string, string> = {}) {
  for (const [k, v] of Object.entries(headers)) res.setHeader(k, v)
  res.type(type).send(JSON.stringify(body))
}

async function describe(req: Request, c: Collection, prefix: string) {
  const { db, config } = deps(req)
  const a = audienceOf(req.user)
  const href = `${origin(req)}${prefix}/collections/${c.id}`
  const bbox = await extent(db, c, a, config.provinceCode)
  return {
    id: c.id,
    title: c.title[lang(req)],
    description: c.description[lang(req)],
    itemType: 'feature',
    ...(bbox ? { extent: { spatial: { bbox: [bbox], crs: CRS84 } } } : {}),
    crs: await supportedCrs(db, config.provinceCode),
    storageCrs: CRS84,
    links: [
      { href, rel: 'self', type: 'application/json', title: c.title[lang(req)] },
      { href: `${href}/items`, rel: 'items', type: 'application/geo+json', title: c.title[lang(req)] },
    ],
  }
}

/** OGC API Features (Part 1 core + GeoJSON, Part 2 CRS) over the layers each audience may see; API tokens. */
export function ogcRoutes(api: Api): void {
  for (const prefix of OGC_PREFIXES) featureRoutes(api, prefix)
  tokenRoutes(api)
}

function featureRoutes(api: Api, OGC_BASE: string): void {
  const base = (req: Request) => origin(req) + OGC_BASE
  api.route({
    method: 'get',
    path: OGC_BASE,
    summary: 'OGC API Features: landing page',
    tag: 'ogc',
    access: 'public',
    query: formatOnly,
    async handler({ req, res }) {
      const b = base(req)
      send(res, 'application/json', {
        title: lang(req) === 'en' ? 'Telecom infrastructure — OGC API Features' : 'Hạ tầng viễn thông — OGC API',
        description: 'Trạm BTS, cột, tuyến cáp, địa giới · base stations, poles, cable routes, boundaries',
        links: [
          { href: b, rel: 'self', type: 'application/json', title: 'this document' },
          {
            href: `${origin(req)}/api/openapi.json`,
            rel: 'service-desc',
            type: 'application/vnd.oai.openapi+json;version=3.0',
            title: 'the API definition',
          },
          { href: `${b}/conformance`, rel: 'conformance', type: 'application/json', title: 'conformance classes' },
          { href: `${b}/collections`, rel: 'data', type: 'application/json', title: 'collections' },
        ],
      })
    },
  })

  api.route({
    method: 'get',
    path: `${OGC_BASE}/conformance`,
    summary: 'OGC API Features: conformance classes',
    tag: 'ogc',
    access: 'public',
    query: formatOnly,
    async handler({ res }) {
      send(res, 'application/json', { conformsTo: CONFORMANCE })
    },
  })

  api.route({
    method: 'get',
    path: `${OGC_BASE}/collections`,
    summary: 'OGC API Features: the collections the caller may read',
    tag: 'ogc',
    access: 'public',
    query: formatOnly,
    async handler({ req, res }) {
      const collections = []
      for (const c of visibleCollections(audienceOf(req.user))) collections.push(await describe(req, c, OGC_BASE))
      const { db, config } = deps(req)
      send(res, 'application/json', {
        links: [{ href: `${base(req)}/collections`, rel: 'self', type: 'application/json' }],
        crs: await supportedCrs(db, config.provinceCode),
        collections,
      })
    },
  })

  api.route({
    method: 'get',
    path: `${OGC_BASE}/collections/{collectionId}`,
    summary: 'OGC API Features: one collection',
    tag: 'ogc',
    access: 'public',
    query: formatOnly,
    params: collectionParams,
    async handler({ req, res, params }) {
      const c = readableCollection(params.collectionId, audienceOf(req.user))
      send(res, 'application/json', await describe(req, c, OGC_BASE))
    },
  })

  api.route({
    method: 'get',
    path: `${OGC_BASE}/collections/{collectionId}/items`,
    summary: 'OGC API Features: a page of features (bbox, limit, offset, crs, bbox-crs)',
    tag: 'ogc',
    access: 'public',
    query: itemsQuery,
    params: collectionParams,
    async handler({ req, res, params, query }) {
      const a = audienceOf(req.user)
      const c = readableCollection(params.collectionId, a)
      const { db, config } = deps(req)
      const limit = Math.min(query.limit, MAX_LIMIT)
      const request = { ...query, limit, bboxCrs: query['bbox-crs'], publicDecimals: config.openDataDecimals }
      const page = await items(db, c, a, config.provinceCode, request)
      const href = (offset: number) => {
        const search = new URLSearchParams(
          Object.entries({ ...query, limit: request.limit, offset }).flatMap(([k, v]) =>
            v === undefined ? [] : [[k, String(v)]],
          ),
        )
        return `${base(req)}/collections/${c.id}/items?${search}`
      }
      const links = [
        { href: href(query.offset), rel: 'self', type: 'application/geo+json', title: 'this page' },
        { href: `${base(req)}/collections/${c.id}`, rel: 'collection', type: 'application/json' },
      ]
      if (query.offset + page.numberReturned < page.numberMatched)
        links.push({
          href: href(query.offset + request.limit),
          rel: 'next',
          type: 'application/geo+json',
          title: 'next',
        })
      if (query.offset > 0)
        links.push({
          href: href(Math.max(0, query.offset - request.limit)),
          rel: 'prev',
          type: 'application/geo+json',
          title: 'previous',
        })
      send(
        res,
        'application/geo+json',
        {
          type: 'FeatureCollection',
          features: page.features,
          numberMatched: page.numberMatched,
          numberReturned: page.numberReturned,
          timeStamp: new Date().toISOString(),
          links,
        },
        { 'Content-Crs': `<${page.crs.uri}>` },
      )
    },
  })

  api.route({
    method: 'get',
    path: `${OGC_BASE}/collections/{collectionId}/items/{featureId}`,
    summary: 'OGC API Features: one feature',
    tag: 'ogc',
    access: 'public',
    query: itemQuery,
    params: itemParams,
    async handler({ req, res, params, query }) {
      const a = audienceOf(req.user)
      const c = readableCollection(params.collectionId, a)
      const { db, config } = deps(req)
      const options = { crs: query.crs, publicDecimals: config.openDataDecimals }
      const found = await item(db, c, a, config.provinceCode, params.featureId, options)
      const self = `${base(req)}/collections/${c.id}/items/${params.featureId}`
      send(
        res,
        'application/geo+json',
        {
          ...found.feature,
          links: [
            { href: self, rel: 'self', type: 'application/geo+json' },
            { href: `${base(req)}/collections/${c.id}`, rel: 'collection', type: 'application/json' },
          ],
        },
        { 'Content-Crs': `<${found.crs.uri}>` },
      )
    },
  })
}

function tokenRoutes(api: Api): void {
  const tokenBody = z.object({
    userId: z.number().int().positive(),
    name: z.string().trim().min(1).max(100),
    expiresInDays: z.number().int().min(1).max(3650).optional(),
  })
  api.route({
    method: 'post',
    path: '/api/admin/api-tokens',
    summary: 'Issue a read-only API token for a GIS client (the token is answered once)',
    tag: 'ogc',
    access: ['admin'],
    body: tokenBody,
    status: 201,
    async handler({ req, body }) {
      return issueToken(deps(req).db, req.user!, body, req.requestId)
    },
  })
  api.route({
    method: 'get',
    path: '/api/admin/api-tokens',
    summary: 'List API tokens (never the tokens themselves)',
    tag: 'ogc',
    access: ['admin'],
    async handler({ req }) {
      return { items: await listTokens(deps(req).db) }
    },
  })
  api.route({
    method: 'delete',
    path: '/api/admin/api-tokens/{id}',
    summary: 'Revoke an API token',
    tag: 'ogc',
    access: ['admin'],
    params: z.object({
      id: z.coerce
        .number()
        .int()
        .positive()
        .max(2 ** 31 - 1),
    }),
    async handler({ req, params }) {
      await revokeToken(deps(req).db, req.user!, params.id, req.requestId)
    },
  })
}
