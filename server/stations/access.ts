import type { Queryable } from '../db/index'
import type { SessionUser } from '../http/context'
import { audienceOf, type Audience } from '../tiles/audience'
import { invalid, type FieldError } from '../http/problems'
import type { LonLat } from './check'
import type { Position } from './schemas'
import { gateGeometry } from '../geo/gate'
import { placeGeometry } from '../geo/service'
import { FROM_VN2000, OPERATORS_BY_NAME } from './sql/stations.sql'

/** SQL over the stations alias `t`: not a carrier's draft (a draft is private to its carrier until submitted). */
export const notDraft = (t: string) => `${t}.state <> 'draft'`

/**
 * SQL over `audit_log a`: the row records a station while it was a draft, or one that still is; such rows are
 * the carrier's unsubmitted work and private to it like the draft itself.
 */
export const DRAFT_AUDIT_ROW = `
  CASE WHEN a.entity = 'station' AND a.entity_id ~ '^[0-9]{1,18}$'
       THEN coalesce(a.after->>'state' = 'draft', false)
            OR EXISTS (SELECT 1 FROM stations s WHERE s.id = a.entity_id::bigint AND NOT (${notDraft('s')}))
       ELSE false END`

/**
 * Which stations an audience sees, as a condition over the stations alias `t`, with `province` and `carrier` the
 * SQL of their parameters (`carrier` only matters to a carrier): the one rule behind lists, exports, the public map and the tiles. The public sees
 * stations in service (temporary ones while valid); a carrier its own, drafts included; staff every carrier's
 * except drafts, which stay private to their carrier. Always scoped to the province.
 */
export function stationScope(a: Audience, t: string, province: string, carrier = 'NULL'): string {
  const inProvince = `${t}.province_code = ${province}`
  if (a.kind === 'carrier') return `${inProvince} AND ${t}.carrier_id = ${carrier}`
  if (a.kind === 'staff') return `${inProvince} AND ${notDraft(t)}`
  return `${inProvince} AND ${t}.state = 'in_service' AND (NOT ${t}.temporary OR ${t}.valid_to >= current_date)`
}

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
  if (!row)
    throw invalid('The position cannot be converted.', [
      { path, message: `No VN-2000 zone is known for province ${provinceCode}.` },
    ])
  // the one geometry gate, as for every other geometry: inside Vietnam, then inside the province
  const gated = gateGeometry({ type: 'Point', coordinates: [row.lon, row.lat] }, { types: ['Point'] })
  if (!gated.ok)
    throw invalid(
      'The position is not valid.',
      gated.errors.map((e) => ({ path, message: e.message })),
    )
  const placed = await placeGeometry(q, gated.geometry, {
    provinceCode: inProvince ? provinceCode : null,
    noun: 'station',
  })
  if (!placed.ok)
    throw invalid(
      'The position is not valid.',
      placed.errors.map((message) => ({ path, message })),
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
