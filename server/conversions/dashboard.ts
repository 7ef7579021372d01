import type { Queryable, Row } from '../db/index'
import type { SessionUser } from '../http/context'
import { itemWhere, programmeIn } from './access'
import { cumulativeByMonth, doneBy, forecastDate, recentPace, requiredPace, type DailyCount } from './forecast'
import type { DashboardQuery } from './schemas'
import { ITEM_FROM } from './sql'
import { CARRIER_ID, FIGURES_COUNTS, FIGURES_SCAN, OVERDUE_ITEMS, PHASES } from './sql/dashboard.sql'

/** The window over which the recent pace is measured. */
export const PACE_WINDOW_DAYS = 180

interface Figures {
  today: string
  totals: Row
  bySeq: { seq: number; items: number }[]
  history: DailyCount[]
  byDistrict: Row[]
  byCarrier: Row[]
}

/**
 * The counts of the dashboard: from the counts kept by migration 072 for its scope (every item, a carrier, a
 * district, or both), or scanning the items when a carrier user asks for another carrier (the counts hold no
 * intersection of two carriers) or for a carrier that does not exist.
 */
async function figures(
  q: Queryable,
  user: SessionUser,
  programmeId: number,
  query: DashboardQuery,
  where: { sql: string; params: unknown[] },
): Promise<Figures> {
  const asked = query.carrier ? ((await q.maybeOne<{ id: number }>(CARRIER_ID, [query.carrier]))?.id ?? null) : null
  const own = user.role === 'carrier' ? user.carrierId : null
  const unknownCarrier = Boolean(query.carrier) && asked === null
  const otherCarrier = own !== null && asked !== null && asked !== own
  if (unknownCarrier || otherCarrier) return q.one<Figures>(FIGURES_SCAN(ITEM_FROM, where.sql), where.params)
  const carrier = own ?? asked ?? 0
  return q.one<Figures>(FIGURES_COUNTS, [programmeId, carrier, query.district ?? '*'])
}

interface PhaseRow {
  id: number
  seq: number
  name: string
  deadline: string
  target: number
}

/**
 * Every figure of the programme dashboard, from the database: progress against each phase's cumulative target,
 * status counts, the burn-up series with the target line, the forecast at the recent pace and the pace the
 * deadline needs, breakdowns by district and carrier, and the most overdue items. A carrier sees its own items.
 */
export async function dashboard(
  q: Queryable,
  user: SessionUser,
  provinceCode: string,
  programmeId: number,
  query: DashboardQuery,
): Promise<Row> {
  const programme = await programmeIn(q, provinceCode, programmeId)
  const where = itemWhere(user, provinceCode, {
    programme: programmeId,
    carrier: query.carrier,
    district: query.district,
  })
  const scoped = user.role === 'carrier' || Boolean(query.carrier || query.district)
  const { today, totals, bySeq, history, byDistrict, byCarrier } = await figures(q, user, programmeId, query, where)
  const phases = await q.many<PhaseRow>(PHASES, [programmeId])
  const overdueItems = await q.many(OVERDUE_ITEMS(where.sql), where.params)

  const pacePerDay = recentPace(history, today, PACE_WINDOW_DAYS)
  let items = 0
  const phaseProgress = phases.map((ph) => {
    items += bySeq.find((r) => r.seq === ph.seq)?.items ?? 0
    // A phase target is a cumulative count verified by the deadline, whichever phase an item was listed in:
    // the same count the burn-up shows on that day. A closed phase is judged on its deadline, with no forecast.
    const closed = ph.deadline < today
    const countedTo = closed ? ph.deadline : today
    const done = doneBy(history, countedTo)
    // The decision's target for the whole programme; a filtered view measures against the items it holds.
    const goal = scoped ? items : ph.target
    const need = closed ? null : requiredPace(done, goal, today, ph.deadline)
    const open = {
      requiredPerMonth: need === null ? null : need * 30.4375,
      forecastDate: forecastDate(done, goal, pacePerDay, today),
    }
    return {
      ...ph,
      items,
      done,
      goal,
      closed,
      countedTo,
      percent: goal > 0 ? (done / goal) * 100 : 0,
      remaining: Math.max(0, goal - done),
      ...(closed ? { requiredPerMonth: null, forecastDate: null } : open),
      state: closed
        ? done >= goal
          ? 'met'
          : 'missed'
        : done >= goal
          ? 'done'
          : need !== null && pacePerDay >= need
            ? 'on_track'
            : 'behind',
    }
  })
  const last = phaseProgress.at(-1)
  const doneToday = doneBy(history, today)
  return {
    programme: { id: programme.id, startsOn: programme.startsOn, heightToleranceM: programme.heightToleranceM },
    asOf: today,
    scoped,
    totals,
    phases: phaseProgress,
    pace: { windowDays: PACE_WINDOW_DAYS, perMonth: pacePerDay * 30.4375 },
    burnup: {
      series: cumulativeByMonth(history, programme.startsOn, today),
      target: [
        { date: programme.startsOn, value: 0 },
        ...phaseProgress.map((p) => ({ date: p.deadline, value: p.goal })),
      ],
      // When the whole programme's goal would be reached at the recent pace (the cards of closed phases have none).
      forecast: last
        ? { from: today, done: doneToday, to: forecastDate(doneToday, last.goal, pacePerDay, today), value: last.goal }
        : null,
    },
    byDistrict,
    byCarrier,
    overdueItems,
  }
}
