import type { Queryable } from '../db/index'
import type { SessionUser } from '../http/context'
import { audienceOf } from '../tiles/audience'
import { invalid, type FieldError, fieldError, fieldErrorFrom } from '../http/problems'
import type { LonLat } from './check'
import type { Position } from './schemas'
import { gateGeometry } from '../geo/gate'
import { placeGeometry } from '../geo/service'
import { FROM_VN2000, OPERATORS_BY_NAME } from './sql/stations.sql'
import { stationScope } from './sql/scope.sql'

export { DRAFT_AUDIT_ROW, notDraft, stationScope } from './sql/scope.sql'

/** The stations a signed-in user may list and export, as a WHERE fragment over `stations s` from `$first`. */
export function visibility(user: SessionUser, provinceCode: string, first: number): { sql: string; params: unknown[] } {
  const a = audienceOf(user)
  return {
    sql: stationScope(a, 's', `$${first}`, `$${first + 1}`),
    params: a.kind === 'carrier' ? [provinceCode, a.carrierId] : [provinceCode],
  }
}

/**
 * Converts a typed position to WGS84 lon/lat (VN-2000 through the province's zone, in SQL), through the
 * geometry gate; `inProvince: false` for the public permit check, which answers "outside the province" itself.
 */
export async function toLonLat(
  q: Queryable,
  provinceCode: string,
  p: Position,
  path: string,
  inProvince = true,
): Promise<LonLat> {
  const row =
    p.crs === 'wgs84'
      ? { lon: p.lon!, lat: p.lat! }
      : await q.maybeOne<LonLat>(FROM_VN2000, [p.northing, p.easting, provinceCode])
  if (!row) throw invalid('position.cannot_convert', [fieldError(path, 'position.no_zone', { province: provinceCode })])
  // the one geometry gate, as for every other geometry: inside Vietnam, then inside the province
  const gated = gateGeometry({ type: 'Point', coordinates: [row.lon, row.lat] }, { types: ['Point'] })
  if (!gated.ok)
    throw invalid(
      'position.invalid',
      gated.errors.map((e) => ({ path, message: e.message })),
    )
  const placed = await placeGeometry(q, gated.geometry, {
    provinceCode: inProvince ? provinceCode : null,
    noun: 'station',
  })
  if (!placed.ok)
    throw invalid(
      'position.invalid',
      placed.errors.map((m) => fieldErrorFrom(path, m)),
    )
  return row
}

/** Resolves operator short names to ids; unknown names are reported at `path.i`. */
export async function operatorIds(
  q: Queryable,
  names: string[],
  path: string,
  errors: FieldError[],
): Promise<number[]> {
  if (names.length === 0) return []
  const rows = await q.many<{ id: number; shortName: string }>(OPERATORS_BY_NAME, [names])
  const byName = new Map(rows.map((r) => [r.shortName, r.id]))
  return names.flatMap((name, i) => {
    const id = byName.get(name)
    if (id === undefined) errors.push({ path: `${path}.${i}`, message: `Unknown mobile operator "${name}".` })
    return id === undefined ? [] : [id]
  })
}
