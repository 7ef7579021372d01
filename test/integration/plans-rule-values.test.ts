// The plans' rule values on the rule-values page: the in-plan tolerance (plan_match_m) and the shared-trench
// distance and length, edited by an officer through PUT /api/station-rules, checked by the server, audited.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import type { TestApp } from '../helpers/app'
import { startProvinceApp } from '../helpers/stations'
import type { Json } from '../helpers/json'

let app: TestApp
let officer: string, admin: string, inspector: string, viettel: string

beforeAll(async () => {
  ;({ app } = await startProvinceApp())
  ;({ cookie: officer } = await app.user('officer.planrules', 'officer'))
  ;({ cookie: admin } = await app.user('admin.planrules', 'admin'))
  ;({ cookie: inspector } = await app.user('inspector.planrules', 'inspector'))
  ;({ cookie: viettel } = await app.user('viettel.planrules', 'carrier', 'viettel'))
})
afterAll(async () => {
  await app?.close()
})
// Tests run in any order: each starts from the national values.
beforeEach(async () => {
  await app.db.exec(
    `UPDATE station_rules SET plan_match_m = 30, trench_distance_m = 15, trench_min_length_m = 100
      WHERE province_code = '79'`,
  )
})

async function call(method: string, cookie: string, body?: unknown): Promise<{ status: number; json: Json }> {
  const res = await app.request(method, '/api/station-rules', { cookie, body })
  return { status: res.status, json: await res.json() }
}
const current = async () => ({ ...(await call('GET', officer)).json, provinceCode: undefined }) as Json
const stored = () =>
  app.db.one<{ planMatchM: number; trenchDistanceM: number; trenchMinLengthM: number }>(
    `SELECT plan_match_m::float8 AS "planMatchM", trench_distance_m::float8 AS "trenchDistanceM",
            trench_min_length_m::float8 AS "trenchMinLengthM" FROM station_rules WHERE province_code = '79'`,
  )

describe("the plans' rule values", () => {
  it('are read with the other rule values', async () => {
    const { status, json } = await call('GET', viettel)
    expect(status).toBe(200)
    expect(json).toMatchObject({ planMatchM: 30, trenchDistanceM: 15, trenchMinLengthM: 100 })
  })

  it('are replaced by an officer, stored and audited with the values before and after', async () => {
    const put = await call('PUT', officer, {
      ...(await current()),
      planMatchM: 45.5,
      trenchDistanceM: 20,
      trenchMinLengthM: 250,
    })
    expect(put.status, JSON.stringify(put.json)).toBe(200)
    expect(put.json).toMatchObject({ planMatchM: 45.5, trenchDistanceM: 20, trenchMinLengthM: 250 })
    expect(await stored()).toEqual({ planMatchM: 45.5, trenchDistanceM: 20, trenchMinLengthM: 250 })
    const row = await app.db.one<{ before: Json; after: Json }>(
      `SELECT before, after FROM audit_log WHERE action = 'station_rules.update' ORDER BY id DESC LIMIT 1`,
    )
    expect(row.before).toMatchObject({ planMatchM: 30, trenchDistanceM: 15, trenchMinLengthM: 100 })
    expect(row.after).toMatchObject({ planMatchM: 45.5, trenchDistanceM: 20, trenchMinLengthM: 250 })
    const back = await call('PUT', admin, { ...(await current()), planMatchM: 30, trenchDistanceM: 15 })
    expect(back.status).toBe(200)
    expect(await stored()).toEqual({ planMatchM: 30, trenchDistanceM: 15, trenchMinLengthM: 250 })
  })

  it('refuses values outside their bounds, naming each field, and keeps the stored ones', async () => {
    const before = await stored()
    const res = await call('PUT', officer, {
      ...(await current()),
      planMatchM: 0,
      trenchDistanceM: 250,
      trenchMinLengthM: -5,
    })
    expect(res.status).toBe(400)
    const paths = (res.json.errors as { path: string }[]).map((e) => e.path).sort()
    expect(paths).toEqual(['body.planMatchM', 'body.trenchDistanceM', 'body.trenchMinLengthM'])
    const { planMatchM: _omitted, ...without } = await current()
    expect((await call('PUT', officer, without)).status).toBe(400)
    expect(await stored()).toEqual(before)
  })

  it('may be changed only by officers and administrators', async () => {
    const body = { ...(await current()), planMatchM: 99 }
    expect((await call('PUT', viettel, body)).status).toBe(403)
    expect((await call('PUT', inspector, body)).status).toBe(403)
    expect((await app.request('PUT', '/api/station-rules', { body })).status).toBe(401)
    expect((await stored()).planMatchM).not.toBe(99)
  })
})
