import { execFile } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { promisify } from 'node:util'
import { strToU8, zipSync } from 'fflate'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { generateProvince } from '../../gis-data/province'
import { startTestApp, type TestApp } from '../helpers/app'
import { FIXTURES, GEOJSONHINT, ROUNDED, intoProvince as moved, namesReferenceProblem } from '../helpers/geojsonhint'
import { collection, newPlan, siteAt, upload } from '../helpers/plans'

/** Plans: the fixtures scaled 1:10,000, so that every one (issue82 too) lands inside the province. */
const intoProvince = (text: string) => moved(text, 0.0001)
const expectations = GEOJSONHINT

let app: TestApp
let viettel: string
const count = async (table: string) => (await app.db.one<{ n: number }>(`SELECT count(*)::int AS n FROM ${table}`)).n

beforeAll(async () => {
  app = await startTestApp()
  await generateProvince(app.db, '79', 20_170_601)
  viettel = (await app.user('viettel1', 'carrier', 'viettel')).cookie
})
afterAll(() => app.close())

describe('a version against the geojsonhint fixtures', () => {
  it('has fixtures to read', () => expect(expectations.filter((x) => x.expected === 'fail').length).toBeGreaterThan(30))

  for (const { file } of expectations.filter((x) => x.expected === 'fail' && x.file !== ROUNDED)) {
    it(`refuses ${file}, naming the problem and where it is, storing nothing`, async () => {
      const plan = await newPlan(app, viettel)
      const before = await count('plan_versions')
      const text = fs.readFileSync(path.join(FIXTURES, file), 'utf8')
      const res = await upload(app, viettel, plan, 'geojson', file.includes('duplicate') ? text : intoProvince(text))
      expect(res.status).toBe(422)
      const problem = await res.json()
      expect(problem.errors.length).toBeGreaterThan(0)
      const { said, named } = namesReferenceProblem(file, problem)
      expect(named, `${file}: ${said.slice(0, 400)}`).toBe(true)
      // each message says where: the feature (by index) or the member of the document
      for (const e of problem.errors as { path: string }[])
        expect(e.path).toMatch(/^(feature \d+|features\.\d+|\(file\)|[a-z])/)
      expect(await count('plan_versions')).toBe(before)
    })
  }

  for (const { file } of expectations.filter((x) => x.expected === 'pass')) {
    it(`accepts ${file}`, async () => {
      const plan = await newPlan(app, viettel)
      const res = await upload(
        app,
        viettel,
        plan,
        'geojson',
        intoProvince(fs.readFileSync(path.join(FIXTURES, file), 'utf8')),
      )
      const body = await res.json()
      expect(res.status, JSON.stringify(body).slice(0, 600)).toBe(201)
      expect(body.number).toBe(1)
    })
  }

  const warned: Record<string, RegExp> = {
    'geojsonhint/bad/bad-polygon-interiorring-rhr.geojson': /polygon was rewound/,
    'geojsonhint/bad/polygon_winding_order.geojson': /polygon was rewound/,
    'geojsonhint/bad/point-toomany.geojson': /heights \(Z\) and measures were dropped/,
    [ROUNDED]: /rounded to 7 decimals/,
  }
  for (const { file } of expectations.filter((x) => x.expected === 'warn' || x.file === ROUNDED)) {
    it(`accepts ${file} with the warning on its feature`, async () => {
      const plan = await newPlan(app, viettel)
      const res = await upload(
        app,
        viettel,
        plan,
        'geojson',
        intoProvince(fs.readFileSync(path.join(FIXTURES, file), 'utf8')),
      )
      const body = await res.json()
      expect(res.status, JSON.stringify(body).slice(0, 600)).toBe(201)
      expect(warned[file], `no expected warning listed for ${file}`).toBeDefined()
      expect(body.warnings).toEqual([
        expect.objectContaining({
          index: 0,
          label: 'feature 0',
          warnings: expect.arrayContaining([expect.stringMatching(warned[file]!)]),
        }),
      ])
      // and the carrier can download the report later
      const csv = await app.request('GET', `/api/plans/${plan}/versions/1/report.csv`, { cookie: viettel })
      expect(csv.status).toBe(200)
      expect(await csv.text()).toMatch(new RegExp(`0,feature 0,warning,.*${warned[file]!.source}`))
    })
  }

  it('stores a rewound polygon counter-clockwise', async () => {
    const plan = await newPlan(app, viettel)
    const text = fs.readFileSync(path.join(FIXTURES, 'geojsonhint/bad/polygon_winding_order.geojson'), 'utf8')
    expect((await upload(app, viettel, plan, 'geojson', intoProvince(text))).status).toBe(201)
    const row = await app.db.one<{ ccw: boolean }>(
      `SELECT ST_IsPolygonCCW(a.geom) AS ccw FROM planned_areas a JOIN plan_versions v ON v.id = a.version_id
        WHERE v.plan_id = $1`,
      [plan],
    )
    expect(row.ccw).toBe(true)
  })
})

describe('all or nothing', () => {
  it('refuses 10,000 features for one invalid one, naming it by index, storing nothing', async () => {
    const plan = await newPlan(app, viettel)
    const features: unknown[] = Array.from({ length: 10_000 }, (_, i) => siteAt(i))
    // a bow-tie: structurally fine, so only PostGIS's validity check can find it
    features[7777] = {
      type: 'Feature',
      properties: { code: 'Z1', year: 2027 },
      geometry: {
        type: 'Polygon',
        coordinates: [
          [
            [106.7, 10.8],
            [106.71, 10.81],
            [106.71, 10.8],
            [106.7, 10.81],
            [106.7, 10.8],
          ],
        ],
      },
    }
    const [versions, sites] = [await count('plan_versions'), await count('planned_sites')]
    const res = await upload(app, viettel, plan, 'geojson', collection(features))
    expect(res.status).toBe(422)
    const problem = await res.json()
    expect(problem.code).toBe('plan.features_refused')
    expect(problem.detail).toMatch(/^1 trên 10.000 đối tượng/)
    expect(problem.errors).toEqual([
      { path: 'feature 7777 (Z1)', message: expect.stringMatching(/not valid: Self-intersection/) },
    ])
    expect(problem.reportCsv).toMatch(/7777,feature 7777 \(Z1\),error,/)
    expect([await count('plan_versions'), await count('planned_sites')]).toEqual([versions, sites])
  })

  it('refuses missing and mistyped properties and a duplicate code, each on its feature', async () => {
    const plan = await newPlan(app, viettel)
    const file = collection([
      siteAt(1),
      siteAt(2, { height: 'cao' }),
      siteAt(3, { code: 'S1' }),
      siteAt(4, { year: 2035 }),
      siteAt(5, { mastClass: 'B7' }),
    ])
    const res = await upload(app, viettel, plan, 'geojson', file, {})
    expect(res.status).toBe(422)
    const { errors } = await res.json()
    expect(errors).toEqual([
      { path: 'feature 1 (S2)', message: 'the height "cao" is not a number of metres' },
      { path: 'feature 2 (S1)', message: 'the site code S1 is also on feature 0 (S1)' },
      { path: 'feature 3 (S4)', message: "the year 2035 is outside the plan's period 2026–2030" },
      { path: 'feature 4 (S5)', message: 'the mast class "B7" is not one of A1, A1c, A2a, A2b' },
    ])
  })

  it('refuses a site outside the province', async () => {
    const plan = await newPlan(app, viettel)
    const far = { ...siteAt(1), geometry: { type: 'Point', coordinates: [105.85, 21.03] } }
    const res = await upload(app, viettel, plan, 'geojson', collection([siteAt(0), far]))
    expect(res.status).toBe(422)
    expect((await res.json()).errors).toEqual([
      { path: 'feature 1 (S1)', message: expect.stringMatching(/outside the province/) },
    ])
  })
})

const run = promisify(execFile)

describe('files as real tools write them', () => {
  const sites = Array.from({ length: 25 }, (_, i) => siteAt(i * 37, { height: 20 + (i % 5) }))
  const routes = Array.from({ length: 5 }, (_, i) => ({
    type: 'Feature',
    properties: { code: `R${i}`, kind: i % 2 ? 'aerial' : 'underground', year: 2028 },
    geometry: {
      type: 'LineString',
      coordinates: [
        [106.61 + i * 0.01, 10.76],
        [106.612 + i * 0.01, 10.765],
        [106.615 + i * 0.01, 10.768],
      ],
    },
  }))

  /** A zipped Shapefile of the features, written by GDAL. */
  async function shapefileZip(features: unknown[]): Promise<string> {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'plan-shp-'))
    try {
      fs.writeFileSync(path.join(dir, 'in.geojson'), collection(features))
      await run('ogr2ogr', ['-f', 'ESRI Shapefile', path.join(dir, 'out.shp'), path.join(dir, 'in.geojson')])
      const files = Object.fromEntries(
        fs
          .readdirSync(dir)
          .filter((n) => n.startsWith('out.'))
          .map((n) => [n, new Uint8Array(fs.readFileSync(path.join(dir, n)))]),
      )
      expect(Object.keys(files)).toEqual(expect.arrayContaining(['out.shp', 'out.shx', 'out.dbf', 'out.prj']))
      return Buffer.from(zipSync(files)).toString('base64')
    } finally {
      fs.rmSync(dir, { recursive: true, force: true })
    }
  }

  function kmz(features: typeof sites | typeof routes): string {
    const placemark = (f: (typeof sites)[number] | (typeof routes)[number]) => {
      const data = Object.entries(f.properties)
        .map(([k, v]) => `<Data name="${k}"><value>${v}</value></Data>`)
        .join('')
      const coords = (f.geometry.type === 'Point' ? [f.geometry.coordinates] : f.geometry.coordinates) as number[][]
      const geometry =
        f.geometry.type === 'Point'
          ? `<Point><coordinates>${coords[0]!.join(',')}</coordinates></Point>`
          : `<LineString><coordinates>${coords.map((c) => c.join(',')).join(' ')}</coordinates></LineString>`
      return `<Placemark><ExtendedData>${data}</ExtendedData>${geometry}</Placemark>`
    }
    const kml = `<?xml version="1.0" encoding="UTF-8"?><kml xmlns="http://www.opengis.net/kml/2.2"><Document>${features
      .map(placemark)
      .join('')}</Document></kml>`
    return Buffer.from(zipSync({ 'doc.kml': strToU8(kml) })).toString('base64')
  }

  /** Every feature of version 1 of plan a has the geometry of the feature with its code in version 1 of plan b. */
  async function sameGeometry(table: string, key: string, a: number, b: number, n: number) {
    const rows = await app.db.many<{ same: boolean }>(
      `SELECT ST_Equals(x.geom, y.geom) AND ST_AsText(x.geom) = ST_AsText(y.geom) AS same
         FROM ${table} x JOIN plan_versions vx ON vx.id = x.version_id AND vx.plan_id = $1
         JOIN ${table} y ON y.${key} = x.${key}
         JOIN plan_versions vy ON vy.id = y.version_id AND vy.plan_id = $2`,
      [a, b],
    )
    expect(rows).toHaveLength(n)
    expect(rows.every((r) => r.same)).toBe(true)
  }

  it('imports a GDAL-written Shapefile zip and a KMZ of the same sites with identical geometry', async () => {
    const [fromShp, fromKmz] = [await newPlan(app, viettel), await newPlan(app, viettel)]
    const shp = await upload(app, viettel, fromShp, 'shp', await shapefileZip(sites))
    expect(shp.status, await shp.clone().text()).toBe(201)
    expect((await shp.json()).sites).toBe(25)
    const fromKml = await upload(app, viettel, fromKmz, 'kmz', kmz(sites))
    expect(fromKml.status, await fromKml.clone().text()).toBe(201)
    await sameGeometry('planned_sites', 'site_key', fromShp, fromKmz, 25)
    const heights = await app.db.many<{ h: number }>(
      `SELECT s.height_m::float8 AS h FROM planned_sites s JOIN plan_versions v ON v.id = s.version_id
        WHERE v.plan_id = $1 ORDER BY s.feature_index`,
      [fromShp],
    )
    expect(heights.map((r) => r.h)).toEqual(sites.map((s) => s.properties.height))
  })

  it('imports routes from a GDAL Shapefile zip and a KMZ with identical geometry', async () => {
    const [fromShp, fromKmz] = [await newPlan(app, viettel), await newPlan(app, viettel)]
    const shp = await upload(app, viettel, fromShp, 'shp', await shapefileZip(routes))
    expect(shp.status, await shp.clone().text()).toBe(201)
    expect((await shp.json()).routes).toBe(5)
    expect((await upload(app, viettel, fromKmz, 'kmz', kmz(routes))).status).toBe(201)
    await sameGeometry('planned_routes', 'route_key', fromShp, fromKmz, 5)
  })

  it('reads CSV in WGS84 and in VN-2000 with X/Y in either order to the same place', async () => {
    const zone = await app.request('POST', '/api/coordinates/convert', {
      body: { from: 'wgs84', to: 'vn2000-tm3', zone: '79', points: [[106.7, 10.78]] },
    })
    const [e, n] = ((await zone.json()).points as [number, number][])[0]!
    const csv = ['ma_tram;loai_cot;chieu_cao;nam;lon;lat', 'C1;A2a;18,5;2027;106,7;10,78'].join('\r\n')
    const survey = ['Mã trạm,Loại cột,Chiều cao,Năm,X,Y', `C1,A2b,40,2028,${n},${e}`].join('\n')
    const gis = ['code,mastClass,height,year,x,y', `C1,A2b,40,2028,${e},${n}`].join('\n')
    const ids = []
    for (const [format, text] of [
      ['csv', csv],
      ['csv', survey],
      ['csv', gis],
    ] as const) {
      const plan = await newPlan(app, viettel)
      const res = await upload(app, viettel, plan, format, text, {})
      expect(res.status, await res.clone().text()).toBe(201)
      ids.push(plan)
    }
    const rows = await app.db.many<{ d: number; h: number }>(
      `SELECT ST_Distance(s.geom::geography, ST_SetSRID(ST_MakePoint(106.7, 10.78), 4326)::geography) AS d,
              s.height_m::float8 AS h
         FROM planned_sites s JOIN plan_versions v ON v.id = s.version_id WHERE v.plan_id = ANY($1) ORDER BY v.plan_id`,
      [ids],
    )
    expect(rows.map((r) => r.h)).toEqual([18.5, 40, 40])
    for (const r of rows) expect(r.d).toBeLessThan(0.05)
  })

  it('reads an XLSX worksheet', async () => {
    const ExcelJS = (await import('exceljs')).default
    const book = new ExcelJS.Workbook()
    const sheet = book.addWorksheet('Trạm')
    sheet.addRow(['Mã trạm', 'Loại cột', 'Chiều cao', 'Năm', 'Kinh độ', 'Vĩ độ'])
    sheet.addRow(['X1', 'A2a', 15, 2026, 106.65, 10.79])
    sheet.addRow(['X2', 'A1', 3, 2029, 106.66, 10.791])
    const plan = await newPlan(app, viettel)
    const content = Buffer.from(await book.xlsx.writeBuffer()).toString('base64')
    const res = await upload(app, viettel, plan, 'xlsx', content, {})
    expect(res.status, await res.clone().text()).toBe(201)
    expect((await res.json()).sites).toBe(2)
  })
})
