import { randomUUID } from 'node:crypto'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { TestApp } from '../helpers/app'
import { startProvinceApp } from '../helpers/stations'

// Inspection campaigns (issue 13 item 5). The towers are made here: 500 A2b towers in service in three coastal
// districts, and towers that must not be chosen (another district, another class, a draft, a decommissioned one).
// Every expectation is checked against SQL written independently of server/campaigns/sql.ts: districts by
// ST_Intersects with the current boundary rows, not the units_in_force/district_at functions the service uses.

const CHOSEN = ['778', '786', '787']
const PER_DISTRICT: Record<string, number> = { '778': 200, '786': 180, '787': 120 }
const PREFIX = 'CPN'

let app: TestApp
let officer: string
let admin: string
let carrier: string
let inspectors: { id: number; cookie: string }[]
let outsider: { id: number; cookie: string }

async function json(res: Response): Promise<Record<string, unknown>> {
  return (await res.json()) as Record<string, unknown>
}

/** Inserts `n` towers at random points (seeded) inside district `code`; carriers alternate Viettel / MobiFone. */
async function towers(tag: string, code: string, n: number, cls: string, state: string) {
  await app.db.exec(
    `INSERT INTO stations (province_code, carrier_id, site_code, geom, district_code, mast_class, mast_height_m,
                           building_height_m, technologies, state)
     SELECT '79', c.id, $1 || '-' || $2 || '-' || g.path[1], g.geom, $2, $3, 30 + g.path[1] % 50,
            CASE WHEN $3 IN ('A1', 'A2a') THEN 20 END, ARRAY['4G'], $4
       FROM ST_Dump(ST_GeneratePoints(
              (SELECT geom FROM admin_units WHERE level = 'district' AND code = $2 AND valid_to IS NULL), $5, 13)) g
       JOIN carriers c ON c.short_name = CASE WHEN g.path[1] % 2 = 0 THEN 'viettel' ELSE 'mobifone' END`,
    [`${PREFIX}${tag}`, code, cls, state, n],
  )
}

/** The stations the campaign selection must hold, by independent SQL: A2b, standing, in a chosen district. */
const EXPECTED = `
SELECT s.id, u.code AS district, s.mast_height_m AS height, s.carrier_id AS carrier, s.version
  FROM stations s JOIN admin_units u ON u.level = 'district' AND u.valid_to IS NULL AND u.province_code = '79'
                                    AND ST_Intersects(u.geom, s.geom)
 WHERE s.mast_class = 'A2b' AND s.state IN ('built', 'in_service') AND u.code = ANY ($1::text[])
 ORDER BY s.id`

const baseCampaign = (name: string) => ({
  name,
  description: 'Kiểm tra an toàn cột anten trước mùa mưa bão',
  startsOn: '2026-05-01',
  endsOn: '2027-03-31',
  assetKind: 'station',
  selection: { districtCodes: CHOSEN, mastClasses: ['A2b'] },
})

async function createCampaign(body: Record<string, unknown>, cookie = officer): Promise<number> {
  const res = await app.request('POST', '/api/campaigns', { cookie, body })
  expect(res.status, await res.clone().text()).toBe(201)
  return (await json(res)).id as number
}

async function generate(id: number, body: Record<string, unknown>, cookie = officer) {
  return app.request('POST', `/api/campaigns/${id}/generate`, { cookie, body })
}

const inspectionCount = async (campaignId: number) =>
  (await app.db.one<{ n: number }>('SELECT count(*)::int AS n FROM inspections WHERE campaign_id = $1', [campaignId])).n

beforeAll(async () => {
  ;({ app } = await startProvinceApp())
  officer = (await app.user('camp.officer', 'officer')).cookie
  admin = (await app.user('camp.admin', 'admin')).cookie
  carrier = (await app.user('camp.viettel', 'carrier', 'viettel')).cookie
  inspectors = [
    await app.user('camp.insp1', 'inspector'),
    await app.user('camp.insp2', 'inspector'),
    await app.user('camp.insp3', 'inspector'),
  ]
  outsider = await app.user('camp.insp4', 'inspector')
  for (const [code, n] of Object.entries(PER_DISTRICT)) await towers('T', code, n, 'A2b', 'in_service')
  await towers('X', '760', 120, 'A2b', 'in_service') // another district
  await towers('C', '786', 40, 'A2a', 'in_service') // another class
  await towers('D', '787', 25, 'A2b', 'draft') // not standing
  await towers('Z', '778', 20, 'A2b', 'decommissioned')
}, 120_000)

afterAll(async () => {
  await app?.close()
})

describe('campaign selection', () => {
  it('previews exactly the towers independent SQL selects, by district, without storing anything', async () => {
    const expected = await app.db.many<{ id: number; district: string }>(EXPECTED, [CHOSEN])
    expect(expected).toHaveLength(500)
    const before = await app.db.one<{ n: number }>('SELECT count(*)::int AS n FROM campaigns')
    const res = await app.request('POST', '/api/campaigns/preview', {
      cookie: officer,
      body: { assetKind: 'station', selection: { districtCodes: CHOSEN, mastClasses: ['A2b'] } },
    })
    expect(res.status).toBe(200)
    const preview = await json(res)
    expect(preview.count).toBe(500)
    const byDistrict = Object.fromEntries(
      (preview.byDistrict as { code: string; count: number }[]).map((d) => [d.code, d.count]),
    )
    expect(byDistrict).toEqual(PER_DISTRICT)
    const ids = new Set(expected.map((e) => e.id))
    const sample = preview.sample as { id: number; districtCode: string }[]
    expect(sample).toHaveLength(20)
    for (const s of sample) expect(ids.has(s.id)).toBe(true)
    expect((preview.points as unknown[]).length).toBe(500)
    expect((await app.db.one<{ n: number }>('SELECT count(*)::int AS n FROM campaigns')).n).toBe(before.n)
  })

  it('intersects a drawn polygon, a height range and carriers with the districts, as ST_Intersects does', async () => {
    // The box around 60 of district 786's towers: part of its towers (and maybe of a neighbour's).
    const box = await app.db.one<{ geojson: string }>(
      `SELECT ST_AsGeoJSON(ST_Envelope(ST_Collect(geom)), 7) AS geojson FROM stations
        WHERE site_code LIKE 'CPNT-786-%' AND split_part(site_code, '-', 3)::int <= 60`,
    )
    const area = JSON.parse(box.geojson) as unknown
    const viettel = await app.db.one<{ id: number }>(`SELECT id FROM carriers WHERE short_name = 'viettel'`)
    const selection = {
      districtCodes: CHOSEN,
      area,
      mastClasses: ['A2b'],
      minHeightM: 40,
      maxHeightM: 70,
      carrierIds: [viettel.id],
    }
    const res = await app.request('POST', '/api/campaigns/preview', {
      cookie: officer,
      body: { assetKind: 'station', selection },
    })
    expect(res.status, await res.clone().text()).toBe(200)
    const preview = await json(res)
    const expected = await app.db.many<{ lon: number; lat: number }>(
      `SELECT round(ST_X(s.geom)::numeric, 6)::float8 AS lon, round(ST_Y(s.geom)::numeric, 6)::float8 AS lat
         FROM stations s
        WHERE s.mast_class = 'A2b' AND s.state IN ('built', 'in_service') AND s.carrier_id = $3
          AND s.mast_height_m BETWEEN 40 AND 70
          AND ST_Intersects(ST_SetSRID(ST_GeomFromGeoJSON($1), 4326), s.geom)
          AND EXISTS (SELECT 1 FROM admin_units u WHERE u.level = 'district' AND u.valid_to IS NULL
                         AND u.code = ANY ($2::text[]) AND ST_Intersects(u.geom, s.geom))
        ORDER BY s.id`,
      [box.geojson, CHOSEN, viettel.id],
    )
    expect(expected.length).toBeGreaterThan(0)
    expect(expected.length).toBeLessThan(500)
    expect(preview.count).toBe(expected.length)
    expect(preview.points).toEqual(expected.map((e) => [e.lon, e.lat]))
  })

  it("refuses another kind's attribute, an unknown district and a state a kind does not have", async () => {
    const ask = (body: unknown) => app.request('POST', '/api/campaigns/preview', { cookie: officer, body })
    const routeKind = await ask({ assetKind: 'station', selection: { routeKinds: ['tidying'] } })
    expect(routeKind.status).toBe(400)
    expect(JSON.stringify(await json(routeKind))).toContain('body.selection.routeKinds')
    const poleState = await ask({ assetKind: 'pole', selection: { states: ['in_service'] } })
    expect(poleState.status).toBe(400)
    const unknown = await ask({ assetKind: 'station', selection: { districtCodes: ['999'] } })
    expect(unknown.status).toBe(422)
    const body = await json(unknown)
    expect(body.code).toBe('campaign.invalid')
    expect(JSON.stringify(body.errors)).toContain('body.selection.districtCodes.0')
  })
})

describe('generating a campaign', () => {
  it('creates one inspection per selected tower in one transaction, each district to one inspector', async () => {
    const id = await createCampaign(baseCampaign('An toàn trạm BTS mùa mưa bão 2026'))
    const started = Date.now()
    const res = await generate(id, { inspectorIds: inspectors.map((i) => i.id), dueOn: '2027-01-15' })
    const took = Date.now() - started
    expect(res.status, await res.clone().text()).toBe(201)
    const answer = await json(res)
    expect(answer.state).toBe('generated')
    expect(answer.inspectionCount).toBe(500)
    expect(took).toBeLessThan(15_000)

    const expected = await app.db.many<{ id: number; district: string; carrier: number; version: number }>(EXPECTED, [
      CHOSEN,
    ])
    const rows = await app.db.many<{
      asset_id: number
      asset_kind: string
      purpose: string
      state: string
      due_on: string
      inspector_id: number
      carrier_id: number | null
      asset_version: number
      tx: string
    }>(
      `SELECT asset_id::int, asset_kind, purpose, state, due_on, inspector_id, carrier_id, asset_version,
              xmin::text AS tx
         FROM inspections WHERE campaign_id = $1 ORDER BY asset_id`,
      [id],
    )
    expect(rows.map((r) => r.asset_id)).toEqual(expected.map((e) => e.id))
    for (const r of rows) {
      expect([r.asset_kind, r.purpose, r.state, r.due_on]).toEqual(['station', 'campaign', 'assigned', '2027-01-15'])
    }
    const byId = new Map(expected.map((e) => [e.id, e]))
    for (const r of rows) {
      expect(r.carrier_id).toBe(byId.get(r.asset_id)!.carrier)
      expect(r.asset_version).toBe(byId.get(r.asset_id)!.version)
    }
    // One transaction: every inspection, the campaign's new state and the audit row were written by one xid.
    const campaignTx = await app.db.one<{ tx: string }>('SELECT xmin::text AS tx FROM campaigns WHERE id = $1', [id])
    const auditTx = await app.db.one<{ tx: string }>(
      `SELECT xmin::text AS tx FROM audit_log WHERE action = 'campaign.generate' AND entity_id = $1`,
      [String(id)],
    )
    expect(new Set(rows.map((r) => r.tx))).toEqual(new Set([campaignTx.tx]))
    expect(auditTx.tx).toBe(campaignTx.tx)

    // Round-robin by district: each district's towers all go to one inspector, the three districts to three.
    const inspectorOf = new Map<string, Set<number>>()
    for (const r of rows) {
      const d = byId.get(r.asset_id)!.district
      inspectorOf.set(d, (inspectorOf.get(d) ?? new Set()).add(r.inspector_id))
    }
    for (const d of CHOSEN) expect(inspectorOf.get(d)!.size).toBe(1)
    expect(new Set(CHOSEN.map((d) => [...inspectorOf.get(d)!][0]))).toEqual(new Set(inspectors.map((i) => i.id)))
  })

  it('answers 409 to a second generation, also when two arrive at once, and creates nothing more', async () => {
    const id = await createCampaign(baseCampaign('Hai lần tạo'))
    const body = { inspectorIds: [inspectors[0]!.id] }
    const [a, b] = await Promise.all([generate(id, body), generate(id, body)])
    expect([a.status, b.status].sort()).toEqual([201, 409])
    expect(await inspectionCount(id)).toBe(500)
    const again = await generate(id, body)
    expect(again.status).toBe(409)
    expect((await json(again)).code).toBe('campaign.already_generated')
    expect(await inspectionCount(id)).toBe(500)
    const audits = await app.db.one<{ n: number }>(
      `SELECT count(*)::int AS n FROM audit_log WHERE action = 'campaign.generate' AND entity_id = $1`,
      [String(id)],
    )
    expect(audits.n).toBe(1)
  })

  it('is all or nothing: a failure on the 300th inspection leaves no inspection and the campaign a draft', async () => {
    const id = await createCampaign(baseCampaign('Tất cả hoặc không'))
    const expected = await app.db.many<{ id: number }>(EXPECTED, [CHOSEN])
    const victim = expected[299]!.id
    // A row trigger that refuses one row in the middle of the bulk insert.
    await app.db.exec(`
      CREATE FUNCTION campaign_test_refuse() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        RAISE EXCEPTION 'refused for the test' USING ERRCODE = 'check_violation';
      END $$`)
    await app.db.exec(`
      CREATE TRIGGER campaign_test_refuse BEFORE INSERT ON inspections FOR EACH ROW
        WHEN (NEW.campaign_id = ${id} AND NEW.asset_id = ${victim}) EXECUTE FUNCTION campaign_test_refuse()`)
    try {
      const res = await generate(id, { inspectorIds: inspectors.map((i) => i.id) })
      expect(res.status).toBe(422)
      expect(await inspectionCount(id)).toBe(0)
      const c = await app.db.one<{ state: string; n: number }>(
        `SELECT state, (SELECT count(*)::int FROM campaign_inspections WHERE campaign_id = c.id) AS n
           FROM campaigns c WHERE id = $1`,
        [id],
      )
      expect(c).toEqual({ state: 'draft', n: 0 })
      const audits = await app.db.one<{ n: number }>(
        `SELECT count(*)::int AS n FROM audit_log WHERE action = 'campaign.generate' AND entity_id = $1`,
        [String(id)],
      )
      expect(audits.n).toBe(0)
    } finally {
      await app.db.exec('DROP TRIGGER campaign_test_refuse ON inspections')
      await app.db.exec('DROP FUNCTION campaign_test_refuse()')
    }
    const retry = await generate(id, { inspectorIds: inspectors.map((i) => i.id) })
    expect(retry.status).toBe(201)
    expect(await inspectionCount(id)).toBe(500)
  })

  it('refuses a user who is not an inspector, a due date outside the campaign and an empty selection', async () => {
    const id = await createCampaign(baseCampaign('Kiểm tra tham số'))
    const me = await app.db.one<{ id: number }>(`SELECT id FROM users WHERE username = 'camp.officer'`)
    const notInspector = await generate(id, { inspectorIds: [inspectors[0]!.id, me.id] })
    expect(notInspector.status).toBe(422)
    expect(JSON.stringify(await json(notInspector))).toContain('body.inspectorIds.1')
    const late = await generate(id, { inspectorIds: [inspectors[0]!.id], dueOn: '2027-06-01' })
    expect(late.status).toBe(422)
    expect(JSON.stringify(await json(late))).toContain('body.dueOn')
    expect(await inspectionCount(id)).toBe(0)

    const empty = await createCampaign({
      ...baseCampaign('Không có trạm'),
      selection: { districtCodes: ['760'], mastClasses: ['A1'] },
    })
    const none = await generate(empty, { inspectorIds: [inspectors[0]!.id] })
    expect(none.status).toBe(422)
    expect((await json(none)).code).toBe('campaign.empty')
  })
})

/** Records a result as the assigned inspector through the inspections API. */
async function record(
  inspection: { id: number; asset_version: number; inspector_id: number },
  outcome: 'compliant' | 'violation' | 'no_access',
  approvedHeight: number,
) {
  const cookie = inspectors.find((i) => i.id === inspection.inspector_id)!.cookie
  const body: Record<string, unknown> = {
    clientId: randomUUID(),
    assetVersion: inspection.asset_version,
    // the default station checklist's required items, all passed: only the height decides the verdict
    answers: { site_plate: true, emf_warning: true, fence_locked: true, grounding: true },
    measured: outcome === 'violation' ? { heightM: approvedHeight + 6 } : { heightM: approvedHeight },
    recordedAt: new Date().toISOString(),
  }
  if (outcome === 'no_access') {
    body.verdict = 'no_access'
    body.measured = {}
    body.answers = {}
  }
  const res = await app.request('POST', `/api/inspections/${inspection.id}/result`, { cookie, body })
  expect(res.status, await res.clone().text()).toBe(201)
}

describe('the campaign dashboard', () => {
  it('counts done, violations, no access, overdue and remaining as independent SQL does, by district', async () => {
    const id = await createCampaign(baseCampaign('Bảng theo dõi'))
    expect((await generate(id, { inspectorIds: inspectors.map((i) => i.id), dueOn: '2027-03-31' })).status).toBe(201)
    const rows = await app.db.many<{ id: number; asset_version: number; inspector_id: number; height: number }>(
      `SELECT i.id::int, i.asset_version, i.inspector_id, s.mast_height_m AS height
         FROM inspections i JOIN stations s ON s.id = i.asset_id WHERE i.campaign_id = $1 ORDER BY i.id`,
      [id],
    )
    // Results through the inspections API: every 25th compliant, every 40th a violation, every 60th no access.
    const outcomes = new Map<number, 'compliant' | 'violation' | 'no_access'>()
    rows.forEach((r, i) => {
      if (i % 60 === 7) outcomes.set(r.id, 'no_access')
      else if (i % 40 === 3) outcomes.set(r.id, 'violation')
      else if (i % 25 === 0) outcomes.set(r.id, 'compliant')
    })
    for (const r of rows) {
      const o = outcomes.get(r.id)
      if (o) await record(r, o, r.height)
    }
    // Some open inspections fall overdue (their due date moved into the past).
    const open = rows.filter((r) => !outcomes.has(r.id)).filter((_, i) => i % 9 === 0)
    await app.db.exec(`UPDATE inspections SET due_on = DATE '2026-06-30' WHERE id = ANY ($1::bigint[])`, [
      open.map((r) => r.id),
    ])

    const res = await app.request('GET', `/api/campaigns/${id}/dashboard`, { cookie: officer })
    expect(res.status).toBe(200)
    const dash = (await json(res)) as {
      totals: Record<string, number>
      byDistrict: ({ code: string } & Record<string, number>)[]
      byInspector: { id: number; total: number }[]
    }
    const oracle = `
      SELECT u.code, count(*)::int AS total,
             count(*) FILTER (WHERE i.state = 'recorded')::int AS done,
             count(*) FILTER (WHERE i.verdict = 'compliant')::int AS compliant,
             count(*) FILTER (WHERE i.verdict = 'violation')::int AS violations,
             count(*) FILTER (WHERE i.verdict = 'no_access')::int AS "noAccess",
             count(*) FILTER (WHERE i.state = 'assigned'
                                AND i.due_on < (now() AT TIME ZONE 'Asia/Ho_Chi_Minh')::date)::int AS overdue,
             count(*) FILTER (WHERE i.state = 'assigned')::int AS remaining
        FROM inspections i JOIN stations s ON s.id = i.asset_id
        JOIN admin_units u ON u.level = 'district' AND u.valid_to IS NULL AND ST_Intersects(u.geom, s.geom)
       WHERE i.campaign_id = $1 GROUP BY ROLLUP (u.code) ORDER BY u.code NULLS LAST`
    const expected = await app.db.many<Record<string, number | string | null>>(oracle, [id])
    const total = expected.at(-1)!
    const { code: _none, ...totals } = total
    expect(dash.totals).toEqual(totals)
    expect(dash.byDistrict.map(({ name: _n, ...d }) => d)).toEqual(expected.slice(0, -1))
    // The figures are what was recorded, not only what the two queries agree on.
    const count = (o: string) => [...outcomes.values()].filter((v) => v === o).length
    expect(dash.totals).toMatchObject({
      total: 500,
      done: outcomes.size,
      violations: count('violation'),
      noAccess: count('no_access'),
      compliant: count('compliant'),
      overdue: open.length,
      remaining: 500 - outcomes.size,
    })
    expect(dash.byInspector.reduce((n, r) => n + r.total, 0)).toBe(500)
  })
})

describe('who may do what', () => {
  it('lets no one in without a session, and no carrier onto any campaign route', async () => {
    const id = await createCampaign(baseCampaign('Quyền truy cập'))
    const routes: [string, string, unknown?][] = [
      ['GET', '/api/campaigns'],
      ['GET', '/api/campaigns/inspectors'],
      ['POST', '/api/campaigns/preview', { assetKind: 'station', selection: {} }],
      ['POST', '/api/campaigns', baseCampaign('x')],
      ['GET', `/api/campaigns/${id}`],
      ['POST', `/api/campaigns/${id}/generate`, { inspectorIds: [inspectors[0]!.id] }],
      ['GET', `/api/campaigns/${id}/dashboard`],
    ]
    for (const [method, path, body] of routes) {
      expect((await app.request(method, path, { body })).status, `${method} ${path}`).toBe(401)
      expect((await app.request(method, path, { body, cookie: carrier })).status, `${method} ${path}`).toBe(403)
    }
    expect(await inspectionCount(id)).toBe(0)
  })

  it('lets an inspector read only the campaigns assigned to them, and never define or generate one', async () => {
    const [insp] = inspectors
    const mine = await createCampaign(baseCampaign('Của tôi'))
    const theirs = await createCampaign(baseCampaign('Của người khác'), admin)
    expect((await generate(mine, { inspectorIds: [insp!.id] }, admin)).status).toBe(201)
    expect((await generate(theirs, { inspectorIds: [outsider.id] })).status).toBe(201)

    const list = await json(await app.request('GET', '/api/campaigns', { cookie: insp!.cookie }))
    const ids = (list.items as { id: number; mine: { total: number } }[]).map((c) => c.id)
    expect(ids).toContain(mine)
    expect(ids).not.toContain(theirs)
    const own = (list.items as { id: number; mine: { total: number } }[]).find((c) => c.id === mine)!
    expect(own.mine.total).toBe(500)
    expect((await app.request('GET', `/api/campaigns/${mine}`, { cookie: insp!.cookie })).status).toBe(200)
    expect((await app.request('GET', `/api/campaigns/${mine}/dashboard`, { cookie: insp!.cookie })).status).toBe(200)
    expect((await app.request('GET', `/api/campaigns/${theirs}`, { cookie: insp!.cookie })).status).toBe(404)
    expect((await app.request('GET', `/api/campaigns/${theirs}/dashboard`, { cookie: insp!.cookie })).status).toBe(404)

    const draft = await createCampaign(baseCampaign('Chưa tạo'))
    const refused: [string, string, unknown][] = [
      ['POST', '/api/campaigns', baseCampaign('x')],
      ['POST', '/api/campaigns/preview', { assetKind: 'station', selection: {} }],
      ['POST', `/api/campaigns/${draft}/generate`, { inspectorIds: [insp!.id] }],
      ['GET', '/api/campaigns/inspectors', undefined],
    ]
    for (const [method, path, body] of refused) {
      expect((await app.request(method, path, { body, cookie: insp!.cookie })).status, path).toBe(403)
    }
    expect(await inspectionCount(draft)).toBe(0)
    // An officer and an administrator see every campaign.
    for (const cookie of [officer, admin]) {
      const all = await json(await app.request('GET', '/api/campaigns', { cookie }))
      const seen = (all.items as { id: number }[]).map((c) => c.id)
      expect(seen).toEqual(expect.arrayContaining([mine, theirs, draft]))
    }
  })

  it("shows a carrier its own towers' campaign results through the inspections API, no other carrier's", async () => {
    const id = await createCampaign(baseCampaign('Doanh nghiệp xem kết quả'))
    expect((await generate(id, { inspectorIds: [inspectors[1]!.id] })).status).toBe(201)
    const rows = await app.db.many<{ id: number; asset_version: number; inspector_id: number; height: number }>(
      `SELECT i.id::int, i.asset_version, i.inspector_id, s.mast_height_m AS height
         FROM inspections i JOIN stations s ON s.id = i.asset_id WHERE i.campaign_id = $1 ORDER BY i.id LIMIT 6`,
      [id],
    )
    for (const r of rows) await record(r, 'violation', r.height)
    const res = await app.request('GET', `/api/inspections?campaignId=${id}`, { cookie: carrier })
    expect(res.status).toBe(200)
    const items = (await json(res)).items as { id: number; asset: { carrierName: string } }[]
    const viettelRecorded = await app.db.many<{ id: number }>(
      `SELECT i.id::int FROM inspections i JOIN stations s ON s.id = i.asset_id JOIN carriers c ON c.id = s.carrier_id
        WHERE i.campaign_id = $1 AND c.short_name = 'viettel' AND i.state = 'recorded' ORDER BY i.id`,
      [id],
    )
    expect(viettelRecorded.length).toBeGreaterThan(0)
    expect(items.map((i) => i.id).sort((a, b) => a - b)).toEqual(viettelRecorded.map((r) => r.id))
  })
})
