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
