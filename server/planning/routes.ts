import { z } from 'zod'
import type { Api } from '../http/api'
import { deps } from '../http/context'
import { audit } from '../audit/audit'
import { parseBbox } from '../http/bbox'
import { badRequest, conflict, invalid, notFound } from '../http/problems'
import { readSettings, ruleValuesBody, writeSettings } from './settings'
import {
  findZone,
  geometryErrors,
  importZones,
  insertZone,
  listZones,
  updateZone,
  zoneBody,
  zoneImportBody,
  areaGeometry,
} from './zones'
import { isoDate } from '../http/dates'

const OFFICE = ['officer', 'admin'] as const
const idParams = z.object({ id: z.coerce.number().int().positive() })
const bboxQuery = z.object({
  bbox: z.string().max(200).optional().describe('minLon,minLat,maxLon,maxLat (WGS84 degrees)'),
})
const eventBody = z
  .object({
    name: z.string().trim().min(1).max(200),
    startsOn: isoDate,
    endsOn: isoDate,
    area: areaGeometry.nullable().optional(),
  })
  .refine((e) => e.endsOn >= e.startsOn, { path: ['endsOn'], message: 'The event ends before it starts.' })

/** Planning zones, rule values and events: read by everyone signed in, kept by officers and administrators. */
export function planningRoutes(api: Api): void {
  api.route({
    method: 'get',
    path: '/api/station-rules',
    summary: "The province's station rule values and urban/rural districts",
    tag: 'station rules',
    access: 'signed-in',
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
      return db.transaction(async (tx) => {
        const before = await readSettings(tx, config.provinceCode).catch(() => null)
        await writeSettings(tx, config.provinceCode, body)
        const after = await readSettings(tx, config.provinceCode)
        await audit(
          tx,
          req.user!,
          { action: 'station_rules.update', entity: 'station_rules', entityId: config.provinceCode, before, after },
          req.requestId,
        )
        return after
      })
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
      return db.transaction(async (tx) => {
        const bad = await geometryErrors(tx, config.provinceCode, body.geometry, 'body.geometry')
        if (bad.length > 0) throw invalid('The zone geometry is not valid.', bad)
        const zone = await insertZone(tx, config.provinceCode, body)
        await audit(
          tx,
          req.user!,
          { action: 'zone.create', entity: 'planning_zone', entityId: zone.id as number, after: zone },
          req.requestId,
        )
        return zone
      })
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
      return db.transaction(async (tx) => {
        const before = await findZone(tx, config.provinceCode, params.id)
        if (!before) throw notFound('No such zone.')
        const bad = await geometryErrors(tx, config.provinceCode, body.geometry, 'body.geometry')
        if (bad.length > 0) throw invalid('The zone geometry is not valid.', bad)
        const after = await updateZone(tx, params.id, body.version, body)
        if (!after) throw conflict(`The zone is at version ${before.version}, not ${body.version}; reload it.`)
        await audit(
          tx,
          req.user!,
          { action: 'zone.update', entity: 'planning_zone', entityId: params.id, before, after },
          req.requestId,
        )
        return after
      })
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
      await db.transaction(async (tx) => {
        const before = await findZone(tx, config.provinceCode, params.id)
        if (!before) throw notFound('No such zone.')
        await tx.exec('DELETE FROM planning_zones WHERE id = $1', [params.id])
        await audit(
          tx,
          req.user!,
          { action: 'zone.delete', entity: 'planning_zone', entityId: params.id, before },
          req.requestId,
        )
      })
    },
  })

  api.route({
    method: 'post',
    path: '/api/zones/import',
    summary:
      'Import zones from a GeoJSON FeatureCollection, all or nothing (properties: name, kind, allowedClasses, maxHeightM)',
    tag: 'zones',
    access: OFFICE,
    body: zoneImportBody,
    status: 201,
    bodyLimit: '20mb',
    async handler({ body, req }) {
      const { db, config } = deps(req)
      return db.transaction(async (tx) => {
        const report = await importZones(tx, config.provinceCode, body.featureCollection.features, body.replace)
        await audit(
          tx,
          req.user!,
          { action: 'zone.import', entity: 'planning_zone', entityId: config.provinceCode, after: report },
          req.requestId,
        )
        return report
      })
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
      const items = await db.many(
        `SELECT e.id, e.name, e.starts_on AS "startsOn", e.ends_on AS "endsOn", ST_AsGeoJSON(e.area, 7)::jsonb AS area,
                (SELECT count(*) FROM stations s WHERE s.event_id = e.id AND s.state <> 'draft') AS stations
           FROM station_events e WHERE e.province_code = $1 ORDER BY e.starts_on DESC, e.id`,
        [config.provinceCode],
      )
      return { items }
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
      return db.transaction(async (tx) => {
        if (body.area) {
          const bad = await geometryErrors(tx, config.provinceCode, body.area, 'body.area')
          if (bad.length > 0) throw badRequest('The event area is not valid.', bad)
        }
        const event = await tx.one(
          `INSERT INTO station_events (province_code, name, starts_on, ends_on, area)
           VALUES ($1, $2, $3, $4, CASE WHEN $5::text IS NULL THEN NULL ELSE ST_Multi(ST_SetSRID(ST_GeomFromGeoJSON($5), 4326)) END)
           RETURNING id, name, starts_on AS "startsOn", ends_on AS "endsOn", ST_AsGeoJSON(area, 7)::jsonb AS area`,
          [config.provinceCode, body.name, body.startsOn, body.endsOn, body.area ? JSON.stringify(body.area) : null],
        )
        await audit(
          tx,
          req.user!,
          { action: 'station_event.create', entity: 'station_event', entityId: event.id as number, after: event },
          req.requestId,
        )
        return event
      })
    },
  })
}
