import fs from 'node:fs'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startTestApp, type TestApp } from '../helpers/app'
import { FIXTURES, GEOJSONHINT, ROUNDED, intoProvince as moved, namesReferenceProblem } from '../helpers/geojsonhint'

const expectations = GEOJSONHINT.filter((x) => x.expected === 'pass' || x.expected === 'fail')
/** The fixtures scaled 1:1000 about 106.6°E 10.75°N. */
const intoProvince = (text: string) => moved(text, 0.001)

let app: TestApp
let officer: string
const routeCount = async () => (await app.db.one<{ n: number }>('SELECT count(*) AS n FROM cable_routes')).n

beforeAll(async () => {
  app = await startTestApp()
  officer = (await app.user('officer1', 'officer')).cookie
})
afterAll(() => app.close())

const importFile = (content: string, format = 'geojson', cookie = officer) =>
  app.request('POST', '/api/cables/routes/import', {
    cookie,
    body: { format, content, kind: 'tidying', carriers: ['viettel'] },
  })

describe('route import against the geojsonhint fixtures', () => {
  it('has fixtures to read', () => expect(expectations.filter((x) => x.expected === 'fail').length).toBeGreaterThan(30))

  for (const { file } of expectations.filter((x) => x.expected === 'fail' && x.file !== ROUNDED)) {
    it(`rejects ${file} naming the problem, storing nothing`, async () => {
      const before = await routeCount()
      const text = fs.readFileSync(path.join(FIXTURES, file), 'utf8')
      // bad-duplicate-properties must keep its text: the duplicate is what it tests
      const res = await importFile(file.includes('duplicate') ? text : intoProvince(text))
      expect(res.status).toBe(422)
      const problem = await res.json()
      expect(problem.errors.length).toBeGreaterThan(0)
      // our message names the same problem as the reference linter's (its first words), or, for a file it
      // only warns about, the precision rule
      const { said, named } = namesReferenceProblem(file, problem, true)
      expect(named, `${file}: ${said.slice(0, 400)}`).toBe(true)
      expect(await routeCount()).toBe(before)
    })
  }

  for (const { file } of [...expectations.filter((x) => x.expected === 'pass'), { file: ROUNDED }]) {
    it(`passes ${file}: lines are imported, anything else is "not a route"`, async () => {
      const text = intoProvince(fs.readFileSync(path.join(FIXTURES, file), 'utf8'))
      const gj = JSON.parse(text)
      const features = gj.type === 'FeatureCollection' ? gj.features : gj.type === 'Feature' ? [gj] : [{ geometry: gj }]
      const lines = features.filter(
        (f: { geometry: { type: string } | null }) =>
          f.geometry && ['LineString', 'MultiLineString'].includes(f.geometry.type),
      ).length
      const before = await routeCount()
      const res = await importFile(text)
      const body = await res.json()
      if (lines > 0) {
        expect(res.status, JSON.stringify(body)).toBe(201)
        expect(body.imported).toBe(lines)
        expect(await routeCount()).toBe(before + lines)
        expect(body.notRoutes.length).toBe(features.length - lines)
      } else {
        expect(res.status).toBe(422)
        expect(body.detail).toMatch(/not a route/)
        expect(body.errors ?? []).not.toContainEqual(
          expect.objectContaining({ message: expect.stringMatching(/GeoJSON|member/) }),
        )
        expect(await routeCount()).toBe(before)
      }
    })
  }
})

describe('KML and CSV with WKT', () => {
  it('imports KML line placemarks with their names and data', async () => {
    const kml = `<?xml version="1.0"?><kml xmlns="http://www.opengis.net/kml/2.2"><Document>
      <Placemark><name>Tuyến Lê Lợi</name>
        <ExtendedData><Data name="kind"><value>underground</value></Data></ExtendedData>
        <LineString><coordinates>106.70,10.77,0 106.71,10.775,0</coordinates></LineString></Placemark>
      <Placemark><name>Trụ</name><Point><coordinates>106.7,10.77</coordinates></Point></Placemark></Document></kml>`
    const res = await importFile(kml, 'kml')
    expect(res.status).toBe(201)
    const body = await res.json()
    expect(body.notRoutes[0].reasons[0]).toMatch(/not a route: a Point/)
    const row = await app.db.one<{ name: string; kind: string }>('SELECT name, kind FROM cable_routes WHERE id = $1', [
      body.ids[0],
    ])
    expect(row).toEqual({ name: 'Tuyến Lê Lợi', kind: 'underground' })
  })

  it('rejects a whole CSV when one row is wrong, naming the row', async () => {
    const before = await routeCount()
    const csv =
      'name,kind,carriers,wkt\n' +
      'A,tidying,viettel,"LINESTRING(106.7 10.77, 106.71 10.77)"\n' +
      'B,tidying,nobody,"LINESTRING(106.7 10.78, 106.71 10.78)"\n' +
      'C,tidying,vnpt,"LINESTRING(106.7 10.79)"\n'
    const res = await importFile(csv, 'csv')
    expect(res.status).toBe(422)
    const body = await res.json()
    expect(body.rejected.map((r: { label: string }) => r.label)).toEqual(['row 3 (B)', 'row 4 (C)'])
    expect(await routeCount()).toBe(before)
  })

  it('imports a CSV whose rows are all lines, with statuses and dates', async () => {
    const csv =
      'name,kind,status,started_on,completed_on,carriers,wkt\n' +
      'A,underground,completed,2018-01-01,2018-02-01,"viettel,vnpt",' +
      '"MULTILINESTRING((106.7 10.77, 106.71 10.77),(106.72 10.77, 106.73 10.77))"\n'
    const res = await importFile(csv, 'csv')
    expect(res.status).toBe(201)
    const { ids } = await res.json()
    const row = await app.db.one<{ status: string; n: number }>(
      'SELECT status, cardinality(carrier_ids) AS n FROM cable_routes WHERE id = $1',
      [ids[0]],
    )
    expect(row).toEqual({ status: 'completed', n: 2 })
  })
})
