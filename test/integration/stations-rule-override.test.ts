import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startTestApp, type TestApp } from '../helpers/app'
import { generateProvince } from '../../gis-data/province'
import type { Json } from '../helpers/json'

// Issue 11: an application failing a site rule goes on (submit, approve) only with an exception reason, and the
// override is recorded on the station and in the audit trail.
let app: TestApp
let viettel: string, mobifone: string, officer: string
let center: { lon: number; lat: number }
let seq = 0

beforeAll(async () => {
  app = await startTestApp()
  await generateProvince(app.db, '79', 20_170_601)
  center = await app.db.one(
    `SELECT ST_X(p) AS lon, ST_Y(p) AS lat
       FROM (SELECT ST_PointOnSurface(geom) AS p FROM admin_units WHERE code = '760') t`,
  )
  ;({ cookie: viettel } = await app.user('viettel.ovr', 'carrier', 'viettel'))
  ;({ cookie: mobifone } = await app.user('mobifone.ovr', 'carrier', 'mobifone'))
  ;({ cookie: officer } = await app.user('officer.ovr', 'officer'))
})
afterAll(async () => {
  await app?.close()
})

async function call(method: string, path: string, cookie: string, body?: unknown, lang?: string) {
  const res = await app.request(method, path, { cookie, body, headers: lang ? { 'Accept-Language': lang } : {} })
  return { status: res.status, json: (await res.json()) as Json, language: res.headers.get('content-language') }
}

async function act(id: number, cookie: string, body: Json, lang?: string) {
  const { version } = await app.db.one<{ version: number }>('SELECT version FROM stations WHERE id = $1', [id])
  return call('POST', `/api/stations/${id}/transitions`, cookie, { version, ...body }, lang)
}

/** A draft of viettel's at `dx` metres east of a spot of its own, about 1 km from the others. */
async function draftAt(spot: number, dx: number): Promise<Json> {
  seq++
  const lon = center.lon + spot * 0.01 - 0.02 + dx / 109_000
  const r = await call('POST', '/api/stations', viettel, {
    siteCode: `OVR-${seq}`,
    address: `${seq} Nguyễn Huệ`,
    position: { lon, lat: center.lat - 0.02 },
    mastClass: 'A2a',
    mastHeightM: 12,
    buildingHeightM: 20,
    technologies: ['4G'],
  })
  expect(r.status, JSON.stringify(r.json)).toBe(201)
  return r.json
}

async function overrideRows(id: number) {
  return app.db.many<{ actor_name: string; after: Json }>(
    `SELECT actor_name, after FROM audit_log WHERE entity = 'station' AND entity_id = $1
        AND action = 'station.rule_override' ORDER BY id`,
    [String(id)],
  )
}

/** A draft failing the duplicate rule: 10 m from a submitted site of the same carrier. */
async function failingDraft(spot: number): Promise<Json> {
  const first = await draftAt(spot, 0)
  expect((await act(first.id, viettel, { action: 'submit' })).status).toBe(200)
  const second = await draftAt(spot, 10)
  const failed = (second.ruleResults as Json[]).filter((r) => r.outcome === 'fail').map((r) => r.rule)
  expect(failed).toContain('duplicate')
  return second
}

describe('an application that fails a rule', () => {
  it('is not submitted without an exception reason: 422 naming the rules, in Vietnamese unless asked', async () => {
    const s = await failingDraft(0)
    const vi = await act(s.id, viettel, { action: 'submit' }, 'vi')
    expect(vi.status).toBe(422)
    expect(vi.language).toBe('vi')
    expect(vi.json).toMatchObject({
      code: 'station.rules_failed',
      failedRules: expect.arrayContaining(['duplicate']),
      errors: [{ path: 'body.exceptionReason', code: 'station.exception_reason' }],
    })
    expect(vi.json.detail).toContain('trùng trạm của doanh nghiệp')
    expect(vi.json.detail).toMatch(/^Hồ sơ không đạt/)
    const en = await act(s.id, viettel, { action: 'submit' }, 'en')
    expect(en.json.detail).toMatch(/^The application fails \d rule\(s\) \(.*duplicate/)
    const short = await act(s.id, viettel, { action: 'submit', exceptionReason: ' quá ngắn ' })
    expect(short.status).toBe(422)
    const still = await call('GET', `/api/stations/${s.id}`, viettel)
    expect(still.json).toMatchObject({ state: 'draft', version: s.version, ruleOverrides: [] })
    expect(await overrideRows(s.id)).toEqual([])
  })

  it('is submitted, and approved, with a reason; each override is on the station and in the audit', async () => {
    const s = await failingDraft(1)
    const reason = 'Cột cũ sẽ tháo dỡ khi trạm mới hoạt động'
    const submitted = await act(s.id, viettel, { action: 'submit', exceptionReason: reason })
    expect(submitted.status, JSON.stringify(submitted.json)).toBe(200)
    expect(submitted.json.state).toBe('submitted')
    expect(submitted.json.ruleOverrides).toEqual([
      expect.objectContaining({
        action: 'submit',
        reason,
        actorName: 'viettel.ovr',
        rules: expect.arrayContaining(['duplicate']),
      }),
    ])
    expect(await overrideRows(s.id)).toEqual([
      { actor_name: 'viettel.ovr', after: expect.objectContaining({ action: 'submit', reason }) },
    ])

    expect((await act(s.id, officer, { action: 'skip_field_check', reason: 'Đã khảo sát trước' })).status).toBe(200)
    const decision = { action: 'approve', decisionNo: '11/QĐ-STTTT', decisionDate: '2026-12-01' }
    const refused = await act(s.id, officer, decision)
    expect(refused.status).toBe(422)
    expect(refused.json.code).toBe('station.rules_failed')
    expect((await call('GET', `/api/stations/${s.id}`, officer)).json.state).toBe('field_checked')

    const why = 'Ngoại lệ: hai cột cùng doanh nghiệp, cột cũ tháo dỡ trong 3 tháng'
    const approved = await act(s.id, officer, { ...decision, exceptionReason: why })
    expect(approved.status, JSON.stringify(approved.json)).toBe(200)
    expect(approved.json.state).toBe('approved')
    expect(approved.json.ruleOverrides.map((o: Json) => [o.action, o.actorName, o.reason])).toEqual([
      ['submit', 'viettel.ovr', reason],
      ['approve', 'officer.ovr', why],
    ])
    const rows = await overrideRows(s.id)
    expect(rows.map((r) => [r.actor_name, r.after.action, r.after.reason])).toEqual([
      ['viettel.ovr', 'submit', reason],
      ['officer.ovr', 'approve', why],
    ])
    // the audit page lists it
    const trail = await call('GET', `/api/audit?entity=station&entityId=${s.id}`, officer)
    expect(trail.json.items.map((i: Json) => i.action)).toContain('station.rule_override')
    // and the history snapshot of the approval carries both overrides
    const detail = await call('GET', `/api/stations/${s.id}`, viettel)
    expect(detail.json.history.at(-1).snapshot.ruleOverrides).toHaveLength(2)
  })

  it('a passing application needs no reason and records no override', async () => {
    const s = await draftAt(3, 0)
    const ok = await act(s.id, viettel, { action: 'submit' })
    expect(ok.status).toBe(200)
    expect(ok.json.ruleOverrides).toEqual([])
    expect(await overrideRows(s.id)).toEqual([])
  })

  it('another carrier still cannot see or submit the application, reason or not', async () => {
    const s = await failingDraft(4)
    const other = await act(s.id, mobifone, { action: 'submit', exceptionReason: 'Một lý do đủ dài để thử' })
    expect(other.status).toBe(404)
    expect((await call('GET', `/api/stations/${s.id}`, mobifone)).status).toBe(404)
    expect((await call('GET', `/api/stations/${s.id}`, viettel)).json.state).toBe('draft')
    expect(await overrideRows(s.id)).toEqual([])
  })
})
