import type { Queryable, Row } from '../db/index'
import type { SessionUser } from '../http/context'
import { itemWhere, programmeIn } from './access'
import { cumulativeByMonth, forecastDate, recentPace, requiredPace, type DailyCount } from './forecast'
import type { DashboardQuery } from './schemas'
import { ITEM_COLUMNS, ITEM_FROM, TODAY, VERIFIED_DAY } from './sql'

/** The window over which the recent pace is measured. */
export const PACE_WINDOW_DAYS = 180

const OVERDUE = `(i.status <> 'verified' AND i.due_date < ${TODAY})`
const COUNTS = `count(*) AS items,
  count(*) FILTER (WHERE i.status = 'planned') AS planned,
  count(*) FILTER (WHERE i.status = 'in_progress') AS "inProgress",
  count(*) FILTER (WHERE i.status = 'reported') AS reported,
  count(*) FILTER (WHERE i.status = 'returned') AS returned,
  count(*) FILTER (WHERE i.status = 'verified') AS verified,
  count(*) FILTER (WHERE ${OVERDUE}) AS overdue`

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
export async function dashboard(q: Queryable, user: SessionUser, provinceCode: string, programmeId: number, query: DashboardQuery): Promise<Row> {
  const programme = await programmeIn(q, provinceCode, programmeId)
  const where = itemWhere(user, provinceCode, { programme: programmeId, carrier: query.carrier, district: query.district })
  const scoped = user.role === 'carrier' || Boolean(query.carrier || query.district)
  const { today } = await q.one<{ today: string }>(`SELECT ${TODAY} AS today`)
  const phases = await q.many<PhaseRow>(
    `SELECT id, seq, name, deadline, cumulative_target AS target FROM conversion_phases WHERE programme_id = $1 ORDER BY seq`,
    [programmeId],
  )
  const bySeq = await q.many<{ seq: number; items: number; verified: number }>(
    `SELECT ph.seq, count(*) AS items, count(*) FILTER (WHERE i.status = 'verified') AS verified FROM ${ITEM_FROM} WHERE ${where.sql} GROUP BY ph.seq`,
    where.params,
  )
  const totals = await q.one<Row>(`SELECT ${COUNTS} FROM ${ITEM_FROM} WHERE ${where.sql}`, where.params)
  const history = await q.many<DailyCount>(
    `SELECT ${VERIFIED_DAY} AS date, count(*) AS count FROM ${ITEM_FROM} WHERE ${where.sql} AND i.status = 'verified' GROUP BY 1 ORDER BY 1`,
    where.params,
  )
  const byDistrict = await q.many(
    `SELECT s.district_code AS code,
            (SELECT a.name FROM admin_units a WHERE a.level = 'district' AND a.code = s.district_code AND a.valid_to IS NULL LIMIT 1) AS name, ${COUNTS}
       FROM ${ITEM_FROM} WHERE ${where.sql} GROUP BY s.district_code ORDER BY s.district_code`,
    where.params,
  )
  const byCarrier = await q.many(
    `SELECT c.short_name AS "shortName", c.name, ${COUNTS} FROM ${ITEM_FROM} WHERE ${where.sql} GROUP BY c.short_name, c.name ORDER BY count(*) DESC, c.short_name`,
    where.params,
  )
  const overdueItems = await q.many(`SELECT ${ITEM_COLUMNS} FROM ${ITEM_FROM} WHERE ${where.sql} AND ${OVERDUE} ORDER BY i.due_date, i.id LIMIT 10`, where.params)

  const pacePerDay = recentPace(history, today, PACE_WINDOW_DAYS)
  let items = 0
  let done = 0
  const phaseProgress = phases.map((ph) => {
    const row = bySeq.find((r) => r.seq === ph.seq)
    items += row?.items ?? 0
    done += row?.verified ?? 0
    // The decision's target for the whole programme; a filtered view measures against the items it holds.
    const goal = scoped ? items : ph.target
    const need = requiredPace(done, goal, today, ph.deadline)
    return {
      ...ph, items, done, goal,
      percent: goal > 0 ? (done / goal) * 100 : 0,
      remaining: Math.max(0, goal - done),
      requiredPerMonth: need === null ? null : need * 30.4375,
      forecastDate: forecastDate(done, goal, pacePerDay, today),
      state: done >= goal ? 'done' : need === null ? 'missed' : pacePerDay >= need ? 'on_track' : 'behind',
    }
  })
  const last = phaseProgress.at(-1)
  return {
    programme: { id: programme.id, startsOn: programme.startsOn, heightToleranceM: programme.heightToleranceM },
    asOf: today,
    scoped,
    totals,
    phases: phaseProgress,
    pace: { windowDays: PACE_WINDOW_DAYS, perMonth: pacePerDay * 30.4375 },
    burnup: {
      series: cumulativeByMonth(history, programme.startsOn, today),
      target: [{ date: programme.startsOn, value: 0 }, ...phaseProgress.map((p) => ({ date: p.deadline, value: p.goal }))],
      forecast: last ? { from: today, done: last.done, to: last.forecastDate, value: last.goal } : null,
    },
    byDistrict,
    byCarrier,
    overdueItems,
  }
}
