import ExcelJS from 'exceljs'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startTestApp, type TestApp } from '../helpers/app'
import { generateProvince } from '../../gis-data/province'
import type { Json } from '../helpers/json'

let app: TestApp
let officer: string

// Three finished routes across district lines near the centre; two of them shared by Viettel and VNPT.
const ROUTES = [
  {
    name: 'Chung 1',
    kind: 'underground',
    carriers: ['viettel', 'vnpt'],
    coordinates: [
      [106.66, 10.76],
      [106.72, 10.79],
    ],
  },
  {
    name: 'Chung 2',
    kind: 'underground',
    carriers: ['viettel', 'vnpt'],
    coordinates: [
      [106.62, 10.8],
      [106.7, 10.83],
    ],
  },
  {
    name: 'Riêng',
    kind: 'tidying',
    carriers: ['viettel'],
    coordinates: [
      [106.64, 10.74],
      [106.69, 10.81],
    ],
  },
]

beforeAll(async () => {
  app = await startTestApp()
  await generateProvince(app.db, '79', 20_170_601)
  officer = (await app.user('officer1', 'officer')).cookie
  for (const r of ROUTES) {
    const res = await app.request('POST', '/api/cables/routes', {
      cookie: officer,
      body: {
        name: r.name,
        kind: r.kind,
        carriers: r.carriers,
        geometry: { type: 'LineString', coordinates: r.coordinates },
      },
    })
    expect(res.status).toBe(201)
  }
  // Finished in 2019, written directly: the workflow is not what these tests are about.
  await app.db.exec(
    `UPDATE cable_routes SET status = 'completed', started_on = '2019-01-10', completed_on = '2019-06-30'`,
  )
}, 300_000)
afterAll(() => app?.close())

const summary = async (groupBy: string): Promise<Json> =>
  (
    await app.request('GET', `/api/cables/summary?period=cumulative&until=2019-12-31&groupBy=${groupBy}`, {
      cookie: officer,
    })
  ).json()

/** Per kind: routes and metres, each route once, from the geometry (no stored figure, no summary SQL). */
async function independentTotals(): Promise<Record<string, { routes: number; m: number }>> {
  const rows = await app.db.many<{ kind: string; routes: number; m: number }>(
    `SELECT kind, count(*)::int AS routes, sum(ST_Length(geom::geography, true))::float8 AS m
       FROM cable_routes WHERE completed_on <= '2019-12-31' GROUP BY kind`,
  )
  return Object.fromEntries(rows.map((r) => [r.kind, { routes: r.routes, m: r.m }]))
}

describe('figures that do not add up are labelled, with the de-duplicated total beside them', () => {
  it('by carrier: nothing adds up, and the distinct total counts each shared route once', async () => {
    const s = await summary('carrier')
    expect(s.additive).toEqual({ routes: false, lengths: false, poles: false })
    const expected = await independentTotals()
    const underground = s.distinctTotal.find((r: Json) => r.kind === 'underground')
    expect(underground.completedRoutes).toBe(expected.underground!.routes)
    expect(Math.abs(underground.completedM - expected.underground!.m)).toBeLessThan(1)
    const perCarrier = s.rows
      .filter((r: Json) => r.kind === 'underground')
      .reduce((a: number, r: Json) => a + r.completedRoutes, 0)
    expect(perCarrier).toBe(2 * expected.underground!.routes)
    expect(s.rows.map((r: Json) => r.groupName)).toContain('Viettel')
  })

  it('by district: lengths add up, route counts do not, and the distinct total gives each route once', async () => {
    const s = await summary('district')
    expect(s.additive).toEqual({ routes: false, lengths: true, poles: true })
    const expected = await independentTotals()
    for (const kind of Object.keys(expected)) {
      const total = s.distinctTotal.find((r: Json) => r.kind === kind)
      expect(total.completedRoutes).toBe(expected[kind]!.routes)
      const split = s.rows.filter((r: Json) => r.kind === kind).reduce((a: number, r: Json) => a + r.completedM, 0)
      expect(Math.abs(split - expected[kind]!.m)).toBeLessThan(1)
    }
    const perDistrict = s.rows.reduce((a: number, r: Json) => a + r.completedRoutes, 0)
    expect(perDistrict).toBeGreaterThan(ROUTES.length)
    const names = await app.db.many<{ code: string; name: string }>(
      `SELECT code, name FROM admin_units WHERE level = 'district' AND valid_to IS NULL`,
    )
    for (const r of s.rows.filter((x: Json) => x.group !== '-'))
      expect(r.groupName).toBe(names.find((n) => n.code === r.group)!.name)
  })
})

describe('the summary XLSX', () => {
  it('data sheet: header row first, numbers typed as numbers, names not codes; sentence on its own sheet', async () => {
    const res = await app.request(
      'GET',
      '/api/cables/summary.xlsx?period=cumulative&until=2019-12-31&groupBy=carrier',
      { cookie: officer },
    )
    expect(res.status).toBe(200)
    const book = new ExcelJS.Workbook()
    await book.xlsx.load(Buffer.from(await res.arrayBuffer()) as never)
    const [data, report] = book.worksheets
    expect(data!.getRow(1).values).toEqual([
      undefined,
      'Doanh nghiệp / Carrier',
      'Loại / Kind',
      'Tuyến hoàn thành / Routes done',
      'Chiều dài hoàn thành (km) / Length done (km)',
      'Tuyến đang thi công / Routes under construction',
      'Chiều dài đang thi công (km) / Length under construction (km)',
      'Trụ điện / Poles',
    ])
    const rows = (data!.getSheetValues() as unknown[][]).slice(2).filter(Boolean)
    expect(rows.length).toBe((await summary('carrier')).rows.length)
    for (const row of rows) {
      expect(typeof row[1]).toBe('string')
      for (const c of [3, 4, 5, 6, 7]) expect(typeof row[c]).toBe('number')
    }
    expect(rows.map((r) => r[1])).toEqual(expect.arrayContaining(['Viettel', 'VinaPhone (VNPT)']))
    const text = (report!.getSheetValues() as unknown[][])
      .flat()
      .filter((v) => typeof v === 'string')
      .join('\n')
    expect(text).toContain('ngầm hóa mạng cáp viễn thông được 2 tuyến công trình')
    expect(text).toContain('tuyến dùng chung được tính trọn cho mỗi doanh nghiệp')
  })

  it('gives districts by name beside their code in the CSV', async () => {
    const res = await app.request(
      'GET',
      '/api/cables/summary.csv?period=cumulative&until=2019-12-31&groupBy=district',
      { cookie: officer },
    )
    const lines = (await res.text())
      .replace(/^\uFEFF/, '')
      .trim()
      .split('\r\n')
    expect(lines[0]).toMatch(/^Mã quận huyện \/ District code,Quận huyện \/ District,/)
    const s = await summary('district')
    const first = s.rows.find((r: Json) => r.group !== '-')
    expect(lines).toContainEqual(expect.stringMatching(new RegExp(`^${first.group},${first.groupName},`)))
  })
})
