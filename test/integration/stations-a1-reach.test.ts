import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import type { TestApp } from '../helpers/app'
import { startProvinceApp } from '../helpers/stations'
import type { Json } from '../helpers/json'

// The A1 reach limit end to end: the officer's rule value, the carrier's application field, the rule in the check.
let app: TestApp
let viettel: string, mobifone: string, officer: string
let center: { lon: number; lat: number }
let seq = 0

beforeAll(async () => {
  ;({ app, center } = await startProvinceApp())
  ;({ cookie: viettel } = await app.user('viettel.reach', 'carrier', 'viettel'))
  ;({ cookie: mobifone } = await app.user('mobifone.reach', 'carrier', 'mobifone'))
  ;({ cookie: officer } = await app.user('officer.reach', 'officer'))
})
afterAll(async () => {
  await app?.close()
})
// Every test starts from the national value (0,5 m) and no stations, whatever an earlier test changed.
beforeEach(async () => {
  await app.db.exec(`UPDATE station_rules SET a1_max_reach_m = 0.5 WHERE province_code = '79'`)
  await app.db.exec('DELETE FROM stations')
})

async function call(
  method: string,
  path: string,
  cookie?: string,
  body?: unknown,
): Promise<{ status: number; json: Json; type: string }> {
  const res = await app.request(method, path, { cookie, body })
  const text = await res.text()
  const type = res.headers.get('content-type') ?? ''
  return { status: res.status, json: text && type.includes('json') ? JSON.parse(text) : { text }, type }
}

function a1(over: Json = {}): Json {
  seq++
  return {
    siteCode: `A1-${seq}`,
    position: { lon: center.lon + (seq % 5) * 0.01, lat: center.lat + Math.floor(seq / 5) * 0.01 },
    mastClass: 'A1',
    mastHeightM: 3,
    buildingHeightM: 20,
    technologies: ['4G'],
    ...over,
  }
}

const reachOf = (station: Json) => (station.ruleResults as Json[]).find((r) => r.rule === 'a1_reach')!
const paths = (json: Json) => (json.errors ?? []).map((e: { path: string }) => e.path)
const stationCount = async () => (await app.db.one<{ n: number }>('SELECT count(*)::int AS n FROM stations')).n

async function setReachLimit(value: unknown, cookie = officer) {
  const rules = (await call('GET', '/api/station-rules', officer)).json
  return call('PUT', '/api/station-rules', cookie, { ...rules, provinceCode: undefined, a1MaxReachM: value })
}

describe('the A1 reach limit', () => {
  it("fails a carrier's A1 application reaching 0,8 m, and passes once the officer sets the limit to 1 m", async () => {
    expect((await call('GET', '/api/station-rules', officer)).json.a1MaxReachM).toBe(0.5)
    const created = await call('POST', '/api/stations', viettel, a1({ reachBeyondEdgeM: 0.8 }))
    expect(created.status, JSON.stringify(created.json)).toBe(201)
    expect(created.json.reachBeyondEdgeM).toBe(0.8)
    expect(reachOf(created.json)).toMatchObject({ outcome: 'fail', values: { reachM: 0.8, limitM: 0.5 } })
    expect(reachOf(created.json).message_vi).toBe('Kết cấu vươn 0,8 m ra ngoài mép công trình, vượt giới hạn A1 0,5 m.')

    const put = await setReachLimit(1)
    expect(put.status, JSON.stringify(put.json)).toBe(200)
    expect(put.json.a1MaxReachM).toBe(1)
    // Submitting re-runs the rules on today's values: the check the officer sees now passes.
    const submitted = await call('POST', `/api/stations/${created.json.id}/transitions`, viettel, {
      action: 'submit',
      version: created.json.version,
    })
    expect(submitted.status, JSON.stringify(submitted.json)).toBe(200)
    expect(reachOf(submitted.json)).toMatchObject({ outcome: 'pass', values: { reachM: 0.8, limitM: 1 } })
    const seen = await call('GET', `/api/stations/${created.json.id}`, officer)
    expect(reachOf(seen.json).outcome).toBe('pass')
  })

  it('compares exactly in the preview: 0,50 m passes and 0,501 m fails', async () => {
    const at = async (reach: number) => {
      const r = await call('POST', '/api/stations/check', viettel, a1({ reachBeyondEdgeM: reach }))
      expect(r.status, JSON.stringify(r.json)).toBe(200)
      return (r.json.results as Json[]).find((x) => x.rule === 'a1_reach')!.outcome
    }
    expect(await at(0.5)).toBe('pass')
    expect(await at(0.501)).toBe('fail')
    expect(await stationCount()).toBe(0)
  })

  it('requires the reach of an A1 mast and refuses a negative one, storing nothing', async () => {
    const missing = await call('POST', '/api/stations', viettel, a1())
    expect(missing.status).toBe(400)
    expect(missing.type).toContain('application/problem+json')
    expect(paths(missing.json)).toEqual(['body.reachBeyondEdgeM'])
    const negative = await call('POST', '/api/stations', viettel, a1({ reachBeyondEdgeM: -0.1 }))
    expect(negative.status).toBe(400)
    expect(paths(negative.json)).toEqual(['body.reachBeyondEdgeM'])
    expect(await stationCount()).toBe(0)
  })

  it('lets a carrier correct the reach of its draft, the rule following; no other carrier can touch it', async () => {
    const created = (await call('POST', '/api/stations', viettel, a1({ reachBeyondEdgeM: 0.8 }))).json
    const other = await call('PATCH', `/api/stations/${created.id}`, mobifone, {
      version: created.version,
      reachBeyondEdgeM: 0.1,
    })
    expect(other.status).toBe(404)
    const fixed = await call('PATCH', `/api/stations/${created.id}`, viettel, {
      version: created.version,
      reachBeyondEdgeM: 0.45,
    })
    expect(fixed.status, JSON.stringify(fixed.json)).toBe(200)
    expect(fixed.json.reachBeyondEdgeM).toBe(0.45)
    expect(reachOf(fixed.json).outcome).toBe('pass')
  })

  it('reads the reach from a CSV column, with the Vietnamese decimal comma', async () => {
    const header = 'siteCode,lon,lat,mastClass,mastHeightM,buildingHeightM,reachBeyondEdgeM,technologies'
    const csv = `${header}\nCSV-A1,${center.lon},${center.lat},A1,3,20,"0,8",4G\n`
    const r = await call('POST', '/api/stations/import', viettel, { csv })
    expect(r.status, JSON.stringify(r.json)).toBe(201)
    expect(r.json.items[0].reachBeyondEdgeM).toBe(0.8)
    expect(reachOf(r.json.items[0]).outcome).toBe('fail')
  })

  it('is an officer-only rule value, checked before it is stored', async () => {
    expect((await setReachLimit(1, viettel)).status).toBe(403)
    const bad = await setReachLimit(-1)
    expect(bad.status).toBe(400)
    expect(bad.type).toContain('application/problem+json')
    const rules = (await call('GET', '/api/station-rules', officer)).json
    const { a1MaxReachM: _omitted, ...withoutReach } = rules
    expect(
      (await call('PUT', '/api/station-rules', officer, { ...withoutReach, provinceCode: undefined })).status,
    ).toBe(400)
    expect((await call('GET', '/api/station-rules', officer)).json.a1MaxReachM).toBe(0.5)
  })
})
