import type { Queryable } from '../../server/db/index'
import { generateProvince } from '../../gis-data/province'
import { startTestApp, type TestApp } from './app'
import type { TestReplicas } from './db'

export const GRID_STATES = ['draft', 'submitted', 'approved', 'in_service', 'in_service'] as const

/**
 * Inserts `n` A2a stations with site codes `<prefix>-<i>` on a 6-wide grid (~220 m apart) from a point inside
 * district 760 of province 79: carriers alternate Viettel / MobiFone, states cycle through GRID_STATES.
 * Answers them with their state and carrier. Needs the province generated (gis-data/province).
 */
export async function insertStationGrid(q: Queryable, prefix: string, n = 30) {
  await q.exec(
    `INSERT INTO stations (province_code, carrier_id, site_code, geom, district_code, mast_class, mast_height_m,
                           building_height_m, technologies, state, decision_no, decision_date)
     SELECT '79', c.id, $2 || '-' || i,
            ST_SetSRID(ST_MakePoint(p.lon + (i % 6) * 0.002, p.lat + (i / 6) * 0.002), 4326),
            '760', 'A2a', 12.5, 20, ARRAY['4G'], ($1::text[])[i % 5 + 1],
            CASE WHEN ($1::text[])[i % 5 + 1] IN ('approved', 'in_service') THEN 'QD-' || i END,
            CASE WHEN ($1::text[])[i % 5 + 1] IN ('approved', 'in_service') THEN DATE '2026-01-05' END
       FROM generate_series(0, $3::int - 1) i,
            (SELECT ST_X(q) AS lon, ST_Y(q) AS lat
               FROM (SELECT ST_PointOnSurface(geom) AS q FROM admin_units WHERE code = '760') s) p,
            LATERAL (SELECT id FROM carriers
                      WHERE short_name = CASE WHEN i % 2 = 0 THEN 'viettel' ELSE 'mobifone' END) c`,
    [GRID_STATES, prefix, n],
  )
  return q.many<{ id: number; state: string; carrier: string }>(
    `SELECT s.id::int AS id, s.state, c.short_name AS carrier
       FROM stations s JOIN carriers c ON c.id = s.carrier_id WHERE s.site_code LIKE $1 || '-%' ORDER BY s.id`,
    [prefix],
  )
}

/** A point inside district 760 of the generated province 79. */
export const pointIn760 = (q: Queryable) =>
  q.one<{ lon: number; lat: number }>(
    `SELECT ST_X(p) AS lon, ST_Y(p) AS lat
       FROM (SELECT ST_PointOnSurface(geom) AS p FROM admin_units WHERE code = '760') t`,
  )

/** The app (see startTestApp) with province 79 generated (seed 20170601), and a point inside its district 760. */
export async function startProvinceApp(
  env: Record<string, string> = {},
  replicas?: TestReplicas,
): Promise<{ app: TestApp; center: { lon: number; lat: number } }> {
  const app = await startTestApp(env, replicas)
  await generateProvince(app.db, '79', 20_170_601)
  return { app, center: await pointIn760(app.db) }
}
