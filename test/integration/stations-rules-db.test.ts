import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { startTestApp, type TestApp } from '../helpers/app'
import { generateProvince } from '../../gis-data/province'
import type { Json } from '../helpers/json'

// Every rule at its boundary, through the real SQL (distances on the ellipsoid) and the preview API.
let app: TestApp
let carrier: string
let urban: { lon: number; lat: number }
let rural: { lon: number; lat: number }
let otherOperator: number
let ownOperator: number

beforeAll(async () => {
  app = await startTestApp()
  await generateProvince(app.db, '79', 20_170_601)
  const at = (code: string) =>
    app.db.one<{ lon: number; lat: number }>(
      `SELECT ST_X(p) AS lon, ST_Y(p) AS lat
         FROM (SELECT ST_PointOnSurface(geom) AS p FROM admin_units WHERE code = $1) t`,
      [code],
    )
  urban = await at('760')
  rural = await at('783')
  ;({ cookie: carrier } = await app.user('viettel.rules', 'carrier', 'viettel'))
  otherOperator = (await app.db.one<{ id: number }>(`SELECT id FROM carriers WHERE short_name = 'mobifone'`)).id
  ownOperator = (await app.db.one<{ id: number }>(`SELECT id FROM carriers WHERE short_name = 'viettel'`)).id
})
afterAll(async () => {
  await app?.close()
})
beforeEach(async () => {
  await app.db.exec('DELETE FROM stations')
  await app.db.exec('DELETE FROM planning_zones')
})

/** The point `metres` due east of `from`, on the ellipsoid. */
async function east(from: { lon: number; lat: number }, metres: number) {
  return app.db.one<{ lon: number; lat: number }>(
    `SELECT ST_X(g) AS lon, ST_Y(g) AS lat
       FROM (SELECT ST_Project(ST_SetSRID(ST_MakePoint($1, $2), 4326)::geography, $3::float8, radians(90))::geometry
               AS g) t`,
    [from.lon, from.lat, metres],
  )
}

async function existingMast(at: { lon: number; lat: number }, carrierId: number, mastClass = 'A2a') {
  await app.db.exec(
    `INSERT INTO stations (province_code, carrier_id, site_code, geom, mast_class, mast_height_m, building_height_m,
                          state, decision_no, decision_date)
     VALUES ('79', $1, $5, ST_SetSRID(ST_MakePoint($2, $3), 4326), $4, 12, CASE WHEN $4 = 'A2b' THEN NULL ELSE 20 END,
             'in_service', '1/QĐ', '2020-01-01')`,
    [carrierId, at.lon, at.lat, mastClass, `EXIST-${carrierId}`],
  )
}

async function check(at: { lon: number; lat: number }, over: Json): Promise<Record<string, Json>> {
  const res = await app.request('POST', '/api/stations/check', {
    cookie: carrier,
    body: { siteCode: 'PREVIEW', position: at, technologies: ['4G'], ...over },
  })
  const json = (await res.json()) as { results: Json[] }
  expect(res.status, JSON.stringify(json)).toBe(200)
  return Object.fromEntries(json.results.map((r) => [r.rule, r]))
}

const A2A = (h: number) => ({ mastClass: 'A2a', mastHeightM: h, buildingHeightM: 20 })

describe('spacing and sharing at their limits, measured by PostGIS', () => {
  it.each([
    ['A2a ≤ 15 m, urban', 'urban', A2A(15), 150],
    ['A2a ≤ 15 m, rural', 'rural', A2A(15), 200],
    ['A2a > 15 m, urban', 'urban', A2A(16), 200],
    ['A2a > 15 m, rural', 'rural', A2A(16), 350],
    ['A2b, urban', 'urban', { mastClass: 'A2b', mastHeightM: 40 }, 300],
  ] as const)('%s: passes exactly at %s m, fails 1 cm closer', async (_name, area, mast, limit) => {
    const base = area === 'urban' ? urban : rural
    await existingMast(base, otherOperator)
    const atLimit = await check(await east(base, limit), mast)
    expect(atLimit.spacing!.outcome).toBe('pass')
    expect(atLimit.spacing!.values.limitM).toBe(limit)
    expect(atLimit.spacing!.values.nearest[0].distanceM).toBeCloseTo(limit, 2)
    expect((await check(await east(base, limit - 0.01), mast)).spacing!.outcome).toBe('fail')
  })

  it.each([
    ['urban', 100],
    ['rural', 400],
  ] as const)('%s: must share the other operator’s mast under %s m, named', async (area, limit) => {
    const base = area === 'urban' ? urban : rural
    await existingMast(base, otherOperator)
    expect((await check(await east(base, limit), A2A(12))).must_share!.outcome).toBe('pass')
    const closer = (await check(await east(base, limit - 0.01), A2A(12))).must_share!
    expect(closer.outcome).toBe('fail')
    expect(closer.values.candidate.siteCode).toBe(`EXIST-${otherOperator}`)
  })

  it('flags a duplicate of the same operator under 30 m', async () => {
    await existingMast(urban, ownOperator)
    expect((await check(await east(urban, 30), A2A(12))).duplicate!.outcome).toBe('pass')
    expect((await check(await east(urban, 29.99), A2A(12))).duplicate!.outcome).toBe('fail')
  })

  it('lists the nearest mast of every operator', async () => {
    await existingMast(urban, otherOperator)
    await existingMast(await east(urban, 500), ownOperator)
    const r = await check(await east(urban, 1000), A2A(12))
    expect(r.spacing!.values.nearestByOperator.map((n: Json) => n.operator)).toEqual(['viettel', 'mobifone'])
  })
})

describe('zones and A1 limits at their limits', () => {
  const zone = async (allowed: string[], maxHeightM: number | null) => {
    await app.db.exec(
      `INSERT INTO planning_zones (province_code, name, kind, allowed_classes, max_height_m, geom)
       VALUES ('79', 'Vùng thử', 'a1_only', $1, $2,
               ST_Multi(ST_Buffer(ST_SetSRID(ST_MakePoint($3, $4), 4326)::geography, 200)::geometry))`,
      [allowed, maxHeightM, urban.lon, urban.lat],
    )
  }

  it('passes a total height exactly at the zone limit and fails 1 cm over', async () => {
    await zone(['A1', 'A2a'], 32)
    expect((await check(urban, { mastClass: 'A2a', mastHeightM: 12, buildingHeightM: 20 })).zone_height!.outcome).toBe(
      'pass',
    )
    expect(
      (await check(urban, { mastClass: 'A2a', mastHeightM: 12.01, buildingHeightM: 20 })).zone_height!.outcome,
    ).toBe('fail')
  })

  it('refuses a bulky mast in an A1-only zone and accepts a camouflaged one', async () => {
    await zone(['A1'], null)
    expect((await check(urban, A2A(12))).zone_class!.outcome).toBe('fail')
    expect(
      (await check(urban, { mastClass: 'A1c', camouflageKind: 'palm_tree', mastHeightM: 10 })).zone_class!.outcome,
    ).toBe('pass')
    expect((await check(await east(urban, 300), A2A(12))).zone_class!.outcome).toBe('pass')
  })

  it.each([
    [2, 10, 'pass'],
    [2.01, 10, 'fail'],
    [3, 30, 'pass'],
    [3.01, 30, 'fail'],
  ] as const)('A1 %s m on a %s m building → %s', async (mastM, buildingM, expected) => {
    expect(
      (await check(urban, { mastClass: 'A1', mastHeightM: mastM, buildingHeightM: buildingM, reachBeyondEdgeM: 0 }))
        .a1_limits!.outcome,
    ).toBe(expected)
  })

  it('uses the officer-edited rule values at once', async () => {
    await existingMast(urban, otherOperator)
    const at = await east(urban, 120)
    expect((await check(at, A2A(12))).must_share!.outcome).toBe('pass')
    await app.db.exec(`UPDATE station_rules SET share_distance_urban_m = 130 WHERE province_code = '79'`)
    expect((await check(at, A2A(12))).must_share!.outcome).toBe('fail')
    await app.db.exec(`UPDATE station_rules SET share_distance_urban_m = 100 WHERE province_code = '79'`)
  })
})
