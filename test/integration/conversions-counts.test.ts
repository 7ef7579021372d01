import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startTestApp, type TestApp } from '../helpers/app'
import { generateProvince } from '../../gis-data/province'
import { FIGURES_COUNTS, FIGURES_SCAN } from '../../server/conversions/sql/dashboard.sql'
import { ITEM_FROM } from '../../server/conversions/sql'

// The dashboard's counts (migration 072) after each kind of write, against the scan of the items.
let app: TestApp
let programme = 0
let carriers: Record<string, number>

/** Every scope the dashboard reads: all, a carrier, a district, both. */
async function expectCountsEqualScan(): Promise<void> {
  const districts = ['760', '770', '']
  for (const carrier of [0, carriers.viettel!, carriers.vnpt!]) {
    for (const district of ['*', ...districts]) {
      const where = ['i.programme_id = $1']
      const params: unknown[] = [programme]
      if (carrier) where.push(`i.carrier_id = $${params.push(carrier)}`)
      if (district !== '*')
        where.push(district ? `s.district_code = $${params.push(district)}` : 's.district_code IS NULL')
      const scan = await app.db.one(FIGURES_SCAN(ITEM_FROM, where.join(' AND ')), params)
      const counts = await app.db.one(FIGURES_COUNTS, [programme, carrier, district])
      expect(counts, `carrier ${carrier} district '${district}'`).toEqual(scan)
    }
  }
}

beforeAll(async () => {
  app = await startTestApp()
  await generateProvince(app.db, '79', 20_170_601)
  carriers = Object.fromEntries(
    (await app.db.many<{ id: number; short_name: string }>('SELECT id, short_name FROM carriers')).map((c) => [
      c.short_name,
      c.id,
    ]),
  )
  // Twelve stations of two carriers in two districts (the last two in no district yet).
  await app.db.exec(
    `INSERT INTO stations (province_code, carrier_id, site_code, geom, district_code, mast_class, mast_height_m,
                           building_height_m, technologies, state)
     SELECT '79', CASE WHEN k % 2 = 0 THEN $1 ELSE $2 END::int, 'CNT-' || k,
            ST_SetSRID(ST_MakePoint(106.66 + k * 0.001, 10.78), 4326),
            CASE WHEN k <= 5 THEN '760' WHEN k <= 10 THEN '770' END, 'A2a', 15, 20, '{4G}', 'in_service'
       FROM generate_series(1, 12) k`,
    [carriers.viettel, carriers.vnpt],
  )
  programme = (
    await app.db.one<{ id: number }>(
      `INSERT INTO conversion_programmes (province_code, name, decision_no, decision_date, starts_on)
       VALUES ('79', 'Đếm', '1/QĐ', '2020-01-01', '2020-01-01') RETURNING id`,
    )
  ).id
  await app.db.exec(
    `INSERT INTO conversion_phases (programme_id, seq, name, deadline, cumulative_target)
     VALUES ($1, 1, 'Giai đoạn 1', '2021-06-30', 6), ($1, 2, 'Giai đoạn 2', '2099-12-31', 12)`,
    [programme],
  )
}, 300_000)
afterAll(() => app?.close())

describe('the conversion dashboard counts stay equal to the scan of the items', () => {
  it('after inserts, transitions, a district change and deletes', async () => {
    await expectCountsEqualScan()
    await app.db.exec(
      `INSERT INTO conversion_items (programme_id, phase_id, station_id, carrier_id, kind, from_class, from_height_m,
                                     to_class, to_height_m, due_date)
       SELECT $1, ph.id, s.id, s.carrier_id, 'lower', 'A2a', 15, 'A2a', 9, ph.deadline
         FROM stations s JOIN conversion_phases ph ON ph.programme_id = $1
                                                  AND ph.seq = CASE WHEN s.id % 3 = 0 THEN 1 ELSE 2 END
        WHERE s.site_code LIKE 'CNT-%'`,
      [programme],
    )
    await expectCountsEqualScan()
    await app.db.exec(
      `UPDATE conversion_items SET status = 'in_progress', status_since = now()
        WHERE programme_id = $1 AND id % 2 = 0`,
      [programme],
    )
    await app.db.exec(
      `UPDATE conversion_items SET status = 'verified', measured_height_m = 9, completed_on = '2021-03-01',
              verified_at = timestamptz '2021-03-02 20:00+00' + make_interval(days => (id % 4)::int)
        WHERE programme_id = $1 AND id % 3 = 0`,
      [programme],
    )
    await expectCountsEqualScan()
    // A verified item returned (its day leaves the history), another reported.
    await app.db.exec(
      `UPDATE conversion_items SET status = 'returned', verified_at = NULL
        WHERE id = (SELECT min(id) FROM conversion_items WHERE programme_id = $1 AND status = 'verified')`,
      [programme],
    )
    await app.db.exec(
      `UPDATE conversion_items SET status = 'reported', measured_height_m = 9, completed_on = '2021-05-01'
        WHERE id = (SELECT min(id) FROM conversion_items WHERE programme_id = $1 AND status = 'in_progress')`,
      [programme],
    )
    await expectCountsEqualScan()
    // A boundary re-derive or an edit moves stations between districts (and into and out of none).
    await app.db.exec(
      `UPDATE stations SET district_code = CASE district_code WHEN '760' THEN '770' WHEN '770' THEN NULL ELSE '760' END
        WHERE site_code IN ('CNT-1', 'CNT-6', 'CNT-11', 'CNT-12')`,
    )
    await app.db.exec(
      `UPDATE conversion_items SET carrier_id = $2, due_date = '2020-06-30' WHERE id = (
                         SELECT max(id) FROM conversion_items WHERE programme_id = $1)`,
      [programme, carriers.vnpt],
    )
    await expectCountsEqualScan()
    await app.db.exec(`DELETE FROM conversion_items WHERE programme_id = $1 AND id % 5 = 0`, [programme])
    await expectCountsEqualScan()
    await app.db.exec('DELETE FROM conversion_programmes WHERE id = $1', [programme])
    const left = await app.db.one<{ n: number }>(
      `SELECT (SELECT count(*) FROM conversion_item_counts WHERE n <> 0)
            + (SELECT count(*) FROM conversion_verified_days WHERE n <> 0) AS n`,
    )
    expect(left.n).toBe(0)
  })
})
