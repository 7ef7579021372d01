import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startTestApp, type TestApp } from '../helpers/app'
import { generateProvince } from '../../gis-data/province'
import { routeDetailAnswer, routePageAnswer } from '../../server/cables/schemas'

// Vincenty's inverse formula on WGS84: an independent ellipsoidal distance to check stored lengths against.
function vincenty([lon1, lat1]: number[], [lon2, lat2]: number[]): number {
  const a = 6378137,
    f = 1 / 298.257223563,
    b = a * (1 - f),
    rad = Math.PI / 180
  const L = (lon2! - lon1!) * rad
  const U1 = Math.atan((1 - f) * Math.tan(lat1! * rad)),
    U2 = Math.atan((1 - f) * Math.tan(lat2! * rad))
  let lambda = L,
    prev = 0,
    sinS = 0,
    cosS = 0,
    sigma = 0,
    cos2a = 0,
    cos2sm = 0
  do {
    const sinL = Math.sin(lambda),
      cosL = Math.cos(lambda)
    sinS = Math.hypot(Math.cos(U2) * sinL, Math.cos(U1) * Math.sin(U2) - Math.sin(U1) * Math.cos(U2) * cosL)
    cosS = Math.sin(U1) * Math.sin(U2) + Math.cos(U1) * Math.cos(U2) * cosL
    sigma = Math.atan2(sinS, cosS)
    const sinA = (Math.cos(U1) * Math.cos(U2) * sinL) / sinS
    cos2a = 1 - sinA * sinA
    cos2sm = cosS - (2 * Math.sin(U1) * Math.sin(U2)) / cos2a
    const C = (f / 16) * cos2a * (4 + f * (4 - 3 * cos2a))
    prev = lambda
    lambda = L + (1 - C) * f * sinA * (sigma + C * sinS * (cos2sm + C * cosS * (-1 + 2 * cos2sm * cos2sm)))
  } while (Math.abs(lambda - prev) > 1e-12)
  const u2 = (cos2a * (a * a - b * b)) / (b * b)
  const A = 1 + (u2 / 16384) * (4096 + u2 * (-768 + u2 * (320 - 175 * u2)))
  const B = (u2 / 1024) * (256 + u2 * (-128 + u2 * (74 - 47 * u2)))
  const dS =
    B *
    sinS *
    (cos2sm +
      (B / 4) *
        (cosS * (-1 + 2 * cos2sm * cos2sm) - (B / 6) * cos2sm * (-3 + 4 * sinS * sinS) * (-3 + 4 * cos2sm * cos2sm)))
  return b * A * (sigma - dS)
}
const haversine = ([lon1, lat1]: number[], [lon2, lat2]: number[]) => {
  const r = Math.PI / 180,
    R = 6371008.8
  const h =
    Math.sin(((lat2! - lat1!) * r) / 2) ** 2 +
    Math.cos(lat1! * r) * Math.cos(lat2! * r) * Math.sin(((lon2! - lon1!) * r) / 2) ** 2
  return 2 * R * Math.asin(Math.sqrt(h))
}
const mercator = ([lon1, lat1]: number[], [lon2, lat2]: number[]) => {
  const y = (lat: number) => 6378137 * Math.log(Math.tan(Math.PI / 4 + (lat * Math.PI) / 360))
  return Math.hypot(((lon2! - lon1!) * Math.PI * 6378137) / 180, y(lat2!) - y(lat1!))
}

// A long line across the demo province (north–south, then east–west), so the methods differ measurably.
const LINE = [
  [106.55, 10.62],
  [106.58, 10.98],
  [106.78, 10.98],
]
const lineBody = (extra: Record<string, unknown> = {}) => ({
  name: 'Tuyến thử',
  kind: 'underground',
  carriers: ['viettel'],
  geometry: { type: 'LineString', coordinates: LINE },
  ...extra,
})

let app: TestApp
let officer: string, inspector: string, viettel: string, vnpt: string, admin: string

beforeAll(async () => {
  app = await startTestApp()
  await generateProvince(app.db, '79', 20_170_601)
  officer = (await app.user('officer1', 'officer')).cookie
  inspector = (await app.user('inspector1', 'inspector')).cookie
  admin = (await app.user('admin1', 'admin')).cookie
  viettel = (await app.user('viettel1', 'carrier', 'viettel')).cookie
  vnpt = (await app.user('vnpt1', 'carrier', 'vnpt')).cookie
})
afterAll(() => app.close())

describe('route length', () => {
  it('stores the ellipsoidal length, not a spherical or Web Mercator one', async () => {
    const res = await app.request('POST', '/api/cables/routes', { cookie: officer, body: lineBody() })
    expect(res.status).toBe(201)
    const route = await res.json()
    const stored = await app.db.one<{ length_m: number; geo: number }>(
      'SELECT length_m, ST_Length(geom::geography, true) AS geo FROM cable_routes WHERE id = $1',
      [route.id],
    )
    const ellipsoid = vincenty(LINE[0]!, LINE[1]!) + vincenty(LINE[1]!, LINE[2]!)
    const sphere = haversine(LINE[0]!, LINE[1]!) + haversine(LINE[1]!, LINE[2]!)
    const web = mercator(LINE[0]!, LINE[1]!) + mercator(LINE[1]!, LINE[2]!)
    expect(Math.abs(stored.length_m - stored.geo) / stored.geo).toBeLessThan(1e-4)
    expect(Math.abs(stored.length_m - ellipsoid) / ellipsoid).toBeLessThan(1e-4)
    expect(Math.abs(stored.length_m - sphere) / sphere).toBeGreaterThan(1e-3)
    expect(Math.abs(stored.length_m - web) / web).toBeGreaterThan(1e-2)
  })

  it('splits the length by district so the parts add up to the whole, outside part included', async () => {
    // the line's south-western end lies outside the generated province outline (within the gate's tolerance)
    const res = await app.request('POST', '/api/cables/routes', { cookie: officer, body: lineBody() })
    const route = await res.json()
    const parts = route.districts as { districtCode: string | null; lengthM: number }[]
    expect(parts.length).toBeGreaterThan(2)
    expect(parts.some((p) => p.districtCode === null && p.lengthM > 1000)).toBe(true)
    expect(Math.abs(parts.reduce((s, p) => s + p.lengthM, 0) - route.lengthM)).toBeLessThan(1)
  })

  it('refuses a self-crossing-free but invalid line with the reason', async () => {
    const res = await app.request('POST', '/api/cables/routes', {
      cookie: officer,
      body: lineBody({
        geometry: {
          type: 'LineString',
          coordinates: [
            [106.7, 10.8],
            [106.7, 10.8],
          ],
        },
      }),
    })
    expect(res.status).toBe(422)
    expect((await res.json()).errors[0].path).toBe('body.geometry')
  })
})

describe('route workflow', () => {
  it('moves planned → under construction → completed → accepted, a version and an audit row per step', async () => {
    const route = await (await app.request('POST', '/api/cables/routes', { cookie: viettel, body: lineBody() })).json()
    expect(route.status).toBe('planned')
    let r = await (
      await app.request('POST', `/api/cables/routes/${route.id}/status`, {
        cookie: viettel,
        body: { version: route.version, status: 'under_construction', date: '2018-01-10' },
      })
    ).json()
    r = await (
      await app.request('POST', `/api/cables/routes/${route.id}/status`, {
        cookie: viettel,
        body: { version: r.version, status: 'completed', date: '2018-03-01' },
      })
    ).json()
    expect(r.completedOn).toBe('2018-03-01')
    const byCarrier = await app.request('POST', `/api/cables/routes/${route.id}/status`, {
      cookie: viettel,
      body: { version: r.version, status: 'accepted' },
    })
    expect(byCarrier.status).toBe(403)
    const accepted = await app.request('POST', `/api/cables/routes/${route.id}/status`, {
      cookie: inspector,
      body: { version: r.version, status: 'accepted', date: '2018-04-01' },
    })
    expect(accepted.status).toBe(200)
    const audits = await app.db.many<{ action: string }>(
      `SELECT action FROM audit_log WHERE entity = 'cable_route' AND entity_id = $1 ORDER BY id`,
      [String(route.id)],
    )
    expect(audits.map((a) => a.action)).toEqual([
      'cable_route.create',
      'cable_route.under_construction',
      'cable_route.completed',
      'cable_route.accepted',
    ])
  })

  it("answers each route with the actions the user's role may take on it, as the transition table allows", async () => {
    const created = await (
      await app.request('POST', '/api/cables/routes', { cookie: viettel, body: lineBody() })
    ).json()
    expect(created.allowedActions).toEqual(['under_construction', 'edit', 'delete'])
    const path = `/api/cables/routes/${created.id}`
    const moved = await app.request('POST', `${path}/status`, {
      cookie: viettel,
      body: { version: created.version, status: 'under_construction', date: '2018-01-10' },
    })
    expect((await moved.json()).allowedActions).toEqual(['completed', 'planned', 'edit'])
    expect((await (await app.request('GET', path, { cookie: inspector })).json()).allowedActions).toEqual([])
    expect((await (await app.request('GET', path, { cookie: officer })).json()).allowedActions).toEqual([
      'completed',
      'planned',
      'edit',
      'delete',
    ])
    const list = await (await app.request('GET', '/api/cables/routes?limit=500', { cookie: viettel })).json()
    expect(list.items.find((r: { id: number }) => r.id === created.id).allowedActions).toEqual([
      'completed',
      'planned',
      'edit',
    ])

    // the answers are what the OpenAPI document (and the client's generated types) say, no field more or less
    expect(() => routeDetailAnswer.strict().parse(created)).not.toThrow()
    expect(() => routePageAnswer.strict().parse(list)).not.toThrow()
  })

  it('answers 409 for a stale version and for a transition not in the table', async () => {
    const route = await (await app.request('POST', '/api/cables/routes', { cookie: officer, body: lineBody() })).json()
    const jump = await app.request('POST', `/api/cables/routes/${route.id}/status`, {
      cookie: officer,
      body: { version: route.version, status: 'accepted' },
    })
    expect(jump.status).toBe(409)
    await app.request('PUT', `/api/cables/routes/${route.id}`, {
      cookie: officer,
      body: { ...lineBody({ name: 'Đổi tên' }), version: route.version },
    })
    const stale = await app.request('PUT', `/api/cables/routes/${route.id}`, {
      cookie: officer,
      body: { ...lineBody({ name: 'Lần nữa' }), version: route.version },
    })
    expect(stale.status).toBe(409)
  })
})

describe('who may see and change routes', () => {
  it("hides another carrier's route (404) for reading, changing, moving and deleting", async () => {
    const route = await (await app.request('POST', '/api/cables/routes', { cookie: viettel, body: lineBody() })).json()
    expect((await app.request('GET', `/api/cables/routes/${route.id}`, { cookie: vnpt })).status).toBe(404)
    expect(
      (
        await app.request('PUT', `/api/cables/routes/${route.id}`, {
          cookie: vnpt,
          body: { ...lineBody(), version: 1 },
        })
      ).status,
    ).toBe(404)
    expect(
      (
        await app.request('POST', `/api/cables/routes/${route.id}/status`, {
          cookie: vnpt,
          body: { version: 1, status: 'under_construction' },
        })
      ).status,
    ).toBe(404)
    expect((await app.request('DELETE', `/api/cables/routes/${route.id}?version=1`, { cookie: vnpt })).status).toBe(404)
    const list = await (await app.request('GET', '/api/cables/routes?limit=500', { cookie: vnpt })).json()
    expect(list.items.map((r: { id: number }) => r.id)).not.toContain(route.id)
    expect((await app.request('GET', `/api/cables/routes/${route.id}`, { cookie: viettel })).status).toBe(200)
    expect((await app.request('GET', `/api/cables/routes/${route.id}`, { cookie: inspector })).status).toBe(200)
  })

  it('puts a carrier on every route it creates, and only invites the other carriers it names', async () => {
    const route = await (
      await app.request('POST', '/api/cables/routes', { cookie: vnpt, body: lineBody({ carriers: ['fpt'] }) })
    ).json()
    expect(route.carriers).toEqual(['vnpt'])
    expect(route.invitedCarriers).toEqual(['fpt'])
  })

  it('checks roles on every route of the API', async () => {
    const route = await (await app.request('POST', '/api/cables/routes', { cookie: officer, body: lineBody() })).json()
    const calls: [string, string, unknown?][] = [
      ['GET', '/api/cables/routes'],
      ['GET', `/api/cables/routes/${route.id}`],
      ['POST', '/api/cables/routes', lineBody()],
      ['PUT', `/api/cables/routes/${route.id}`, { ...lineBody(), version: 1 }],
      ['POST', `/api/cables/routes/${route.id}/status`, { version: 1, status: 'under_construction' }],
      ['DELETE', `/api/cables/routes/${route.id}?version=1`],
      ['POST', '/api/cables/routes/import', { format: 'csv', content: 'wkt\n' }],
      ['GET', '/api/cables/poles?bbox=106,10,107,11'],
      ['GET', '/api/cables/poles/1'],
      ['POST', '/api/cables/poles', { code: 'X', lon: 106.7, lat: 10.8 }],
      ['PUT', '/api/cables/poles/1', { code: 'X', lon: 106.7, lat: 10.8, version: 1 }],
      ['DELETE', '/api/cables/poles/1?version=1'],
      ['PUT', `/api/cables/routes/${route.id}/ducts`, { ducts: 1, tubesPerDuct: 1, priceVndPerMMonth: 1 }],
      ['GET', '/api/cables/ducts'],
      ['GET', '/api/cables/summary'],
      ['GET', '/api/cables/summary.csv'],
      ['GET', '/api/cables/summary.xlsx'],
    ]
    for (const [method, path, body] of calls)
      expect((await app.request(method, path, { body })).status, `${method} ${path} without a session`).toBe(401)
    const inspectorMayNot = calls.filter(([m, p]) => (m !== 'GET' && !p.endsWith('/status')) || false)
    for (const [method, path, body] of inspectorMayNot)
      expect(
        (await app.request(method, path, { body, cookie: inspector })).status,
        `${method} ${path} as inspector`,
      ).toBe(403)
    for (const [method, path, body] of calls.filter(
      ([m, p]) => (p.includes('/poles') && m !== 'GET') || (p.endsWith('/ducts') && m === 'PUT'),
    )) {
      expect((await app.request(method, path, { body, cookie: viettel })).status, `${method} ${path} as carrier`).toBe(
        403,
      )
    }
  })
})

describe('poles and shared ducts', () => {
  it('lets an officer add a pole in its district and a carrier see only the count of carriers on it', async () => {
    const res = await app.request('POST', '/api/cables/poles', {
      cookie: officer,
      body: { code: 'EVN-1', carriers: ['viettel', 'vnpt'], lon: 106.7, lat: 10.78 },
    })
    expect(res.status).toBe(201)
    const pole = await res.json()
    expect(pole.districtCode).toMatch(/^\d{3}$/)
    expect(pole.carriers).toEqual(['viettel', 'vnpt'])
    const seen = await (await app.request('GET', `/api/cables/poles/${pole.id}`, { cookie: viettel })).json()
    expect(seen).toMatchObject({ carriers: null, carrierCount: 2, mine: true })
    const near = await (
      await app.request('POST', '/api/cables/routes', {
        cookie: officer,
        body: lineBody({
          kind: 'tidying',
          geometry: {
            type: 'LineString',
            coordinates: [
              [106.7, 10.7799],
              [106.7, 10.7801],
            ],
          },
          polesWithinM: 5,
        }),
      })
    ).json()
    expect(near.poleIds).toEqual([pole.id])
  })

  it('reports duct occupancy and rent, and refuses more tubes than the route has', async () => {
    const route = await (await app.request('POST', '/api/cables/routes', { cookie: officer, body: lineBody() })).json()
    const tooMany = await app.request('PUT', `/api/cables/routes/${route.id}/ducts`, {
      cookie: officer,
      body: {
        ducts: 1,
        tubesPerDuct: 2,
        priceVndPerMMonth: 1000,
        allocations: [{ carrier: 'viettel', tubes: 3, fromDate: '2018-01-01' }],
      },
    })
    expect(tooMany.status).toBe(422)
    const ok = await app.request('PUT', `/api/cables/routes/${route.id}/ducts`, {
      cookie: admin,
      body: {
        ducts: 2,
        tubesPerDuct: 2,
        priceVndPerMMonth: 1000,
        allocations: [
          { carrier: 'viettel', tubes: 1, fromDate: '2018-01-01' },
          { carrier: 'vnpt', tubes: 2, fromDate: '2018-01-01' },
        ],
      },
    })
    expect(ok.status).toBe(200)
    expect(await ok.json()).toMatchObject({ tubes: 4, allocatedTubes: 3, occupancy: 0.75 })
    const mine = await (await app.request('GET', '/api/cables/ducts', { cookie: vnpt })).json()
    const row = mine.items.find((r: { routeId: number }) => r.routeId === route.id)
    expect(row.allocations).toMatchObject([
      { carrier: 'vnpt', carrierName: expect.stringMatching(/VNPT/), tubes: 2, fromDate: '2018-01-01' },
    ])
    expect(Math.abs(row.allocations[0].monthlyRentVnd - 2 * route.lengthM * 1000)).toBeLessThan(20)
  })
})
