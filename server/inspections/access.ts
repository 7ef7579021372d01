// Who sees which inspection, as one SQL condition over `inspections i` and the row `me(uid, cid)` every statement
// of sql.ts binds from $2 (user id) and $3 (carrier id): the rule behind lists, details, photos, follow-ups and the
// history on an asset's page. Always within the province ($1), which the statements themselves check.
import type { SessionUser } from '../http/context'

/** What the condition is for: a list or detail, or the recorded history shown on an asset's page. */
export type ScopeUse = 'inspections' | 'history'

/**
 * The condition: officer and administrator see every inspection of the province; an inspector the ones assigned
 * to them (on an asset's page also every recorded one, the asset's record); a carrier only recorded inspections
 * of its own assets (never an assignment still open, never a cancelled one).
 */
export function inspectionScope(user: SessionUser, use: ScopeUse = 'inspections'): string {
  switch (user.role) {
    case 'admin':
    case 'officer':
      return 'true'
    case 'inspector':
      return use === 'history' ? `(i.inspector_id = me.uid OR i.state = 'recorded')` : 'i.inspector_id = me.uid'
    case 'carrier':
      return `(i.carrier_id = me.cid AND i.state = 'recorded')`
    default:
      return 'false'
  }
}

/** The parameters $2 and $3 of every scoped statement. */
export const scopeParams = (user: SessionUser): [number, number | null] => [user.id, user.carrierId]

/** Staff who assign and follow inspections. */
export const isOffice = (user: SessionUser) => user.role === 'officer' || user.role === 'admin'
