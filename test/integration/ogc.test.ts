import { execFile } from 'node:child_process'
import { promisify } from 'node:util'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startTestApp, type TestApp } from '../helpers/app'
import { generateProvince } from '../../gis-data/province'
import { insertStationGrid } from '../helpers/stations'

// GDAL runs as a child process while this process serves it: never execFileSync here (it would block the server).
const run = promisify(execFile)

// OGC API Features over what each audience may see; API tokens for GIS clients; GDAL reading it.
let app: TestApp
let admin: string
let viettel: { id: number; cookie: string }
let ids: { viettelDraft: number; mobifoneDraft: number; inService: number[] }

beforeAll(async () => {
  app = await startTestApp()
  await generateProvince(app.db, '79', 20_170_601)
  admin = (await app.user('ogc-admin', 'admin')).cookie
  viettel = await app.user('ogc-viettel', 'carrier', 'viettel')
  // 30 stations of two carriers in every state, around a point inside district 760
  const rows = await insertStationGrid(app.db, 'OGC')
  ids = {
    viettelDraft: rows.find((r) => r.state === 'draft' && r.carrier === 'viettel')!.id,
    mobifoneDraft: rows.find((r) => r.state === 'draft' && r.carrier === 'mobifone')!.id,
    inService: rows.filter((r) => r.state === 'in_service').map((r) => r.id),
  }
})
afterAll(() => app.close())

const get = async (p: string, headers: Record<string, string> = {}, cookie?: string) => {
  const res = await app.request('GET', p, { headers, cookie })
  const type = res.headers.get('content-type') ?? ''
  // biome-ignore lint/suspicious/noExplicitAny: the answers are read as loose JSON, shape-checked by the tests
  return { res, type, body: (await res.json()) as Record<string, any> }
}

async function issue(userId: number, name = 'QGIS'): Promise<{ id: number; token: string }> {
  const res = await app.request('POST', '/api/admin/api-tokens', { cookie: admin, body: { userId, name } })
  expect(res.status).toBe(201)
  return res.json()
}

describe('OGC API Features: core', () => {
  it('has a landing page, conformance and only the collections the public may read', async () => {
    const landing = await get('/api/ogc')
    expect(landing.res.status).toBe(200)
    expect(landing.body.links.map((l: { rel: string }) => l.rel)).toEqual(
      expect.arrayContaining(['self', 'service-desc', 'conformance', 'data']),
    )
    const conformance = await get('/api/ogc/conformance')
    expect(conformance.body.conformsTo).toEqual(
      expect.arrayContaining([
        'http://www.opengis.net/spec/ogcapi-features-1/1.0/conf/core',
        'http://www.opengis.net/spec/ogcapi-features-1/1.0/conf/geojson',
        'http://www.opengis.net/spec/ogcapi-features-2/1.0/conf/crs',
      ]),
    )
    const collections = await get('/api/ogc/collections')
    expect(collections.body.collections.map((c: { id: string }) => c.id)).toEqual(['stations', 'districts'])
    const stations = collections.body.collections[0]
    expect(stations.links.find((l: { rel: string }) => l.rel === 'items').type).toBe('application/geo+json')
    expect(stations.crs).toContain('http://www.opengis.net/def/crs/EPSG/0/9210')
    expect((await get('/api/ogc/collections/poles')).res.status).toBe(401)
    expect((await get('/api/ogc/collections/nothing')).res.status).toBe(404)
  })

  it('pages the public stations with numberMatched, numberReturned and next links, as SQL counts', async () => {
    const { n } = await app.db.one<{ n: number }>(
      `SELECT count(*)::int AS n FROM stations WHERE province_code = '79' AND state = 'in_service'
          AND (NOT temporary OR valid_to >= current_date)`,
    )
    expect(n).toBe(ids.inService.length)
    const seen: number[] = []
    let next: string | undefined = '/api/ogc/collections/stations/items?limit=4'
    while (next) {
      const page = await get(next.replace(/^https?:\/\/[^/]+/, ''))
      expect(page.res.status).toBe(200)
      expect(page.type).toContain('application/geo+json')
      expect(page.body.numberMatched).toBe(n)
      expect(page.body.numberReturned).toBe(page.body.features.length)
      seen.push(...page.body.features.map((f: { id: number }) => f.id))
      for (const f of page.body.features) {
        expect(f.geometry.type).toBe('Point')
        expect(Object.keys(f.properties)).not.toContain('site_code') // public fields only
        expect(f.properties.operator).toMatch(/Viettel|MobiFone|Mobifone/i)
      }
      next = page.body.links.find((l: { rel: string }) => l.rel === 'next')?.href
    }
    expect(seen.sort((a, b) => a - b)).toEqual([...ids.inService].sort((a, b) => a - b))
  })

  it('filters by bbox exactly as ST_Intersects does, in CRS84 and in EPSG:4326 order', async () => {
    const box = await app.db.one<{ x0: number; y0: number; x1: number; y1: number }>(
      `SELECT min(ST_X(geom)) AS x0, min(ST_Y(geom)) AS y0, avg(ST_X(geom)) AS x1, avg(ST_Y(geom)) AS y1
         FROM stations WHERE site_code LIKE 'OGC-%'`,
    )
    const { n } = await app.db.one<{ n: number }>(
      `SELECT count(*)::int AS n FROM stations WHERE state = 'in_service' AND site_code LIKE 'OGC-%'
          AND ST_Intersects(geom, ST_MakeEnvelope($1, $2, $3, $4, 4326))`,
      [box.x0, box.y0, box.x1, box.y1],
    )
    expect(n).toBeGreaterThan(0)
    expect(n).toBeLessThan(ids.inService.length)
    const crs84 = await get(`/api/ogc/collections/stations/items?bbox=${box.x0},${box.y0},${box.x1},${box.y1}`)
    expect(crs84.body.numberMatched).toBe(n)
    const latLon = await get(
      `/api/ogc/collections/stations/items?bbox=${box.y0},${box.x0},${box.y1},${box.x1}` +
        '&bbox-crs=http://www.opengis.net/def/crs/EPSG/0/4326',
    )
    expect(latLon.body.numberMatched).toBe(n)
    const bad = await get('/api/ogc/collections/stations/items?bbox=1,2,3')
    expect(bad.res.status).toBe(422)
    expect(bad.type).toContain('application/problem+json')
  })

  it('answers in EPSG:4326 (lat, lon) and in the VN-2000 zone, agreeing with the coordinates API to 1 mm', async () => {
    const id = ids.inService[0]!
    const plain = await get(`/api/ogc/collections/stations/items/${id}`)
    const [lon, lat] = plain.body.geometry.coordinates
    expect(plain.res.headers.get('content-crs')).toBe('<http://www.opengis.net/def/crs/OGC/1.3/CRS84>')
    const flipped = await get(
      `/api/ogc/collections/stations/items/${id}?crs=http://www.opengis.net/def/crs/EPSG/0/4326`,
    )
    expect(flipped.body.geometry.coordinates).toEqual([lat, lon])
    const vn = await get(`/api/ogc/collections/stations/items/${id}?crs=http://www.opengis.net/def/crs/EPSG/0/9210`)
    expect(vn.res.headers.get('content-crs')).toBe('<http://www.opengis.net/def/crs/EPSG/0/9210>')
    const converted = await app.request('POST', '/api/coordinates/convert', {
      body: { from: 'wgs84', to: 'vn2000-tm3', zone: '79', points: [[lon, lat]] },
    })
    const [expected] = (await converted.json()).points as [number, number][]
    const [e, nn] = vn.body.geometry.coordinates as [number, number]
    // both answer easting then northing (x, y), the axis order of EPSG:9210
    const [x, y] = expected!
    expect(e).toBeGreaterThan(500_000) // east of the zone's central meridian 105°45′
    expect(nn).toBeGreaterThan(1_000_000)
    expect(Math.abs(e - x)).toBeLessThan(0.001)
    expect(Math.abs(nn - y)).toBeLessThan(0.001)
    const unknown = await get(`/api/ogc/collections/stations/items?crs=http://www.opengis.net/def/crs/EPSG/0/3857`)
    expect(unknown.res.status).toBe(422)
  })
})

describe('OGC API Features: carriers and tokens', () => {
  it('a carrier token sees its own drafts in detail, never another carrier’s, and reads nothing else', async () => {
    const { id: tokenId, token } = await issue(viettel.id)
    const auth = { authorization: `Bearer ${token}` }
    const own = await get(`/api/ogc/collections/stations/items/${ids.viettelDraft}`, auth)
    expect(own.res.status).toBe(200)
    expect(own.body.properties.state).toBe('draft')
    expect((await get(`/api/ogc/collections/stations/items/${ids.mobifoneDraft}`, auth)).res.status).toBe(404)
    const all = await get('/api/ogc/collections/stations/items?limit=1000', auth)
    const { n } = await app.db.one<{ n: number }>(
      `SELECT count(*)::int AS n FROM stations s JOIN carriers c ON c.id = s.carrier_id
        WHERE s.province_code = '79' AND (c.short_name = 'viettel' OR s.state = 'in_service')`,
    )
    expect(all.body.numberMatched).toBe(n)
    expect((await get('/api/ogc/collections', auth)).body.collections.map((c: { id: string }) => c.id)).toEqual([
      'stations',
      'poles',
      'cable_routes',
      'districts',
    ])
    // the token is for the OGC API only, and read-only
    expect((await app.request('GET', '/api/stations', { headers: auth })).status).toBe(401)
    // revoked: refused, and said so
    const revoke = await app.request('DELETE', `/api/admin/api-tokens/${tokenId}`, { cookie: admin })
    expect(revoke.status).toBe(204)
    const after = await get('/api/ogc/collections/stations/items', auth)
    expect(after.res.status).toBe(401)
    expect(after.res.headers.get('www-authenticate')).toContain('invalid_token')
    const audit = await app.db.many<{ action: string }>(
      `SELECT action FROM audit_log WHERE entity = 'api_token' AND entity_id = $1 ORDER BY id`,
      [String(tokenId)],
    )
    expect(audit.map((r) => r.action)).toEqual(['api_token.issue', 'api_token.revoke'])
  })

  it('only an administrator issues tokens; the list never shows one', async () => {
    const res = await app.request('POST', '/api/admin/api-tokens', {
      cookie: viettel.cookie,
      body: { userId: viettel.id, name: 'mine' },
    })
    expect(res.status).toBe(403)
    const { token } = await issue(viettel.id, 'listed')
    const list = await (await app.request('GET', '/api/admin/api-tokens', { cookie: admin })).text()
    expect(list).toContain('listed')
    expect(list).not.toContain(token)
    expect((await get('/api/ogc', { authorization: 'Bearer tgis_not-a-real-token' })).res.status).toBe(401)
  })
})

describe('OGC API Features read by GDAL', () => {
  it('ogrinfo -so counts each public layer as the SQL does; without a token the others are refused', async () => {
    const expected = await app.db.one<{ stations: number; districts: number }>(
      `SELECT (SELECT count(*)::int FROM stations WHERE province_code = '79' AND state = 'in_service'
                 AND (NOT temporary OR valid_to >= current_date)) AS stations,
              (SELECT count(*)::int FROM units_in_force(current_date)
                WHERE level = 'district' AND province_code = '79') AS districts`,
    )
    for (const [layer, n] of Object.entries(expected)) {
      const { stdout } = await run('ogrinfo', ['-ro', '-so', `OAPIF:${app.url}/ogc`, layer], { timeout: 60_000 })
      expect(stdout).toContain(`Feature Count: ${n}`)
    }
    const refused = await run('ogrinfo', ['-ro', '-so', `OAPIF:${app.url}/ogc`, 'poles'], { timeout: 60_000 }).then(
      () => 'read',
      (err: { stderr: string }) => err.stderr,
    )
    expect(refused).not.toBe('read')
  })

  it('ogr2ogr copies the public stations, every page, to a GeoPackage whose points equal the database’s', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ogc-gdal-'))
    try {
      const gpkg = path.join(dir, 'stations.gpkg')
      // -preserve_fid: the GeoPackage keeps the features' ids (GDAL reads them from each feature's "id")
      const source = `OAPIF:${app.url}/ogc`
      await run('ogr2ogr', ['-preserve_fid', '-f', 'GPKG', gpkg, source, 'stations', '-oo', 'PAGE_SIZE=4'], {
        timeout: 60_000,
      })
      const out = path.join(dir, 'stations.geojson')
      await run('ogr2ogr', ['-preserve_fid', '-f', 'GeoJSON', '-lco', 'COORDINATE_PRECISION=9', out, gpkg], {
        timeout: 60_000,
      })
      const read = JSON.parse(fs.readFileSync(out, 'utf8')) as {
        features: { id: number; properties: Record<string, unknown>; geometry: { coordinates: [number, number] } }[]
      }
      expect(read.features).toHaveLength(ids.inService.length)
      const stored = await app.db.many<{ id: number; lon: number; lat: number }>(
        'SELECT id::int AS id, ST_X(geom) AS lon, ST_Y(geom) AS lat FROM stations WHERE id = ANY ($1::bigint[])',
        [ids.inService],
      )
      const byId = new Map(stored.map((r) => [r.id, r]))
      for (const f of read.features) {
        const id = f.id
        const db = byId.get(id)
        expect(db, `station ${id}`).toBeDefined()
        expect(f.geometry.coordinates[0]).toBeCloseTo(db!.lon, 9)
        expect(f.geometry.coordinates[1]).toBeCloseTo(db!.lat, 9)
        expect(f.properties.mast_class).toBe('A2a')
      }
    } finally {
      fs.rmSync(dir, { recursive: true, force: true })
    }
  })

  it('the VN-2000 answer agrees with PROJ (cs2cs with the zone’s pinned definition) to 5 cm', async () => {
    const id = ids.inService[1]!
    const { proj } = await app.db.one<{ proj: string }>(
      `SELECT s.proj4text AS proj FROM vn2000_zones z JOIN spatial_ref_sys s ON s.srid = z.srid
        WHERE z.province_code = '79'`,
    )
    const wgs = await get(`/ogc/collections/stations/items/${id}`)
    const vn = await get(`/ogc/collections/stations/items/${id}?crs=http://www.opengis.net/def/crs/EPSG/0/9210`)
    const [lon, lat] = wgs.body.geometry.coordinates as [number, number]
    const child = execFile('cs2cs', ['-f', '%.4f', '+proj=longlat +datum=WGS84 +no_defs', '+to', ...proj.split(' ')])
    const answer = new Promise<string>((resolve, reject) => {
      let text = ''
      child.stdout!.on('data', (d) => {
        text += d
      })
      child.on('close', () => resolve(text))
      child.on('error', reject)
    })
    child.stdin!.end(`${lon} ${lat}\n`)
    const [e, n] = (await answer).trim().split(/\s+/).map(Number) as [number, number]
    const [ae, an] = vn.body.geometry.coordinates as [number, number]
    expect(Math.hypot(ae - e, an - n)).toBeLessThan(0.05)
  })

  it('ogrinfo lists the poles and routes with a token sent as a header', async () => {
    const { token } = await issue(viettel.id, 'gdal')
    const { stdout: info } = await run('ogrinfo', ['-ro', '-q', `OAPIF:${app.url}/ogc`], {
      env: { ...process.env, GDAL_HTTP_HEADERS: `Authorization: Bearer ${token}` },
      timeout: 60_000,
    })
    for (const layer of ['stations', 'poles', 'cable_routes', 'districts']) expect(info).toContain(layer)
  })
})
