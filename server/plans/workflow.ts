// The one transition table of the plan appraisal: (state, action, role) → next state. Nothing else writes
// plan_versions.state (an upload creates a version in 'submitted').
import type { Role } from '../http/context'
import { actionsFrom, findStep, type Transition } from '../workflow'

export const PLAN_STATES = ['submitted', 'returned', 'passed', 'approved'] as const
export type PlanState = (typeof PLAN_STATES)[number]
export const PLAN_ACTIONS = ['return', 'pass', 'approve'] as const
export type PlanAction = (typeof PLAN_ACTIONS)[number]

const OFFICE = ['admin', 'officer'] as const

export const PLAN_TRANSITIONS: readonly Transition<PlanState, PlanAction>[] = [
  { from: 'submitted', action: 'return', roles: OFFICE, to: 'returned' },
  { from: 'submitted', action: 'pass', roles: OFFICE, to: 'passed' },
  { from: 'passed', action: 'return', roles: OFFICE, to: 'returned' },
  { from: 'passed', action: 'approve', roles: OFFICE, to: 'approved' },
]

/** The next state, or undefined when the role may not take the action from this state. */
export function planStep(from: PlanState, action: PlanAction, role: Role): PlanState | undefined {
  const found = findStep(PLAN_TRANSITIONS, from, action, role)
  return found.ok ? found.transition.to : undefined
}

/** The actions a role may take on a version in this state (the client shows only these). */
export function planActions(state: PlanState, role: Role): PlanAction[] {
  return actionsFrom(PLAN_TRANSITIONS, state, role)
}
