import { compareExact, subtractExact } from '../decimal'
import type { Role } from '../http/context'
import { actionsFrom, findStep, type Transition } from '../workflow'

/** Status of a programme item (column conversion_items.status). */
export const STATUSES = ['planned', 'in_progress', 'reported', 'verified', 'returned'] as const
export type Status = (typeof STATUSES)[number]

export const ACTIONS = ['start', 'report', 'verify', 'return', 'fail_verification'] as const
export type Action = (typeof ACTIONS)[number]

/** Actions a person asks for; `fail_verification` is taken by the server when a verification's height check fails. */
export const REQUESTED_ACTIONS = ['start', 'report', 'verify', 'return'] as const

const CARRIER = ['carrier'] as const
const INSPECTOR = ['inspector'] as const

/**
 * The one transition table of a conversion item: (status, action, role) → next status. Nothing else writes
 * conversion_items.status. Only `verify` changes the station itself.
 */
export const TRANSITIONS: readonly Transition<Status, Action>[] = [
  { from: 'planned', action: 'start', roles: CARRIER, to: 'in_progress' },
  { from: 'returned', action: 'start', roles: CARRIER, to: 'in_progress' },
  { from: 'planned', action: 'report', roles: CARRIER, to: 'reported' },
  { from: 'in_progress', action: 'report', roles: CARRIER, to: 'reported' },
  { from: 'returned', action: 'report', roles: CARRIER, to: 'reported' },
  { from: 'reported', action: 'verify', roles: INSPECTOR, to: 'verified' },
  { from: 'reported', action: 'fail_verification', roles: INSPECTOR, to: 'returned' },
  { from: 'reported', action: 'return', roles: [...INSPECTOR, 'officer'], to: 'returned' },
]

/** Statuses in which the carrier may still add after-photos. */
export const PHOTO_STATUSES: readonly Status[] = ['planned', 'in_progress', 'returned']

export type Step = { ok: true; to: Status } | { ok: false; reason: 'state' | 'role' }

/** Finds the next status; 'role' when the role may never take the action (403), 'state' when not from here (409). */
export function step(from: Status, action: Action, role: Role): Step {
  const found = findStep(TRANSITIONS, from, action, role)
  return found.ok ? { ok: true, to: found.transition.to } : found
}

/** The actions a role may ask for from a status (for the client's buttons). */
export function allowedActions(from: Status, role: Role): Action[] {
  return actionsFrom(TRANSITIONS, from, role, (t) => t.action !== 'fail_verification')
}

/**
 * The height check of a verification: the measured height may exceed the target by at most the programme's
 * tolerance, compared exactly as typed (12,305 m is 0,305 m over 12 m: more than a 0,3 m tolerance).
 * Answers the excess in metres (0 when within).
 */
export function heightExcess(measuredM: number, targetM: number, toleranceM: number): number {
  const excess = subtractExact(measuredM, targetM)
  return compareExact(excess, toleranceM) > 0 ? excess : 0
}
