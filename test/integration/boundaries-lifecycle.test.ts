import fs from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startTestApp, type TestApp } from '../helpers/app'
import { DEMO_PASSWORD } from '../../gis-data/demo'
import { importBoundaries } from '../../server/boundaries/import'
import type { SessionUser } from '../../server/http/context'
import type { Json } from '../helpers/json'

// The real HCMC districts imported over the demo province: everything stored per district follows the new
// units, and figures asked on a date before the import do not change. Checked against SQL that shares nothing
// with the product (no units_in_force, district_at or route_district_split).

const ADMIN = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../shared/data/admin')
const hcmc = () => JSON.parse(fs.readFileSync(path.join(ADMIN, '79_hcmc_districts.geojson'), 'utf8'))
const IN_FORCE = (u: string) =>
  `${u}.valid_from <= current_date AND (${u}.valid_to IS NULL OR ${u}.valid_to > current_date)`
const AS_OF = '2024-12-31'

let app: TestApp
let officer: string
let report: Json
let importStatus: number
const before = {
  stations: new Map<number, string | null>(),
  poles: new Map<number, string | null>(),
  items: [] as { station_id: number }[],
  splits: new Map<number, string>(),
  summaryAsOf: null as Json | null,
  routeAsOf: null as Json | null,
}

async function get(p: string, cookie = officer): Promise<Json> {
  const res = await app.request('GET', p, { cookie })
  expect(res.status).toBe(200)
  return (await res.json()) as Json
}

/** Each route's split by the districts open now, read straight from the tables, as a comparable string. */
async function openSplits(): Promise<Map<number, string>> {
  const rows = await app.db.many<{ id: number; split: string }>(
    `SELECT r.id,
            coalesce(string_agg(u.code || ':' || round(l.length_m::numeric, 2), ',' ORDER BY u.code), '') || '|' ||
            CASE WHEN r.length_m - coalesce(sum(l.length_m), 0) >= 0.01
                 THEN round((r.length_m - coalesce(sum(l.length_m), 0))::numeric, 2)::text ELSE '' END AS split
       FROM cable_routes r
       LEFT JOIN (route_district_lengths l JOIN admin_units u ON u.id = l.unit_id AND ${IN_FORCE('u')})
              ON l.route_id = r.id
      GROUP BY r.id, r.length_m`,
  )
  return new Map(rows.map((r) => [Number(r.id), r.split]))
}

beforeAll(async () => {
  app = await startTestApp({}, undefined, 'demo')
  officer = await app.login('officer', DEMO_PASSWORD)
  await app.user('boundary-admin', 'admin')
  for (const r of await app.db.many<{ id: number; d: string | null }>('SELECT id, district_code AS d FROM stations'))
    before.stations.set(Number(r.id), r.d)
  for (const r of await app.db.many<{ id: number; d: string | null }>('SELECT id, district_code AS d FROM poles'))
    before.poles.set(Number(r.id), r.d)
  before.items = await app.db.many<{ station_id: number }>('SELECT station_id FROM conversion_items')
  before.splits = await openSplits()
  before.summaryAsOf = await get(`/api/cables/summary?period=cumulative&until=${AS_OF}&groupBy=district`)
  const routeId = (await app.db.one<{ id: number }>(`SELECT id FROM cable_routes ORDER BY id LIMIT 1`)).id
  before.routeAsOf = await app.db.many(
    `SELECT district_code, length_m FROM route_district_split($1::date) WHERE route_id = $2 ORDER BY 1 NULLS LAST`,
    [AS_OF, routeId],
  )
  // The service the admin API and the CLI both call; a city-scale import can outlast fetch's 300 s header timeout
  // on a loaded test machine, so the test calls it directly as the signed-in administrator.
  const actor = await app.db.one<SessionUser>(`SELECT id, username, role FROM users WHERE username = 'boundary-admin'`)
  report = (await importBoundaries(
    app.db,
    {
      level: 'district',
      provinceCode: '79',
      validFrom: '2025-03-01',
      fileName: '79_hcmc_districts.geojson',
      featureCollection: hcmc(),
    },
    actor,
  )) as unknown as Json
  importStatus = report.status === 'imported' ? 200 : 422
}, 1_800_000)
afterAll(async () => {
  await app?.close()
})

/** The same value with every number rounded to 6 decimals (µm for metres): float sums differ in their last bits. */
function toMicrometres(value: unknown): unknown {
  if (typeof value === 'number') return Math.round(value * 1e6) / 1e6
  if (Array.isArray(value)) return value.map(toMicrometres)
  if (value && typeof value === 'object')
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, toMicrometres(v)]))
  return value
}

describe('importing the real HCMC districts over the demo', { timeout: 240_000 }, () => {
  it('imports them and counts in the report what moved, as counted independently', async () => {
    expect(importStatus).toBe(200)
    expect(report.status).toBe('imported')
    expect(report.closed).toHaveLength(22)
    const stations = await app.db.many<{ id: number; d: string | null }>('SELECT id, district_code AS d FROM stations')
    const movedStations = new Set(
      stations
        .filter((s) => before.stations.has(Number(s.id)) && before.stations.get(Number(s.id)) !== s.d)
        .map((s) => Number(s.id)),
    )
    const poles = await app.db.many<{ id: number; d: string | null }>('SELECT id, district_code AS d FROM poles')
    const movedPoles = poles.filter(
      (p) => before.poles.has(Number(p.id)) && before.poles.get(Number(p.id)) !== p.d,
    ).length
    const movedItems = before.items.filter((i) => movedStations.has(Number(i.station_id))).length
    const after = await openSplits()
    // routes that existed at the import (shuffled, the test drawing a route after it may have run first)
    const resplit = [...after].filter(([id, split]) => before.splits.has(id) && before.splits.get(id) !== split).length
    expect(movedStations.size).toBeGreaterThan(1000)
    expect(report.moved).toEqual({
      stations: movedStations.size,
      poles: movedPoles,
      conversionItems: movedItems,
      routes: resplit,
    })
    expect(movedPoles).toBeGreaterThan(10_000)
  })

  it('leaves every station, pole and conversion item in its stored district among the units in force', async () => {
    for (const table of ['stations', 'poles']) {
      const wrong = await app.db.one<{ n: number }>(
        `SELECT count(*) AS n FROM ${table} x
          WHERE x.province_code = '79' AND x.district_code IS DISTINCT FROM (
                SELECT min(u.code) FROM admin_units u
                 WHERE u.level = 'district' AND u.province_code = '79' AND ${IN_FORCE('u')}
                   AND ST_Intersects(u.geom, x.geom))`,
      )
      expect(Number(wrong.n), table).toBe(0)
    }
    const items = await app.db.one<{ n: number; wrong: number }>(
      `SELECT count(*) AS n, count(*) FILTER (WHERE s.district_code IS DISTINCT FROM (
                SELECT min(u.code) FROM admin_units u
                 WHERE u.level = 'district' AND u.province_code = '79' AND ${IN_FORCE('u')}
                   AND ST_Intersects(u.geom, s.geom))) AS wrong
         FROM conversion_items i JOIN stations s ON s.id = i.station_id`,
    )
    expect(Number(items.n)).toBeGreaterThan(3000)
    expect(Number(items.wrong)).toBe(0)
  })

  it('splits each route by the units in force only, summing to its length within 1 m', async () => {
    const ids = await app.db.many<{ id: number }>(`SELECT id FROM cable_routes ORDER BY id % 97, id LIMIT 40`)
    const inForce = new Set(
      (
        await app.db.many<{ code: string }>(
          `SELECT code FROM admin_units WHERE level = 'district' AND ${IN_FORCE('admin_units')}`,
        )
      ).map((u) => u.code),
    )
    for (const { id } of ids) {
      const route = await get(`/api/cables/routes/${id}`)
      const parts = route.districts as { districtCode: string | null; lengthM: number }[]
      expect(Math.abs(parts.reduce((s, p) => s + p.lengthM, 0) - route.lengthM)).toBeLessThan(1)
      for (const p of parts) if (p.districtCode !== null) expect(inForce.has(p.districtCode)).toBe(true)
      const direct = await app.db.many<{ code: string; m: number }>(
        `SELECT u.code, ST_Length(ST_CollectionExtract(ST_Intersection(r.geom, u.geom), 2)::geography, true) AS m
           FROM cable_routes r
           JOIN admin_units u ON u.level = 'district' AND ${IN_FORCE('u')} AND ST_Intersects(u.geom, r.geom)
          WHERE r.id = $1`,
        [id],
      )
      for (const d of direct.filter((x) => x.m > 0.01)) {
        const part = parts.find((p) => p.districtCode === d.code)
        expect(part, `route ${id} district ${d.code}`).toBeDefined()
        expect(Math.abs(part!.lengthM - d.m)).toBeLessThan(0.02)
      }
    }
  })

  it('gives the cable summary by district as independent SQL on the new units', async () => {
    const summary = await get('/api/cables/summary?period=cumulative&groupBy=district')
    const rows = await app.db.many<{ grp: string; kind: string; m: number }>(
      `WITH done AS (SELECT * FROM cable_routes WHERE province_code = '79' AND completed_on <= current_date),
       inside AS (
         SELECT r.id, r.kind, u.code, l.length_m FROM done r
           JOIN route_district_lengths l ON l.route_id = r.id
           JOIN admin_units u ON u.id = l.unit_id AND ${IN_FORCE('u')}),
       per_route AS (SELECT id, sum(length_m) AS m FROM inside GROUP BY id)
       SELECT code AS grp, kind, sum(length_m) AS m FROM inside GROUP BY 1, 2
       UNION ALL
       SELECT '-', r.kind, sum(r.length_m - coalesce(p.m, 0)) FILTER (WHERE r.length_m - coalesce(p.m, 0) >= 0.01)
         FROM done r LEFT JOIN per_route p ON p.id = r.id
        GROUP BY 2`,
    )
    const expected = new Map(rows.filter((r) => Number(r.m) >= 0.01).map((r) => [`${r.grp}/${r.kind}`, Number(r.m)]))
    const got = new Map(
      (summary.rows as Json[])
        .filter((r) => r.completedM >= 0.01)
        .map((r) => [`${r.group}/${r.kind}`, Number(r.completedM)]),
    )
    expect([...got.keys()].sort()).toEqual([...expected.keys()].sort())
    for (const [key, m] of expected) expect(Math.abs(got.get(key)! - m), key).toBeLessThan(1)
  })

  it('gives the conversion dashboard by district as independent SQL on the new units', async () => {
    const programme = (
      await app.db.one<{ id: number }>(`SELECT id FROM conversion_programmes WHERE is_demo ORDER BY id LIMIT 1`)
    ).id
    const dashboard = await get(`/api/conversions/programmes/${programme}/dashboard`)
    const rows = await app.db.many<{ code: string | null; n: number }>(
      `SELECT (SELECT min(u.code) FROM admin_units u
                WHERE u.level = 'district' AND u.province_code = '79' AND ${IN_FORCE('u')}
                  AND ST_Intersects(u.geom, s.geom)) AS code, count(*) AS n
         FROM conversion_items i JOIN stations s ON s.id = i.station_id WHERE i.programme_id = $1 GROUP BY 1`,
      [programme],
    )
    const expected = Object.fromEntries(rows.map((r) => [String(r.code), Number(r.n)]))
    const got = Object.fromEntries((dashboard.byDistrict as Json[]).map((r) => [String(r.code), Number(r.items)]))
    expect(got).toEqual(expected)
    const names = await app.db.many<{ code: string; name: string }>(
      `SELECT code, name FROM admin_units WHERE level = 'district' AND ${IN_FORCE('admin_units')}`,
    )
    for (const r of dashboard.byDistrict as Json[])
      if (r.code) expect(r.name).toBe(names.find((n) => n.code === r.code)?.name)
  })

  it('answers a figure asked as of a date before the import exactly as before', async () => {
    const summary = await get(`/api/cables/summary?period=cumulative&until=${AS_OF}&groupBy=district`)
    // sums of the same lengths may add in another order after the re-split: equal to the micrometre
    expect(toMicrometres(summary)).toEqual(toMicrometres(before.summaryAsOf))
    const routeId = (await app.db.one<{ id: number }>(`SELECT id FROM cable_routes ORDER BY id LIMIT 1`)).id
    const split = await app.db.many(
      `SELECT district_code, length_m FROM route_district_split($1::date) WHERE route_id = $2 ORDER BY 1 NULLS LAST`,
      [AS_OF, routeId],
    )
    expect(toMicrometres(split)).toEqual(toMicrometres(before.routeAsOf))
  })

  it('splits a route drawn after the import by the new units', async () => {
    const res = await app.request('POST', '/api/cables/routes', {
      cookie: officer,
      body: {
        name: 'Tuyến sau nhập ranh giới',
        kind: 'underground',
        carriers: ['viettel'],
        geometry: {
          type: 'LineString',
          coordinates: [
            [106.7, 10.77],
            [106.72, 10.8],
          ],
        },
      },
    })
    expect(res.status).toBe(201)
    const route = (await res.json()) as Json
    const direct = await app.db.many<{ code: string }>(
      `SELECT u.code FROM admin_units u WHERE u.level = 'district' AND ${IN_FORCE('u')}
          AND ST_Length(ST_CollectionExtract(ST_Intersection(u.geom,
                ST_SetSRID(ST_GeomFromText('LINESTRING(106.70 10.77, 106.72 10.80)'), 4326)), 2)::geography) > 0.01
        ORDER BY u.code`,
    )
    expect((route.districts as Json[]).filter((d) => d.districtCode).map((d) => d.districtCode)).toEqual(
      direct.map((d) => d.code),
    )
  })
})
