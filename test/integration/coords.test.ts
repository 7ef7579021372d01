import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startTestApp, type TestApp } from '../helpers/app'
import {
  cs2csArgs,
  DIRECTIONS,
  hasCommand,
  readFixture,
  run,
  runCs2cs,
  TOWGS84,
  type FixtureRow,
  type System,
} from '../fixtures/vn2000/cs2cs'
import type { Json } from '../helpers/json'

let app: TestApp
beforeAll(async () => {
  app = await startTestApp()
})
afterAll(async () => {
  await app?.close()
})

interface Zone {
  provinceCode: string
  provinceName: string
  centralMeridian: number
  srid: number
  epsg: number
}
interface Problem {
  status: number
  detail: string
  errors?: { path: string; message: string }[]
  message_vi?: string
}

async function post(path: string, body: unknown): Promise<{ status: number; json: Json }> {
  const res = await app.request('POST', path, { body })
  if (res.status >= 400) expect(res.headers.get('content-type')).toMatch(/^application\/problem\+json/)
  return { status: res.status, json: await res.json() }
}

const convert = (body: unknown) => post('/api/coordinates/convert', body)
const interpret = (body: unknown) => post('/api/coordinates/interpret', body)

/** Ground distance between two answers, in metres (degrees turned into metres near the point). */
function metresApart(system: System, [x1, y1]: readonly number[], [x2, y2]: readonly number[]): number {
  if (system === 'vn2000-tm3') return Math.hypot(x1! - x2!, y1! - y2!)
  const m = 111_320
  return Math.hypot((x1! - x2!) * m * Math.cos((y1! * Math.PI) / 180), (y1! - y2!) * m)
}

const fixture = readFixture()
const groups = new Map<string, FixtureRow[]>()
for (const row of fixture) {
  const key = `${row.province} ${row.from}>${row.to}`
  groups.set(key, [...(groups.get(key) ?? []), row])
}

/** Converts one fixture group through the API in one batch. */
async function apiConvert(rows: FixtureRow[]): Promise<[number, number][]> {
  const { from, to, province } = rows[0]!
  const res = await convert({ from, to, zone: province, points: rows.map((r) => r.input) })
  expect(res.status, JSON.stringify(res.json)).toBe(200)
  return res.json.points
}

describe('zones', () => {
  it('lists all 63 provinces with their central meridians', async () => {
    const res = await app.request('GET', '/api/coordinates/zones')
    expect(res.status).toBe(200)
    const { items } = (await res.json()) as { items: Zone[] }
    expect(items).toHaveLength(63)
    const byCode = new Map(items.map((z) => [z.provinceCode, z]))
    expect(byCode.get('79')).toMatchObject({
      provinceName: 'Thành phố Hồ Chí Minh',
      centralMeridian: 105.75,
      epsg: 9210,
      srid: 979210,
    })
    expect(byCode.get('48')).toMatchObject({ centralMeridian: 107.75, epsg: 5899 })
    expect(byCode.get('84')).toMatchObject({ centralMeridian: 105.5, epsg: 9209 })
    expect(byCode.get('42')).toMatchObject({ centralMeridian: 105.5, epsg: 9209 })
  })

  it('agrees with the fixture on the four provinces’ meridians', async () => {
    const zones = await app.db.many<{ code: string; cm: number }>(
      'SELECT province_code AS code, central_meridian::float8 AS cm FROM vn2000_zones',
    )
    for (const row of fixture) expect(zones.find((z) => z.code === row.province)?.cm).toBe(row.meridian)
  })

  it('keeps its spatial references away from the EPSG pipeline lookup', async () => {
    const rows = await app.db.many<{ auth_name: string; auth_srid: number | null; srtext: string | null }>(
      `SELECT auth_name, auth_srid, srtext FROM spatial_ref_sys
        WHERE srid = 974756 OR srid IN (SELECT srid FROM vn2000_zones)`,
    )
    expect(rows).toHaveLength(18)
    for (const r of rows) {
      expect(r.auth_name).not.toBe('EPSG')
      expect(r.auth_srid).toBeNull()
      expect(r.srtext).toBeNull()
    }
  })

  it.skipIf(!hasCommand('projinfo'))(
    'defines each zone as PROJ’s EPSG entry does, with the pinned transformation',
    async () => {
      const rows = await app.db.many<{ epsg: number; proj4text: string }>(
        `SELECT DISTINCT z.epsg, s.proj4text FROM vn2000_zones z JOIN spatial_ref_sys s ON s.srid = z.srid
       UNION ALL SELECT 4756, proj4text FROM spatial_ref_sys WHERE srid = 974756`,
      )
      expect(rows).toHaveLength(18)
      for (const { epsg, proj4text } of rows) {
        const proj = await run('projinfo', [`EPSG:${epsg}`, '-o', 'PROJ', '-q'])
        const params = (s: string) =>
          s
            .split(/\s+/)
            .filter((p) => p && p !== '+type=crs' && p !== '+no_defs')
            .sort()
        expect(params(proj4text), `EPSG:${epsg}`).toEqual(params(proj))
        expect(proj4text).toContain(TOWGS84)
      }
    },
  )
})

describe('conversions agree with PROJ (cs2cs) within 5 cm', () => {
  it('covers at least 20 points in four provinces in both directions', () => {
    const ids = new Set(fixture.map((r) => r.id))
    expect(ids.size).toBeGreaterThanOrEqual(20)
    expect(new Set(fixture.map((r) => r.province))).toEqual(new Set(['79', '48', '84', '42']))
    expect(new Set(fixture.map((r) => `${r.from}>${r.to}`))).toEqual(new Set(DIRECTIONS.map(([f, t]) => `${f}>${t}`)))
  })

  for (const [key, rows] of groups) {
    it(`${key}: the committed fixture`, async () => {
      const points = await apiConvert(rows)
      rows.forEach((row, i) => {
        expect(metresApart(row.to, points[i]!, row.expected), row.id).toBeLessThan(0.05)
      })
    })
  }

  it.skipIf(!hasCommand('cs2cs'))('the same points through cs2cs run now', async () => {
    for (const rows of groups.values()) {
      const { from, to, meridian } = rows[0]!
      const live = await runCs2cs(
        cs2csArgs(from, to, meridian),
        rows.map((r) => r.input),
      )
      const points = await apiConvert(rows)
      rows.forEach((row, i) => {
        expect(metresApart(to, points[i]!, live[i]!), row.id).toBeLessThan(0.05)
        expect(metresApart(to, row.expected, live[i]!), `${row.id} fixture is stale`).toBeLessThan(0.001)
      })
    }
  })

  it('answers 3 decimals for metres and 9 for degrees', async () => {
    const { json } = await convert({ from: 'wgs84', to: 'vn2000-tm3', zone: '79', points: [[106.7, 10.78]] })
    expect(json.points).toEqual([[603697.762, 1192284.91]])
    expect(json.zone).toMatchObject({ provinceCode: '79', srid: 979210 })
    const back = await convert({ from: 'vn2000-tm3', to: 'vn2000-geo', zone: '79', points: [[603697.762, 1192284.91]] })
    expect(back.json).toMatchObject({ from: 'vn2000-tm3', to: 'vn2000-geo' })
    for (const v of back.json.points[0]) expect(Math.round(v * 1e9) / 1e9).toBe(v)
  })

  it('converts 1000 points in one request', async () => {
    const points = Array.from({ length: 1000 }, (_, i) => [106.6 + i * 1e-4, 10.7 + i * 1e-4])
    const { status, json } = await convert({ from: 'wgs84', to: 'vn2000-tm3', zone: '79', points })
    expect(status).toBe(200)
    expect(json.points).toHaveLength(1000)
  })

  it('converts between geographic systems without a zone', async () => {
    const { status, json } = await convert({ from: 'wgs84', to: 'vn2000-geo', points: [[106.7, 10.78]] })
    expect(status).toBe(200)
    expect(json.zone).toBeNull()
    expect(json.points[0]).toEqual([106.698213743, 10.781018491])
  })
})

describe('convert names each bad point', () => {
  it('flags swapped lat/lon and says what was meant', async () => {
    const { status, json } = await convert({
      from: 'wgs84',
      to: 'vn2000-tm3',
      zone: '79',
      points: [
        [106.7, 10.78],
        [10.78, 106.7],
        [2.35, 48.85],
      ],
    })
    expect(status).toBe(400)
    const errors = (json as Problem).errors!
    expect(errors.map((e) => e.path)).toEqual(['body.points.1', 'body.points.2'])
    expect(errors[0]!.message).toContain('Did you mean [106.7, 10.78]?')
    expect(errors[1]!.message).toContain('outside Vietnam')
  })

  it('flags X, Y written in the survey order (northing first)', async () => {
    const { status, json } = await convert({
      from: 'vn2000-tm3',
      to: 'wgs84',
      zone: '79',
      points: [
        [603287, 1191912],
        [603287, 1191912],
        [1191912, 603287],
      ],
    })
    expect(status).toBe(400)
    expect((json as Problem).errors).toEqual([
      { path: 'body.points.2', message: expect.stringContaining('Did you mean [603287, 1191912]?') },
    ])
  })

  it('flags metres that land nowhere near Vietnam in the chosen zone', async () => {
    const { status, json } = await convert({
      from: 'vn2000-tm3',
      to: 'wgs84',
      zone: '42',
      points: [
        [5, 5],
        [9e9, 1],
      ],
    })
    expect(status).toBe(400)
    expect((json as Problem).errors!.map((e) => e.path)).toEqual(['body.points.0', 'body.points.1'])
    expect((json as Problem).errors![0]!.message).toContain('Hà Tĩnh')
  })

  it('asks for a zone when a side is TM-3, and rejects an unknown one', async () => {
    const missing = await convert({ from: 'wgs84', to: 'vn2000-tm3', points: [[106.7, 10.78]] })
    expect(missing.status).toBe(400)
    expect((missing.json as Problem).errors!.map((e) => e.path)).toEqual(['body.zone'])
    const unknown = await convert({ from: 'wgs84', to: 'vn2000-tm3', zone: '99', points: [[106.7, 10.78]] })
    expect(unknown.status).toBe(400)
    expect((unknown.json as Problem).errors!.map((e) => e.path)).toEqual(['body.zone'])
  })

  it('rejects malformed bodies with the field named', async () => {
    const cases: [unknown, string][] = [
      [{ from: 'wgs84', to: 'vn2000-geo', points: [] }, 'body.points'],
      [{ from: 'wgs84', to: 'vn2000-geo', points: Array.from({ length: 1001 }, () => [106.7, 10.78]) }, 'body.points'],
      [{ from: 'wgs84', to: 'vn2000-geo', points: [[106.7, '10.78']] }, 'body.points.0.1'],
      [{ from: 'utm', to: 'wgs84', points: [[106.7, 10.78]] }, 'body.from'],
    ]
    for (const [body, path] of cases) {
      const { status, json } = await convert(body)
      expect(status).toBe(400)
      expect((json as Problem).errors!.map((e) => e.path)).toContain(path)
    }
  })
})

describe('interpret', () => {
  it('reads lon, lat as WGS84 and gives VN-2000 plane coordinates for a zone', async () => {
    const { status, json } = await interpret({ a: 106.7, b: 10.78, zone: '79' })
    expect(status).toBe(200)
    expect(json).toMatchObject({ kind: 'geographic', swapped: false, order: 'lon-lat', wgs84: [106.7, 10.78] })
    expect(json.vn2000).toMatchObject({ zone: { provinceCode: '79' }, easting: 603697.762, northing: 1192284.91 })
    expect(json.message_vi).toContain('kinh độ trước')
  })

  it('reads lat, lon and says so; without a zone there are no plane coordinates', async () => {
    const { json } = await interpret({ a: 10.78, b: 106.7 })
    expect(json).toMatchObject({
      kind: 'geographic',
      swapped: true,
      order: 'lat-lon',
      wgs84: [106.7, 10.78],
      vn2000: null,
    })
  })

  it('reads X (northing) first, the survey order, and places it as convert does', async () => {
    const { json } = await interpret({ a: 1191912, b: 603287, zone: '79' })
    expect(json).toMatchObject({
      kind: 'projected',
      swapped: true,
      order: 'northing-easting',
      vn2000: { easting: 603287, northing: 1191912 },
    })
    expect(json.message_vi).toContain('X (hướng Bắc) = 1.191.912 m')
    const converted = await convert({ from: 'vn2000-tm3', to: 'wgs84', zone: '79', points: [[603287, 1191912]] })
    expect(json.wgs84).toEqual(converted.json.points[0])
    const plain = await interpret({ a: 603287, b: 1191912, zone: '79' })
    expect(plain.json).toMatchObject({ swapped: false, order: 'easting-northing', wgs84: json.wgs84 })
  })

  it('reads VN-2000 geographic input when told to', async () => {
    const row = fixture.find((r) => r.from === 'vn2000-geo' && r.to === 'wgs84')!
    const { json } = await interpret({ a: row.input[0], b: row.input[1], geographic: 'vn2000-geo' })
    expect(metresApart('wgs84', json.wgs84, row.expected)).toBeLessThan(0.05)
  })

  it('answers 422 when metres come without a zone, or nothing fits', async () => {
    const noZone = await interpret({ a: 603287, b: 1191912 })
    expect(noZone.status).toBe(422)
    expect((noZone.json as Problem).errors!.map((e) => e.path)).toEqual(['body.zone'])
    expect((noZone.json as Problem).message_vi).toContain('chọn tỉnh')
    for (const body of [
      { a: 5, b: 5 },
      { a: 500, b: 10 },
      { a: 5, b: 5, zone: '79' },
      { a: 20_000, b: 30_000, zone: '79' },
    ]) {
      expect((await interpret(body)).status, JSON.stringify(body)).toBe(422)
    }
  })

  it('answers 422 when both orders land in Vietnam (far offshore, Trường Sa in Khánh Hòa’s zone)', async () => {
    const { json } = await convert({ from: 'wgs84', to: 'vn2000-tm3', zone: '56', points: [[114.3, 10.0]] })
    const [e, n] = json.points[0]
    const res = await interpret({ a: e, b: n, zone: '56' })
    expect(res.status).toBe(422)
    expect((res.json as Problem).detail).toContain('Cả hai thứ tự')
    const english = await app.request('POST', '/api/coordinates/interpret', {
      body: { a: e, b: n, zone: '56' },
      headers: { 'Accept-Language': 'en' },
    })
    expect(english.headers.get('content-language')).toBe('en')
    expect(((await english.json()) as Problem).detail).toContain('Both orders')
  })
})
