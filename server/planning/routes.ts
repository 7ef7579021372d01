import { z } from 'zod'
import type { Api } from '../http/api'
import { deps } from '../http/context'
import { parseBbox } from '../http/bbox'
import { createEvent, eventBody, listEvents } from './events'
import { readSettings, replaceSettings, ruleValuesAnswer, ruleValuesBody } from './settings'
import { createZone, deleteZone, importZonesAudited, listZones, replaceZone, zoneBody, zoneImportBody } from './zones'

const OFFICE = ['officer', 'admin'] as const
const idParams = z.object({ id: z.coerce.number().int().positive() })
const bboxQuery = z.object({
  bbox: z.string().max(200).optional().describe('minLon,minLat,maxLon,maxLat (WGS84 degrees)'),
})

/** Planning zones, rule values and events: read by everyone signed in, kept by officers and administrators. */
export function planningRoutes(api: Api): void {
  api.route({
    method: 'get',
    path: '/api/station-rules',
    summary: "The province's station rule values and urban/rural districts",
    tag: 'station rules',
    access: 'signed-in',
    response: ruleValuesAnswer,
    async handler({ req }) {
      const { db, config } = deps(req)
      return readSettings(db, config.provinceCode)
    },
  })

  api.route({
    method: 'put',
    path: '/api/station-rules',
    summary: 'Replace the rule values (spacing, A1 limits, sharing distances, district classes)',
    tag: 'station rules',
    access: OFFICE,
    body: ruleValuesBody,
    async handler({ body, req }) {
      const { db, config } = deps(req)
      return db.transaction((tx) => replaceSettings(tx, req.user!, config.provinceCode, body, req.requestId))
    },
  })

  api.route({
    method: 'get',
    path: '/api/zones',
    summary: 'Planning zones of the province (optionally within a bbox)',
    tag: 'zones',
    access: 'signed-in',
    query: bboxQuery,
    async handler({ query, req }) {
      const { db, config } = deps(req)
      const bbox = query.bbox === undefined ? null : parseBbox(query.bbox)
      return { items: await listZones(db, config.provinceCode, bbox) }
    },
  })

  api.route({
    method: 'post',
    path: '/api/zones',
    summary: 'Add a planning zone (GeoJSON Polygon/MultiPolygon)',
    tag: 'zones',
    access: OFFICE,
    body: zoneBody,
    status: 201,
    async handler({ body, req }) {
      const { db, config } = deps(req)
      return db.transaction((tx) => createZone(tx, req.user!, config.provinceCode, body, req.requestId))
    },
  })

  api.route({
    method: 'put',
    path: '/api/zones/{id}',
    summary: 'Replace a planning zone; send the version you read',
    tag: 'zones',
    access: OFFICE,
    params: idParams,
    body: zoneBody.extend({ version: z.number().int().positive() }),
    async handler({ params, body, req }) {
      const { db, config } = deps(req)
      return db.transaction((tx) => replaceZone(tx, req.user!, config.provinceCode, params.id, body, req.requestId))
    },
  })

  api.route({
    method: 'delete',
    path: '/api/zones/{id}',
    summary: 'Delete a planning zone',
    tag: 'zones',
    access: OFFICE,
    params: idParams,
    async handler({ params, req }) {
      const { db, config } = deps(req)
      await db.transaction((tx) => deleteZone(tx, req.user!, config.provinceCode, params.id, req.requestId))
    },
  })

  api.route({
    method: 'post',
    path: '/api/zones/import',
    summary:
      'Import zones from a GeoJSON FeatureCollection, all or nothing ' +
      '(properties: name, kind, allowedClasses, maxHeightM)',
    tag: 'zones',
    access: OFFICE,
    body: zoneImportBody,
    status: 201,
    bodyLimit: '20mb',
    async handler({ body, req }) {
      const { db, config } = deps(req)
      return db.transaction((tx) => importZonesAudited(tx, req.user!, config.provinceCode, body, req.requestId))
    },
  })

  api.route({
    method: 'get',
    path: '/api/station-events',
    summary: 'Events with temporary stations and mobile BTS trucks',
    tag: 'station events',
    access: 'signed-in',
    async handler({ req }) {
      const { db, config } = deps(req)
      return { items: await listEvents(db, config.provinceCode) }
    },
  })

  api.route({
    method: 'post',
    path: '/api/station-events',
    summary: 'Add an event (name, dates, optional area)',
    tag: 'station events',
    access: OFFICE,
    body: eventBody,
    status: 201,
    async handler({ body, req }) {
      const { db, config } = deps(req)
      return db.transaction((tx) => createEvent(tx, req.user!, config.provinceCode, body, req.requestId))
    },
  })
}
