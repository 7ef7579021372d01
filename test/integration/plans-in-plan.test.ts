// "In plan" (issue 12): a station application that matches a site of its carrier's approved plan within the
// province's tolerance (station_rules.plan_match_m) is marked so in its answers and in the editor's preview;
// the marks equal an independent query; other carriers' plans, unapproved versions and superseded approvals count not.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { TestApp } from '../helpers/app'
import { collection, newPlan, upload } from '../helpers/plans'
import { startProvinceApp } from '../helpers/stations'

let app: TestApp
let center: { lon: number; lat: number }
let officer: string
let viettel: string
let mobifone: string

const NORTH = 1 / 110_610
const EAST = 1 / 109_350
const at = (eastM: number, northM: number) => ({ lon: center.lon + eastM * EAST, lat: center.lat + northM * NORTH })
const planned = (code: string, eastM: number, northM: number) => ({
  type: 'Feature',
  properties: { code, mastClass: 'A2a', height: 24, year: 2027 },
  geometry: { type: 'Point', coordinates: [at(eastM, northM).lon, at(eastM, northM).lat] },
})

let seq = 0
async function station(cookie: string, eastM: number, northM: number) {
  seq++
  const body = {
    siteCode: `IP-${seq}`,
    address: `${seq} Lê Lợi`,
    position: at(eastM, northM),
    mastClass: 'A2a',
    mastHeightM: 12,
    buildingHeightM: 20,
    technologies: ['4G'],
  }
  const res = await app.request('POST', '/api/stations', { cookie, body })
  expect(res.status).toBe(201)
  return (await res.json()) as { id: number; inPlan: { siteKey: string; distanceM: number } | null }
}

async function approve(plan: number, n: number, decision: string) {
  const act = async (body: Record<string, unknown>) => {
    const v = await (await app.request('GET', `/api/plans/${plan}/versions/${n}`, { cookie: officer })).json()
    const res = await app.request('POST', `/api/plans/${plan}/versions/${n}/transition`, {
      cookie: officer,
      body: { version: v.version, ...body },
    })
    expect(res.status).toBe(200)
  }
  await act({ action: 'pass' })
  await act({ action: 'approve', decisionNumber: decision, decisionDate: '2026-11-30' })
}

/** A Viettel plan whose sites stand `northM` metres north of the centre (each test its own strip), uploaded. */
async function planAt(northM: number, sites: [string, number][]) {
  const plan = await newPlan(app, viettel)
  const features = sites.map(([code, eastM]) => planned(code, eastM, northM))
  expect((await upload(app, viettel, plan, 'geojson', collection(features))).status).toBe(201)
  return plan
}

beforeAll(async () => {
  ;({ app, center } = await startProvinceApp())
  officer = (await app.user('ip.officer', 'officer')).cookie
  viettel = (await app.user('ip.viettel', 'carrier', 'viettel')).cookie
  mobifone = (await app.user('ip.mobifone', 'carrier', 'mobifone')).cookie
})
afterAll(() => app.close())

describe('in plan', () => {
  it('is nothing while the plan is not approved', async () => {
    const plan = await planAt(-300, [['Q1', 0]])
    expect((await station(viettel, 5, -300)).inPlan).toBeNull()
    const v = await (await app.request('GET', `/api/plans/${plan}/versions/1`, { cookie: officer })).json()
    expect(v.state).toBe('submitted')
  })

  it('marks a station within the tolerance of an approved site of its own carrier, as the query says', async () => {
    const plan = await planAt(0, [
      ['P1', 0],
      ['P2', 800],
      ['P3', 1500],
    ])
    await approve(plan, 1, '100/QĐ-UBND')
    const near = await station(viettel, 10, 0)
    expect(near.inPlan).toMatchObject({ siteKey: 'P1', decisionNumber: '100/QĐ-UBND', planId: plan, version: 1 })
    expect(near.inPlan!.distanceM).toBeGreaterThan(9)
    expect(near.inPlan!.distanceM).toBeLessThan(11)
    expect((await station(viettel, 800, 29)).inPlan).toMatchObject({ siteKey: 'P2' })
    expect((await station(viettel, 800, 31)).inPlan).toBeNull() // the tolerance is 30 m (migration 142)
    expect((await station(mobifone, 1500, 5)).inPlan).toBeNull() // another carrier's plan
    // the panel reads the same mark (a draft: its carrier reads it)
    const one = await (await app.request('GET', `/api/stations/${near.id}`, { cookie: viettel })).json()
    expect(one.inPlan).toMatchObject({ siteKey: 'P1' })
    // every station's mark equals an independent query over all of them
    const ids = await app.db.many<{ id: number; carrier: string; site: string | null }>(
      `SELECT s.id::int AS id, (SELECT short_name FROM carriers c WHERE c.id = s.carrier_id) AS carrier,
              (SELECT ps.site_key FROM planned_sites ps JOIN plan_versions v ON v.id = ps.version_id
                 JOIN plans p ON p.id = v.plan_id
                WHERE p.carrier_id = s.carrier_id AND v.state = 'approved'
                  AND NOT EXISTS (SELECT 1 FROM plan_versions w
                                   WHERE w.plan_id = p.id AND w.state = 'approved' AND w.number > v.number)
                  AND ST_Distance(ps.geom::geography, s.geom::geography)
                      <= (SELECT plan_match_m FROM station_rules WHERE province_code = '79')
                ORDER BY ST_Distance(ps.geom::geography, s.geom::geography) LIMIT 1) AS site
         FROM stations s ORDER BY s.id`,
    )
    expect(ids.some((r) => r.site !== null)).toBe(true)
    const cookies: Record<string, string> = { viettel, mobifone }
    for (const { id, carrier, site } of ids) {
      const s = await (await app.request('GET', `/api/stations/${id}`, { cookie: cookies[carrier] })).json()
      expect(s.inPlan?.siteKey ?? null, `station ${id}`).toBe(site)
    }
  })

  it('follows the tolerance the province sets', async () => {
    const plan = await planAt(300, [['T1', 0]])
    await approve(plan, 1, '101/QĐ-UBND')
    expect((await station(viettel, 40, 300)).inPlan).toBeNull()
    await app.db.exec(`UPDATE station_rules SET plan_match_m = 50 WHERE province_code = '79'`)
    try {
      expect((await station(viettel, -40, 300)).inPlan).toMatchObject({ siteKey: 'T1' })
    } finally {
      await app.db.exec(`UPDATE station_rules SET plan_match_m = 30 WHERE province_code = '79'`)
    }
  })

  it("shows in the editor's preview before anything is stored", async () => {
    const plan = await planAt(600, [['E1', 0]])
    await approve(plan, 1, '102/QĐ-UBND')
    const check = async (eastM: number) => {
      const res = await app.request('POST', '/api/stations/check', {
        cookie: viettel,
        body: {
          siteCode: 'PREVIEW',
          position: at(eastM, 600),
          mastClass: 'A2a',
          mastHeightM: 12,
          buildingHeightM: 20,
        },
      })
      expect(res.status).toBe(200)
      return (await res.json()).inPlan
    }
    expect(await check(3)).toMatchObject({ siteKey: 'E1' })
    expect(await check(100)).toBeNull()
  })

  it('reads the latest approved version: an amendment that moves a site moves the mark', async () => {
    const plan = await planAt(900, [['A1', 0]])
    await approve(plan, 1, '103/QĐ-UBND')
    const v2 = [planned('A1', 500, 900)]
    expect((await upload(app, viettel, plan, 'geojson', collection(v2))).status).toBe(201)
    // v2 only submitted: v1 still counts
    expect((await station(viettel, 0, 910)).inPlan).toMatchObject({ siteKey: 'A1', version: 1 })
    await approve(plan, 2, '203/QĐ-UBND')
    expect((await station(viettel, 0, 890)).inPlan).toBeNull()
    expect((await station(viettel, 500, 910)).inPlan).toMatchObject({ siteKey: 'A1', version: 2 })
  })
})
