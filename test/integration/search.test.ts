import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { TestApp } from '../helpers/app'
import { startProvinceApp } from '../helpers/stations'

// Search boxes: one Unicode form on both sides, and % and _ taken literally.
let app: TestApp
let officer: string, viettel: string, admin: string
let center: { lon: number; lat: number }
let seq = 0

beforeAll(async () => {
  ;({ app, center } = await startProvinceApp())
  officer = (await app.user('officer1', 'officer')).cookie
  viettel = (await app.user('viettel1', 'carrier', 'viettel')).cookie
  admin = (await app.user('admin1', 'admin')).cookie
})
afterAll(() => app.close())

const NFC = 'Nguyễn Thị Minh Khai'.normalize('NFC')
const NFD = NFC.normalize('NFD')

async function route(name: string): Promise<number> {
  seq += 1
  const lat = 10.7 + seq * 0.002
  const res = await app.request('POST', '/api/cables/routes', {
    cookie: officer,
    body: {
      name,
      kind: 'tidying',
      carriers: ['viettel'],
      geometry: {
        type: 'LineString',
        coordinates: [
          [106.7, lat],
          [106.71, lat],
        ],
      },
    },
  })
  expect(res.status).toBe(201)
  return (await res.json()).id
}
const routesFound = async (q: string) => {
  const res = await app.request('GET', `/api/cables/routes?limit=500&q=${encodeURIComponent(q)}`, { cookie: officer })
  expect(res.status).toBe(200)
  return ((await res.json()).items as { id: number }[]).map((r) => r.id)
}

describe('Unicode forms', () => {
  it('stores text in NFC and finds an NFD record with an NFC search and the other way round', async () => {
    expect(NFD).not.toBe(NFC)
    const typedNfd = await route(`Đường ${NFD}`)
    const stored = await app.db.one<{ name: string }>('SELECT name FROM cable_routes WHERE id = $1', [typedNfd])
    expect(stored.name).toBe(`Đường ${NFC}`)
    expect(await routesFound(NFC)).toContain(typedNfd)
    const typedNfc = await route(`Phố ${NFC}`)
    expect(await routesFound(NFD)).toContain(typedNfc)
  })

  it('finds a record stored in NFD before input was normalised', async () => {
    const id = await route('Tuyến cũ')
    await app.db.exec('UPDATE cable_routes SET street = $2 WHERE id = $1', [id, NFD])
    expect(await routesFound(NFC)).toContain(id)
    expect(await routesFound(NFD)).toContain(id)
  })

  it('finds stations typed in either form', async () => {
    const res = await app.request('POST', '/api/stations', {
      cookie: viettel,
      body: { siteCode: 'NFD-1', name: NFD, position: center, mastClass: 'A2a', mastHeightM: 12, buildingHeightM: 20 },
    })
    expect(res.status).toBe(201)
    const found = await (
      await app.request('GET', `/api/stations?q=${encodeURIComponent(NFC)}`, { cookie: viettel })
    ).json()
    expect(found.items.map((s: { siteCode: string }) => s.siteCode)).toEqual(['NFD-1'])
  })
})

describe('wildcards in search boxes', () => {
  it('finds only a literal percent sign or underscore', async () => {
    const percent = await route('Giảm 50% phí')
    const underscore = await route('Tuyến_A')
    const plain = await route('Tuyến thường')
    const byPercent = await routesFound('%')
    expect(byPercent).toContain(percent)
    expect(byPercent).not.toContain(plain)
    expect(byPercent).not.toContain(underscore)
    const byUnderscore = await routesFound('_')
    expect(byUnderscore).toEqual([underscore])
    expect(await routesFound('\\')).toEqual([])
  })

  it('takes % and _ literally in the station and user searches too', async () => {
    const res = await app.request('POST', '/api/stations', {
      cookie: viettel,
      body: {
        siteCode: 'PCT-1',
        name: 'Trạm thường',
        position: { lon: center.lon + 0.02, lat: center.lat },
        mastClass: 'A2a',
        mastHeightM: 12,
        buildingHeightM: 20,
      },
    })
    expect(res.status).toBe(201)
    const all = await (await app.request('GET', '/api/stations', { cookie: viettel })).json()
    expect(all.items.map((s: { siteCode: string }) => s.siteCode)).toContain('PCT-1')
    for (const q of ['%', '_']) {
      const stations = await (
        await app.request('GET', `/api/stations?q=${encodeURIComponent(q)}`, { cookie: viettel })
      ).json()
      expect(stations.items).toEqual([])
      const users = await (await app.request('GET', `/api/users?q=${encodeURIComponent(q)}`, { cookie: admin })).json()
      expect(users.items).toEqual([])
    }
    const someone = await (await app.request('GET', '/api/users?q=officer', { cookie: admin })).json()
    expect(someone.items.length).toBe(1)
  })
})
