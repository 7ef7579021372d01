import fs from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startTestApp, type TestApp } from '../helpers/app'

const ADMIN_DATA = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../shared/data/admin')
const readText = (file: string) => fs.readFileSync(path.join(ADMIN_DATA, file), 'utf8')
interface FeatureCollection {
  type: 'FeatureCollection'
  features: { id?: number; properties: Record<string, unknown>; geometry: { type: string; coordinates: unknown } }[]
}
const readAdmin = (file: string) => JSON.parse(readText(file)) as FeatureCollection

// Each group of tests has an app of its own with the boundaries it reads, imported before it starts;
// no test reads what another test imported.
let app: TestApp
let admin: string
function appWith(...validFroms: string[]) {
  let started: TestApp | undefined
  beforeAll(async () => {
    app = started = await startTestApp()
    admin = (await app.user('boundary.admin', 'admin')).cookie
    for (const validFrom of validFroms) {
      const res = await app.request('POST', '/api/admin/boundaries', { body: hcmcImport(validFrom), cookie: admin })
      expect(res.status).toBe(200)
    }
  })
  afterAll(async () => {
    await started?.close()
  })
}

const hcmcImport = (validFrom: string, featureCollection: unknown = readAdmin('79_hcmc_districts.geojson')) => ({
  level: 'district',
  provinceCode: '79',
  validFrom,
  source: 'dvhcvn 2025-03-01',
  featureCollection,
})

async function unitCounts() {
  return app.db.one(
    `SELECT (SELECT count(*) FROM admin_units) AS units, (SELECT count(*) FROM boundary_imports) AS imports,
            (SELECT count(*) FROM audit_log) AS audits`,
  )
}

/** The HCMC file with one feature changed by `spoil`. */
function spoiled(spoil: (f: FeatureCollection['features'][number]) => void): FeatureCollection {
  const fc = readAdmin('79_hcmc_districts.geojson')
  spoil(fc.features[3]!)
  return fc
}

const swap = (c: unknown): unknown =>
  Array.isArray(c) && typeof c[0] === 'number' ? [c[1], c[0]] : (c as unknown[]).map(swap)
const shift = (c: unknown): unknown =>
  Array.isArray(c) && typeof c[0] === 'number' ? [c[0] - 100, c[1]] : (c as unknown[]).map(shift)

describe('POST /api/admin/boundaries', () => {
  appWith()
  it('needs a signed-in administrator', async () => {
    expect((await app.request('POST', '/api/admin/boundaries', { body: hcmcImport('2021-01-01') })).status).toBe(401)
    const { cookie } = await app.user('boundary.officer', 'officer')
    expect(
      (await app.request('POST', '/api/admin/boundaries', { body: hcmcImport('2021-01-01'), cookie })).status,
    ).toBe(403)
  })

  it('answers 400 naming the bad parameters', async () => {
    const res = await app.request('POST', '/api/admin/boundaries', {
      body: { level: 'district', validFrom: '2021-13-01', featureCollection: {} },
      cookie: admin,
    })
    expect(res.status).toBe(400)
    const paths = ((await res.json()) as { errors: { path: string }[] }).errors.map((e) => e.path)
    expect(paths).toEqual(expect.arrayContaining(['body.validFrom', 'body.provinceCode']))
  })

  const badFiles: [string, () => unknown, RegExp][] = [
    [
      'a line instead of a polygon',
      () =>
        spoiled(
          (f) =>
            (f.geometry = {
              type: 'LineString',
              coordinates: [
                [106.7, 10.7],
                [106.8, 10.8],
              ],
            }),
        ),
      /LineString is not accepted here \(expected Polygon or MultiPolygon\)/,
    ],
    ['a missing code', () => spoiled((f) => delete f.properties.level2_id), /code \(property level2_id\) is missing/],
    [
      'coordinates outside Vietnam',
      () => spoiled((f) => (f.geometry.coordinates = shift(f.geometry.coordinates))),
      /outside Vietnam/,
    ],
    [
      'latitude and longitude swapped',
      () => spoiled((f) => (f.geometry.coordinates = swap(f.geometry.coordinates))),
      /looks like latitude, longitude/,
    ],
  ]
  for (const [what, file, message] of badFiles) {
    it(`rejects a file with ${what}, names the feature and writes nothing`, async () => {
      const before = await unitCounts()
      const res = await app.request('POST', '/api/admin/boundaries', {
        body: hcmcImport('2021-01-01', file()),
        cookie: admin,
      })
      expect(res.status).toBe(422)
      expect(res.headers.get('content-type')).toMatch(/^application\/problem\+json/)
      const problem = (await res.json()) as {
        errors: { path: string; message: string }[]
        report: { rejected: { index: number; code: string | null; name: string }[] }
      }
      expect(problem.errors).toHaveLength(1)
      expect(problem.errors[0]!.path).toBe('body.featureCollection.features.3')
      expect(problem.errors[0]!.message).toMatch(message)
      expect(problem.report.rejected[0]).toMatchObject({ index: 3, name: 'Quận Bình Thạnh' })
      expect(await unitCounts()).toEqual(before)
    })
  }

  it('rejects input that is not GeoJSON at all and writes nothing', async () => {
    const before = await unitCounts()
    const res = await app.request('POST', '/api/admin/boundaries', {
      body: hcmcImport('2021-01-01', 'not geojson'),
      cookie: admin,
    })
    expect(res.status).toBe(422)
    expect(((await res.json()) as { errors: { message: string }[] }).errors[0]!.message).toMatch(
      /not a GeoJSON FeatureCollection/,
    )
    expect(await unitCounts()).toEqual(before)
  })

  it('imports a file and answers the report', async () => {
    const res = await app.request('POST', '/api/admin/boundaries', { body: hcmcImport('2021-01-01'), cookie: admin })
    expect(res.status).toBe(200)
    const report = (await res.json()) as { status: string; inserted: number; importId: number; features: unknown[] }
    expect(report).toMatchObject({ status: 'imported', inserted: 22 })
    const audit = await app.db.one(
      `SELECT actor_name, action FROM audit_log WHERE entity = 'boundary_import' AND entity_id = $1`,
      [String(report.importId)],
    )
    expect(audit).toEqual({ actor_name: 'boundary.admin', action: 'boundaries.import' })
  })

  it('accepts the 4 MB national file although the API body limit elsewhere is 1 MB', async () => {
    const body =
      '{"level":"province","validFrom":"2008-08-01",' +
      `"featureCollection":${readText('vn_62_provinces_pre2025.geojson')}}`
    expect(body.length).toBeGreaterThan(4_000_000)
    const res = await app.request('POST', '/api/admin/boundaries', { body, cookie: admin })
    expect(res.status).toBe(200)
    expect(((await res.json()) as { inserted: number }).inserted).toBe(62)
    const elsewhere = await app.request('POST', '/api/auth/login', {
      body: { username: 'a', password: 'x'.repeat(2_000_000) },
    })
    expect(elsewhere.status).toBe(413)
  })
})

describe('GET /api/admin-units', () => {
  appWith('2021-01-01')
  const get = async (query: string) => app.request('GET', `/api/admin-units?${query}`)

  it('answers the districts valid at a date as GeoJSON with ids and properties', async () => {
    const res = await get('level=district&province=79&at=2022-01-01')
    expect(res.status).toBe(200)
    expect(res.headers.get('content-type')).toMatch(/^application\/geo\+json/)
    const fc = (await res.json()) as FeatureCollection
    expect(fc.type).toBe('FeatureCollection')
    expect(fc.features).toHaveLength(22)
    const q1 = fc.features.find((f) => f.properties.code === '760')!
    expect(typeof q1.id).toBe('number')
    const { areaM2, ...rest } = q1.properties as { areaM2: number }
    expect(rest).toEqual({
      code: '760',
      name: 'Quận 1',
      level: 'district',
      provinceCode: '79',
      validFrom: '2021-01-01',
      validTo: null,
    })
    // Quận 1 is 7.73 km² by the city's statistics (7.89 km² on this file's polygon); the stored area is
    // ellipsoidal, from the unsimplified polygon.
    expect(areaM2 / 1e6).toBeGreaterThan(7.5)
    expect(areaM2 / 1e6).toBeLessThan(8.1)
    const exact = await app.db.one<{ a: number }>(
      `SELECT ST_Area(geom::geography, true) AS a FROM admin_units WHERE level = 'district' AND code = '760'`,
    )
    expect(areaM2).toBeCloseTo(exact.a, 0)
    expect(q1.geometry.type).toBe('MultiPolygon')
    const decimals = JSON.stringify(q1.geometry.coordinates)
      .match(/\.\d+/g)!
      .map((d) => d.length - 1)
    expect(Math.max(...decimals)).toBeLessThanOrEqual(6)
  })

  it('answers no units before the first version', async () => {
    expect(
      ((await (await get('level=district&province=79&at=2020-01-01')).json()) as FeatureCollection).features,
    ).toEqual([])
  })

  it('filters by bbox and simplifies more with a larger tolerance', async () => {
    const near = (await (
      await get('level=district&province=79&at=2022-01-01&bbox=106.695,10.770,106.700,10.775')
    ).json()) as FeatureCollection
    const codes = near.features.map((f) => f.properties.code)
    expect(codes).toContain('760')
    expect(codes).not.toContain('787')
    expect(codes.length).toBeLessThan(22)
    const size = async (tolerance: string) =>
      (await (await get(`level=district&province=79&at=2022-01-01&tolerance=${tolerance}`)).text()).length
    expect(await size('0.005')).toBeLessThan(await size('0'))
  })

  it('answers 400 for bad parameters', async () => {
    for (const query of [
      'level=county',
      'level=district&at=2022-02-30',
      'level=district&bbox=1,2,3',
      'level=district&bbox=107,10,106,11',
      'level=ward',
      'level=district&tolerance=1',
    ]) {
      expect((await get(query)).status, query).toBe(400)
    }
  })
})

describe('GET /api/admin-units/versions', () => {
  appWith('2021-01-01')
  it('lists every version of a unit without geometry', async () => {
    const later = await app.request('POST', '/api/admin/boundaries', { body: hcmcImport('2025-03-01'), cookie: admin })
    expect(later.status).toBe(200)
    const res = await app.request('GET', '/api/admin-units/versions?level=district&code=769')
    expect(res.status).toBe(200)
    const { items } = (await res.json()) as { items: Record<string, unknown>[] }
    expect(items.map((v) => [v.validFrom, v.validTo])).toEqual([
      ['2021-01-01', '2025-03-01'],
      ['2025-03-01', null],
    ])
    expect(items[0]).toMatchObject({
      code: '769',
      name: 'Thành phố Thủ Đức',
      provinceCode: '79',
      source: 'dvhcvn 2025-03-01',
    })
    expect(items[0]).not.toHaveProperty('geom')
  })

  it('answers 404 for an unknown code and 400 for a malformed one', async () => {
    expect((await app.request('GET', '/api/admin-units/versions?level=district&code=999')).status).toBe(404)
    expect((await app.request('GET', '/api/admin-units/versions?level=district&code=abc')).status).toBe(400)
  })
})

describe('GET /api/admin-units/locate', () => {
  appWith('2021-01-01', '2025-03-01')
  it('names the province and district containing a point at a date', async () => {
    const res = await app.request('GET', '/api/admin-units/locate?lon=106.6981&lat=10.7725&at=2022-01-01')
    expect(res.status).toBe(200)
    const body = (await res.json()) as Record<string, { code: string; validTo: string | null } | null>
    expect(body.province?.code).toBe('79')
    expect(body.district).toMatchObject({ code: '760', validTo: '2025-03-01' })
    expect(body.ward).toBeNull()
  })

  it('answers nulls for a point outside every unit, and 400 for an impossible one', async () => {
    const res = await app.request('GET', '/api/admin-units/locate?lon=2.35&lat=48.85')
    expect(await res.json()).toMatchObject({ province: null, district: null, ward: null })
    expect((await app.request('GET', '/api/admin-units/locate?lon=106.7&lat=100')).status).toBe(400)
    expect((await app.request('GET', '/api/admin-units/locate?lat=10.7')).status).toBe(400)
  })
})
