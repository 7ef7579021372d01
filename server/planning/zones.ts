import { z } from 'zod'
import type { Queryable, Row } from '../db/index'
import { fieldErrors } from '../http/api'
import { invalid, type FieldError } from '../http/problems'
import type { Geometry } from '../geo/gate'
import { gatedGeometry } from '../geo/schema'
import { placeGeometry } from '../geo/service'

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
  z.array(z.enum(['A1', 'A2a', 'A2b'])).min(1, 'Allow at least one class.'),
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

const ZONE_COLUMNS = `id, province_code AS "provinceCode", name, kind, allowed_classes AS "allowedClasses", max_height_m AS "maxHeightM",
  ST_AsGeoJSON(geom, 7)::jsonb AS geometry, version, updated_at AS "updatedAt"`

/** Zones of a province, optionally those touching a bbox. */
export function listZones(q: Queryable, provinceCode: string, bbox: number[] | null): Promise<Row[]> {
  return bbox
    ? q.many(
        `SELECT ${ZONE_COLUMNS} FROM planning_zones WHERE province_code = $1 AND geom && ST_MakeEnvelope($2, $3, $4, $5, 4326) ORDER BY id`,
        [provinceCode, ...bbox],
      )
    : q.many(`SELECT ${ZONE_COLUMNS} FROM planning_zones WHERE province_code = $1 ORDER BY id`, [provinceCode])
}

/** Checks an area's validity and that it lies in the province; the errors name `path`. */
export async function geometryErrors(
  q: Queryable,
  provinceCode: string,
  geometry: Geometry,
  path: string,
): Promise<FieldError[]> {
  const placed = await placeGeometry(q, geometry, { provinceCode, noun: 'polygon' })
  return placed.ok ? [] : placed.errors.map((message) => ({ path, message: `${message}.` }))
}

/** Inserts a zone; answers it. */
export function insertZone(q: Queryable, provinceCode: string, z: ZoneBody): Promise<Row> {
  return q.one(
    `INSERT INTO planning_zones (province_code, name, kind, allowed_classes, max_height_m, geom)
     VALUES ($1, $2, $3, $4, $5, ST_Multi(ST_SetSRID(ST_GeomFromGeoJSON($6), 4326))) RETURNING ${ZONE_COLUMNS}`,
    [provinceCode, z.name, z.kind, z.allowedClasses, z.maxHeightM ?? null, JSON.stringify(z.geometry)],
  )
}

/** Changes version $2 of zone $1; answers undefined when the version moved on. */
export function updateZone(q: Queryable, id: number, version: number, z: ZoneBody): Promise<Row | undefined> {
  return q.maybeOne(
    `UPDATE planning_zones SET name = $3, kind = $4, allowed_classes = $5, max_height_m = $6,
            geom = ST_Multi(ST_SetSRID(ST_GeomFromGeoJSON($7), 4326)), version = version + 1, updated_at = now()
      WHERE id = $1 AND version = $2 RETURNING ${ZONE_COLUMNS}`,
    [id, version, z.name, z.kind, z.allowedClasses, z.maxHeightM ?? null, JSON.stringify(z.geometry)],
  )
}

/** Reads a zone by id within a province. */
export function findZone(q: Queryable, provinceCode: string, id: number): Promise<Row | undefined> {
  return q.maybeOne(`SELECT ${ZONE_COLUMNS} FROM planning_zones WHERE id = $1 AND province_code = $2`, [
    id,
    provinceCode,
  ])
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
      errors.push({ path: at, message: 'Not a GeoJSON Feature.' })
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
  if (errors.length > 0) throw invalid(`${errors.length} feature error(s); nothing was imported.`, errors)
  const replaced = replace ? await tx.exec('DELETE FROM planning_zones WHERE province_code = $1', [provinceCode]) : 0
  for (const zone of zones) await insertZone(tx, provinceCode, zone)
  return { imported: zones.length, replaced }
}
