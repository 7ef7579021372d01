import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startTestApp, type TestApp } from '../helpers/app'
import type { Json } from '../helpers/json'
import { DEMO_PASSWORD } from '../../gis-data/demo'

// The report section on the demo city, checked against SQL written here that shares no code with it (no facts
// statements, no units_in_force, district_at or cable summary).

let app: TestApp
let officer: string

beforeAll(async () => {
  app = await startTestApp({}, undefined, 'demo')
  officer = await app.login('officer', DEMO_PASSWORD)
}, 1_800_000)
afterAll(async () => {
  await app?.close()
})

// The demo's cable works were completed by mid-2018 and its districts start in 2021: the first half of 2018 is
// read on the units of 2024.
const PERIODS = [
  { query: 'period=quarter&year=2023&quarter=2', from: '2023-04-01', to: '2023-06-30', units: '2023-06-30', works: 0 },
  {
    query: 'period=half&year=2018&half=1&unitsOn=2024-01-01',
    from: '2018-01-01',
    to: '2018-06-30',
    units: '2024-01-01',
    works: 1,
  },
]

async function section(query: string): Promise<Json> {
  const res = await app.request('GET', `/api/reports/section?${query}`, { cookie: officer })
  expect(res.status).toBe(200)
  return (await res.json()) as Json
}
const part = (r: Json, key: string) => r.parts.find((p: Json) => p.key === key)
const figure = (r: Json, key: string, fig: string) => part(r, key)?.figures.find((f: Json) => f.key === fig)?.value

const LOCAL = (ts: string) => `(${ts} AT TIME ZONE 'Asia/Ho_Chi_Minh')::date`
/** A station standing on day $1: licensed by then, built or in service, not decommissioned by then. */
const STANDING = `s.province_code = '79' AND NOT s.temporary AND s.decision_date <= $1::date
  AND (s.state IN ('built', 'in_service')
       OR (s.state = 'decommissioned' AND ${LOCAL('s.state_since')} > $1::date))`

async function n(sql: string, params: unknown[]): Promise<number> {
  return Number((await app.db.one<{ n: number }>(sql, params)).n)
}

describe.each(PERIODS)('the section for $query on the demo', ({ query, from, to, units, works }) => {
  it('counts the stations standing at both ends, by carrier and by district, as plain SQL does', async () => {
    const r = await section(query)
    const dayBefore = new Date(Date.parse(`${from}T00:00:00Z`) - 86_400_000).toISOString().slice(0, 10)
    const atEnd = await n(`SELECT count(*) AS n FROM stations s WHERE ${STANDING}`, [to])
    const atStart = await n(`SELECT count(*) AS n FROM stations s WHERE ${STANDING}`, [dayBefore])
    expect(atEnd).toBeGreaterThan(1000)
    expect(figure(r, 'stations', 'atEnd')).toBe(atEnd)
    expect(figure(r, 'stations', 'atStart')).toBe(atStart)
    const added = await n(
      `SELECT count(*) AS n FROM stations s WHERE ${STANDING.replace('<= $1::date', '<= $2::date')}
          AND s.decision_date >= $1::date`,
      [from, to],
    )
    expect(figure(r, 'stations', 'added')).toBe(added)
    expect(figure(r, 'stations', 'atEnd') - figure(r, 'stations', 'atStart')).toBe(
      figure(r, 'stations', 'added') - figure(r, 'stations', 'removed'),
    )
    const byCarrier = await app.db.many<{ name: string; n: number }>(
      `SELECT c.name, count(*) AS n FROM stations s JOIN carriers c ON c.id = s.carrier_id WHERE ${STANDING}
        GROUP BY 1`,
      [to],
    )
    const table = part(r, 'stations').tables.find((t: Json) => t.key === 'byCarrier')
    const shown = Object.fromEntries(table.rows.slice(0, -1).map((row: Json) => [row[0].text, row[4].value]))
    expect(shown).toEqual(Object.fromEntries(byCarrier.map((c) => [c.name, Number(c.n)])))
    const byDistrict = await app.db.many<{ code: string; n: number }>(
      `SELECT u.code, count(*) AS n FROM stations s
         JOIN admin_units u ON u.level = 'district' AND u.province_code = '79' AND ST_Intersects(u.geom, s.geom)
                           AND u.valid_from <= $1::date AND (u.valid_to IS NULL OR u.valid_to > $1::date)
        WHERE ${STANDING.replaceAll('$1', '$2')} GROUP BY 1`,
      [units, to],
    )
    const districts = part(r, 'stations').tables.find((t: Json) => t.key === 'byDistrict')
    const perDistrict = Object.fromEntries(
      districts.rows.filter((row: Json) => row[0].text !== '').map((row: Json) => [row[0].text, row[5].value]),
    )
    expect(perDistrict).toEqual(Object.fromEntries(byDistrict.filter((d) => d.n > 0).map((d) => [d.code, d.n])))
  })

  it('counts conversions verified in the period and to its end, per programme', async () => {
    const r = await section(query)
    const programmes = await app.db.many<{ id: number; done: number; to_date: number }>(
      `SELECT p.id,
              count(*) FILTER (WHERE ${LOCAL('i.verified_at')} BETWEEN $1::date AND $2::date) AS done,
              count(*) FILTER (WHERE ${LOCAL('i.verified_at')} <= $2::date) AS to_date
         FROM conversion_programmes p JOIN conversion_items i ON i.programme_id = p.id
        WHERE p.province_code = '79' AND i.status = 'verified' AND p.starts_on <= $2::date
        GROUP BY p.id`,
      [from, to],
    )
    expect(programmes.some((p) => p.done > 0)).toBe(true)
    for (const p of programmes) {
      expect(figure(r, 'conversions', `done.${p.id}`)).toBe(p.done)
      expect(figure(r, 'conversions', `doneToDate.${p.id}`)).toBe(p.to_date)
    }
  })

  it('states the cable figures and the shared ducts as plain SQL over the routes finds them', async () => {
    const r = await section(query)
    const c = await app.db.one<Json>(
      `SELECT count(*) FILTER (WHERE kind = 'underground' AND completed_on BETWEEN $1 AND $2) AS under,
              coalesce(sum(length_m) FILTER (WHERE kind = 'underground' AND completed_on BETWEEN $1 AND $2), 0)
                AS under_m,
              count(*) FILTER (WHERE kind = 'underground' AND started_on <= $2
                                 AND (completed_on IS NULL OR completed_on > $2)) AS building,
              coalesce(sum(length_m) FILTER (WHERE kind = 'tidying' AND completed_on BETWEEN $1 AND $2), 0) AS tidy_m,
              (SELECT count(DISTINCT rp.pole_id) FROM route_poles rp JOIN cable_routes t ON t.id = rp.route_id
                WHERE t.province_code = '79' AND t.kind = 'tidying' AND t.completed_on BETWEEN $1 AND $2) AS poles
         FROM cable_routes WHERE province_code = '79'`,
      [from, to],
    )
    expect(Number(c.under) > 0).toBe(works > 0)
    expect(figure(r, 'cables', 'undergroundRoutes')).toBe(Number(c.under))
    expect(figure(r, 'cables', 'undergroundKm')).toBeCloseTo(Number(c.under_m) / 1000, 6)
    expect(figure(r, 'cables', 'undergroundBuilding')).toBe(Number(c.building))
    expect(figure(r, 'cables', 'tidyingKm')).toBeCloseTo(Number(c.tidy_m) / 1000, 6)
    expect(figure(r, 'cables', 'tidyingPoles')).toBe(Number(c.poles))
    const d = await app.db.one<Json>(
      `SELECT count(*) AS routes, sum(dc.ducts * dc.tubes_per_duct) AS tubes,
              (SELECT coalesce(sum(a.tubes), 0) FROM duct_allocations a JOIN cable_routes x ON x.id = a.route_id
                WHERE x.province_code = '79' AND x.completed_on <= $1 AND a.from_date <= $1) AS rented
         FROM duct_capacities dc JOIN cable_routes r ON r.id = dc.route_id
        WHERE r.province_code = '79' AND r.kind = 'underground' AND r.completed_on <= $1`,
      [to],
    )
    expect(Number(d.routes)).toBeGreaterThan(0)
    expect(figure(r, 'ducts', 'sharedRoutes')).toBe(Number(d.routes))
    expect(figure(r, 'ducts', 'tubes')).toBe(Number(d.tubes))
    expect(figure(r, 'ducts', 'rented')).toBe(Number(d.rented))
  })

  it('shows the applications part only when the workflow received or decided applications in the period', async () => {
    const r = await section(query)
    const events = await n(
      `SELECT count(*) AS n FROM station_history h JOIN stations s ON s.id = h.station_id
        WHERE s.province_code = '79' AND h.action IN ('submit', 'approve', 'reject')
          AND ${LOCAL('h.at')} BETWEEN $1::date AND $2::date`,
      [from, to],
    )
    expect(Boolean(part(r, 'applications'))).toBe(events > 0)
  })
})
