/** The cable ledger's vocabulary on the client: kinds, statuses, their colours and who may move a route where. */
import type { Role } from '../api/types'

export const KINDS = ['underground', 'tidying', 'relocation', 'unlicensed'] as const
export type Kind = (typeof KINDS)[number]
export const STATUSES = ['planned', 'under_construction', 'completed', 'accepted'] as const
export type Status = (typeof STATUSES)[number]

/** One colour per kind: the line colour on the map, the bar colour in charts. */
export const KIND_COLOURS: Record<Kind, string> = {
  underground: '#175cd3',
  tidying: '#079455',
  relocation: '#dc6803',
  unlicensed: '#d92d20',
}

/** Status is drawn as the line's dash: work not yet done is dashed, done work is solid. */
export const STATUS_DASH: Record<Status, number[] | null> = {
  planned: [1, 2],
  under_construction: [3, 1.5],
  completed: null,
  accepted: null,
}

/**
 * The workflow's transitions as the server's table has them (server/cables/workflow.ts); the client
 * offers only the steps a role may take, the server still decides.
 */
const TRANSITIONS: { from: Status; to: Status; roles: readonly Role[] }[] = [
  { from: 'planned', to: 'under_construction', roles: ['admin', 'officer', 'carrier'] },
  { from: 'under_construction', to: 'completed', roles: ['admin', 'officer', 'carrier'] },
  { from: 'completed', to: 'accepted', roles: ['admin', 'officer', 'inspector'] },
  { from: 'completed', to: 'under_construction', roles: ['admin', 'officer', 'inspector'] },
  { from: 'under_construction', to: 'planned', roles: ['admin', 'officer', 'carrier'] },
]

/** The statuses a role may move a route to from `from`, forward steps first. */
export function nextStatuses(from: Status, role: Role): Status[] {
  const forward = (s: Status) => Number(STATUSES.indexOf(s) > STATUSES.indexOf(from))
  return TRANSITIONS.filter((t) => t.from === from && t.roles.includes(role))
    .map((t) => t.to)
    .sort((a, b) => forward(b) - forward(a))
}

/** True when the role edits routes (draws, changes, imports): officers, admins and carriers. */
export const canEdit = (role: Role): boolean => role === 'admin' || role === 'officer' || role === 'carrier'

/** True when the role may change a route's fields or geometry in this status (a carrier only until it is completed). */
export const canEditRoute = (role: Role, status: Status): boolean =>
  canEdit(role) && (role !== 'carrier' || status === 'planned' || status === 'under_construction')

/** True when the role may delete a route in this status (a carrier only its planned ones). */
export const canDeleteRoute = (role: Role, status: Status): boolean => canEdit(role) && (role !== 'carrier' || status === 'planned')
