import { execFileSync } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import fc from 'fast-check'
import { strToU8, zipSync } from 'fflate'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { generateProvince } from '../../gis-data/province'
import { startTestApp, type TestApp } from '../helpers/app'

let app: TestApp
let officer: string
let viettel: string
const count = async (table: string) => (await app.db.one<{ n: number }>(`SELECT count(*)::int AS n FROM ${table}`)).n

beforeAll(async () => {
  app = await startTestApp()
  // the demo province outline, so "inside the province" has a shape to be inside
  await generateProvince(app.db, '79', 20_170_601)
  officer = (await app.user('officer1', 'officer')).cookie
  viettel = (await app.user('viettel1', 'carrier', 'viettel')).cookie
})
afterAll(() => app.close())

const importFile = (content: string, format: string, cookie = officer) =>
  app.request('POST', '/api/cables/routes/import', {
    cookie,
    body: { format, content, kind: 'tidying', carriers: ['viettel'] },
  })

/** A wiggly line of `n` positions in the province, with full double precision. */
const wiggle = (seed: number, n: number) =>
  Array.from({ length: n }, (_, i) => [
    106.6 + seed * 0.0007 + i * 0.0003 + Math.sin(i + seed) * 1e-4,
    10.75 + seed * 0.0005 + Math.cos(i * seed) * 1e-4,
  ])
const collection = (lines: number[][][], prefix: string) => ({
  type: 'FeatureCollection',
  features: lines.map((coordinates, i) => ({
    type: 'Feature',
    properties: { name: `${prefix} ${i}` },
    geometry: { type: 'LineString', coordinates },
  })),
})

/** Each route imported under `a` has exactly the geometry of the route named the same under `b`. */
async function sameGeometry(a: string, b: string, n: number): Promise<void> {
  const rows = await app.db.many<{ same: boolean; d: number }>(
    `SELECT ST_Equals(x.geom, y.geom) AS same, ST_HausdorffDistance(x.geom, y.geom) AS d
       FROM cable_routes x JOIN cable_routes y ON y.name = $2 || substr(x.name, length($1) + 1)
      WHERE x.name LIKE $1 || ' %'`,
    [a, b],
  )
  expect(rows).toHaveLength(n)
  expect(rows.every((r) => r.same && r.d === 0)).toBe(true)
}

describe('files as real tools write them', () => {
  it('imports a ~3 MB ogr2ogr GeoJSON at its default 15 digits, rounded to the centimetre with a warning', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ogr-'))
    const lines = Array.from({ length: 150 }, (_, i) => wiggle(i, 400))
    fs.writeFileSync(path.join(dir, 'in.geojson'), JSON.stringify(collection(lines, 'ogr')))
    execFileSync('ogr2ogr', ['-f', 'GeoJSON', path.join(dir, 'out.geojson'), path.join(dir, 'in.geojson')])
    const written = fs.readFileSync(path.join(dir, 'out.geojson'), 'utf8')
    fs.rmSync(dir, { recursive: true, force: true })
    expect(written.length).toBeGreaterThan(2_500_000)
    expect(written).toMatch(/\d\.\d{12,}/)
    const res = await importFile(written, 'geojson')
    const body = await res.json()
    expect(res.status, JSON.stringify(body).slice(0, 500)).toBe(201)
    expect(body.imported).toBe(150)
    expect(body.warnings[0].reasons.join()).toMatch(/rounded to 7 decimals/)
    const twin = lines.map((l) => l.map(([x, y]) => [Math.round(x! * 1e7) / 1e7, Math.round(y! * 1e7) / 1e7]))
    expect((await importFile(JSON.stringify(collection(twin, 'twin')), 'geojson')).status).toBe(201)
    await sameGeometry('ogr', 'twin', 150)
  })

  it('imports an Excel CSV (BOM, ";") and a KMZ with the geometry of their GeoJSON twin', async () => {
    const lines = [
      [
        [106.7, 10.77],
        [106.71, 10.775],
        [106.72, 10.776],
      ],
      [
        [106.65, 10.8],
        [106.66, 10.81],
      ],
    ]
    expect((await importFile(JSON.stringify(collection(lines, 'gj')), 'geojson')).status).toBe(201)
    const wkt = (l: number[][]) => `LINESTRING(${l.map((p) => p.join(' ')).join(', ')})`
    const csv = `\uFEFFname;kind;wkt\r\n${lines.map((l, i) => `"excel ${i}";tidying;"${wkt(l)}"`).join('\r\n')}\r\n`
    const fromCsv = await importFile(csv, 'csv')
    expect(fromCsv.status, await fromCsv.clone().text()).toBe(201)
    await sameGeometry('excel', 'gj', 2)
    const kml = `<?xml version="1.0" encoding="UTF-8"?><kml xmlns="http://www.opengis.net/kml/2.2"><Document>${lines
      .map(
        (l, i) =>
          `<Placemark><name>kmz&#32;${i}</name><LineString><coordinates>` +
          `${l.map((p) => `${p.join(',')},0`).join(' ')}</coordinates></LineString></Placemark>`,
      )
      .join('')}</Document></kml>`
    const kmz = Buffer.from(zipSync({ 'doc.kml': strToU8(kml) })).toString('base64')
    const fromKmz = await importFile(kmz, 'kmz')
    expect(fromKmz.status, await fromKmz.clone().text()).toBe(201)
    await sameGeometry('kmz', 'gj', 2)
  })
})

describe('workflow state only through the transition table', () => {
  it("refuses a carrier's file that says its routes are accepted, storing and counting nothing", async () => {
    const before = await count('cable_routes')
    const accepted = await app.db.one<{ n: number }>(
      `SELECT count(*)::int AS n FROM cable_routes WHERE status <> 'planned'`,
    )
    const file = collection(
      [
        [
          [106.7, 10.77],
          [106.71, 10.775],
        ],
      ],
      'own',
    )
    ;(file.features[0]!.properties as Record<string, unknown>) = {
      name: 'own',
      status: 'accepted',
      startedOn: '2020-01-01',
      completedOn: '2020-02-01',
      acceptedOn: '2020-03-01',
    }
    const res = await importFile(JSON.stringify(file), 'geojson', viettel)
    expect(res.status).toBe(422)
    expect((await res.json()).errors[0].message).toMatch(/a carrier's import creates planned routes/)
    expect(await count('cable_routes')).toBe(before)
    expect(
      (await app.db.one<{ n: number }>(`SELECT count(*)::int AS n FROM cable_routes WHERE status <> 'planned'`)).n,
    ).toBe(accepted.n)
  })

  it("records an officer's history through the table, refusing dates in the future", async () => {
    const line = [
      [106.7, 10.77],
      [106.71, 10.775],
    ]
    const file = (props: Record<string, unknown>) =>
      JSON.stringify({
        type: 'Feature',
        properties: { name: 'hist', ...props },
        geometry: { type: 'LineString', coordinates: line },
      })
    expect(
      (await importFile(file({ status: 'completed', startedOn: '2018-01-01', completedOn: '2099-01-01' }), 'geojson'))
        .status,
    ).toBe(422)
    expect(
      (await importFile(file({ status: 'accepted', startedOn: '2018-01-01', completedOn: '2018-02-01' }), 'geojson'))
        .status,
    ).toBe(422)
    const ok = await importFile(
      file({ status: 'accepted', startedOn: '2018-01-01', completedOn: '2018-02-01', acceptedOn: '2018-03-01' }),
      'geojson',
    )
    expect(ok.status).toBe(201)
    const audit = await app.db.one<{ after: { history: { status: string }[] } }>(
      `SELECT after FROM audit_log WHERE action = 'cable_route.import' ORDER BY id DESC LIMIT 1`,
    )
    expect(audit.after.history).toEqual([expect.objectContaining({ status: 'accepted' })])
  })
})

describe('geometry far from the province is refused on every route that takes it', () => {
  const hanoi = [
    [105.85, 21.03],
    [105.86, 21.03],
    [105.86, 21.04],
    [105.85, 21.04],
    [105.85, 21.03],
  ]
  const paris = [
    [2.35, 48.85],
    [2.36, 48.85],
    [2.36, 48.86],
    [2.35, 48.86],
    [2.35, 48.85],
  ]
  const zone = (coordinates: unknown) => ({
    name: 'Z',
    kind: 'heritage',
    allowedClasses: ['A1'],
    geometry: { type: 'Polygon', coordinates },
  })
  const route = (coordinates: unknown) => ({
    name: 'R',
    kind: 'tidying',
    carriers: ['viettel'],
    geometry: { type: 'LineString', coordinates },
  })

  // One answer each, in the order route, zone, event area, pole, imported route: the geometry gate's 400 for a
  // position outside Vietnam's extent, the province check's 422 inside it; an import reports any refused row as 422
  // and the event area answers 400 either way.
  for (const [where, ring, statuses] of [
    ['another province', hanoi, [422, 422, 400, 422, 422]],
    ['another continent', paris, [400, 400, 400, 400, 422]],
  ] as const) {
    it(`refuses a route, a zone, an event area, a pole and an imported route in ${where}`, async () => {
      const counts = await Promise.all(['cable_routes', 'planning_zones', 'poles', 'station_events'].map(count))
      const answers = [
        await app.request('POST', '/api/cables/routes', { cookie: officer, body: route(ring.slice(0, 2)) }),
        await app.request('POST', '/api/zones', { cookie: officer, body: zone([ring]) }),
        await app.request('POST', '/api/station-events', {
          cookie: officer,
          body: {
            name: 'E',
            startsOn: '2026-01-01',
            endsOn: '2026-01-02',
            area: { type: 'Polygon', coordinates: [ring] },
          },
        }),
        await app.request('POST', '/api/cables/poles', {
          cookie: officer,
          body: { code: 'P1', lon: ring[0]![0], lat: ring[0]![1] },
        }),
        await importFile(JSON.stringify({ type: 'LineString', coordinates: ring.slice(0, 2) }), 'geojson'),
      ]
      // route, zone, event area, pole, imported route
      expect(answers.map((r) => r.status)).toEqual(statuses)
      for (const r of answers) expect(r.headers.get('content-type')).toMatch(/problem\+json/)
      expect(await Promise.all(['cable_routes', 'planning_zones', 'poles', 'station_events'].map(count))).toEqual(
        counts,
      )
    })
  }

  it("says why a geometry is refused in the request's language: outside the province, not valid", async () => {
    const messages = async (body: unknown, lang: string) => {
      const res = await app.request('POST', '/api/zones', {
        cookie: officer,
        body,
        headers: { 'accept-language': lang },
      })
      expect(res.status).toBe(422)
      return ((await res.json()).errors as { path: string; message: string; code: string }[]).map((e) => e.message)
    }
    expect(await messages(zone([hanoi]), 'vi')).toEqual(['Vùng nằm ngoài địa giới tỉnh (cách ranh giới hơn 5.000 m).'])
    expect(await messages(zone([hanoi]), 'en')).toEqual([
      'The polygon lies outside the province (more than 5,000 m beyond its boundary).',
    ])
    // a bow tie in District 1: PostGIS's reason, in Vietnamese with its position
    const bowtie = [
      [106.7, 10.77],
      [106.71, 10.78],
      [106.71, 10.77],
      [106.7, 10.78],
      [106.7, 10.77],
    ]
    const [vi] = await messages(zone([bowtie]), 'vi')
    expect(vi).toMatch(/^Vùng không hợp lệ: tự cắt nhau \[106\.705 10\.775\]\.$/)
    const [en] = await messages(zone([bowtie]), 'en')
    expect(en).toMatch(/^The polygon is not valid: Self-intersection\[106\.705 10\.775\]\.$/)
  })

  it('refuses a zone across the antimeridian, an empty ring and a deeply nested collection with 4xx', async () => {
    const before = await count('planning_zones')
    const across = await app.request('POST', '/api/zones', {
      cookie: officer,
      body: zone([
        [
          [179, 10],
          [-179, 10],
          [-179, 11],
          [179, 11],
          [179, 10],
        ],
      ]),
    })
    expect(across.status).toBe(400)
    expect(JSON.stringify(await across.json())).toMatch(/antimeridian/)
    expect((await app.request('POST', '/api/zones', { cookie: officer, body: zone([[]]) })).status).toBe(400)
    let deep: unknown = { type: 'Point', coordinates: [106.7, 10.8] }
    for (let i = 0; i < 2000; i++) deep = { type: 'GeometryCollection', geometries: [deep] }
    const nested = await app.request('POST', '/api/zones', { cookie: officer, body: { ...zone([]), geometry: deep } })
    expect(nested.status).toBe(400)
    expect(await count('planning_zones')).toBe(before)
  })
})

describe('fuzzing every JSON write endpoint that takes geometry (fast-check, seeded)', () => {
  const num = fc.oneof(
    fc.double({ min: 105, max: 108 }),
    fc.double({ min: 9, max: 12 }),
    fc.constantFrom(0, 180, -200, 1e308, Number.NaN),
  )
  const position = fc.oneof(
    fc.tuple(num, num),
    fc.tuple(num, num, num),
    fc.array(num, { maxLength: 1 }),
    fc.constant('x'),
  )
  const geometry = fc.oneof(
    fc.record({
      type: fc.constantFrom('LineString', 'MultiPoint', 'Polygon', 'linestring'),
      coordinates: fc.array(position, { maxLength: 6 }),
    }),
    fc.record({
      type: fc.constantFrom('MultiLineString', 'Polygon'),
      coordinates: fc.array(fc.array(position, { maxLength: 6 }), { maxLength: 3 }),
    }),
    fc.record({
      type: fc.constant('GeometryCollection'),
      geometries: fc.array(fc.record({ type: fc.constant('Point'), coordinates: position }), { maxLength: 3 }),
    }),
    fc.anything({ maxDepth: 3 }),
  )
  const tables = ['cable_routes', 'planning_zones', 'poles', 'station_events']
  const endpoints: [string, (g: unknown) => unknown][] = [
    ['/api/cables/routes', (g) => ({ name: 'F', kind: 'tidying', carriers: ['viettel'], geometry: g })],
    ['/api/zones', (g) => ({ name: 'F', kind: 'heritage', allowedClasses: ['A1'], geometry: g })],
    [
      '/api/zones/import',
      (g) => ({
        featureCollection: {
          type: 'FeatureCollection',
          features: [
            { type: 'Feature', properties: { name: 'F', kind: 'heritage', allowedClasses: ['A1'] }, geometry: g },
          ],
        },
      }),
    ],
    ['/api/station-events', (g) => ({ name: 'F', startsOn: '2026-01-01', endsOn: '2026-01-02', area: g })],
    [
      '/api/cables/routes/import',
      (g) => ({ format: 'geojson', content: JSON.stringify({ type: 'Feature', properties: {}, geometry: g }) }),
    ],
    ['/api/cables/poles', (g) => ({ code: 'F', lon: (g as { coordinates?: unknown[] })?.coordinates?.[0], lat: 10.8 })],
  ]
  for (const [url, body] of endpoints) {
    it(`POST ${url}: never 5xx, nothing written on a 4xx`, async () => {
      await fc.assert(
        fc.asyncProperty(geometry, async (g) => {
          const before = await Promise.all(tables.map(count))
          const res = await app.request('POST', url, { cookie: officer, body: body(g) })
          expect(res.status, await res.clone().text()).toBeLessThan(500)
          if (res.status >= 400) expect(await Promise.all(tables.map(count))).toEqual(before)
        }),
        { seed: 42, numRuns: 25 },
      )
    })
  }
})
