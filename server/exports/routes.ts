import type { Request } from 'express'
import { z } from 'zod'
import type { Api } from '../http/api'
import { deps } from '../http/context'
import { isoDate } from '../http/dates'
import { containsPattern } from '../http/text'
import { audienceOf } from '../tiles/audience'
import { whereFor } from '../stations/list'
import { exportQuery as stationFilters } from '../stations/schemas'
import { itemWhere } from '../conversions/access'
import { itemFilters } from '../conversions/schemas'
import { KINDS, STATUSES } from '../cables/workflow'
import { vietnamToday } from '../time'
import {
  CABLE_ROUTES,
  DUCTS,
  ductsScope,
  ductWhere,
  CONVERSION_ITEMS,
  DISTRICTS,
  districtsWhere,
  POLES,
  poleWhere,
  polesScope,
  publicStations,
  publicStationsWhere,
  routesScope,
  routeWhere,
  STATIONS,
  ZONES,
  zonesWhere,
} from './sql'
import { type ExportRequest, sendExport } from './service'
import { FORMATS, type Format } from './writers'

const TAG = 'exports'

/** Every export takes the format and whether to add VN-2000 columns. */
const common = {
  format: z.enum(FORMATS).default('geojson'),
  vn2000: z
    .enum(['1', '0', 'true', 'false'])
    .transform((v) => v === '1' || v === 'true')
    .optional(),
}

const bbox = z.string().transform((text, ctx) => {
  const n = text.split(',').map(Number)
  const [a, b, c, d] = n
  if (n.length !== 4 || n.some((v) => !Number.isFinite(v)) || a! >= c! || b! >= d!) {
    ctx.addIssue({ code: 'custom', message: 'bbox.order' })
    return z.NEVER
  }
  return [a!, b!, c!, d!]
})
const districtCode = z.string().regex(/^[0-9]{2,5}$/)

const FORMAT_LIST = 'format=geojson|csv|xlsx|kml|shp|gpkg; vn2000=1 adds vn2000_x/vn2000_y in the province zone'

const carrierOf = (req: Request): number | null => {
  const a = audienceOf(req.user)
  return a.kind === 'carrier' ? a.carrierId : null
}

/** Runs an export of the request's province, read from a replica when one is up to date. */
const send = (req: Request, res: Parameters<typeof sendExport>[0], r: ExportRequest, format: Format) =>
  sendExport(res, deps(req).db.read(), deps(req).config.provinceCode, r, format)

/**
 * Exports of every layer and list, one route per layer with a `format` parameter; each selects what its list
 * shows the user (the same scope functions) with the list's filters.
 */
export function exportRoutes(api: Api): void {
  api.route({
    method: 'get',
    path: '/api/exports/stations',
    summary: `Export the station list as filtered (a carrier: its own stations) — ${FORMAT_LIST}`,
    tag: TAG,
    access: 'signed-in',
    query: stationFilters.omit({ vn2000: true }).extend(common),
    async handler({ query, req, res }) {
      const where = whereFor(req.user!, deps(req).config.provinceCode, query)
      const r = { layer: STATIONS, where, vn2000: Boolean(query.vn2000), title: 'Trạm BTS', file: 'stations' }
      await send(req, res, r, query.format)
    },
  })

  api.route({
    method: 'get',
    path: '/api/exports/public-stations',
    summary: `Export the public layer: stations in service, open-data columns and rounding — ${FORMAT_LIST}`,
    tag: TAG,
    access: 'public',
    query: z.object(common),
    async handler({ query, req, res }) {
      const { config } = deps(req)
      const r = {
        layer: publicStations(config.openDataDecimals),
        where: publicStationsWhere(config.provinceCode),
        vn2000: Boolean(query.vn2000),
        title: 'Trạm BTS đang hoạt động',
        file: `bts-${config.provinceCode}`,
      }
      await send(req, res, r, query.format)
    },
  })

  api.route({
    method: 'get',
    path: '/api/exports/poles',
    summary: `Export the poles (a carrier sees counts, not other carriers) — ${FORMAT_LIST}`,
    tag: TAG,
    access: 'signed-in',
    query: z.object({ ...common, district: districtCode.optional(), bbox: bbox.optional() }),
    async handler({ query, req, res }) {
      const scope = polesScope(deps(req).config.provinceCode, carrierOf(req))
      const where = poleWhere(scope, { district: query.district, box: query.bbox })
      await send(
        req,
        res,
        { layer: POLES, where, vn2000: Boolean(query.vn2000), title: 'Cột treo cáp', file: 'poles' },
        query.format,
      )
    },
  })

  api.route({
    method: 'get',
    path: '/api/exports/cable-routes',
    summary: `Export the cable route list as filtered (a carrier: the routes it takes part in) — ${FORMAT_LIST}`,
    tag: TAG,
    access: ['admin', 'officer', 'inspector', 'carrier'],
    query: z.object({
      ...common,
      kind: z.enum(KINDS).optional(),
      status: z.enum(STATUSES).optional(),
      carrier: z.string().optional(),
      district: districtCode.optional(),
      q: z.string().trim().max(100).optional(),
      bbox: bbox.optional(),
    }),
    async handler({ query, req, res }) {
      const scope = routesScope(deps(req).config.provinceCode, carrierOf(req))
      const where = routeWhere(scope, {
        kind: query.kind,
        status: query.status,
        carrier: query.carrier,
        district: query.district,
        pattern: query.q ? containsPattern(query.q) : undefined,
        box: query.bbox,
      })
      const r = { layer: CABLE_ROUTES, where, vn2000: Boolean(query.vn2000), title: 'Tuyến cáp', file: 'cable-routes' }
      await send(req, res, r, query.format)
    },
  })

  api.route({
    method: 'get',
    path: '/api/exports/ducts',
    summary: `Export the shared ducts: capacity, occupancy, price and renters (a carrier: its routes) — ${FORMAT_LIST}`,
    tag: TAG,
    access: ['admin', 'officer', 'inspector', 'carrier'],
    query: z.object({ ...common, bbox: bbox.optional() }),
    async handler({ query, req, res }) {
      const where = ductWhere(ductsScope(deps(req).config.provinceCode, carrierOf(req)), { box: query.bbox })
      const r = { layer: DUCTS, where, vn2000: Boolean(query.vn2000), title: 'Cống bể dùng chung', file: 'ducts' }
      await send(req, res, r, query.format)
    },
  })

  api.route({
    method: 'get',
    path: '/api/exports/conversion-items',
    summary: `Export the conversion programme items as filtered (a carrier: its own) — ${FORMAT_LIST}`,
    tag: TAG,
    access: 'signed-in',
    query: itemFilters.partial({ programme: true }).extend(common),
    async handler({ query, req, res }) {
      const where = itemWhere(req.user!, deps(req).config.provinceCode, query)
      const r = {
        layer: CONVERSION_ITEMS,
        where,
        vn2000: Boolean(query.vn2000),
        title: 'Hạng mục cải tạo cột ăng-ten',
        file: 'conversion-items',
      }
      await send(req, res, r, query.format)
    },
  })

  api.route({
    method: 'get',
    path: '/api/exports/districts',
    summary: `Export the district boundaries in force on a date (default today), public — ${FORMAT_LIST}`,
    tag: TAG,
    access: 'public',
    query: z.object({ ...common, at: isoDate.optional() }),
    async handler({ query, req, res }) {
      const where = districtsWhere(deps(req).config.provinceCode, query.at ?? vietnamToday())
      const r = {
        layer: DISTRICTS,
        where,
        vn2000: Boolean(query.vn2000),
        title: 'Địa giới quận, huyện',
        file: 'districts',
      }
      await send(req, res, r, query.format)
    },
  })

  api.route({
    method: 'get',
    path: '/api/exports/zones',
    summary: `Export the planning zones (optionally within a bbox) — ${FORMAT_LIST}`,
    tag: TAG,
    access: 'signed-in',
    query: z.object({ ...common, bbox: bbox.optional() }),
    async handler({ query, req, res }) {
      const where = zonesWhere(deps(req).config.provinceCode, query.bbox)
      const r = { layer: ZONES, where, vn2000: Boolean(query.vn2000), title: 'Vùng quy hoạch trạm BTS', file: 'zones' }
      await send(req, res, r, query.format)
    },
  })
}
