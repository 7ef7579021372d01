import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { TestApp } from '../helpers/app'
import { startProvinceApp } from '../helpers/stations'
import { demoPhoto } from '../../gis-data/conversions'

const PNG = demoPhoto()
import { readFixture } from '../fixtures/vn2000/cs2cs'
import type { Json } from '../helpers/json'

// PROJ's answers for VN-2000 points of the HCMC zone (central meridian 105°45′), from the committed fixture.
const VN2000_POINTS = readFixture().filter((r) => r.province === '79' && r.from === 'vn2000-tm3' && r.to === 'wgs84')

let app: TestApp
let viettel: string, mobifone: string, inspector: string, officer: string, officer2: string, admin: string
let center: { lon: number; lat: number }
let seq = 0

beforeAll(async () => {
  ;({ app, center } = await startProvinceApp())
  ;({ cookie: viettel } = await app.user('viettel.eng', 'carrier', 'viettel'))
  ;({ cookie: mobifone } = await app.user('mobifone.eng', 'carrier', 'mobifone'))
  ;({ cookie: inspector } = await app.user('insp', 'inspector'))
  ;({ cookie: officer } = await app.user('officer.one', 'officer'))
  ;({ cookie: officer2 } = await app.user('officer.two', 'officer'))
  ;({ cookie: admin } = await app.user('root.admin', 'admin'))
})
afterAll(async () => {
  await app?.close()
})

async function call(
  method: string,
  path: string,
  cookie?: string,
  body?: unknown,
): Promise<{ status: number; json: Json }> {
  const res = await app.request(method, path, { cookie, body })
  const text = await res.text()
  return {
    status: res.status,
    json: text && res.headers.get('content-type')?.includes('json') ? JSON.parse(text) : { text },
  }
}

// Sites far enough apart (about 1 km) that one test's masts do not meet another's rules.
function site(over: Json = {}): Json {
  seq++
  return {
    siteCode: `T-${seq}`,
    address: `${seq} Lê Lợi`,
    position: { lon: center.lon + (seq % 5) * 0.01 - 0.02, lat: center.lat + Math.floor(seq / 5) * 0.01 - 0.02 },
    mastClass: 'A2a',
    mastHeightM: 12,
    buildingHeightM: 20,
    technologies: ['4G'],
    ...over,
  }
}

async function draft(cookie = viettel, over: Json = {}): Promise<Json> {
  const r = await call('POST', '/api/stations', cookie, site(over))
  expect(r.status, JSON.stringify(r.json)).toBe(201)
  return r.json
}

async function act(id: number, cookie: string, body: Json): Promise<{ status: number; json: Json }> {
  const current = await app.db.one<{ version: number }>('SELECT version FROM stations WHERE id = $1', [id])
  return call('POST', `/api/stations/${id}/transitions`, cookie, { version: current.version, ...body })
}

const paths = (json: Json) => (json.errors ?? []).map((e: { path: string }) => e.path)

describe('field-check photos', () => {
  it('takes images by their content only, within the size limit, and refuses a photo of another station', async () => {
    const a = await draft()
    const b = await draft()
    for (const s of [a, b]) expect((await act(s.id, viettel, { action: 'submit' })).status).toBe(200)
    const send = (id: number, body: Buffer, cookie = inspector) =>
      fetch(`${app.url}/api/stations/${id}/photos`, {
        method: 'POST',
        headers: { cookie, 'content-type': 'image/jpeg' },
        body: new Uint8Array(body),
      })
    expect((await send(a.id, Buffer.from('GIF89a not a photo'))).status).toBe(415)
    expect((await send(a.id, Buffer.alloc(9 * 1024 * 1024, 0xff))).status).toBe(413)
    expect((await send(a.id, PNG, viettel)).status).toBe(403)
    const ofB = (await (await send(b.id, PNG)).json()) as { id: number }
    const image = await fetch(`${app.url}/api/stations/photos/${ofB.id}`, { headers: { cookie: inspector } })
    expect(image.status).toBe(200)
    expect(image.headers.get('cache-control')).toBe('private, no-store')
    const before = await app.db.one<{ n: number }>('SELECT count(*) AS n FROM station_field_checks')
    const wrong = await act(a.id, inspector, {
      action: 'field_check',
      outcome: 'confirmed',
      photos: [{ photoId: ofB.id }],
    })
    expect(wrong.status).toBe(422)
    expect(paths(wrong.json)).toEqual(['body.photos.0.photoId'])
    expect(await app.db.one('SELECT count(*) AS n FROM station_field_checks')).toEqual(before)
  })
})

describe('site approval workflow', () => {
  it('goes from draft to in service, one history and one audit row per step, notifications both ways', async () => {
    const s = await draft()
    expect(s.state).toBe('draft')
    expect(s.ruleResults.map((r: Json) => r.rule)).toEqual([
      'in_province',
      'zone_class',
      'zone_height',
      'a1_limits',
      'a1_reach',
      'spacing',
      'must_share',
      'duplicate',
    ])
    // the district whose outline holds the site (where the site lies depends on how many came before it)
    const holding = await app.db.one<{ code: string }>(
      `SELECT code FROM admin_units WHERE level = 'district' AND valid_to IS NULL
          AND ST_Contains(geom, ST_SetSRID(ST_MakePoint($1, $2), 4326))`,
      s.position.coordinates,
    )
    expect(s.districtCode).toBe(holding.code)
    expect(s.allowedActions).toEqual(['submit'])
    expect((await act(s.id, viettel, { action: 'submit' })).status).toBe(200)
    const moved = { lon: s.position.coordinates[0] + 0.0002, lat: s.position.coordinates[1] }
    const noPosition = await act(s.id, inspector, { action: 'field_check', outcome: 'moved' })
    expect(noPosition.status).toBe(400)
    expect(paths(noPosition.json)).toEqual(['body.position'])
    const upload = await fetch(`${app.url}/api/stations/${s.id}/photos`, {
      method: 'POST',
      headers: { cookie: inspector, 'content-type': 'image/png' },
      body: new Uint8Array(PNG),
    })
    expect(upload.status).toBe(201)
    const photo = (await upload.json()) as { id: number; mediaType: string; url: string }
    expect(photo.mediaType).toBe('image/png')
    const checked = await act(s.id, inspector, {
      action: 'field_check',
      outcome: 'moved',
      position: moved,
      notes: 'Cột trên mái nhà 5 tầng',
      photos: [{ photoId: photo.id, name: 'mai-nha.png' }],
    })
    expect(checked.status).toBe(200)
    const image = await app.request('GET', photo.url, { cookie: viettel })
    expect(image.headers.get('content-type')).toBe('image/png')
    expect(Buffer.from(await image.arrayBuffer()).equals(PNG)).toBe(true)
    expect((await app.request('GET', photo.url, { cookie: mobifone })).status).toBe(404)
    expect(checked.json.position.coordinates[0]).toBeCloseTo(moved.lon, 6)
    const approved = await act(s.id, officer, {
      action: 'approve',
      decisionNo: '123/QĐ-STTTT',
      decisionDate: '2025-03-01',
    })
    expect(approved.status).toBe(200)
    expect(approved.json).toMatchObject({ state: 'approved', decisionNo: '123/QĐ-STTTT', decisionDate: '2025-03-01' })
    expect((await act(s.id, viettel, { action: 'report_built' })).status).toBe(200)
    // the carrier's word asks for the post-construction inspection and leaves the station built (issue 13);
    // the officer waives the inspection with a reason
    expect((await act(s.id, viettel, { action: 'report_in_service' })).json.state).toBe('built')
    const waived = await act(s.id, officer, { action: 'waive_inspection', reason: 'Trạm đã kiểm tra khi nghiệm thu' })
    expect(waived.json.state).toBe('in_service')

    const detail = await call('GET', `/api/stations/${s.id}`, viettel)
    expect(detail.json.history.map((h: Json) => h.action)).toEqual([
      'create',
      'submit',
      'field_check',
      'approve',
      'report_built',
      'waive_inspection',
    ])
    expect(detail.json.fieldChecks[0]).toMatchObject({
      outcome: 'moved',
      photos: [{ photoId: photo.id, name: 'mai-nha.png', contentType: 'image/png', sizeBytes: PNG.length }],
    })
    expect(detail.json.fieldChecks[0].movedM).toBeGreaterThan(15)
    // seven steps and the inspector's photo upload, each its own write
    const { n } = await app.db.one<{ n: number }>(
      `SELECT count(*) AS n FROM audit_log WHERE entity = 'station' AND entity_id = $1`,
      [String(s.id)],
    )
    expect(n).toBe(8)

    const carrierNotes = await call('GET', '/api/notifications', viettel)
    expect(carrierNotes.json.items.map((i: Json) => i.kind)).toEqual(expect.arrayContaining(['field_check', 'approve']))
    const officerNotes = await call('GET', '/api/notifications?unread=true', officer)
    expect(officerNotes.json.items.map((i: Json) => i.kind)).toEqual(
      expect.arrayContaining(['submit', 'report_in_service']),
    )
    expect((await call('POST', `/api/notifications/${officerNotes.json.items[0].id}/read`, officer)).status).toBe(204)
    expect((await call('POST', `/api/notifications/${officerNotes.json.items[0].id}/read`, viettel)).status).toBe(404)

    const pub = await call('GET', '/api/public/stations')
    const feature = pub.json.features.find((f: Json) => f.id === s.id)
    expect(feature.properties.operator).toBe('Viettel')
    expect(feature.properties).not.toHaveProperty('siteCode')
    expect(feature.properties).not.toHaveProperty('decisionNo')
  })

  it('lets the officer skip the field check with a reason, return for changes, and reject with reasons', async () => {
    const s = await draft()
    await act(s.id, viettel, { action: 'submit' })
    expect(
      (await act(s.id, officer, { action: 'skip_field_check', reason: 'Vị trí đã kiểm tra năm 2024' })).json.state,
    ).toBe('field_checked')
    expect((await act(s.id, officer, { action: 'return', note: 'Bổ sung chiều cao công trình' })).json.state).toBe(
      'returned',
    )
    expect(
      (
        await call('PATCH', `/api/stations/${s.id}`, viettel, {
          version: (
            await app.db.one<{ version: number }>('SELECT version FROM stations WHERE id = $1', [s.id])
          ).version,
          buildingHeightM: 22,
        })
      ).status,
    ).toBe(200)
    await act(s.id, viettel, { action: 'submit' })
    await act(s.id, inspector, { action: 'field_check', outcome: 'confirmed' })
    const rejected = await act(s.id, officer, { action: 'reject', reasons: ['Gần khu di tích'] })
    expect(rejected.json).toMatchObject({ state: 'rejected', decisionNote: 'Gần khu di tích' })
    expect(
      (await act(s.id, officer, { action: 'approve', decisionNo: '1/QĐ', decisionDate: '2025-01-01' })).status,
    ).toBe(409)
  })

  it('answers one of two officers deciding at once with 409, and writes one audit row', async () => {
    const s = await draft()
    await act(s.id, viettel, { action: 'submit' })
    await act(s.id, inspector, { action: 'field_check', outcome: 'confirmed' })
    const { version } = await app.db.one<{ version: number }>('SELECT version FROM stations WHERE id = $1', [s.id])
    const [a, b] = await Promise.all([
      call('POST', `/api/stations/${s.id}/transitions`, officer, {
        version,
        action: 'approve',
        decisionNo: '7/QĐ',
        decisionDate: '2025-05-05',
      }),
      call('POST', `/api/stations/${s.id}/transitions`, officer2, {
        version,
        action: 'reject',
        reasons: ['Không phù hợp quy hoạch'],
      }),
    ])
    expect([a.status, b.status].sort()).toEqual([200, 409])
    const { n } = await app.db.one<{ n: number }>(
      `SELECT count(*) AS n FROM audit_log
        WHERE entity = 'station' AND entity_id = $1 AND action IN ('station.approve', 'station.reject')`,
      [String(s.id)],
    )
    expect(n).toBe(1)
  })
})

describe('who may see and change what', () => {
  it("answers 404 on every station route for another carrier's application, and hides drafts from the Sở", async () => {
    const s = await draft(viettel)
    const routes: [string, string, unknown?][] = [
      ['GET', `/api/stations/${s.id}`],
      ['GET', `/api/stations/${s.id}/context`],
      ['PATCH', `/api/stations/${s.id}`, { version: 1, address: 'x' }],
      ['POST', `/api/stations/${s.id}/transitions`, { version: 1, action: 'submit' }],
    ]
    for (const [method, path, body] of routes)
      expect((await call(method, path, mobifone, body)).status, `${method} ${path}`).toBe(404)
    expect((await call('GET', `/api/stations/${s.id}`, officer)).status).toBe(404)
    expect((await call('GET', `/api/stations/${s.id}`, inspector)).status).toBe(404)
    const list = await call('GET', '/api/stations?limit=500', mobifone)
    expect(list.json.items.every((i: Json) => i.operator.shortName === 'mobifone')).toBe(true)
    for (const path of ['/api/stations/export.csv', '/api/stations/export.geojson']) {
      const res = await app.request('GET', path, { cookie: mobifone })
      expect(await res.text()).not.toContain(s.siteCode)
    }
    const preview = await call('POST', '/api/stations/check', mobifone, site())
    expect(JSON.stringify(preview.json)).not.toContain(s.siteCode)
  })

  it('lets neither a carrier nor an inspector decide (403), and keeps office routes from carriers', async () => {
    const s = await draft(viettel)
    await act(s.id, viettel, { action: 'submit' })
    await act(s.id, inspector, { action: 'field_check', outcome: 'confirmed' })
    for (const cookie of [viettel, inspector, admin])
      expect((await act(s.id, cookie, { action: 'approve', decisionNo: '1', decisionDate: '2025-01-01' })).status).toBe(
        403,
      )
    expect((await act(s.id, viettel, { action: 'skip_field_check', reason: 'tự bỏ qua' })).status).toBe(403)
    for (const path of ['/api/stations/queue', '/api/stations/overdue-removals'])
      expect((await call('GET', path, viettel)).status).toBe(403)
    expect((await call('POST', '/api/stations', inspector, site())).status).toBe(403)
    expect((await call('POST', '/api/stations', officer, site())).status).toBe(403)
    expect((await call('PUT', '/api/station-rules', viettel, {})).status).toBe(403)
    expect((await call('POST', '/api/zones', viettel, {})).status).toBe(403)
    expect((await call('POST', '/api/zones/import', inspector, {})).status).toBe(403)
    expect((await call('POST', '/api/station-events', viettel, {})).status).toBe(403)
    expect((await call('GET', '/api/stations')).status).toBe(401)
    expect((await call('GET', '/api/notifications')).status).toBe(401)
  })

  it("stops a carrier from editing after submission and an officer's queue lists the oldest first", async () => {
    const s = await draft(viettel)
    await act(s.id, viettel, { action: 'submit' })
    expect((await call('PATCH', `/api/stations/${s.id}`, viettel, { version: 2, address: 'mới' })).status).toBe(409)
    const q = await call('GET', '/api/stations/queue', officer)
    const waits = q.json.items.map((i: Json) => i.waitingHours)
    expect(waits).toEqual([...waits].sort((a: number, b: number) => b - a))
    expect(q.json.items.some((i: Json) => i.id === s.id)).toBe(true)
  })
})

describe('bad input is refused with every field named, and nothing is stored', () => {
  it.each([
    [
      'latitude and longitude swapped',
      () => ({ position: { lon: center.lat, lat: center.lon } }),
      400,
      ['body.position.lat', 'body.position.lon'],
    ],
    ['a negative height', () => ({ mastHeightM: -3 }), 400, ['body.mastHeightM']],
    ['an absurd height', () => ({ mastHeightM: 900 }), 400, ['body.mastHeightM']],
    [
      'text in a number field',
      () => ({ mastHeightM: 'mười hai', buildingHeightM: '20m' }),
      400,
      ['body.mastHeightM', 'body.buildingHeightM'],
    ],
    [
      'an A2b mast with a building height',
      () => ({ mastClass: 'A2b', buildingHeightM: 10 }),
      400,
      ['body.buildingHeightM'],
    ],
    ['a place outside the province', () => ({ position: { lon: 105.2, lat: 21.0 } }), 422, ['body.position']],
    [
      'an unknown sharing operator',
      () => ({ sharedOperators: ['vnpt', 'nosuchtel'] }),
      422,
      ['body.sharedOperators.1'],
    ],
    ["another carrier's operator", () => ({ operator: 'mobifone' }), 422, ['body.operator']],
  ])('%s', async (_name, over, status, expected) => {
    const before = await app.db.one<{ n: number }>('SELECT count(*) AS n FROM stations')
    const r = await call('POST', '/api/stations', viettel, site(over()))
    expect(r.status).toBe(status)
    expect(r.json.type).toBeDefined()
    expect(paths(r.json)).toEqual(expected)
    expect((await app.db.one<{ n: number }>('SELECT count(*) AS n FROM stations')).n).toBe(before.n)
  })

  it('imports a CSV all or nothing, naming each bad line and field', async () => {
    const p = (dx: number) => `${(center.lon + 0.05 + dx).toFixed(6)},${(center.lat - 0.05).toFixed(6)}`
    const header = 'siteCode,lon,lat,mastClass,mastHeightM,buildingHeightM,technologies'
    const bad = [
      header,
      `CSV-1,${p(0)},A2a,12,20,4G;5G`,
      `CSV-2,${p(0.01)},A2a,mười,20,4G`,
      `CSV-3,105.2,21.0,A2b,40,,4G`,
      `CSV-4,${p(0.02)},A9,12,20,4G`,
    ].join('\n')
    const before = await app.db.one<{ n: number }>('SELECT count(*) AS n FROM stations')
    const r = await call('POST', '/api/stations/import', viettel, { csv: bad })
    expect(r.status).toBe(422)
    expect(paths(r.json)).toEqual(['line 3.mastHeightM', 'line 4.position', 'line 5.mastClass'])
    expect((await app.db.one<{ n: number }>('SELECT count(*) AS n FROM stations')).n).toBe(before.n)
    const good = [header, `CSV-1,${p(0)},A2a,12,20,4G;5G`, `"CSV-2",${p(0.01)},A2b,"40",,4G`].join('\r\n')
    const ok = await call('POST', '/api/stations/import', viettel, { csv: good })
    expect(ok.status).toBe(201)
    expect(ok.json.items.map((i: Json) => [i.siteCode, i.state, i.technologies])).toEqual([
      ['CSV-1', 'draft', ['4G', '5G']],
      ['CSV-2', 'draft', ['4G']],
    ])
  })
})

describe('coordinates, exports and public pages', () => {
  it('places a site typed in VN-2000 (HCMC zone) within 5 cm of PROJ', async () => {
    // the fixture's points that lie in the generated province, where a station may be placed
    const inside = []
    for (const row of VN2000_POINTS) {
      const { ok } = await app.db.one<{ ok: boolean }>(
        `SELECT EXISTS (SELECT 1 FROM admin_units WHERE level = 'province' AND code = '79' AND valid_to IS NULL
                          AND ST_Intersects(geom, ST_SetSRID(ST_MakePoint($1, $2), 4326))) AS ok`,
        row.expected,
      )
      if (ok) inside.push(row)
    }
    expect(inside.length).toBeGreaterThanOrEqual(3)
    for (const [i, row] of inside.slice(0, 3).entries()) {
      const [easting, northing] = row.input
      const s = await draft(viettel, { siteCode: `VN2000-${i}`, position: { crs: 'vn2000', northing, easting } })
      const [lon, lat] = row.expected
      const { d } = await app.db.one<{ d: number }>(
        `SELECT ST_Distance(geom::geography, ST_SetSRID(ST_MakePoint($2, $3), 4326)::geography) AS d
           FROM stations WHERE id = $1`,
        [s.id, lon, lat],
      )
      expect(d, row.id).toBeLessThan(0.05)
    }
    const swapped = await call(
      'POST',
      '/api/stations',
      viettel,
      site({ position: { crs: 'vn2000', northing: 603287, easting: 1191912 } }),
    )
    expect(paths(swapped.json)).toEqual(['body.position.northing', 'body.position.easting'])
  })

  it('exports CSV with VN-2000 coordinates and GeoJSON in lon/lat', async () => {
    const s = await draft(viettel)
    const csv = await (
      await app.request('GET', `/api/stations/export.csv?vn2000=true&q=${s.siteCode}`, { cookie: viettel })
    ).text()
    const [head, row] = csv
      .replace(/^\uFEFF/, '')
      .trim()
      .split('\r\n') as [string, string]
    const cols = head.split(',')
    const cell = (name: string) => Number(row.split(',')[cols.indexOf(name)])
    expect(cell('vn2000Northing')).toBeGreaterThan(1_100_000)
    expect(cell('vn2000Easting')).toBeGreaterThan(550_000)
    const geo = await call('GET', `/api/stations/export.geojson?q=${s.siteCode}`, viettel)
    expect(geo.json.features[0].geometry.coordinates[0]).toBeCloseTo(s.position.coordinates[0], 6)
  })

  it('answers the permit checker without signing in', async () => {
    const a1 = await call('POST', '/api/public/permit-check', undefined, {
      position: center,
      mastClass: 'A1',
      mastHeightM: 2,
      onBuilding: true,
      buildingHeightM: 15,
    })
    expect(a1.status).toBe(200)
    expect(a1.json.procedure).toBe('exempt')
    // a place of its own, away from the other tests' sites and zones: a bulky mast needs site approval there
    const alone = await app.db.one<{ lon: number; lat: number }>(
      `SELECT ST_X(p) AS lon, ST_Y(p) AS lat FROM (SELECT ST_PointOnSurface(geom) AS p FROM admin_units
        WHERE level = 'district' AND code <> '760' AND valid_to IS NULL ORDER BY code DESC LIMIT 1) t`,
    )
    const bulky = { position: alone, mastClass: 'A2b', mastHeightM: 40, onBuilding: false }
    expect((await call('POST', '/api/public/permit-check', undefined, bulky)).json.procedure).toBe(
      'site_approval_and_building_permit',
    )
    // with a mast in service 50 m away, the answer is to share it
    await app.db.exec(
      `INSERT INTO stations (province_code, carrier_id, site_code, geom, mast_class, mast_height_m, state)
       VALUES ('79', (SELECT id FROM carriers WHERE short_name = 'mobifone'), 'PERMIT-NEAR',
               ST_Project(ST_SetSRID(ST_MakePoint($1, $2), 4326)::geography, 50, 0)::geometry,
               'A2b', 40, 'in_service')`,
      [alone.lon, alone.lat],
    )
    expect((await call('POST', '/api/public/permit-check', undefined, bulky)).json.procedure).toBe('must_share')
    const far = await call('POST', '/api/public/permit-check', undefined, {
      position: { lon: 105.2, lat: 21 },
      mastClass: 'A2b',
      mastHeightM: 40,
      onBuilding: false,
    })
    expect(far.json.procedure).toBe('outside_province')
    expect(
      (
        await call('POST', '/api/public/permit-check', undefined, {
          position: center,
          mastClass: 'A2b',
          mastHeightM: 40,
          onBuilding: true,
          buildingHeightM: 10,
        })
      ).status,
    ).toBe(400)
  })

  it('imports zones all or nothing and lets an officer edit the rule values', async () => {
    // inside the demo province: the geometry gate refuses zones elsewhere
    const square = (x: number) => ({
      type: 'Polygon',
      coordinates: [
        [
          [x, 10.8],
          [x + 0.01, 10.8],
          [x + 0.01, 10.81],
          [x, 10.81],
          [x, 10.8],
        ],
      ],
    })
    const bowtie = {
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
    }
    const fc = (features: Json[]) => ({ featureCollection: { type: 'FeatureCollection', features } })
    const feature = (geometry: Json, properties: Json) => ({ type: 'Feature', geometry, properties })
    const bad = await call(
      'POST',
      '/api/zones/import',
      officer,
      fc([
        feature(square(106.5), { name: 'A', kind: 'a1_only', allowedClasses: 'A1' }),
        feature(bowtie, { name: 'B', kind: 'heritage', allowedClasses: ['A1'] }),
        feature(square(106.6), { name: 'C', kind: 'park', allowedClasses: ['A1'] }),
      ]),
    )
    expect(bad.status).toBe(422)
    expect(paths(bad.json)).toEqual(['features.1.geometry', 'features.2.properties.kind'])
    expect((await call('GET', '/api/zones', viettel)).json.items).toHaveLength(0)
    const ok = await call(
      'POST',
      '/api/zones/import',
      officer,
      fc([feature(square(106.5), { name: 'A', kind: 'a1_only', allowedClasses: 'A1', maxHeightM: 30 })]),
    )
    expect(ok.json).toEqual({ imported: 1, replaced: 0 })
    const rules = (await call('GET', '/api/station-rules', officer)).json
    const put = await call('PUT', '/api/station-rules', officer, {
      ...rules,
      provinceCode: undefined,
      shareDistanceUrbanM: 120,
    })
    expect(put.status).toBe(200)
    expect(put.json.shareDistanceUrbanM).toBe(120)
    await call('PUT', '/api/station-rules', officer, { ...rules, provinceCode: undefined })
  })
})
