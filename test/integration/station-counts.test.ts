import fs from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startTestApp, type TestApp } from '../helpers/app'
import { generateProvince } from '../../gis-data/province'
import { importBoundaries } from '../../server/boundaries/import'
import type { SessionUser } from '../../server/http/context'
import { LIST_EVENTS } from '../../server/planning/sql'
import type { Json } from '../helpers/json'

// The station counts (migration 081) after each kind of write, against COUNT(*) over the stations that shares
// nothing with them; and the pages that read them (list totals, the open-data count, an event's stations) against
// the same scan.

const ADMIN = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../shared/data/admin')
const hcmc = () => JSON.parse(fs.readFileSync(path.join(ADMIN, '79_hcmc_districts.geojson'), 'utf8'))

let app: TestApp
let viettel: string, mobifone: string, officer: string
let center: { lon: number; lat: number }
let seq = 0

/** Every key of the counts with its number, from the counts and from a scan of the stations. */
async function expectCountsEqualScan(label: string): Promise<void> {
  const counts = await app.db.many(
    `SELECT province_code, carrier_id, state, district_code, mast_class, temporary, valid_to::text, event_id, n
       FROM station_counts WHERE n <> 0 ORDER BY 1, 2, 3, 4, 5, 6, 7, 8`,
  )
  const scan = await app.db.many(
    `SELECT province_code, carrier_id, state, coalesce(district_code, '') AS district_code, mast_class, temporary,
            (CASE WHEN temporary THEN valid_to ELSE '-infinity' END)::text AS valid_to,
            coalesce(event_id, 0) AS event_id, count(*)::int AS n
       FROM stations GROUP BY 1, 2, 3, 4, 5, 6, 7, 8 ORDER BY 1, 2, 3, 4, 5, 6, 7, 8`,
  )
  expect(counts, label).toEqual(scan)
  const negative = await app.db.one<{ n: number }>('SELECT count(*) AS n FROM station_counts WHERE n < 0')
  expect(negative.n, label).toBe(0)
}

async function total(pathAndQuery: string, cookie: string): Promise<number> {
  const res = await app.request('GET', pathAndQuery, { cookie })
  expect(res.status, pathAndQuery).toBe(200)
  return ((await res.json()) as Json).total
}

const scanCount = async (where: string, params: unknown[] = []) =>
  (
    await app.db.one<{ n: number }>(
      `SELECT count(*) AS n FROM stations s JOIN carriers c ON c.id = s.carrier_id WHERE ${where}`,
      params,
    )
  ).n

/** The pages reading the counts answer what a scan of the stations answers. */
async function expectPagesEqualScan(label: string): Promise<void> {
  const busiest = await app.db.maybeOne<{ code: string }>(
    `SELECT district_code AS code FROM stations WHERE district_code IS NOT NULL
      GROUP BY 1 ORDER BY count(*) DESC, 1 LIMIT 1`,
  )
  const district = busiest?.code ?? '760'
  expect(await total('/api/stations?limit=5', officer), label).toBe(
    await scanCount(`s.province_code = '79' AND s.state <> 'draft'`),
  )
  expect(await total(`/api/stations?operator=viettel&state=in_service&district=${district}`, officer), label).toBe(
    await scanCount(
      `s.province_code = '79' AND s.state <> 'draft' AND c.short_name = 'viettel' AND s.state = 'in_service'
       AND s.district_code = $1`,
      [district],
    ),
  )
  expect(await total('/api/stations?mastClass=A2a&temporary=false', officer), label).toBe(
    await scanCount(`s.province_code = '79' AND s.state <> 'draft' AND s.mast_class = 'A2a' AND NOT s.temporary`),
  )
  expect(await total('/api/stations?state=draft', viettel), label).toBe(
    await scanCount(`s.province_code = '79' AND c.short_name = 'viettel' AND s.state = 'draft'`),
  )
  const open = await app.request('GET', '/api/open-data', {})
  if (open.status === 200)
    expect(((await open.json()) as Json).count, label).toBe(
      await scanCount(
        `s.province_code = '79' AND s.state = 'in_service' AND (NOT s.temporary OR s.valid_to >= current_date)`,
      ),
    )
  for (const e of await app.db.many<{ id: number; stations: number }>(LIST_EVENTS, ['79']))
    expect(e.stations, `${label}: event ${e.id}`).toBe(
      await scanCount(`s.event_id = $1 AND s.state <> 'draft'`, [e.id]),
    )
}

async function draft(cookie: string, over: Json = {}): Promise<number> {
  seq++
  const res = await app.request('POST', '/api/stations', {
    cookie,
    body: {
      siteCode: `CNT-${seq}`,
      address: `${seq} Lê Lợi`,
      position: { lon: center.lon + (seq % 5) * 0.01 - 0.02, lat: center.lat + Math.floor(seq / 5) * 0.01 - 0.02 },
      mastClass: 'A2a',
      mastHeightM: 12,
      buildingHeightM: 20,
      technologies: ['4G'],
      ...over,
    },
  })
  const json = (await res.json()) as Json
  expect(res.status, JSON.stringify(json)).toBe(201)
  return json.id
}

async function act(id: number, cookie: string, body: Json): Promise<void> {
  const { version } = await app.db.one<{ version: number }>('SELECT version FROM stations WHERE id = $1', [id])
  const res = await app.request('POST', `/api/stations/${id}/transitions`, { cookie, body: { version, ...body } })
  expect(res.status, JSON.stringify(await res.clone().json())).toBe(200)
}

/** Through the workflow to in service. */
async function putInService(id: number, carrier: string): Promise<void> {
  await act(id, carrier, { action: 'submit' })
  await act(id, officer, { action: 'skip_field_check', reason: 'Vị trí đã kiểm tra năm 2024' })
  await act(id, officer, { action: 'approve', decisionNo: `${id}/QĐ`, decisionDate: '2025-03-01' })
  await act(id, carrier, { action: 'report_built' })
  // the carrier's report asks for the post-construction inspection (issue 13); the officer waives it here
  await act(id, carrier, { action: 'report_in_service' })
  await act(id, officer, { action: 'waive_inspection', reason: 'Đã kiểm tra cùng đợt nghiệm thu 2025' })
}

beforeAll(async () => {
  app = await startTestApp()
  await generateProvince(app.db, '79', 20_170_601)
  center = await app.db.one(
    `SELECT ST_X(p) AS lon, ST_Y(p) AS lat
       FROM (SELECT ST_PointOnSurface(geom) AS p FROM admin_units WHERE code = '760') t`,
  )
  ;({ cookie: viettel } = await app.user('viettel.cnt', 'carrier', 'viettel'))
  ;({ cookie: mobifone } = await app.user('mobifone.cnt', 'carrier', 'mobifone'))
  ;({ cookie: officer } = await app.user('officer.cnt', 'officer'))
  await app.user('boundary.cnt', 'admin')
}, 300_000)
afterAll(() => app?.close())

describe('the station counts stay equal to COUNT(*) over the stations', () => {
  it('after creates, transitions, a decommission, temporary stations, deletes, a boundary import', async () => {
    await expectCountsEqualScan('empty')
    // creates through the API (drafts of two carriers), then the workflow
    const ids = [
      await draft(viettel),
      await draft(viettel, { mastClass: 'A2b', buildingHeightM: undefined }),
      await draft(viettel),
      await draft(mobifone),
      await draft(mobifone),
    ]
    await expectCountsEqualScan('drafts')
    await expectPagesEqualScan('drafts')
    await putInService(ids[0]!, viettel)
    await putInService(ids[3]!, mobifone)
    await act(ids[1]!, viettel, { action: 'submit' })
    await act(ids[4]!, mobifone, { action: 'submit' })
    await act(ids[4]!, officer, { action: 'return', note: 'Thiếu hồ sơ' })
    await expectCountsEqualScan('transitions')
    await expectPagesEqualScan('transitions')
    // a decommission (the station leaves the public count), an edit that moves a draft
    await act(ids[3]!, officer, { action: 'decommission', note: 'Tháo dỡ' })
    await app.db.exec(`UPDATE stations SET rules_checked_at = now() WHERE id = ANY ($1::bigint[])`, [ids])
    await expectCountsEqualScan('decommission')
    await expectPagesEqualScan('decommission')
    // temporary stations of an event: one still valid, one past its end date (public while valid only)
    const event = await app.db.one<{ id: number }>(
      `INSERT INTO station_events (province_code, name, starts_on, ends_on) VALUES ('79', 'Lễ hội', '2025-01-01',
       '2099-01-01') RETURNING id`,
    )
    await app.db.exec(
      `INSERT INTO stations (province_code, carrier_id, site_code, geom, district_code, mast_class, mast_height_m,
                             technologies, state, temporary, mobile, event_id, valid_from, valid_to)
       SELECT '79', c.id, 'TMP-' || k, ST_SetSRID(ST_MakePoint($1 + k * 0.001, $2), 4326), '760', 'A2b', 9, '{4G}',
              'in_service', true, true, $3, date '2025-01-01', CASE WHEN k = 1 THEN date '2025-02-01'
                                                                     ELSE date '2099-01-01' END
         FROM carriers c, generate_series(1, 2) k WHERE c.short_name = 'viettel'`,
      [center.lon, center.lat, event.id],
    )
    await app.db.exec(`UPDATE stations SET event_id = $1 WHERE id = $2`, [event.id, ids[2]])
    await expectCountsEqualScan('event')
    await expectPagesEqualScan('event')
    // a boundary import: every station of the province gets the district in force today that holds it
    const actor = await app.db.one<SessionUser>(`SELECT id, username, role FROM users WHERE username = 'boundary.cnt'`)
    const before = await app.db.many('SELECT id, district_code FROM stations ORDER BY id')
    const report = (await importBoundaries(
      app.db,
      {
        level: 'district',
        provinceCode: '79',
        validFrom: '2025-03-01',
        fileName: '79_hcmc_districts.geojson',
        featureCollection: hcmc(),
      },
      actor,
    )) as unknown as Json
    expect(report.status, JSON.stringify(report).slice(0, 500)).toBe('imported')
    const after = await app.db.many('SELECT id, district_code FROM stations ORDER BY id')
    expect(after, 'the import moved stations between districts').not.toEqual(before)
    await expectCountsEqualScan('boundary import')
    await expectPagesEqualScan('boundary import')
    // deletes (a draft, the event's stations)
    await app.db.exec(`DELETE FROM stations WHERE id = $1 OR event_id = $2`, [ids[2], event.id])
    await expectCountsEqualScan('deletes')
    await expectPagesEqualScan('deletes')
  }, 600_000)

  it('a rejected write changes nothing in the counts', async () => {
    await draft(viettel)
    const before = await app.db.many('SELECT * FROM station_counts ORDER BY 1, 2, 3, 4, 5, 6, 7, 8')
    const res = await app.request('POST', '/api/stations', {
      cookie: viettel,
      body: { siteCode: 'x', position: { lon: 0, lat: 0 }, mastClass: 'A2a', mastHeightM: 12, technologies: [] },
    })
    expect(res.status).toBe(400)
    await expect(
      app.db.transaction(async (tx) => {
        await tx.exec(`UPDATE stations SET state = 'in_service' WHERE province_code = '79'`)
        throw new Error('rolled back')
      }),
    ).rejects.toThrow('rolled back')
    expect(await app.db.many('SELECT * FROM station_counts ORDER BY 1, 2, 3, 4, 5, 6, 7, 8')).toEqual(before)
  })
})
