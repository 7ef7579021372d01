// The one transition table of the plan appraisal: (state, action, role) → next state. Nothing else writes
// plan_versions.state (an upload creates a version in 'submitted').
import type { Role } from '../http/context'

export const PLAN_STATES = ['submitted', 'returned', 'passed', 'approved'] as const
export type PlanState = (typeof PLAN_STATES)[number]
export const PLAN_ACTIONS = ['return', 'pass', 'approve'] as const
export type PlanAction = (typeof PLAN_ACTIONS)[number]

interface Transition {
  from: PlanState
  action: PlanAction
  roles: readonly Role[]
  to: PlanState
}

const OFFICE = ['admin', 'officer'] as const

export const PLAN_TRANSITIONS: readonly Transition[] = [
  { from: 'submitted', action: 'return', roles: OFFICE, to: 'returned' },
  { from: 'submitted', action: 'pass', roles: OFFICE, to: 'passed' },
  { from: 'passed', action: 'return', roles: OFFICE, to: 'returned' },
  { from: 'passed', action: 'approve', roles: OFFICE, to: 'approved' },
]

/** The next state, or undefined when the role may not take the action from this state. */
export function planStep(from: PlanState, action: PlanAction, role: Role): PlanState | undefined {
  return PLAN_TRANSITIONS.find((t) => t.from === from && t.action === action && t.roles.includes(role))?.to
}

/** The actions a role may take on a version in this state (the client shows only these). */
export function planActions(state: PlanState, role: Role): PlanAction[] {
  return PLAN_TRANSITIONS.filter((t) => t.from === state && t.roles.includes(role)).map((t) => t.action)
}
