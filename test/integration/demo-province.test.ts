import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createTestDb, type TestDb } from '../helpers/db'
import { generateProvince } from '../../gis-data/province'
import { DEMO_SEED, startDemo } from '../../gis-data/demo'

let db: TestDb
beforeAll(async () => {
  db = await createTestDb()
})
afterAll(async () => {
  await db?.destroy()
})

// ST_Area of an empty geography loses the whole row on the embedded database, hence the ST_IsEmpty guard.
/** Generates the demo province inside a transaction that is rolled back, answering a fingerprint and checks. */
async function generateAndMeasure(seed: number) {
  let result:
    | { fingerprint: string; districts: number; gap_m2: number; overlap_m2: number; invalid: number; ccw: number }
    | undefined
  await db
    .transaction(async (tx) => {
      await generateProvince(tx, '79', seed)
      result = await tx.one(`
        WITH d AS (SELECT geom FROM admin_units WHERE level = 'district'),
             p AS (SELECT geom FROM admin_units WHERE level = 'province')
        SELECT (SELECT md5(string_agg(ST_AsEWKB(geom)::text, ',' ORDER BY code)) FROM admin_units) AS fingerprint,
               (SELECT count(*) FROM d) AS districts,
               (SELECT CASE WHEN ST_IsEmpty(g) THEN 0 ELSE ST_Area(g::geography) END
                  FROM (SELECT ST_SymDifference(p.geom, (SELECT ST_Union(geom) FROM d)) AS g FROM p) x) AS gap_m2,
               (SELECT coalesce(sum(ST_Area(ST_Intersection(a.geom, b.geom)::geography)), 0)
                  FROM admin_units a JOIN admin_units b
                    ON a.level = 'district' AND b.level = 'district' AND a.id < b.id AND a.geom && b.geom)
                 AS overlap_m2,
               (SELECT count(*) FILTER (WHERE NOT ST_IsValid(geom)) FROM admin_units) AS invalid,
               (SELECT count(*) FILTER (WHERE ST_IsPolygonCCW(geom)) FROM admin_units) AS ccw`)
      throw new Error('rollback')
    })
    .catch((err: Error) => {
      if (err.message !== 'rollback') throw err
    })
  return result!
}

describe('demo province', () => {
  it('is the same on every run for a seed and different for another seed', async () => {
    const a = await generateAndMeasure(DEMO_SEED)
    const b = await generateAndMeasure(DEMO_SEED)
    const c = await generateAndMeasure(DEMO_SEED + 1)
    expect(a.fingerprint).toBe(b.fingerprint)
    expect(c.fingerprint).not.toBe(a.fingerprint)
  })

  it('tiles the province with 22 valid districts, without gaps or overlaps', async () => {
    const m = await generateAndMeasure(DEMO_SEED)
    expect(m.districts).toBe(22)
    expect(m.invalid).toBe(0)
    expect(m.ccw).toBe(23)
    expect(m.gap_m2).toBeLessThan(1)
    expect(m.overlap_m2).toBeLessThan(1)
  })
})

describe('demo at start', () => {
  it('leaves a database holding real boundaries alone', async () => {
    // A database of its own: the boundary it adds must not reach the demo province measured above.
    const own = await createTestDb()
    try {
      await own.exec(
        `INSERT INTO admin_units (level, code, name, province_code, geom, valid_from, source)
         VALUES ('province', '48', 'Thành phố Đà Nẵng', '48',
                 ST_Multi(ST_MakeEnvelope(108.0, 15.9, 108.3, 16.2, 4326)), '2020-01-01', 'test')`,
      )
      const result = await startDemo(own, '48')
      expect(result).toEqual({ report: null, layersPending: false })
      expect(await own.many('SELECT name FROM demo_datasets')).toEqual([])
      expect(await own.many(`SELECT 1 FROM users WHERE is_demo`)).toEqual([])
    } finally {
      await own.destroy()
    }
  })
})
