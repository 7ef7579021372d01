// The two work lists of the site workflow: the carrier's applications in progress, with counts by state, and
// the department's queue, filtered by state, carrier and district with a count per value of each filter.
import type { Queryable, Row } from '../db/index'
import type { SessionUser } from '../http/context'
import { forbidden } from '../http/problems'
import { VIETNAM_TZ } from '../time'
import { APPLICATION_COUNTS, APPLICATION_PAGE, OPEN_STATES, QUEUE_CUBE, QUEUE_PAGE } from './sql/worklists.sql'
import { WAITING } from './workflow'

export { OPEN_STATES }

/** The groups of the carrier's work list: one open state, all of them, or decided this month. */
export const APPLICATION_GROUPS = ['open', ...OPEN_STATES, 'decided'] as const
export type ApplicationGroup = (typeof APPLICATION_GROUPS)[number]

/** The first instant of the current month in Vietnam (a month's figures are Vietnamese months). */
export function monthStart(now = new Date()): Date {
  const [y, m] = new Intl.DateTimeFormat('en-CA', { timeZone: VIETNAM_TZ, year: 'numeric', month: '2-digit' })
    .format(now)
    .split('-')
  return new Date(`${y}-${m}-01T00:00:00+07:00`)
}

/** A page of the carrier's applications in one group, with how many it holds in each group. */
export async function carrierApplications(
  q: Queryable,
  user: SessionUser,
  provinceCode: string,
  f: { group: ApplicationGroup; offset: number; limit: number },
): Promise<{ items: Row[]; total: number; offset: number; limit: number; counts: Record<ApplicationGroup, number> }> {
  if (user.role !== 'carrier' || user.carrierId === null) throw forbidden('station.carrier_only')
  const since = monthStart()
  const rows = await q.many<{ state: string; n: number }>(APPLICATION_COUNTS, [user.carrierId, provinceCode, since])
  const counts = Object.fromEntries(APPLICATION_GROUPS.map((g) => [g, 0])) as Record<ApplicationGroup, number>
  for (const r of rows) {
    if ((OPEN_STATES as readonly string[]).includes(r.state)) {
      counts[r.state as ApplicationGroup] = r.n
      counts.open += r.n
    } else counts.decided += r.n
  }
  const states = f.group === 'open' ? [...OPEN_STATES] : f.group === 'decided' ? ['approved', 'rejected'] : [f.group]
  const page = await q.many(APPLICATION_PAGE, [
    user.carrierId,
    provinceCode,
    states,
    f.group === 'decided' ? since : null,
    f.limit,
    f.offset,
  ])
  const items = page.map(({ totalRows: _, ...s }) => s)
  return { items, total: counts[f.group], offset: f.offset, limit: f.limit, counts }
}

export interface QueueFilter {
  state?: string
  carrier?: string
  district?: string
  offset: number
  limit: number
}

interface Facet {
  value: string
  label: string
  n: number
}

/**
 * A page of the queue with facets: the inspector sees what waits for a field check, the officer everything
 * submitted or field-checked. Each facet counts the queue with the other two filters applied, so a count says
 * how many rows choosing that value would show.
 */
export async function filteredQueue(q: Queryable, user: SessionUser, provinceCode: string, f: QueueFilter) {
  const waiting: string[] = user.role === 'inspector' ? ['submitted'] : [...WAITING]
  const cube = await q.many<{
    state: string
    carrier: string
    carrierName: string
    district: string | null
    districtName: string | null
    n: number
  }>(QUEUE_CUBE, [provinceCode, waiting])
  const keep = (r: (typeof cube)[number], except: 'state' | 'carrier' | 'district') =>
    (except === 'state' || !f.state || r.state === f.state) &&
    (except === 'carrier' || !f.carrier || r.carrier === f.carrier) &&
    (except === 'district' || !f.district || r.district === f.district)
  const facet = (by: 'state' | 'carrier' | 'district', label: (r: (typeof cube)[number]) => string): Facet[] => {
    const sums = new Map<string, Facet>()
    for (const r of cube) {
      const value = r[by]
      if (value === null || !keep(r, by)) continue
      const f0 = sums.get(value) ?? { value, label: label(r), n: 0 }
      f0.n += r.n
      sums.set(value, f0)
    }
    return [...sums.values()].sort((a, b) => b.n - a.n || a.label.localeCompare(b.label, 'vi'))
  }
  const total = cube.filter((r) => keep(r, 'state') && (!f.state || r.state === f.state)).reduce((s, r) => s + r.n, 0)
  const states = f.state ? waiting.filter((s) => s === f.state) : waiting
  const items =
    states.length === 0
      ? []
      : await q.many(QUEUE_PAGE, [provinceCode, states, f.carrier ?? null, f.district ?? null, f.limit, f.offset])
  return {
    items,
    total: states.length === 0 ? 0 : total,
    offset: f.offset,
    limit: f.limit,
    facets: {
      state: facet('state', (r) => r.state),
      carrier: facet('carrier', (r) => r.carrierName),
      district: facet('district', (r) => r.districtName ?? r.district ?? ''),
    },
  }
}
