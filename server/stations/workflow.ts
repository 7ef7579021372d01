import type { Role } from '../http/context'
import { ACTIONS, type Action, STATES, type State } from '../../shared/station-states'
import { actionsFrom, findStep, type Step as TableStep, type Transition as Row } from '../workflow'

export { ACTIONS, type Action, STATES, type State }

/** Who is told about a step: the station's carrier, or everyone holding a role. */
export type Notify = 'carrier' | 'officer' | 'inspector'

interface Transition extends Row<State, Action> {
  notify: readonly Notify[]
  /**
   * Taken by the server itself on an event of another domain (a passing inspection), never asked for through
   * the transitions route, so never offered as a button.
   */
  system?: true
}

const OFFICE = ['officer'] as const

/**
 * The one transition table of the site-approval workflow: (state, action, role) → next state.
 * Nothing else writes stations.state.
 */
export const TRANSITIONS: readonly Transition[] = [
  { from: 'draft', action: 'submit', roles: ['carrier'], to: 'submitted', notify: ['officer', 'inspector'] },
  { from: 'returned', action: 'submit', roles: ['carrier'], to: 'submitted', notify: ['officer', 'inspector'] },
  {
    from: 'submitted',
    action: 'field_check',
    roles: ['inspector'],
    to: 'field_checked',
    notify: ['carrier', 'officer'],
  },
  {
    from: 'submitted',
    action: 'skip_field_check',
    roles: OFFICE,
    to: 'field_checked',
    notify: ['carrier', 'inspector'],
  },
  { from: 'submitted', action: 'return', roles: OFFICE, to: 'returned', notify: ['carrier'] },
  { from: 'field_checked', action: 'approve', roles: OFFICE, to: 'approved', notify: ['carrier'] },
  { from: 'field_checked', action: 'reject', roles: OFFICE, to: 'rejected', notify: ['carrier'] },
  { from: 'field_checked', action: 'return', roles: OFFICE, to: 'returned', notify: ['carrier'] },
  { from: 'approved', action: 'report_built', roles: ['carrier'], to: 'built', notify: ['officer', 'inspector'] },
  // The carrier's word does not put a station in service: built → built asks for the post-construction inspection
  // (report_built already asked for it); the station goes in service when that inspection passes, or when an
  // officer waives it with a reason.
  { from: 'built', action: 'report_in_service', roles: ['carrier'], to: 'built', notify: ['officer'] },
  {
    from: 'built',
    action: 'pass_inspection',
    roles: ['inspector'],
    to: 'in_service',
    notify: ['carrier', 'officer'],
    system: true,
  },
  { from: 'built', action: 'waive_inspection', roles: OFFICE, to: 'in_service', notify: ['carrier', 'inspector'] },
  {
    from: 'approved',
    action: 'decommission',
    roles: ['carrier', 'officer'],
    to: 'decommissioned',
    notify: ['carrier', 'officer'],
  },
  {
    from: 'built',
    action: 'decommission',
    roles: ['carrier', 'officer'],
    to: 'decommissioned',
    notify: ['carrier', 'officer'],
  },
  {
    from: 'in_service',
    action: 'decommission',
    roles: ['carrier', 'officer'],
    to: 'decommissioned',
    notify: ['carrier', 'officer'],
  },
]

/** States in which the carrier may still edit its application. */
export const CARRIER_EDITABLE: readonly State[] = ['draft', 'returned']

/** States that mean "waiting for the Sở", for the queue. */
export const WAITING: readonly State[] = ['submitted', 'field_checked']

export type Step = TableStep<Transition>

/**
 * Finds the transition for an action from a state by a role. When there is none, the reason is 'role' if the
 * role may never take the action (403) and 'state' if it may, but not from this state (409).
 */
export function step(from: State, action: Action, role: Role): Step {
  return findStep(TRANSITIONS, from, action, role)
}

/** The actions a role may take from a state (for the client's buttons). */
export function allowedActions(from: State, role: Role): Action[] {
  return actionsFrom(TRANSITIONS, from, role, (t) => !t.system)
}

/** Broad lifecycle status shown in lists (planned / applied / approved / in service / …). */
export function statusOf(
  state: State,
): 'planned' | 'applied' | 'approved' | 'rejected' | 'built' | 'in_service' | 'decommissioned' {
  switch (state) {
    case 'draft':
      return 'planned'
    case 'submitted':
    case 'field_checked':
    case 'returned':
      return 'applied'
    default:
      return state
  }
}
