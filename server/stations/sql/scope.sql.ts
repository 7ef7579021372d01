// Who sees which station, as SQL conditions: the one rule behind lists, exports, the public map, the tiles and
// the audit trail. Re-exported by access.ts, where the other domains take it from.
import type { Audience } from '../../tiles/audience'

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
 * SQL of their parameters (`carrier` only matters to a carrier): the one rule behind lists, exports, the public
 * map and the tiles. The public sees stations in service (temporary ones while valid); a carrier its own, drafts
 * included; staff every carrier's except drafts, which stay private to their carrier. Always scoped to the province.
 */
export function stationScope(a: Audience, t: string, province: string, carrier = 'NULL'): string {
  const inProvince = `${t}.province_code = ${province}`
  if (a.kind === 'carrier') return `${inProvince} AND ${t}.carrier_id = ${carrier}`
  if (a.kind === 'staff') return `${inProvince} AND ${notDraft(t)}`
  return `${inProvince} AND ${t}.state = 'in_service' AND (NOT ${t}.temporary OR ${t}.valid_to >= current_date)`
}
