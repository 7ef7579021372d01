import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { startTestApp, type TestApp } from '../helpers/app'
import { generateProvince } from '../../gis-data/province'
import { demoPhoto } from '../../gis-data/conversions'
import type { Json } from '../helpers/json'

let app: TestApp
let viettel: string, mobifone: string, inspector: string, officer: string, admin: string
let programmeId: number
let world = 0
const PNG = demoPhoto()
// Each test has a world of its own (beforeEach): its own programme and these masts, under site codes of its own
// (see code()), so no test depends on what another did to an item or a mast.
// Three Viettel masts and one MobiFone mast in district 760, plus a MobiFone mast with the same code as a Viettel one.
const SITES = [
  ['viettel', 'VT-A', 'A2a', 18, 30, 0],
  ['viettel', 'VT-B', 'A2b', 42, null, 1],
  ['viettel', 'VT-C', 'A2a', 16, 25, 2],
  ['mobifone', 'MB-A', 'A2a', 17, 28, 3],
  ['mobifone', 'VT-C', 'A2b', 40, null, 4],
] as const
let centre: { lon: number; lat: number }
/** This test's site code for a code of SITES. */
const code = (site: string) => `W${world}-${site}`
/** This test's masts lie on their own parallel, about 220 m north of the previous test's. */
const worldLat = () => centre.lat + world * 0.002

async function call(
  method: string,
  path: string,
  cookie?: string,
  body?: unknown,
): Promise<{ status: number; json: Json }> {
  const res = await app.request(method, path, { cookie, body })
  const text = await res.text()
  return { status: res.status, json: text ? JSON.parse(text) : {} }
}
async function upload(itemId: number, cookie: string, bytes: Buffer, type = 'image/jpeg') {
  const res = await fetch(`${app.url}/api/conversions/items/${itemId}/photos`, {
    method: 'POST',
    headers: { cookie, 'content-type': type },
    body: new Uint8Array(bytes),
  })
  return { status: res.status, json: (await res.json()) as Json }
}
const station = (site: string, carrier = 'viettel') =>
  app.db.one<{ id: number; mastClass: string; mastHeightM: number; version: number; camouflageKind: string | null }>(
    `SELECT s.id, mast_class AS "mastClass", mast_height_m AS "mastHeightM", version,
            camouflage_kind AS "camouflageKind"
       FROM stations s JOIN carriers c ON c.id = s.carrier_id WHERE site_code = $1 AND c.short_name = $2`,
    [code(site), carrier],
  )
const item = (site: string) =>
  app.db.one<{ id: number; version: number; status: string }>(
    `SELECT i.id, i.version, i.status FROM conversion_items i JOIN stations s ON s.id = i.station_id
      WHERE s.site_code = $1 AND i.programme_id = $2 ORDER BY i.id LIMIT 1`,
    [code(site), programmeId],
  )
const count = async (sql: string, params: unknown[] = []) =>
  (await app.db.one<{ n: number }>(`SELECT count(*) AS n FROM ${sql}`, params)).n

beforeAll(async () => {
  app = await startTestApp()
  await generateProvince(app.db, '79', 20_170_601)
  centre = await app.db.one(
    `SELECT ST_X(p) AS lon, ST_Y(p) AS lat
       FROM (SELECT ST_PointOnSurface(geom) AS p FROM admin_units WHERE code = '760' AND valid_to IS NULL) t`,
  )
  ;({ cookie: viettel } = await app.user('viettel.eng', 'carrier', 'viettel'))
  ;({ cookie: mobifone } = await app.user('mobifone.eng', 'carrier', 'mobifone'))
  ;({ cookie: inspector } = await app.user('insp', 'inspector'))
  ;({ cookie: officer } = await app.user('officer.one', 'officer'))
  ;({ cookie: admin } = await app.user('root.admin', 'admin'))
})
afterAll(async () => {
  await app?.close()
})
beforeEach(async () => {
  world += 1
  for (const [carrier, site, cls, h, building, k] of SITES) {
    // 400 m apart along the parallel, so a position with a 30 m tolerance finds exactly one.
    await app.db.exec(
      `INSERT INTO stations (province_code, carrier_id, site_code, geom, district_code, mast_class, mast_height_m,
                            building_height_m, state, decision_no, decision_date)
       SELECT '79', c.id, $2, ST_SetSRID(ST_MakePoint($3, $4), 4326), '760', $5, $6, $7,
              'in_service', '1/QĐ', '2015-01-01'
         FROM carriers c WHERE c.short_name = $1`,
      [carrier, code(site), centre.lon + k * 0.0037, worldLat(), cls, h, building],
    )
  }
  const created = await call('POST', '/api/conversions/programmes', officer, {
    name: `Chuyển đổi thử ${world}`,
    decisionNo: '2456/QĐ-UBND',
    decisionDate: '2017-05-12',
    startsOn: '2017-01-01',
    heightToleranceM: 0.5,
    phases: [
      { name: 'GĐ 1', deadline: '2020-12-31', cumulativeTarget: 2 },
      { name: 'GĐ 2', deadline: '2030-12-31', cumulativeTarget: 4 },
    ],
  })
  expect(created.status).toBe(201)
  programmeId = created.json.id
})

const importCsv = (csv: string, extra: Json = {}) =>
  call('POST', `/api/conversions/programmes/${programmeId}/import`, officer, { format: 'csv', content: csv, ...extra })

describe('importing a programme list', () => {
  const good = () =>
    'station_code,carrier,kind,to_class,to_height_m,design,phase\n' +
    `${code('VT-A')},,lower,,12,,1\n${code('VT-B')},,camouflage,A1c,10,palm_tree,1\n`

  it('reports unmatched, ambiguous and invalid rows with line and reason, and imports nothing', async () => {
    const csv =
      `${good()}NO-SUCH,,lower,,12,,1\n${code('VT-C')},,lower,,12,,2\n` +
      `${code('MB-A')},mobifone,lower,,20,,2\n${code('MB-A')},mobifone,camouflage,A1c,9,,9\n`
    const res = await importCsv(csv)
    expect(res.status).toBe(422)
    const byLine = Object.fromEntries(res.json.report.problems.map((p: Json) => [p.line, p.reason]))
    expect(Object.keys(byLine).map(Number)).toEqual([4, 5, 6, 7])
    expect(byLine[4]).toMatch(/^unmatched: no station with code NO-SUCH/)
    expect(byLine[5]).toMatch(new RegExp(`^ambiguous: 2 stations match code ${code('VT-C')}`))
    expect(byLine[6]).toContain("to_height_m 20 is not lower than the mast's 17 m")
    expect(byLine[7]).toContain('no phase 9')
    expect(byLine[7]).toContain('a camouflaged mast names its design')
    expect(res.json.errors.map((e: Json) => e.path)).toEqual(['line.4', 'line.5', 'line.6', 'line.7'])
    expect(await count('conversion_items WHERE programme_id = $1', [programmeId])).toBe(0)
  })

  it('refuses to skip a line that is not in the file', async () => {
    const res = await importCsv(good(), { skip: [40] })
    expect(res.status).toBe(422)
    expect(res.json.report.problems[0]).toEqual({ line: 40, reason: 'line 40 named in skip is not a row of the file' })
  })

  it('imports the clean rows when the officer names the bad ones in skip, all in one go', async () => {
    const res = await importCsv(`${good()}NO-SUCH,,lower,,12,,1\n${code('VT-C')},viettel,lower,,12,,2\n`, { skip: [4] })
    expect(res.status).toBe(201)
    expect(res.json).toMatchObject({ rows: 4, imported: 3, skipped: [4], problems: [] })
    expect(await count('conversion_items WHERE programme_id = $1', [programmeId])).toBe(3)
    expect(await count(`audit_log WHERE action = 'conversion.import' AND entity_id = $1`, [String(programmeId)])).toBe(
      1,
    )
  })

  it('matches GeoJSON rows by position within the tolerance and refuses a station already listed', async () => {
    expect((await importCsv(good())).status).toBe(201)
    const feature = (lon: number, lat: number, props: Json) => ({
      type: 'Feature',
      geometry: { type: 'Point', coordinates: [lon, lat] },
      properties: props,
    })
    // ~11 m from MB-A
    const near = feature(centre.lon + 3 * 0.0037 + 0.0001, worldLat(), { kind: 'lower', to_height_m: 12, phase: 2 })
    const far = feature(centre.lon + 10 * 0.0037, worldLat(), { kind: 'lower', to_height_m: 12, phase: 2 })
    const again = feature(centre.lon, worldLat(), { kind: 'lower', to_height_m: 12, phase: 2 }) // VT-A, already in
    const fc = (features: unknown[]) => JSON.stringify({ type: 'FeatureCollection', features })
    const bad = await call('POST', `/api/conversions/programmes/${programmeId}/import`, officer, {
      format: 'geojson',
      content: fc([near, far, again]),
      toleranceM: 30,
    })
    expect(bad.status).toBe(422)
    expect(bad.json.report.problems.map((p: Json) => [p.line, p.reason.split(':')[0]])).toEqual([
      [2, 'unmatched'],
      [3, `station ${code('VT-A')} is already in the programme`],
    ])
    const ok = await call('POST', `/api/conversions/programmes/${programmeId}/import`, officer, {
      format: 'geojson',
      content: fc([near]),
      toleranceM: 30,
    })
    expect(ok.status).toBe(201)
    expect(ok.json.imported).toBe(1)
  })
})

/** Lists this test's four Viettel and MobiFone masts in its programme, as the officer's import would. */
async function listAll() {
  const res = await importCsv(
    'station_code,carrier,kind,to_class,to_height_m,design,phase\n' +
      `${code('VT-A')},,lower,,12,,1\n${code('VT-B')},,camouflage,A1c,10,palm_tree,1\n` +
      `${code('VT-C')},viettel,lower,,12,,2\n${code('MB-A')},mobifone,lower,,12,,2\n`,
  )
  expect(res.status).toBe(201)
}

/** Reports an item with an after-photo and has the officer send it back: an open item with a photo. */
async function returned(site: string) {
  const listed = await item(site)
  expect((await upload(listed.id, viettel, PNG)).status).toBe(201)
  const rep = await call('POST', `/api/conversions/items/${listed.id}/transitions`, viettel, {
    action: 'report',
    version: listed.version,
    measuredHeightM: 12,
    completedOn: '2026-02-01',
  })
  expect(rep.status).toBe(200)
  const back = await call('POST', `/api/conversions/items/${listed.id}/transitions`, officer, {
    action: 'return',
    version: rep.json.version,
    reasons: ['Ảnh không rõ'],
  })
  expect(back.status).toBe(200)
  return item(site)
}

describe('an item from report to verification', () => {
  beforeEach(listAll)

  it('will not take a report without an after-photo', async () => {
    const it1 = await item('VT-A')
    const res = await call('POST', `/api/conversions/items/${it1.id}/transitions`, viettel, {
      action: 'report',
      version: it1.version,
      measuredHeightM: 12,
      completedOn: '2026-01-05',
    })
    expect(res.status).toBe(422)
    expect(res.json.errors[0].path).toBe('photos')
  })

  it('accepts photos by content: 415 for other types whatever their name, 413 above the limit', async () => {
    const it1 = await item('VT-A')
    expect((await upload(it1.id, viettel, Buffer.from('GIF89a not a jpeg at all'), 'image/jpeg')).status).toBe(415)
    const huge = Buffer.alloc(8 * 1024 * 1024 + 10, 0xff)
    const tooBig = await upload(it1.id, viettel, huge)
    expect(tooBig.status).toBe(413)
    // no Accept-Language: the answer is Vietnamese, the product's first language
    expect(tooBig.json).toMatchObject({ title: 'Dữ liệu gửi quá lớn', code: 'photo.too_large' })
    const ok = await upload(it1.id, viettel, PNG, 'application/octet-stream')
    expect(ok.status).toBe(201)
    expect(ok.json.mediaType).toBe('image/png')
    const served = await fetch(`${app.url}/api/conversions/photos/${ok.json.id}`, { headers: { cookie: inspector } })
    expect(served.headers.get('content-type')).toBe('image/png')
    expect(Buffer.from(await served.arrayBuffer()).equals(PNG)).toBe(true)
  })

  it('fails the verification itself when the measured height is over target by more than the tolerance', async () => {
    const before = await station('VT-A')
    let it1 = await item('VT-A')
    expect((await upload(it1.id, viettel, PNG)).status).toBe(201)
    const reported = await call('POST', `/api/conversions/items/${it1.id}/transitions`, viettel, {
      action: 'report',
      version: it1.version,
      measuredHeightM: 12.6,
      completedOn: '2026-01-05',
    })
    expect(reported.status).toBe(200)
    expect(reported.json.status).toBe('reported')
    const verified = await call('POST', `/api/conversions/items/${it1.id}/transitions`, inspector, {
      action: 'verify',
      version: reported.json.version,
    })
    expect(verified.status).toBe(200)
    expect(verified.json.status).toBe('returned')
    expect(verified.json.returnReasons[0]).toContain(
      'Measured height 12.6 m exceeds the 12 m target by 0.6 m (tolerance 0.5 m)',
    )
    expect(await station('VT-A')).toEqual(before)
    it1 = await item('VT-A')
    expect(
      await count(
        `audit_log WHERE entity = 'conversion_item' AND entity_id = $1 AND action = 'conversion.fail_verification'`,
        [String(it1.id)],
      ),
    ).toBe(1)
  })

  it('answers 409 to a stale version and changes the station only on verification, with its history', async () => {
    const before = await station('VT-A')
    const it1 = await item('VT-A')
    expect((await upload(it1.id, viettel, PNG)).status).toBe(201)
    const again = await call('POST', `/api/conversions/items/${it1.id}/transitions`, viettel, {
      action: 'report',
      version: it1.version,
      measuredHeightM: 12.3,
      completedOn: '2026-01-06',
    })
    expect(again.json.status).toBe('reported')
    expect(await station('VT-A')).toEqual(before)
    const stale = await call('POST', `/api/conversions/items/${it1.id}/transitions`, inspector, {
      action: 'verify',
      version: it1.version,
    })
    expect(stale.status).toBe(409)
    const ok = await call('POST', `/api/conversions/items/${it1.id}/transitions`, inspector, {
      action: 'verify',
      version: again.json.version,
    })
    expect(ok.status).toBe(200)
    expect(ok.json.status).toBe('verified')
    const after = await station('VT-A')
    expect(after).toMatchObject({ mastClass: 'A2a', mastHeightM: 12.3, version: before.version + 1 })
    const history = await app.db.one<Json>(
      `SELECT action, actor_name AS actor, note, snapshot FROM station_history
        WHERE station_id = $1 ORDER BY version DESC LIMIT 1`,
      [after.id],
    )
    expect(history).toMatchObject({ action: 'conversion_verified', actor: 'insp' })
    expect(history.note).toContain('A2a 18 m → A2a 12.3 m')
    expect(
      await count(`audit_log WHERE entity = 'station' AND entity_id = $1 AND action = 'station.conversion_verified'`, [
        String(after.id),
      ]),
    ).toBe(1)
  })

  it('converts a bulky mast to a camouflaged one on verification', async () => {
    const b = await item('VT-B')
    await upload(b.id, viettel, PNG)
    const rep = await call('POST', `/api/conversions/items/${b.id}/transitions`, viettel, {
      action: 'report',
      version: b.version,
      measuredHeightM: 9.8,
      completedOn: '2026-02-01',
    })
    expect((await station('VT-B')).mastClass).toBe('A2b')
    const ok = await call('POST', `/api/conversions/items/${b.id}/transitions`, inspector, {
      action: 'verify',
      version: rep.json.version,
      inspectedHeightM: 10.2,
    })
    expect(ok.json.status).toBe('verified')
    expect(await station('VT-B')).toMatchObject({ mastClass: 'A1c', camouflageKind: 'palm_tree', mastHeightM: 10.2 })
  })

  it('sends an item back with reasons and leaves the station as it was', async () => {
    const c = await item('VT-C')
    const before = await station('VT-C')
    await upload(c.id, viettel, PNG)
    const rep = await call('POST', `/api/conversions/items/${c.id}/transitions`, viettel, {
      action: 'report',
      version: c.version,
      measuredHeightM: 12,
      completedOn: '2026-02-01',
    })
    const back = await call('POST', `/api/conversions/items/${c.id}/transitions`, officer, {
      action: 'return',
      version: rep.json.version,
      reasons: ['Ảnh không rõ'],
    })
    expect(back.json).toMatchObject({ status: 'returned', returnReasons: ['Ảnh không rõ'] })
    expect(await station('VT-C')).toEqual(before)
  })

  it('refuses to change the class or height of a mast with an open item outside verification', async () => {
    await returned('VT-C')
    const before = await station('VT-C')
    const height = await call('PATCH', `/api/stations/${before.id}`, officer, {
      version: before.version,
      mastHeightM: 12,
    })
    expect(height.status).toBe(409)
    expect(height.json.code).toBe('station.in_programme')
    expect(height.json.detail).toContain('chương trình cải tạo')
    expect(await station('VT-C')).toEqual(before)
    const address = await call('PATCH', `/api/stations/${before.id}`, officer, {
      version: before.version,
      address: '12 Lê Duẩn',
    })
    expect(address.status).toBe(200)
  })
})

describe('carrier isolation and roles, route by route', () => {
  beforeEach(listAll)

  it('keeps another carrier out of every item route with 404 and lists only its own', async () => {
    const a = await returned('VT-C')
    const photo = await app.db.one<{ id: number }>('SELECT id FROM conversion_photos WHERE item_id = $1 LIMIT 1', [
      a.id,
    ])
    expect((await call('GET', `/api/conversions/items/${a.id}`, mobifone)).status).toBe(404)
    expect(
      (
        await call('POST', `/api/conversions/items/${a.id}/transitions`, mobifone, {
          action: 'start',
          version: a.version,
        })
      ).status,
    ).toBe(404)
    expect((await upload(a.id, mobifone, PNG)).status).toBe(404)
    expect(
      (await fetch(`${app.url}/api/conversions/photos/${photo.id}`, { headers: { cookie: mobifone } })).status,
    ).toBe(404)
    const csv = await call('POST', '/api/conversions/items/status-csv', mobifone, {
      csv: `item_id,action\n${a.id},start\n`,
    })
    expect(csv.status).toBe(422)
    expect(csv.json.errors[0]).toEqual({ path: 'line.2', message: `no item ${a.id} of yours` })
    const list = await call('GET', `/api/conversions/items?programme=${programmeId}`, mobifone)
    expect(list.json.items.map((i: Json) => i.carrier.shortName)).toEqual(['mobifone'])
    const layer = await call('GET', `/api/conversions/items.geojson?programme=${programmeId}`, mobifone)
    expect(layer.json.features.map((f: Json) => f.properties.carrier)).toEqual(['mobifone'])
    const dash = await call('GET', `/api/conversions/programmes/${programmeId}/dashboard`, mobifone)
    expect(dash.json.totals.items).toBe(1)
    expect(dash.json.byCarrier.map((c: Json) => c.shortName)).toEqual(['mobifone'])
  })

  it('lets each role take only its own steps', async () => {
    const a = await returned('VT-C')
    const expectStatus = async (cookie: string, body: Json, status: number) =>
      expect((await call('POST', `/api/conversions/items/${a.id}/transitions`, cookie, body)).status).toBe(status)
    await expectStatus(inspector, { action: 'start', version: a.version }, 403)
    await expectStatus(
      officer,
      { action: 'report', version: a.version, measuredHeightM: 12, completedOn: '2026-01-01' },
      403,
    )
    await expectStatus(viettel, { action: 'verify', version: a.version }, 403)
    await expectStatus(admin, { action: 'verify', version: a.version }, 403)
    expect((await upload(a.id, officer, PNG)).status).toBe(403)
    expect(
      (await call('POST', '/api/conversions/items/status-csv', inspector, { csv: 'item_id,action\n1,start\n' })).status,
    ).toBe(403)
    for (const cookie of [viettel, inspector]) {
      expect(
        (
          await call('POST', `/api/conversions/programmes/${programmeId}/import`, cookie, {
            format: 'csv',
            content: 'x',
          })
        ).status,
      ).toBe(403)
      expect(
        (
          await call('POST', '/api/conversions/programmes', cookie, {
            name: 'x',
            decisionNo: '1',
            decisionDate: '2020-01-01',
            startsOn: '2020-01-01',
            phases: [{ name: 'a', deadline: '2021-01-01', cumulativeTarget: 1 }],
          })
        ).status,
      ).toBe(403)
      expect(
        (await call('PATCH', `/api/conversions/programmes/${programmeId}`, cookie, { version: 1, heightToleranceM: 1 }))
          .status,
      ).toBe(403)
    }
  })

  it('asks everyone who is not signed in to sign in, on every route', async () => {
    const routes: [string, string][] = [
      ['GET', '/api/conversions/programmes'],
      ['POST', '/api/conversions/programmes'],
      ['GET', `/api/conversions/programmes/${programmeId}`],
      ['PATCH', `/api/conversions/programmes/${programmeId}`],
      ['POST', `/api/conversions/programmes/${programmeId}/import`],
      ['GET', `/api/conversions/programmes/${programmeId}/dashboard`],
      ['GET', `/api/conversions/items?programme=${programmeId}`],
      ['GET', `/api/conversions/items.geojson?programme=${programmeId}`],
      ['POST', '/api/conversions/items/status-csv'],
      ['GET', '/api/conversions/items/1'],
      ['POST', '/api/conversions/items/1/transitions'],
      ['POST', '/api/conversions/items/1/photos'],
      ['GET', '/api/conversions/photos/1'],
    ]
    for (const [method, path] of routes)
      expect([method, path, (await call(method, path, undefined, method === 'GET' ? undefined : {})).status]).toEqual([
        method,
        path,
        401,
      ])
  })
})

describe("a carrier's CSV of status updates", () => {
  beforeEach(listAll)

  it('reports each bad line and changes nothing, then applies a clean file', async () => {
    const c = await returned('VT-C')
    const bad = await call('POST', '/api/conversions/items/status-csv', viettel, {
      csv: `item_id,action,measured_height_m,completed_on\n${c.id},report,abc,2026-01-01\n999999,start,,\n`,
    })
    expect(bad.status).toBe(422)
    expect(bad.json.errors).toEqual([
      { path: 'line.2', message: 'measured_height_m must be a height in metres (more than 0, at most 150)' },
      { path: 'line.3', message: 'no item 999999 of yours' },
    ])
    expect((await item('VT-C')).status).toBe('returned')
    const ok = await call('POST', '/api/conversions/items/status-csv', viettel, {
      csv: `item_id,action,measured_height_m,completed_on\n${c.id},report,"11,9",2026-03-01\n`,
    })
    expect(ok.status).toBe(200)
    expect(ok.json.items[0]).toMatchObject({ status: 'reported', measuredHeightM: 11.9 })
  })
})
