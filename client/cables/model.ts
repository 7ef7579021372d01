/**
 * The cable ledger's vocabulary on the client: kinds, statuses and their colours. What a user may do with a route
 * comes from the server (`allowedActions`, server/cables/workflow.ts).
 */
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

/** True when the role draws and imports routes: officers, admins and carriers (the server checks again). */
export const canEdit = (role: Role): boolean => role === 'admin' || role === 'officer' || role === 'carrier'

/** What the server allows a user on a route: move it to a status, change it, delete it, leave a shared one. */
export type RouteAction = Status | 'edit' | 'delete' | 'leave'

/** The statuses among a route's allowed actions, in the server's order (forward steps first). */
export const statusMoves = (actions: readonly RouteAction[]): Status[] =>
  actions.filter((a): a is Status => (STATUSES as readonly string[]).includes(a))
