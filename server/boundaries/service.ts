// Reading the boundaries: vintages, units at a date, a unit's versions, the units containing a point.
// (Writing them is server/boundaries/import.ts.)
import type { Queryable } from '../db/index'
import { notFound, msg } from '../http/problems'
import * as sql from './sql'

/** The vintages per level, province and validity, and the latest imports with what they moved. */
export async function vintagesAndImports(q: Queryable) {
  const [vintages, imports] = await Promise.all([q.many(sql.VINTAGES), q.many(sql.RECENT_IMPORTS)])
  return { vintages, imports }
}

export interface UnitsQuery {
  level: string
  province: string | null
  at: string
  tolerance: number
  bbox: readonly [number, number, number, number] | null
}

/** The units of a level valid at a date, simplified, as the text of a GeoJSON FeatureCollection. */
export async function unitsAsGeoJson(q: Queryable, u: UnitsQuery): Promise<string> {
  const box = u.bbox ?? [null, null, null, null]
  const { body } = await q.one<{ body: string }>(sql.UNITS_AS_FEATURE_COLLECTION, [
    u.level,
    u.province,
    u.at,
    u.tolerance,
    ...box,
  ])
  return body
}

/** Every version of one unit (no geometry); 404 when the unit never existed. */
export async function unitVersions(q: Queryable, level: string, code: string) {
  const items = await q.many(sql.UNIT_VERSIONS, [level, code])
  if (items.length === 0) throw notFound(msg('boundary.unit_not_found', { level, code }))
  return items
}

/** The province, district and ward containing a point at a date (null where none does). */
export async function locatePoint(q: Queryable, lon: number, lat: number, at: string) {
  const rows = await q.many<{ level: string } & Record<string, unknown>>(sql.LOCATE_POINT, [lon, lat, at])
  const unit = (level: string) => {
    const row = rows.find((r) => r.level === level)
    if (!row) return null
    const { level: _level, ...rest } = row
    return rest
  }
  return { province: unit('province'), district: unit('district'), ward: unit('ward') }
}
