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
    .meta({
      description: `GeoJSON (RFC 7946) ${types.join(' or ')} in longitude, latitude (WGS84)`,
      anyOf: types.map(jsonSchemaOf),
    })
}

const NESTING: Partial<Record<GeometryType, number>> = {
  Point: 0,
  MultiPoint: 1,
  LineString: 1,
  MultiLineString: 2,
  Polygon: 2,
  MultiPolygon: 3,
}

/** The JSON Schema of one geometry type, for the OpenAPI document and the client's generated types. */
function jsonSchemaOf(type: GeometryType): Record<string, unknown> {
  const number = { type: 'number' }
  let coordinates: Record<string, unknown> = { type: 'array', prefixItems: [number, number], items: number }
  for (let i = 0; i < (NESTING[type] ?? 0); i++) coordinates = { type: 'array', items: coordinates }
  return {
    type: 'object',
    properties: { type: { type: 'string', const: type }, coordinates },
    required: ['type', 'coordinates'],
  }
}

/** Adds the gate's problems with a point given as separate `lon` and `lat` fields to a schema's issues. */
export function checkLonLat(p: { lon: number; lat: number }, ctx: z.RefinementCtx): void {
  const result = gateGeometry({ type: 'Point', coordinates: [p.lon, p.lat] }, { types: ['Point'] })
  if (!result.ok) for (const e of result.errors) ctx.addIssue({ code: 'custom', message: e.message, path: ['lon'] })
}
