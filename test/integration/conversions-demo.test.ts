import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startTestApp, type TestApp } from '../helpers/app'
import { DEMO_PASSWORD } from '../../gis-data/demo'
import { demoPhoto, DEMO_PROGRAMME } from '../../gis-data/conversions'
import type { Json } from '../helpers/json'

let app: TestApp
let officer: string, inspector: string, viettel: string
let programmeId: number

async function call(
  method: string,
  path: string,
  cookie: string,
  body?: unknown,
): Promise<{ status: number; json: Json }> {
  const res = await app.request(method, path, { cookie, body })
  return { status: res.status, json: (await res.json()) as Json }
}
const TODAY = `(now() AT TIME ZONE 'Asia/Ho_Chi_Minh')::date`

/** The figures of the dashboard, counted again with plain SQL that shares no code with it. */
async function independentCounts(id: number) {
  const phases = await app.db.many<{ seq: number; done: number }>(
    `SELECT ph.seq, (SELECT count(*) FROM conversion_items i
                      WHERE i.programme_id = $1 AND i.status = 'verified'
                        AND (i.verified_at AT TIME ZONE 'Asia/Ho_Chi_Minh')::date
                            <= least(ph.deadline, ${TODAY})) AS done
       FROM conversion_phases ph WHERE ph.programme_id = $1 ORDER BY ph.seq`,
    [id],
  )
  const status = Object.fromEntries(
    (
      await app.db.many<{ status: string; n: number }>(
        `SELECT status, count(*) AS n FROM conversion_items WHERE programme_id = $1 GROUP BY status`,
        [id],
      )
    ).map((r) => [r.status, r.n]),
  )
  const overdue = (
    await app.db.one<{ n: number }>(
      `SELECT count(*) AS n FROM conversion_items
        WHERE programme_id = $1 AND status <> 'verified' AND due_date < ${TODAY}`,
      [id],
    )
  ).n
  const districts = Object.fromEntries(
    (
      await app.db.many<{ code: string; n: number }>(
        `SELECT s.district_code AS code, count(*) AS n FROM conversion_items i JOIN stations s ON s.id = i.station_id
          WHERE i.programme_id = $1 AND i.status = 'verified' GROUP BY 1`,
        [id],
      )
    ).map((r) => [r.code, r.n]),
  )
  const carriers = Object.fromEntries(
    (
      await app.db.many<{ code: string; n: number }>(
        `SELECT c.short_name AS code, count(*) AS n FROM conversion_items i JOIN carriers c ON c.id = i.carrier_id
          WHERE i.programme_id = $1 GROUP BY 1`,
        [id],
      )
    ).map((r) => [r.code, r.n]),
  )
  return { phases: phases.map((p) => p.done), status, overdue, districts, carriers }
}

function dashboardFigures(d: Json) {
  return {
    phases: d.phases.map((p: Json) => p.done),
    status: Object.fromEntries(
      Object.entries({
        planned: d.totals.planned,
        in_progress: d.totals.inProgress,
        reported: d.totals.reported,
        returned: d.totals.returned,
        verified: d.totals.verified,
      }).filter(([, n]) => (n as number) > 0),
    ),
    overdue: d.totals.overdue,
    districts: Object.fromEntries(
      d.byDistrict.filter((r: Json) => r.verified > 0).map((r: Json) => [r.code, r.verified]),
    ),
    carriers: Object.fromEntries(d.byCarrier.map((r: Json) => [r.shortName, r.items])),
  }
}

beforeAll(async () => {
  app = await startTestApp({}, undefined, 'demo')
  officer = await app.login('officer', DEMO_PASSWORD)
  inspector = await app.login('inspector', DEMO_PASSWORD)
  viettel = await app.login('viettel', DEMO_PASSWORD)
  programmeId = (
    await app.db.one<{ id: number }>(`SELECT id FROM conversion_programmes WHERE is_demo ORDER BY id LIMIT 1`)
  ).id
}, 300_000)
afterAll(async () => {
  await app?.close()
})

describe('the demo programmes', () => {
  it('lists 3,742 stations, 1,475 of them in phase 1, and a lowering programme to 12 m', async () => {
    const list = await call('GET', '/api/conversions/programmes', officer)
    const main = list.json.items.find((p: Json) => p.id === programmeId)
    expect(main.itemCount).toBe(DEMO_PROGRAMME.total)
    expect(main.phases.map((p: Json) => p.cumulativeTarget)).toEqual([1_475, 3_742])
    const phase1 = await call('GET', `/api/conversions/items?programme=${programmeId}&phase=1&limit=1`, officer)
    expect(phase1.json.total).toBe(DEMO_PROGRAMME.phase1)
    const lowering = list.json.items.find((p: Json) => p.name.includes('18 m → 12 m'))
    const heights = await app.db.one<Json>(
      `SELECT min(to_height_m) AS lo, max(to_height_m) AS hi,
              min(from_height_m) AS "from", max(from_height_m) AS "fromMax"
         FROM conversion_items WHERE programme_id = $1`,
      [lowering.id],
    )
    expect(heights).toEqual({ lo: 12, hi: 12, from: 18, fromMax: 18 })
  })

  it('has completions spread from 2017 to the last days, so the burn-up bends and the pace is recent', async () => {
    const d = (await call('GET', `/api/conversions/programmes/${programmeId}/dashboard`, officer)).json
    const years = new Set(
      d.burnup.series
        .filter((p: Json, i: number, all: Json[]) => i > 0 && p.done > all[i - 1]!.done)
        .map((p: Json) => p.month.slice(0, 4)),
    )
    for (const y of ['2017', '2019', '2021', '2024', d.asOf.slice(0, 4)]) expect(years).toContain(y)
    expect(d.pace.perMonth).toBeGreaterThan(5)
    expect(d.burnup.forecast.to > d.asOf).toBe(true)
  })
})

describe('the dashboard', () => {
  it('shows the same figures as independent SQL counts', async () => {
    const d = (await call('GET', `/api/conversions/programmes/${programmeId}/dashboard`, officer)).json
    expect(dashboardFigures(d)).toEqual(await independentCounts(programmeId))
    expect(d.phases[0].percent).toBeCloseTo((d.phases[0].done / 1_475) * 100, 10)
    expect(d.overdueItems.length).toBe(Math.min(10, d.totals.overdue))
  })

  it('judges a closed phase at its deadline, as the burn-up shows it, with no forecast', async () => {
    const d = (await call('GET', `/api/conversions/programmes/${programmeId}/dashboard`, officer)).json
    const phase1 = d.phases[0]
    expect(phase1.closed).toBe(true)
    expect(phase1.deadline < d.asOf).toBe(true)
    const atDeadline = d.burnup.series.find((p: Json) => p.month === phase1.deadline.slice(0, 7))
    expect(phase1.done).toBe(atDeadline.done)
    expect(phase1.state).toBe(phase1.done >= 1_475 ? 'met' : 'missed')
    expect(phase1.forecastDate).toBeNull()
    expect(phase1.requiredPerMonth).toBeNull()
    const byDeadline = await app.db.one<{ n: number }>(
      `SELECT count(*) AS n FROM conversion_items
        WHERE programme_id = $1 AND status = 'verified'
          AND verified_at < ($2::date + 1)::timestamp AT TIME ZONE 'Asia/Ho_Chi_Minh'`,
      [programmeId, phase1.deadline],
    )
    expect(phase1.done).toBe(byDeadline.n)
  })

  it('moves at once when an inspector verifies a reported item: phase, district and carrier', async () => {
    const before = (await call('GET', `/api/conversions/programmes/${programmeId}/dashboard`, officer)).json
    const list = await call(
      'GET',
      `/api/conversions/items?programme=${programmeId}&phase=2&status=planned&limit=1`,
      viettel,
    )
    const target = list.json.items[0]
    const photo = await fetch(`${app.url}/api/conversions/items/${target.id}/photos`, {
      method: 'POST',
      headers: { cookie: viettel, 'content-type': 'image/png' },
      body: new Uint8Array(demoPhoto()),
    })
    expect(photo.status).toBe(201)
    const rep = await call('POST', `/api/conversions/items/${target.id}/transitions`, viettel, {
      action: 'report',
      version: target.version,
      measuredHeightM: target.toHeightM,
      completedOn: before.asOf,
    })
    const ver = await call('POST', `/api/conversions/items/${target.id}/transitions`, inspector, {
      action: 'verify',
      version: rep.json.version,
    })
    expect(ver.json.status).toBe('verified')
    const after = (await call('GET', `/api/conversions/programmes/${programmeId}/dashboard`, officer)).json
    // Verified today: an open phase counts it, a closed one keeps its count at its deadline.
    expect(after.phases.map((p: Json) => p.done)).toEqual(before.phases.map((p: Json) => p.done + (p.closed ? 0 : 1)))
    const district = (d: Json) => d.byDistrict.find((r: Json) => r.code === target.station.districtCode).verified
    expect(district(after)).toBe(district(before) + 1)
    const carrier = (d: Json) => d.byCarrier.find((r: Json) => r.shortName === 'viettel').verified
    expect(carrier(after)).toBe(carrier(before) + 1)
    expect(after.burnup.series.at(-1).done).toBe(before.burnup.series.at(-1).done + 1)
    expect(dashboardFigures(after)).toEqual(await independentCounts(programmeId))
  })

  it('shows a carrier only its own items, measured against them', async () => {
    const d = (await call('GET', `/api/conversions/programmes/${programmeId}/dashboard`, viettel)).json
    const own = await app.db.one<{ n: number }>(
      `SELECT count(*) AS n FROM conversion_items i JOIN carriers c ON c.id = i.carrier_id
        WHERE programme_id = $1 AND c.short_name = 'viettel'`,
      [programmeId],
    )
    expect(d.scoped).toBe(true)
    expect(d.totals.items).toBe(own.n)
    expect(d.byCarrier.map((c: Json) => c.shortName)).toEqual(['viettel'])
    expect(d.phases[1].goal).toBe(own.n)
  })

  it('colours the map layer by status for every item of the filter', async () => {
    const layer = await call(
      'GET',
      `/api/conversions/items.geojson?programme=${programmeId}&phase=1&status=verified`,
      officer,
    )
    const expected = await app.db.one<{ n: number }>(
      `SELECT count(*) AS n FROM conversion_items i JOIN conversion_phases ph ON ph.id = i.phase_id
        WHERE i.programme_id = $1 AND ph.seq = 1 AND i.status = 'verified'`,
      [programmeId],
    )
    expect(layer.json.features).toHaveLength(expected.n)
    expect(new Set(layer.json.features.map((f: Json) => f.properties.status))).toEqual(new Set(['verified']))
  })
})
