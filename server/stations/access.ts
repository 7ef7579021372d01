import type { Queryable } from '../db/index'
import type { SessionUser } from '../http/context'
import { invalid, type FieldError } from '../http/problems'
import type { LonLat } from './check'
import type { Position } from './schemas'
import { FROM_VN2000, OPERATORS_BY_NAME } from './sql/stations.sql'

/**
 * The rows a user may see, as a WHERE fragment over `stations s` whose parameters start at `$first`:
 * a carrier sees only its own stations (drafts included); everyone else sees every carrier's stations
 * except drafts, which stay private to their carrier. Always scoped to the province.
 */
export function visibility(user: SessionUser, provinceCode: string, first: number): { sql: string; params: unknown[] } {
  if (user.role === 'carrier') {
    return { sql: `s.province_code = $${first} AND s.carrier_id = $${first + 1}`, params: [provinceCode, user.carrierId] }
  }
  return { sql: `s.province_code = $${first} AND s.state <> 'draft'`, params: [provinceCode] }
}

/** Converts a typed position to WGS84 lon/lat (VN-2000 through the province's zone, in SQL). */
export async function toLonLat(q: Queryable, provinceCode: string, p: Position, path: string): Promise<LonLat> {
  if (p.crs === 'wgs84') return { lon: p.lon!, lat: p.lat! }
  const row = await q.maybeOne<{ lon: number; lat: number }>(FROM_VN2000, [p.northing, p.easting, provinceCode])
  if (!row) throw invalid('The position cannot be converted.', [{ path, message: `No VN-2000 zone is known for province ${provinceCode}.` }])
  return row
}

/** Resolves operator short names to ids; unknown names are reported at `path.i`. */
export async function operatorIds(q: Queryable, names: string[], path: string, errors: FieldError[]): Promise<number[]> {
  if (names.length === 0) return []
  const rows = await q.many<{ id: number; shortName: string }>(OPERATORS_BY_NAME, [names])
  const byName = new Map(rows.map((r) => [r.shortName, r.id]))
  return names.flatMap((name, i) => {
    const id = byName.get(name)
    if (id === undefined) errors.push({ path: `${path}.${i}`, message: `Unknown mobile operator "${name}".` })
    return id === undefined ? [] : [id]
  })
}
