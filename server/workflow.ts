// How every transition table of the server is read (stations, conversion items, tickets, plan versions): a row
// (from, action, roles) → to, and nothing else decides a step. Each domain keeps its own table and states.
import type { Role } from './http/context'

/** One row of a transition table: who (roles) may take an action from a state, and the state it leads to. */
export interface Transition<S extends string, A extends string> {
  from: S
  action: A
  roles: readonly Role[]
  to: S
}

export type Step<T> = { ok: true; transition: T } | { ok: false; reason: 'state' | 'role' }

/**
 * The row for an action from a state by a role. When there is none, the reason is 'role' if the role may never
 * take the action (403) and 'state' if it may, but not from this state (409).
 */
export function findStep<T extends Transition<string, string>>(
  table: readonly T[],
  from: T['from'],
  action: T['action'],
  role: Role,
): Step<T> {
  const transition = table.find((t) => t.from === from && t.action === action && t.roles.includes(role))
  if (transition) return { ok: true, transition }
  return { ok: false, reason: table.some((t) => t.action === action && t.roles.includes(role)) ? 'state' : 'role' }
}

/**
 * The actions a role may take from a state, each once, in the table's order (the client shows only these);
 * `offered` leaves out rows a person never asks for (those the server takes itself).
 */
export function actionsFrom<T extends Transition<string, string>>(
  table: readonly T[],
  from: T['from'],
  role: Role,
  offered: (t: T) => boolean = () => true,
): T['action'][] {
  return [...new Set(table.filter((t) => t.from === from && t.roles.includes(role) && offered(t)).map((t) => t.action))]
}
