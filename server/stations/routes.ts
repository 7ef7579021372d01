import type { Request, Response } from 'express'
import { z } from 'zod'
import type { Api } from '../http/api'
import { deps } from '../http/context'
import { readPhotoUpload } from '../http/upload'
import { badRequest, fieldError } from '../http/problems'
import { addStationPhoto, readStationPhoto } from './photos'
import { checkPermit, permitAnswer, permitBody } from './permit'
import { exportRows, publicStations, toCsv, toGeoJson, toVn2000Zip, withWkt } from './export'
import { requireZoneCrs } from '../coords/service'
import { importCsv } from './import'
import { listStations, overdueRemovals } from './list'
import { APPLICATION_GROUPS, carrierApplications, filteredQueue } from './worklists'
import { STATES } from './workflow'
import { createBody, type ExportQuery, exportQuery, idParams, listQuery, transitionBody, updateBody } from './schemas'
import { createStation, decorate, previewRules, stationDetail, updateStation, visibleStation } from './service'
import { transition } from './transitions'
import { stationContext } from './context'

const TAG = 'stations'
const bboxQuery = z.object({
  bbox: z
    .string()
    .regex(/^-?[\d.]+,-?[\d.]+,-?[\d.]+,-?[\d.]+$/, 'bbox.order')
    .optional(),
})

/** The stations the user sees, filtered as the list, and the province zone's CRS when VN-2000 columns are asked. */
async function exported(req: Request, query: ExportQuery) {
  const { config } = deps(req)
  const db = deps(req).db.read() // a heavy read: a replica may serve it
  const crs = query.vn2000 ? await requireZoneCrs(db, config.provinceCode) : undefined
  return { rows: await exportRows(db, req.user!, config.provinceCode, query), crs }
}

/** Sets the media type and the file name an answer is saved under. */
const attachment = (res: Response, mediaType: string, file: string) =>
  res.type(mediaType).setHeader('Content-Disposition', `attachment; filename="${file}"`)

const page = {
  offset: z.coerce.number().int().min(0).default(0),
  limit: z.coerce.number().int().min(1).max(500).default(100),
}
const queueQuery = z.object({
  state: z.enum(STATES).optional(),
  carrier: z.string().trim().min(1).max(20).optional().describe('A carrier short name'),
  district: z.string().trim().min(1).max(20).optional().describe('A district code'),
  ...page,
})
const applicationsQuery = z.object({ group: z.enum(APPLICATION_GROUPS).default('open'), ...page })

/** BTS stations and their site-approval workflow: lists, exports, imports, checks, applications and steps. */
export function stationRoutes(api: Api): void {
  api.route({
    method: 'get',
    path: '/api/stations',
    summary: 'List stations the user may see (carrier: its own; others: all but drafts), filtered and paged',
    tag: TAG,
    access: 'signed-in',
    query: listQuery,
    async handler({ query, req }) {
      const { config } = deps(req)
      const db = deps(req).db.read() // a heavy read: a replica may serve it
      const page = await listStations(db, req.user!, config.provinceCode, query)
      return { ...page, items: page.items.map((s) => decorate(s, req.user!)) }
    },
  })

  api.route({
    method: 'get',
    path: '/api/stations/queue',
    summary:
      "The officer's (or inspector's) queue, longest-waiting first: filtered by state, carrier and district, " +
      'paged, with a count per value of each filter',
    tag: TAG,
    access: ['officer', 'inspector', 'admin'],
    query: queueQuery,
    async handler({ query, req }) {
      const { db, config } = deps(req)
      const page = await filteredQueue(db, req.user!, config.provinceCode, query)
      return { ...page, items: page.items.map((s) => decorate(s, req.user!)) }
    },
  })

  api.route({
    method: 'get',
    path: '/api/stations/applications',
    summary:
      "The carrier's applications in progress (or decided this month), most recently changed first, " +
      'with how many are in each state',
    tag: TAG,
    access: ['carrier'],
    query: applicationsQuery,
    async handler({ query, req }) {
      const { db, config } = deps(req)
      const page = await carrierApplications(db, req.user!, config.provinceCode, query)
      return { ...page, items: page.items.map((s) => decorate(s, req.user!)) }
    },
  })

  api.route({
    method: 'get',
    path: '/api/stations/overdue-removals',
    summary: 'Temporary stations still standing after their end date',
    tag: TAG,
    access: ['officer', 'inspector', 'admin'],
    async handler({ req }) {
      const { db, config } = deps(req)
      return { items: await overdueRemovals(db, config.provinceCode) }
    },
  })

  api.route({
    method: 'get',
    path: '/api/stations/export.geojson',
    summary: 'Export the visible stations as GeoJSON (vn2000=true adds VN-2000 coordinates of the province zone)',
    tag: TAG,
    access: 'signed-in',
    query: exportQuery,
    async handler({ query, req, res }) {
      const { rows, crs } = await exported(req, query)
      attachment(res, 'application/geo+json', 'stations.geojson').send(JSON.stringify(toGeoJson(rows, crs)))
    },
  })

  api.route({
    method: 'get',
    path: '/api/stations/export.csv',
    summary: 'Export the visible stations as CSV (vn2000=true adds VN-2000 northing/easting and their CRS as WKT)',
    tag: TAG,
    access: 'signed-in',
    query: exportQuery,
    async handler({ query, req, res }) {
      const { rows, crs } = await exported(req, query)
      attachment(res, 'text/csv; charset=utf-8', 'stations.csv').send(toCsv(crs ? withWkt(rows, crs) : rows))
    },
  })

  api.route({
    method: 'get',
    path: '/api/stations/export.vn2000.zip',
    summary:
      'Export the visible stations with VN-2000 coordinates for GIS tools: ' +
      'CSV + .csvt + .prj (WKT with the pinned TOWGS84) + .vrt',
    tag: TAG,
    access: 'signed-in',
    query: exportQuery,
    async handler({ query, req, res }) {
      const { config } = deps(req)
      const db = deps(req).db.read() // a heavy read: a replica may serve it
      const crs = await requireZoneCrs(db, config.provinceCode)
      const rows = await exportRows(db, req.user!, config.provinceCode, { ...query, vn2000: true })
      attachment(res, 'application/zip', 'stations-vn2000.zip').send(Buffer.from(toVn2000Zip(rows, crs)))
    },
  })

  api.route({
    method: 'post',
    path: '/api/stations/check',
    summary: 'Run the site rules for a position and attributes without storing anything',
    tag: TAG,
    access: ['carrier'],
    body: createBody,
    async handler({ body, req }) {
      const { db, config } = deps(req)
      return previewRules(db, req.user!, config.provinceCode, body)
    },
  })

  api.route({
    method: 'post',
    path: '/api/stations/import',
    summary: 'Upload a CSV of several sites as drafts, all or nothing (422 lists each bad line and field)',
    tag: TAG,
    access: ['carrier'],
    body: z.object({ csv: z.string().min(1).max(900_000) }),
    status: 201,
    async handler({ body, req }) {
      const { db, config } = deps(req)
      const created = await db.transaction((tx) =>
        importCsv(tx, req.user!, config.provinceCode, body.csv, req.requestId),
      )
      return { created: created.length, items: created.map((s) => decorate(s, req.user!)) }
    },
  })

  api.route({
    method: 'post',
    path: '/api/stations',
    summary: "Create a carrier's draft application (position in WGS84 or VN-2000); the rules run at once",
    tag: TAG,
    access: ['carrier'],
    body: createBody,
    status: 201,
    async handler({ body, req }) {
      const { db, config } = deps(req)
      return db.transaction((tx) => createStation(tx, req.user!, config.provinceCode, body, req.requestId))
    },
  })

  api.route({
    method: 'get',
    path: '/api/stations/{id}',
    summary: 'A station with its rule results, allowed actions, history and field checks',
    tag: TAG,
    access: 'signed-in',
    params: idParams,
    async handler({ params, req }) {
      const { db, config } = deps(req)
      return stationDetail(db, req.user!, config.provinceCode, params.id)
    },
  })

  api.route({
    method: 'get',
    path: '/api/stations/{id}/context',
    summary: 'Map context of a station: zones at the site, existing masts nearby and the spacing/sharing rings',
    tag: TAG,
    access: 'signed-in',
    params: idParams,
    async handler({ params, req }) {
      const { db, config } = deps(req)
      const station = await visibleStation(db, req.user!, config.provinceCode, params.id)
      return stationContext(db, config.provinceCode, station)
    },
  })

  api.route({
    method: 'patch',
    path: '/api/stations/{id}',
    summary: 'Change attributes or position (carrier: drafts and returned applications); send the version you read',
    tag: TAG,
    access: ['carrier', 'officer'],
    params: idParams,
    body: updateBody,
    async handler({ params, body, req }) {
      const { db, config } = deps(req)
      return db.transaction((tx) => updateStation(tx, req.user!, config.provinceCode, params.id, body, req.requestId))
    },
  })

  api.route({
    method: 'post',
    path: '/api/stations/{id}/transitions',
    summary:
      'Take a workflow step (submit, field_check, skip_field_check, approve, reject, return, report_built, ' +
      'report_in_service, decommission)',
    tag: TAG,
    access: 'signed-in',
    params: idParams,
    body: transitionBody,
    async handler({ params, body, req }) {
      const { db, config } = deps(req)
      return db.transaction((tx) => transition(tx, req.user!, config.provinceCode, params.id, body, req.requestId))
    },
  })
}

/** Site photos of the field check: uploaded one by one, then named by id in the field_check step. */
export function stationPhotoRoutes(api: Api): void {
  api.route({
    method: 'post',
    path: '/api/stations/{id}/photos',
    summary:
      'Upload one site photo for the field check as the raw request body ' +
      '(JPEG, PNG or WebP by content; at most 8 MB: 413, other types: 415)',
    tag: TAG,
    access: ['inspector'],
    params: idParams,
    status: 201,
    async handler({ params, req }) {
      const { db, config } = deps(req)
      const photo = await readPhotoUpload(req)
      return db.transaction((tx) =>
        addStationPhoto(tx, req.user!, config.provinceCode, params.id, photo, req.requestId),
      )
    },
  })

  api.route({
    method: 'get',
    path: '/api/stations/photos/{id}',
    summary: "A field-check photo's image, for those who may see its station",
    tag: TAG,
    access: 'signed-in',
    params: idParams,
    async handler({ params, req, res }) {
      const { db, config } = deps(req)
      const photo = await readStationPhoto(db, req.user!, config.provinceCode, params.id)
      res.type(photo.mediaType)
      res.send(photo.content)
      return undefined
    },
  })
}

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
      return checkPermit(db.read(), config.provinceCode, body) // public reads: a replica may serve them
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
          throw badRequest('bbox.empty', [fieldError('query.bbox', 'bbox.order')])
      }
      res.type('application/geo+json').setHeader('Cache-Control', 'public, max-age=60')
      res.send(JSON.stringify(await publicStations(db.read(), config.provinceCode, bbox)))
    },
  })
}
