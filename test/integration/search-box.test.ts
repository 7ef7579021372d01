import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startTestApp, type TestApp } from '../helpers/app'
import { generateProvince } from '../../gis-data/province'
import type { Json } from '../helpers/json'

// GET /api/search: one box for site codes, decision numbers, routes, conversion items, zones, districts and wards,
// and coordinate pairs; each kind as far as the caller may see it.
let app: TestApp
let officer: string, viettel: string, mobifone: string, inspector: string
let centre: { lon: number; lat: number }
let districtName: string

async function call(method: string, path: string, cookie?: string, body?: unknown) {
  const res = await app.request(method, path, { cookie, body })
  const text = await res.text()
  return { status: res.status, json: (text ? JSON.parse(text) : {}) as Json }
}
const find = async (q: string, cookie?: string, extra = '') => {
  const r = await call('GET', `/api/search?q=${encodeURIComponent(q)}${extra}`, cookie)
  expect(r.status, JSON.stringify(r.json)).toBe(200)
  return r.json as {
    items: {
      kind: string
      id: number
      label: string
      detail: string | null
      decisionNo: string | null
      lon: number
      lat: number
    }[]
    total: number
    coordinate: { wgs84: [number, number]; swapped: boolean; kind: string } | null
  }
}
const labels = (a: { items: { kind: string; label: string }[] }) => a.items.map((i) => `${i.kind}:${i.label}`)

async function insertStation(carrier: string, code: string, state: string, decision: string | null, dLon: number) {
  await app.db.exec(
    `INSERT INTO stations (province_code, carrier_id, site_code, name, geom, district_code, mast_class, mast_height_m,
                           building_height_m, state, decision_no, decision_date)
     SELECT '79', c.id, $2, $5, ST_SetSRID(ST_MakePoint($6, $7), 4326), '760', 'A2a', 12, 20, $3, $4,
            CASE WHEN $4::text IS NULL THEN NULL ELSE date '2024-03-01' END
       FROM carriers c WHERE c.short_name = $1`,
    [carrier, code, state, decision, `Trạm ${code}`, centre.lon + dLon, centre.lat],
  )
}

beforeAll(async () => {
  app = await startTestApp()
  await generateProvince(app.db, '79', 20_170_601)
  centre = await app.db.one<{ lon: number; lat: number }>(
    `SELECT ST_X(p) AS lon, ST_Y(p) AS lat
       FROM (SELECT ST_PointOnSurface(geom) AS p FROM admin_units WHERE code = '760' AND valid_to IS NULL) t`,
  )
  ;({ name: districtName } = await app.db.one<{ name: string }>(
    `SELECT name FROM admin_units WHERE code = '760' AND valid_to IS NULL`,
  ))
  officer = (await app.user('officer.search', 'officer')).cookie
  inspector = (await app.user('insp.search', 'inspector')).cookie
  viettel = (await app.user('viettel.search', 'carrier', 'viettel')).cookie
  mobifone = (await app.user('mobifone.search', 'carrier', 'mobifone')).cookie
  await insertStation('viettel', 'SRCH-VT-1', 'in_service', '345/QĐ-STTTT', 0)
  await insertStation('viettel', 'SRCH-VT-2', 'approved', '346/QĐ-STTTT', 0.004)
  await insertStation('mobifone', 'SRCH-MB-DRAFT', 'draft', null, 0.008)
  await insertStation('mobifone', 'SRCH-MB-1', 'submitted', null, 0.012)
  const route = await call('POST', '/api/cables/routes', officer, {
    name: 'Tuyến ngầm Nguyễn Thị Minh Khai',
    kind: 'underground',
    carriers: ['viettel'],
    geometry: {
      type: 'LineString',
      coordinates: [
        [centre.lon, centre.lat + 0.002],
        [centre.lon + 0.01, centre.lat + 0.002],
      ],
    },
  })
  expect(route.status, JSON.stringify(route.json)).toBe(201)
  const programme = await call('POST', '/api/conversions/programmes', officer, {
    name: 'Hạ độ cao cột 2026',
    decisionNo: '12/QĐ-UBND',
    decisionDate: '2017-05-12',
    startsOn: '2017-01-01',
    heightToleranceM: 0.5,
    phases: [{ name: 'GĐ 1', deadline: '2030-12-31', cumulativeTarget: 1 }],
  })
  expect(programme.status, JSON.stringify(programme.json)).toBe(201)
  const imported = await call('POST', `/api/conversions/programmes/${programme.json.id}/import`, officer, {
    format: 'csv',
    content: 'station_code,carrier,kind,to_height_m,phase\nSRCH-VT-1,viettel,lower,9,1\n',
  })
  expect(imported.status, JSON.stringify(imported.json)).toBe(201)
})
afterAll(() => app?.close())

describe('what the search finds', () => {
  it('finds a station by site code, any case, and puts the exact match first', async () => {
    const a = await find('srch-vt-1', officer)
    expect(a.items[0]).toMatchObject({ kind: 'station', label: 'SRCH-VT-1' })
    expect(a.items[0]!.lon).toBeCloseTo(centre.lon, 6)
    expect(labels(a)).toContain('item:SRCH-VT-1')
  })

  it('finds a station by its decision number', async () => {
    const a = await find('346/QĐ', inspector)
    expect(labels(a)).toEqual(['station:SRCH-VT-2'])
    expect(a.items[0]!.decisionNo).toBe('346/QĐ-STTTT')
    expect(a.items[0]!.detail).toBe('Trạm SRCH-VT-2')
  })

  it('finds a cable route by name with or without Vietnamese marks, in NFC or NFD', async () => {
    for (const q of ['Minh Khai', 'nguyen thi minh khai', 'Nguyễn Thị'.normalize('NFD')])
      expect(labels(await find(q, officer)), q).toEqual(['route:Tuyến ngầm Nguyễn Thị Minh Khai'])
  })

  it('finds a district in force by name and by code', async () => {
    const byName = await find(districtName, officer)
    expect(byName.items.find((i) => i.kind === 'district')?.label).toBe(districtName)
    expect(labels(await find('760', officer))).toContain(`district:${districtName}`)
  })

  it('finds a conversion item by its station code', async () => {
    const a = await find('SRCH-VT-1', officer)
    const item = a.items.find((i) => i.kind === 'item')!
    expect(item.detail).toBe('Hạ độ cao cột 2026')
    expect((await call('GET', `/api/conversions/items/${item.id}`, officer)).status).toBe(200)
  })

  it('reads a VN-2000 coordinate in either order, with or without X=/Y=, and a WGS84 pair', async () => {
    const conv = await call('POST', '/api/coordinates/convert', undefined, {
      from: 'wgs84',
      to: 'vn2000-tm3',
      zone: '79',
      points: [[centre.lon, centre.lat]],
    })
    const [easting, northing] = (conv.json.points as [number, number][])[0]!
    const vi = (n: number) => n.toFixed(2).replace('.', ',')
    for (const q of [
      `${northing.toFixed(2)} ${easting.toFixed(2)}`,
      `${easting.toFixed(2)} ${northing.toFixed(2)}`,
      `X=${vi(northing)} Y=${vi(easting)}`,
      `${centre.lat.toFixed(6)}, ${centre.lon.toFixed(6)}`,
      `${centre.lat.toFixed(6)},${centre.lon.toFixed(6)}`,
    ]) {
      const a = await find(q, officer)
      expect(a.coordinate, q).not.toBeNull()
      expect(a.coordinate!.wgs84[0], q).toBeCloseTo(centre.lon, 4)
      expect(a.coordinate!.wgs84[1], q).toBeCloseTo(centre.lat, 4)
    }
    expect((await find('12 34', officer)).coordinate).toBeNull()
  })

  it('takes % and _ literally and pages the hits', async () => {
    expect((await find('%', officer)).items).toEqual([])
    expect((await find('_', officer)).items).toEqual([])
    const all = await find('SRCH', officer)
    expect(all.total).toBeGreaterThanOrEqual(4)
    const first = await find('SRCH', officer, '&limit=2')
    const second = await find('SRCH', officer, '&limit=2&offset=2')
    expect(first.items).toHaveLength(2)
    expect(first.total).toBe(all.total)
    expect([...labels(first), ...labels(second)]).toEqual(labels(all).slice(0, 4))
  })

  it('refuses an empty or over-long query and changes nothing', async () => {
    expect((await call('GET', '/api/search?q=', officer)).status).toBe(400)
    expect((await call('GET', `/api/search?q=${'x'.repeat(101)}`, officer)).status).toBe(400)
    expect((await call('GET', '/api/search?q=a&limit=0', officer)).status).toBe(400)
  })
})

describe('who finds what', () => {
  it('never shows a carrier another carrier’s records, nor another carrier a draft', async () => {
    const mine = await find('SRCH', mobifone)
    expect(labels(mine).sort()).toEqual(['station:SRCH-MB-1', 'station:SRCH-MB-DRAFT'])
    const vt = await find('SRCH', viettel)
    expect(labels(vt)).not.toContain('station:SRCH-MB-DRAFT')
    expect(labels(vt)).not.toContain('station:SRCH-MB-1')
    expect(labels(vt)).toContain('item:SRCH-VT-1')
    expect(labels(await find('346/QĐ', mobifone))).toEqual([])
    expect(labels(await find('Minh Khai', mobifone))).toEqual([])
    expect(labels(await find('Minh Khai', viettel))).toEqual(['route:Tuyến ngầm Nguyễn Thị Minh Khai'])
  })

  it('keeps drafts from staff', async () => {
    expect(labels(await find('SRCH-MB', officer))).toEqual(['station:SRCH-MB-1'])
  })

  it('gives the public districts, wards and coordinates only', async () => {
    expect((await find('SRCH')).items).toEqual([])
    expect((await find('345/QĐ')).items).toEqual([])
    expect((await find('Minh Khai')).items).toEqual([])
    expect(labels(await find(districtName))).toContain(`district:${districtName}`)
    expect((await find(`${centre.lat.toFixed(6)} ${centre.lon.toFixed(6)}`)).coordinate).not.toBeNull()
  })
})
