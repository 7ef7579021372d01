// Request-schema forms of the gate, so every route that takes geometry refuses the same things the same way.
import { z } from 'zod'
import type { Extent } from './extent'
import { gateGeometry, type GeometryOf, type GeometryType } from './gate'

const pathOf = (path: string) => (path === '' ? [] : path.split('.').map((k) => (/^\d+$/.test(k) ? Number(k) : k)))

/** A GeoJSON geometry of the given types, answered through the gate (2D, rounded to the centimetre). */
export function gatedGeometry<T extends GeometryType>(types: readonly T[], extent?: Extent | null) {
  return z
    .unknown()
    .transform((value, ctx): GeometryOf<T> => {
      const result = gateGeometry(value, { types, extent })
      if (result.ok) return result.geometry
      for (const e of result.errors) ctx.addIssue({ code: 'custom', message: e.message, path: pathOf(e.path) })
      return z.NEVER
    })
    .meta({ description: `GeoJSON (RFC 7946) ${types.join(' or ')} in longitude, latitude (WGS84)` })
}

/** Adds the gate's problems with a point given as separate `lon` and `lat` fields to a schema's issues. */
export function checkLonLat(p: { lon: number; lat: number }, ctx: z.RefinementCtx): void {
  const result = gateGeometry({ type: 'Point', coordinates: [p.lon, p.lat] }, { types: ['Point'] })
  if (!result.ok) for (const e of result.errors) ctx.addIssue({ code: 'custom', message: e.message, path: ['lon'] })
}
