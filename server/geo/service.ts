import type { Queryable } from '../db/index'
import type { Geometry } from './gate'
import * as sql from './sql'
import type { GeoNoun } from '../http/messages.en'
import { msg, type Msg } from '../http/problems'

/**
 * How far outside the province's outline a position may lie. A cable route or zone at the border reaches into
 * the neighbour (a route ends at the neighbour's exchange, outlines are drawn at different scales); 5 km still
 * keeps out geometry of another province's towns or another continent.
 */
export const PROVINCE_TOLERANCE_M = 5000

export interface PlaceOptions {
  /** The province the geometries must lie in; when its outline is not loaded, the country's extent stands. */
  provinceCode: string | null
  /** Repair an invalid geometry with ST_MakeValid (and warn) instead of refusing it. */
  repair?: boolean
  /** What the geometries are, for messages: "line", "polygon". */
  noun?: GeoNoun
}

/**
 * The PostGIS verdict on one geometry: the GeoJSON to store (repaired or as given), or why it cannot be; the
 * messages are rendered in the language of whoever reads them (a field error, a per-feature report).
 */
export type Placed = { ok: true; geojson: string; warnings: Msg[] } | { ok: false; errors: Msg[] }

/** Checks validity and the province for many geometries at once (one statement), in input order. */
export async function placeGeometries(q: Queryable, geometries: Geometry[], options: PlaceOptions): Promise<Placed[]> {
  if (geometries.length === 0) return []
  const texts = geometries.map((g) => JSON.stringify(g))
  const rows = await q.many<{ i: number; valid: boolean; reason: string; inside: boolean; repaired: string | null }>(
    sql.CHECK_GEOMETRIES,
    [texts, options.provinceCode, PROVINCE_TOLERANCE_M, options.repair ?? false],
  )
  const noun = options.noun ?? 'geometry'
  return rows.map((r) => {
    const errors: Msg[] = []
    const warnings: Msg[] = []
    if (!r.inside) errors.push(msg('geo.outside_province', { noun, m: PROVINCE_TOLERANCE_M }))
    let geojson = texts[r.i - 1]!
    if (!r.valid && r.repaired && !isEmpty(r.repaired)) {
      geojson = r.repaired
      warnings.push(msg('geo.repaired', { noun, reason: r.reason }))
    } else if (!r.valid) errors.push(msg('geo.invalid', { noun, reason: r.reason }))
    return errors.length > 0 ? { ok: false, errors } : { ok: true, geojson, warnings }
  })
}

const isEmpty = (geojson: string) => {
  const g = JSON.parse(geojson) as { coordinates?: unknown[]; geometries?: unknown[] }
  return (g.coordinates ?? g.geometries ?? []).length === 0
}

/** The one-geometry form of `placeGeometries`. */
export async function placeGeometry(q: Queryable, geometry: Geometry, options: PlaceOptions): Promise<Placed> {
  return (await placeGeometries(q, [geometry], options))[0]!
}
