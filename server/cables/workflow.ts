import type { Role } from '../http/context'

export const KINDS = ['underground', 'tidying', 'relocation', 'unlicensed'] as const
export type Kind = (typeof KINDS)[number]
export const STATUSES = ['planned', 'under_construction', 'completed', 'accepted'] as const
export type Status = (typeof STATUSES)[number]

/** Vietnamese labels, first; English second. */
export const KIND_LABELS: Record<Kind, [vi: string, en: string]> = {
  underground: ['Ngầm hóa', 'Undergrounding'],
  tidying: ['Chỉnh trang cáp treo', 'Aerial-cable tidying'],
  relocation: ['Di dời cáp', 'Relocation'],
  unlicensed: ['Kéo cáp không phép', 'Unlicensed cable'],
}
export const STATUS_LABELS: Record<Status, [vi: string, en: string]> = {
  planned: ['Kế hoạch', 'Planned'],
  under_construction: ['Đang thi công', 'Under construction'],
  completed: ['Hoàn thành', 'Completed'],
  accepted: ['Đã nghiệm thu', 'Accepted'],
}

/**
 * The one transition table of the route workflow: who may move a route from one status to the next.
 * Acceptance (nghiệm thu) is the regulator's act; a carrier reports its own progress.
 */
export const TRANSITIONS: { from: Status; to: Status; roles: readonly Role[] }[] = [
  { from: 'planned', to: 'under_construction', roles: ['admin', 'officer', 'carrier'] },
  { from: 'under_construction', to: 'completed', roles: ['admin', 'officer', 'carrier'] },
  { from: 'completed', to: 'accepted', roles: ['admin', 'officer', 'inspector'] },
  // the officer or inspector sends work that is not finished back to construction
  { from: 'completed', to: 'under_construction', roles: ['admin', 'officer', 'inspector'] },
  { from: 'under_construction', to: 'planned', roles: ['admin', 'officer', 'carrier'] },
]

/** The transition from `from` to `to`, if there is one. */
export function transition(from: Status, to: Status): (typeof TRANSITIONS)[number] | undefined {
  return TRANSITIONS.find((t) => t.from === from && t.to === to)
}

/** The roles that draw, change and delete routes. */
export const EDITING_ROLES: readonly Role[] = ['admin', 'officer', 'carrier']

/** True when the role may change a route's fields or geometry in this status (a carrier only until it is completed). */
export const mayEdit = (role: Role, status: Status): boolean =>
  EDITING_ROLES.includes(role) && (role !== 'carrier' || status === 'planned' || status === 'under_construction')

/**
 * True when the role may delete a route in this status (a carrier only its planned ones that no other carrier
 * shares).
 */
export const mayDelete = (role: Role, status: Status, shared: boolean): boolean =>
  EDITING_ROLES.includes(role) && (role !== 'carrier' || (status === 'planned' && !shared))

/**
 * What a user may do with a route: move it to one of the statuses, change it ('edit'), delete it ('delete'),
 * or, for a carrier on a shared route, leave it ('leave': its own participation only).
 */
export type RouteAction = Status | 'edit' | 'delete' | 'leave'

/**
 * The actions a role may take on a route in `status` (`shared`: other carriers take part): status moves first
 * (forward ones first), then edit, delete and leave.
 */
export function allowedActions(status: Status, role: Role, shared: boolean): RouteAction[] {
  const forward = (s: Status) => Number(STATUSES.indexOf(s) > STATUSES.indexOf(status))
  const moves = TRANSITIONS.filter((t) => t.from === status && t.roles.includes(role))
    .map((t) => t.to)
    .sort((a, b) => forward(b) - forward(a))
  return [
    ...moves,
    ...(mayEdit(role, status) ? (['edit'] as const) : []),
    ...(mayDelete(role, status, shared) ? (['delete'] as const) : []),
    ...(role === 'carrier' && shared ? (['leave'] as const) : []),
  ]
}
