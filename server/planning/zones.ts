import { z } from 'zod'
import type { Queryable, Row } from '../db/index'
import { fieldErrors } from '../http/api'
import { conflict, invalid, notFound, type FieldError, msg, fieldErrorFrom } from '../http/problems'
import { type Actor, audit } from '../audit/audit'
import type { Geometry } from '../geo/gate'
import { gatedGeometry } from '../geo/schema'
import { placeGeometry } from '../geo/service'
import {
  DELETE_PROVINCE_ZONES,
  DELETE_ZONE,
  FIND_ZONE,
  INSERT_ZONE,
  LIST_ZONES,
  LIST_ZONES_IN_BBOX,
  UPDATE_ZONE,
  ZONES_NEAR,
} from './sql'

export const ZONE_KINDS = ['a1_only', 'heritage', 'government', 'main_street', 'residential', 'rural', 'other'] as const

/** A GeoJSON Polygon or MultiPolygon, checked by the geometry gate here and for validity by PostGIS. */
export const areaGeometry = gatedGeometry(['Polygon', 'MultiPolygon'])

const classList = z.preprocess(
  (v) =>
    typeof v === 'string'
      ? v
          .split(/[;,|]/)
          .map((s) => s.trim())
          .filter(Boolean)
      : v,
  z.array(z.enum(['A1', 'A2a', 'A2b'])).min(1, 'zone.classes_min'),
)
export const zoneFields = z.object({
  name: z.string().trim().min(1).max(200),
  kind: z.enum(ZONE_KINDS),
  allowedClasses: classList,
  maxHeightM: z.number().gt(0).max(500).nullable().optional(),
})
export const zoneBody = zoneFields.extend({ geometry: areaGeometry })
export type ZoneBody = z.infer<typeof zoneBody>

export const zoneImportBody = z.object({
  replace: z.boolean().default(false),
  featureCollection: z.object({
    type: z.literal('FeatureCollection'),
    features: z.array(z.unknown()).min(1).max(5000),
  }),
})

/** Zones of a province, optionally those touching a bbox. */
export function listZones(q: Queryable, provinceCode: string, bbox: number[] | null): Promise<Row[]> {
  return bbox ? q.many(LIST_ZONES_IN_BBOX, [provinceCode, ...bbox]) : q.many(LIST_ZONES, [provinceCode])
}

/** Zones within `degrees` of a point (an index box: the caller filters exactly if it needs to), with outlines. */
export function zonesNear(q: Queryable, provinceCode: string, lon: number, lat: number, degrees: number) {
  return q.many(ZONES_NEAR, [lon, lat, provinceCode, degrees])
}

/** Checks an area's validity and that it lies in the province; the errors name `path`. */
export async function geometryErrors(
  q: Queryable,
  provinceCode: string,
  geometry: Geometry,
  path: string,
): Promise<FieldError[]> {
  const placed = await placeGeometry(q, geometry, { provinceCode, noun: 'polygon' })
  return placed.ok ? [] : placed.errors.map((m) => fieldErrorFrom(path, m))
}

/** Inserts a zone; answers it. */
export function insertZone(q: Queryable, provinceCode: string, z: ZoneBody): Promise<Row> {
  return q.one(INSERT_ZONE, [
    provinceCode,
    z.name,
    z.kind,
    z.allowedClasses,
    z.maxHeightM ?? null,
    JSON.stringify(z.geometry),
  ])
}

/** Reads a zone by id within a province. */
export function findZone(q: Queryable, provinceCode: string, id: number): Promise<Row | undefined> {
  return q.maybeOne(FIND_ZONE, [id, provinceCode])
}

async function validZone(q: Queryable, provinceCode: string, z: ZoneBody): Promise<void> {
  const bad = await geometryErrors(q, provinceCode, z.geometry, 'body.geometry')
  if (bad.length > 0) throw invalid('zone.invalid', bad)
}

/** An officer adds a zone: checked, stored and audited; answers it. */
export async function createZone(
  tx: Queryable,
  user: Actor,
  provinceCode: string,
  z: ZoneBody,
  requestId: string | undefined,
): Promise<Row> {
  await validZone(tx, provinceCode, z)
  const zone = await insertZone(tx, provinceCode, z)
  await audit(
    tx,
    user,
    { action: 'zone.create', entity: 'planning_zone', entityId: zone.id as number, after: zone },
    requestId,
  )
  return zone
}

/** An officer replaces version `z.version` of a zone (404 unknown, 409 stale); answers the new version. */
export async function replaceZone(
  tx: Queryable,
  user: Actor,
  provinceCode: string,
  id: number,
  z: ZoneBody & { version: number },
  requestId: string | undefined,
): Promise<Row> {
  const before = await findZone(tx, provinceCode, id)
  if (!before) throw notFound('zone.not_found')
  await validZone(tx, provinceCode, z)
  const after = await tx.maybeOne(UPDATE_ZONE, [
    id,
    z.version,
    z.name,
    z.kind,
    z.allowedClasses,
    z.maxHeightM ?? null,
    JSON.stringify(z.geometry),
  ])
  if (!after) throw conflict(msg('zone.stale', { have: before.version as number, sent: z.version }))
  await audit(tx, user, { action: 'zone.update', entity: 'planning_zone', entityId: id, before, after }, requestId)
  return after
}

/** An officer deletes a zone (404 unknown), with one audit row. */
export async function deleteZone(
  tx: Queryable,
  user: Actor,
  provinceCode: string,
  id: number,
  requestId: string | undefined,
): Promise<void> {
  const before = await findZone(tx, provinceCode, id)
  if (!before) throw notFound('zone.not_found')
  await tx.exec(DELETE_ZONE, [id])
  await audit(tx, user, { action: 'zone.delete', entity: 'planning_zone', entityId: id, before }, requestId)
}

/**
 * Imports zones from a GeoJSON FeatureCollection, all or nothing: every rejected feature is named in one 422
 * and nothing is stored. With `replace`, the province's zones are replaced.
 */
export async function importZones(
  tx: Queryable,
  provinceCode: string,
  features: unknown[],
  replace: boolean,
): Promise<{ imported: number; replaced: number }> {
  const errors: FieldError[] = []
  const zones: ZoneBody[] = []
  for (const [i, feature] of features.entries()) {
    const at = `features.${i}`
    const f = feature as { type?: unknown; geometry?: unknown; properties?: Record<string, unknown> | null }
    if (f?.type !== 'Feature') {
      errors.push({ path: at, message: 'zone.not_feature' })
      continue
    }
    const parsed = zoneBody.safeParse({ ...(f.properties ?? {}), geometry: f.geometry })
    if (!parsed.success) {
      errors.push(
        ...fieldErrors(parsed.error, at).map((e) => ({
          ...e,
          path: e.path.replace(`${at}.`, e.path.startsWith(`${at}.geometry`) ? `${at}.` : `${at}.properties.`),
        })),
      )
      continue
    }
    const bad = await geometryErrors(tx, provinceCode, parsed.data.geometry, `${at}.geometry`)
    if (bad.length > 0) errors.push(...bad)
    else zones.push(parsed.data)
  }
  if (errors.length > 0) throw invalid(msg('zone.import_errors', { n: errors.length }), errors)
  const replaced = replace ? await tx.exec(DELETE_PROVINCE_ZONES, [provinceCode]) : 0
  for (const zone of zones) await insertZone(tx, provinceCode, zone)
  return { imported: zones.length, replaced }
}

/** An officer imports zones (see importZones), with one audit row holding the report. */
export async function importZonesAudited(
  tx: Queryable,
  user: Actor,
  provinceCode: string,
  body: z.infer<typeof zoneImportBody>,
  requestId: string | undefined,
): Promise<{ imported: number; replaced: number }> {
  const report = await importZones(tx, provinceCode, body.featureCollection.features, body.replace)
  await audit(
    tx,
    user,
    { action: 'zone.import', entity: 'planning_zone', entityId: provinceCode, after: report },
    requestId,
  )
  return report
}
