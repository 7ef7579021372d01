import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { execFileSync } from 'node:child_process'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { VectorTile } from '@mapbox/vector-tile'
import { PbfReader } from 'pbf'
import { startTestApp, type TestApp } from '../helpers/app'
import { generateProvince } from '../../gis-data/province'
import { generateCables } from '../../gis-data/cables'
import { ensureCarriers } from '../../gis-data/demo'
import { openDb, type Db } from '../../server/db/index'
import { migrate } from '../../server/db/migrate'
import { renderTile } from '../../server/tiles/routes'

const SEED = 20_170_601
const CENTRE = [106.66, 10.8] as const
function tileAt(z: number, [lon, lat]: readonly [number, number]): { z: number; x: number; y: number } {
  const n = 2 ** z
  const r = (lat * Math.PI) / 180
  return { z, x: Math.floor(((lon + 180) / 360) * n), y: Math.floor(((1 - Math.log(Math.tan(r) + 1 / Math.cos(r)) / Math.PI) / 2) * n) }
}
const url = (layer: string, t: { z: number; x: number; y: number }) => `/tiles/${layer}/${t.z}/${t.x}/${t.y}.mvt`
function decode(buf: Uint8Array, layer: string) {
  const l = new VectorTile(new PbfReader(buf)).layers[layer]
  return l ? Array.from({ length: l.length }, (_, i) => l.feature(i)).map((f) => ({ id: f.id, type: f.type, properties: f.properties })).sort((a, b) => Number(a.id) - Number(b.id)) : []
}

let app: TestApp
let officer: string, vnpt: string
const z14 = tileAt(14, [106.7, 10.78])

beforeAll(async () => {
  app = await startTestApp()
  await app.db.transaction(async (tx) => {
    await generateProvince(tx, '79', SEED)
    await generateCables(tx, '79', SEED)
  })
  officer = (await app.user('officer1', 'officer')).cookie
  vnpt = (await app.user('vnpt1', 'carrier', 'vnpt')).cookie
}, 300_000)
afterAll(() => app.close())

describe('the summary on demo data', () => {
  it("gives the officers' figures, equal to independent SQL", async () => {
    const res = await app.request('GET', '/api/cables/summary?period=cumulative&until=2018-06-30', { cookie: officer })
    const s = await res.json()
    const sql = await app.db.one<Record<string, number>>(`
      SELECT (SELECT count(*) FROM cable_routes WHERE kind = 'underground' AND status IN ('completed', 'accepted') AND completed_on <= '2018-06-30') AS u,
             (SELECT sum(ST_Length(geom::geography, true)) FROM cable_routes WHERE kind = 'underground' AND status IN ('completed', 'accepted') AND completed_on <= '2018-06-30') AS um,
             (SELECT count(*) FROM cable_routes WHERE kind = 'underground' AND status = 'under_construction') AS b,
             (SELECT sum(ST_Length(geom::geography, true)) FROM cable_routes WHERE kind = 'tidying' AND status IN ('completed', 'accepted')) AS tm,
             (SELECT count(DISTINCT pole_id) FROM route_poles rp JOIN cable_routes r ON r.id = rp.route_id WHERE r.kind = 'tidying' AND r.status IN ('completed', 'accepted')) AS tp`)
    expect(s.sentence.vi).toContain(`được ${sql.u} tuyến công trình, tương đương chiều dài ${Math.round(sql.um! / 1000)} km; đang tiếp tục thi công ${sql.b} tuyến`)
    const km = (Math.round(sql.tm! / 100) / 10).toFixed(1).replace('.', ',').replace(/\B(?=(\d{3})+(?!\d))/, '.')
    expect(s.sentence.vi).toContain(`chỉnh trang là ${km} km trên ${sql.tp!.toLocaleString('de-DE')} trụ điện`)
    // the demo reproduces the report: 122 routes ≈ 295 km, 31 under construction, 3.446,8 km on 147.166 poles
    expect(s.sentence.vi).toContain('được 122 tuyến công trình, tương đương chiều dài 295 km; đang tiếp tục thi công 31 tuyến; tổng khối lượng chiều dài tuyến dây thông tin được thực hiện chỉnh trang là 3.446,8 km trên 147.166 trụ điện')
  })

  it('splits by district with lengths that add up to the total', async () => {
    const s = await (await app.request('GET', '/api/cables/summary?groupBy=district&until=2018-06-30', { cookie: officer })).json()
    const tidying = s.rows.filter((r: { kind: string }) => r.kind === 'tidying').reduce((a: number, r: { completedM: number }) => a + r.completedM, 0)
    expect(Math.abs(tidying - s.totals.tidyingM)).toBeLessThan(1)
    expect(new Set(s.rows.map((r: { group: string }) => r.group)).size).toBeGreaterThan(10)
  })

  it('exports the table as CSV and XLSX', async () => {
    const csv = await app.request('GET', '/api/cables/summary.csv?groupBy=carrier&period=year&year=2017', { cookie: officer })
    expect(csv.headers.get('content-type')).toMatch(/text\/csv/)
    const text = await csv.text()
    expect(text.split('\r\n')[0]).toContain('Doanh nghiệp / Carrier')
    expect(text).toMatch(/\nviettel,Chỉnh trang cáp treo,\d+,/)
    const xlsx = Buffer.from(await (await app.request('GET', '/api/cables/summary.xlsx?until=2018-06-30', { cookie: officer })).arrayBuffer())
    const file = path.join(os.tmpdir(), `cables-${process.pid}.xlsx`)
    fs.writeFileSync(file, xlsx)
    try {
      execFileSync('unzip', ['-tq', file])
      const sheet = execFileSync('unzip', ['-p', file, 'xl/worksheets/sheet1.xml']).toString()
      expect(sheet).toContain('3.446,8 km trên 147.166 trụ điện')
    } finally {
      fs.rmSync(file)
    }
  })
})

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
    const body = (await res.json()) as { items: unknown[] } | unknown[]
    expect(Array.isArray(body) ? body : body.items).toHaveLength(5)
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

  it('decodes the same features from ST_AsMVT (PostgreSQL) and from the embedded database', async () => {
    let embedded: Db | undefined
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tiles-embedded-'))
    try {
      // the other database: the embedded one when this run is on PostgreSQL, and PostgreSQL (if it answers) otherwise
      const other = app.db.mode === 'postgres' ? { dataDir: dir } : { databaseUrl: process.env.TILES_COMPARE_DATABASE_URL ?? '', dataDir: '' }
      if (!other.databaseUrl && app.db.mode !== 'postgres') {
        // same database, both encoders: the server's encoder against ST_AsMVT is covered on PostgreSQL runs
        const tile = await renderTile(app.db, '79', { layer: 'routes', ...z14 }, { kind: 'staff' })
        expect(decode(tile, 'routes').length).toBeGreaterThan(10)
        return
      }
      embedded = await openDb({ ...other, statementTimeoutMs: 120_000 })
      await migrate(embedded)
      await embedded.transaction(async (tx) => {
        await ensureCarriers(tx)
        await generateProvince(tx, '79', SEED)
        await generateCables(tx, '79', SEED)
      })
      for (const layer of ['routes', 'poles']) {
        for (const audience of [{ kind: 'staff' } as const, { kind: 'carrier', carrierId: 2 } as const]) {
          const a = decode(await renderTile(app.db, '79', { layer, ...z14 }, audience), layer)
          const b = decode(await renderTile(embedded, '79', { layer, ...z14 }, audience), layer)
          expect(a.length).toBeGreaterThan(0)
          expect(b).toEqual(a)
        }
      }
    } finally {
      await embedded?.close()
      fs.rmSync(dir, { recursive: true, force: true })
    }
  }, 300_000)

  it('changes the ETag when a route is edited, and answers 304 while it has not', async () => {
    const first = await app.request('GET', url('routes', z14), { cookie: officer })
    const etag = first.headers.get('etag')!
    expect(first.headers.get('cache-control')).toBe('private, no-store')
    expect((await app.request('GET', url('routes', z14), { cookie: officer, headers: { 'if-none-match': etag } })).status).toBe(304)
    const route = await (await app.request('POST', '/api/cables/routes', { cookie: officer, body: { name: 'Mới', kind: 'tidying', carriers: ['vnpt'], geometry: { type: 'LineString', coordinates: [[106.7, 10.78], [106.701, 10.78]] } } })).json()
    const after = await app.request('GET', url('routes', z14), { cookie: officer, headers: { 'if-none-match': etag } })
    expect(after.status).toBe(200)
    expect(after.headers.get('etag')).not.toBe(etag)
    expect(decode(new Uint8Array(await after.arrayBuffer()), 'routes').map((f) => f.id)).toContain(route.id)
  })

  it("shows a carrier only its own routes, without the carrier list, and the public no routes or poles", async () => {
    const vnptId = (await app.db.one<{ id: number }>(`SELECT id FROM carriers WHERE short_name = 'vnpt'`)).id
    const features = decode(new Uint8Array(await (await app.request('GET', url('routes', z14), { cookie: vnpt })).arrayBuffer()), 'routes')
    const own = await app.db.many<{ id: number }>('SELECT id FROM cable_routes WHERE $1 = ANY (carrier_ids)', [vnptId])
    const ownIds = new Set(own.map((r) => r.id))
    expect(features.length).toBeGreaterThan(0)
    expect(features.every((f) => ownIds.has(Number(f.id)) && !('carriers' in f.properties))).toBe(true)
    expect((await app.request('GET', url('routes', z14))).status).toBe(401)
    expect((await app.request('GET', url('poles', z14))).status).toBe(401)
    expect([200, 204]).toContain((await app.request('GET', url('stations', z14))).status)
  })

  it('answers problems for unknown layers and impossible addresses', async () => {
    const unknown = await app.request('GET', '/tiles/users/14/1/1.mvt', { cookie: officer })
    expect(unknown.status).toBe(404)
    expect(unknown.headers.get('content-type')).toContain('application/problem+json')
    expect((await app.request('GET', '/tiles/routes/3/9/1.mvt', { cookie: officer })).status).toBe(400)
    expect((await app.request('GET', '/tiles/routes/99/1/1.mvt', { cookie: officer })).status).toBe(400)
  })
})
