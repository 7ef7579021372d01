import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startTestApp, type TestApp } from '../helpers/app'
import { decodeLayer } from '../helpers/tiles'

const CENTRE = [106.66, 10.8] as const
function tileAt(z: number, [lon, lat]: readonly [number, number]): { z: number; x: number; y: number } {
  const n = 2 ** z
  const r = (lat * Math.PI) / 180
  return {
    z,
    x: Math.floor(((lon + 180) / 360) * n),
    y: Math.floor(((1 - Math.log(Math.tan(r) + 1 / Math.cos(r)) / Math.PI) / 2) * n),
  }
}
const url = (layer: string, t: { z: number; x: number; y: number }) => `/tiles/${layer}/${t.z}/${t.x}/${t.y}.mvt`
const decode = decodeLayer

let app: TestApp
let officer: string, vnpt: string
const z14 = tileAt(14, [106.7, 10.78])

beforeAll(async () => {
  app = await startTestApp({}, undefined, 'cables') // the demo province and network, generated with DEMO_SEED
  officer = (await app.user('officer1', 'officer')).cookie
  vnpt = (await app.user('vnpt1', 'carrier', 'vnpt')).cookie
}, 300_000)
afterAll(() => app.close())

describe('vector tiles', () => {
  it('keeps the z10 pole tile over the city under 500 KB by aggregating', async () => {
    const res = await app.request('GET', url('poles', tileAt(10, CENTRE)), { cookie: officer })
    expect(res.status).toBe(200)
    const buf = new Uint8Array(await res.arrayBuffer())
    expect(buf.byteLength).toBeLessThan(500 * 1024)
    const features = decode(buf, 'poles')
    expect(features.reduce((s, f) => s + Number(f.properties.count), 0)).toBeGreaterThan(50_000)
  })

  it('lists the poles in a bounding box', async () => {
    const res = await app.request('GET', '/api/cables/poles?bbox=106.6,10.7,106.8,10.9&limit=5', { cookie: officer })
    expect(res.status).toBe(200)
    const body = (await res.json()) as { items: { id: number }[] }
    expect(body.items).toHaveLength(5)
    const inBox = await app.db.many<{ id: number }>(
      `SELECT id FROM poles WHERE province_code = '79' AND geom && ST_MakeEnvelope(106.6, 10.7, 106.8, 10.9, 4326)
        ORDER BY id LIMIT 5`,
    )
    expect(body.items.map((p) => p.id)).toEqual(inBox.map((p) => p.id))
  })

  it('draws the whole network at province zoom, one feature per kind and status', async () => {
    const res = await app.request('GET', url('routes', tileAt(10, CENTRE)), { cookie: officer })
    expect(res.status).toBe(200)
    const features = decode(new Uint8Array(await res.arrayBuffer()), 'routes')
    expect(features.length).toBeGreaterThan(3)
    expect(features.every((f) => f.type === 2)).toBe(true)
    expect(features.reduce((s, f) => s + Number(f.properties.count), 0)).toBeGreaterThan(5_000)
  })

  it('answers a z14 tile with feature ids and properties, and 204 where there is nothing', async () => {
    const res = await app.request('GET', url('routes', z14), { cookie: officer })
    expect(res.headers.get('content-type')).toBe('application/vnd.mapbox-vector-tile')
    const features = decode(new Uint8Array(await res.arrayBuffer()), 'routes')
    expect(features.length).toBeGreaterThan(10)
    expect(features[0]!.properties).toHaveProperty('carriers')
    expect((await app.request('GET', url('routes', tileAt(14, [0, 0])), { cookie: officer })).status).toBe(204)
  })

  it('changes the ETag when a route is edited, and answers 304 while it has not', async () => {
    const first = await app.request('GET', url('routes', z14), { cookie: officer })
    const etag = first.headers.get('etag')!
    expect(first.headers.get('cache-control')).toBe('private, no-store')
    expect(
      (await app.request('GET', url('routes', z14), { cookie: officer, headers: { 'if-none-match': etag } })).status,
    ).toBe(304)
    const route = await (
      await app.request('POST', '/api/cables/routes', {
        cookie: officer,
        body: {
          name: 'Mới',
          kind: 'tidying',
          carriers: ['vnpt'],
          geometry: {
            type: 'LineString',
            coordinates: [
              [106.7, 10.78],
              [106.701, 10.78],
            ],
          },
        },
      })
    ).json()
    const after = await app.request('GET', url('routes', z14), { cookie: officer, headers: { 'if-none-match': etag } })
    expect(after.status).toBe(200)
    expect(after.headers.get('etag')).not.toBe(etag)
    expect(decode(new Uint8Array(await after.arrayBuffer()), 'routes').map((f) => f.id)).toContain(route.id)
  })

  it('shows a carrier only its own routes, without the carrier list, and the public no routes or poles', async () => {
    const vnptId = (await app.db.one<{ id: number }>(`SELECT id FROM carriers WHERE short_name = 'vnpt'`)).id
    const features = decode(
      new Uint8Array(await (await app.request('GET', url('routes', z14), { cookie: vnpt })).arrayBuffer()),
      'routes',
    )
    const own = await app.db.many<{ id: number }>('SELECT id FROM cable_routes WHERE $1 = ANY (carrier_ids)', [vnptId])
    const ownIds = new Set(own.map((r) => r.id))
    expect(features.length).toBeGreaterThan(0)
    expect(features.every((f) => ownIds.has(Number(f.id)) && !('carriers' in f.properties))).toBe(true)
    expect((await app.request('GET', url('routes', z14))).status).toBe(401)
    expect((await app.request('GET', url('poles', z14))).status).toBe(401)
  })

  it('shows the public the stations in service and nothing of a draft', async () => {
    const carrier = await app.db.one<{ id: number }>(`SELECT id FROM carriers WHERE short_name = 'vnpt'`)
    const place = (state: string, lon: number) =>
      app.db.one<{ id: number }>(
        `INSERT INTO stations (province_code, carrier_id, site_code, geom, mast_class, mast_height_m, state)
         VALUES ('79', $1, $2, ST_SetSRID(ST_MakePoint($3, 10.7801), 4326), 'A2b', 30, $4) RETURNING id`,
        [carrier.id, `TILE-${state}-${Date.now()}`, lon, state],
      )
    const inService = await place('in_service', 106.7001)
    const draft = await place('draft', 106.7002)
    const res = await app.request('GET', url('stations', z14))
    expect(res.status).toBe(200)
    const ids = decode(new Uint8Array(await res.arrayBuffer()), 'stations').map((f) => Number(f.id))
    expect(ids).toContain(inService.id)
    expect(ids).not.toContain(draft.id)
  })

  it('answers problems for unknown layers and impossible addresses', async () => {
    const unknown = await app.request('GET', '/tiles/users/14/1/1.mvt', { cookie: officer })
    expect(unknown.status).toBe(404)
    expect(unknown.headers.get('content-type')).toContain('application/problem+json')
    expect((await app.request('GET', '/tiles/routes/3/9/1.mvt', { cookie: officer })).status).toBe(400)
    expect((await app.request('GET', '/tiles/routes/99/1/1.mvt', { cookie: officer })).status).toBe(400)
  })
})
