// Who takes part in a cable route. A route's carriers (cable_routes.carrier_ids) are those whose ledger
// counts it; a carrier that names another carrier on a route only invites it, and the invited carrier
// decides. Officers set the carriers of a route directly. A carrier changes only its own participation.
import type { Queryable } from '../db/index'
import { audit } from '../audit/audit'
import { conflict, forbidden, notFound } from '../http/problems'
import type { Scope } from './service'
import * as sql from './sql/participation.sql'

/** The carriers of a route and the carriers invited to join it. */
export interface Participants {
  carrierIds: number[]
  invited: number[]
}

export const ANSWERS = ['accept', 'decline', 'leave'] as const
export type Answer = (typeof ANSWERS)[number]

const own = (scope: Scope): number | null => (scope.user.role === 'carrier' ? scope.user.carrierId : null)

/**
 * The participants of a new route from the carriers it names (ids, known to exist): staff set them as named;
 * a carrier takes part itself and only invites the others.
 */
export function newRouteParticipants(scope: Scope, named: number[]): Participants {
  const me = own(scope)
  if (me === null) return { carrierIds: [...new Set(named)], invited: [] }
  return { carrierIds: [me], invited: [...new Set(named.filter((id) => id !== me))] }
}

/**
 * The participants after a change that names `named`: staff replace them; a carrier keeps every other carrier
 * that takes part (removing one is refused) and invites the new ones.
 */
export function changedParticipants(scope: Scope, current: number[], invited: number[], named: number[]): Participants {
  const me = own(scope)
  if (me === null) return { carrierIds: [...new Set(named)], invited: [] }
  const removed = current.filter((id) => id !== me && !named.includes(id))
  if (removed.length > 0) {
    throw forbidden('route.remove_other')
  }
  const fresh = named.filter((id) => id !== me && !current.includes(id) && !invited.includes(id))
  return { carrierIds: current, invited: [...new Set(fresh)] }
}

/** Records invitations to routes (pairs of route and carrier), in the caller's transaction. */
export async function invite(
  tx: Queryable,
  scope: Scope,
  invitations: { routeId: number; carrierIds: number[] }[],
): Promise<void> {
  const pairs = invitations.flatMap((i) => i.carrierIds.map((c) => [i.routeId, c] as const))
  if (pairs.length === 0) return
  await tx.exec(sql.INVITE, [pairs.map((p) => p[0]), pairs.map((p) => p[1]), scope.user.id, own(scope)])
}

/** Drops invitations of carriers that now take part in the route (an officer set them directly). */
export async function dropInvitations(tx: Queryable, routeId: number, carrierIds: number[]): Promise<void> {
  await tx.exec(sql.DROP_INVITATIONS, [routeId, carrierIds])
}

/** The carriers invited to a route. */
export async function invitedTo(q: Queryable, routeId: number): Promise<number[]> {
  return (await q.many<{ carrierId: number }>(sql.INVITED, [routeId])).map((r) => r.carrierId)
}

/** Pending invitations: a carrier's own, or every carrier's for staff. */
export function listInvitations(q: Queryable, scope: Scope): Promise<Record<string, unknown>[]> {
  return q.many(sql.INVITATIONS, [scope.provinceCode, own(scope)])
}

/**
 * A carrier answers for itself: accepts or declines an invitation, or leaves a route it takes part in
 * (the last carrier of a route deletes it instead).
 */
export async function answer(tx: Queryable, scope: Scope, routeId: number, action: Answer): Promise<void> {
  const me = own(scope)
  if (me === null) throw forbidden('route.carrier_only')
  const params = [routeId, scope.provinceCode, me]
  const route = await tx.maybeOne<{ carrierIds: number[]; invited: boolean }>(sql.LOCK_FOR_PARTICIPANT, params)
  if (!route) throw notFound('route.not_found')
  const taking = route.carrierIds.includes(me)
  if (action !== 'leave' && !route.invited) throw conflict('route.no_invitation')
  if (action === 'leave' && !taking) throw conflict('route.not_taking')
  if (action === 'leave' && route.carrierIds.length === 1) {
    throw conflict('route.only_carrier')
  }
  const before = route.carrierIds
  const carriers = action === 'accept' ? [...before, me] : action === 'leave' ? before.filter((c) => c !== me) : before
  if (action !== 'leave') await dropInvitations(tx, routeId, [me])
  if (action !== 'decline') await tx.exec(sql.SET_PARTICIPANTS, [routeId, carriers])
  const change = { before: { carrierIds: before }, after: { carrierIds: carriers } }
  const entry = { action: `cable_route.participation_${action}`, entity: 'cable_route', entityId: routeId, ...change }
  await audit(tx, scope.user, entry, scope.requestId)
}
