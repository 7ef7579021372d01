import { VectorTile } from '@mapbox/vector-tile'
import { PbfReader } from 'pbf'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { TestApp } from '../helpers/app'
import { startProvinceApp } from '../helpers/stations'

// What the public sees: stations in service, without temporary ones past their end date.
let app: TestApp
let viettel: string
let center: { lon: number; lat: number }
let seq = 0

beforeAll(async () => {
  ;({ app, center } = await startProvinceApp())
  viettel = (await app.user('viettel1', 'carrier', 'viettel')).cookie
})
afterAll(() => app.close())

function tileAt(z: number, lon: number, lat: number): string {
  const n = 2 ** z
  const r = (lat * Math.PI) / 180
  const x = Math.floor(((lon + 180) / 360) * n)
  const y = Math.floor(((1 - Math.log(Math.tan(r) + 1 / Math.cos(r)) / Math.PI) / 2) * n)
  return `/tiles/stations/${z}/${x}/${y}.mvt`
}
async function tileIds(path: string): Promise<number[]> {
  const res = await app.request('GET', path)
  if (res.status === 204) return []
  expect(res.status).toBe(200)
  const layer = new VectorTile(new PbfReader(new Uint8Array(await res.arrayBuffer()))).layers.stations
  return layer ? Array.from({ length: layer.length }, (_, i) => Number(layer.feature(i).id)) : []
}

/** The public permit check of an A2a mast 12 m high on a 20 m building at a point: its answer (200). */
async function permitCheck(lon: number, lat: number) {
  const body = { position: { lon, lat }, mastClass: 'A2a', mastHeightM: 12, onBuilding: true, buildingHeightM: 20 }
  const res = await app.request('POST', '/api/public/permit-check', { body })
  expect(res.status).toBe(200)
  return res.json()
}

/** Three stations in service side by side: permanent, temporary until next year, temporary that ended in 2020. */
async function inService(): Promise<{ permanent: number; current: number; expired: number; lon: number; lat: number }> {
  seq += 1
  const lon = center.lon + seq * 0.004
  const lat = center.lat - 0.003
  const ids: number[] = []
  for (const [i, code] of ['P', 'C', 'E'].entries()) {
    const body = {
      siteCode: `PUB-${seq}-${code}`,
      position: { lon: lon + i * 0.0005, lat },
      mastClass: 'A2a',
      mastHeightM: 12,
      buildingHeightM: 20,
    }
    const res = await app.request('POST', '/api/stations', { cookie: viettel, body })
    expect(res.status).toBe(201)
    ids.push((await res.json()).id)
  }
  const [permanent, current, expired] = ids as [number, number, number]
  await app.db.exec(`UPDATE stations SET state = 'in_service' WHERE id = ANY ($1::bigint[])`, [ids])
  await app.db.exec(
    `UPDATE stations SET temporary = true, valid_from = DATE '2020-01-01', valid_to = current_date + 365 WHERE id = $1`,
    [current],
  )
  await app.db.exec(
    `UPDATE stations SET temporary = true, valid_from = DATE '2020-01-01', valid_to = DATE '2020-01-05' WHERE id = $1`,
    [expired],
  )
  return { permanent, current, expired, lon, lat }
}

describe('the public map', () => {
  it('hides expired temporary stations from the public tile layer', async () => {
    const s = await inService()
    const ids = await tileIds(tileAt(15, s.lon + 0.0005, s.lat))
    expect(ids).toContain(s.permanent)
    expect(ids).toContain(s.current)
    expect(ids).not.toContain(s.expired)
  })

  it('hides expired temporary stations from the public list', async () => {
    const s = await inService()
    const bbox = [s.lon - 0.001, s.lat - 0.001, s.lon + 0.002, s.lat + 0.001].join(',')
    const res = await app.request('GET', `/api/public/stations?bbox=${bbox}`)
    expect(res.status).toBe(200)
    const ids = (await res.json()).features.map((f: { id: number }) => f.id)
    expect(ids).toEqual(expect.arrayContaining([s.permanent, s.current]))
    expect(ids).not.toContain(s.expired)
  })

  it('leaves expired temporary stations out of the public permit check', async () => {
    const s = await inService()
    const distances = async (lon: number) => {
      const found: number[] = []
      JSON.stringify(await permitCheck(lon, s.lat), (key, value) => {
        if (key === 'nearestDistancesM' && Array.isArray(value)) found.push(...value)
        if (key === 'closestDistanceM' && typeof value === 'number') found.push(value)
        return value
      })
      return found
    }
    expect(Math.min(...(await distances(s.lon)))).toBeLessThan(1)
    expect(Math.min(...(await distances(s.lon + 0.001)))).toBeGreaterThan(1)
  })

  it('shows where the existing mast it names stands, and only a mast the public map shows', async () => {
    const s = await inService()
    const ask = (lon: number) => permitCheck(lon, s.lat)
    // 30 m east of the permanent mast: the spacing rule names it, and the answer says where it stands
    const near = await ask(s.lon + 0.0003)
    expect(near.masts.length).toBeGreaterThan(0)
    const first = near.masts[0]
    expect(Math.abs(first.lon - s.lon) + Math.abs(first.lat - s.lat)).toBeLessThan(0.000_01)
    expect(first.distanceM).toBeGreaterThan(25)
    expect(first.distanceM).toBeLessThan(40)
    expect(Object.keys(first).sort()).toEqual(['distanceM', 'lat', 'lon'])
    // at the expired temporary mast's place nothing names it: its neighbours are the two public ones
    const expiredAt = await ask(s.lon + 0.001)
    for (const m of expiredAt.masts) expect(Math.abs(m.lon - (s.lon + 0.001))).toBeGreaterThan(0.000_01)
  })
})
