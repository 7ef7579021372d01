import type { Role } from '../http/context'
import { actionsFrom, findStep, type Transition } from '../workflow'

/** What a citizen reports (column tickets.category). */
export const CATEGORIES = [
  'cable_sagging',
  'pole_unsafe',
  'bts_construction',
  'emf_concern',
  'cable_unlicensed',
] as const
export type Category = (typeof CATEGORIES)[number]

export const ASSET_KINDS = ['station', 'pole', 'cable_route'] as const
export type AssetKind = (typeof ASSET_KINDS)[number]

/** The kind of asset a category is about: the nearest ones of this kind are linked to the ticket. */
export const ASSET_OF: Record<Category, AssetKind> = {
  cable_sagging: 'cable_route',
  cable_unlicensed: 'cable_route',
  pole_unsafe: 'pole',
  bts_construction: 'station',
  emf_concern: 'station',
}

/**
 * How far from the reported place an asset may be and still be linked: a pole or a cable is reported standing
 * next to it (a phone's GPS is good to ~20 m), a tower is seen from down the street.
 */
export const LINK_RADIUS_M: Record<AssetKind, number> = { pole: 60, cable_route: 60, station: 300 }

/** Status of a ticket (column tickets.status). */
export const STATUSES = ['received', 'assigned', 'in_progress', 'resolved', 'rejected'] as const
export type Status = (typeof STATUSES)[number]
/** Statuses whose SLA clock still runs. */
export const OPEN_STATUSES: readonly Status[] = ['received', 'assigned', 'in_progress']

export const ACTIONS = ['assign', 'respond', 'resolve', 'reject', 'reopen'] as const
export type Action = (typeof ACTIONS)[number]

const OFFICE = ['officer', 'admin'] as const

/**
 * The one transition table of a ticket: (status, action, role) → next status. Nothing else writes tickets.status.
 * A carrier acts only on tickets assigned to it (the scope answers 404 for the others).
 */
export const TRANSITIONS: readonly Transition<Status, Action>[] = [
  { from: 'received', action: 'assign', roles: OFFICE, to: 'assigned' },
  { from: 'assigned', action: 'assign', roles: OFFICE, to: 'assigned' },
  { from: 'in_progress', action: 'assign', roles: OFFICE, to: 'assigned' },
  { from: 'assigned', action: 'respond', roles: ['carrier'], to: 'in_progress' },
  { from: 'in_progress', action: 'respond', roles: ['carrier'], to: 'in_progress' },
  { from: 'received', action: 'resolve', roles: OFFICE, to: 'resolved' },
  { from: 'assigned', action: 'resolve', roles: ['carrier', ...OFFICE], to: 'resolved' },
  { from: 'in_progress', action: 'resolve', roles: ['carrier', ...OFFICE], to: 'resolved' },
  { from: 'received', action: 'reject', roles: OFFICE, to: 'rejected' },
  { from: 'assigned', action: 'reject', roles: OFFICE, to: 'rejected' },
  { from: 'in_progress', action: 'reject', roles: OFFICE, to: 'rejected' },
  { from: 'resolved', action: 'reopen', roles: OFFICE, to: 'received' },
  { from: 'rejected', action: 'reopen', roles: OFFICE, to: 'received' },
]

export type Step = { ok: true; to: Status } | { ok: false; reason: 'state' | 'role' }

/** Finds the next status; 'role' when the role may never take the action (403), 'state' when not from here (409). */
export function step(from: Status, action: Action, role: Role): Step {
  const found = findStep(TRANSITIONS, from, action, role)
  return found.ok ? { ok: true, to: found.transition.to } : found
}

/** The actions a role may take from a status (for the client's buttons). */
export function allowedActions(from: Status, role: Role): Action[] {
  return actionsFrom(TRANSITIONS, from, role)
}

/** Statuses in which photos may still be added: report photos before a decision, resolution photos until then. */
export const PHOTO_STATUSES: readonly Status[] = OPEN_STATUSES
