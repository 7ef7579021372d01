import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startTestApp, type TestApp } from '../helpers/app'

// The work lists of issue 11: the carrier's applications in progress with counts by state, the department's
// queue filtered by state, carrier and district with a count per value, and the audit trail's filters.

let app: TestApp
let viettel: string
let vnpt: string
let officer: string
let inspector: string
let admin: string

import type { Json } from '../helpers/json'
const get = async (path: string, cookie?: string) => {
  const res = await app.request('GET', path, { cookie })
  return { status: res.status, json: (await res.json()) as Json }
}

/** Places a station of `carrier` in `state`, in district `district`, last changed `changedDaysAgo` days ago. */
async function place(carrier: string, code: string, state: string, district: string, changedDaysAgo = 0) {
  const row = await app.db.one<{ id: number }>(
    `INSERT INTO stations (province_code, carrier_id, site_code, geom, mast_class, mast_height_m, state,
                           district_code, state_since, updated_at, decision_no, decision_date)
     VALUES ('79', (SELECT id FROM carriers WHERE short_name = $1), $2, ST_SetSRID(ST_MakePoint(106.7, 10.78), 4326),
             'A2b', 30, $3, $4, now() - make_interval(days => $5), now() - make_interval(days => $5),
             CASE WHEN $3 = 'approved' THEN 'QĐ-1' END, CASE WHEN $3 = 'approved' THEN current_date END)
     RETURNING id`,
    [carrier, code, state, district, changedDaysAgo],
  )
  return row.id
}

beforeAll(async () => {
  app = await startTestApp()
  viettel = (await app.user('wl-viettel', 'carrier', 'viettel')).cookie
  vnpt = (await app.user('wl-vnpt', 'carrier', 'vnpt')).cookie
  officer = (await app.user('wl-officer', 'officer')).cookie
  inspector = (await app.user('wl-inspector', 'inspector')).cookie
  admin = (await app.user('wl-admin', 'admin')).cookie
  // Viettel: two drafts, one returned, one submitted, one field-checked, one approved today, one approved
  // 70 days ago, three in service. VNPT: one draft, two submitted (districts 760 and 761), one field-checked.
  await place('viettel', 'V-D1', 'draft', '760')
  await place('viettel', 'V-D2', 'draft', '760', 2)
  await place('viettel', 'V-R1', 'returned', '760', 1)
  await place('viettel', 'V-S1', 'submitted', '760', 5)
  await place('viettel', 'V-F1', 'field_checked', '761', 3)
  await place('viettel', 'V-A1', 'approved', '760')
  await place('viettel', 'V-A0', 'approved', '760', 70)
  for (const i of [1, 2, 3]) await place('viettel', `V-I${i}`, 'in_service', '760', 100)
  await place('vnpt', 'N-D1', 'draft', '761')
  await place('vnpt', 'N-S1', 'submitted', '760', 9)
  await place('vnpt', 'N-S2', 'submitted', '761', 4)
  await place('vnpt', 'N-F1', 'field_checked', '761', 2)
})
afterAll(() => app.close())

describe("the carrier's applications", () => {
  it('lists only its own applications in progress, most recently changed first, with counts by state', async () => {
    const r = await get('/api/stations/applications', viettel)
    expect(r.status).toBe(200)
    expect(r.json.items.map((s: Json) => s.siteCode)).toEqual(['V-D1', 'V-R1', 'V-D2', 'V-F1', 'V-S1'])
    expect(r.json.total).toBe(5)
    expect(r.json.counts).toEqual({ open: 5, draft: 2, returned: 1, submitted: 1, field_checked: 1, decided: 1 })
    expect(r.json.items.every((s: Json) => s.operator.shortName === 'viettel')).toBe(true)
  })

  it('shows one state, or what was decided this month, paged', async () => {
    const drafts = await get('/api/stations/applications?group=draft&limit=1&offset=1', viettel)
    expect(drafts.json.items.map((s: Json) => s.siteCode)).toEqual(['V-D2'])
    expect(drafts.json.total).toBe(2)
    const decided = await get('/api/stations/applications?group=decided', viettel)
    expect(decided.json.items.map((s: Json) => s.siteCode)).toEqual(['V-A1'])
    const other = await get('/api/stations/applications?group=draft', vnpt)
    expect(other.json.items.map((s: Json) => s.siteCode)).toEqual(['N-D1'])
  })

  it('is for carriers only and refuses an unknown group', async () => {
    for (const cookie of [officer, inspector, admin])
      expect((await get('/api/stations/applications', cookie)).status).toBe(403)
    expect((await get('/api/stations/applications')).status).toBe(401)
    expect((await get('/api/stations/applications?group=in_service', viettel)).status).toBe(400)
  })
})

describe("the department's queue", () => {
  it('counts each filter value with the other filters applied, longest-waiting first', async () => {
    const all = await get('/api/stations/queue', officer)
    expect(all.status).toBe(200)
    expect(all.json.items.map((s: Json) => s.siteCode)).toEqual(['N-S1', 'V-S1', 'N-S2', 'V-F1', 'N-F1'])
    expect(all.json.total).toBe(5)
    const counts = (facet: Json[]) => Object.fromEntries(facet.map((f) => [f.value, f.n]))
    expect(counts(all.json.facets.state)).toEqual({ submitted: 3, field_checked: 2 })
    expect(counts(all.json.facets.carrier)).toEqual({ vnpt: 3, viettel: 2 })
    expect(counts(all.json.facets.district)).toEqual({ '760': 2, '761': 3 })

    const vnptSubmitted = await get('/api/stations/queue?carrier=vnpt&state=submitted', officer)
    expect(vnptSubmitted.json.items.map((s: Json) => s.siteCode)).toEqual(['N-S1', 'N-S2'])
    expect(vnptSubmitted.json.total).toBe(2)
    // the carrier facet keeps the state filter, the state facet keeps the carrier filter
    expect(counts(vnptSubmitted.json.facets.carrier)).toEqual({ vnpt: 2, viettel: 1 })
    expect(counts(vnptSubmitted.json.facets.state)).toEqual({ submitted: 2, field_checked: 1 })
    expect(counts(vnptSubmitted.json.facets.district)).toEqual({ '760': 1, '761': 1 })

    const paged = await get('/api/stations/queue?district=761&limit=2&offset=1', officer)
    expect(paged.json.items.map((s: Json) => s.siteCode)).toEqual(['V-F1', 'N-F1'])
    expect(paged.json.total).toBe(3)
  })

  it("shows the inspector only what waits for a field check, and never carriers' drafts", async () => {
    const r = await get('/api/stations/queue', inspector)
    expect(r.json.items.map((s: Json) => s.state)).toEqual(['submitted', 'submitted', 'submitted'])
    expect(r.json.facets.state).toEqual([{ value: 'submitted', label: 'submitted', n: 3 }])
    const checked = await get('/api/stations/queue?state=field_checked', inspector)
    expect(checked.json.items).toEqual([])
    expect(checked.json.total).toBe(0)
  })

  it('is closed to carriers and refuses a state that is not a state', async () => {
    expect((await get('/api/stations/queue', viettel)).status).toBe(403)
    expect((await get('/api/stations/queue?state=nonsense', officer)).status).toBe(400)
  })
})

describe('the audit trail filters', () => {
  beforeAll(async () => {
    const insert = `INSERT INTO audit_log (at, actor_name, action, entity, entity_id, before, after)
                    VALUES ($1::timestamptz, $2, $3, $4, $5, $6, $7)`
    await app.db.exec(insert, [
      '2026-03-01T10:00:00+07:00',
      'wl-admin',
      'carrier.update',
      'carrier',
      '1',
      '{"name":"A"}',
      '{"name":"B"}',
    ])
    await app.db.exec(insert, ['2026-03-02T23:30:00+07:00', 'wl-officer', 'approve', 'station', '99999', null, null])
    await app.db.exec(insert, ['2026-03-03T00:30:00+07:00', 'wl-officer', 'return', 'station', '99998', null, null])
  })

  it('filters by actor, action, record kind and Vietnamese days, and keeps before and after', async () => {
    const byActor = await get('/api/audit?actor=wl-officer&from=2026-03-01&to=2026-03-31', officer)
    expect(byActor.json.items.map((e: Json) => e.action)).toEqual(['return', 'approve'])
    const oneDay = await get('/api/audit?from=2026-03-02&to=2026-03-02', officer)
    expect(oneDay.json.items.map((e: Json) => e.action)).toEqual(['approve'])
    const byAction = await get('/api/audit?action=carrier.update&entity=carrier', admin)
    expect(byAction.json.items).toHaveLength(1)
    expect(byAction.json.items[0].before).toEqual({ name: 'A' })
    expect(byAction.json.items[0].after).toEqual({ name: 'B' })
    expect((await get('/api/audit?from=2026-02-30', officer)).status).toBe(400)
  })

  it('answers the values each filter can take, to staff who read the trail only', async () => {
    const f = await get('/api/audit/facets', officer)
    expect(f.status).toBe(200)
    expect(f.json.actions).toEqual(expect.arrayContaining(['approve', 'carrier.update', 'return']))
    expect(f.json.entities).toEqual(expect.arrayContaining(['carrier', 'station']))
    expect(f.json.actors).toEqual(expect.arrayContaining(['wl-admin', 'wl-officer']))
    expect(f.json.actions).toEqual([...f.json.actions].sort())
    for (const cookie of [viettel, inspector]) expect((await get('/api/audit/facets', cookie)).status).toBe(403)
  })
})
