import type { Queryable, Row } from '../db/index'
import type { SessionUser } from '../http/context'
import { itemWhere, programmeIn } from './access'
import { cumulativeByMonth, doneBy, forecastDate, recentPace, requiredPace, type DailyCount } from './forecast'
import type { DashboardQuery } from './schemas'
import { ITEM_COLUMNS, ITEM_FROM, TODAY, VERIFIED_DAY } from './sql'

/** The window over which the recent pace is measured. */
export const PACE_WINDOW_DAYS = 180

const OVERDUE = `(i.status <> 'verified' AND i.due_date < ${TODAY})`
// Counts over the filtered set `f` (see FIGURES).
const COUNTS = `count(*) AS items,
  count(*) FILTER (WHERE f.status = 'planned') AS planned,
  count(*) FILTER (WHERE f.status = 'in_progress') AS "inProgress",
  count(*) FILTER (WHERE f.status = 'reported') AS reported,
  count(*) FILTER (WHERE f.status = 'returned') AS returned,
  count(*) FILTER (WHERE f.status = 'verified') AS verified,
  count(*) FILTER (WHERE f.overdue) AS overdue`

/**
 * Every count of the dashboard in one statement: the filtered items are read once (one join, one index scan) and
 * each breakdown aggregates that set, so the figures cannot disagree with each other.
 */
const FIGURES = (where: string) => `
WITH f AS MATERIALIZED (
  SELECT i.status, ph.seq, s.district_code AS district, c.short_name, c.name AS carrier_name, ${OVERDUE} AS overdue,
         CASE WHEN i.status = 'verified' THEN ${VERIFIED_DAY} END AS day
    FROM ${ITEM_FROM} WHERE ${where}
)
SELECT ${TODAY}::text AS today,
  (SELECT to_jsonb(x) FROM (SELECT ${COUNTS} FROM f) x) AS totals,
  (SELECT coalesce(jsonb_agg(to_jsonb(x) ORDER BY x.seq), '[]') FROM (SELECT f.seq, count(*) AS items FROM f GROUP BY f.seq) x) AS "bySeq",
  (SELECT coalesce(jsonb_agg(to_jsonb(x) ORDER BY x.date), '[]') FROM (SELECT f.day::text AS date, count(*) AS count FROM f WHERE f.day IS NOT NULL GROUP BY f.day) x) AS history,
  (SELECT coalesce(jsonb_agg(to_jsonb(x) ORDER BY x.code), '[]') FROM (
     SELECT f.district AS code, district_name(f.district, current_date) AS name, ${COUNTS}
       FROM f GROUP BY f.district) x) AS "byDistrict",
  (SELECT coalesce(jsonb_agg(to_jsonb(x) ORDER BY x.items DESC, x."shortName"), '[]') FROM (
     SELECT f.short_name AS "shortName", f.carrier_name AS name, ${COUNTS} FROM f GROUP BY f.short_name, f.carrier_name) x) AS "byCarrier"`

interface Figures {
  today: string
  totals: Row
  bySeq: { seq: number; items: number }[]
  history: DailyCount[]
  byDistrict: Row[]
  byCarrier: Row[]
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
  const { today, totals, bySeq, history, byDistrict, byCarrier } = await q.one<Figures>(
    FIGURES(where.sql),
    where.params,
  )
  const phases = await q.many<PhaseRow>(
    `SELECT id, seq, name, deadline, cumulative_target AS target FROM conversion_phases WHERE programme_id = $1 ORDER BY seq`,
    [programmeId],
  )
  const overdueItems = await q.many(
    `SELECT ${ITEM_COLUMNS} FROM ${ITEM_FROM} WHERE ${where.sql} AND ${OVERDUE} ORDER BY i.due_date, i.id LIMIT 10`,
    where.params,
  )

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
