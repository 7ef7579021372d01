// Which workflow state a route import may bring with it. Acceptance (nghiệm thu) is the regulator's act: a
// carrier's import creates planned routes only, and a file that says otherwise is refused feature by feature
// (never silently downgraded). An officer's import may record routes built earlier, but only a history the
// transition table allows from `planned`, with dates in order and none in the future.
import type { Role } from '../../http/context'
import { isCalendarDate } from '../../http/dates'
import { vietnamToday } from '../../time'
import { STATUSES, TRANSITIONS, type Status } from '../workflow'

/** The status and dates a feature of an import file gives (null where it gives none). */
export interface History {
  status: string | null
  started: string | null
  completed: string | null
  accepted: string | null
}

/** The statuses `role` can bring a route to from `planned` through the transition table, in order. */
export function reachable(role: Role): Status[] {
  const seen: Status[] = ['planned']
  for (let i = 0; i < seen.length; i++) {
    for (const t of TRANSITIONS)
      if (t.from === seen[i] && t.roles.includes(role) && !seen.includes(t.to)) seen.push(t.to)
  }
  return seen
}

/** Why a feature's status and dates cannot be imported by `role` (empty when they can). */
export function historyProblems(h: History, role: Role, today = vietnamToday()): string[] {
  const given = Object.entries({
    status: h.status,
    startedOn: h.started,
    completedOn: h.completed,
    acceptedOn: h.accepted,
  }).filter(([k, v]) => v !== null && !(k === 'status' && v === 'planned'))
  if (role === 'carrier') {
    return given.length === 0
      ? []
      : [
          `a carrier's import creates planned routes; ${given.map(([k, v]) => `${k} "${v}"`).join(', ')} ` +
            'cannot be imported ' +
            '(report progress on each route, acceptance is recorded by the department)',
        ]
  }
  const problems: string[] = []
  const status = (h.status ?? 'planned') as Status
  if (!STATUSES.includes(status)) return [`status "${h.status}" is not one of ${STATUSES.join(', ')}`]
  if (!reachable(role).includes(status)) problems.push(`status "${status}" cannot be reached by the ${role} role`)
  const dates = { started: h.started, completed: h.completed, accepted: h.accepted }
  for (const [k, v] of Object.entries(dates)) {
    if (v === null) continue
    if (!isCalendarDate(v)) problems.push(`${k} date "${v}" is not a date YYYY-MM-DD`)
    else if (v > today) problems.push(`${k} date ${v} is in the future (today is ${today})`)
  }
  const order = STATUSES.indexOf(status)
  if (order >= 1 && !h.started) problems.push(`a route ${status} needs startedOn`)
  if (order >= 2 && !h.completed) problems.push(`a route ${status} needs completedOn`)
  if (order >= 3 && !h.accepted) problems.push('an accepted route needs acceptedOn')
  if (order < 1 && h.started) problems.push('a planned route has no startedOn')
  if (order < 2 && h.completed) problems.push(`a route ${status} has no completedOn`)
  if (order < 3 && h.accepted) problems.push(`a route ${status} has no acceptedOn`)
  if (h.started && h.completed && h.completed < h.started) problems.push('completedOn is before startedOn')
  if (h.completed && h.accepted && h.accepted < h.completed) problems.push('acceptedOn is before completedOn')
  return problems
}
