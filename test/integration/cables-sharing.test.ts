import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startTestApp, type TestApp } from '../helpers/app'
import { generateProvince } from '../../gis-data/province'

// Shared cable routes: a carrier changes only its own participation; naming another carrier invites it.
let app: TestApp
let officer: string, viettel: string, vnpt: string
let seq = 0

beforeAll(async () => {
  app = await startTestApp()
  await generateProvince(app.db, '79', 20_170_601)
  officer = (await app.user('officer1', 'officer')).cookie
  viettel = (await app.user('viettel1', 'carrier', 'viettel')).cookie
  vnpt = (await app.user('vnpt1', 'carrier', 'vnpt')).cookie
})
afterAll(() => app.close())

const line = () => {
  seq += 1
  const lat = 10.7 + seq * 0.002
  return {
    type: 'LineString',
    coordinates: [
      [106.68, lat],
      [106.69, lat],
    ],
  }
}
const body = (carriers: string[], extra: Record<string, unknown> = {}) => ({
  name: `Tuyến chung ${seq}`,
  kind: 'underground',
  carriers,
  geometry: line(),
  ...extra,
})

async function create(
  cookie: string,
  carriers: string[],
): Promise<{ id: number; version: number } & Record<string, unknown>> {
  const res = await app.request('POST', '/api/cables/routes', { cookie, body: body(carriers) })
  expect(res.status).toBe(201)
  return res.json()
}
const read = (id: number, cookie: string) => app.request('GET', `/api/cables/routes/${id}`, { cookie })
const listed = async (cookie: string) =>
  ((await (await app.request('GET', '/api/cables/routes?limit=500', { cookie })).json()).items as { id: number }[]).map(
    (r) => r.id,
  )
const building = async (cookie: string) =>
  (await (await app.request('GET', '/api/cables/summary', { cookie })).json()).totals.undergroundBuilding as number
const row = (id: number) => app.db.one('SELECT carrier_ids, version, name FROM cable_routes WHERE id = $1', [id])

describe('a shared route', () => {
  it('Carrier A cannot remove B from a shared route or delete it', async () => {
    const route = await create(officer, ['viettel', 'vnpt'])
    const stored = await row(route.id)
    const removed = await app.request('PUT', `/api/cables/routes/${route.id}`, {
      cookie: viettel,
      body: { ...body(['viettel']), version: route.version },
    })
    expect(removed.status).toBe(403)
    expect(removed.headers.get('content-type')).toMatch(/application\/problem\+json/)
    expect(
      (await app.request('DELETE', `/api/cables/routes/${route.id}?version=${route.version}`, { cookie: viettel }))
        .status,
    ).toBe(403)
    expect(await row(route.id)).toEqual(stored)
    const seen = await read(route.id, vnpt)
    expect(seen.status).toBe(200)
    expect((await seen.json()).carriers).toEqual(['viettel', 'vnpt'])
    expect(await listed(vnpt)).toContain(route.id)
  })

  it('lets a carrier change the shared fields while keeping the other carriers', async () => {
    const route = await create(officer, ['viettel', 'vnpt'])
    const res = await app.request('PUT', `/api/cables/routes/${route.id}`, {
      cookie: viettel,
      body: { ...body(['viettel', 'vnpt'], { name: 'Đổi tên' }), version: route.version },
    })
    expect(res.status).toBe(200)
    expect(await res.json()).toMatchObject({ name: 'Đổi tên', carriers: ['viettel', 'vnpt'] })
  })

  it('lets a carrier leave a shared route, which stays with the others', async () => {
    const route = await create(officer, ['viettel', 'vnpt'])
    expect((await (await read(route.id, vnpt)).json()).allowedActions).toContain('leave')
    const left = await app.request('POST', `/api/cables/routes/${route.id}/participation`, {
      cookie: vnpt,
      body: { action: 'leave' },
    })
    expect(left.status).toBe(204)
    expect((await read(route.id, vnpt)).status).toBe(404)
    const alone = await (await read(route.id, viettel)).json()
    expect(alone.carriers).toEqual(['viettel'])
    expect(alone.allowedActions).not.toContain('leave')
    expect(alone.allowedActions).toContain('delete')
    // the last carrier deletes instead of leaving
    const last = await app.request('POST', `/api/cables/routes/${route.id}/participation`, {
      cookie: viettel,
      body: { action: 'leave' },
    })
    expect(last.status).toBe(409)
    expect((await (await read(route.id, viettel)).json()).carriers).toEqual(['viettel'])
  })

  it('lets an officer set the carriers of a route directly', async () => {
    const route = await create(viettel, ['viettel'])
    const res = await app.request('PUT', `/api/cables/routes/${route.id}`, {
      cookie: officer,
      body: { ...body(['viettel', 'vnpt']), version: route.version },
    })
    expect(res.status).toBe(200)
    expect(await res.json()).toMatchObject({ carriers: ['viettel', 'vnpt'], invitedCarriers: [] })
    expect(await listed(vnpt)).toContain(route.id)
  })
})

describe('naming another carrier', () => {
  it('only invites it: nothing is in its ledger or summary until it accepts', async () => {
    const before = await building(vnpt)
    const viettelBefore = await building(viettel)
    const route = await create(viettel, ['viettel', 'vnpt'])
    expect(route).toMatchObject({ carriers: ['viettel'], invitedCarriers: ['vnpt'] })
    const started = await app.request('POST', `/api/cables/routes/${route.id}/status`, {
      cookie: officer,
      body: { version: route.version, status: 'under_construction', date: '2020-01-02' },
    })
    expect(started.status).toBe(200)
    expect(await building(viettel)).toBe(viettelBefore + 1)
    expect(await building(vnpt)).toBe(before)
    expect(await listed(vnpt)).not.toContain(route.id)
    expect((await read(route.id, vnpt)).status).toBe(404)

    const invitations = (await (await app.request('GET', '/api/cables/invitations', { cookie: vnpt })).json()).items
    expect(invitations).toContainEqual(
      expect.objectContaining({ routeId: route.id, carrier: 'vnpt', invitedBy: 'viettel' }),
    )
    const theirs = (await (await app.request('GET', '/api/cables/invitations', { cookie: viettel })).json()).items
    expect(theirs.map((i: { routeId: number }) => i.routeId)).not.toContain(route.id)

    const accepted = await app.request('POST', `/api/cables/routes/${route.id}/participation`, {
      cookie: vnpt,
      body: { action: 'accept' },
    })
    expect(accepted.status).toBe(200)
    expect(await accepted.json()).toMatchObject({ carriers: ['viettel', 'vnpt'], invitedCarriers: [] })
    expect(await building(vnpt)).toBe(before + 1)
    expect(await listed(vnpt)).toContain(route.id)
  })

  it('leaves nothing behind when the invited carrier declines', async () => {
    const route = await create(vnpt, ['viettel'])
    expect(route).toMatchObject({ carriers: ['vnpt'], invitedCarriers: ['viettel'] })
    const declined = await app.request('POST', `/api/cables/routes/${route.id}/participation`, {
      cookie: viettel,
      body: { action: 'decline' },
    })
    expect(declined.status).toBe(204)
    expect((await read(route.id, viettel)).status).toBe(404)
    expect((await (await read(route.id, vnpt)).json()).invitedCarriers).toEqual([])
    const again = await app.request('POST', `/api/cables/routes/${route.id}/participation`, {
      cookie: viettel,
      body: { action: 'accept' },
    })
    expect(again.status).toBe(404)
  })

  it("keeps carrier B's import naming carrier A (unlicensed routes too) out of A's ledger", async () => {
    const ledger = await listed(viettel)
    const onViettel = `SELECT count(*)::int AS n FROM cable_routes
                        WHERE (SELECT id FROM carriers WHERE short_name = 'viettel') = ANY (carrier_ids)`
    const count = async () => (await app.db.one<{ n: number }>(onViettel)).n
    const viettelRoutes = await count()
    const csv = 'name,kind,carriers,wkt\nKéo cáp,unlicensed,viettel,"LINESTRING(106.7 10.77, 106.71 10.77)"\n'
    const res = await app.request('POST', '/api/cables/routes/import', {
      cookie: vnpt,
      body: { format: 'csv', content: csv },
    })
    expect(res.status).toBe(201)
    const { ids } = await res.json()
    expect(await count()).toBe(viettelRoutes)
    expect(await listed(viettel)).toEqual(ledger)
    expect((await read(ids[0], viettel)).status).toBe(404)
    expect(await (await read(ids[0], vnpt)).json()).toMatchObject({ carriers: ['vnpt'], invitedCarriers: ['viettel'] })
  })

  it('lets an officer name carriers on an import directly', async () => {
    const csv = 'name,kind,carriers,wkt\nChung,tidying,"viettel,vnpt","LINESTRING(106.7 10.75, 106.71 10.75)"\n'
    const res = await app.request('POST', '/api/cables/routes/import', {
      cookie: officer,
      body: { format: 'csv', content: csv },
    })
    expect(res.status).toBe(201)
    const { ids } = await res.json()
    expect(await (await read(ids[0], vnpt)).json()).toMatchObject({
      carriers: ['viettel', 'vnpt'],
      invitedCarriers: [],
    })
  })
})

describe('poles named on a route', () => {
  it('refuses unknown pole ids, naming each, and stores nothing', async () => {
    const pole = await (
      await app.request('POST', '/api/cables/poles', {
        cookie: officer,
        body: { code: 'EVN-S1', lon: 106.7, lat: 10.78 },
      })
    ).json()
    const before = (await app.db.one<{ n: number }>('SELECT count(*)::int AS n FROM cable_routes')).n
    const res = await app.request('POST', '/api/cables/routes', {
      cookie: viettel,
      body: body(['viettel'], { poleIds: [pole.id, 987654321] }),
    })
    expect(res.status).toBe(422)
    const problem = await res.json()
    expect(problem.errors).toEqual([
      expect.objectContaining({ path: 'body.poleIds.1', message: expect.stringContaining('987654321') }),
    ])
    expect((await app.db.one<{ n: number }>('SELECT count(*)::int AS n FROM cable_routes')).n).toBe(before)
    const ok = await app.request('POST', '/api/cables/routes', {
      cookie: viettel,
      body: body(['viettel'], { poleIds: [pole.id] }),
    })
    expect((await ok.json()).poleIds).toEqual([pole.id])
  })
})
