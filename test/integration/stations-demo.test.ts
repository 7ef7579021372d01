import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createTestDb, type TestDb } from '../helpers/db'
import { DEMO_SEED, loadDemoBase } from '../../gis-data/demo'
import { generateStations } from '../../gis-data/stations'
import { explainSpacing, runRuleCheck } from '../../server/stations/check'
import { STATES } from '../../server/stations/workflow'
import { DATASET_UPDATED } from '../../server/opendata/sql'

let db: TestDb
// The stations as generated: the conversion programme's demo (a later layer) converts bulky masts and so
// moves the class mix on purpose.
beforeAll(async () => {
  db = await createTestDb()
  await loadDemoBase(db, '79')
  await db.transaction((tx) => generateStations(tx, '79', DEMO_SEED))
})
afterAll(async () => {
  await db?.destroy()
})

describe('demo stations', () => {
  it('loads about 10,000 stations of the five mobile operators', async () => {
    const { n, operators } = await db.one<{ n: number; operators: number }>(
      `SELECT count(*) AS n, count(DISTINCT carrier_id) AS operators FROM stations
        WHERE province_code = '79' AND NOT temporary`,
    )
    expect(n).toBeGreaterThan(9_900)
    expect(n).toBeLessThan(10_100)
    expect(operators).toBe(5)
  })

  it('stands its A2b towers 30–80 m tall, as the domain has them, mobile trucks included', async () => {
    const h = await db.one<{ lo: number; hi: number; n: number }>(
      `SELECT min(mast_height_m)::float8 AS lo, max(mast_height_m)::float8 AS hi, count(*)::int AS n
         FROM stations WHERE mast_class = 'A2b'`,
    )
    expect(h.n).toBeGreaterThan(1_000)
    expect(h.lo).toBeGreaterThanOrEqual(30)
    expect(h.hi).toBeLessThanOrEqual(80)
    expect(h.hi).toBeGreaterThan(70)
  })

  it('has a class mix like Hà Nội: about 60 % A2a, 34 % A2b, the rest A1', async () => {
    const rows = await db.many<{ mastClass: string; share: number }>(
      `SELECT mast_class AS "mastClass", count(*)::float8 / sum(count(*)) OVER () AS share
         FROM stations WHERE NOT temporary GROUP BY 1`,
    )
    const share = Object.fromEntries(rows.map((r) => [r.mastClass, r.share]))
    expect(share.A2a).toBeGreaterThan(0.55)
    expect(share.A2a).toBeLessThan(0.65)
    expect(share.A2b).toBeGreaterThan(0.29)
    expect(share.A2b).toBeLessThan(0.39)
    expect((share.A1 ?? 0) + (share.A1c ?? 0)).toBeGreaterThan(0.02)
  })

  it('has applications in every workflow state, with stored rule results', async () => {
    const rows = await db.many<{ state: string; checked: number }>(
      `SELECT state, count(*) FILTER (WHERE rules_checked_at IS NOT NULL) AS checked FROM stations GROUP BY state`,
    )
    expect(rows.map((r) => r.state).sort()).toEqual([...STATES].sort())
    expect(rows.find((r) => r.state === 'submitted')!.checked).toBeGreaterThan(0)
  })

  it('puts every station inside a district of the province', async () => {
    const { missing } = await db.one<{ missing: number }>(
      `SELECT count(*) FILTER (WHERE district_code IS NULL) AS missing FROM stations`,
    )
    expect(missing).toBe(0)
  })

  it('lists overdue temporary stations of the past event', async () => {
    const { n } = await db.one<{ n: number }>(
      `SELECT count(*) AS n FROM stations WHERE temporary AND valid_to < current_date`,
    )
    expect(n).toBeGreaterThan(0)
  })

  it('runs the spacing queries on the GiST index with 10,000 stations', async () => {
    await db.exec('ANALYZE stations')
    const plan = await explainSpacing(db, '79', { lon: 106.7, lat: 10.78 })
    expect(plan.within).toMatch(/stations_geom_idx/)
    expect(plan.nearest).toMatch(/stations_geom_idx/)
    expect(plan.usesIndex).toBe(true)
  })

  it("reads the open data's last change from the end of an index, not a scan of 10,000 stations", async () => {
    await db.exec('ANALYZE stations')
    const plan = await db.many<{ 'QUERY PLAN': string }>(`EXPLAIN ${DATASET_UPDATED}`, ['79'])
    const text = plan.map((r) => r['QUERY PLAN']).join('\n')
    expect(text).toMatch(/Index Only Scan Backward using stations_updated_idx/)
    expect(text).not.toMatch(/Seq Scan/)
  })

  it('re-runs the rule check of one application', async () => {
    const { id } = await db.one<{ id: number }>(`SELECT id FROM stations WHERE state = 'submitted' ORDER BY id LIMIT 1`)
    const results = await runRuleCheck(db, id)
    expect(results.map((r) => r.rule)).toEqual([
      'in_province',
      'zone_class',
      'zone_height',
      'a1_limits',
      'a1_reach',
      'spacing',
      'must_share',
      'duplicate',
    ])
    const spacing = results.find((r) => r.rule === 'spacing')!
    expect((spacing.values.nearest as unknown[]).length).toBe(5)
  })
})
