import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { startTestApp, type TestApp } from '../helpers/app'
import { generateProvince } from '../../gis-data/province'
import {
  DISTRICT_TABLE_ON,
  DISTRICT_TABLE_ON_SCAN,
  SUMMARY_SCAN,
  TABLE_CARRIER_DAYS,
  TABLE_DISTRICT,
  TABLE_NONE_DAYS,
  TREND_DAYS,
  tableSql,
} from '../../server/cables/sql/summary.sql'
import { beforeDistrictChange, rederiveDistricts } from '../../server/boundaries/rederive'

// The summary's aggregate (migration 070) after each kind of write, against the scan of every route.
type Row = Record<string, unknown>
let app: TestApp
let officer: string
let carriers: Record<string, number>

const PERIODS: [from: string | null, to: string][] = [
  [null, '2017-12-31'],
  [null, '2018-06-30'],
  [null, '2019-06-29'],
  [null, '2019-06-30'],
  [null, '2030-01-01'],
  ['2019-01-01', '2019-12-31'],
  ['2019-04-01', '2019-06-30'],
  ['2018-01-01', '2018-03-31'],
]
const TREND = ['2017-12-31', '2018-06-30', '2019-06-30', '2019-12-31', '2030-01-01']

/** Rows with lengths rounded to the micrometre: numeric and float sums differ in the last bits only. */
const rounded = (rows: Row[]) =>
  rows.map((r) =>
    Object.fromEntries(Object.entries(r).map(([k, v]) => [k, typeof v === 'number' ? Math.round(v * 1e6) / 1e6 : v])),
  )

async function expectAggregateEqualsScan(): Promise<void> {
  for (const scope of [null, carriers.viettel!, carriers.vnpt!]) {
    for (const [from, to] of PERIODS) {
      const params = ['79', from, to, scope]
      const none = await app.db.many<Row>(TABLE_NONE_DAYS, params)
      expect(rounded(none), `none ${scope} ${from}..${to}`).toEqual(
        rounded(await app.db.many<Row>(tableSql('none'), params)),
      )
      if (scope === null)
        expect(rounded(await app.db.many<Row>(TABLE_CARRIER_DAYS, params)), `carrier ${from}..${to}`).toEqual(
          rounded(await app.db.many<Row>(tableSql('carrier'), params)),
        )
      // by district from the stored lengths, against the split of every route
      expect(rounded(await app.db.many<Row>(TABLE_DISTRICT, params)), `district ${scope} ${from}..${to}`).toEqual(
        rounded(await app.db.many<Row>(tableSql('district'), params)),
      )
      for (const units of ['2019-06-30', '2030-01-01'])
        expect(
          rounded(await app.db.many<Row>(DISTRICT_TABLE_ON, [...params, units])),
          `district on ${units} ${scope} ${from}..${to}`,
        ).toEqual(rounded(await app.db.many<Row>(DISTRICT_TABLE_ON_SCAN, [...params, units])))
    }
    const trend = await app.db.many<Row>(TREND_DAYS, ['79', scope, TREND])
    for (const [i, until] of TREND.entries()) {
      const { until: _, ...t } = trend[i]!
      expect(rounded([t]), `trend ${scope} ${until}`).toEqual(
        rounded([await app.db.one<Row>(SUMMARY_SCAN, ['79', null, until, scope])]),
      )
    }
  }
}

async function createRoute(name: string, kind: string, names: string[], coordinates: number[][]): Promise<number> {
  const res = await app.request('POST', '/api/cables/routes', {
    cookie: officer,
    body: { name, kind, carriers: names, geometry: { type: 'LineString', coordinates } },
  })
  expect(res.status).toBe(201)
  return ((await res.json()) as { id: number }).id
}

beforeAll(async () => {
  app = await startTestApp()
  await generateProvince(app.db, '79', 20_170_601)
  officer = (await app.user('officer1', 'officer')).cookie
  carriers = Object.fromEntries(
    (await app.db.many<{ id: number; short_name: string }>('SELECT id, short_name FROM carriers')).map((c) => [
      c.short_name,
      c.id,
    ]),
  )
}, 300_000)
afterAll(() => app?.close())

/**
 * The three routes of these tests, created through the API and built: a shared underground one (Viettel and VNPT,
 * under construction from 2018-02-01, completed 2018-06-30) and two tidying ones (Viettel; VNPT), built from
 * 2019-01-10 to 2019-06-30. `step` runs before the first write and after each.
 */
async function builtRoutes(step: () => Promise<void> = async () => {}) {
  await step()
  const shared = await createRoute(
    'Chung',
    'underground',
    ['viettel', 'vnpt'],
    [
      [106.66, 10.76],
      [106.72, 10.79],
    ],
  )
  const tidy = await createRoute(
    'Chỉnh trang',
    'tidying',
    ['viettel'],
    [
      [106.64, 10.74],
      [106.69, 10.81],
    ],
  )
  const other = await createRoute(
    'Riêng',
    'tidying',
    ['vnpt'],
    [
      [106.62, 10.8],
      [106.7, 10.83],
    ],
  )
  await step()
  const start = await app.request('POST', `/api/cables/routes/${shared}/status`, {
    cookie: officer,
    body: { version: 1, status: 'under_construction', date: '2018-02-01' },
  })
  expect(start.status).toBe(200)
  await step()
  await app.db.exec(
    `UPDATE cable_routes SET status = 'completed', started_on = '2019-01-10', completed_on = '2019-06-30'
      WHERE id = ANY ($1::bigint[])`,
    [[tidy, other]],
  )
  await app.db.exec(`UPDATE cable_routes SET status = 'completed', completed_on = '2018-06-30' WHERE id = $1`, [shared])
  await step()
  return { shared, tidy, other }
}

/** Twenty EVN poles AGG-1…20: 1–15 on the first tidying route, 10–20 on the second (ten are shared). */
async function linkPoles(tidy: number, other: number): Promise<void> {
  await app.db.exec(
    `INSERT INTO poles (province_code, code, owner_carrier_id, geom)
     SELECT '79', 'AGG-' || k, $1, ST_SetSRID(ST_MakePoint(106.64 + k * 0.001, 10.75 + k * 0.001), 4326)
       FROM generate_series(1, 20) k`,
    [carriers.evn],
  )
  await app.db.exec(
    `INSERT INTO route_poles (route_id, pole_id)
     SELECT $1::bigint, id FROM poles WHERE code ~ '^AGG-([1-9]|1[0-5])$'
     UNION ALL SELECT $2, id FROM poles WHERE code ~ '^AGG-(1[0-9]|20)$'`,
    [tidy, other],
  )
}

describe('the cable summary aggregate stays equal to the scan of every route', () => {
  // Each test starts with no routes and none of its poles, whatever an earlier test left.
  beforeEach(async () => {
    await app.db.exec('DELETE FROM route_poles')
    await app.db.exec('DELETE FROM cable_routes')
    await app.db.exec(`DELETE FROM poles WHERE code LIKE 'AGG-%'`)
  })

  it('after inserts (API) and state changes', async () => {
    await builtRoutes(expectAggregateEqualsScan)
  })

  it('after poles are linked, shared by two routes, and routes change kind, carriers, length and dates', async () => {
    const { shared, tidy, other } = await builtRoutes()
    await linkPoles(tidy, other)
    await expectAggregateEqualsScan()
    await app.db.exec(`UPDATE cable_routes SET completed_on = '2019-05-01', started_on = '2019-01-01' WHERE id = $1`, [
      other,
    ])
    await expectAggregateEqualsScan()
    await app.db.exec(`UPDATE cable_routes SET carrier_ids = $2 WHERE id = $1`, [
      other,
      [carriers.vnpt, carriers.viettel],
    ])
    await expectAggregateEqualsScan()
    await app.db.exec(
      `UPDATE cable_routes SET geom = ST_Multi(ST_GeomFromText('LINESTRING(106.6 10.7, 106.7 10.9)', 4326)),
              length_m = ST_Length(ST_GeomFromText('LINESTRING(106.6 10.7, 106.7 10.9)', 4326)::geography, true)
        WHERE id = $1`,
      [tidy],
    )
    await app.db.exec(`UPDATE cable_routes SET kind = 'relocation' WHERE id = $1`, [shared])
    await expectAggregateEqualsScan()
    // Back to planned: no dates.
    await app.db.exec(
      `UPDATE cable_routes SET status = 'planned', started_on = NULL, completed_on = NULL WHERE id = $1`,
      [other],
    )
    await expectAggregateEqualsScan()
    await app.db.exec(
      `UPDATE cable_routes SET status = 'completed', started_on = '2018-01-05', completed_on = '2018-01-20'
                        WHERE id = $1`,
      [other],
    )
    await expectAggregateEqualsScan()
  })

  it('after a boundary re-derive, pole and route deletes', async () => {
    const { tidy, other } = await builtRoutes()
    await linkPoles(tidy, other)
    await app.db.transaction(async (tx) => {
      await beforeDistrictChange(tx, '79', '2022-06-01')
      // A new version of the district holding the centre, from 2022: re-derive moves poles and re-splits routes.
      await tx.exec(
        `WITH old AS (
           UPDATE admin_units SET valid_to = '2022-01-01'
            WHERE level = 'district' AND province_code = '79' AND valid_to IS NULL
              AND ST_Intersects(geom, ST_SetSRID(ST_MakePoint(106.66, 10.8), 4326))
           RETURNING *
         )
         INSERT INTO admin_units (level, code, name, province_code, parent_code, geom, valid_from, source, is_demo)
         SELECT level, code, name || ' (2022)', province_code, parent_code, ST_Multi(ST_Buffer(geom, 0.01)),
                '2022-01-01', 'demo', true FROM old`,
      )
      await rederiveDistricts(tx, '79', '2022-06-01')
    })
    await expectAggregateEqualsScan()
    await app.db.exec(`DELETE FROM poles WHERE code IN ('AGG-10', 'AGG-11', 'AGG-3')`)
    await expectAggregateEqualsScan()
    const { version } = await app.db.one<{ version: number }>('SELECT version FROM cable_routes WHERE id = $1', [tidy])
    const res = await app.request('DELETE', `/api/cables/routes/${tidy}?version=${version}`, { cookie: officer })
    expect(res.status).toBeLessThan(300)
    await expectAggregateEqualsScan()
    await app.db.exec(`DELETE FROM route_poles WHERE route_id = $1`, [other])
    await app.db.exec(`DELETE FROM cable_routes`)
    await expectAggregateEqualsScan()
    const left = await app.db.one<{ n: number }>(
      `SELECT count(*) FILTER (WHERE routes <> 0 OR completed_routes <> 0 OR completed_m <> 0 OR building_routes <> 0
                                  OR building_m <> 0 OR first_done_poles <> 0) AS n FROM cable_summary_days`,
    )
    expect(left.n).toBe(0)
    const byDistrict = await app.db.one<{ n: number }>(
      'SELECT count(*) FILTER (WHERE poles <> 0) AS n FROM cable_pole_district_days',
    )
    expect(byDistrict.n).toBe(0)
  })

  it('serves the whole summary page in one answer, equal to the summaries it replaces', async () => {
    await createRoute(
      'Sau cùng',
      'underground',
      ['viettel'],
      [
        [106.66, 10.76],
        [106.7, 10.8],
      ],
    )
    await app.db.exec(
      `UPDATE cable_routes SET status = 'completed', started_on = '2015-03-01', completed_on = '2016-05-01'`,
    )
    const page = (await (
      await app.request('GET', '/api/cables/summary/page?period=year&year=2016&groupBy=district', { cookie: officer })
    ).json()) as { summary: Row; trend: { label: string; until: string; totals: Row }[] }
    const alone = await (
      await app.request('GET', '/api/cables/summary?period=year&year=2016&groupBy=district', { cookie: officer })
    ).json()
    expect(page.summary).toEqual(alone)
    expect(page.trend[0]).toMatchObject({ label: '2014', until: '2014-12-31' })
    for (const e of page.trend) {
      const one = await (
        await app.request('GET', `/api/cables/summary?period=cumulative&until=${e.until}`, { cookie: officer })
      ).json()
      expect(e.totals).toEqual(one.totals)
    }
    expect(page.trend.find((e) => e.label === '2016')!.totals.undergroundRoutes).toBe(1)
  })
})
