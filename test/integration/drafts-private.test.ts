import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { TestApp } from '../helpers/app'
import { startProvinceApp } from '../helpers/stations'

// A carrier's draft (a station it has not submitted) is private to it: not in the officers' audit trail,
// not matched by the conversion list import.
let app: TestApp
let officer: string, admin: string, viettel: string
let center: { lon: number; lat: number }
let seq = 0

beforeAll(async () => {
  ;({ app, center } = await startProvinceApp())
  officer = (await app.user('officer1', 'officer')).cookie
  admin = (await app.user('admin1', 'admin')).cookie
  viettel = (await app.user('viettel1', 'carrier', 'viettel')).cookie
})
afterAll(() => app.close())

async function draft(): Promise<{
  id: number
  version: number
  siteCode: string
  position: { lon: number; lat: number }
}> {
  seq += 1
  const position = { lon: center.lon + seq * 0.01, lat: center.lat + 0.005 }
  const body = {
    siteCode: `BAN-NHAP-${seq}`,
    name: `Bí mật ${seq}`,
    position,
    mastClass: 'A2a',
    mastHeightM: 12,
    buildingHeightM: 20,
  }
  const res = await app.request('POST', '/api/stations', { cookie: viettel, body })
  expect(res.status).toBe(201)
  return { ...(await res.json()), siteCode: body.siteCode, position }
}

const auditRows = async (cookie: string, query = '') => {
  const res = await app.request('GET', `/api/audit?limit=200${query}`, { cookie })
  expect(res.status).toBe(200)
  return (await res.json()).items as { entity: string; entityId: string; action: string }[]
}

describe('audit trail', () => {
  it('audit as officer shows no carrier draft, and shows the station once submitted', async () => {
    const d = await draft()
    const edited = await app.request('PATCH', `/api/stations/${d.id}`, {
      cookie: viettel,
      body: { version: d.version, name: 'Bí mật đã sửa' },
    })
    expect(edited.status).toBe(200)
    const written = await app.db.one<{ n: number }>(
      `SELECT count(*)::int AS n FROM audit_log WHERE entity = 'station' AND entity_id = $1`,
      [String(d.id)],
    )
    expect(written.n).toBe(2)
    for (const cookie of [officer, admin]) {
      const rows = await auditRows(cookie)
      expect(rows.some((r) => r.entity === 'station' && r.entityId === String(d.id))).toBe(false)
      expect(JSON.stringify(rows)).not.toContain(d.siteCode)
      expect(await auditRows(cookie, `&entity=station&entityId=${d.id}`)).toEqual([])
    }
    const { version } = (await (await app.request('GET', `/api/stations/${d.id}`, { cookie: viettel })).json()) as {
      version: number
    }
    const sent = await app.request('POST', `/api/stations/${d.id}/transitions`, {
      cookie: viettel,
      body: { action: 'submit', version },
    })
    expect(sent.status).toBe(200)
    const after = await auditRows(officer, `&entity=station&entityId=${d.id}`)
    expect(after.map((r) => r.action)).toEqual(['station.submit'])
  })
})

describe('conversion list import', () => {
  it("does not match a carrier's draft by code or by position, nor name it in the report", async () => {
    const d = await draft()
    const programme = await app.request('POST', '/api/conversions/programmes', {
      cookie: officer,
      body: {
        name: 'Chuyển đổi',
        decisionNo: '1/QĐ',
        decisionDate: '2017-05-12',
        startsOn: '2017-01-01',
        phases: [{ name: 'GĐ 1', deadline: '2030-12-31', cumulativeTarget: 1 }],
      },
    })
    expect(programme.status).toBe(201)
    const { id } = await programme.json()
    const csv = [
      'station_code,carrier,lon,lat,kind,to_height_m,phase',
      `${d.siteCode},viettel,,,lower,10,1`,
      `,,${d.position.lon},${d.position.lat},lower,10,1`,
    ].join('\n')
    const res = await app.request('POST', `/api/conversions/programmes/${id}/import`, {
      cookie: officer,
      body: { format: 'csv', content: csv, dryRun: true },
    })
    expect(res.status).toBe(422)
    const problem = await res.json()
    expect(problem.report.matched).toBe(0)
    expect(problem.report.problems.map((p: { reason: string }) => p.reason)).toEqual([
      expect.stringMatching(/^unmatched/),
      expect.stringMatching(/^unmatched/),
    ])
    expect(JSON.stringify(problem.report.problems[1])).not.toContain(d.siteCode)
  })
})
